//! `GET/POST /incidents/{slug}/timeline/new` and `/timeline/{id}/edit`: a dated update of an
//! incident; saving it rescores (it may move when the incident became known) and reports.

use super::flow::{FormPage, change, every_field, show, submit};
use super::{date, opt_text, respond, see_other};
use crate::domain::Line;
use crate::store::curation::lookup::{Choice, incident_named};
use crate::store::curation::timeline::{EventValues, add_event, edit_event, stored_event};
use crate::web::account::path_id;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};

/// The timeline form as submitted.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EventForm {
    pub occurred_on: String,
    pub title: String,
    pub description: String,
}

impl EventForm {
    pub(crate) fn of(v: &EventValues) -> EventForm {
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
        let occurred = date(&mut errors, "occurred_on", &self.occurred_on);
        let title = check(&mut errors, "title", Line::parse(self.title.trim()));
        let description = opt_text(&mut errors, "description", &self.description);
        every_field!(errors => EventValues { occurred, title, description })
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

impl FormPage for EventForm {
    /// The incident's slug, and the event's id when it is edited.
    type Context = (String, Option<i32>);

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        (incident, editing): (String, Option<i32>),
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
            form: self,
            errors,
        };
        respond(&page, status)
    }
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
    let target = (slug.into_inner(), None);
    show(nav, &state, target, EventForm::default()).await
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
    let values = form.values();
    submit(
        nav,
        &state,
        (slug.clone(), None),
        form,
        values,
        async |values| {
            let target = slug.clone();
            change(&state, &principal, move |c, by| {
                add_event(c, &by.actor, &target, &values, by.scoring(), by.now)
            })
            .await?;
            Ok(Ok(recorded(&slug, "timeline")))
        },
    )
    .await
}

/// `GET /timeline/{id}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "timeline event")?;
    let stored = state.run(move |c| stored_event(c, id)).await?;
    let form = EventForm::of(&stored.values);
    show(nav, &state, (stored.incident_slug, Some(id)), form).await
}

/// `POST /timeline/{id}/edit`.
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
    form: web::Form<EventForm>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "timeline event")?;
    let form = form.into_inner();
    let values = form.values();
    let stored = state.run(move |c| stored_event(c, id)).await?;
    let target = (stored.incident_slug, Some(id));
    submit(nav, &state, target, form, values, async |values| {
        let (stored, _) = change(&state, &principal, move |c, by| {
            edit_event(c, &by.actor, id, &values, by.scoring(), by.now)
        })
        .await?;
        Ok(Ok(recorded(&stored.incident_slug, "timeline")))
    })
    .await
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
