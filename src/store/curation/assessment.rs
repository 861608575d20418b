//! Assessments curated in the browser: an analyst's view of exactly one vendor, product or
//! incident. Each create, edit or delete writes its audit record and rescores, together.

use super::analyst::analyst_id;
use super::create::audit_created;
use super::delete::Reference;
use super::lookup::{incident_id, product_id, vendor_id};
use super::references::{Cited, add_citations};
use super::rescore::current_scores;
use super::score_report::{ASSESSMENT_RESCORE, About, Rescored, rescore_and_report};
use super::{Checked, Refused};
use crate::domain::audit::{Actor, Change};
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::domain::{
    AuditAction, FavouredAction, LanguageCode, MagicQuadrant, PartialDate, Slug, Stance, Text,
    WaveTier,
};
use crate::i18n::Message;
use crate::store::audit::record;
use crate::store::error::{parse_stored, parse_stored_opt, stored_date};
use crate::store::insert::{NewAssessment, insert_returning_id};
use crate::store::rows::AssessmentRow;
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
        .optional()?
        .ok_or_else(|| StoreError::not_found("assessment", slug))?;
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
    let analyst = analyst_id(conn, v.analyst.as_str())?;
    if analyst.is_none() {
        let m = Message::new("assess-err-no-analyst").with("slug", v.analyst.to_string());
        refused.add("analyst", m);
    }
    let (field, slug) = v.subject.field();
    let id = match v.subject {
        SubjectRef::Vendor(_) => vendor_id(conn, slug.as_str())?,
        SubjectRef::Product(_) => product_id(conn, slug.as_str())?,
        SubjectRef::Incident(_) => incident_id(conn, slug.as_str())?,
    };
    if id.is_none() {
        let id = match v.subject {
            SubjectRef::Vendor(_) => "assess-err-no-vendor",
            SubjectRef::Product(_) => "assess-err-no-product",
            SubjectRef::Incident(_) => "assess-err-no-incident",
        };
        refused.add(field, Message::new(id).with("slug", slug.to_string()));
    }
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
    conn.transaction(|conn| {
        let taken: i64 = assessments::table
            .filter(assessments::slug.eq(v.slug.as_str()))
            .count()
            .get_result(conn)?;
        let resolved = resolve(conn, v)?;
        let (analyst, ids) = match (resolved, taken) {
            (Ok(found), 0) => found,
            (outcome, _) => {
                let mut refused = outcome.err().unwrap_or_default();
                if taken > 0 {
                    let m = Message::new("err-slug-taken").with("slug", v.slug.to_string());
                    refused.add("slug", m);
                }
                return Ok(Err(refused));
            }
        };
        let before = current_scores(conn, scoring.1, scoring.0)?;
        let row = new_row(v, analyst, ids);
        let id = insert_returning_id!(&mut *conn, assessments, &row)?;
        let mut after = v.audit_view();
        after["slug"] = json!(v.slug);
        audit_created(conn, actor, ASSESSMENT, id, v.slug.as_str(), after, now)?;
        let named = named(ids);
        let about = About {
            entity: ASSESSMENT_RESCORE,
            id,
            label: v.slug.as_str(),
            before: &before,
            named: &named,
        };
        let rescored = rescore_and_report(conn, actor, about, scoring, now)?;
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
    conn.transaction(|conn| {
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
        let before = current_scores(conn, scoring.1, scoring.0)?;
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
        let change = Change {
            action: AuditAction::Update,
            entity: ASSESSMENT,
            entity_id: old.id.to_string(),
            label: old.slug.clone(),
            before: Some(before_view),
            after: Some(after_view),
        };
        record(conn, actor, &change, now)?;
        let mut named = named(old_ids);
        named.extend(self::named(ids));
        let about = About {
            entity: ASSESSMENT_RESCORE,
            id: old.id,
            label: &old.slug,
            before: &before,
            named: &named,
        };
        let rescored = rescore_and_report(conn, actor, about, scoring, now)?;
        Ok(Ok(Some((rescored, page_of(conn, ids)?.1))))
    })
}

/// What references assessment `id`: its citations.
pub fn assessment_references(
    conn: &mut DbConnection,
    id: i32,
) -> Result<Vec<Reference>, StoreError> {
    let mut list = Vec::new();
    add_citations(conn, &mut list, Cited::Assessment, id)?;
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
    conn.transaction(|conn| {
        let old = stored_assessment(conn, slug)?;
        let references = assessment_references(conn, old.id)?;
        if !references.is_empty() {
            return Ok(Err(references));
        }
        let before = current_scores(conn, scoring.1, scoring.0)?;
        diesel::delete(assessments::table.find(old.id)).execute(conn)?;
        let mut before_view = old.audit_view();
        before_view["slug"] = json!(old.slug);
        let change = Change {
            action: AuditAction::Delete,
            entity: ASSESSMENT,
            entity_id: old.id.to_string(),
            label: old.slug.clone(),
            before: Some(before_view),
            after: None,
        };
        record(conn, actor, &change, now)?;
        let about = About {
            entity: ASSESSMENT_RESCORE,
            id: old.id,
            label: &old.slug,
            before: &before,
            named: &[],
        };
        let rescored = rescore_and_report(conn, actor, about, scoring, now)?;
        Ok(Ok((rescored, old.page)))
    })
}
