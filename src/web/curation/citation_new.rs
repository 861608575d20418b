//! Citing a source: `GET /citations/new` chooses the source for a record, `GET/POST
//! /sources/{id}/citations/new` checks the excerpt against its text, `POST /citations/{id}/delete`.

use super::flow::{self, FormPage, change, every_field, show};
use super::{Options, record_options, respond, see_other};
use crate::domain::{Line, Text};
use crate::i18n::{Lang, Message, translate};
use crate::store::curation::citation::{
    CitationRefusal, CitationValues, create_citation, delete_citation, has_slug, kind_key, kind_of,
    record_choices, source_choices,
};
use crate::store::curation::lookup::Choice;
use crate::store::rows::CitedRecord;
use crate::store::schema::sources;
use crate::store::{DbConnection, StoreError};
use crate::web::account::path_id;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

/// The catalogue message naming a kind of cited record.
pub fn kind_message_id(kind: CitedRecord) -> &'static str {
    match kind {
        CitedRecord::Vendor => "curate-cited-kind-vendor",
        CitedRecord::Product => "curate-cited-kind-product",
        CitedRecord::Dependency => "curate-cited-kind-dependency",
        CitedRecord::Incident => "curate-cited-kind-incident",
        CitedRecord::Involvement => "curate-cited-kind-involvement",
        CitedRecord::TimelineEvent => "curate-cited-kind-timeline-event",
        CitedRecord::IncidentCause => "curate-cited-kind-cause",
        CitedRecord::Remediation => "curate-cited-kind-remediation",
        CitedRecord::Analyst => "curate-cited-kind-analyst",
        CitedRecord::Assessment => "curate-cited-kind-assessment",
    }
}

/// `?kind=incident&record=slug`: the record a "Cite a source" link names (a missing field is
/// empty).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CiteQuery {
    pub kind: String,
    pub record: String,
}

/// The citation form as submitted.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CitationForm {
    pub kind: String,
    pub record: String,
    pub excerpt: String,
    pub locator: String,
}

impl CitationForm {
    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<CitationValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = kind_of(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", Message::new("err-choose"));
        }
        let record = self.record.trim();
        if record.is_empty() {
            errors.add("record", Message::new("err-empty"));
        }
        let excerpt = self.excerpt.replace("\r\n", "\n");
        let excerpt = if excerpt.trim().is_empty() {
            errors.add("excerpt", Message::new("err-empty"));
            None
        } else {
            check(&mut errors, "excerpt", Text::parse(excerpt.trim()))
        };
        let locator = match self.locator.trim() {
            "" => Some(None),
            l => check(&mut errors, "locator", Line::parse(l)).map(Some),
        };
        every_field!(errors => CitationValues { kind, excerpt, locator; record: record.to_owned() })
    }
}

/// The source a citation form is for.
#[derive(Debug, Clone)]
pub struct CitedSource {
    pub id: i32,
    pub title: String,
    pub language: String,
    pub has_text: bool,
}

fn cited_source(conn: &mut DbConnection, id: i32) -> Result<CitedSource, StoreError> {
    let (title, language, has_text): (String, String, bool) = sources::table
        .find(id)
        .select((
            sources::title,
            sources::language,
            sources::full_text.is_not_null(),
        ))
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::not_found("source", id.to_string()))?;
    Ok(CitedSource {
        id,
        title,
        language,
        has_text,
    })
}

#[derive(Template)]
#[template(path = "curation/citation_new.html")]
pub struct CitationPage {
    pub nav: Nav,
    pub source: CitedSource,
    pub form: CitationForm,
    pub errors: FieldErrors,
    pub kinds: Options,
    /// Records of the chosen kind, for the record field's list.
    pub records: Options,
    /// Whether the chosen kind is named by numbers (no list).
    pub by_number: bool,
}

fn kind_options(lang: Lang) -> Options {
    CitedRecord::ALL
        .into_iter()
        .map(|k| {
            (
                kind_key(k).to_owned(),
                translate(lang, kind_message_id(k), &[]),
            )
        })
        .collect()
}

