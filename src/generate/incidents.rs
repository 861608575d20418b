//! Synthetic incidents (dated in order), their 1–3 involvements along the supply chain,
//! causal links (always an earlier incident causing a later one: acyclic) and remediations.

use super::catalog::Catalog;
use super::sources::Cited;
use super::sql::{Writer, date, opt_date, opt_int, opt_text, text};
use super::{SLUG_PREFIX, base, day, index, one_in, pick, stream, weighted};
use crate::domain::{IncidentKind, InvolvementRole, RemediationKind};
use crate::store::StoreError;
use chrono::NaiveDate;

const ACTORS: [&str; 8] = [
    "Synthetic Panda",
    "Synthetic Bear",
    "Synthetic Kitten",
    "Synthetic Spider",
    "Synthetic Typhoon",
    "Synthetic Blizzard",
    "Synthetic Tempest",
    "Synthetic Sleet",
];

/// What the assessments and sources need of an incident.
pub(super) struct Incident {
    pub(super) id: i64,
    pub(super) title: String,
    pub(super) disclosed: NaiveDate,
}

pub(super) struct Evidence {
    pub(super) incidents: Vec<Incident>,
    /// Records to cite, with the sentence a source will hold.
    pub(super) cited: Vec<Cited>,
}

fn phrase(kind: IncidentKind) -> &'static str {
    match kind {
        IncidentKind::SupplyChainCompromise => "supply-chain compromise",
        IncidentKind::CredentialTheft => "credential theft",
        IncidentKind::SourceCodeTheft => "source code theft",
        IncidentKind::Intrusion => "intrusion",
        IncidentKind::DataBreach => "data breach",
        IncidentKind::Ransomware => "ransomware attack",
        IncidentKind::VulnerabilityExploitation => "exploited vulnerability",
        IncidentKind::Outage => "outage",
        IncidentKind::Other => "security incident",
    }
}

