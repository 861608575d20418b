//! Assessments curated in the browser: an analyst's view of exactly one vendor, product or
//! incident. Each create, edit or delete writes its audit record and rescores, together.

use super::delete::Reference;
use super::lookup::{
    FindId, analyst_id, assessment_id, incident_id, known_id, product_id, refuse_taken, vendor_id,
};
use super::references::add_citations;
use super::rescore::scores_before;
use super::score_report::{ASSESSMENT_RESCORE, Rescored, rescore_and_report};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::domain::{
    FavouredAction, LanguageCode, MagicQuadrant, PartialDate, Slug, Stance, Text, WaveTier,
};
use crate::store::audit::{record_create, record_delete, record_update};
use crate::store::error::{OrNotFound, parse_stored, parse_stored_opt, stored_date};
use crate::store::insert::{NewAssessment, insert_returning_id};
use crate::store::rows::{AssessmentRow, CitedRecord};
use crate::store::schema::{analysts, assessments, incidents, products, vendors};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::{Value, json};

/// The audit trail's name for assessments (entity id: database id; label: slug).
pub const ASSESSMENT: &str = "assessment";

/// What an assessment is about: exactly one record, by slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubjectRef {
    Vendor(Slug),
    Product(Slug),
    Incident(Slug),
}

impl SubjectRef {
    /// The form field (and audit key) naming the subject, and its slug.
    pub fn field(&self) -> (&'static str, &Slug) {
        match self {
            SubjectRef::Vendor(s) => ("vendor", s),
            SubjectRef::Product(s) => ("product", s),
            SubjectRef::Incident(s) => ("incident", s),
        }
    }
}

/// An assessment, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentValues {
    pub slug: Slug,
    pub analyst: Slug,
    pub subject: SubjectRef,
    pub assessed: PartialDate,
    pub stance: Stance,
    pub action: Option<FavouredAction>,
    pub quote: Text,
    pub quote_language: LanguageCode,
    /// A translation and its language, given together.
    pub translation: Option<(Text, LanguageCode)>,
    pub magic_quadrant: Option<MagicQuadrant>,
    pub wave_tier: Option<WaveTier>,
}

impl AssessmentValues {
    fn audit_view(&self) -> Value {
        let (field, subject) = self.subject.field();
        let mut view = json!({
            "analyst": self.analyst, "vendor": null, "product": null, "incident": null,
            "assessed_on": self.assessed, "stance": self.stance,
            "favoured_action": self.action, "quote": self.quote,
            "quote_language": self.quote_language,
            "translation": self.translation.as_ref().map(|t| &t.0),
            "translation_language": self.translation.as_ref().map(|t| &t.1),
            "magic_quadrant": self.magic_quadrant, "wave_tier": self.wave_tier,
        });
        view[field] = json!(subject);
        view
    }
}

/// A stored assessment, as its edit form shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAssessment {
    pub id: i32,
    pub slug: String,
    pub analyst: String,
    /// "vendor", "product" or "incident", and the subject's slug.
    pub subject: (&'static str, String),
    /// The page that shows it: its vendor's (a product's vendor) or its incident's.
    pub page: String,
    pub assessed: PartialDate,
    pub stance: Stance,
    pub action: Option<FavouredAction>,
    pub quote: String,
    pub quote_language: String,
    pub translation: Option<String>,
    pub translation_language: Option<String>,
    pub magic_quadrant: Option<MagicQuadrant>,
    pub wave_tier: Option<WaveTier>,
}

impl StoredAssessment {
    fn audit_view(&self) -> Value {
        let mut view = json!({
            "analyst": self.analyst, "vendor": null, "product": null, "incident": null,
            "assessed_on": self.assessed, "stance": self.stance,
            "favoured_action": self.action, "quote": self.quote,
            "quote_language": self.quote_language, "translation": self.translation,
            "translation_language": self.translation_language,
            "magic_quadrant": self.magic_quadrant, "wave_tier": self.wave_tier,
        });
        view[self.subject.0] = json!(self.subject.1);
        view
    }
}

