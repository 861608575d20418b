//! Writing a pack document as a STIX 2.1 bundle (docs/stix.md): one object per record, ids
//! and timestamps derived from slugs and dates, objects in a fixed order, so re-exports match.

use super::ids::{EPOCH, confidence, stix_id, timestamp};
use super::model::*;
use super::supply;
use crate::store::pack::date::PackDate;
use crate::store::pack::format::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The id of the identity standing for trustkb, the producer of every bundle.
pub fn producer_id() -> String {
    stix_id("identity", "producer:trustkb")
}

/// Ids of the records, by kind and slug.
pub fn vendor_id(slug: &str) -> String {
    stix_id("identity", &format!("vendor:{slug}"))
}
pub fn firm_id(slug: &str) -> String {
    stix_id("identity", &format!("analyst-firm:{slug}"))
}
pub fn analyst_id(slug: &str) -> String {
    stix_id("identity", &format!("analyst:{slug}"))
}
pub fn product_id(slug: &str) -> String {
    stix_id("x-trustkb-product", slug)
}
pub fn category_id(slug: &str) -> String {
    stix_id("x-trustkb-category", slug)
}
pub fn incident_id(slug: &str) -> String {
    stix_id("incident", slug)
}
pub fn opinion_id(slug: &str) -> String {
    stix_id("opinion", slug)
}
pub fn report_id(slug: &str) -> String {
    stix_id("report", slug)
}
pub fn remediation_id(slug: &str) -> String {
    stix_id("course-of-action", slug)
}
/// The identity standing for our own organisation, the consumer `@organisation`.
pub fn organisation_id() -> String {
    stix_id("identity", "organisation:own")
}

pub(super) fn common(kind: &str, id: String, created: String, slug: Option<&str>) -> Common {
    Common {
        kind: kind.to_owned(),
        spec_version: "2.1".to_owned(),
        id,
        modified: created.clone(),
        created,
        created_by_ref: Some(producer_id()),
        confidence: None,
        lang: None,
        external_references: Vec::new(),
        x_trustkb_slug: slug.map(str::to_owned),
        x_trustkb_citations: Vec::new(),
    }
}

/// Collects the bundle: records, the sources citing them and their best confidence.
pub(super) struct Writer {
    pub(super) objects: Vec<Object>,
    /// Source slug → credibility grade.
    credibility: HashMap<String, i32>,
    /// Source id → ids of the records citing it (sorted).
    cited_by: BTreeMap<String, BTreeSet<String>>,
}

impl Writer {
    /// Fills in the citations of a record and its confidence: that of its best-graded source.
    pub(super) fn cite(&mut self, common: &mut Common, citations: &[PackCitation]) {
        for c in citations {
            let source = report_id(c.source.as_str());
            self.cited_by
                .entry(source)
                .or_default()
                .insert(common.id.clone());
        }
        common.confidence = citations
            .iter()
            .filter_map(|c| self.credibility.get(c.source.as_str()))
            .filter_map(|grade| confidence(*grade))
            .max();
        common.x_trustkb_citations = citations.iter().map(citation).collect();
    }
}

pub(super) fn iso(date: Option<PackDate>) -> Option<String> {
    date.map(|d| d.0.iso())
}

pub(super) fn text(value: &Option<impl ToString>) -> Option<String> {
    value.as_ref().map(ToString::to_string)
}

/// The bundle of a document; `name` makes the bundle id (e.g. "kb", "vendor:mimecast").
pub fn bundle(doc: &PackDocument, name: &str) -> Bundle {
    let mut w = Writer {
        objects: Vec::new(),
        credibility: doc
            .sources
            .iter()
            .map(|s| (s.slug.to_string(), s.credibility.get()))
            .collect(),
        cited_by: BTreeMap::new(),
    };
    let present: BTreeSet<String> = doc.incidents.iter().map(|i| i.slug.to_string()).collect();
    let producer = Common {
        created_by_ref: None,
        ..common("identity", producer_id(), EPOCH.to_owned(), None)
    };
    w.objects.push(Object::Identity(Identity {
        description: Some("The trustkb vendor-risk knowledge base that wrote this bundle.".into()),
        ..Identity::new(producer, "trustkb".to_owned(), "system", "producer")
    }));
    supply::organisation(&mut w, doc);
    categories(&mut w, doc);
    vendors(&mut w, doc);
    products(&mut w, doc);
    supply::dependencies(&mut w, doc);
    firms(&mut w, doc);
    incidents(&mut w, doc, &present);
    supply::remediations(&mut w, doc, &present);
    assessments(&mut w, doc);
    reports(&mut w, doc);
    Bundle {
        kind: "bundle".to_owned(),
        id: stix_id("bundle", name),
        objects: w.objects,
    }
}

