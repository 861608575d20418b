//! `GET /vendors/{slug}/report` and `/vendors/{slug}/report.pdf`: the vendor report as a
//! printable page and as a PDF made by the server, in the reader's language.

use super::error::{PageError, WebError};
use super::identity::Nav;
use super::pages::AsOfQuery;
use super::state::AppState;
use crate::i18n::Lang;
use crate::memory::released_after;
use crate::report::html::ReportPage;
use crate::report::{VendorReport, render_pdf, vendor_report_with};
use crate::store::queries::evidence::cached_scoring_data;
use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;

async fn load(state: &AppState, slug: String, query: &AsOfQuery) -> Result<VendorReport, WebError> {
    let as_of = query.as_of.unwrap_or_else(today);
    let scoring = state.scoring.clone();
    let recommendation = state.recommendation.clone();
    let reads = state.scored.clone();
    state
        .run(move |c| {
            let data = cached_scoring_data(c, &reads.data)?;
            let portfolio = reads.portfolio(c, as_of, (&scoring, &recommendation))?;
            let graph = reads.blast_graph(c)?;
            vendor_report_with(c, (&data, &portfolio, &graph), &slug, as_of, &scoring)
        })
        .await
}

/// `GET /vendors/{slug}/report[?as_of=YYYY-MM-DD]`.
pub async fn page(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<AsOfQuery>,
) -> Result<ReportPage, PageError> {
    let slug = slug.into_inner();
    let report = load(&state, slug.clone(), &query).await?;
    let pdf = match query.as_of {
        Some(d) => format!("/vendors/{slug}/report.pdf?as_of={d}"),
        None => format!("/vendors/{slug}/report.pdf"),
    };
    Ok(ReportPage::new(&report, nav, pdf))
}

/// `GET /vendors/{slug}/report.pdf[?as_of=YYYY-MM-DD]`.
pub async fn pdf(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let report = load(&state, slug.clone(), &query).await?;
    let filename = format!("{slug}-{}.pdf", report_date(&query));
    Ok(pdf_answer(report, nav.lang, &filename).await?)
}

/// The report as a PDF answer (made on the blocking pool), shown inline as `filename`:
/// for the vendor report and for a review's frozen one.
pub async fn pdf_answer(
    report: VendorReport,
    lang: Lang,
    filename: &str,
) -> Result<HttpResponse, WebError> {
    let bytes = web::block(move || released_after(move || render_pdf(&report, lang)))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/pdf"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .body(bytes))
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn report_date(query: &AsOfQuery) -> String {
    query.as_of.unwrap_or_else(today).to_string()
}