/// The page showing the subject with these ids.
fn page_of(
    conn: &mut DbConnection,
    (vendor, product, incident): (Option<i32>, Option<i32>, Option<i32>),
) -> Result<((&'static str, String), String), StoreError> {
    if let Some(id) = vendor {
        let slug: String = vendors::table.find(id).select(vendors::slug).first(conn)?;
        return Ok((("vendor", slug.clone()), format!("/vendors/{slug}")));
    }
    if let Some(id) = product {
        let (slug, vendor): (String, String) = products::table
            .inner_join(vendors::table)
            .filter(products::id.eq(id))
            .select((products::slug, vendors::slug))
            .first(conn)?;
        return Ok((("product", slug), format!("/vendors/{vendor}")));
    }
    let id = incident.ok_or_else(|| StoreError::Corrupt("an assessment without subject".into()))?;
    let slug: String = incidents::table
        .find(id)
        .select(incidents::slug)
        .first(conn)?;
    Ok((("incident", slug.clone()), format!("/incidents/{slug}")))
}

/// The assessment with this slug; not found when there is none.
pub fn stored_assessment(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<StoredAssessment, StoreError> {
    let row: AssessmentRow = assessments::table
        .filter(assessments::slug.eq(slug))
        .select(AssessmentRow::as_select())
        .first(conn)
        .or_not_found("assessment", slug)?;
    let analyst: String = analysts::table
        .find(row.analyst_id)
        .select(analysts::slug)
        .first(conn)?;
    let (subject, page) = page_of(conn, (row.vendor_id, row.product_id, row.incident_id))?;
    Ok(StoredAssessment {
        id: row.id,
        slug: row.slug,
        analyst,
        subject,
        page,
        assessed: stored_date(
            "assessments.assessed_precision",
            row.assessed_on,
            &row.assessed_precision,
        )?,
        stance: parse_stored("assessments.stance", &row.stance)?,
        action: parse_stored_opt(
            "assessments.favoured_action",
            row.favoured_action.as_deref(),
        )?,
        quote: row.quote,
        quote_language: row.quote_language,
        translation: row.translation,
        translation_language: row.translation_language,
        magic_quadrant: parse_stored_opt(
            "assessments.magic_quadrant",
            row.magic_quadrant.as_deref(),
        )?,
        wave_tier: parse_stored_opt("assessments.wave_tier", row.wave_tier.as_deref())?,
    })
}

/// The analyst's id and the subject's ids (vendor, product, incident), or the fields refused.
type Resolved = (i32, (Option<i32>, Option<i32>, Option<i32>));

fn resolve(conn: &mut DbConnection, v: &AssessmentValues) -> Result<Checked<Resolved>, StoreError> {
    let mut refused = Refused::default();
    let no_analyst = ("analyst", "assess-err-no-analyst");
    let analyst = known_id(conn, analyst_id, &v.analyst, no_analyst, &mut refused)?;
    let (field, slug) = v.subject.field();
    let (find, message): (FindId, _) = match v.subject {
        SubjectRef::Vendor(_) => (vendor_id, "assess-err-no-vendor"),
        SubjectRef::Product(_) => (product_id, "assess-err-no-product"),
        SubjectRef::Incident(_) => (incident_id, "assess-err-no-incident"),
    };
    let id = known_id(conn, find, slug, (field, message), &mut refused)?;
    let ids = match v.subject {
        SubjectRef::Vendor(_) => (id, None, None),
        SubjectRef::Product(_) => (None, id, None),
        SubjectRef::Incident(_) => (None, None, id),
    };
    match analyst {
        Some(analyst) if refused.is_empty() => Ok(Ok((analyst, ids))),
        _ => Ok(Err(refused)),
    }
}

/// The subjects whose scores an assessment on these ids moves.
fn named((vendor, product, _): (Option<i32>, Option<i32>, Option<i32>)) -> Vec<Subject> {
    let mut list: Vec<Subject> = vendor.map(Subject::Vendor).into_iter().collect();
    list.extend(product.map(Subject::Product));
    list
}

/// A saved assessment's score changes and the page that shows it.
pub type Saved = (Rescored, String);

/// Records a new assessment and rescores as of `today`; returns the score changes and the
/// page showing it, or the fields refused (slug taken, analyst or subject unknown).
pub fn create_assessment(
    conn: &mut DbConnection,
    actor: &Actor,
    v: &AssessmentValues,
    scoring: (&ScoringConfig, NaiveDate),
    now: NaiveDateTime,
) -> Result<Checked<Saved>, StoreError> {
    conn.write_transaction(|conn| {
        let mut taken = Refused::default();
        refuse_taken(conn, assessment_id, &v.slug, "err-slug-taken", &mut taken)?;
        let (analyst, ids) = match resolve(conn, v)? {
            Ok(found) if taken.is_empty() => found,
            outcome => {
                let mut refused = outcome.err().unwrap_or_default();
                refused.0.extend(taken.0);
                return Ok(Err(refused));
            }
        };
        let before = scores_before(conn, scoring)?;
        let row = new_row(v, analyst, ids);
        let id = insert_returning_id!(&mut *conn, assessments, &row)?;
        let mut after = v.audit_view();
        after["slug"] = json!(v.slug);
        let about = (ASSESSMENT, id, v.slug.as_str());
        record_create(conn, actor, about, after, now)?;
        let about = (ASSESSMENT_RESCORE, id, v.slug.as_str());
        let rescored =
            rescore_and_report(conn, actor, about, (&before, &named(ids)), scoring, now)?;
        let title = crate::store::alerts::evaluate::quoted(v.analyst.as_str(), v.quote.as_str());
        let record = (v.slug.as_str(), title.as_str());
        let report = Some(rescored.report);
        crate::store::alerts::evaluate::assessment_recorded(
            conn,
            record,
            &named(ids),
            report,
            now,
        )?;
        Ok(Ok((rescored, page_of(conn, ids)?.1)))
    })
}

fn new_row(
    v: &AssessmentValues,
    analyst_id: i32,
    (vendor_id, product_id, incident_id): (Option<i32>, Option<i32>, Option<i32>),
) -> NewAssessment<'_> {
    NewAssessment {
        slug: v.slug.as_str(),
        analyst_id,
        vendor_id,
        product_id,
        incident_id,
        assessed_on: v.assessed.date,
        stance: v.stance.as_str(),
        favoured_action: v.action.map(FavouredAction::as_str),
        quote: v.quote.as_str(),
        quote_language: v.quote_language.as_str(),
        translation: v.translation.as_ref().map(|t| t.0.as_str()),
        translation_language: v.translation.as_ref().map(|t| t.1.as_str()),
        magic_quadrant: v.magic_quadrant.map(MagicQuadrant::as_str),
        wave_tier: v.wave_tier.map(WaveTier::as_str),
        assessed_precision: v.assessed.precision.as_str(),
    }
}

/// Changes the assessment with slug `slug` (its slug stays: `v.slug` is ignored) and
/// rescores; `None` when nothing changed (nothing written). A missing one is not found.
pub fn update_assessment(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    v: &AssessmentValues,
    scoring: (&ScoringConfig, NaiveDate),
    now: NaiveDateTime,
) -> Result<Checked<Option<Saved>>, StoreError> {
    conn.write_transaction(|conn| {
        let old = stored_assessment(conn, slug)?;
        let (analyst, ids) = match resolve(conn, v)? {
            Ok(found) => found,
            Err(refused) => return Ok(Err(refused)),
        };
        let (before_view, after_view) = (old.audit_view(), v.audit_view());
        if before_view == after_view {
            return Ok(Ok(None));
        }
        let old_ids = {
            let row: AssessmentRow = assessments::table
                .find(old.id)
                .select(AssessmentRow::as_select())
                .first(conn)?;
            (row.vendor_id, row.product_id, row.incident_id)
        };
        let before = scores_before(conn, scoring)?;
        let row = new_row(v, analyst, ids);
        diesel::update(assessments::table.find(old.id))
            .set((
                assessments::analyst_id.eq(row.analyst_id),
                assessments::vendor_id.eq(row.vendor_id),
                assessments::product_id.eq(row.product_id),
                assessments::incident_id.eq(row.incident_id),
                assessments::assessed_on.eq(row.assessed_on),
                assessments::assessed_precision.eq(row.assessed_precision),
                assessments::stance.eq(row.stance),
                assessments::favoured_action.eq(row.favoured_action),
                assessments::quote.eq(row.quote),
                assessments::quote_language.eq(row.quote_language),
                assessments::translation.eq(row.translation),
                assessments::translation_language.eq(row.translation_language),
                assessments::magic_quadrant.eq(row.magic_quadrant),
                assessments::wave_tier.eq(row.wave_tier),
            ))
            .execute(conn)?;
        let views = (before_view, after_view);
        record_update(conn, actor, (ASSESSMENT, old.id, &old.slug), views, now)?;
        let mut named = named(old_ids);
        named.extend(self::named(ids));
        let about = (ASSESSMENT_RESCORE, old.id, old.slug.as_str());
        let rescored = rescore_and_report(conn, actor, about, (&before, &named), scoring, now)?;
        Ok(Ok(Some((rescored, page_of(conn, ids)?.1))))
    })
}

/// What references assessment `id`: its citations.
pub fn assessment_references(
    conn: &mut DbConnection,
    id: i32,
) -> Result<Vec<Reference>, StoreError> {
    let mut list = Vec::new();
    let cited = (CitedRecord::Assessment, id);
    add_citations(conn, &mut list, "curated-ref-citations", cited)?;
    Ok(list)
}

/// Deletes the assessment with this slug (audited, rescored) when nothing references it;
/// otherwise writes nothing and returns what does. A missing one is not found.
pub fn delete_assessment(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    scoring: (&ScoringConfig, NaiveDate),
    now: NaiveDateTime,
) -> Result<Result<Saved, Vec<Reference>>, StoreError> {
    conn.write_transaction(|conn| {
        let old = stored_assessment(conn, slug)?;
        let references = assessment_references(conn, old.id)?;
        if !references.is_empty() {
            return Ok(Err(references));
        }
        let before = scores_before(conn, scoring)?;
        diesel::delete(assessments::table.find(old.id)).execute(conn)?;
        let mut before_view = old.audit_view();
        before_view["slug"] = json!(old.slug);
        record_delete(
            conn,
            actor,
            (ASSESSMENT, old.id, &old.slug),
            before_view,
            now,
        )?;
        let about = (ASSESSMENT_RESCORE, old.id, old.slug.as_str());
        let rescored = rescore_and_report(conn, actor, about, (&before, &[]), scoring, now)?;
        Ok(Ok((rescored, old.page)))
    })
}
