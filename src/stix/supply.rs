//! Writing dependencies (relationships consumer → product) and remediations (courses of
//! action, `mitigates` their incident) into a STIX bundle (docs/stix.md).

use super::export::{
    Writer, common, incident_id, iso, organisation_id, product_id, relationship, remediation_id,
    text, vendor_id,
};
use super::ids::{EPOCH, timestamp};
use super::model::{CourseOfAction, Identity, Object};
use crate::store::pack::format::{ORGANISATION_CONSUMER, PackDependency, PackDocument};
use std::collections::{BTreeSet, HashMap};

/// The relationship type of a dependency, consumer → product.
pub const DEPENDS_ON: &str = "x-trustkb-depends-on";

/// The relationship type from a remediation to the incident it answers.
pub const MITIGATES: &str = "mitigates";

/// Our own organisation as an identity, when one of the dependencies is ours.
pub(super) fn organisation(w: &mut Writer, doc: &PackDocument) {
    if !doc
        .dependencies
        .iter()
        .any(|d| d.consumer == ORGANISATION_CONSUMER)
    {
        return;
    }
    let c = common("identity", organisation_id(), EPOCH.to_owned(), None);
    w.objects.push(Object::Identity(Identity {
        description: Some("The organisation using this trustkb knowledge base.".into()),
        ..Identity::new(
            c,
            "Our organisation".to_owned(),
            "organization",
            "organisation",
        )
    }));
}

/// The key of a dependency's id: consumer, product and start, numbered from the second
/// dependency with the same three (a scoped export keeps all of them, so numbers hold).
fn dependency_key(d: &PackDependency, seen: &mut HashMap<String, usize>) -> String {
    let since = iso(d.since).unwrap_or_else(|| "-".to_owned());
    let key = format!("dependency:{}:{}:{since}", d.consumer, d.product);
    let n = seen.entry(key.clone()).or_default();
    *n += 1;
    if *n > 1 { format!("{key}:{n}") } else { key }
}

pub(super) fn dependencies(w: &mut Writer, doc: &PackDocument) {
    let mut seen = HashMap::new();
    for d in &doc.dependencies {
        let key = dependency_key(d, &mut seen);
        let source = if d.consumer == ORGANISATION_CONSUMER {
            organisation_id()
        } else {
            vendor_id(&d.consumer)
        };
        let mut r = relationship(
            DEPENDS_ON,
            &key,
            &timestamp(d.since),
            source,
            product_id(d.product.as_str()),
        );
        r.description = text(&d.purpose);
        r.x_trustkb_criticality = Some(d.criticality.as_str().to_owned());
        r.x_trustkb_since = iso(d.since);
        r.x_trustkb_until = iso(d.until);
        let start = d.since.map(|s| timestamp(Some(s)));
        // STIX wants stop_time after start_time; dates of one day (or coarser) may tie.
        r.stop_time = d
            .until
            .map(|u| timestamp(Some(u)))
            .filter(|stop| start.as_ref().is_none_or(|start| stop > start));
        r.start_time = start;
        w.cite(&mut r.common, &d.citations);
        w.objects.push(Object::Relationship(r));
    }
}

/// Each remediation, followed by its `mitigates` relationship when its incident is in the bundle.
pub(super) fn remediations(w: &mut Writer, doc: &PackDocument, incidents: &BTreeSet<String>) {
    for m in &doc.remediations {
        let slug = m.slug.as_str();
        let id = remediation_id(slug);
        let created = timestamp(m.taken_on);
        let mut c = common("course-of-action", id.clone(), created.clone(), Some(slug));
        w.cite(&mut c, &m.citations);
        w.objects.push(Object::CourseOfAction(CourseOfAction {
            common: c,
            name: m.kind.label().to_owned(),
            description: Some(m.description.to_string()),
            x_trustkb_kind: Some(m.kind.as_str().to_owned()),
            x_trustkb_taken_on: iso(m.taken_on),
            x_trustkb_vendor_ref: vendor_id(m.vendor.as_str()),
            x_trustkb_product_ref: m.product.as_ref().map(|p| product_id(p.as_str())),
            x_trustkb_replacement_product_ref: m
                .replacement_product
                .as_ref()
                .map(|p| product_id(p.as_str())),
        }));
        if let Some(incident) = m
            .incident
            .as_ref()
            .filter(|i| incidents.contains(i.as_str()))
        {
            w.objects.push(Object::Relationship(relationship(
                MITIGATES,
                &format!("mitigates:{slug}"),
                &created,
                id,
                incident_id(incident.as_str()),
            )));
        }
    }
}
