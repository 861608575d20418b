//! Search: the `/search` page and `GET /api/v1/search`, over an in-RAM index that is rebuilt
//! whenever the knowledge base's generation (`store::generation`) has moved.

use super::api::doc::Op;
use super::api::params::{Param, QueryParams};
use super::error::{ApiError, PageError, WebError};
use super::freshness::SeenGeneration;
use super::identity::Nav;
use super::state::AppState;
use crate::i18n::Message;
use crate::search::{Hit, Lang, MAX_QUERY_CHARS, SearchIndex, Segment};
use crate::store::DbConnection;
use crate::store::cache::Cached;
use crate::store::queries::search::search_documents;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use std::sync::Arc;

/// Hits on the page, and the API's default.
pub const DEFAULT_LIMIT: usize = 30;
/// The most hits the API returns.
pub const MAX_LIMIT: usize = 100;

/// How many searches' hits a server keeps (per generation, the least recently asked dropped).
const SEARCHES_KEPT: std::num::NonZeroUsize = match std::num::NonZeroUsize::new(256) {
    Some(n) => n,
    None => std::num::NonZeroUsize::MIN,
};

/// The server's search index, shared by its workers: rebuilt first whenever the knowledge
/// base's generation has moved, so writes made by this server, another server on the same
/// database or a CLI import are all found at once. The hits of recent searches are kept
/// until then too.
#[derive(Debug)]
pub struct SearchHolder {
    index: Cached<(), SearchIndex>,
    hits: Cached<(String, usize), Vec<Hit>>,
}

impl Default for SearchHolder {
    fn default() -> Self {
        SearchHolder {
            index: Cached::default(),
            hits: Cached::bounded(SEARCHES_KEPT),
        }
    }
}

impl SearchHolder {
    /// The best `limit` hits for `q` at the current generation.
    pub fn search(
        &self,
        conn: &mut DbConnection,
        q: &str,
        limit: usize,
    ) -> Result<Arc<Vec<Hit>>, WebError> {
        self.hits.get(conn, &(q.to_owned(), limit), |conn| {
            self.fresh(conn)?
                .search(q, limit)
                .map_err(|e| WebError::Internal(format!("search failed: {e}")))
        })
    }

    /// The index, rebuilt first if the knowledge base changed since it was built.
    pub fn fresh(&self, conn: &mut DbConnection) -> Result<Arc<SearchIndex>, WebError> {
        self.index.get(conn, &(), build_index)
    }

    /// Rebuilds the index from the database, whatever its generation.
    pub fn rebuild(&self, conn: &mut DbConnection) -> Result<Arc<SearchIndex>, WebError> {
        self.index.rebuild(conn, &(), build_index)
    }
}

fn build_index(conn: &mut DbConnection) -> Result<SearchIndex, WebError> {
    let docs = search_documents(conn)?;
    let started = std::time::Instant::now();
    let index = SearchIndex::build(docs)
        .map_err(|e| WebError::Internal(format!("building the search index: {e}")))?;
    tracing::debug!(
        documents = index.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "search index built"
    );
    Ok(index)
}

/// Rebuilds the search index of `state` now (searches also rebuild it when it is stale).
pub async fn refresh(state: &AppState) -> Result<(), WebError> {
    let holder = state.search.clone();
    state
        .run_web(move |conn| holder.rebuild(conn).map(|_| ()))
        .await
}

/// The query, trimmed; `None` when empty; an error when too long.
pub fn checked_query(q: Option<&str>) -> Result<Option<String>, WebError> {
    let q = q.unwrap_or_default().trim();
    if q.chars().count() > MAX_QUERY_CHARS {
        let max = MAX_QUERY_CHARS as i64;
        return Err(WebError::Invalid(
            Message::new("search-query-too-long").with("max", max),
        ));
    }
    Ok((!q.is_empty()).then(|| q.to_owned()))
}

async fn run_search(state: &AppState, q: String, limit: usize) -> Result<Vec<Hit>, WebError> {
    let holder = state.search.clone();
    state
        .run_web(move |conn| Ok(holder.search(conn, &q, limit)?.as_ref().clone()))
        .await
}

/// The message naming a hit's kind.
pub fn kind_message(kind: &str) -> &'static str {
    match kind {
        "vendor" => "search-kind-vendor",
        "product" => "search-kind-product",
        "incident" => "search-kind-incident",
        "assessment" => "search-kind-assessment",
        "source" => "search-kind-source",
        _ => "search-kind-other",
    }
}

/// The message naming the part of a record a snippet comes from (`Hit::snippet_label`).
pub fn part_message(part: &str) -> &'static str {
    match part {
        "name" => "search-part-name",
        "title" => "search-part-title",
        "description" => "search-part-description",
        "summary" => "search-part-summary",
        "quote" => "search-part-quote",
        "translation" => "search-part-translation",
        "full text" => "search-part-full-text",
        _ => "search-part-other",
    }
}

/// Placeholders of the parts in a worded title; private-use characters no message holds.
const PART_MARKS: [&str; 2] = ["\u{e000}", "\u{e001}"];

