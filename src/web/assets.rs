//! Static assets, embedded in the binary. The stylesheet is linked under a name holding a
//! fingerprint of its content, cached for a year; nothing is loaded from another host.

use actix_web::http::header::{CONTENT_TYPE, CacheControl, CacheDirective};
use actix_web::{HttpResponse, web};
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

const STYLESHEET: &str = include_str!("../../static/app.css");

/// The first 16 hexadecimal digits of the stylesheet's SHA-256: a new build with another
/// stylesheet links another URL, so a year-long cache lifetime never serves a stale one.
static FINGERPRINT: LazyLock<String> = LazyLock::new(|| {
    crate::auth::tokens::hex(&Sha256::digest(STYLESHEET.as_bytes()))
        .chars()
        .take(16)
        .collect()
});

/// The URL pages link the stylesheet by.
pub fn stylesheet_url() -> String {
    format!("/static/{}/app.css", *FINGERPRINT)
}

fn stylesheet_response(cache: CacheControl) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header(cache)
        .body(STYLESHEET)
}

/// `GET /static/{fingerprint}/app.css`: under this build's fingerprint, cached for a year
/// and never revalidated; under another (a page from before an upgrade), today's
/// stylesheet, revalidated on each use.
pub async fn fingerprinted_stylesheet(fingerprint: web::Path<String>) -> HttpResponse {
    let cache = if *fingerprint == *FINGERPRINT {
        CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(365 * 24 * 3600),
            CacheDirective::Extension("immutable".to_owned(), None),
        ])
    } else {
        CacheControl(vec![CacheDirective::NoCache])
    };
    stylesheet_response(cache)
}

/// `GET /static/app.css`: the stylesheet under its plain name, for links made elsewhere;
/// cached for an hour.
pub async fn stylesheet() -> HttpResponse {
    stylesheet_response(CacheControl(vec![
        CacheDirective::Public,
        CacheDirective::MaxAge(3600),
    ]))
}
