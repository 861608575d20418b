//! `GET /audit.csv`: the audit trail as RFC 4180 CSV with the page's filters, cells made
//! inert for spreadsheets, truncation at [`CSV_MAX_ROWS`] said in a header.

use super::audit::{AuditQuery, iso};
use super::error::{PageError, WebError};
use super::state::AppState;
use crate::domain::audit::AuditEntry;
use crate::domain::table::inert_cell;
use crate::store::audit::{AuditFilter, audit_batch, list_audit};
use crate::store::queries::PageRequest;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde_json::Value;

/// The most records one CSV export holds; a response that stops there says so in the
/// `X-Trustkb-Truncated` header.
pub const CSV_MAX_ROWS: usize = 100_000;

const CSV_HEADER: [&str; 11] = [
    "id",
    "occurred_at",
    "actor",
    "channel",
    "address",
    "action",
    "entity",
    "entity_id",
    "label",
    "before",
    "after",
];

fn csv_record(e: &AuditEntry) -> [String; 11] {
    let json = |v: &Option<Value>| v.as_ref().map(Value::to_string).unwrap_or_default();
    [
        e.id.to_string(),
        iso(e),
        inert_cell(&e.actor).into_owned(),
        e.channel.as_str().to_owned(),
        inert_cell(e.address.as_deref().unwrap_or_default()).into_owned(),
        e.action.as_str().to_owned(),
        inert_cell(&e.entity).into_owned(),
        inert_cell(&e.entity_id).into_owned(),
        inert_cell(&e.label).into_owned(),
        json(&e.before),
        json(&e.after),
    ]
}

/// What an export wrote: the CSV, how many records it holds and how many matched.
struct Export {
    csv: Result<Vec<u8>, String>,
    written: usize,
    total: i64,
}

/// Writes every record matching `filter` (at most [`CSV_MAX_ROWS`]), newest first, reading
/// them in batches.
fn export(
    conn: &mut crate::store::DbConnection,
    filter: &AuditFilter,
) -> Result<Export, crate::store::StoreError> {
    const BATCH: usize = 1_000;
    let total = list_audit(conn, filter, PageRequest::new(Some(1), None))?.total;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut failure = out.write_record(CSV_HEADER).err();
    let mut written = 0;
    let mut before = None;
    while failure.is_none() && written < CSV_MAX_ROWS {
        let want = BATCH.min(CSV_MAX_ROWS - written);
        let batch = audit_batch(conn, filter, before, want as i64)?;
        for e in &batch {
            if let Err(err) = out.write_record(csv_record(e)) {
                failure = Some(err);
                break;
            }
            written += 1;
        }
        before = batch.last().map(|e| e.id);
        if batch.len() < want {
            break;
        }
    }
    let csv = match failure {
        Some(err) => Err(err.to_string()),
        None => out.into_inner().map_err(|e| e.to_string()),
    };
    Ok(Export {
        csv,
        written,
        total,
    })
}

/// `GET /audit.csv`: every record matching the filters (up to [`CSV_MAX_ROWS`]) as RFC 4180
/// CSV with a header row; `before` and `after` hold JSON.
pub async fn csv(
    state: web::Data<AppState>,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, PageError> {
    let filter = query.params().filter()?;
    let done = state.run(move |c| export(c, &filter)).await?;
    let body = done
        .csv
        .map_err(|e| WebError::Internal(format!("cannot write the audit CSV: {e}")))?;
    let mut response = HttpResponse::Ok();
    response
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"trustkb-audit.csv\"",
        ));
    if (done.written as i64) < done.total {
        response.insert_header((
            "x-trustkb-truncated",
            format!(
                "the newest {} of {} records; narrow the filters for the rest",
                done.written, done.total
            ),
        ));
    }
    Ok(response.body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_formulas_are_made_inert() {
        assert_eq!(inert_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(inert_cell("analyst@test.example"), "analyst@test.example");
    }
}
