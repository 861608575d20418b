//! Downloads of the portfolio: the XLSX workbook (headers and vocabulary labels in the
//! reader's language, kept until the knowledge base changes) and each table as CSV (machine
//! headers and values), from the same tables.

use super::error::{PageError, WebError};
use super::state::AppState;
use crate::domain::table::Table;
use crate::export::{CSV_MEDIA_TYPE, ExportError, XLSX_MEDIA_TYPE, csv::to_csv, xlsx::to_xlsx};
use crate::i18n::Lang;
use crate::memory::released_after;
use crate::store::cache::Cached;
use crate::store::queries::portfolio::{Portfolio, Wording, load_portfolio};
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDate;
use std::num::NonZeroUsize;

/// Portfolio workbooks by language and day: the same for every reader, so one is built per
/// generation and readers asking meanwhile wait for it (at 10,000 vendors a build takes
/// about half a second and some 50 MiB while it runs; the workbook itself 1.6 MB). The build
/// keeps its database turn while it writes the sheets, once per change rather than per
/// download as before.
#[derive(Debug)]
pub struct Workbooks(Cached<(Lang, NaiveDate), web::Bytes>);

impl Default for Workbooks {
    /// Today's workbook in each language of the interface.
    fn default() -> Self {
        Workbooks(Cached::bounded(NonZeroUsize::MIN.saturating_add(1)))
    }
}

async fn portfolio(state: &AppState, wording: Wording) -> Result<Portfolio, WebError> {
    let scoring = state.scoring.clone();
    let config = state.recommendation.clone();
    let today = chrono::Utc::now().date_naive();
    state
        .run(move |c| load_portfolio(c, today, &scoring, &config, wording))
        .await
}

/// Runs a (CPU-bound) writer off the async workers, then hands what it freed (the portfolio
/// it consumed, its buffers) back to the system.
async fn render<F>(work: F) -> Result<Vec<u8>, WebError>
where
    F: FnOnce() -> Result<Vec<u8>, ExportError> + Send + 'static,
{
    web::block(move || released_after(work))
        .await
        .map_err(|e| WebError::Internal(format!("blocking task failed: {e}")))?
        .map_err(|e| WebError::Internal(e.to_string()))
}

/// A file answered as a download named `filename`.
pub(crate) fn download(
    media_type: &'static str,
    filename: String,
    body: impl Into<web::Bytes>,
) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, media_type))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(filename)],
        })
        .body(body.into())
}

fn stamp() -> String {
    chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// `GET /exports/portfolio.xlsx`: vendors, products, incidents and open review conditions.
pub async fn portfolio_xlsx(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, PageError> {
    let lang = Lang::of_request(&req);
    let today = chrono::Utc::now().date_naive();
    let (scoring, config) = (state.scoring.clone(), state.recommendation.clone());
    let workbooks = state.workbooks.clone();
    let body = state
        .run_web(move |c| {
            workbooks.0.get(c, &(lang, today), |c| {
                let portfolio = load_portfolio(c, today, &scoring, &config, Wording::Labels(lang))?;
                released_after(move || to_xlsx(&portfolio.tables(), lang))
                    .map(web::Bytes::from)
                    .map_err(|e| WebError::Internal(e.to_string()))
            })
        })
        .await?;
    // Named for the day it was made as of, the key it is kept under.
    let name = format!("trustkb-portfolio-{}.xlsx", today.format("%Y-%m-%d"));
    Ok(download(XLSX_MEDIA_TYPE, name, (*body).clone()))
}

async fn csv_of(state: &AppState, pick: fn(Portfolio) -> Table) -> Result<HttpResponse, PageError> {
    let table = pick(portfolio(state, Wording::Machine).await?);
    let name = format!("trustkb-{}-{}.csv", table.name, stamp());
    let body = render(move || to_csv(&table)).await?;
    Ok(download(CSV_MEDIA_TYPE, name, body))
}

/// `GET /exports/vendors.csv`.
pub async fn vendors_csv(state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    csv_of(&state, |p| p.vendors).await
}

/// `GET /exports/products.csv`.
pub async fn products_csv(state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    csv_of(&state, |p| p.products).await
}

/// `GET /exports/incidents.csv`.
pub async fn incidents_csv(state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    csv_of(&state, |p| p.incidents).await
}
