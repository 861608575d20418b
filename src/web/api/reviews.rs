//! `/api/v1/reviews`: procurement reviews listed (the page's sections) and read; a review
//! opened, decided (If-Match: one decision only) and its conditions followed up, by the pages' forms.

use super::body::{JsonObject, overlay, with_shape_errors};
use super::curated::{number, page_of};
use super::doc::Op;
use super::etag::{check_if_match, etag_of, if_match};
use super::paging::{PAGING, list_response, page_request};
use super::params::{Param, QueryParams};
use super::records::{Failed, write};
use super::{ApiError, FieldErrors, WebError};
use crate::domain::{ConditionStatus, DataClassification, ReviewDecision, ReviewStatus};
use crate::i18n::Message;
use crate::store::DbConnection;
use crate::store::curation::lookup::{product_id, vendor_id};
use crate::store::reviews::condition::set_condition_status;
use crate::store::reviews::decide::decide_review;
use crate::store::reviews::open::{ReviewSubject, open_review};
use crate::store::reviews::read::{ReviewView, all_reviews, review};
use crate::web::curation::flow::Change;
use crate::web::curation::refused;
use crate::web::identity::Principal;
use crate::web::reviews::condition::StatusForm;
use crate::web::reviews::decide::DecisionForm;
use crate::web::reviews::list::DUE_WITHIN_DAYS;
use crate::web::reviews::open::OpenForm;
use crate::web::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDate;
use serde::Serialize;

/// One condition of an approval.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ConditionApiView {
    pub id: i32,
    pub text: String,
    pub owner: String,
    pub due_on: NaiveDate,
    pub status: ConditionStatus,
}

/// A review as the API shows it; once decided, with the snapshot frozen at the decision.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReviewApiView {
    pub id: i32,
    /// The vendor reviewed, or the vendor of the product reviewed (slug).
    pub vendor: String,
    pub vendor_name: String,
    /// The product reviewed (slug); null when the vendor is.
    pub product: Option<String>,
    pub product_name: Option<String>,
    pub purpose: String,
    pub data_classification: DataClassification,
    /// The annual spend in minor units (cents); null when not given.
    pub annual_spend_minor: Option<i64>,
    pub currency: Option<String>,
    pub requester: String,
    pub due_on: NaiveDate,
    pub status: ReviewStatus,
    pub opened_by: String,
    /// When it was opened (UTC, `YYYY-MM-DDTHH:MM:SS`).
    pub opened_at: String,
    pub decision: Option<ReviewDecision>,
    pub decided_by: Option<String>,
    /// When it was decided (UTC, `YYYY-MM-DDTHH:MM:SS`).
    pub decided_at: Option<String>,
    pub rationale: Option<String>,
    pub re_review_on: Option<NaiveDate>,
    pub conditions: Vec<ConditionApiView>,
    /// What the reviewers saw, frozen at the decision (scores, evidence, citations,
    /// recommendation); null while the review is open.
    #[schema(value_type = Option<Object>)]
    pub snapshot: Option<serde_json::Value>,
}

