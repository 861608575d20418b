//! Pagination of the API's lists: `limit` with an opaque `cursor` (or a `page` number),
//! answered as `{items, total, limit, offset, next_cursor}` with a `Link: rel="next"` header.

use super::params::{Param, QueryParams};
use crate::store::queries::{Page, PageRequest};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;

/// The paging parameters every list takes.
pub const PAGING: &[Param] = &[
    Param::integer(
        "limit",
        "How many items per page (default 50).",
        1,
        PageRequest::MAX_LIMIT,
    ),
    Param::text(
        "cursor",
        "Where the page starts: the `next_cursor` of the previous page.",
    ),
    Param::integer(
        "page",
        "A page number, counted from 1 (instead of a cursor).",
        1,
        i32::MAX as i64,
    ),
];

/// The slice a list request asks for; a cursor that is not one of ours, or a cursor given
/// with a page number, is a 400 naming it.
pub fn page_request(query: &QueryParams) -> Result<PageRequest, super::ApiError> {
    let limit = query.integer("limit");
    let per = PageRequest::new(limit, None).limit;
    let offset = match (query.get("cursor"), query.integer("page")) {
        (Some(_), Some(_)) => {
            return Err(field_error("page", "api-cursor-and-page"));
        }
        (Some(cursor), None) => {
            decode_cursor(cursor).ok_or_else(|| field_error("cursor", "api-cursor-invalid"))?
        }
        (None, Some(page)) => (page - 1).saturating_mul(per),
        (None, None) => 0,
    };
    Ok(PageRequest::new(Some(per), Some(offset)))
}

fn field_error(field: &'static str, id: &'static str) -> super::ApiError {
    let mut errors = super::FieldErrors::default();
    errors.add(field, crate::i18n::Message::new(id));
    super::WebError::Fields(errors).into()
}

/// The cursor of the page starting at `offset`.
pub fn encode_cursor(offset: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("o{offset}"))
}

fn decode_cursor(cursor: &str) -> Option<i64> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    text.strip_prefix('o')?
        .parse::<i64>()
        .ok()
        .filter(|o| *o >= 0)
}

/// One page of a list, as the API answers it.
#[derive(Debug, Serialize)]
pub struct ListPage<T> {
    pub items: Vec<T>,
    /// How many items match, on every page.
    pub total: i64,
    pub limit: i64,
    /// How many items come before this page.
    pub offset: i64,
    /// The `cursor` of the next page; null on the last.
    pub next_cursor: Option<String>,
}

/// The page as JSON, with a `Link` header to the next page when there is one.
pub fn list_response<T: Serialize>(
    req: &HttpRequest,
    page: Page<T>,
    request: PageRequest,
) -> HttpResponse {
    let next_cursor = next_cursor(request, page.total);
    let list = ListPage {
        items: page.items,
        total: page.total,
        limit: request.limit,
        offset: request.offset,
        next_cursor: next_cursor.clone(),
    };
    window_response(req, &list, next_cursor.as_deref())
}

/// The `cursor` of the page after `request`'s, while items remain among `total`.
pub fn next_cursor(request: PageRequest, total: impl TryInto<i64>) -> Option<String> {
    let next = request.offset.saturating_add(request.limit);
    let total = total.try_into().unwrap_or(i64::MAX);
    (next < total).then(|| encode_cursor(next))
}

/// A page of anything as JSON, with a `Link` header to the next page when there is one.
pub fn window_response<T: Serialize>(
    req: &HttpRequest,
    body: &T,
    next_cursor: Option<&str>,
) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    if let Some(cursor) = next_cursor {
        response.insert_header((header::LINK, next_link(req, cursor)));
    }
    response.json(body)
}

/// `<path?query with the cursor>; rel="next"`: the request's own parameters kept, its
/// `cursor` and `page` replaced.
fn next_link(req: &HttpRequest, cursor: &str) -> String {
    let kept: Vec<(String, String)> =
        serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string())
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| k != "cursor" && k != "page")
            .chain([("cursor".to_owned(), cursor.to_owned())])
            .collect();
    let query = serde_urlencoded::to_string(&kept).unwrap_or_default();
    format!("<{}?{query}>; rel=\"next\"", req.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: &str) -> Result<PageRequest, String> {
        let q = QueryParams::parse(query).map_err(|e| e.to_string())?;
        q.check(&[PAGING]).map_err(|e| e.to_string())?;
        page_request(&q).map_err(|e| e.to_string())
    }

    #[test]
    fn a_cursor_leads_to_where_the_last_page_ended() {
        let cursor = encode_cursor(40);
        assert_eq!(
            request(&format!("limit=20&cursor={cursor}")),
            Ok(PageRequest::new(Some(20), Some(40)))
        );
        assert_eq!(
            request("limit=10&page=3"),
            Ok(PageRequest::new(Some(10), Some(20)))
        );
        assert_eq!(request(""), Ok(PageRequest::default()));
    }

    #[test]
    fn a_foreign_cursor_or_a_cursor_with_a_page_is_refused() {
        assert!(request("cursor=not-ours").is_err());
        assert!(request(&format!("cursor={}", URL_SAFE_NO_PAD.encode("o-5"))).is_err());
        assert!(request(&format!("cursor={}&page=2", encode_cursor(5))).is_err());
    }
}
