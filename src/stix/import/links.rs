//! The links of a bundle: relationships from incidents (involvements, causal links,
//! attributions) folded into their incidents, and opinions read as assessments.

use super::{Kind, Reader, put, slugify, str_of};
use crate::store::pack::format::PackAssessment;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The involvement role of a relationship type (docs/stix.md).
fn role_of(kind: &str) -> Option<&'static str> {
    match kind {
        "x-trustkb-originated-at" => Some("origin"),
        "x-trustkb-spread-through" => Some("conduit"),
        "x-trustkb-affected" | "targets" => Some("victim"),
        _ => None,
    }
}

pub(super) fn relationship(
    r: &mut Reader,
    o: &Map<String, Value>,
    incidents: &mut BTreeMap<String, Value>,
) {
    let kind = str_of(o, "relationship_type").unwrap_or_default();
    let Some(incident) = r.slug_of(str_of(o, "source_ref"), Kind::Incident) else {
        return r.skip(
            o,
            "its source is not an incident (of the bundle or the database)",
        );
    };
    let target = r.lookup(str_of(o, "target_ref"));
    let cites = r.citations(o.get("x_trustkb_citations"));
    let Some(record) = incidents.get_mut(&incident) else {
        return r.skip(
            o,
            "its incident is in the database, not in the bundle: involvements, causes and \
             attributions come with their incident",
        );
    };
    let role = str_of(o, "x_trustkb_role").or(role_of(kind));
    match (kind, target, role) {
        ("x-trustkb-caused-by", Some((Kind::Incident, cause)), _) => {
            let mut c = json!({ "incident": cause, "citations": cites });
            put(&mut c, "description", o.get("description"));
            if let Some(list) = record["caused_by"].as_array_mut() {
                list.push(c);
            }
        }
        ("attributed-to", Some((Kind::ThreatActor, name)), _) => {
            record["threat_actor"] = json!(name);
        }
        (_, Some((target @ (Kind::Vendor | Kind::Product), slug)), Some(role)) => {
            let mut inv = json!({ "role": role, "citations": cites });
            if target == Kind::Product {
                inv["product"] = json!(slug);
                let vendor = r.slug_of(str_of(o, "x_trustkb_vendor_ref"), Kind::Vendor);
                put(&mut inv, "vendor", vendor.map(Value::from).as_ref());
            } else {
                inv["vendor"] = json!(slug);
            }
            put(&mut inv, "description", o.get("description"));
            put(
                &mut inv,
                "customers_affected",
                o.get("x_trustkb_customers_affected"),
            );
            if let Some(list) = record["involvements"].as_array_mut() {
                list.push(inv);
            }
        }
        (_, None, _) => r.skip(o, "its target is neither in the bundle nor in the database"),
        _ => r.skip(
            o,
            format!("a \"{kind}\" relationship to that target has no place in trustkb"),
        ),
    }
}

pub(super) fn opinion(r: &mut Reader, o: &Map<String, Value>) -> Option<PackAssessment> {
    let analyst = r.slug_of(str_of(o, "created_by_ref"), Kind::Analyst);
    let subject = o
        .get("object_refs")
        .and_then(|x| x.get(0))
        .and_then(Value::as_str)
        .and_then(|id| r.lookup(Some(id)));
    let (Some(analyst), Some((kind, subject)), Some(quote)) =
        (analyst, subject, o.get("explanation"))
    else {
        r.skip(
            o,
            "its analyst (created_by_ref) or subject (object_refs) is neither in the bundle nor in \
             the database, or it has no explanation",
        );
        return None;
    };
    let field = match kind {
        Kind::Vendor => "vendor",
        Kind::Product => "product",
        Kind::Incident => "incident",
        _ => {
            r.skip(o, "its subject is not a vendor, product or incident");
            return None;
        }
    };
    let created = str_of(o, "created").unwrap_or_default();
    let slug = str_of(o, "x_trustkb_slug")
        .map(str::to_owned)
        .unwrap_or_else(|| slugify(str_of(o, "id").unwrap_or_default()));
    let mut v = json!({
        "slug": slug, "analyst": analyst, field: subject,
        "assessed_on": o.get("x_trustkb_assessed_on").and_then(Value::as_str)
            .unwrap_or(created.get(..10).unwrap_or(created)),
        "stance": o.get("opinion"), "quote": quote,
        "quote_language": str_of(o, "lang").unwrap_or("en"),
        "citations": r.citations(o.get("x_trustkb_citations")),
    });
    for (from, to) in [
        ("x_trustkb_favoured_action", "favoured_action"),
        ("x_trustkb_translation", "translation"),
        ("x_trustkb_translation_language", "translation_language"),
        ("x_trustkb_magic_quadrant", "magic_quadrant"),
        ("x_trustkb_wave_tier", "wave_tier"),
    ] {
        put(&mut v, to, o.get(from));
    }
    r.check(o, v)
}