fn timestamp(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

impl ReviewApiView {
    fn of(r: ReviewView) -> Result<ReviewApiView, WebError> {
        let snapshot = r
            .snapshot
            .map(serde_json::to_value)
            .transpose()
            .map_err(|e| WebError::Internal(format!("cannot show a snapshot: {e}")))?;
        let (product, product_name) = r.product.map_or((None, None), |(s, n)| (Some(s), Some(n)));
        let (annual_spend_minor, currency) =
            r.spend.map_or((None, None), |(m, c)| (Some(m), Some(c)));
        Ok(ReviewApiView {
            id: r.id,
            vendor: r.vendor,
            vendor_name: r.vendor_name,
            product,
            product_name,
            purpose: r.purpose,
            data_classification: r.classification,
            annual_spend_minor,
            currency,
            requester: r.requester,
            due_on: r.due_on,
            status: r.status,
            opened_by: r.opened_by,
            opened_at: timestamp(r.opened_at),
            decision: r.decision,
            decided_by: r.decided_by,
            decided_at: r.decided_at.map(timestamp),
            rationale: r.rationale,
            re_review_on: r.re_review_on,
            conditions: r
                .conditions
                .into_iter()
                .map(|c| ConditionApiView {
                    id: c.id,
                    text: c.text,
                    owner: c.owner,
                    due_on: c.due_on,
                    status: c.status,
                })
                .collect(),
            snapshot,
        })
    }
}

/// Review `id` as the API shows it, with its ETag (a digest of all of it: any decision or
/// condition follow-up changes it).
fn shown(c: &mut DbConnection, id: i32) -> Result<(ReviewApiView, String), Failed> {
    let view = ReviewApiView::of(review(c, id)?)?;
    let etag = etag_of(&view)?;
    Ok((view, etag))
}

fn answer(
    mut response: actix_web::HttpResponseBuilder,
    (view, etag): (ReviewApiView, String),
) -> HttpResponse {
    response.insert_header((header::ETAG, etag)).json(view)
}

/// The review number the path names (not a number: 404).
fn review_id(req: &HttpRequest) -> Result<i32, ApiError> {
    Ok(number(
        "review",
        req.match_info().get("id").unwrap_or_default(),
    )?)
}

/// The review list's filters: the page's sections, and the vendor.
pub const LIST_PARAMS: &[Param] = &[
    Param::choice(
        "view",
        "Only open reviews; decided reviews due for re-review within 30 days (or overdue); or \
         reviews with a condition still open past its due date. All reviews when absent.",
        &["open", "due", "overdue"],
    ),
    Param::text(
        "vendor",
        "Only reviews of this vendor (a slug) or of one of its products.",
    ),
];

/// `GET /api/v1/reviews`: most recently opened first.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[LIST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let vendor = query.get("vendor").map(str::to_owned);
    let known = match &vendor {
        Some(slug) => {
            let slug = slug.clone();
            state.run(move |c| vendor_id(c, &slug)).await?.is_some()
        }
        None => true,
    };
    if let Some(slug) = vendor.as_deref().filter(|_| !known) {
        return Err(super::products::unknown_filter("vendor", slug));
    }
    let today = chrono::Utc::now().date_naive();
    let horizon = today + chrono::Days::new(DUE_WITHIN_DAYS);
    let view = query.get("view").map(str::to_owned);
    let all = state.run(all_reviews).await?;
    let kept = all
        .into_iter()
        .filter(|r| vendor.as_deref().is_none_or(|v| r.vendor == v))
        .filter(|r| match view.as_deref() {
            Some("open") => r.is_open(),
            Some("due") => r.re_review_on.is_some_and(|d| d <= horizon),
            Some("overdue") => r
                .conditions
                .iter()
                .any(|c| c.status == ConditionStatus::Open && c.due_on < today),
            _ => true,
        })
        .map(ReviewApiView::of)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(list_response(&req, page_of(kept, request), request))
}

pub fn list_doc() -> Op {
    Op::new("reviews", "List procurement reviews")
        .describe("Most recently opened first.")
        .params(&[LIST_PARAMS, PAGING])
        .returns_page::<ReviewApiView>()
}

/// `GET /api/v1/reviews/{id}`, with its ETag.
pub async fn read(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[])?;
    let id = review_id(&req)?;
    let shown = write(&state, move |c| shown(c, id)).await?;
    Ok(answer(HttpResponse::Ok(), shown))
}

pub fn read_doc() -> Op {
    Op::new("reviews", "Read a review")
        .returns::<ReviewApiView>(200)
        .etag()
}

/// The subject the open form names, or the field errors saying why it names none.
fn subject_of(
    c: &mut DbConnection,
    form: &OpenForm,
) -> Result<Result<ReviewSubject, FieldErrors>, Failed> {
    let mut errors = FieldErrors::default();
    let Some(subject) = form.subject() else {
        errors.add("vendor", Message::new("api-review-subject"));
        return Ok(Err(errors));
    };
    let found = match &subject {
        ReviewSubject::Vendor(s) => vendor_id(c, s.as_str())?
            .map(|_| ())
            .ok_or(("vendor", "err-no-vendor")),
        ReviewSubject::Product(s) => product_id(c, s.as_str())?
            .map(|_| ())
            .ok_or(("product", "err-no-product")),
    };
    match found {
        Ok(()) => Ok(Ok(subject)),
        Err((field, id)) => {
            errors.add(
                field,
                Message::new(id).with("slug", subject.slug().as_str()),
            );
            Ok(Err(errors))
        }
    }
}

/// The subject's errors with those of the other fields (checked as if the subject were right).
fn other_fields(form: &OpenForm, mut errors: FieldErrors) -> FieldErrors {
    if let Ok(slug) = crate::domain::Slug::parse("subject")
        && let Err(more) = form.values(ReviewSubject::Vendor(slug))
    {
        errors.extend(more);
    }
    errors
}

