//! The reasons under a recommendation, worded in the reader's language (pages) or in English
//! (the JSON API and the command line, whose output keeps its English `reasons` list).

use crate::domain::recommend::{Reason, Recommendation};
use crate::i18n::{Lang, Message, format_date, format_decimal, translate};
use serde::Serialize;

fn points(lang: Lang, value: f64) -> String {
    format_decimal(lang, value, 1)
}

fn whole(lang: Lang, value: f64) -> String {
    format_decimal(lang, value, 0)
}

fn share(lang: Lang, value: f64) -> String {
    format_decimal(lang, value, 2)
}

/// A vocabulary value inside a sentence: "high", "élevée".
fn lower(lang: Lang, message_id: &str) -> String {
    translate(lang, message_id, &[]).to_lowercase()
}

fn incident(lang: Lang, title: &Option<String>) -> String {
    title
        .clone()
        .unwrap_or_else(|| Message::new("rec-an-incident").render(lang))
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// One reason in `lang`.
pub fn reason_text(lang: Lang, reason: &Reason) -> String {
    let message = match reason {
        Reason::Distrusted {
            score,
            threshold,
            criticality,
        } => Message::new("rec-why-distrusted")
            .with("score", points(lang, *score))
            .with("threshold", whole(lang, *threshold))
            .with("criticality", lower(lang, criticality.message_id())),
        Reason::CompromisedAnalystsReplace {
            incident: title,
            replace,
            favoured,
            score,
            threshold,
        } => Message::new("rec-why-compromised-analysts-replace")
            .with("incident", incident(lang, title))
            .with("replace", count(*replace))
            .with("favoured", count(*favoured))
            .with("score", points(lang, *score))
            .with("threshold", whole(lang, *threshold)),
        Reason::SupplyChainOrigin { incident: title } => {
            Message::new("rec-why-supply-chain-origin").with("incident", incident(lang, title))
        }
        Reason::SevereIncident {
            incident: title,
            score,
            threshold,
        } => Message::new("rec-why-severe-incident")
            .with("incident", incident(lang, title))
            .with("score", points(lang, *score))
            .with("threshold", whole(lang, *threshold)),
        Reason::WeakTrust { score, threshold } => Message::new("rec-why-weak-trust")
            .with("score", points(lang, *score))
            .with("threshold", whole(lang, *threshold)),
        Reason::Unknown {
            uncertainty,
            threshold,
        } => Message::new("rec-why-unknown")
            .with("uncertainty", share(lang, *uncertainty))
            .with("threshold", share(lang, *threshold)),
        Reason::Uncertain {
            uncertainty,
            threshold,
        } => Message::new("rec-why-uncertain")
            .with("uncertainty", share(lang, *uncertainty))
            .with("threshold", share(lang, *threshold)),
        Reason::RecentIncident { incident: title } => {
            Message::new("rec-why-recent-incident").with("incident", incident(lang, title))
        }
        Reason::AnalystsCaution { caution, favoured } => Message::new("rec-why-analysts-caution")
            .with("caution", count(*caution))
            .with("favoured", count(*favoured)),
        Reason::MiddlingTrust { score, threshold } => Message::new("rec-why-middling-trust")
            .with("score", points(lang, *score))
            .with("threshold", whole(lang, *threshold)),
        Reason::Trusted {
            score,
            threshold,
            uncertainty,
        } => Message::new("rec-why-trusted")
            .with("score", points(lang, *score))
            .with("threshold", whole(lang, *threshold))
            .with("uncertainty", share(lang, *uncertainty)),
        Reason::Scores {
            score,
            product,
            vendor,
            uncertainty,
        } => Message::new("rec-why-scores")
            .with("score", points(lang, *score))
            .with("product", points(lang, *product))
            .with("vendor", points(lang, *vendor))
            .with("uncertainty", share(lang, *uncertainty)),
        Reason::UsedBy(uses) => {
            let separator = match lang {
                Lang::En => "; ",
                Lang::Fr => " ; ",
            };
            let lines: Vec<String> = uses
                .iter()
                .map(|u| {
                    let criticality = lower(lang, u.criticality.message_id());
                    let consumer = if u.organisation {
                        Message::new("node-organisation").render(lang)
                    } else {
                        u.consumer.clone()
                    };
                    match u.until {
                        Some(end) => Message::new("rec-why-used-until")
                            .with("consumer", consumer.clone())
                            .with("criticality", criticality)
                            .with("date", format_date(lang, end)),
                        None => Message::new("rec-why-uses")
                            .with("consumer", consumer.clone())
                            .with("criticality", criticality),
                    }
                    .render(lang)
                })
                .collect();
            Message::new("rec-why-used-by").with("uses", lines.join(separator))
        }
        Reason::PastUse { criticality } => Message::new("rec-why-past-use")
            .with("criticality", lower(lang, criticality.message_id())),
        Reason::NoUse { criticality } => Message::new("rec-why-no-use")
            .with("criticality", lower(lang, criticality.message_id())),
        Reason::Incident {
            role,
            title,
            kind,
            severity,
            known_on,
        } => {
            let message = match known_on {
                Some(day) => {
                    Message::new("rec-why-incident-known").with("date", format_date(lang, *day))
                }
                None => Message::new("rec-why-incident"),
            };
            message
                .with("role", translate(lang, role.message_id(), &[]))
                .with("title", title.clone())
                .with("kind", lower(lang, kind.message_id()))
                .with("severity", i64::from(*severity))
        }
        Reason::NoViews => Message::new("rec-why-no-views"),
        Reason::Views {
            count: views,
            replace,
            monitor,
            retain,
        } => Message::new("rec-why-views")
            .with("count", count(*views))
            .with("replace", count(*replace))
            .with("monitor", count(*monitor))
            .with("retain", count(*retain))
            .with(
                "none",
                count(views.saturating_sub(replace + monitor + retain)),
            ),
    };
    message.render(lang)
}

/// Every reason of a recommendation in `lang`.
pub fn reasons(lang: Lang, r: &Recommendation) -> Vec<String> {
    r.reasons.iter().map(|x| reason_text(lang, x)).collect()
}

/// A recommendation as the JSON API and `trustkb recommend --format json` give it: its
/// fields with the reasons in English.
#[derive(Debug, Serialize)]
pub struct RecommendationJson<'a> {
    #[serde(flatten)]
    pub recommendation: &'a Recommendation,
    pub reasons: Vec<String>,
}

/// Described loosely in the API's document: an object with the recommendation's fields.
impl utoipa::PartialSchema for RecommendationJson<'_> {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .description(Some(
                "A product's recommendation as of a day: the product, its usage, its verdict \
                 and the facts behind it, with `reasons` in English.",
            ))
            .property(
                "reasons",
                utoipa::openapi::schema::ArrayBuilder::new().items(
                    utoipa::openapi::schema::ObjectBuilder::new()
                        .schema_type(utoipa::openapi::schema::Type::String),
                ),
            )
            .required("reasons")
            .into()
    }
}

impl utoipa::ToSchema for RecommendationJson<'_> {
    fn name() -> std::borrow::Cow<'static, str> {
        "RecommendationJson".into()
    }
}

impl<'a> RecommendationJson<'a> {
    pub fn new(recommendation: &'a Recommendation) -> RecommendationJson<'a> {
        RecommendationJson {
            reasons: reasons(Lang::En, recommendation),
            recommendation,
        }
    }
}
