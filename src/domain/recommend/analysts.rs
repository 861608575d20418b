//! Analyst context: the views on the product or its vendor known on the date, each quoted in
//! its original language with its translation, and whether the decision agrees with it.

use super::context::ProductContext;
use super::input::AssessedSubject;
use super::report::{AnalystView, Decision};

/// The analysts' views for the recommendation, oldest first.
pub fn views(ctx: &ProductContext, decision: Decision) -> Vec<AnalystView> {
    let input = ctx.input;
    ctx.views
        .iter()
        .map(|a| {
            let (subject_kind, subject_name) = match a.subject {
                AssessedSubject::Product(_) => ("product", ctx.product.name.clone()),
                AssessedSubject::Vendor(v) => (
                    "vendor",
                    input
                        .vendors
                        .get(&v)
                        .map_or_else(String::new, |x| x.name.clone()),
                ),
                AssessedSubject::Incident(_) => ("incident", String::new()),
            };
            let subject = format!("{subject_kind} {subject_name}")
                .trim_end()
                .to_owned();
            let agrees = a.favoured_action.map(|act| decision.agrees_with(act));
            let note = match (a.favoured_action, agrees) {
                (Some(act), Some(true)) => format!(
                    "Agrees: favours {}, the decision is {}.",
                    act.label().to_lowercase(),
                    decision.label().to_lowercase()
                ),
                (Some(act), _) => format!(
                    "Disagrees: favours {}, the decision is {}.",
                    act.label().to_lowercase(),
                    decision.label().to_lowercase()
                ),
                (None, _) => "Favours no particular action.".to_owned(),
            };
            AnalystView {
                assessment: a.slug.clone(),
                firm: a.firm.clone(),
                analyst: a.analyst.clone(),
                analyst_title: a.analyst_title.clone(),
                date: a.assessed_on,
                subject,
                subject_kind,
                subject_name,
                stance: a.stance,
                favoured_action: a.favoured_action,
                quote: a.quote.clone(),
                language: a.quote_language.clone(),
                translation: a.translation.clone(),
                translation_language: a.translation_language.clone(),
                agrees,
                note,
                citations: a.citations.clone(),
            }
        })
        .collect()
}
