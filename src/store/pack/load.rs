//! Reading pack files (one file, or every `*.toml` of a directory) into documents, with
//! parse errors located by file, line, record and field, and `text_file` sources resolved.

use super::error::{PackError, PackIssue};
use super::format::PackDocument;
use crate::domain::SourceText;
use sha2::{Digest, Sha256};
use std::path::{Component, Path, PathBuf};

/// One parsed pack file.
#[derive(Debug, Clone)]
pub struct LoadedFile {
    /// The path as shown in messages.
    pub path: String,
    pub doc: PackDocument,
}

/// A whole pack, ready to import.
#[derive(Debug, Clone)]
pub struct LoadedPack {
    pub name: String,
    pub files: Vec<LoadedFile>,
    /// SHA-256 of every file read, to tell a changed pack from the one imported.
    pub digest: String,
}

impl LoadedPack {
    /// Every category of every file, for checks that span files.
    pub fn all_categories(&self) -> Vec<super::format::PackCategory> {
        self.files
            .iter()
            .flat_map(|f| f.doc.categories.iter().cloned())
            .collect()
    }
}

/// Loads a pack from a `.toml` file or a directory of them (read in name order).
pub fn load_path(path: &Path) -> Result<LoadedPack, PackError> {
    let io = |p: &Path| {
        let shown = p.display().to_string();
        move |source| PackError::Io {
            path: shown,
            source,
        }
    };
    let mut paths: Vec<PathBuf> = if path.is_dir() {
        std::fs::read_dir(path)
            .map_err(io(path))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect()
    } else {
        vec![path.to_path_buf()]
    };
    paths.sort();
    if paths.is_empty() {
        return Err(PackError::Invalid(vec![PackIssue {
            file: path.display().to_string(),
            line: None,
            record: None,
            field: None,
            message: "no .toml pack file in this directory".into(),
        }]));
    }
    let mut files = Vec::new();
    for p in &paths {
        let content = std::fs::read_to_string(p).map_err(io(p))?;
        files.push((p.display().to_string(), content));
    }
    load_files(files, |rel| {
        std::fs::read_to_string(rel).map_err(|e| e.to_string())
    })
}

/// Parses pack files given as (shown path, content); `read_text` reads a `text_file`
/// given its path joined to the pack file's folder.
pub fn load_files(
    files: Vec<(String, String)>,
    read_text: impl Fn(&str) -> Result<String, String>,
) -> Result<LoadedPack, PackError> {
    let mut issues = Vec::new();
    let mut hasher = Sha256::new();
    let mut loaded = Vec::new();
    for (path, content) in files {
        hasher.update(path.as_bytes());
        hasher.update([0]);
        hasher.update(content.as_bytes());
        match toml::from_str::<PackDocument>(&content) {
            Ok(mut doc) => {
                resolve_text_files(&path, &mut doc, &read_text, &mut hasher, &mut issues);
                loaded.push(LoadedFile { path, doc });
            }
            Err(err) => issues.push(parse_issue(&path, &content, &err)),
        }
    }
    let name = pack_name(&loaded, &mut issues);
    if !issues.is_empty() {
        return Err(PackError::Invalid(issues));
    }
    Ok(LoadedPack {
        name,
        files: loaded,
        digest: format!("{:x}", hasher.finalize()),
    })
}

fn pack_name(files: &[LoadedFile], issues: &mut Vec<PackIssue>) -> String {
    let named: Vec<(&str, &str)> = files
        .iter()
        .filter_map(|f| {
            f.doc
                .pack
                .as_ref()
                .map(|h| (f.path.as_str(), h.name.as_str()))
        })
        .collect();
    match named.as_slice() {
        [(_, name)] => (*name).to_owned(),
        [] => {
            if let Some(first) = files.first() {
                issues.push(PackIssue {
                    file: first.path.clone(),
                    line: None,
                    record: Some("[pack]".into()),
                    field: Some("name".into()),
                    message: "the pack has no name: add `[pack]` with `name = \"...\"` to one file"
                        .into(),
                });
            }
            String::new()
        }
        [_, rest @ ..] => {
            for (file, _) in rest {
                issues.push(PackIssue {
                    file: (*file).to_owned(),
                    line: None,
                    record: Some("[pack]".into()),
                    field: None,
                    message: "only one file of a pack may have a [pack] header".into(),
                });
            }
            String::new()
        }
    }
}

