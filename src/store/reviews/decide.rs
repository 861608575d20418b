//! Deciding an open review: the decision, its conditions and the frozen snapshot land with
//! their audit records in one transaction; a decided review is never decided again.

use super::read::review;
use super::snapshot::take_snapshot;
use super::{REVIEW, REVIEW_CONDITION};
use crate::domain::audit::Actor;
use crate::domain::recommend::RecommendationConfig;
use crate::domain::scoring::ScoringConfig;
use crate::domain::{ConditionStatus, Line, ReviewDecision, ReviewStatus, Text};
use crate::i18n::Message;
use crate::report::data::ReportDecision;
use crate::store::audit::{record_create, record_update};
use crate::store::curation::{Checked, Refused};
use crate::store::insert::insert_returning_id;
use crate::store::schema::{review_conditions, reviews};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::json;

/// A condition of an approval, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionValues {
    pub text: Line,
    pub owner: Line,
    pub due_on: NaiveDate,
}

/// A decision, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionValues {
    pub decision: ReviewDecision,
    pub rationale: Option<Text>,
    pub re_review_on: NaiveDate,
    pub conditions: Vec<ConditionValues>,
}

#[derive(Insertable)]
#[diesel(table_name = review_conditions)]
struct NewCondition<'a> {
    review_id: i32,
    text: &'a str,
    owner: &'a str,
    due_on: NaiveDate,
    status: &'a str,
}

/// What the decision's values refuse before anything is read: conditions required by an
/// approval with conditions, a re-review date after today.
fn refusals(v: &DecisionValues, today: NaiveDate) -> Refused {
    let mut refused = Refused::default();
    if v.decision == ReviewDecision::ApproveWithConditions && v.conditions.is_empty() {
        refused.add(
            "conditions",
            Message::new("reviews-err-conditions-required"),
        );
    }
    if v.re_review_on <= today {
        let m = Message::new("reviews-err-re-review-future").with("today", today.to_string());
        refused.add("re_review_on", m);
    }
    refused
}

/// Decides the open review `id` on `today`, freezing its snapshot. A missing review is not
/// found; a decided one, or values the decision refuses, come back field by field.
pub fn decide_review(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    v: &DecisionValues,
    (config, today): (&ScoringConfig, NaiveDate),
    recommendation: &RecommendationConfig,
    now: NaiveDateTime,
) -> Result<Checked<()>, StoreError> {
    conn.write_transaction(|conn| {
        let current = review(conn, id)?;
        if !current.is_open() {
            let mut refused = Refused::default();
            refused.add("decision", Message::new("reviews-err-already-decided"));
            return Ok(Err(refused));
        }
        if let Err(refused) = refusals(v, today).check() {
            return Ok(Err(refused));
        }
        let product = current.product.as_ref().map(|p| p.0.as_str());
        let subject = (current.vendor.as_str(), product);
        let mut snapshot = take_snapshot(conn, subject, (config, today), recommendation)?;
        if let Some(report) = snapshot.report.as_mut() {
            report.decision = Some(ReportDecision {
                decision: v.decision.as_str().to_owned(),
                decided_on: today,
                conditions: v.conditions.iter().map(|c| c.text.to_string()).collect(),
            });
        }
        let frozen = serde_json::to_string(&snapshot)
            .map_err(|e| StoreError::Corrupt(format!("cannot freeze a snapshot: {e}")))?;
        diesel::update(reviews::table.find(id))
            .filter(reviews::status.eq(ReviewStatus::Open.as_str()))
            .set((
                reviews::status.eq(ReviewStatus::Decided.as_str()),
                reviews::decision.eq(v.decision.as_str()),
                reviews::decided_by.eq(&actor.label),
                reviews::decided_at.eq(now),
                reviews::rationale.eq(v.rationale.as_ref().map(Text::as_str)),
                reviews::re_review_on.eq(v.re_review_on),
                reviews::snapshot.eq(&frozen),
            ))
            .execute(conn)?;
        let label = product.unwrap_or(&current.vendor).to_owned();
        let before = json!({"status": ReviewStatus::Open});
        let after = json!({
            "status": ReviewStatus::Decided, "decision": v.decision, "rationale": v.rationale,
            "re_review_on": v.re_review_on, "frozen_on": today,
        });
        record_update(conn, actor, (REVIEW, id, &label), (before, after), now)?;
        for c in &v.conditions {
            let row = NewCondition {
                review_id: id,
                text: c.text.as_str(),
                owner: c.owner.as_str(),
                due_on: c.due_on,
                status: ConditionStatus::Open.as_str(),
            };
            let cid = insert_returning_id!(&mut *conn, review_conditions, &row)?;
            let after = json!({
                "review": id, "text": c.text, "owner": c.owner, "due_on": c.due_on,
                "status": ConditionStatus::Open,
            });
            let label = id.to_string();
            record_create(conn, actor, (REVIEW_CONDITION, cid, &label), after, now)?;
        }
        Ok(Ok(()))
    })
}
