//! The bulk import form (multipart/form-data) read field by field with actix-multipart: its
//! CSRF token checked before any file byte is kept, every field and the whole body bounded.

use crate::bulk::MAX_FILE_BYTES;
use crate::i18n::Message;
use crate::web::access::CsrfCheck;
use crate::web::identity::CSRF_FIELD;
use actix_multipart::{Field, Multipart};
use actix_web::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use futures_util::StreamExt;

/// The largest base64 copy of a file (the "Import now" form carries the checked file so).
const CONTENT_LIMIT: usize = MAX_FILE_BYTES.div_ceil(3) * 4 + 4 * 1024;
/// The largest short field (the token, the table, the action, anything unknown).
const TEXT_LIMIT: usize = 4 * 1024;
/// The largest whole form: the file, or its base64 copy, plus room for the other fields.
const UPLOAD_LIMIT: usize = CONTENT_LIMIT + 64 * 1024;
/// The most fields a form may have (the forms send four).
const MAX_FIELDS: usize = 16;

/// What the upload form sent: the file (uploaded, or decoded from the "Import now" copy),
/// the table a CSV file holds (empty: told from its header), and whether to import it.
#[derive(Debug, Default)]
pub struct Upload {
    pub file: Vec<u8>,
    pub table: String,
    pub apply: bool,
}

/// Why the form is refused before its file is looked at.
#[derive(Debug)]
pub enum Refusal {
    /// No, or a wrong, CSRF token before the file (403).
    Csrf,
    /// The file, or the whole form, is over its limit (413).
    TooLarge,
    /// Not a well-formed multipart form (400).
    Unreadable,
    /// No file, nor a copy of one (400).
    NoFile,
}

impl Refusal {
    pub fn status(&self) -> StatusCode {
        match self {
            Refusal::Csrf => StatusCode::FORBIDDEN,
            Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::Unreadable | Refusal::NoFile => StatusCode::BAD_REQUEST,
        }
    }

    /// The reason, for the reader.
    pub fn message(&self) -> Message {
        match self {
            Refusal::Csrf => Message::new("error-csrf"),
            Refusal::TooLarge => Message::new("imports-err-too-large")
                .with("limit", (MAX_FILE_BYTES / (1024 * 1024)) as i64),
            Refusal::Unreadable => Message::new("imports-err-form"),
            Refusal::NoFile => Message::new("imports-err-no-file"),
        }
    }
}

/// Reads the form. The token (field `csrf_token`, unless the gate already checked the
/// `X-CSRF-Token` header) must come, and be right, before the file or its copy; short fields
/// before it are read but not used. Reading stops at the first field over its limit.
pub async fn read_upload(mut form: Multipart, csrf: &CsrfCheck) -> Result<Upload, Refusal> {
    let mut verified = false;
    let mut budget = UPLOAD_LIMIT;
    let mut upload = Upload::default();
    let mut fields = 0;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|_| Refusal::Unreadable)?;
        fields += 1;
        if fields > MAX_FIELDS {
            return Err(Refusal::Unreadable);
        }
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            CSRF_FIELD => {
                let sent = text(&mut field, &mut budget).await?;
                if !csrf.accepts(&sent) {
                    return Err(Refusal::Csrf);
                }
                verified = true;
            }
            "file" | "content" if !(verified || csrf.is_done()) => return Err(Refusal::Csrf),
            "file" => {
                let named = field
                    .content_disposition()
                    .and_then(|d| d.get_filename())
                    .is_some_and(|f| !f.is_empty());
                let data = bytes(&mut field, MAX_FILE_BYTES, &mut budget).await?;
                if named && !data.is_empty() {
                    upload.file = data;
                }
            }
            "content" => {
                let data = bytes(&mut field, CONTENT_LIMIT, &mut budget).await?;
                let text: Vec<u8> = data
                    .into_iter()
                    .filter(|b| !b.is_ascii_whitespace())
                    .collect();
                if !text.is_empty() {
                    upload.file = STANDARD.decode(text).map_err(|_| Refusal::Unreadable)?;
                }
            }
            "table" => upload.table = text(&mut field, &mut budget).await?.trim().to_owned(),
            "action" => upload.apply = text(&mut field, &mut budget).await? == "apply",
            _ => {
                bytes(&mut field, TEXT_LIMIT, &mut budget).await?;
            }
        }
    }
    if !(verified || csrf.is_done()) {
        return Err(Refusal::Csrf);
    }
    if upload.file.is_empty() {
        return Err(Refusal::NoFile);
    }
    Ok(upload)
}