/// `POST /api/v1/reviews`: opens a review of a vendor or a product (201).
pub async fn open(
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    let (form, shape) = overlay(&OpenForm::default(), &body)?;
    let by = Change::by(&state, &principal);
    let shown = write(&state, move |c| {
        let checked = match subject_of(c, &form)? {
            Ok(subject) => form.values(subject),
            Err(errors) => Err(other_fields(&form, errors)),
        };
        let values = with_shape_errors(shape, checked).map_err(WebError::Fields)?;
        let id = open_review(c, &by.actor, &values, by.now)?;
        shown(c, id)
    })
    .await?;
    let location = format!("/api/v1/reviews/{}", shown.0.id);
    Ok(answer(
        {
            let mut created = HttpResponse::Created();
            created.insert_header((header::LOCATION, location));
            created
        },
        shown,
    ))
}

pub fn open_doc() -> Op {
    Op::new(
        "reviews",
        "Open a procurement review of a vendor or a product",
    )
    .describe(
        "Takes the open form's fields: `vendor` or `product` (a slug; exactly one), \
             `purpose`, `data_classification`, `annual_spend` with `currency` (both or \
             neither), `requester` and `due_on`. Answers 201 with the review, its Location \
             and its ETag; a refused body is a 400 listing every wrong field, and nothing is \
             written.",
    )
    .body::<OpenForm>()
    .returns::<ReviewApiView>(201)
    .etag()
}

/// `POST /api/v1/reviews/{id}/decision`: decides an open review and freezes its snapshot;
/// `If-Match` must name the review as read, so that two reviewers cannot both decide.
pub async fn decide(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    let id = review_id(&req)?;
    let if_match = if_match(&req)?;
    let by = Change::by(&state, &principal);
    let recommendation = state.recommendation.clone();
    let shown = write(&state, move |c| {
        let (_, current) = shown(c, id)?;
        check_if_match(if_match.as_deref(), &current)?;
        let (form, shape) = overlay(&DecisionForm::default(), &body)?;
        let values = with_shape_errors(shape, form.values()).map_err(WebError::Fields)?;
        let decided = decide_review(
            c,
            &by.actor,
            id,
            &values,
            by.scoring(),
            &recommendation,
            by.now,
        )?;
        decided.map_err(|r| WebError::Fields(refused(r)))?;
        shown(c, id)
    })
    .await?;
    Ok(answer(HttpResponse::Ok(), shown))
}

pub fn decide_doc() -> Op {
    Op::new("reviews", "Decide an open review (freezes its snapshot)")
        .describe(
            "Takes the decision form's fields: `decision`, `rationale`, `re_review_on` (after \
             today) and up to three conditions (`c1_text`, `c1_owner`, `c1_due`, ... `c3_due`; \
             an approval with conditions needs one). Send the review's ETag as If-Match: 428 \
             without it, 412 when the review changed since (another reviewer decided). A \
             refused body is a 400 listing every wrong field, and nothing is written.",
        )
        .body::<DecisionForm>()
        .returns::<ReviewApiView>(200)
        .etag()
        .if_match()
}

/// `POST /api/v1/reviews/{id}/conditions/{cid}`: a condition's follow-up (open, met,
/// waived). `If-Match`, when sent, must name the review as read.
pub async fn condition(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    let id = review_id(&req)?;
    let cid = number("condition", req.match_info().get("cid").unwrap_or_default())?;
    let if_match = if_match(&req)?;
    let by = Change::by(&state, &principal);
    let shown = write(&state, move |c| {
        let (_, current) = shown(c, id)?;
        if if_match.is_some() {
            check_if_match(if_match.as_deref(), &current)?;
        }
        let (form, shape) = overlay(&StatusForm::default(), &body)?;
        let status = form.status.trim().parse::<ConditionStatus>().map_err(|_| {
            let mut errors = FieldErrors::default();
            errors.add(
                "status",
                Message::new("err-unknown-value")
                    .with("vocabulary", "condition status")
                    .with("value", form.status.trim())
                    .with("allowed", ConditionStatus::NAMES.join(", ")),
            );
            errors
        });
        let status = with_shape_errors(shape, status).map_err(WebError::Fields)?;
        set_condition_status(c, &by.actor, (id, cid), status, by.now)?;
        shown(c, id)
    })
    .await?;
    Ok(answer(HttpResponse::Ok(), shown))
}

pub fn condition_doc() -> Op {
    Op::new("reviews", "Follow up a condition of a decided review")
        .describe(
            "Takes `status`: open, met or waived. Answers the review with its new ETag. \
             If-Match is optional here; when sent, it must name the review as read (412).",
        )
        .body::<StatusForm>()
        .returns::<ReviewApiView>(200)
        .etag()
}