fn categories(w: &mut Writer, doc: &PackDocument) {
    for c in &doc.categories {
        let o = Category {
            common: common(
                "x-trustkb-category",
                category_id(c.slug.as_str()),
                EPOCH.to_owned(),
                Some(c.slug.as_str()),
            ),
            name: c.name.to_string(),
            description: text(&c.description),
            x_trustkb_parent_ref: c.parent.as_ref().map(|p| category_id(p.as_str())),
        };
        w.objects.push(Object::Category(o));
    }
}

fn vendors(w: &mut Writer, doc: &PackDocument) {
    for v in &doc.vendors {
        let mut c = common(
            "identity",
            vendor_id(v.slug.as_str()),
            EPOCH.to_owned(),
            Some(v.slug.as_str()),
        );
        w.cite(&mut c, &v.citations);
        w.objects.push(Object::Identity(Identity {
            description: text(&v.description),
            roles: vec!["vendor".to_owned()],
            x_trustkb_tier: Some(v.tier.as_str().to_owned()),
            x_trustkb_status: Some(v.status.as_str().to_owned()),
            x_trustkb_website: text(&v.website),
            x_trustkb_synthetic: v.synthetic.then_some(true),
            ..Identity::new(c, v.name.to_string(), "organization", "vendor")
        }));
    }
}

fn products(w: &mut Writer, doc: &PackDocument) {
    for p in &doc.products {
        let mut c = common(
            "x-trustkb-product",
            product_id(p.slug.as_str()),
            EPOCH.to_owned(),
            Some(p.slug.as_str()),
        );
        w.cite(&mut c, &p.citations);
        w.objects.push(Object::Product(Product {
            common: c,
            name: p.name.to_string(),
            description: text(&p.description),
            x_trustkb_vendor_ref: vendor_id(p.vendor.as_str()),
            x_trustkb_category_ref: category_id(p.category.as_str()),
        }));
    }
}

fn firms(w: &mut Writer, doc: &PackDocument) {
    for f in &doc.analyst_firms {
        let c = common(
            "identity",
            firm_id(f.slug.as_str()),
            EPOCH.to_owned(),
            Some(f.slug.as_str()),
        );
        w.objects.push(Object::Identity(Identity {
            roles: vec!["analyst firm".to_owned()],
            x_trustkb_website: text(&f.website),
            ..Identity::new(c, f.name.to_string(), "organization", "analyst_firm")
        }));
    }
    for a in &doc.analysts {
        let mut c = common(
            "identity",
            analyst_id(a.slug.as_str()),
            EPOCH.to_owned(),
            Some(a.slug.as_str()),
        );
        w.cite(&mut c, &a.citations);
        w.objects.push(Object::Identity(Identity {
            roles: a.title.iter().map(ToString::to_string).collect(),
            x_trustkb_firm_ref: a.firm.as_ref().map(|f| firm_id(f.as_str())),
            ..Identity::new(c, a.name.to_string(), "individual", "analyst")
        }));
    }
}

pub(super) fn relationship(
    kind: &str,
    key: &str,
    created: &str,
    source: String,
    target: String,
) -> Relationship {
    Relationship {
        common: common(
            "relationship",
            stix_id("relationship", key),
            created.to_owned(),
            None,
        ),
        relationship_type: kind.to_owned(),
        source_ref: source,
        target_ref: target,
        description: None,
        x_trustkb_role: None,
        x_trustkb_vendor_ref: None,
        x_trustkb_customers_affected: None,
        start_time: None,
        stop_time: None,
        x_trustkb_criticality: None,
        x_trustkb_since: None,
        x_trustkb_until: None,
    }
}

/// The relationship type of an involvement role (docs/stix.md).
pub fn involvement_type(role: crate::domain::InvolvementRole) -> &'static str {
    use crate::domain::InvolvementRole::*;
    match role {
        Origin => "x-trustkb-originated-at",
        Conduit => "x-trustkb-spread-through",
        Victim => "x-trustkb-affected",
    }
}

