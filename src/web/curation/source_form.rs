//! `GET/POST /sources/new` and `/sources/{id}/edit`: one form for a source's fields; a valid
//! submission is saved (audited) unless the new text would lose a cited excerpt.

use super::{Options, enum_options, opt_date, page_slug, respond, see_other};
use crate::domain::{Credibility, LanguageCode, Line, Reliability, SourceText, WebUrl};
use crate::i18n::{Lang, Message, translate};
use crate::store::curation::source::{
    SourceRefusal, SourceValues, create_source, editable_source, update_source,
};
use crate::store::pack::seed::import_time;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::{PageError, WebError};
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The source form as submitted (a missing field is empty).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SourceForm {
    pub slug: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub language: String,
    pub published_on: String,
    pub reliability: String,
    pub credibility: String,
    pub full_text: String,
}

impl SourceForm {
    fn of(v: &SourceValues) -> SourceForm {
        SourceForm {
            slug: v.slug.to_string(),
            title: v.title.to_string(),
            publisher: v.publisher.to_string(),
            url: v.url.as_ref().map(ToString::to_string).unwrap_or_default(),
            language: v.language.to_string(),
            published_on: v.published.map(|d| d.to_string()).unwrap_or_default(),
            reliability: v.reliability.as_str().to_owned(),
            credibility: v.credibility.to_string(),
            full_text: v
                .full_text
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        }
    }

    /// Every field validated, or every wrong field's message. The text keeps its line
    /// breaks (as LF) and spacing: excerpts and paragraph numbers depend on them.
    pub fn values(&self) -> Result<SourceValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = page_slug(&mut errors, "slug", &self.slug);
        let title = check(&mut errors, "title", Line::parse(self.title.trim()));
        let publisher = check(&mut errors, "publisher", Line::parse(self.publisher.trim()));
        let url = match self.url.trim() {
            "" => Some(None),
            u => check(&mut errors, "url", WebUrl::parse(u)).map(Some),
        };
        let language = check(
            &mut errors,
            "language",
            LanguageCode::parse(self.language.trim()),
        );
        let published = opt_date(&mut errors, "published_on", &self.published_on);
        let reliability = match self.reliability.trim() {
            "" => {
                errors.add("reliability", Message::new("err-choose"));
                None
            }
            r => check(&mut errors, "reliability", r.parse::<Reliability>()),
        };
        let credibility = match self.credibility.trim().parse::<i64>() {
            Ok(n) => check(&mut errors, "credibility", Credibility::new(n)),
            Err(_) => {
                errors.add("credibility", Message::new("err-choose"));
                None
            }
        };
        let text = self.full_text.replace("\r\n", "\n");
        let full_text = if text.trim().is_empty() {
            Some(None)
        } else {
            check(&mut errors, "full_text", SourceText::parse(text)).map(Some)
        };
        match (
            slug,
            title,
            publisher,
            url,
            language,
            published,
            reliability,
            credibility,
            full_text,
        ) {
            (
                Some(slug),
                Some(title),
                Some(publisher),
                Some(url),
                Some(language),
                Some(published),
                Some(reliability),
                Some(credibility),
                Some(full_text),
            ) if errors.is_empty() => Ok(SourceValues {
                slug,
                title,
                publisher,
                url,
                language,
                published,
                reliability,
                credibility,
                full_text,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "curation/source_form.html")]
pub struct SourceFormPage {
    pub nav: Nav,
    /// The source being edited (id and stored title), or none for a new one.
    pub editing: Option<(i32, String)>,
    pub action: String,
    pub form: SourceForm,
    pub errors: FieldErrors,
    pub reliabilities: Options,
    pub credibilities: Options,
}

fn credibility_options(lang: Lang) -> Options {
    (Credibility::MIN..=Credibility::MAX)
        .filter_map(|n| Credibility::new(i64::from(n)).ok())
        .map(|c| {
            let label = format!("{}: {}", c, translate(lang, c.message_id(), &[]));
            (c.to_string(), label)
        })
        .collect()
}

fn page(
    nav: Nav,
    editing: Option<(i32, String)>,
    form: SourceForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let lang = nav.lang;
    let action = match &editing {
        Some((id, _)) => format!("/sources/{id}/edit"),
        None => "/sources/new".to_owned(),
    };
    let page = SourceFormPage {
        nav,
        editing,
        action,
        form,
        errors,
        reliabilities: enum_options(
            lang,
            Reliability::ALL,
            Reliability::as_str,
            Reliability::message_id,
        ),
        credibilities: credibility_options(lang),
    };
    respond(&page, status)
}

/// The form's messages for what the database refused.
fn refusal_errors(refusal: SourceRefusal) -> FieldErrors {
    let mut errors = FieldErrors::default();
    match refusal {
        SourceRefusal::SlugTaken(slug) => {
            errors.add("slug", Message::new("err-slug-taken").with("slug", slug));
        }
        SourceRefusal::LosesExcerpts(lost) => {
            let named: Vec<String> = lost
                .iter()
                .map(|c| {
                    let excerpt: String = c.excerpt.chars().take(80).collect();
                    format!(
                        "#{} ({} {}): « {excerpt} »",
                        c.id, c.record_kind, c.record_label
                    )
                })
                .collect();
            errors.add(
                "full_text",
                Message::new("curate-source-text-loses-excerpts")
                    .with("count", lost.len() as i64)
                    .with("citations", named.join("; ")),
            );
        }
    }
    errors
}

/// A source id from the path; anything but a number is not found.
pub(crate) fn source_id(raw: &str) -> Result<i32, PageError> {
    raw.parse()
        .map_err(|_| WebError::NotFound(format!("source \"{raw}\" not found")).into())
}

/// `GET /sources/new`.
pub async fn new_form(nav: Nav) -> Result<HttpResponse, PageError> {
    let form = SourceForm {
        reliability: "F".into(),
        credibility: "6".into(),
        ..SourceForm::default()
    };
    page(nav, None, form, FieldErrors::default(), StatusCode::OK)
}

/// `POST /sources/new`: records a valid source and goes to its page.
pub async fn new_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<SourceForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => return page(nav, None, form, errors, StatusCode::BAD_REQUEST),
    };
    let actor = principal.actor();
    let outcome = state
        .run(move |c| create_source(c, &actor, &values, import_time()))
        .await?;
    match outcome {
        Ok(id) => Ok(see_other(format!("/sources/{id}"))),
        Err(refusal) => page(
            nav,
            None,
            form,
            refusal_errors(refusal),
            StatusCode::BAD_REQUEST,
        ),
    }
}