fn resolve_text_files(
    path: &str,
    doc: &mut PackDocument,
    read_text: &impl Fn(&str) -> Result<String, String>,
    hasher: &mut Sha256,
    issues: &mut Vec<PackIssue>,
) {
    for (i, source) in doc.sources.iter_mut().enumerate() {
        let record = Some(format!("sources[{}] \"{}\"", i + 1, source.slug));
        let issue = |field: &str, message: String| PackIssue {
            file: path.to_owned(),
            line: None,
            record: record.clone(),
            field: Some(field.to_owned()),
            message,
        };
        if let Some(rel) = source.text_file.take() {
            if source.text.is_some() {
                issues.push(issue(
                    "text_file",
                    "give either `text` or `text_file`, not both".into(),
                ));
                continue;
            }
            let joined = join_relative(path, &rel);
            match read_text(&joined) {
                Ok(text) => {
                    hasher.update(text.as_bytes());
                    source.text = Some(text);
                }
                Err(e) => issues.push(issue("text_file", format!("cannot read {joined}: {e}"))),
            }
        }
        if let Some(text) = &source.text
            && let Err(e) = SourceText::parse(text.as_str())
        {
            issues.push(issue("text", e.to_string()));
        }
    }
}

/// Joins `rel` to the folder of `file`, removing `.` and `..` parts.
pub fn join_relative(file: &str, rel: &str) -> String {
    let base = Path::new(file).parent().unwrap_or(Path::new(""));
    let mut out = PathBuf::new();
    for part in base.join(rel).components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out.display().to_string()
}

/// Turns a TOML parse error into an issue naming the line, the record and the field.
fn parse_issue(path: &str, content: &str, err: &toml::de::Error) -> PackIssue {
    let message = err.message().trim().to_owned();
    let Some(span) = err.span() else {
        return PackIssue {
            file: path.to_owned(),
            line: None,
            record: None,
            field: None,
            message,
        };
    };
    let mut offset = span.start.min(content.len());
    while !content.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_no = content[..offset].matches('\n').count() + 1;
    let line_text = content.lines().nth(line_no - 1).unwrap_or_default();
    let field = line_text
        .split_once('=')
        .map(|(key, _)| key.trim().trim_matches('"').to_owned())
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    PackIssue {
        file: path.to_owned(),
        line: Some(line_no),
        record: record_at(content, line_no),
        field,
        message,
    }
}

/// Names the array-of-tables record that contains line `line_no` (1-based), e.g.
/// `incidents[2] "mimecast-compromise" > involvements[1]`.
fn record_at(content: &str, line_no: usize) -> Option<String> {
    let lines: Vec<&str> = content.lines().collect();
    let mut top: Option<(String, usize, usize)> = None; // (name, index, header line)
    let mut nested: Option<(String, usize)> = None;
    let mut top_counts = std::collections::HashMap::<String, usize>::new();
    let mut nested_counts = std::collections::HashMap::<String, usize>::new();
    for (i, raw) in lines.iter().enumerate().take(line_no) {
        let line = raw.trim();
        let Some(header) = line.strip_prefix("[[").and_then(|l| l.split("]]").next()) else {
            if line.starts_with('[') && !line.starts_with("[[") {
                top = None;
                nested = None;
            }
            continue;
        };
        let header = header.trim();
        match header.split_once('.') {
            None => {
                let n = top_counts.entry(header.to_owned()).or_default();
                *n += 1;
                top = Some((header.to_owned(), *n, i));
                nested = None;
                nested_counts.clear();
            }
            Some((_, child)) => {
                let n = nested_counts.entry(child.to_owned()).or_default();
                *n += 1;
                nested = Some((child.to_owned(), *n));
            }
        }
    }
    let (name, index, header_line) = top?;
    let slug = lines
        .iter()
        .skip(header_line + 1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .find_map(|l| {
            let (key, value) = l.split_once('=')?;
            (key.trim() == "slug").then(|| value.trim().trim_matches('"').to_owned())
        });
    let mut label = format!("{name}[{index}]");
    if let Some(slug) = slug {
        label.push_str(&format!(" \"{slug}\""));
    }
    if let Some((child, n)) = nested {
        label.push_str(&format!(" > {child}[{n}]"));
    }
    Some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_relative_paths() {
        assert_eq!(
            join_relative("seeds/a.toml", "sources/x.txt"),
            "seeds/sources/x.txt"
        );
        assert_eq!(join_relative("seeds/a.toml", "../x.txt"), "x.txt");
        assert_eq!(join_relative("a.toml", "./x.txt"), "x.txt");
    }

    #[test]
    fn parse_errors_name_line_record_and_field() {
        let content = "[pack]\nname = \"p\"\n\n[[vendors]]\nslug = \"a\"\nname = \"A\"\ntier = \"high\"\nstatus = \"active\"\n\n[[vendors]]\nslug = \"b\"\nname = \"B\"\ntier = \"huge\"\nstatus = \"active\"\n";
        let err = load_files(
            vec![("p.toml".into(), content.into())],
            |_| Err("no".into()),
        )
        .unwrap_err();
        let PackError::Invalid(issues) = err else {
            panic!("expected invalid pack");
        };
        let text = issues[0].to_string();
        assert!(
            text.starts_with("p.toml:13: vendors[2] \"b\": field `tier`:"),
            "{text}"
        );
        assert!(text.contains("unknown tier \"huge\""), "{text}");
    }
}
