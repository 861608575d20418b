//! Static assets, embedded in the binary and served with a cache lifetime.
//! Nothing is loaded from another host.

use actix_web::http::header::{CONTENT_TYPE, CacheControl, CacheDirective};
use actix_web::{HttpResponse, web};

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

/// Registers the asset routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/app.css", web::get().to(stylesheet));
}