/// `GET /sources/{id}/edit`: the form with the stored values.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = source_id(&id)?;
    let stored = state.run(move |c| editable_source(c, id)).await?;
    let editing = Some((id, stored.title.to_string()));
    page(
        nav,
        editing,
        SourceForm::of(&stored),
        FieldErrors::default(),
        StatusCode::OK,
    )
}

/// `POST /sources/{id}/edit`: saves a valid form and goes back to the source; refused (400,
/// nothing written) when a field is wrong or the new text loses a cited excerpt.
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
    form: web::Form<SourceForm>,
) -> Result<HttpResponse, PageError> {
    let id = source_id(&id)?;
    let form = form.into_inner();
    let stored = state.run(move |c| editable_source(c, id)).await?;
    let editing = Some((id, stored.title.to_string()));
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => return page(nav, editing, form, errors, StatusCode::BAD_REQUEST),
    };
    let actor = principal.actor();
    let outcome = state
        .run(move |c| update_source(c, &actor, id, &values, import_time()))
        .await?;
    match outcome {
        Ok(_) => Ok(see_other(format!("/sources/{id}"))),
        Err(refusal) => page(
            nav,
            editing,
            form,
            refusal_errors(refusal),
            StatusCode::BAD_REQUEST,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_form_reports_every_wrong_field_and_keeps_the_text_as_typed() {
        let form = SourceForm {
            slug: "New".into(),
            language: "french".into(),
            reliability: "G".into(),
            credibility: "7".into(),
            url: "ftp://x".into(),
            ..SourceForm::default()
        };
        let errors = form.values().unwrap_err();
        for field in [
            "slug",
            "title",
            "publisher",
            "url",
            "language",
            "reliability",
            "credibility",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {}", errors.detail());
        }
        let form = SourceForm {
            slug: "s".into(),
            title: "T".into(),
            publisher: "P".into(),
            language: "fr".into(),
            reliability: "B".into(),
            credibility: "2".into(),
            full_text: "  Un.\r\n\r\nDeux.".into(),
            ..SourceForm::default()
        };
        let v = form.values().unwrap();
        assert_eq!(v.full_text.unwrap().as_str(), "  Un.\n\nDeux.");
    }
}
