//! Every page a signed-in administrator can reach by following links, in English and French,
//! checked as a browser would meet it: valid HTML (the W3C Nu validator), labelled inputs,
//! nothing loaded from another host. Skipped with a message when Java or vnu.jar is absent.

mod common;

use common::{TestApp, TestDb};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Command;
use trustkb::domain::Role;

/// Pages fetched at most per language (the seed case has far fewer).
const MAX_PAGES: usize = 400;
/// Variants (query strings) of one path followed at most: sort and filter links multiply.
const MAX_VARIANTS_PER_PATH: usize = 4;

/// Where vnu.jar is: `VNU_JAR`, else the copy `.ci/run` installs with npm.
fn vnu_jar() -> Option<PathBuf> {
    let candidates = [
        std::env::var("VNU_JAR").ok().map(PathBuf::from),
        Some(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(".ci/tools/node_modules/vnu-jar/build/dist/vnu.jar"),
        ),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

fn java_runs() -> bool {
    Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The values of `attribute="…"` in a page, in order.
fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let marker = format!(" {attribute}=\"");
    html.match_indices(&marker)
        .filter_map(|(at, _)| {
            let rest = &html[at + marker.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// The local pages a page links to (no API, no sign-out, no language switch, no fragments).
fn local_links(html: &str) -> Vec<String> {
    attribute_values(html, "href")
        .into_iter()
        .map(|href| href.replace("&amp;", "&"))
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .filter(|href| {
            !href.starts_with("/api/")
                && !href.starts_with("/static/")
                && !href.starts_with("/language/")
                && !href.starts_with("/logout")
                && !href.ends_with(".pdf")
                && !href.ends_with(".csv")
                && !href.ends_with(".xlsx")
        })
        .collect()
}

/// Problems a validator does not report: inputs without a label, resources from elsewhere.
fn page_problems(path: &str, html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let labelled: BTreeSet<&str> = attribute_values(html, "for").into_iter().collect();
    for (at, _) in html
        .match_indices("<input ")
        .chain(html.match_indices("<select "))
    {
        let tag = &html[at..at + html[at..].find('>').unwrap_or(0)];
        let hidden = ["hidden", "submit", "button"]
            .iter()
            .any(|t| tag.contains(&format!("type=\"{t}\"")));
        let id = attribute_values(tag, "id").first().copied();
        let named = tag.contains("aria-label=\"") || tag.contains("aria-labelledby=\"");
        let before = &html[..at];
        let wrapped = before
            .rfind("<label")
            .is_some_and(|open| before.rfind("</label>").is_none_or(|close| close < open));
        if !hidden && !named && !wrapped && !id.is_some_and(|id| labelled.contains(id)) {
            problems.push(format!("{path}: a form control has no label: {tag}>"));
        }
    }
    for attribute in ["src", "href"] {
        for value in attribute_values(html, attribute) {
            let external = value.starts_with("http://") || value.starts_with("https://");
            let is_resource = attribute == "src"
                || html.contains(&format!("<link rel=\"stylesheet\" href=\"{value}\""));
            if external && is_resource {
                problems.push(format!("{path}: loads {value} from another host"));
            }
        }
    }
    problems
}

/// Follows links from `/` as an administrator in `language`, saving each page under `dir`.
fn crawl(app: &TestApp, language: &str, dir: &Path) -> (Vec<(PathBuf, String)>, Vec<String>) {
    let admin = app.as_role(Role::Admin);
    let headers = [("accept-language", language.to_owned())];
    let mut queue = VecDeque::from(["/".to_owned()]);
    let mut seen = BTreeSet::from(["/".to_owned()]);
    let mut variants: BTreeMap<String, usize> = BTreeMap::new();
    let (mut files, mut problems) = (Vec::new(), Vec::new());
    while let Some(path) = queue.pop_front() {
        if files.len() >= MAX_PAGES {
            break;
        }
        let answer = app.send("GET", &path, &admin, &headers, None);
        if answer.status != 200 {
            problems.push(format!("{path} ({language}): HTTP {}", answer.status));
            continue;
        }
        if !answer
            .header("content-type")
            .is_some_and(|t| t.starts_with("text/html"))
        {
            continue;
        }
        let expected_lang = format!("<html lang=\"{language}\">");
        if !answer.body.contains(&expected_lang) {
            problems.push(format!("{path}: not served in {language}"));
        }
        problems.extend(page_problems(&path, &answer.body));
        let file = dir.join(format!("{language}-{:04}.html", files.len()));
        std::fs::write(&file, &answer.body).expect("write page");
        files.push((file, format!("{path} ({language})")));
        for link in local_links(&answer.body) {
            let bare = link.split('?').next().unwrap_or_default().to_owned();
            let count = variants.entry(bare).or_default();
            if *count < MAX_VARIANTS_PER_PATH && seen.insert(link.clone()) {
                *count += 1;
                queue.push_back(link);
            }
        }
    }
    (files, problems)
}

#[test]
fn every_reachable_page_is_valid_labelled_and_local() {
    let required = std::env::var("TRUSTKB_REQUIRE_VNU").is_ok_and(|v| v == "1");
    let jar = vnu_jar().filter(|_| java_runs());
    if jar.is_none() {
        assert!(
            !required,
            "TRUSTKB_REQUIRE_VNU=1 but java or vnu.jar is missing (see .ci/run)"
        );
        eprintln!(
            "HTML validity check skipped: needs java and vnu.jar (npm install vnu-jar, or set VNU_JAR); the label and local-resource checks still ran"
        );
    }
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for language in ["en", "fr"] {
        let (f, p) = crawl(&app, language, dir.path());
        assert!(f.len() > 20, "only {} pages reached in {language}", f.len());
        files.extend(f);
        problems.extend(p);
    }
    if let Some(jar) = jar {
        let output = Command::new("java")
            .arg("-jar")
            .arg(&jar)
            .args(["--errors-only", "--format", "gnu"])
            .args(files.iter().map(|(file, _)| file))
            .output()
            .expect("run the Nu validator");
        let mut report = String::from_utf8_lossy(&output.stderr).into_owned();
        for (file, page) in &files {
            report = report.replace(&format!("\"file:{}\"", file.display()), page);
            report = report.replace(&file.display().to_string(), page);
        }
        problems.extend(report.lines().map(str::to_owned));
    }
    eprintln!("checked {} pages", files.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
