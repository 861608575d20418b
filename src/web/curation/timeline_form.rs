//! `GET/POST /incidents/{slug}/timeline/new` and `/timeline/{id}/edit`: a dated update of an
//! incident; saving it rescores (it may move when the incident became known) and reports.

use super::{opt_date, opt_text, respond, see_other};
use crate::domain::Line;
use crate::i18n::Message;
use crate::store::curation::lookup::{Choice, incident_named};
use crate::store::curation::timeline::{EventValues, add_event, edit_event, stored_event};
use crate::store::pack::seed::import_time;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::{PageError, WebError};
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The timeline form as submitted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EventForm {
    pub occurred_on: String,
    pub title: String,
    pub description: String,
}

impl EventForm {
    fn of(v: &EventValues) -> EventForm {
        EventForm {
            occurred_on: v.occurred.to_string(),
            title: v.title.to_string(),
            description: v
                .description
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        }
    }

    /// Every field validated (the date is required), or every wrong field's message.
    pub fn values(&self) -> Result<EventValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let occurred = match opt_date(&mut errors, "occurred_on", &self.occurred_on) {
            Some(Some(d)) => Some(d),
            Some(None) => {
                errors.add("occurred_on", Message::new("err-empty"));
                None
            }
            None => None,
        };
        let title = check(&mut errors, "title", Line::parse(self.title.trim()));
        let description = opt_text(&mut errors, "description", &self.description);
        match (occurred, title, description) {
            (Some(occurred), Some(title), Some(description)) if errors.is_empty() => {
                Ok(EventValues {
                    occurred,
                    title,
                    description,
                })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "curation/timeline_form.html")]
pub struct EventPage {
    pub nav: Nav,
    pub incident: Choice,
    /// The event being edited, or none for a new one.
    pub editing: Option<i32>,
    pub action: String,
    pub form: EventForm,
    pub errors: FieldErrors,
}

/// An id from the path; anything but a number is not found.
pub(crate) fn path_id(kind: &str, raw: &str) -> Result<i32, PageError> {
    raw.parse()
        .map_err(|_| WebError::NotFound(format!("{kind} \"{raw}\" not found")).into())
}

async fn page(
    nav: Nav,
    state: &AppState,
    incident: String,
    editing: Option<i32>,
    form: EventForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let incident = state.run(move |c| incident_named(c, &incident)).await?;
    let action = match editing {
        Some(id) => format!("/timeline/{id}/edit"),
        None => format!("/incidents/{}/timeline/new", incident.slug),
    };
    let page = EventPage {
        nav,
        incident,
        editing,
        action,
        form,
        errors,
    };
    respond(&page, status)
}

/// The incident's page after a change, reporting the score changes.
pub(crate) fn recorded(slug: &str, anchor: &str) -> HttpResponse {
    see_other(format!("/incidents/{slug}?recorded=1#{anchor}"))
}

/// `GET /incidents/{slug}/timeline/new`.
pub async fn new_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let form = EventForm::default();
    let errors = FieldErrors::default();
    page(
        nav,
        &state,
        slug.into_inner(),
        None,
        form,
        errors,
        StatusCode::OK,
    )
    .await
}

/// `POST /incidents/{slug}/timeline/new`.
pub async fn new_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<EventForm>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let form = form.into_inner();
    let values = match form.values() {
        Ok(v) => v,
        Err(errors) => {
            return page(
                nav,
                &state,
                slug,
                None,
                form,
                errors,
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let target = slug.clone();
    state
        .run(move |c| add_event(c, &actor, &target, &values, (&config, today), import_time()))
        .await?;
    Ok(recorded(&slug, "timeline"))
}

/// `GET /timeline/{id}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id("timeline event", &id)?;
    let stored = state.run(move |c| stored_event(c, id)).await?;
    let form = EventForm::of(&stored.values);
    let errors = FieldErrors::default();
    page(
        nav,
        &state,
        stored.incident_slug,
        Some(id),
        form,
        errors,
        StatusCode::OK,
    )
    .await
}

/// `POST /timeline/{id}/edit`.
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
    form: web::Form<EventForm>,
) -> Result<HttpResponse, PageError> {
    let id = path_id("timeline event", &id)?;
    let form = form.into_inner();
    let values = match form.values() {
        Ok(v) => v,
        Err(errors) => {
            let stored = state.run(move |c| stored_event(c, id)).await?;
            let slug = stored.incident_slug;
            return page(
                nav,
                &state,
                slug,
                Some(id),
                form,
                errors,
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let (stored, _) = state
        .run(move |c| edit_event(c, &actor, id, &values, (&config, today), import_time()))
        .await?;
    Ok(recorded(&stored.incident_slug, "timeline"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_needs_a_date_and_a_title() {
        let errors = EventForm::default().values().unwrap_err();
        assert!(errors.get("occurred_on").is_some());
        assert!(errors.get("title").is_some());
        let v = EventForm {
            occurred_on: "2021-03".into(),
            title: "Rapport final".into(),
            description: " ".into(),
        }
        .values()
        .unwrap();
        assert_eq!(v.occurred.to_string(), "2021-03");
        assert_eq!(v.description, None);
    }
}
