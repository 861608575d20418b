//! `GET/POST /incidents/{slug}/remediations/new`: records what a vendor did about an
//! incident; the scores are refreshed with it and the incident's page reports what changed.

use super::{
    Options, enum_options, invalid, note_taken, opt_date, opt_slug, record_options, refused_into,
    respond, see_other, slug, text,
};
use crate::domain::RemediationKind;
use crate::store::curation::lookup::{
    Choice, SlugOf, incident_named, product_choices, vendor_choices,
};
use crate::store::curation::remediation::{RemediationValues, record_remediation};
use crate::store::pack::seed::import_time;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The remediation form as submitted (a missing field is empty).
#[derive(Debug, Clone, Default, Deserialize)]
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
        let vendor = slug_field(&mut errors, "vendor", &self.vendor);
        let kind = check(&mut errors, "kind", self.kind.parse::<RemediationKind>());
        let product = opt_slug(&mut errors, "product", &self.product);
        let replacement = opt_slug(&mut errors, "replacement", &self.replacement);
        if let (Some(Some(p)), Some(Some(r))) = (&product, &replacement)
            && p == r
        {
            check::<(), _>(
                &mut errors,
                "replacement",
                Err(invalid("the replacement must differ from the product")),
            );
        }
        let description = text(&mut errors, "description", &self.description);
        let taken = opt_date(&mut errors, "taken_on", &self.taken_on);
        match (slug, vendor, kind, product, replacement, description, taken) {
            (
                Some(slug),
                Some(vendor),
                Some(kind),
                Some(product),
                Some(replacement),
                Some(description),
                Some(taken),
            ) if errors.is_empty() => Ok(RemediationValues {
                slug,
                vendor,
                kind,
                product,
                replacement,
                description,
                taken,
            }),
            _ => Err(errors),
        }
    }
}

/// A required choice of record (its slug).
fn slug_field(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<crate::domain::Slug> {
    if value.trim().is_empty() {
        errors.add(field, "choose one");
        return None;
    }
    slug(errors, field, value)
}

#[derive(Template)]
#[template(path = "curation/remediation_new.html")]
pub struct NewRemediationPage {
    pub nav: Nav,
    pub incident: Choice,
    pub form: NewRemediationForm,
    pub errors: FieldErrors,
    pub kinds: Options,
    pub vendors: Options,
    pub products: Options,
}

async fn page(
    nav: Nav,
    state: &AppState,
    incident: String,
    form: NewRemediationForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (incident, vendors, products) = state
        .run(move |c| {
            Ok((
                incident_named(c, &incident)?,
                vendor_choices(c)?,
                product_choices(c)?,
            ))
        })
        .await?;
    let page = NewRemediationPage {
        nav,
        incident,
        form,
        errors,
        kinds: enum_options(
            RemediationKind::ALL,
            RemediationKind::as_str,
            RemediationKind::label,
        ),
        vendors: record_options(vendors),
        products: record_options(products),
    };
    respond(&page, status)
}

/// `GET /incidents/{slug}/remediations/new`.
pub async fn form(
    nav: Nav,
    state: web::Data<AppState>,
    incident: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let form = NewRemediationForm::default();
    page(
        nav,
        &state,
        incident.into_inner(),
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
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
    let values = match form.values() {
        Ok(values) => values,
        Err(mut errors) => {
            note_taken(&state, &mut errors, SlugOf::Remediation, &form.slug).await?;
            return page(nav, &state, incident, form, errors, StatusCode::BAD_REQUEST).await;
        }
    };
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let target = incident.clone();
    let outcome = state
        .run(move |c| {
            record_remediation(c, &actor, &target, &values, &config, today, import_time())
        })
        .await?;
    match outcome {
        Ok(_) => Ok(see_other(format!("/incidents/{incident}?recorded=1"))),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, &state, incident, form, errors, StatusCode::BAD_REQUEST).await
        }
    }
}
