//! The lines of a score's explanation and the records a citation supports, worded in the
//! reader's language from the structured data the domain and the store hand over.

use super::identity::Nav;
use crate::domain::scoring::{Contribution, EvidenceLabel};
use crate::domain::views::CitedLabel;

/// One contribution's evidence: "Origin in …" / "Origine dans …", with "not counted" when a
/// heavier part of the same incident counts instead.
pub fn contribution_label(nav: &Nav, c: &Contribution) -> String {
    let line = evidence_label(nav, &c.about);
    if c.superseded {
        nav.t1("contrib-superseded", "line", line)
    } else {
        line
    }
}

/// A piece of evidence in the reader's language.
pub fn evidence_label(nav: &Nav, label: &EvidenceLabel) -> String {
    match label {
        EvidenceLabel::Involvement { role, incident } => nav.t2(
            "evidence-involvement",
            ("role", nav.t(role.message_id())),
            ("incident", incident),
        ),
        EvidenceLabel::Remediation { kind, description } => nav.t2(
            "evidence-remediation",
            ("kind", nav.t(kind.message_id())),
            ("description", description),
        ),
        EvidenceLabel::Assessment { analyst, stance } => nav.t2(
            "evidence-assessment",
            (
                "analyst",
                analyst
                    .clone()
                    .unwrap_or_else(|| nav.t("evidence-unknown-analyst")),
            ),
            ("stance", nav.t(stance.message_id())),
        ),
        EvidenceLabel::Dependency {
            product,
            vendor,
            criticality,
        } => nav.t3(
            "evidence-dependency",
            ("product", product),
            ("vendor", vendor),
            ("criticality", nav.t(criticality.message_id())),
        ),
        EvidenceLabel::Unnamed => String::new(),
    }
}

/// The record a citation supports, in the reader's language.
pub fn cited_label(nav: &Nav, label: &CitedLabel) -> String {
    match label {
        CitedLabel::Named(name) => name.clone(),
        CitedLabel::Uses {
            consumer: Some(consumer),
            product,
        } => nav.t2("cited-uses", ("consumer", consumer), ("product", product)),
        CitedLabel::Uses {
            consumer: None,
            product,
        } => nav.t1("cited-uses-ours", "product", product),
        CitedLabel::Involvement {
            party,
            role,
            incident,
        } => nav.t3(
            "cited-involvement",
            ("party", party),
            ("role", nav.t(role.message_id()).to_lowercase()),
            ("incident", incident),
        ),
        CitedLabel::TimelineEvent { date, title } => {
            nav.t2("cited-timeline", ("date", nav.day(date)), ("title", title))
        }
        CitedLabel::Cause { cause, effect } => {
            nav.t2("cited-cause", ("cause", cause), ("effect", effect))
        }
        CitedLabel::Remediation {
            vendor,
            description,
        } => nav.t2(
            "cited-remediation",
            ("vendor", vendor),
            ("description", description),
        ),
        CitedLabel::Assessment { analyst, subject } => nav.t2(
            "cited-assessment",
            ("analyst", analyst),
            ("subject", subject),
        ),
        CitedLabel::Unnamed => String::new(),
    }
}

/// The kind of record a citation supports (as the store names it), as the key the
/// `source-supports` message selects on.
pub fn record_kind_key(kind: &str) -> &'static str {
    match kind {
        "vendor" => "vendor",
        "product" => "product",
        "dependency" => "dependency",
        "incident" => "incident",
        "incident involvement" => "involvement",
        "timeline event" => "timeline-event",
        "causal link" => "causal-link",
        "remediation" => "remediation",
        "analyst" => "analyst",
        "assessment" => "assessment",
        _ => "other",
    }
}
