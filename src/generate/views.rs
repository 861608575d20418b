//! Synthetic analyst firms, analysts (some internal reviewers, with no firm) and their
//! assessments of vendors, products and incidents, each with a quote a source will hold.

use super::catalog::Catalog;
use super::incidents::Evidence;
use super::sources::Cited;
use super::sql::{Writer, date, opt_text, text};
use super::{SLUG_PREFIX, base, day, index, one_in, pick, stream, weighted};
use crate::domain::{FavouredAction, MagicQuadrant, Stance};
use crate::store::StoreError;

const FIRMS: [&str; 6] = [
    "Meridian Insight (synthetic)",
    "Halcyon Research (synthetic)",
    "Northgate Advisory (synthetic)",
    "Lattice Partners (synthetic)",
    "Beacon Analysts (synthetic)",
    "Quorum Intelligence (synthetic)",
];
const FIRST: [&str; 12] = [
    "Ada", "Bruno", "Chloé", "Dev", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Keiko",
    "Léa",
];
const LAST: [&str; 12] = [
    "Moreau",
    "Okafor",
    "Lindqvist",
    "Patel",
    "Rossi",
    "Nakamura",
    "Dubois",
    "Kowalski",
    "O'Hara",
    "Silva",
    "Schmidt",
    "Haddad",
];

fn verdict(stance: Stance) -> &'static str {
    match stance {
        Stance::StronglyDisagree => "is a poor choice for sensitive workloads",
        Stance::Disagree => "has more weaknesses than strengths",
        Stance::Neutral => "is adequate but unremarkable",
        Stance::Agree => "is a sound choice",
        Stance::StronglyAgree => "is among the strongest in its field",
    }
}

pub(super) fn write(
    w: &mut Writer<'_>,
    catalog: &Catalog,
    evidence: &Evidence,
    seed: u64,
    bases: &[i64; 13],
) -> Result<Vec<Cited>, StoreError> {
    let mut rng = stream(seed, 3);
    let firm_base = base(bases, "analyst_firms");
    let rows: Vec<String> = FIRMS
        .iter()
        .enumerate()
        .map(|(f, name)| {
            let slug = format!("{SLUG_PREFIX}f{}", f + 1);
            format!(
                "({}, '{slug}', {}, 'https://{slug}.example.com')",
                firm_base + f as i64 + 1,
                text(name)
            )
        })
        .collect();
    w.insert(
        "writing analyst firms",
        "analyst_firms",
        "id, slug, name, website",
        &rows,
    )?;

    let analyst_base = base(bases, "analysts");
    // One analyst in seven is an internal reviewer (no firm).
    let firms: Vec<Option<usize>> = (0..catalog.shape.analysts)
        .map(|a| (a % 7 < FIRMS.len()).then_some(a % 7))
        .collect();
    let rows: Vec<String> = firms
        .iter()
        .enumerate()
        .map(|(a, firm)| {
            let name = format!("{} {}", pick(&mut rng, &FIRST), pick(&mut rng, &LAST));
            let (firm, title) = match firm {
                Some(f) => ((firm_base + *f as i64 + 1).to_string(), "Principal analyst"),
                None => ("NULL".to_owned(), "Internal reviewer"),
            };
            format!(
                "({}, '{SLUG_PREFIX}a{}', {firm}, {}, '{title}')",
                analyst_base + a as i64 + 1,
                a + 1,
                text(&name)
            )
        })
        .collect();
    w.insert(
        "writing analysts",
        "analysts",
        "id, slug, firm_id, name, title",
        &rows,
    )?;

    let assessment_base = base(bases, "assessments");
    let mut rows = Vec::with_capacity(catalog.shape.assessments);
    let mut cited = Vec::with_capacity(catalog.shape.assessments);
    for s in 0..catalog.shape.assessments {
        let id = assessment_base + s as i64 + 1;
        let analyst = index(&mut rng, catalog.shape.analysts.max(1));
        let stance = weighted(
            &mut rng,
            &[
                (Stance::StronglyDisagree, 8),
                (Stance::Disagree, 17),
                (Stance::Neutral, 30),
                (Stance::Agree, 30),
                (Stance::StronglyAgree, 15),
            ],
        );
        let on = day(200 + rng.below(5 * 365 - 200));
        let roll = rng.below(100);
        let (vendor, product, incident, subject) = if roll < 45 {
            let v = index(&mut rng, catalog.shape.vendors);
            let name = catalog.vendor_names[v].1.clone();
            (Some(catalog.vendor_id(v)), None, None, name)
        } else if roll < 85 {
            let v = index(&mut rng, catalog.shape.vendors);
            let p = catalog.product_of(&mut rng, v);
            let name = format!("{}'s product SYN-P{}", catalog.vendor_names[v].1, p + 1);
            (None, Some(catalog.product_id(p)), None, name)
        } else {
            let i = &evidence.incidents[index(&mut rng, evidence.incidents.len())];
            let name = format!("The handling of the {}", i.title);
            (None, None, Some(i.id), name)
        };
        let favoured = match stance {
            Stance::StronglyDisagree | Stance::Disagree => FavouredAction::Replace,
            Stance::Neutral => FavouredAction::Monitor,
            _ => FavouredAction::Retain,
        };
        let action = (!one_in(&mut rng, 3)).then_some(favoured);
        let quadrant = (vendor.is_some() && firms[analyst].is_some() && one_in(&mut rng, 3))
            .then(|| pick(&mut rng, MagicQuadrant::ALL).as_str());
        let quote = format!("{subject} {} (view SYN-A{}).", verdict(stance), s + 1);
        let id_or_null = |v: Option<i64>| v.map_or_else(|| "NULL".to_owned(), |v| v.to_string());
        rows.push(format!(
            "({id}, '{SLUG_PREFIX}s{}', {}, {}, {}, {}, {}, '{}', {}, {}, 'en', {})",
            s + 1,
            analyst_base + analyst as i64 + 1,
            id_or_null(vendor),
            id_or_null(product),
            id_or_null(incident),
            date(on),
            stance.as_str(),
            opt_text(action.map(|a| a.as_str())),
            text(&quote),
            opt_text(quadrant)
        ));
        cited.push(Cited {
            column: "assessment_id",
            id,
            sentence: quote,
            on,
        });
    }
    w.insert(
        "writing assessments",
        "assessments",
        "id, slug, analyst_id, vendor_id, product_id, incident_id, assessed_on, stance, \
         favoured_action, quote, quote_language, magic_quadrant",
        &rows,
    )?;
    Ok(cited)
}
