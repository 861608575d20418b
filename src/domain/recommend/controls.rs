//! Compensating controls: a catalogue keyed by incident kind, the remediations recorded for
//! similar incidents (cited), and transition controls whenever the decision is to replace.

use super::context::ProductContext;
use super::input::IncidentInfo;
use super::reason::{Ground, Precedent};
use super::report::{Control, Decision};
use crate::domain::{IncidentKind, RemediationKind};
use std::collections::HashMap;

/// One control of the catalogue: its key, what to do, and why it answers the threat.
struct Entry {
    key: &'static str,
    control: &'static str,
    why: &'static str,
}

const CATALOGUE: &[Entry] = &[
    Entry {
        key: "rotate-credentials",
        control: "Rotate every credential, key and certificate the product holds or uses to reach other services, including its service accounts.",
        why: "stolen credentials and certificates stay valid until replaced, so whatever the product could reach must be assumed exposed",
    },
    Entry {
        key: "rebuild-servers",
        control: "Rebuild or replace the servers the product runs on, and those it reached, from known-good images.",
        why: "an attacker who held servers may have left a foothold that cleaning in place cannot rule out",
    },
    Entry {
        key: "host-monitoring",
        control: "Add host security monitoring (EDR) on every host running the product and watch its processes and accounts.",
        why: "a backdoor in trusted software acts with the software's privileges, and host-level monitoring is what sees it act",
    },
    Entry {
        key: "restrict-outbound",
        control: "Restrict the product's outbound network traffic to the destinations it needs and alert on anything else.",
        why: "a backdoor calls home, and blocking unexpected outbound traffic cuts its command channel",
    },
    Entry {
        key: "review-code",
        control: "Review the product's code, builds and updates for tampering; install only signed releases whose hashes match the vendor's.",
        why: "stolen source code helps an attacker find flaws or forge updates",
    },
    Entry {
        key: "review-access",
        control: "Review the product's accounts and access logs for the attacker's activity; remove what cannot be explained.",
        why: "an intruder creates and reuses accounts that outlive the intrusion",
    },
    Entry {
        key: "review-data-exposure",
        control: "List the data the product holds for us, reduce it to what is needed, encrypt it and check notification duties.",
        why: "data already taken cannot be recalled, but what remains exposed can be reduced",
    },
    Entry {
        key: "offline-backups",
        control: "Keep offline, tested backups of what the product holds and rehearse the restore.",
        why: "ransomware makes availability depend on backups the attacker cannot reach",
    },
    Entry {
        key: "patch-and-harden",
        control: "Apply the vendor's fixes promptly and keep the product's management interfaces off the internet.",
        why: "an exploited vulnerability stays open until patched, and exposed interfaces are attacked first",
    },
    Entry {
        key: "continuity-plan",
        control: "Agree and test a fallback for when the product is unavailable.",
        why: "an outage shows the product is a single point of failure",
    },
    Entry {
        key: "vendor-incident-report",
        control: "Obtain the vendor's incident report and remediation evidence and review them against the contract's security clauses.",
        why: "only the vendor's own findings show whether the cause is fixed",
    },
];

/// Controls that accompany every replacement.
const TRANSITION: &[Entry] = &[
    Entry {
        key: "transition-plan",
        control: "Plan the replacement: run both products side by side, migrate, then uninstall the old one and revoke its accounts, keys and network access.",
        why: "replacement alone does not restore trust, since the exposure remains until the old product is gone and what it could reach is cleaned",
    },
    Entry {
        key: "vet-replacement",
        control: "Assess the replacement before relying on it (its score and certainty, its own suppliers) and apply the same controls to its hosts.",
        why: "a new supplier can be the next supply-chain victim, and changing vendors moves the risk without removing it",
    },
];

/// For a product whose evidence is too thin.
const GATHER: Entry = Entry {
    key: "gather-evidence",
    control: "Ask the vendor for security evidence (certifications, test reports, incident history) and record it in the knowledge base.",
    why: "the knowledge base holds too little evidence to rely on the product either way",
};

/// The catalogue's controls for an incident kind.
pub fn keys_for(kind: IncidentKind) -> &'static [&'static str] {
    match kind {
        IncidentKind::SupplyChainCompromise => {
            &["host-monitoring", "restrict-outbound", "rebuild-servers"]
        }
        IncidentKind::CredentialTheft => &["rotate-credentials"],
        IncidentKind::SourceCodeTheft => &["review-code"],
        IncidentKind::Intrusion => &["rebuild-servers", "review-access"],
        IncidentKind::DataBreach => &["review-data-exposure", "rotate-credentials"],
        IncidentKind::Ransomware => &["offline-backups", "rebuild-servers"],
        IncidentKind::VulnerabilityExploitation => &["patch-and-harden", "review-access"],
        IncidentKind::Outage => &["continuity-plan"],
        IncidentKind::Other => &["vendor-incident-report"],
    }
}

