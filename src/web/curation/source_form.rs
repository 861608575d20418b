//! `GET/POST /sources/new` and `/sources/{id}/edit`: one form for a source's fields; a valid
//! submission is saved (audited) unless the new text would lose a cited excerpt.

use super::flow::{FormPage, change, every_field, show, submit};
use super::{Options, chosen, enum_options, opt_date, optional, page_slug, respond, see_other};
use crate::domain::{Credibility, LanguageCode, Line, Reliability, SourceText, WebUrl};
use crate::i18n::{Lang, Message, translate};
use crate::store::curation::source::{
    SourceRefusal, SourceValues, create_source, editable_source, update_source,
};
use crate::web::account::path_id;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};

/// The source form as submitted (a missing field is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
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
    pub(crate) fn of(v: &SourceValues) -> SourceForm {
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
        let url = optional::<WebUrl>(&mut errors, "url", &self.url);
        let language = check(
            &mut errors,
            "language",
            LanguageCode::parse(self.language.trim()),
        );
        let published = opt_date(&mut errors, "published_on", &self.published_on);
        let reliability = chosen::<Reliability>(&mut errors, "reliability", &self.reliability);
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
        every_field!(errors => SourceValues {
            slug, title, publisher, url, language, published, reliability, credibility, full_text
        })
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

impl FormPage for SourceForm {
    /// The source edited (id and stored title); `None` for a new one.
    type Context = Option<(i32, String)>;

    async fn page(
        self,
        nav: Nav,
        _: &AppState,
        editing: Option<(i32, String)>,
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
            form: self,
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
}

/// The form's messages for what the database refused.
pub(crate) fn refusal_errors(refusal: SourceRefusal) -> FieldErrors {
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

/// `GET /sources/new`.
pub async fn new_form(nav: Nav, state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    let form = SourceForm {
        reliability: "F".into(),
        credibility: "6".into(),
        ..SourceForm::default()
    };
    show(nav, &state, None, form).await
}

/// `POST /sources/new`: records a valid source and goes to its page.
pub async fn new_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<SourceForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let values = form.values();
    submit(nav, &state, None, form, values, async |values| {
        let outcome = change(&state, &principal, move |c, by| {
            create_source(c, &by.actor, &values, by.now)
        })
        .await?;
        Ok(outcome
            .map(|id| see_other(format!("/sources/{id}")))
            .map_err(refusal_errors))
    })
    .await
}

/// The source with this id, as the form's page names it.
async fn editing(state: &AppState, id: i32) -> Result<(SourceValues, (i32, String)), PageError> {
    let stored = state.run(move |c| editable_source(c, id)).await?;
    let title = stored.title.to_string();
    Ok((stored, (id, title)))
}

/// `GET /sources/{id}/edit`: the form with the stored values.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "source")?;
    let (stored, editing) = editing(&state, id).await?;
    show(nav, &state, Some(editing), SourceForm::of(&stored)).await
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
    let id = path_id(&id, "source")?;
    let form = form.into_inner();
    let (_, editing) = editing(&state, id).await?;
    let values = form.values();
    submit(nav, &state, Some(editing), form, values, async |values| {
        let outcome = change(&state, &principal, move |c, by| {
            update_source(c, &by.actor, id, &values, by.now)
        })
        .await?;
        Ok(outcome
            .map(|_| see_other(format!("/sources/{id}")))
            .map_err(refusal_errors))
    })
    .await
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
