//! `/api/v1/vendors`: the vendor list with the browser list's filters and sorts, and each
//! vendor read (scored as of a day), created, changed and deleted through the vendor forms.

use super::doc::Op;
use super::paging::{PAGING, list_response, page_request};
use super::params::{AS_OF, Param, QueryParams};
use super::records::{self, Creatable, Record, refused_if_held};
use super::{ApiError, FieldErrors, WebError};
use crate::domain::views::{VendorDetail, VendorSummary};
use crate::domain::{Tier, VendorStatus};
use crate::store::curation::create::create_vendor;
use crate::store::curation::delete::{Deletable, delete_record};
use crate::store::curation::lookup::SlugOf;
use crate::store::curation::rescore::Scoring;
use crate::store::queries::cached::ScoredReads;
use crate::store::queries::listing::{GradeFilter, VendorFilter, VendorSort};
use crate::store::queries::trust::vendor_detail_with_trust;
use crate::store::vendor_edit::{editable_vendor, update_vendor};
use crate::store::{DbConnection, StoreError};
use crate::web::curate::VendorForm;
use crate::web::curation::flow::Change;
use crate::web::curation::vendor_new::NewVendorForm;
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};

/// The vendor list's filters and sort.
pub const LIST_PARAMS: &[Param] = &[
    Param::choice("tier", "Only vendors of this tier.", Tier::NAMES),
    Param::choice(
        "status",
        "Only vendors in this status.",
        VendorStatus::NAMES,
    ),
    Param::choice(
        "grade",
        "Only vendors with this grade (their latest score); `unknown` for none.",
        &GradeFilter::VALUES,
    ),
    Param::text(
        "category",
        "Only vendors with a product in this category (a slug) or one of its subcategories.",
    ),
    Param::choice(
        "sort",
        "The order: a key, or `-key` for the reverse.",
        &VendorSort::KEYS,
    ),
];

/// `GET /api/v1/vendors`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[LIST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let filter = VendorFilter {
        tier: query.choice("tier"),
        status: query.choice("status"),
        grade: query.get("grade").and_then(GradeFilter::parse),
        category: query.get("category").map(str::to_owned),
        sort: query
            .get("sort")
            .and_then(VendorSort::parse)
            .unwrap_or_default(),
    };
    let model = state.scoring.model_version.clone();
    let reads = state.scored.clone();
    let page = state
        .run(move |c| {
            if let Some(slug) = &filter.category
                && !reads.categories(c)?.iter().any(|(s, _)| s == slug)
            {
                return Ok(Err(slug.clone()));
            }
            Ok(Ok(reads
                .vendor_page(c, &filter, request, &model)?
                .as_ref()
                .clone()))
        })
        .await?
        .map_err(|slug| {
            let mut errors = FieldErrors::default();
            let message = crate::i18n::Message::new("list-bad-category").with("value", slug);
            errors.add("category", message);
            WebError::Fields(errors)
        })?;
    Ok(list_response(&req, page, request))
}

pub fn list_doc() -> Op {
    Op::new("vendors", "List vendors")
        .params(&[LIST_PARAMS, PAGING])
        .returns_page::<VendorSummary>()
}

/// Vendors, by slug.
pub struct Vendors;

impl Record for Vendors {
    const KIND: &'static str = "vendor";
    const COLLECTION: &'static str = "/api/v1/vendors";
    const READ_PARAMS: &'static [Param] = &[AS_OF];
    type Form = VendorForm;
    type View = VendorDetail;

    fn stored(c: &mut DbConnection, key: &str) -> Result<VendorForm, StoreError> {
        Ok(VendorForm::of(&editable_vendor(c, key)?))
    }

    fn view(
        c: &mut DbConnection,
        key: &str,
        (config, as_of): Scoring<'_>,
    ) -> Result<VendorDetail, StoreError> {
        vendor_detail_with_trust(c, key, as_of, config)
    }

    fn read(
        c: &mut DbConnection,
        key: &str,
        (config, as_of): Scoring<'_>,
        cache: &ScoredReads,
    ) -> Result<VendorDetail, StoreError> {
        Ok(cache.vendor(c, key, as_of, config)?.as_ref().clone())
    }

    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: VendorForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let changes = match form.changes() {
            Ok(changes) => changes,
            Err(errors) => return Ok(Err(errors)),
        };
        update_vendor(c, &by.actor, key, &changes, by.now)?;
        Ok(Ok(key.to_owned()))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        let check = delete_record(c, &by.actor, Deletable::Vendor(key), by.now)?;
        Ok(refused_if_held(Self::KIND, &check.references))
    }
}

impl Creatable for Vendors {
    type NewForm = NewVendorForm;

    fn create(
        c: &mut DbConnection,
        by: &Change,
        _: Option<&str>,
        form: NewVendorForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return records::with_taken_slug(c, SlugOf::Vendor, &form.slug, errors),
        };
        let created = create_vendor(c, &by.actor, &values, by.scoring(), by.now)?;
        Ok(created
            .map(|_| values.slug.as_str().to_owned())
            .map_err(crate::web::curation::refused))
    }
}

pub fn read_doc() -> Op {
    records::read_doc::<Vendors>("vendors", "Read a vendor with its trust score")
}

pub fn create_doc() -> Op {
    records::create_doc::<Vendors>("vendors", "Create a vendor")
}

pub fn update_doc() -> Op {
    records::update_doc::<Vendors>("vendors", "Change a vendor")
}

pub fn delete_doc() -> Op {
    records::delete_doc::<Vendors>("vendors", "Delete a vendor nothing refers to")
}