/// The catalogue control a recorded remediation corresponds to (dropping a product is a
/// precedent for the alternatives, not a control).
pub fn key_of_remediation(kind: RemediationKind) -> Option<&'static str> {
    match kind {
        RemediationKind::RotateCredentials => Some("rotate-credentials"),
        RemediationKind::RebuildServers => Some("rebuild-servers"),
        RemediationKind::AddMonitoring => Some("host-monitoring"),
        RemediationKind::Patch => Some("patch-and-harden"),
        RemediationKind::FinalReport => Some("vendor-incident-report"),
        RemediationKind::DropProduct | RemediationKind::Other => None,
    }
}

fn entry(key: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|e| e.key == key)
}

fn control_of(e: &Entry, rationale: String, transition: bool) -> Control {
    Control {
        key: e.key.to_owned(),
        control: e.control.to_owned(),
        rationale,
        transition,
        grounds: Vec::new(),
        precedents: Vec::new(),
        recorded: Vec::new(),
        citations: Vec::new(),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// Joins the reasons a control was chosen with why it answers them.
fn rationale(because: &[String], why: &str) -> String {
    if because.is_empty() {
        format!("{}.", capitalised(why))
    } else {
        format!("{}: {why}.", capitalised(&because.join("; ")))
    }
}

/// The controls for a product, given the decision and whether its evidence is thin.
pub fn controls(ctx: &ProductContext, decision: Decision, uncertain: bool) -> Vec<Control> {
    let input = ctx.input;
    // Each chosen catalogue entry with the reasons it was chosen, in order of choice.
    let mut chosen: Vec<(&'static Entry, Vec<String>, Control)> = Vec::new();
    fn slot<'l>(
        chosen: &'l mut Vec<(&'static Entry, Vec<String>, Control)>,
        e: &'static Entry,
    ) -> &'l mut (&'static Entry, Vec<String>, Control) {
        let at = match chosen.iter().position(|(x, _, _)| x.key == e.key) {
            Some(i) => i,
            None => {
                chosen.push((e, Vec::new(), control_of(e, String::new(), false)));
                chosen.len() - 1
            }
        };
        &mut chosen[at]
    }
    // 1. From the kinds of the recent incidents it took part in, most severe first.
    for (incident, role) in &ctx.incidents {
        for e in keys_for(incident.kind).iter().filter_map(|k| entry(k)) {
            let because = format!(
                "{} in {} ({}, severity {}/5)",
                role.label().to_lowercase(),
                incident.title,
                incident.kind.label().to_lowercase(),
                incident.severity
            );
            let (_, reasons, control) = slot(&mut chosen, e);
            reasons.push(because);
            control.grounds.push(Ground::Incident {
                role: *role,
                title: incident.title.clone(),
                kind: incident.kind,
                severity: incident.severity,
            });
        }
    }
    // 2. From remediations recorded after incidents of the same kinds (known on the date).
    let kinds: Vec<IncidentKind> = ctx.incidents.iter().map(|(i, _)| i.kind).collect();
    // The incidents by id, looked up once per remediation (a scan each was most of the time
    // of a page of recommendations); none is needed without a recent incident.
    let by_id: HashMap<i32, &IncidentInfo> = if kinds.is_empty() {
        HashMap::new()
    } else {
        input.incidents.iter().map(|i| (i.id, i)).collect()
    };
    for r in input.remediations.iter().filter(|_| !kinds.is_empty()) {
        if !input.known(r.known_on) {
            continue;
        }
        let Some(similar) = r
            .incident
            .and_then(|id| by_id.get(&id).copied())
            .filter(|i| kinds.contains(&i.kind))
        else {
            continue;
        };
        let Some(e) = key_of_remediation(r.kind).and_then(entry) else {
            continue;
        };
        let who = input.vendors.get(&r.vendor).map_or("", |v| v.name.as_str());
        let when = r
            .known_on
            .map(|d| d.format("%-d %b %Y").to_string())
            .unwrap_or_default();
        let (_, because, control) = slot(&mut chosen, e);
        let done = format!(
            "{who} did this after a similar incident ({})",
            similar.kind.label().to_lowercase()
        );
        if !because.contains(&done) {
            because.push(done);
            control.grounds.push(Ground::Precedent {
                who: who.to_owned(),
                kind: similar.kind,
            });
        }
        control.precedents.push(format!(
            "{who} ({when}), after {}: {}",
            similar.title, r.description
        ));
        control.recorded.push(Precedent {
            who: who.to_owned(),
            known_on: r.known_on,
            after: Some(similar.title.clone()),
            description: r.description.clone(),
        });
        for c in &r.citations {
            if !control.citations.contains(c) {
                control.citations.push(c.clone());
            }
        }
    }
    let mut list: Vec<Control> = chosen
        .into_iter()
        .map(|(e, because, mut control)| {
            control.rationale = rationale(&because, e.why);
            control
        })
        .collect();
    // 3. Evidence to gather when too little is known.
    if uncertain {
        list.push(control_of(&GATHER, rationale(&[], GATHER.why), false));
    }
    // 4. A replacement always comes with transition controls.
    if decision == Decision::Replace {
        for e in TRANSITION {
            list.push(control_of(e, rationale(&[], e.why), true));
        }
    }
    list
}