fn incidents(w: &mut Writer, doc: &PackDocument, present: &BTreeSet<String>) {
    let mut actors = BTreeSet::new();
    for i in &doc.incidents {
        let slug = i.slug.as_str();
        let id = incident_id(slug);
        let created = timestamp(i.disclosed_on.or(i.discovered_on));
        let mut c = common("incident", id.clone(), created.clone(), Some(slug));
        w.cite(&mut c, &i.citations);
        let timeline = i
            .timeline
            .iter()
            .map(|e| TimelineEvent {
                on: e.on.0.iso(),
                title: e.title.to_string(),
                description: text(&e.description),
                citations: e.citations.iter().map(citation).collect(),
            })
            .collect();
        w.objects.push(Object::Incident(Incident {
            common: c,
            name: i.title.to_string(),
            description: Some(i.summary.to_string()),
            x_trustkb_kind: Some(i.kind.as_str().to_owned()),
            x_trustkb_severity: Some(i.severity.get()),
            x_trustkb_discovered_on: iso(i.discovered_on),
            x_trustkb_disclosed_on: iso(i.disclosed_on),
            x_trustkb_resolved_on: iso(i.resolved_on),
            x_trustkb_timeline: timeline,
        }));
        for (n, inv) in i.involvements.iter().enumerate() {
            let target = match (&inv.product, &inv.vendor) {
                (Some(p), _) => product_id(p.as_str()),
                (None, Some(v)) => vendor_id(v.as_str()),
                (None, None) => continue,
            };
            let mut r = relationship(
                involvement_type(inv.role),
                &format!("involvement:{slug}:{n}"),
                &created,
                id.clone(),
                target,
            );
            r.description = text(&inv.description);
            r.x_trustkb_role = Some(inv.role.as_str().to_owned());
            r.x_trustkb_vendor_ref = match (&inv.product, &inv.vendor) {
                (Some(_), Some(v)) => Some(vendor_id(v.as_str())),
                _ => None,
            };
            r.x_trustkb_customers_affected = inv.customers_affected.map(|c| c.get());
            w.cite(&mut r.common, &inv.citations);
            w.objects.push(Object::Relationship(r));
        }
        for cause in &i.caused_by {
            if !present.contains(cause.incident.as_str()) {
                continue;
            }
            let mut r = relationship(
                "x-trustkb-caused-by",
                &format!("caused-by:{slug}:{}", cause.incident),
                &created,
                id.clone(),
                incident_id(cause.incident.as_str()),
            );
            r.description = text(&cause.description);
            w.cite(&mut r.common, &cause.citations);
            w.objects.push(Object::Relationship(r));
        }
        if let Some(actor) = &i.threat_actor {
            let actor_id = stix_id("threat-actor", actor.as_str());
            if actors.insert(actor.to_string()) {
                w.objects.push(Object::ThreatActor(ThreatActor {
                    common: common("threat-actor", actor_id.clone(), EPOCH.to_owned(), None),
                    name: actor.to_string(),
                    threat_actor_types: vec!["unknown".to_owned()],
                }));
            }
            w.objects.push(Object::Relationship(relationship(
                "attributed-to",
                &format!("attributed-to:{slug}"),
                &created,
                id.clone(),
                actor_id,
            )));
        }
    }
}

fn assessments(w: &mut Writer, doc: &PackDocument) {
    for a in &doc.assessments {
        let subject = match (&a.vendor, &a.product, &a.incident) {
            (Some(v), _, _) => vendor_id(v.as_str()),
            (_, Some(p), _) => product_id(p.as_str()),
            (_, _, Some(i)) => incident_id(i.as_str()),
            _ => continue,
        };
        let mut c = common(
            "opinion",
            opinion_id(a.slug.as_str()),
            timestamp(Some(a.assessed_on)),
            Some(a.slug.as_str()),
        );
        c.created_by_ref = Some(analyst_id(a.analyst.as_str()));
        c.lang = Some(a.quote_language.to_string());
        w.cite(&mut c, &a.citations);
        let author = doc
            .analysts
            .iter()
            .find(|x| x.slug == a.analyst)
            .map(|x| x.name.to_string());
        w.objects.push(Object::Opinion(Opinion {
            common: c,
            explanation: Some(a.quote.to_string()),
            authors: author.into_iter().collect(),
            opinion: a.stance.as_str().to_owned(),
            object_refs: vec![subject],
            x_trustkb_assessed_on: Some(a.assessed_on.0.iso()),
            x_trustkb_favoured_action: a.favoured_action.map(|f| f.as_str().to_owned()),
            x_trustkb_translation: text(&a.translation),
            x_trustkb_translation_language: text(&a.translation_language),
            x_trustkb_magic_quadrant: a.magic_quadrant.map(|m| m.as_str().to_owned()),
            x_trustkb_wave_tier: a.wave_tier.map(|t| t.as_str().to_owned()),
        }));
    }
}

fn reports(w: &mut Writer, doc: &PackDocument) {
    for s in &doc.sources {
        let id = report_id(s.slug.as_str());
        let refs: Vec<String> = w
            .cited_by
            .get(&id)
            .map(|ids| ids.iter().cloned().collect())
            .unwrap_or_else(|| vec![producer_id()]);
        let mut c = common(
            "report",
            id,
            timestamp(s.published_on),
            Some(s.slug.as_str()),
        );
        c.confidence = confidence(s.credibility.get());
        c.lang = Some(s.language.to_string());
        c.external_references = vec![ExternalReference {
            source_name: s.publisher.to_string(),
            url: text(&s.url),
            // The validator wants a url, an external_id or a description.
            description: s
                .url
                .is_none()
                .then(|| format!("{} (no address recorded)", s.publisher)),
        }];
        w.objects.push(Object::Report(Report {
            common: c,
            name: s.title.to_string(),
            description: s.text.clone(),
            report_types: vec!["threat-report".to_owned()],
            published: timestamp(s.published_on),
            object_refs: refs,
            x_trustkb_publisher: Some(s.publisher.to_string()),
            x_trustkb_published_on: iso(s.published_on),
            x_trustkb_reliability: Some(s.reliability.as_str().to_owned()),
            x_trustkb_credibility: Some(s.credibility.get()),
        }));
    }
}
