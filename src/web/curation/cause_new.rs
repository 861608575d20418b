//! `GET/POST /incidents/{slug}/causes/new`: links the incident to an earlier cause or a later
//! consequence; self-links, duplicates and cycles are refused; saving rescores and reports.

use super::flow::{self, FormPage, change, every_field, show};
use super::timeline_form::recorded;
use super::{Options, opt_text, record_options, respond};
use crate::domain::causal::LinkProblem;
use crate::i18n::Message;
use crate::store::curation::lookup::{Choice, incident_named};
use crate::store::curation::timeline::{LinkRefusal, LinkValues, add_link};
use crate::store::schema::incidents;
use crate::web::curate::FieldErrors;
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

/// The causal link form as submitted: `direction` is `caused_by` or `led_to`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct LinkForm {
    pub direction: String,
    pub other: String,
    pub description: String,
}

impl LinkForm {
    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<LinkValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let caused_by = match self.direction.as_str() {
            "caused_by" => Some(true),
            "led_to" => Some(false),
            _ => {
                errors.add("direction", Message::new("err-choose"));
                None
            }
        };
        if self.other.trim().is_empty() {
            errors.add("other", Message::new("err-empty"));
        }
        let description = opt_text(&mut errors, "description", &self.description);
        every_field!(errors => LinkValues {
            caused_by, description;
            other: self.other.trim().to_owned()
        })
    }
}

#[derive(Template)]
#[template(path = "curation/cause_new.html")]
pub struct LinkPage {
    pub nav: Nav,
    pub incident: Choice,
    pub form: LinkForm,
    pub errors: FieldErrors,
    pub directions: Options,
    pub incidents: Options,
}

impl FormPage for LinkForm {
    /// The incident's slug.
    type Context = String;

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        slug: String,
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError> {
        let (incident, others) = state
            .run(move |c| {
                let others: Vec<(String, String)> = incidents::table
                    .filter(incidents::slug.ne(&slug))
                    .select((incidents::slug, incidents::title))
                    .order(incidents::slug)
                    .load(c)?;
                Ok((incident_named(c, &slug)?, others))
            })
            .await?;
        let directions = vec![
            (
                "caused_by".to_owned(),
                nav.t("curate-cause-direction-caused-by"),
            ),
            ("led_to".to_owned(), nav.t("curate-cause-direction-led-to")),
        ];
        let page = LinkPage {
            nav,
            incident,
            form: self,
            errors,
            directions,
            incidents: record_options(
                others
                    .into_iter()
                    .map(|(slug, name)| Choice { slug, name })
                    .collect(),
            ),
        };
        respond(&page, status)
    }
}

/// `GET /incidents/{slug}/causes/new`.
pub async fn form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let form = LinkForm {
        direction: "caused_by".into(),
        ..LinkForm::default()
    };
    show(nav, &state, slug.into_inner(), form).await
}

/// The form's message for a refused link.
pub(crate) fn refusal_errors(refusal: LinkRefusal, other: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    let message = match refusal {
        LinkRefusal::UnknownIncident => {
            Message::new("curate-cause-unknown-incident").with("slug", other)
        }
        LinkRefusal::Problem(LinkProblem::SelfLink) => Message::new("curate-cause-self-link"),
        LinkRefusal::Problem(LinkProblem::Duplicate) => Message::new("curate-cause-duplicate"),
        LinkRefusal::Problem(LinkProblem::Cycle(_)) => Message::new("curate-cause-cycle"),
        LinkRefusal::Cycle(path) => {
            Message::new("curate-cause-cycle-through").with("path", path.join(" → "))
        }
    };
    errors.add("other", message);
    errors
}

/// `POST /incidents/{slug}/causes/new`: records the link and goes to the incident, which
/// reports the score changes; refused (400, nothing written) otherwise.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<LinkForm>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let form = form.into_inner();
    let values = form.values();
    let other = form.other.trim().to_owned();
    flow::submit(nav, &state, slug.clone(), form, values, async |values| {
        let target = slug.clone();
        let outcome = change(&state, &principal, move |c, by| {
            add_link(c, &by.actor, &target, &values, by.scoring(), by.now)
        })
        .await?;
        Ok(outcome
            .map(|_| recorded(&slug, "causes"))
            .map_err(|refusal| refusal_errors(refusal, &other)))
    })
    .await
}
