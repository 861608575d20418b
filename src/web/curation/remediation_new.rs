//! `GET/POST /incidents/{slug}/remediations/new`: records what a vendor did about an
//! incident; the scores are refreshed with it and the incident's page reports what changed.
//! Its form and page serve the edit too (`remediation_edit`).

use super::flow::{self, FormPage, change, every_field, saved, show};
use super::{
    Options, chosen, enum_options, note_taken, opt_date, opt_slug, party_options, respond,
    see_other, slug, text,
};
use crate::domain::RemediationKind;
use crate::i18n::Message;
use crate::store::curation::lookup::{Choice, SlugOf, incident_named};
use crate::store::curation::remediation::{RemediationValues, record_remediation};
use crate::store::curation::remediation_edit::stored_remediation;
use crate::web::curate::FieldErrors;
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};

/// The remediation form as submitted (a missing field is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NewRemediationForm {
    pub slug: String,
    pub vendor: String,
    pub kind: String,
    pub product: String,
    pub replacement: String,
    pub description: String,
    pub taken_on: String,
}

impl NewRemediationForm {
    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<RemediationValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = slug(&mut errors, "slug", &self.slug);
        let vendor = chosen(&mut errors, "vendor", &self.vendor);
        let kind = chosen::<RemediationKind>(&mut errors, "kind", &self.kind);
        let product = opt_slug(&mut errors, "product", &self.product);
        let replacement = opt_slug(&mut errors, "replacement", &self.replacement);
        if let (Some(Some(p)), Some(Some(r))) = (&product, &replacement)
            && p == r
        {
            errors.add("replacement", Message::new("err-replacement-same"));
        }
        let description = text(&mut errors, "description", &self.description);
        let taken = opt_date(&mut errors, "taken_on", &self.taken_on);
        every_field!(errors => RemediationValues {
            slug, vendor, kind, product, replacement, description, taken
        })
    }
}

/// The remediation form's page: a new remediation of `incident`, or an edit of `editing`
/// (its slug; its incident, if any, and its vendor for the way back).
#[derive(Template)]
#[template(path = "curation/remediation_new.html")]
pub struct NewRemediationPage {
    pub nav: Nav,
    pub incident: Option<Choice>,
    pub editing: Option<String>,
    /// Where the form posts, and where "cancel" goes.
    pub action: String,
    pub cancel: String,
    pub form: NewRemediationForm,
    pub errors: FieldErrors,
    pub kinds: Options,
    pub vendors: Options,
    pub products: Options,
}

/// What the form is for.
pub enum Target {
    /// A new remediation of the incident with this slug.
    New(String),
    /// The stored remediation with this slug.
    Edit(String),
}

impl FormPage for NewRemediationForm {
    type Context = Target;

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        target: Target,
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError> {
        let (incident, editing, vendor, (vendors, products)) = state
            .run(move |c| {
                let (incident, editing, vendor) = match target {
                    Target::New(incident) => (Some(incident_named(c, &incident)?), None, None),
                    Target::Edit(slug) => {
                        let stored = stored_remediation(c, &slug)?;
                        (
                            stored.incident.map(|(_, i)| i),
                            Some(slug),
                            Some(stored.vendor),
                        )
                    }
                };
                Ok((incident, editing, vendor, party_options(c)?))
            })
            .await?;
        let (action, cancel) = match (&editing, &incident, &vendor) {
            (Some(slug), Some(i), _) => (
                format!("/remediations/{slug}/edit"),
                format!("/incidents/{}", i.slug),
            ),
            (Some(slug), None, Some(v)) => (
                format!("/remediations/{slug}/edit"),
                format!("/vendors/{}", v.slug),
            ),
            (_, Some(i), _) => (
                format!("/incidents/{}/remediations/new", i.slug),
                format!("/incidents/{}", i.slug),
            ),
            _ => (String::new(), "/incidents".to_owned()),
        };
        let lang = nav.lang;
        let page = NewRemediationPage {
            nav,
            incident,
            editing,
            action,
            cancel,
            form: self,
            errors,
            kinds: enum_options(
                lang,
                RemediationKind::ALL,
                RemediationKind::as_str,
                RemediationKind::message_id,
            ),
            vendors,
            products,
        };
        respond(&page, status)
    }
}

/// `GET /incidents/{slug}/remediations/new`.
pub async fn form(
    nav: Nav,
    state: web::Data<AppState>,
    incident: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let target = Target::New(incident.into_inner());
    show(nav, &state, target, NewRemediationForm::default()).await
}

/// `POST /incidents/{slug}/remediations/new`.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    incident: web::Path<String>,
    form: web::Form<NewRemediationForm>,
) -> Result<HttpResponse, PageError> {
    let incident = incident.into_inner();
    let form = form.into_inner();
    let values = note_taken(&state, SlugOf::Remediation, &form.slug, form.values()).await?;
    let target = Target::New(incident.clone());
    flow::submit(nav, &state, target, form, values, async |values| {
        let target = incident.clone();
        let outcome = change(&state, &principal, move |c, by| {
            record_remediation(c, &by.actor, &target, &values, &by.config, by.today, by.now)
        })
        .await?;
        saved(outcome, |_| {
            see_other(format!("/incidents/{incident}?recorded=1"))
        })
    })
    .await
}
