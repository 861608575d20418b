//! The details of a recommendation page in the reader's language: compensating controls and
//! why each was chosen, alternatives' exposure and precedents, products left out.

use crate::domain::recommend::{
    Alternative, Control, Excluded, Exclusion, Exposure, Ground, Precedent,
};
use crate::i18n::{Lang, Message, format_date, translate};

/// A control as the page shows it.
#[derive(Debug, Clone)]
pub struct ControlText {
    pub control: String,
    pub rationale: String,
    pub precedents: Vec<String>,
}

/// The notes on an alternative.
#[derive(Debug, Clone)]
pub struct AlternativeText {
    pub exposure: Vec<String>,
    pub precedents: Vec<String>,
}

/// What a catalogue control says and why it answers the threat; None for a key the
/// catalogue does not know (the page then shows the engine's English).
fn control_messages(key: &str) -> Option<(Message, Message)> {
    let pair =
        |what: &'static str, why: &'static str| Some((Message::new(what), Message::new(why)));
    match key {
        "rotate-credentials" => pair(
            "control-rotate-credentials",
            "control-rotate-credentials-why",
        ),
        "rebuild-servers" => pair("control-rebuild-servers", "control-rebuild-servers-why"),
        "host-monitoring" => pair("control-host-monitoring", "control-host-monitoring-why"),
        "restrict-outbound" => pair("control-restrict-outbound", "control-restrict-outbound-why"),
        "review-code" => pair("control-review-code", "control-review-code-why"),
        "review-access" => pair("control-review-access", "control-review-access-why"),
        "review-data-exposure" => pair(
            "control-review-data-exposure",
            "control-review-data-exposure-why",
        ),
        "offline-backups" => pair("control-offline-backups", "control-offline-backups-why"),
        "patch-and-harden" => pair("control-patch-and-harden", "control-patch-and-harden-why"),
        "continuity-plan" => pair("control-continuity-plan", "control-continuity-plan-why"),
        "vendor-incident-report" => pair(
            "control-vendor-incident-report",
            "control-vendor-incident-report-why",
        ),
        "transition-plan" => pair("control-transition-plan", "control-transition-plan-why"),
        "vet-replacement" => pair("control-vet-replacement", "control-vet-replacement-why"),
        "gather-evidence" => pair("control-gather-evidence", "control-gather-evidence-why"),
        _ => None,
    }
}

fn lower(lang: Lang, message_id: &str) -> String {
    translate(lang, message_id, &[]).to_lowercase()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn ground(lang: Lang, g: &Ground) -> String {
    match g {
        Ground::Incident {
            role,
            title,
            kind,
            severity,
        } => Message::new("control-ground-incident")
            .with("role", lower(lang, role.message_id()))
            .with("title", title.clone())
            .with("kind", lower(lang, kind.message_id()))
            .with("severity", i64::from(*severity)),
        Ground::Precedent { who, kind } => Message::new("control-ground-precedent")
            .with("who", who.clone())
            .with("kind", lower(lang, kind.message_id())),
    }
    .render(lang)
}

fn precedent(lang: Lang, p: &Precedent) -> String {
    let message = match (&p.after, p.known_on) {
        (Some(after), Some(day)) => Message::new("precedent-after-on")
            .with("after", after.clone())
            .with("date", format_date(lang, day)),
        (Some(after), None) => Message::new("precedent-after").with("after", after.clone()),
        (None, Some(day)) => Message::new("precedent-on").with("date", format_date(lang, day)),
        (None, None) => Message::new("precedent"),
    };
    message
        .with("who", p.who.clone())
        .with("description", p.description.clone())
        .render(lang)
}

/// A control in `lang`: what to do, and why (the incidents and precedents that call for it,
/// then why it answers them).
pub fn control(lang: Lang, c: &Control) -> ControlText {
    let precedents = c.recorded.iter().map(|p| precedent(lang, p)).collect();
    let Some((what, why)) = control_messages(&c.key) else {
        return ControlText {
            control: c.control.clone(),
            rationale: c.rationale.clone(),
            precedents,
        };
    };
    let why = why.render(lang);
    let rationale = if c.grounds.is_empty() {
        Message::new("control-rationale").with("why", capitalised(&why))
    } else {
        let separator = match lang {
            Lang::En => "; ",
            Lang::Fr => " ; ",
        };
        let grounds: Vec<String> = c.grounds.iter().map(|g| ground(lang, g)).collect();
        Message::new("control-rationale-because")
            .with("because", capitalised(&grounds.join(separator)))
            .with("why", why)
    };
    ControlText {
        control: what.render(lang),
        rationale: rationale.render(lang),
        precedents,
    }
}

/// The notes on an alternative in `lang`.
pub fn alternative(lang: Lang, a: &Alternative) -> AlternativeText {
    AlternativeText {
        exposure: a
            .exposure
            .iter()
            .map(|e| match e {
                Exposure::DependsOn { product } => {
                    Message::new("alt-exposure-depends").with("product", product.clone())
                }
                Exposure::Involved { role, incident } => Message::new("alt-exposure-involved")
                    .with("role", translate(lang, role.message_id(), &[]))
                    .with("incident", incident.clone()),
            })
            .map(|m| m.render(lang))
            .collect(),
        precedents: a.recorded.iter().map(|p| precedent(lang, p)).collect(),
    }
}

/// Why a product was left out, in `lang`.
pub fn excluded(lang: Lang, x: &Excluded) -> String {
    match &x.why {
        Exclusion::ChainOrigin { vendor, incident } => Message::new("alt-excluded-chain-origin")
            .with("vendor", vendor.clone())
            .with("incident", incident.clone()),
        Exclusion::SevereOrigin { incident } => {
            Message::new("alt-excluded-severe-origin").with("incident", incident.clone())
        }
    }
    .render(lang)
}
