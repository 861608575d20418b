//! Conditional writes: a record's ETag is a digest of its editable fields, and a change or
//! a delete must name the version it was based on in `If-Match` (428 without, 412 if stale).

use super::super::error::WebError;
use actix_web::HttpRequest;
use actix_web::http::header;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The strong ETag (quoted) of a record's editable fields.
pub fn etag_of<T: Serialize>(editable: &T) -> Result<String, WebError> {
    let json = serde_json::to_vec(editable)
        .map_err(|e| WebError::Internal(format!("cannot digest a record: {e}")))?;
    let digest = Sha256::digest(&json);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("\"{hex}\""))
}

/// The request's `If-Match`, as sent.
pub fn if_match(req: &HttpRequest) -> Result<Option<String>, WebError> {
    match req.headers().get(header::IF_MATCH) {
        None => Ok(None),
        Some(value) => value
            .to_str()
            .map(|v| Some(v.to_owned()))
            .map_err(|_| WebError::BadRequest("If-Match is not readable text".into())),
    }
}

/// Whether the write may go ahead on the record whose ETag is `current`: `If-Match` must
/// name it (or be `*`); weak tags never match.
pub fn check_if_match(if_match: Option<&str>, current: &str) -> Result<(), WebError> {
    let Some(given) = if_match else {
        return Err(WebError::PreconditionRequired(format!(
            "send If-Match with the ETag of the record you changed (now {current}), so that \
             another editor's change is not overwritten"
        )));
    };
    let matches = given
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag == current);
    if matches {
        Ok(())
    } else {
        Err(WebError::PreconditionFailed(format!(
            "the record has changed since you read it: its ETag is now {current}; read it \
             again and redo your change"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_etag_follows_the_editable_fields() {
        let a = etag_of(&json!({"name": "Acme"})).unwrap();
        assert_eq!(a, etag_of(&json!({"name": "Acme"})).unwrap());
        assert_ne!(a, etag_of(&json!({"name": "Acme Corp"})).unwrap());
        assert!(a.starts_with('"') && a.ends_with('"') && a.len() == 34);
    }

    #[test]
    fn only_the_current_version_or_a_star_matches() {
        let current = "\"abc\"";
        assert!(check_if_match(Some("\"abc\""), current).is_ok());
        assert!(check_if_match(Some("\"x\", \"abc\""), current).is_ok());
        assert!(check_if_match(Some("*"), current).is_ok());
        assert!(matches!(
            check_if_match(Some("W/\"abc\""), current),
            Err(WebError::PreconditionFailed(_))
        ));
        assert!(matches!(
            check_if_match(Some("\"old\""), current),
            Err(WebError::PreconditionFailed(_))
        ));
        assert!(matches!(
            check_if_match(None, current),
            Err(WebError::PreconditionRequired(_))
        ));
    }
}
