//! `GET /language/{code}?back=PATH`: the language switch. It remembers the choice in a
//! cookie for a year and returns to the page it was clicked on (a local path only).

use crate::i18n::{LANG_COOKIE, Lang};
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Back {
    #[serde(default)]
    pub back: String,
}

/// Where to return: a path on this server ("/vendors?tier=critical"), never another host.
pub fn local_path(back: &str) -> &str {
    let local = back.starts_with('/')
        && !back.starts_with("//")
        && !back.starts_with("/\\")
        && !back.chars().any(|c| c.is_control());
    if local { back } else { "/" }
}

/// `GET /language/{code}`: an unknown code is a 404 (no such page), not a silent default.
pub async fn switch(
    req: HttpRequest,
    code: web::Path<String>,
    back: web::Query<Back>,
) -> HttpResponse {
    let Some(lang) = Lang::parse(&code).filter(|l| l.code() == code.as_str()) else {
        return super::error::error_page(
            actix_web::http::StatusCode::NOT_FOUND,
            format!("No interface language \"{code}\": choose en or fr"),
        );
    };
    let cookie = Cookie::build(LANG_COOKIE, lang.code())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(super::identity::is_https(&req))
        .finish();
    HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, local_path(&back.back)))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn returns_only_to_local_paths() {
        assert_eq!(
            local_path("/vendors?tier=critical"),
            "/vendors?tier=critical"
        );
        assert_eq!(local_path("//evil.example/x"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path(""), "/");
        assert_eq!(local_path("/a\nSet-Cookie: x"), "/");
    }
}
