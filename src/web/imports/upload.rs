//! The uploaded bulk import form (multipart/form-data): its body read up to a limit and its
//! fields split out, for the import page and for the CSRF check of the access layer.

use crate::bulk::MAX_FILE_BYTES;

/// The largest upload body: the file, or the file base64-encoded in the "Import now"
/// form (4/3 larger), plus room for the other fields.
pub const UPLOAD_LIMIT: usize = MAX_FILE_BYTES / 3 * 4 + 64 * 1024;

/// One field of a multipart body: its name, its file name when it is a file, its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub data: Vec<u8>,
}

/// Whether `content_type` is a multipart form, and its boundary.
pub fn boundary(content_type: &str) -> Option<String> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_owned())
            .filter(|b| !b.is_empty())
    })
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// A `key="value"` parameter of a Content-Disposition header line.
fn param(line: &str, key: &str) -> Option<String> {
    line.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(key)).then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// Every field of a multipart body with `boundary`; `None` when it is not well formed.
pub fn parts(body: &[u8], boundary: &str) -> Option<Vec<Part>> {
    let delimiter = format!("--{boundary}").into_bytes();
    let next = format!("\r\n--{boundary}").into_bytes();
    let mut at = find(body, &delimiter, 0)? + delimiter.len();
    let mut parts = Vec::new();
    loop {
        if body.get(at..at + 2) == Some(b"--") {
            return Some(parts);
        }
        let head_start = at + 2;
        let head_end = find(body, b"\r\n\r\n", head_start)?;
        let head = String::from_utf8_lossy(body.get(head_start..head_end)?).into_owned();
        let data_start = head_end + 4;
        let data_end = find(body, &next, data_start)?;
        let disposition = head
            .split("\r\n")
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        parts.push(Part {
            name: param(disposition, "name")?,
            filename: param(disposition, "filename"),
            data: body.get(data_start..data_end)?.to_vec(),
        });
        at = data_end + next.len();
    }
}

/// The text of the field `name` of a multipart body, when there is one.
pub fn text_field(body: &[u8], content_type: &str, name: &str) -> Option<String> {
    let parts = parts(body, &boundary(content_type)?)?;
    parts
        .into_iter()
        .find(|p| p.name == name)
        .and_then(|p| String::from_utf8(p.data).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_split_out() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.csv\"\r\nContent-Type: text/csv\r\n\r\nslug,name\r\na,b\r\n\r\n--XyZ--\r\n";
        let ct = "multipart/form-data; boundary=XyZ";
        assert_eq!(text_field(body, ct, "csrf_token").as_deref(), Some("abc"));
        let parts = parts(body, "XyZ").unwrap();
        assert_eq!(parts[1].filename.as_deref(), Some("v.csv"));
        assert_eq!(parts[1].data, b"slug,name\r\na,b\r\n");
        assert_eq!(boundary("application/x-www-form-urlencoded"), None);
    }
}
