//! `/api/v1/remediations`: what vendors did about incidents, listed (by incident or vendor),
//! recorded on an incident, read, changed and deleted through the browser's remediation form.

use super::doc::Op;
use super::incidents::slug_kept;
use super::paging::{PAGING, list_response, page_request};
use super::params::{Param, QueryParams};
use super::records::{self, Creatable, Record, refused_if_held};
use super::{ApiError, FieldErrors, WebError};
use crate::domain::views::RemediationView;
use crate::i18n::Message;
use crate::store::curation::lookup::{SlugOf, incident_named, vendor_named};
use crate::store::curation::remediation::record_remediation;
use crate::store::curation::remediation_edit::{
    delete_remediation, stored_remediation, update_remediation,
};
use crate::store::curation::rescore::Scoring;
use crate::store::queries::remediations::{RemediationFilter, list_remediations, remediation_view};
use crate::store::{DbConnection, StoreError};
use crate::web::curation::flow::Change;
use crate::web::curation::refused;
use crate::web::curation::remediation_new::NewRemediationForm;
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};

/// The remediation list's filters.
pub const LIST_PARAMS: &[Param] = &[
    Param::text(
        "incident",
        "Only the remediations of this incident (a slug).",
    ),
    Param::text("vendor", "Only the remediations this vendor (a slug) took."),
];

/// `GET /api/v1/remediations`, by slug.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[LIST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let filter = RemediationFilter {
        incident: query.get("incident").map(str::to_owned),
        vendor: query.get("vendor").map(str::to_owned),
    };
    let page = state
        .run(move |c| {
            let mut errors = FieldErrors::default();
            for (field, slug) in [("incident", &filter.incident), ("vendor", &filter.vendor)] {
                let Some(slug) = slug else { continue };
                let known = match field {
                    "incident" => incident_named(c, slug).map(|_| ()),
                    _ => vendor_named(c, slug).map(|_| ()),
                };
                match known {
                    Ok(()) => {}
                    Err(StoreError::NotFound { .. }) => errors.add_named(
                        field.to_owned(),
                        Message::new("api-filter-unknown").with("value", slug.as_str()),
                    ),
                    Err(e) => return Err(e),
                }
            }
            if !errors.is_empty() {
                return Ok(Err(errors));
            }
            Ok(Ok(list_remediations(c, &filter, request)?))
        })
        .await?
        .map_err(WebError::Fields)?;
    Ok(list_response(&req, page, request))
}

pub fn list_doc() -> Op {
    Op::new("remediations", "List remediations")
        .params(&[LIST_PARAMS, PAGING])
        .returns_page::<RemediationView>()
}

/// Remediations, by slug.
pub struct Remediations;

impl Record for Remediations {
    const KIND: &'static str = "remediation";
    const COLLECTION: &'static str = "/api/v1/remediations";
    type Form = NewRemediationForm;
    type View = RemediationView;

    fn stored(c: &mut DbConnection, key: &str) -> Result<NewRemediationForm, StoreError> {
        Ok(NewRemediationForm::of(&stored_remediation(c, key)?))
    }

    fn view(
        c: &mut DbConnection,
        key: &str,
        _: Scoring<'_>,
    ) -> Result<RemediationView, StoreError> {
        remediation_view(c, key)
    }

    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: NewRemediationForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let mut errors = slug_kept(&form.slug, key);
        let values = match form.values() {
            Ok(values) if errors.is_empty() => values,
            Ok(_) => return Ok(Err(errors)),
            Err(wrong) => {
                errors.extend(wrong);
                return Ok(Err(errors));
            }
        };
        let updated = update_remediation(c, &by.actor, key, &values, &by.config, by.today, by.now)?;
        Ok(updated.map(|_| key.to_owned()).map_err(refused))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        // The store deletes nothing while anything refers to the record.
        let (check, _) = delete_remediation(c, &by.actor, key, &by.config, by.today, by.now)?;
        Ok(refused_if_held(Self::KIND, &check.references))
    }
}

impl Creatable for Remediations {
    type NewForm = NewRemediationForm;

    fn create(
        c: &mut DbConnection,
        by: &Change,
        incident: Option<&str>,
        form: NewRemediationForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let incident = incident.unwrap_or_default();
        incident_named(c, incident)?;
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => {
                return records::with_taken_slug(c, SlugOf::Remediation, &form.slug, errors);
            }
        };
        let recorded = record_remediation(
            c, &by.actor, incident, &values, &by.config, by.today, by.now,
        )?;
        Ok(recorded
            .map(|_| values.slug.as_str().to_owned())
            .map_err(refused))
    }
}

pub fn read_doc() -> Op {
    records::read_doc::<Remediations>("remediations", "Read a remediation")
}

pub fn create_doc() -> Op {
    records::create_doc::<Remediations>("remediations", "Record a remediation of an incident")
}

pub fn update_doc() -> Op {
    records::update_doc::<Remediations>(
        "remediations",
        "Change a remediation (its slug and incident stay)",
    )
}

pub fn delete_doc() -> Op {
    records::delete_doc::<Remediations>("remediations", "Delete a remediation no citation supports")
}
