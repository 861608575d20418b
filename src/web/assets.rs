//! Static assets, embedded in the binary and served with a cache lifetime.
//! Nothing is loaded from another host.

use actix_web::HttpResponse;
use actix_web::http::header::{CONTENT_TYPE, CacheControl, CacheDirective};

const STYLESHEET: &str = include_str!("../../static/app.css");

/// `GET /static/app.css`.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header(CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(3600),
        ]))
        .body(STYLESHEET)
}