impl FormPage for CitationForm {
    /// The cited source's id.
    type Context = i32;

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        id: i32,
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError> {
        let kind = kind_of(self.kind.trim());
        let (source, records) = state
            .run(move |c| {
                let records = match kind {
                    Some(k) => record_choices(c, k)?,
                    None => Vec::<Choice>::new(),
                };
                Ok((cited_source(c, id)?, records))
            })
            .await?;
        let lang = nav.lang;
        let page = CitationPage {
            nav,
            source,
            form: self,
            errors,
            kinds: kind_options(lang),
            records: record_options(records),
            by_number: kind.is_some_and(|k| !has_slug(k)),
        };
        respond(&page, status)
    }
}

/// `GET /sources/{id}/citations/new[?kind=…&record=…]`.
pub async fn form(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
    query: web::Query<CiteQuery>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "source")?;
    let query = query.into_inner();
    let form = CitationForm {
        kind: query.kind,
        record: query.record,
        ..CitationForm::default()
    };
    show(nav, &state, id, form).await
}

/// The form's messages for what the database refused (`record`: the record named).
pub(crate) fn refusal_errors(refused: Vec<CitationRefusal>, record: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for r in refused {
        match r {
            CitationRefusal::NoText => {
                errors.add("excerpt", Message::new("curate-citation-no-text"))
            }
            CitationRefusal::NotInText(None) => {
                errors.add("excerpt", Message::new("curate-citation-not-in-text"));
            }
            CitationRefusal::NotInText(Some(closest)) => errors.add(
                "excerpt",
                Message::new("curate-citation-not-in-text-closest").with("passage", closest),
            ),
            CitationRefusal::UnknownRecord => errors.add(
                "record",
                Message::new("curate-citation-unknown-record").with("record", record),
            ),
        }
    }
    errors
}

/// `POST /sources/{id}/citations/new`: records the citation and goes back to the source;
/// refused (400, nothing written) when the excerpt is not in the text or the record unknown.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
    form: web::Form<CitationForm>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "source")?;
    let form = form.into_inner();
    let values = form.values();
    let record = form.record.trim().to_owned();
    flow::submit(nav, &state, id, form, values, async |values| {
        let outcome = change(&state, &principal, move |c, by| {
            create_citation(c, &by.actor, id, &values, by.scoring(), by.now)
        })
        .await?;
        Ok(outcome
            .map(|_| see_other(format!("/sources/{id}#citations")))
            .map_err(|refused| refusal_errors(refused, &record)))
    })
    .await
}

/// `POST /citations/{id}/delete`: deletes the citation (audited) and goes back to its source.
pub async fn delete(
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "citation")?;
    let source = change(&state, &principal, move |c, by| {
        delete_citation(c, &by.actor, id, by.scoring(), by.now)
    })
    .await?;
    Ok(see_other(format!("/sources/{source}#citations")))
}

#[derive(Template)]
#[template(path = "curation/citation_choose.html")]
pub struct ChooseSourcePage {
    pub nav: Nav,
    /// The record's kind, as the citation form names it, and its label.
    pub kind: String,
    pub kind_label: String,
    pub record: String,
    /// (id, title, publisher, has text).
    pub sources: Vec<(i32, String, String, bool)>,
}

/// `GET /citations/new?kind=…&record=…`: the sources to choose from, each linking to its
/// citation form with the record filled in.
pub async fn choose(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<CiteQuery>,
) -> Result<HttpResponse, PageError> {
    let query = query.into_inner();
    let kind_label = kind_of(query.kind.trim())
        .map(|k| translate(nav.lang, kind_message_id(k), &[]))
        .unwrap_or_default();
    let sources = state.run(source_choices).await?;
    let page = ChooseSourcePage {
        nav,
        kind: query.kind,
        kind_label,
        record: query.record,
        sources,
    };
    respond(&page, StatusCode::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_form_names_every_missing_field() {
        let errors = CitationForm::default().values().unwrap_err();
        for field in ["kind", "record", "excerpt"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let form = CitationForm {
            kind: "timeline_event".into(),
            record: " 12 ".into(),
            excerpt: " un passage\r\n".into(),
            locator: String::new(),
        };
        let v = form.values().unwrap();
        assert_eq!(v.kind, CitedRecord::TimelineEvent);
        assert_eq!(v.record, "12");
        assert_eq!(v.excerpt.as_str(), "un passage");
        assert_eq!(v.locator, None);
    }
}
