//! `/api/v1/assessments`: analysts' views listed (by vendor, product or analyst), and each
//! read, created, changed and deleted through the assessment form; every write rescores.

use super::analysts::both;
use super::curated::{fixed_slug, page_of};
use super::doc::Op;
use super::paging::{PAGING, list_response, page_request};
use super::params::{Param, QueryParams};
use super::products::unknown_filter;
use super::records::{self, Creatable, Record, held_by};
use super::{ApiError, FieldErrors};
use crate::store::curation::assessment::{
    StoredAssessment, create_assessment, delete_assessment, stored_assessment, update_assessment,
};
use crate::store::curation::assessment_list::{AssessmentFilter, assessment_slugs};
use crate::store::curation::lookup::{SlugOf, analyst_id, product_id, vendor_id};
use crate::store::curation::rescore::Scoring;
use crate::store::{DbConnection, StoreError};
use crate::web::curation::assessment_form::AssessmentForm;
use crate::web::curation::flow::Change;
use crate::web::curation::refused;
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

/// An analyst's view as the API shows it: about exactly one of vendor, product, incident.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(as = AssessmentRecord)]
pub struct AssessmentView {
    pub slug: String,
    /// The analyst's slug.
    pub analyst: String,
    pub vendor: Option<String>,
    pub product: Option<String>,
    pub incident: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precisely as it is known.
    pub assessed_on: String,
    pub stance: String,
    pub favoured_action: Option<String>,
    pub quote: String,
    pub quote_language: String,
    pub translation: Option<String>,
    pub translation_language: Option<String>,
    pub magic_quadrant: Option<String>,
    pub wave_tier: Option<String>,
}

impl AssessmentView {
    fn of(a: StoredAssessment) -> AssessmentView {
        let subject = |kind: &str| (a.subject.0 == kind).then(|| a.subject.1.clone());
        AssessmentView {
            vendor: subject("vendor"),
            product: subject("product"),
            incident: subject("incident"),
            slug: a.slug,
            analyst: a.analyst,
            assessed_on: a.assessed.iso(),
            stance: a.stance.as_str().to_owned(),
            favoured_action: a.action.map(|x| x.as_str().to_owned()),
            quote: a.quote,
            quote_language: a.quote_language,
            translation: a.translation,
            translation_language: a.translation_language,
            magic_quadrant: a.magic_quadrant.map(|x| x.as_str().to_owned()),
            wave_tier: a.wave_tier.map(|x| x.as_str().to_owned()),
        }
    }
}

/// The assessment list's filters.
pub const LIST_PARAMS: &[Param] = &[
    Param::text(
        "vendor",
        "Only views about this vendor (a slug) or one of its products.",
    ),
    Param::text("product", "Only views about this product (a slug)."),
    Param::text("analyst", "Only views given by this analyst (a slug)."),
];

/// The filter's ids, or the name and value of the first filter naming no record.
fn filter_of(
    c: &mut DbConnection,
    query: &QueryParams,
) -> Result<Result<AssessmentFilter, (&'static str, String)>, StoreError> {
    type Find = fn(&mut DbConnection, &str) -> Result<Option<i32>, StoreError>;
    let mut ids = [None; 3];
    let lookups: [(&'static str, Find); 3] = [
        ("vendor", vendor_id),
        ("product", product_id),
        ("analyst", analyst_id),
    ];
    for (slot, (name, find)) in ids.iter_mut().zip(lookups) {
        if let Some(slug) = query.get(name) {
            match find(c, slug)? {
                Some(id) => *slot = Some(id),
                None => return Ok(Err((name, slug.to_owned()))),
            }
        }
    }
    let [vendor, product, analyst] = ids;
    Ok(Ok(AssessmentFilter {
        vendor,
        product,
        analyst,
    }))
}

/// `GET /api/v1/assessments`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[LIST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let page = state
        .run(move |c| {
            let filter = match filter_of(c, &query)? {
                Ok(filter) => filter,
                Err(unknown) => return Ok(Err(unknown)),
            };
            let slugs = page_of(assessment_slugs(c, filter)?, request);
            let items = slugs
                .items
                .iter()
                .map(|slug| Ok(AssessmentView::of(stored_assessment(c, slug)?)))
                .collect::<Result<Vec<_>, StoreError>>()?;
            Ok(Ok(crate::store::queries::Page {
                items,
                total: slugs.total,
            }))
        })
        .await?
        .map_err(|(name, slug)| unknown_filter(name, &slug))?;
    Ok(list_response(&req, page, request))
}

pub fn list_doc() -> Op {
    Op::new("assessments", "List analysts' views")
        .describe("Most recently assessed first.")
        .params(&[LIST_PARAMS, PAGING])
        .returns_page::<AssessmentView>()
}

/// Assessments, by slug.
pub struct Assessments;

impl Record for Assessments {
    const KIND: &'static str = "assessment";
    const COLLECTION: &'static str = "/api/v1/assessments";
    type Form = AssessmentForm;
    type View = AssessmentView;

    fn stored(c: &mut DbConnection, key: &str) -> Result<AssessmentForm, StoreError> {
        Ok(AssessmentForm::of(&stored_assessment(c, key)?))
    }

    fn view(c: &mut DbConnection, key: &str, _: Scoring<'_>) -> Result<AssessmentView, StoreError> {
        Ok(AssessmentView::of(stored_assessment(c, key)?))
    }

    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: AssessmentForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let values = match (fixed_slug(&form.slug, key), form.values()) {
            (Ok(()), Ok(values)) => values,
            (fixed, checked) => return Ok(Err(both(fixed, checked.map(|_| ())))),
        };
        let updated = update_assessment(c, &by.actor, key, &values, by.scoring(), by.now)?;
        Ok(updated.map(|_| key.to_owned()).map_err(refused))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        let deleted = delete_assessment(c, &by.actor, key, by.scoring(), by.now)?;
        Ok(deleted
            .map(|_| ())
            .map_err(|held| held_by(Self::KIND, &held)))
    }
}

impl Creatable for Assessments {
    type NewForm = AssessmentForm;

    fn create(
        c: &mut DbConnection,
        by: &Change,
        _: Option<&str>,
        form: AssessmentForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => {
                return records::with_taken_slug(c, SlugOf::Assessment, &form.slug, errors);
            }
        };
        let created = create_assessment(c, &by.actor, &values, by.scoring(), by.now)?;
        Ok(created
            .map(|_| values.slug.as_str().to_owned())
            .map_err(refused))
    }
}

pub fn read_doc() -> Op {
    records::read_doc::<Assessments>("assessments", "Read an analyst's view")
}

pub fn create_doc() -> Op {
    records::create_doc::<Assessments>(
        "assessments",
        "Record an analyst's view of one vendor, product or incident (rescores)",
    )
}

pub fn update_doc() -> Op {
    records::update_doc::<Assessments>(
        "assessments",
        "Change an analyst's view (the slug stays; rescores)",
    )
}

pub fn delete_doc() -> Op {
    records::delete_doc::<Assessments>(
        "assessments",
        "Delete an analyst's view no citation refers to (rescores)",
    )
}
