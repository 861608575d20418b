//! Dependencies (`x-trustkb-depends-on` relationships) and remediations (courses of action
//! with their `mitigates` relationship) of a bundle read as pack records.

use super::{Kind, Reader, put, str_of};
use crate::stix::supply::MITIGATES;
use crate::store::pack::format::{ORGANISATION_CONSUMER, PackDependency, PackRemediation};
use serde_json::{Map, Value, json};

/// The pack date of a trustkb property, else the day of a STIX timestamp.
fn date(o: &Map<String, Value>, own: &str, standard: &str) -> Option<Value> {
    o.get(own).filter(|v| !v.is_null()).cloned().or_else(|| {
        str_of(o, standard)
            .and_then(|t| t.get(..10))
            .map(Value::from)
    })
}

/// A dependency: a vendor (or our organisation) → a product, of the bundle or the database.
pub(super) fn dependency(r: &mut Reader, o: &Map<String, Value>) -> Option<PackDependency> {
    let consumer = match r.lookup(str_of(o, "source_ref")) {
        Some((Kind::Vendor, slug)) => slug,
        Some((Kind::Organisation, _)) => ORGANISATION_CONSUMER.to_owned(),
        _ => {
            r.skip(
                o,
                "its source is neither a vendor (of the bundle or the database) nor our organisation",
            );
            return None;
        }
    };
    let Some(product) = r.slug_of(str_of(o, "target_ref"), Kind::Product) else {
        r.skip(
            o,
            "its target is not a product of the bundle or the database",
        );
        return None;
    };
    let mut v = json!({
        "consumer": consumer, "product": product,
        "criticality": str_of(o, "x_trustkb_criticality").unwrap_or("medium"),
        "citations": r.citations(o.get("x_trustkb_citations")),
    });
    put(
        &mut v,
        "since",
        date(o, "x_trustkb_since", "start_time").as_ref(),
    );
    put(
        &mut v,
        "until",
        date(o, "x_trustkb_until", "stop_time").as_ref(),
    );
    put(&mut v, "purpose", o.get("description"));
    r.check(o, v)
}

/// A remediation, and the incident of its `mitigates` relationship when there is one.
pub(super) fn remediation(
    r: &mut Reader,
    o: &Map<String, Value>,
    objects: &[&Map<String, Value>],
) -> Option<PackRemediation> {
    let id = str_of(o, "id").unwrap_or_default();
    let links: Vec<&Map<String, Value>> = objects
        .iter()
        .copied()
        .filter(|x| {
            str_of(x, "type") == Some("relationship")
                && str_of(x, "relationship_type") == Some(MITIGATES)
                && str_of(x, "source_ref") == Some(id)
        })
        .collect();
    let record = fields(r, o);
    let Some(mut v) = record else {
        for link in links {
            r.skip(link, "its course of action was skipped");
        }
        return None;
    };
    for link in links {
        match r.slug_of(str_of(link, "target_ref"), Kind::Incident) {
            Some(incident) if v.get("incident").is_none() => v["incident"] = json!(incident),
            Some(_) => r.skip(
                link,
                "a remediation answers one incident and has one already",
            ),
            None => r.skip(
                link,
                "its target is not an incident of the bundle or the database",
            ),
        }
    }
    r.check(o, v)
}

/// A remediation's own fields; `None` (skipped) when its vendor or a product is unknown.
fn fields(r: &mut Reader, o: &Map<String, Value>) -> Option<Value> {
    let slug = r.index.get(str_of(o, "id")?)?.1.clone();
    let Some(vendor) = r.slug_of(str_of(o, "x_trustkb_vendor_ref"), Kind::Vendor) else {
        r.skip(
            o,
            "its vendor (x_trustkb_vendor_ref) is neither in the bundle nor in the database",
        );
        return None;
    };
    let mut v = json!({
        "slug": slug, "vendor": vendor,
        "kind": str_of(o, "x_trustkb_kind").unwrap_or("other"),
        "description": o.get("description").or(o.get("name")),
        "citations": r.citations(o.get("x_trustkb_citations")),
    });
    for (from, to) in [
        ("x_trustkb_product_ref", "product"),
        ("x_trustkb_replacement_product_ref", "replacement_product"),
    ] {
        let Some(reference) = str_of(o, from) else {
            continue;
        };
        let Some(product) = r.slug_of(Some(reference), Kind::Product) else {
            r.skip(
                o,
                format!("its {from} is neither in the bundle nor in the database"),
            );
            return None;
        };
        v[to] = json!(product);
    }
    put(&mut v, "taken_on", o.get("x_trustkb_taken_on"));
    Some(v)
}
