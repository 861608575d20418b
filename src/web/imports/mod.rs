//! `GET /imports` (the upload form, the column layout, the templates) and `POST /imports`:
//! a spreadsheet or CSV file checked (every problem listed, nothing changed) or imported.

pub mod upload;

use crate::bulk::template::{csv_template, xlsx_template};
use crate::bulk::{BulkTable, RowError};
use crate::i18n::{Lang, Message, translate};
use crate::store::bulk::{BulkFile, BulkMode, BulkOutcome, bulk_import};
use crate::store::pack::import::ImportReport;
use crate::web::access::CsrfCheck;
use crate::web::curation::flow::change;
use crate::web::curation::respond;
use crate::web::error::{PageError, WebError, error_page_for};
use crate::web::exports::download;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use upload::{Refusal, read_upload};

/// One column of the documented layout, as the page shows it.
pub struct ColumnRow {
    pub name: &'static str,
    pub required: bool,
    pub help: String,
}

/// One table of the layout: its name, its label and its columns.
pub struct TableLayout {
    pub name: &'static str,
    pub label: String,
    pub columns: Vec<ColumnRow>,
}

fn layout(lang: Lang) -> Vec<TableLayout> {
    BulkTable::ALL
        .into_iter()
        .map(|t| TableLayout {
            name: t.name(),
            label: translate(lang, t.message_id(), &[]),
            columns: t
                .columns()
                .iter()
                .map(|c| ColumnRow {
                    name: c.name,
                    required: c.required,
                    help: translate(lang, c.help, &[]),
                })
                .collect(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "imports/form.html")]
pub struct FormPage {
    pub nav: Nav,
    pub tables: Vec<TableLayout>,
}

/// `GET /imports`.
pub async fn form(nav: Nav) -> Result<HttpResponse, PageError> {
    let tables = layout(nav.lang);
    respond(&FormPage { nav, tables }, StatusCode::OK)
}

/// `GET /imports/template.xlsx`: the workbook with the three sheets.
pub async fn template_xlsx() -> Result<HttpResponse, PageError> {
    let bytes = xlsx_template().map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "trustkb-import.xlsx".to_owned(),
        bytes,
    ))
}

/// `GET /imports/template/{table}.csv`: the header line of one table.
pub async fn template_csv(nav: Nav, table: web::Path<String>) -> Result<HttpResponse, PageError> {
    let Some(table) = BulkTable::parse(&table).filter(|t| t.name() == table.as_str()) else {
        let unknown = Message::new("imports-no-table").with("table", table.into_inner());
        return Ok(error_page_for(&nav, StatusCode::NOT_FOUND, unknown));
    };
    Ok(download(
        "text/csv; charset=utf-8",
        format!("trustkb-{}.csv", table.name()),
        csv_template(table).into_bytes(),
    ))
}

/// One problem of the file, each part in the reader's language.
pub struct ProblemRow {
    pub table: String,
    pub row: String,
    pub column: String,
    pub reason: String,
}

fn problem_row(e: &RowError, lang: Lang) -> ProblemRow {
    ProblemRow {
        table: e
            .table
            .map(|t| translate(lang, t.message_id(), &[]))
            .unwrap_or_default(),
        row: e.row.map(|r| r.to_string()).unwrap_or_default(),
        column: e
            .column
            .as_ref()
            .filter(|c| !c.letter.is_empty())
            .map(|c| format!("{} ({})", c.letter, c.header))
            .unwrap_or_default(),
        reason: e.reason.render(lang),
    }
}

/// A count shown on the result page: what it counts, how many.
pub struct Count {
    pub label: String,
    pub n: usize,
}

fn kind_label(kind: &str, lang: Lang) -> String {
    match BulkTable::parse(kind) {
        Some(t) => translate(lang, t.message_id(), &[]),
        None => kind.to_owned(),
    }
}

fn created(report: Option<&ImportReport>, lang: Lang) -> Vec<Count> {
    report
        .map(|r| {
            r.created
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(kind, n)| Count {
                    label: kind_label(kind, lang),
                    n: *n,
                })
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "imports/result.html")]
pub struct ResultPage {
    pub nav: Nav,
    pub problems: Vec<ProblemRow>,
    pub rows: Vec<Count>,
    pub created: Vec<Count>,
    pub applied: bool,
    /// The checked file base64-encoded, for "Import now".
    pub content: String,
    pub table: String,
}

/// `POST /imports`: the file checked (`action=check`) or imported (`action=apply`); every
/// problem listed (400) and nothing changed, or the counts (200). The route is marked
/// `Csrf::Handler` in the route table: the form's token is checked here, before the file.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    req: HttpRequest,
    form: Multipart,
) -> Result<HttpResponse, PageError> {
    let lang = nav.lang;
    let upload = match read_upload(form, &CsrfCheck::of(&req)).await {
        Ok(u) => u,
        // A forged form: the error page, as the gate answers other forged forms.
        Err(refusal @ Refusal::Csrf) => {
            return Ok(error_page_for(&nav, refusal.status(), refusal.message()));
        }
        Err(refusal) => {
            let status = refusal.status();
            return refused(nav, vec![RowError::file(refusal.message())], status);
        }
    };
    let csv_table = BulkTable::parse(&upload.table);
    let mode = if upload.apply {
        BulkMode::Apply
    } else {
        BulkMode::DryRun
    };
    let bytes = upload.file;
    let (outcome, bytes): (BulkOutcome, Vec<u8>) = change(&state, &principal, move |c, by| {
        let file = BulkFile {
            bytes: &bytes,
            csv_table,
        };
        let outcome = bulk_import(c, &by.actor, file, mode, by.now, &by.config)?;
        Ok((outcome, bytes))
    })
    .await?;
    if !outcome.errors.is_empty() {
        return refused(nav, outcome.errors, StatusCode::BAD_REQUEST);
    }
    let rows = BulkTable::ALL
        .into_iter()
        .map(|t| Count {
            label: translate(lang, t.message_id(), &[]),
            n: match t {
                BulkTable::Vendors => outcome.rows.vendors,
                BulkTable::Products => outcome.rows.products,
                BulkTable::Dependencies => outcome.rows.dependencies,
            },
        })
        .collect();
    let page = ResultPage {
        created: created(outcome.created.as_ref(), lang),
        nav,
        problems: Vec::new(),
        rows,
        applied: upload.apply,
        content: if upload.apply {
            String::new()
        } else {
            STANDARD.encode(&bytes)
        },
        table: csv_table.map(|t| t.name().to_owned()).unwrap_or_default(),
    };
    respond(&page, StatusCode::OK)
}

/// The result page listing every problem (with `status`, 400 or 413): nothing was changed.
fn refused(nav: Nav, errors: Vec<RowError>, status: StatusCode) -> Result<HttpResponse, PageError> {
    let problems = errors.iter().map(|e| problem_row(e, nav.lang)).collect();
    let page = ResultPage {
        nav,
        problems,
        rows: Vec::new(),
        created: Vec::new(),
        applied: false,
        content: String::new(),
        table: String::new(),
    };
    respond(&page, status)
}
