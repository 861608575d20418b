//! Curation forms in the browser: new vendors, products, incidents and remediations, and
//! deleting unreferenced vendors and products. Shared helpers for parsing and answering.

pub mod analyst_form;
pub mod analysts;
pub mod assessment_form;
pub mod cause_new;
pub mod citation_new;
pub mod delete;
pub mod dependency_form;
pub mod firm_form;
pub mod flow;
pub mod incident_edit;
pub mod incident_form;
pub mod incident_new;
pub mod outcome;
pub mod product_edit;
pub mod product_new;
pub mod record_delete;
pub mod remediation_edit;
pub mod remediation_new;
pub mod removal;
pub mod report;
pub mod score_report;
pub mod source_form;
pub mod timeline_form;
pub mod vendor_new;

use super::curate::{FieldErrors, check};
use super::error::{PageError, WebError};
use crate::domain::{PartialDate, Slug, Text};
use crate::i18n::{Lang, Message, translate};
use crate::store::curation::Refused;
use crate::store::curation::lookup::{Choice, SlugOf, product_choices, slug_taken, vendor_choices};
use crate::store::{DbConnection, StoreError};
use crate::web::state::AppState;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use askama::Template;
use std::str::FromStr;

/// Renders a page with `status`.
pub(crate) fn respond<T: Template>(
    page: &T,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let body = page
        .render()
        .map_err(|e| WebError::Internal(format!("cannot render a curation page: {e}")))?;
    Ok(HttpResponse::build(status)
        .content_type(ContentType::html())
        .body(body))
}

/// 303 to `location`.
pub(crate) fn see_other(location: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// The form's messages for what the database refused.
pub(crate) fn refused(refused: Refused) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for (field, message) in refused.0 {
        errors.add(field, message);
    }
    errors
}

/// An optional field (trimmed): empty is none, anything else must parse.
pub(crate) fn optional<T: FromStr>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<Option<T>>
where
    T::Err: Into<Message>,
{
    match value.trim() {
        "" => Some(None),
        v => check(errors, field, v.parse::<T>()).map(Some),
    }
}

/// A required field parsed as optional: none is "must not be empty".
pub(crate) fn present<T>(
    errors: &mut FieldErrors,
    field: &'static str,
    parsed: Option<Option<T>>,
) -> Option<T> {
    match parsed {
        Some(Some(value)) => Some(value),
        Some(None) => {
            errors.add(field, Message::new("err-empty"));
            None
        }
        None => None,
    }
}

/// A required field (trimmed): empty is "must not be empty", anything else must parse.
pub(crate) fn required<T: FromStr>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<T>
where
    T::Err: Into<Message>,
{
    let parsed = optional(errors, field, value);
    present(errors, field, parsed)
}

/// A required choice from a menu (trimmed): empty is "choose one", anything else must parse.
pub(crate) fn chosen<T: FromStr>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<T>
where
    T::Err: Into<Message>,
{
    match value.trim() {
        "" => {
            errors.add(field, Message::new("err-choose"));
            None
        }
        v => check(errors, field, v.parse::<T>()),
    }
}

/// A required identifier: lower-case letters, digits and single hyphens.
pub(crate) fn slug(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<Slug> {
    required(errors, field, value)
}

/// An optional identifier: empty is none.
pub(crate) fn opt_slug(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<Option<Slug>> {
    optional(errors, field, value)
}

/// Free text as a browser sends it (CRLF made LF); empty or blank is none.
pub(crate) fn opt_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<Option<Text>> {
    let value = value.replace("\r\n", "\n");
    if value.trim().is_empty() {
        Some(None)
    } else {
        check(errors, field, Text::parse(value)).map(Some)
    }
}

/// Required free text.
pub(crate) fn text(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<Text> {
    let parsed = opt_text(errors, field, value);
    present(errors, field, parsed)
}

/// An optional date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (empty is none), not after today
/// (a period may be under way: "this month" is accepted).
pub(crate) fn opt_date(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<Option<PartialDate>> {
    let today = chrono::Utc::now().date_naive();
    let parsed = match value.trim() {
        "" => return Some(None),
        v => PartialDate::parse(v),
    };
    match parsed {
        Ok(d) if d.first_day() > today => {
            let future = Message::new("err-date-future").with("date", d.iso());
            errors.add(field, future.with("today", today.to_string()));
            None
        }
        parsed => check(errors, field, parsed).map(Some),
    }
}

/// A required date, as [`opt_date`] reads it.
pub(crate) fn date(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<PartialDate> {
    let parsed = opt_date(errors, field, value);
    present(errors, field, parsed)
}

/// A menu's options: value and label.
pub type Options = Vec<(String, String)>;

/// The options of an enumeration's menu, labelled in the reader's language.
pub(crate) fn enum_options<T: Copy>(
    lang: Lang,
    all: &[T],
    value: fn(T) -> &'static str,
    message_id: fn(T) -> &'static str,
) -> Options {
    all.iter()
        .map(|t| (value(*t).to_owned(), translate(lang, message_id(*t), &[])))
        .collect()
}

/// The options of a menu of records: slug and "name (slug)".
pub(crate) fn record_options(choices: Vec<Choice>) -> Options {
    choices
        .into_iter()
        .map(|c| {
            let label = format!("{} ({})", c.name, c.slug);
            (c.slug, label)
        })
        .collect()
}

/// The menus of vendors and of products, labelled as [`record_options`] does.
pub(crate) fn party_options(conn: &mut DbConnection) -> Result<(Options, Options), StoreError> {
    let vendors = record_options(vendor_choices(conn)?);
    Ok((vendors, record_options(product_choices(conn)?)))
}

/// On a new record's form refused for other fields, also reports a well-formed slug that is
/// already taken, so that every wrong field is marked at once.
pub(crate) async fn note_taken<V>(
    state: &AppState,
    of: SlugOf,
    slug: &str,
    values: Result<V, FieldErrors>,
) -> Result<Result<V, FieldErrors>, PageError> {
    let Err(mut errors) = values else {
        return Ok(values);
    };
    let slug = slug.trim().to_owned();
    if errors.get("slug").is_some() || Slug::parse(slug.as_str()).is_err() {
        return Ok(Err(errors));
    }
    let shown = slug.clone();
    if state.run(move |c| slug_taken(c, of, &slug)).await? {
        errors.add("slug", Message::new("err-slug-taken").with("slug", shown));
    }
    Ok(Err(errors))
}

/// A slug for a record whose page is `/{collection}/{slug}`: "new" is the form's own address.
pub(crate) fn page_slug(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<Slug> {
    let parsed = slug(errors, field, value)?;
    if parsed.as_str() == "new" {
        errors.add(field, Message::new("err-slug-reserved"));
        return None;
    }
    Some(parsed)
}