pub(super) fn write(
    w: &mut Writer<'_>,
    catalog: &Catalog,
    seed: u64,
    bases: &[i64; 13],
) -> Result<Evidence, StoreError> {
    let mut rng = stream(seed, 2);
    let count = catalog.shape.incidents;
    let (incident_base, involvement_base) = (
        base(bases, "incidents"),
        base(bases, "incident_involvements"),
    );
    let span = 5 * 365 - 200;
    let mut evidence = Evidence {
        incidents: Vec::with_capacity(count),
        cited: Vec::with_capacity(count * 2),
    };
    let (mut incidents, mut involvements) = (Vec::new(), Vec::new());
    // (origin vendor, origin product) of each incident, for the remediations.
    let mut origins = Vec::with_capacity(count);
    for i in 0..count {
        let id = incident_base + i as i64 + 1;
        let kind = pick(&mut rng, IncidentKind::ALL);
        let severity = weighted(&mut rng, &[(1, 15), (2, 25), (3, 30), (4, 20), (5, 10)]);
        let disclosed = day((i * span / count.max(1)) as u64 + rng.below(5));
        let discovered = disclosed - chrono::Days::new(rng.below(60));
        let resolved = (!one_in(&mut rng, 4))
            .then(|| disclosed.checked_add_days(chrono::Days::new(rng.below(120))))
            .flatten();
        let actor = one_in(&mut rng, 3).then(|| pick(&mut rng, &ACTORS));
        let origin = index(&mut rng, catalog.shape.vendors);
        let product = (!one_in(&mut rng, 3)).then(|| catalog.product_of(&mut rng, origin));
        let customers = one_in(&mut rng, 2).then(|| rng.below(100_000) as i64);
        let name = &catalog.vendor_names[origin].1;
        let title = format!("{} {} ({})", name, phrase(kind), disclosed.format("%B %Y"));
        let summary = format!(
            "{name} disclosed a {} of severity {severity} on {disclosed}, reference SYN-{}.",
            phrase(kind),
            i + 1
        );
        incidents.push(format!(
            "({id}, '{SLUG_PREFIX}i{}', {}, '{}', {severity}, {}, {}, {}, {}, {})",
            i + 1,
            text(&title),
            kind.as_str(),
            date(discovered),
            date(disclosed),
            opt_date(resolved),
            opt_text(actor),
            text(&summary)
        ));
        let mut involve = |vendor: usize, product: Option<usize>, role: InvolvementRole| {
            let n = involvement_base + involvements.len() as i64 + 1;
            involvements.push(format!(
                "({n}, {id}, {}, {}, '{}', {}, NULL)",
                catalog.vendor_id(vendor),
                opt_int(product.map(|p| catalog.product_id(p))),
                role.as_str(),
                opt_int(customers)
            ));
        };
        involve(origin, product, InvolvementRole::Origin);
        // Then up to two vendors downstream of the origin: conduits or victims.
        let downstream = &catalog.dependents[origin];
        let mut seen = vec![origin];
        for _ in 0..index(&mut rng, 3) {
            let vendor = match downstream.is_empty() {
                true => index(&mut rng, catalog.shape.vendors),
                false => downstream[index(&mut rng, downstream.len())] as usize,
            };
            if seen.contains(&vendor) {
                continue;
            }
            seen.push(vendor);
            let role = pick(
                &mut rng,
                &[InvolvementRole::Conduit, InvolvementRole::Victim],
            );
            involve(vendor, None, role);
        }
        origins.push((origin, product));
        evidence.cited.push(Cited {
            column: "incident_id",
            id,
            sentence: summary,
            on: disclosed,
        });
        evidence.incidents.push(Incident {
            id,
            title,
            disclosed,
        });
    }
    w.insert(
        "writing incidents",
        "incidents",
        "id, slug, title, kind, severity, discovered_on, disclosed_on, resolved_on, threat_actor, summary",
        &incidents,
    )?;
    w.insert(
        "writing incident involvements",
        "incident_involvements",
        "id, incident_id, vendor_id, product_id, role, customers_affected, description",
        &involvements,
    )?;

    // One incident in eight was caused by an earlier one (at most 30 before it).
    let cause_base = base(bases, "incident_causes");
    let mut causes = Vec::new();
    for effect in 1..count {
        if one_in(&mut rng, 8) {
            let cause = effect - 1 - index(&mut rng, effect.min(30));
            causes.push(format!(
                "({}, {}, {}, 'Access gained in the earlier incident was reused.')",
                cause_base + causes.len() as i64 + 1,
                evidence.incidents[cause].id,
                evidence.incidents[effect].id
            ));
        }
    }
    w.insert(
        "writing incident causes",
        "incident_causes",
        "id, cause_id, effect_id, description",
        &causes,
    )?;

    // Three incidents in five were answered by the origin vendor, once or twice.
    let remediation_base = base(bases, "remediations");
    let mut remediations = Vec::new();
    for (i, (origin, product)) in origins.into_iter().enumerate() {
        if rng.below(5) >= 3 {
            continue;
        }
        for _ in 0..1 + index(&mut rng, 2) {
            let kind = pick(&mut rng, RemediationKind::ALL);
            let (n, incident) = (remediations.len(), &evidence.incidents[i]);
            let id = remediation_base + n as i64 + 1;
            let taken = incident
                .disclosed
                .checked_add_days(chrono::Days::new(rng.below(90)));
            let replacement = match (kind, product) {
                (RemediationKind::DropProduct, Some(p)) => {
                    let other = catalog.product_of(&mut rng, origin);
                    (other != p).then(|| catalog.product_id(other))
                }
                _ => None,
            };
            let description = format!(
                "{} took a {} step after the {}, reference SYN-R{}.",
                catalog.vendor_names[origin].1,
                kind.as_str().replace('_', " "),
                incident.title,
                n + 1
            );
            remediations.push(format!(
                "({id}, '{SLUG_PREFIX}r{}', {}, {}, {}, {}, '{}', {}, {})",
                n + 1,
                catalog.vendor_id(origin),
                incident.id,
                opt_int(product.map(|p| catalog.product_id(p))),
                opt_int(replacement),
                kind.as_str(),
                opt_date(taken),
                text(&description)
            ));
            if one_in(&mut rng, 2) {
                evidence.cited.push(Cited {
                    column: "remediation_id",
                    id,
                    sentence: description,
                    on: taken.unwrap_or(incident.disclosed),
                });
            }
        }
    }
    w.insert(
        "writing remediations",
        "remediations",
        "id, slug, vendor_id, incident_id, product_id, replacement_product_id, kind, taken_on, description",
        &remediations,
    )?;
    Ok(evidence)
}
