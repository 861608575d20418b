//! `POST /reviews/{id}/decision`: the decision form (decision, rationale, re-review date and
//! up to three conditions); a valid one decides the review and freezes its snapshot.

use super::day;
use crate::domain::{Line, ReviewDecision};
use crate::store::reviews::decide::{ConditionValues, DecisionValues, decide_review};
use crate::web::curate::{FieldErrors, check};
use crate::web::curation::flow::{self, change, every_field, saved};
use crate::web::curation::{chosen, opt_text, see_other};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

/// The decision form as submitted (a missing field is empty); condition rows left blank
/// are not conditions.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DecisionForm {
    pub decision: String,
    pub rationale: String,
    pub re_review_on: String,
    pub c1_text: String,
    pub c1_owner: String,
    pub c1_due: String,
    pub c2_text: String,
    pub c2_owner: String,
    pub c2_due: String,
    pub c3_text: String,
    pub c3_owner: String,
    pub c3_due: String,
}

/// A condition row's fields: (name, value) of its text, owner and due date.
pub struct Row<'a> {
    pub text: (&'static str, &'a str),
    pub owner: (&'static str, &'a str),
    pub due: (&'static str, &'a str),
}

impl DecisionForm {
    /// The condition rows with their field names.
    pub fn rows(&self) -> [Row<'_>; 3] {
        let row = |text, owner, due| Row { text, owner, due };
        [
            row(
                ("c1_text", &self.c1_text),
                ("c1_owner", &self.c1_owner),
                ("c1_due", &self.c1_due),
            ),
            row(
                ("c2_text", &self.c2_text),
                ("c2_owner", &self.c2_owner),
                ("c2_due", &self.c2_due),
            ),
            row(
                ("c3_text", &self.c3_text),
                ("c3_owner", &self.c3_owner),
                ("c3_due", &self.c3_due),
            ),
        ]
    }

    fn conditions(&self, errors: &mut FieldErrors) -> Vec<ConditionValues> {
        let mut out = Vec::new();
        for Row {
            text: (t, text),
            owner: (o, owner),
            due: (d, due),
        } in self.rows()
        {
            if [text, owner, due].iter().all(|v| v.trim().is_empty()) {
                continue;
            }
            let text = check(errors, t, Line::parse(text.trim()));
            let owner = check(errors, o, Line::parse(owner.trim()));
            let due_on = day(errors, d, due);
            if let (Some(text), Some(owner), Some(due_on)) = (text, owner, due_on) {
                out.push(ConditionValues {
                    text,
                    owner,
                    due_on,
                });
            }
        }
        out
    }

    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<DecisionValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let decision: Option<ReviewDecision> = chosen(&mut errors, "decision", &self.decision);
        let rationale = opt_text(&mut errors, "rationale", &self.rationale);
        let re_review_on = day(&mut errors, "re_review_on", &self.re_review_on);
        let conditions = self.conditions(&mut errors);
        every_field!(errors => DecisionValues { decision, rationale, re_review_on; conditions })
    }
}

/// `POST /reviews/{id}/decision`.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    form: web::Form<DecisionForm>,
) -> Result<HttpResponse, PageError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let values = form.values();
    let recommendation = state.recommendation.clone();
    flow::submit(nav, &state, id, form, values, async |values| {
        let outcome = change(&state, &principal, move |c, by| {
            decide_review(
                c,
                &by.actor,
                id,
                &values,
                by.scoring(),
                &recommendation,
                by.now,
            )
        })
        .await?;
        saved(outcome, |_| see_other(format!("/reviews/{id}")))
    })
    .await
}
