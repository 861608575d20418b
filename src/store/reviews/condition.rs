//! Following up a condition of an approval: its status changes (open, met, waived) with an
//! audit record of before and after, in one transaction.

use super::REVIEW_CONDITION;
use crate::domain::ConditionStatus;
use crate::domain::audit::Actor;
use crate::store::audit::record_update;
use crate::store::schema::review_conditions;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

/// Sets the status of condition `condition` of review `review`; a condition that is not the
/// review's is not found.
pub fn set_condition_status(
    conn: &mut DbConnection,
    actor: &Actor,
    (review, condition): (i32, i32),
    status: ConditionStatus,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    conn.write_transaction(|conn| {
        let before: String = review_conditions::table
            .find(condition)
            .filter(review_conditions::review_id.eq(review))
            .select(review_conditions::status)
            .first(conn)
            .optional()?
            .ok_or_else(|| StoreError::not_found("condition", condition.to_string()))?;
        diesel::update(review_conditions::table.find(condition))
            .set(review_conditions::status.eq(status.as_str()))
            .execute(conn)?;
        let label = review.to_string();
        let values = (json!({"status": before}), json!({"status": status}));
        record_update(
            conn,
            actor,
            (REVIEW_CONDITION, condition, &label),
            values,
            now,
        )
    })
}