/// A hit's title as shown in `lang`: an analyst view's two parts (the analyst, the subject)
/// worded by the catalogue ("… on …", "… sur …"), the highlights of each kept.
pub fn worded_title(hit: &Hit, lang: crate::i18n::Lang) -> Vec<Segment> {
    let parts = hit.title_parts();
    let ([analyst, subject], "assessment") = (parts.as_slice(), hit.kind) else {
        return parts.concat();
    };
    let wording = crate::i18n::translate(
        lang,
        "search-assessment-title",
        &[
            ("analyst", PART_MARKS[0].into()),
            ("subject", PART_MARKS[1].into()),
        ],
    );
    let mut shown = Vec::new();
    let mut rest = wording.as_str();
    loop {
        let next = PART_MARKS
            .iter()
            .zip([analyst, subject])
            .filter_map(|(mark, part)| rest.find(mark).map(|at| (at, mark.len(), part)))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, len, part)) = next else {
            break;
        };
        literal(&mut shown, &rest[..at]);
        shown.extend(part.iter().cloned());
        rest = &rest[at + len..];
    }
    literal(&mut shown, rest);
    shown
}

fn literal(shown: &mut Vec<Segment>, text: &str) {
    if !text.is_empty() {
        shown.push(Segment {
            text: text.to_owned(),
            mark: false,
        });
    }
}

/// A BCP 47 code for a snippet's `lang` attribute (empty when unknown).
pub fn lang_code(lang: &Lang) -> &'static str {
    match lang {
        Lang::French => "fr",
        Lang::English => "en",
        Lang::Unknown => "",
    }
}

/// `?q=` on the page.
#[derive(Debug, Deserialize)]
pub struct PageQuery {
    pub q: Option<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub nav: Nav,
    /// The query as typed (refilled into the box).
    pub q: String,
    /// Whether a search ran (a non-empty query).
    pub searched: bool,
    pub hits: Vec<Hit>,
    pub limit: usize,
}

/// `GET /search?q=`.
pub async fn page(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
    seen: SeenGeneration,
) -> Result<HttpResponse, PageError> {
    let q = checked_query(query.q.as_deref())?;
    let holder = state.search.clone();
    let day = chrono::Utc::now().date_naive();
    let page = state.page(&nav, seen, day, move |c, nav| {
        let mut hits = match &q {
            Some(q) => holder.search(c, q, DEFAULT_LIMIT)?.as_ref().clone(),
            None => Vec::new(),
        };
        for hit in &mut hits {
            hit.title = worded_title(hit, nav.lang);
        }
        Ok(SearchPage {
            nav,
            searched: q.is_some(),
            q: q.unwrap_or_default(),
            hits,
            limit: DEFAULT_LIMIT,
        })
    });
    Ok(page.await?)
}

/// `?q=&limit=` on the API, as it was read before `QueryParams`: kept while the fuzz target
/// (fuzz/) uses it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiQuery {
    pub q: Option<String>,
    pub limit: Option<usize>,
}

/// One hit as the API answers it.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct ApiHit<'a> {
    /// `vendor`, `product`, `incident`, `source`, ...
    #[schema(value_type = String)]
    kind: &'static str,
    title: String,
    #[schema(value_type = String)]
    href: &'a str,
    score: f32,
    #[schema(value_type = String)]
    context: &'a str,
    snippet: String,
    #[schema(value_type = String)]
    snippet_source: &'static str,
    #[schema(value_type = String)]
    snippet_language: &'static str,
    highlights: ApiHighlights<'a>,
}

/// A hit's title and snippet as segments, `mark: true` on matched words.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct ApiHighlights<'a> {
    #[schema(value_type = Vec<Segment>)]
    title: &'a [Segment],
    #[schema(value_type = Vec<Segment>)]
    snippet: &'a [Segment],
}

/// The search API's answer.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct SearchAnswer<'a> {
    query: String,
    total: usize,
    items: Vec<ApiHit<'a>>,
}

/// The search API's parameters.
const API_PARAMS: &[Param] = &[
    Param::text("q", "The words to look for (required)."),
    Param::integer(
        "limit",
        "How many hits at most (default 30).",
        1,
        MAX_LIMIT as i64,
    ),
];

pub fn api_doc() -> Op {
    Op::new("search", "Search the knowledge base")
        .describe(
            "The records matching `q` (French and English, accents and plurals folded), best \
             first; without `q` the answer is a 400.",
        )
        .params(&[API_PARAMS])
        .returns::<SearchAnswer<'static>>(200)
}

/// `GET /api/v1/search?q=&limit=`: the ranked hits, each with its title and snippet as plain
/// text and as segments (`mark: true` on matched words).
pub async fn api(state: web::Data<AppState>, query: QueryParams) -> Result<HttpResponse, ApiError> {
    query.check(&[API_PARAMS])?;
    let Some(q) = checked_query(query.get("q"))? else {
        return Err(WebError::BadRequest("q is required".into()).into());
    };
    let limit = query
        .integer("limit")
        .and_then(|l| usize::try_from(l).ok())
        .unwrap_or(DEFAULT_LIMIT);
    let mut hits = run_search(&state, q.clone(), limit).await?;
    for hit in &mut hits {
        hit.title = worded_title(hit, crate::i18n::Lang::En);
    }
    let items: Vec<ApiHit<'_>> = hits
        .iter()
        .map(|h| ApiHit {
            kind: h.kind,
            title: h.title_text(),
            href: &h.href,
            score: h.score,
            context: &h.context,
            snippet: h.snippet_text(),
            snippet_source: h.snippet_label,
            snippet_language: lang_code(&h.snippet_lang),
            highlights: ApiHighlights {
                title: &h.title,
                snippet: &h.snippet,
            },
        })
        .collect();
    Ok(HttpResponse::Ok().json(SearchAnswer {
        query: q,
        total: items.len(),
        items,
    }))
}
