//! Rendered pages kept per generation, address, language, role and day, written once with
//! marks where the reader's own e-mail and CSRF token go and filled in for each reader.

use super::error::WebError;
use super::freshness::SeenGeneration;
use super::identity::Nav;
use super::state::AppState;
use crate::domain::Role;
use crate::i18n::Lang;
use crate::store::DbConnection;
use crate::store::cache::Cached;
use actix_web::HttpResponse;
use actix_web::http::header::ContentType;
use askama::Template;
use chrono::NaiveDate;
use std::num::NonZeroUsize;
use std::sync::OnceLock;

/// How many rendered pages a server keeps (some tens of kilobytes each).
const PAGES_KEPT: NonZeroUsize = match NonZeroUsize::new(128) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

/// What a page's content depends on besides the knowledge base: its address (path and
/// query), the reader's language and role (links and sections shown by permission) and the
/// day (pages are scored as of today unless asked otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    here: String,
    lang: Lang,
    role: Option<Role>,
    day: NaiveDate,
}

/// Pages written with marks, dropped when the knowledge base changes.
#[derive(Debug)]
pub struct RenderedPages(Cached<PageKey, MarkedPage>);

impl Default for RenderedPages {
    fn default() -> Self {
        RenderedPages(Cached::bounded(PAGES_KEPT))
    }
}

/// A page rendered with marks, cut where they were.
#[derive(Debug)]
pub struct MarkedPage {
    html: String,
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(std::ops::Range<usize>),
    Email,
    Csrf,
}

impl MarkedPage {
    fn cut(html: String) -> MarkedPage {
        let marks = marks();
        let mut found: Vec<(usize, usize, Piece)> = html
            .match_indices(marks.email.as_str())
            .map(|(at, m)| (at, m.len(), Piece::Email))
            .chain(
                html.match_indices(marks.csrf.as_str())
                    .map(|(at, m)| (at, m.len(), Piece::Csrf)),
            )
            .collect();
        found.sort_by_key(|(at, _, _)| *at);
        let mut pieces = Vec::with_capacity(found.len() * 2 + 1);
        let mut from = 0;
        for (at, len, mark) in found {
            pieces.push(Piece::Text(from..at));
            pieces.push(mark);
            from = at + len;
        }
        pieces.push(Piece::Text(from..html.len()));
        MarkedPage { html, pieces }
    }

    /// The page with the reader's e-mail (escaped) and CSRF token in place of the marks.
    fn fill(&self, email: &str, csrf: &str) -> String {
        let mut page = String::with_capacity(self.html.len() + 256);
        for piece in &self.pieces {
            match piece {
                Piece::Text(range) => page.push_str(self.html.get(range.clone()).unwrap_or("")),
                Piece::Email => page.push_str(email),
                Piece::Csrf => page.push_str(csrf),
            }
        }
        page
    }
}

/// The marks written in place of the reader's own values: random for each server process,
/// so that no content can contain them; letters and digits only, so escaping leaves them
/// whole.
struct Marks {
    email: String,
    csrf: String,
}

fn marks() -> &'static Marks {
    static MARKS: OnceLock<Marks> = OnceLock::new();
    MARKS.get_or_init(|| {
        let nonce = crate::auth::tokens::random_token(12).unwrap_or_else(|_| {
            // Without the system's generator, the process's start time and id still make
            // marks that content written before this start cannot hold.
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            format!("{now:x}{:x}", std::process::id())
        });
        Marks {
            email: format!("tkbEmail{nonce}x"),
            csrf: format!("tkbCsrf{nonce}x"),
        }
    })
}

impl Nav {
    /// This header with marks in place of the reader's e-mail and CSRF token.
    fn marked(&self) -> Nav {
        let mut nav = self.clone();
        if let Some(user) = nav.user.as_mut() {
            user.email.clone_from(&marks().email);
            user.csrf_token.clone_from(&marks().csrf);
        }
        nav
    }

    /// The key of the page this header belongs to, shown as of `day`.
    fn page_key(&self, day: NaiveDate) -> PageKey {
        PageKey {
            here: self.here.clone(),
            lang: self.lang,
            role: self.user.as_ref().map(|u| u.role),
            day,
        }
    }

    /// A marked page filled in for this reader.
    fn fill(&self, page: &MarkedPage) -> String {
        let Some(user) = self.user.as_ref() else {
            return page.fill("", "");
        };
        let email = askama::filters::escape(&user.email, askama::filters::Html)
            .map_or_else(|_| String::new(), |escaped| escaped.to_string());
        page.fill(&email, &user.csrf_token)
    }
}

impl AppState {
    /// The page for `nav`'s reader, as of `day`: from the rendered pages when held for the
    /// generation `seen` in this request (no database turn), else built on the database by
    /// `build` (given the marked header) and rendered.
    pub async fn page<T, F>(
        &self,
        nav: &Nav,
        seen: SeenGeneration,
        day: NaiveDate,
        build: F,
    ) -> Result<HttpResponse, WebError>
    where
        T: Template,
        F: FnOnce(&mut DbConnection, Nav) -> Result<T, WebError> + Send + 'static,
    {
        let key = nav.page_key(day);
        let held = seen
            .0
            .and_then(|generation| self.pages.0.held(generation, &key));
        let page = match held {
            Some(page) => page,
            None => {
                let pages = self.pages.clone();
                let marked = nav.marked();
                self.run_web(move |c| {
                    pages.0.get(c, &key, |c| {
                        let page = build(c, marked)?;
                        let html = page.render().map_err(|e| {
                            WebError::Internal(format!("cannot render a page: {e}"))
                        })?;
                        Ok(MarkedPage::cut(html))
                    })
                })
                .await?
            }
        };
        Ok(HttpResponse::Ok()
            .content_type(ContentType::html())
            .body(nav.fill(&page)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_replaced_wherever_they_are() {
        let m = marks();
        let html = format!(
            "<a>{}</a><input value=\"{}\"><b>{}</b>",
            m.email, m.csrf, m.email
        );
        let page = MarkedPage::cut(html);
        assert_eq!(
            page.fill("a&amp;b@x", "tok"),
            "<a>a&amp;b@x</a><input value=\"tok\"><b>a&amp;b@x</b>"
        );
        assert_eq!(MarkedPage::cut("plain".into()).fill("e", "c"), "plain");
    }
}