/// A short field as text.
async fn text(field: &mut Field, budget: &mut usize) -> Result<String, Refusal> {
    let data = bytes(field, TEXT_LIMIT, budget).await?;
    String::from_utf8(data).map_err(|_| Refusal::Unreadable)
}

/// A field's bytes, up to `limit` and to what is left of the whole form's `budget`.
async fn bytes(field: &mut Field, limit: usize, budget: &mut usize) -> Result<Vec<u8>, Refusal> {
    let mut data = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| Refusal::Unreadable)?;
        if data.len() + chunk.len() > limit || chunk.len() > *budget {
            return Err(Refusal::TooLarge);
        }
        *budget -= chunk.len();
        data.extend_from_slice(&chunk);
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_multipart::test::{TestFormField, create_form_data_payload_and_headers_from_fields};
    use actix_web::error::PayloadError;

    async fn read(fields: Vec<TestFormField<'static>>, csrf: CsrfCheck) -> Result<Upload, Refusal> {
        let (body, headers) = create_form_data_payload_and_headers_from_fields(fields);
        let stream = futures_util::stream::iter([Ok::<_, PayloadError>(body)]);
        read_upload(Multipart::new(&headers, stream), &csrf).await
    }

    fn token(value: &'static str) -> TestFormField<'static> {
        TestFormField::new(CSRF_FIELD, value)
    }

    fn file(bytes: Vec<u8>) -> TestFormField<'static> {
        TestFormField::new("file", bytes).filename("v.csv")
    }

    fn pending() -> CsrfCheck {
        CsrfCheck::Pending(Some("right".into()))
    }

    #[actix_web::test]
    async fn the_token_must_come_right_and_before_the_file() {
        let csv = b"slug,name\na,b\n".to_vec();
        let ok = read(vec![token("right"), file(csv.clone())], pending()).await;
        assert_eq!(ok.map(|u| u.file).ok(), Some(csv.clone()));
        for fields in [
            vec![file(csv.clone())],
            vec![token("wrong"), file(csv.clone())],
            vec![file(csv.clone()), token("right")],
            vec![TestFormField::new("table", "vendors")],
        ] {
            assert!(matches!(read(fields, pending()).await, Err(Refusal::Csrf)));
        }
        let none = read(vec![token(""), file(csv.clone())], CsrfCheck::Pending(None)).await;
        assert!(matches!(none, Err(Refusal::Csrf)));
        // The gate checked the X-CSRF-Token header.
        let done = read(vec![file(csv)], CsrfCheck::Done).await;
        assert!(done.is_ok());
    }

    #[actix_web::test]
    async fn the_copy_is_decoded_and_limits_hold() {
        let copy = read(
            vec![
                token("right"),
                TestFormField::new("content", STANDARD.encode(b"slug\nx\n")),
                TestFormField::new("action", "apply"),
            ],
            pending(),
        )
        .await
        .expect("the copy");
        assert_eq!(copy.file, b"slug\nx\n");
        assert!(copy.apply);
        let huge = vec![b'x'; MAX_FILE_BYTES + 1];
        let too_large = read(vec![token("right"), file(huge)], pending()).await;
        assert!(matches!(too_large, Err(Refusal::TooLarge)));
        let no_file = read(
            vec![token("right"), TestFormField::new("file", "")],
            pending(),
        )
        .await;
        assert!(matches!(no_file, Err(Refusal::NoFile)));
        let bad_copy = read(
            vec![token("right"), TestFormField::new("content", "not base64!")],
            pending(),
        )
        .await;
        assert!(matches!(bad_copy, Err(Refusal::Unreadable)));
    }
}
