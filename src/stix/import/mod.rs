//! Reading a STIX 2.1 bundle into a pack document (docs/stix.md): what maps becomes pack
//! records checked by the pack types, what does not is listed as skipped with its reason.

mod known;
mod links;
mod supply;

pub use known::Known;

use super::export::organisation_id;
use super::ids::credibility;
use super::supply::{DEPENDS_ON, MITIGATES};
use crate::store::pack::error::{PackError, PackIssue};
use crate::store::pack::format::*;
use crate::store::pack::load::{LoadedFile, LoadedPack};
use links::{opinion, relationship};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// An object of the bundle left out of the import, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    pub kind: String,
    pub id: String,
    pub reason: String,
}

/// A bundle read as a pack, with what was left out.
#[derive(Debug, Clone)]
pub struct Converted {
    pub pack: LoadedPack,
    pub skipped: Vec<Skipped>,
}

/// Whether a file's text is a STIX bundle (a JSON object whose `type` is `bundle`).
pub fn is_bundle(text: &str) -> bool {
    serde_json::from_str::<Value>(text)
        .ok()
        .is_some_and(|v| v.get("type").and_then(Value::as_str) == Some("bundle"))
}

/// What a STIX object stands for: the pack kind (its slug is kept beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Vendor,
    Firm,
    Analyst,
    Product,
    Category,
    Incident,
    Source,
    ThreatActor,
    Remediation,
    /// Our own organisation, the consumer `@organisation` of dependencies.
    Organisation,
}

struct Reader<'a> {
    file: &'a str,
    /// STIX id → (kind, slug or, for threat actors, name) of the bundle's objects.
    index: HashMap<String, (Kind, String)>,
    /// The records of the database, for references to objects not in the bundle.
    known: &'a Known,
    issues: Vec<PackIssue>,
    skipped: Vec<Skipped>,
}

pub(super) fn str_of<'v>(o: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    o.get(key).and_then(Value::as_str)
}

/// A slug made of a name: lower case ASCII letters and digits joined by hyphens.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

impl Reader<'_> {
    fn skip(&mut self, o: &Map<String, Value>, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            kind: str_of(o, "type").unwrap_or("?").to_owned(),
            id: str_of(o, "id").unwrap_or("?").to_owned(),
            reason: reason.into(),
        });
    }

    /// Checks a record through the pack's own types; a value breaking a rule is an issue.
    fn check<T: DeserializeOwned>(&mut self, o: &Map<String, Value>, value: Value) -> Option<T> {
        match serde_json::from_value(value) {
            Ok(record) => Some(record),
            Err(e) => {
                self.issues.push(PackIssue {
                    file: self.file.to_owned(),
                    line: None,
                    record: Some(format!(
                        "{} {}",
                        str_of(o, "type").unwrap_or("?"),
                        str_of(o, "id").unwrap_or("?")
                    )),
                    field: None,
                    message: e.to_string(),
                });
                None
            }
        }
    }

    /// What an id stands for: an object of the bundle, else a record of the database.
    fn lookup(&self, id: Option<&str>) -> Option<(Kind, String)> {
        let id = id?;
        if id == organisation_id() {
            return Some((Kind::Organisation, ORGANISATION_CONSUMER.to_owned()));
        }
        self.index.get(id).or_else(|| self.known.get(id)).cloned()
    }

    fn slug_of(&self, id: Option<&str>, kind: Kind) -> Option<String> {
        self.lookup(id)
            .filter(|(k, _)| *k == kind)
            .map(|(_, slug)| slug)
    }

    /// The `x_trustkb_citations` whose source is in the bundle or the database, as pack citations.
    fn citations(&self, list: Option<&Value>) -> Value {
        let cites = list.and_then(Value::as_array).into_iter().flatten();
        Value::Array(
            cites
                .filter_map(|c| {
                    let source = self.slug_of(c.get("source_ref")?.as_str(), Kind::Source)?;
                    let mut out = json!({ "source": source, "excerpt": c.get("excerpt")? });
                    if let Some(l) = c.get("locator") {
                        out["locator"] = l.clone();
                    }
                    Some(out)
                })
                .collect(),
        )
    }
}

/// Puts `value` under `key` unless it is null.
pub(super) fn put(target: &mut Value, key: &str, value: Option<&Value>) {
    if let Some(v) = value.filter(|v| !v.is_null()) {
        target[key] = v.clone();
    }
}

/// The kind a bundle object maps to, if any.
fn kind_of(o: &Map<String, Value>) -> Option<Kind> {
    match str_of(o, "type")? {
        "identity" => match (str_of(o, "x_trustkb_kind"), str_of(o, "identity_class")) {
            (Some("producer"), _) => None,
            (Some("analyst_firm"), _) => Some(Kind::Firm),
            (Some("organisation"), _) => Some(Kind::Organisation),
            (Some("analyst"), _) | (None, Some("individual")) => Some(Kind::Analyst),
            (Some("vendor"), _) | (None, Some("organization")) => Some(Kind::Vendor),
            _ => None,
        },
        "x-trustkb-product" => Some(Kind::Product),
        "x-trustkb-category" => Some(Kind::Category),
        "incident" => Some(Kind::Incident),
        "report" => Some(Kind::Source),
        "threat-actor" => Some(Kind::ThreatActor),
        "course-of-action" => Some(Kind::Remediation),
        _ => None,
    }
}

/// Reads a bundle's text as a pack named after the bundle; `file` names it in messages.
/// References resolve within the bundle only.
pub fn convert(text: &str, file: &str) -> Result<Converted, PackError> {
    convert_with(text, file, &Known::default())
}

/// As [`convert`], references to objects not in the bundle resolving against `known`
/// (the records of the database, [`Known::from_db`]).
pub fn convert_with(text: &str, file: &str, known: &Known) -> Result<Converted, PackError> {
    let invalid = |message: String| {
        PackError::Invalid(vec![PackIssue {
            file: file.to_owned(),
            line: None,
            record: None,
            field: None,
            message,
        }])
    };
    let bundle: Value =
        serde_json::from_str(text).map_err(|e| invalid(format!("not JSON: {e}")))?;
    if bundle.get("type").and_then(Value::as_str) != Some("bundle") {
        return Err(invalid(
            "not a STIX bundle (no \"type\": \"bundle\")".into(),
        ));
    }
    let id = bundle.get("id").and_then(Value::as_str).unwrap_or("bundle");
    let objects: Vec<&Map<String, Value>> = bundle
        .get("objects")
        .and_then(Value::as_array)
        .ok_or_else(|| invalid("the bundle has no \"objects\" list".into()))?
        .iter()
        .filter_map(Value::as_object)
        .collect();
    let mut r = Reader {
        file,
        index: HashMap::new(),
        known,
        issues: Vec::new(),
        skipped: Vec::new(),
    };
    for o in &objects {
        let (Some(kind), Some(id)) = (kind_of(o), str_of(o, "id")) else {
            continue;
        };
        let key = if kind == Kind::ThreatActor {
            str_of(o, "name").unwrap_or_default().to_owned()
        } else if kind == Kind::Organisation {
            ORGANISATION_CONSUMER.to_owned()
        } else {
            str_of(o, "x_trustkb_slug")
                .map(str::to_owned)
                .unwrap_or_else(|| slugify(str_of(o, "name").unwrap_or_default()))
        };
        r.index.insert(id.to_owned(), (kind, key));
    }
    let doc = read(&mut r, &objects);
    if !r.issues.is_empty() {
        return Err(PackError::Invalid(r.issues));
    }
    let digest = format!("{:x}", Sha256::digest(text.as_bytes()));
    let name = format!("stix-{}", slugify(id.trim_start_matches("bundle--")));
    Ok(Converted {
        pack: LoadedPack {
            name,
            files: vec![LoadedFile {
                path: file.to_owned(),
                doc,
            }],
            digest,
        },
        skipped: r.skipped,
    })
}

fn read(r: &mut Reader, objects: &[&Map<String, Value>]) -> PackDocument {
    let mut doc = PackDocument::default();
    let mut incidents: BTreeMap<String, Value> = BTreeMap::new();
    let mut incident_order = Vec::new();
    let mut attributed = std::collections::HashSet::new();
    for o in objects {
        let id = str_of(o, "id").unwrap_or_default();
        let Some((kind, slug)) = r.index.get(id).cloned() else {
            if matches!(str_of(o, "type"), Some("relationship" | "opinion")) {
                continue;
            }
            if str_of(o, "x_trustkb_kind") != Some("producer") {
                r.skip(o, "this object type has no place in trustkb");
            }
            continue;
        };
        let cites = r.citations(o.get("x_trustkb_citations"));
        match kind {
            Kind::Vendor => {
                let mut v = json!({
                    "slug": slug, "name": o.get("name"),
                    "tier": str_of(o, "x_trustkb_tier").unwrap_or("medium"),
                    "status": str_of(o, "x_trustkb_status").unwrap_or("prospect"),
                    "citations": cites,
                });
                put(&mut v, "website", o.get("x_trustkb_website"));
                put(&mut v, "description", o.get("description"));
                put(&mut v, "synthetic", o.get("x_trustkb_synthetic"));
                if let Some(x) = r.check(o, v) {
                    doc.vendors.push(x);
                }
            }
            Kind::Firm => {
                let mut v = json!({ "slug": slug, "name": o.get("name") });
                put(&mut v, "website", o.get("x_trustkb_website"));
                if let Some(x) = r.check(o, v) {
                    doc.analyst_firms.push(x);
                }
            }
            Kind::Analyst => {
                let mut v = json!({ "slug": slug, "name": o.get("name"), "citations": cites });
                let firm = r.slug_of(str_of(o, "x_trustkb_firm_ref"), Kind::Firm);
                put(&mut v, "firm", firm.map(Value::from).as_ref());
                put(&mut v, "title", o.get("roles").and_then(|x| x.get(0)));
                if let Some(x) = r.check(o, v) {
                    doc.analysts.push(x);
                }
            }
            Kind::Category => {
                let mut v = json!({ "slug": slug, "name": o.get("name") });
                let parent = r.slug_of(str_of(o, "x_trustkb_parent_ref"), Kind::Category);
                put(&mut v, "parent", parent.map(Value::from).as_ref());
                put(&mut v, "description", o.get("description"));
                if let Some(x) = r.check(o, v) {
                    doc.categories.push(x);
                }
            }
            Kind::Product => {
                let vendor = r.slug_of(str_of(o, "x_trustkb_vendor_ref"), Kind::Vendor);
                let category = r.slug_of(str_of(o, "x_trustkb_category_ref"), Kind::Category);
                let (Some(vendor), Some(category)) = (vendor, category) else {
                    r.skip(
                        o,
                        "its vendor or category is neither in the bundle nor in the database",
                    );
                    continue;
                };
                let mut v = json!({ "slug": slug, "vendor": vendor, "name": o.get("name"),
                    "category": category, "citations": cites });
                put(&mut v, "description", o.get("description"));
                if let Some(x) = r.check(o, v) {
                    doc.products.push(x);
                }
            }
            Kind::Incident => {
                let summary = o.get("description").or(o.get("name"));
                let mut v = json!({
                    "slug": slug, "title": o.get("name"),
                    "kind": str_of(o, "x_trustkb_kind").unwrap_or("other"),
                    "severity": o.get("x_trustkb_severity").cloned().unwrap_or(json!(3)),
                    "summary": summary, "citations": cites,
                    "involvements": [], "caused_by": [], "timeline": [],
                });
                for (from, to) in [
                    ("x_trustkb_discovered_on", "discovered_on"),
                    ("x_trustkb_disclosed_on", "disclosed_on"),
                    ("x_trustkb_resolved_on", "resolved_on"),
                ] {
                    put(&mut v, to, o.get(from));
                }
                let events = o.get("x_trustkb_timeline").and_then(Value::as_array);
                for e in events.into_iter().flatten() {
                    let mut ev = json!({ "on": e.get("on"), "title": e.get("title"),
                        "citations": r.citations(e.get("citations")) });
                    put(&mut ev, "description", e.get("description"));
                    if let Some(list) = v["timeline"].as_array_mut() {
                        list.push(ev);
                    }
                }
                incident_order.push(slug.clone());
                incidents.insert(slug, v);
            }
            Kind::Source => {
                let refs = o.get("external_references").and_then(|x| x.get(0));
                let publisher = o
                    .get("x_trustkb_publisher")
                    .or(refs.and_then(|x| x.get("source_name")))
                    .cloned()
                    .unwrap_or(json!("unknown"));
                let confidence = o
                    .get("confidence")
                    .and_then(Value::as_u64)
                    .and_then(|c| u8::try_from(c).ok());
                let mut v = json!({
                    "slug": slug, "title": o.get("name"), "publisher": publisher,
                    "language": str_of(o, "lang").unwrap_or("en"),
                    "reliability": str_of(o, "x_trustkb_reliability").unwrap_or("F"),
                    "credibility": o.get("x_trustkb_credibility").cloned()
                        .unwrap_or(json!(credibility(confidence))),
                });
                put(&mut v, "url", refs.and_then(|x| x.get("url")));
                put(&mut v, "published_on", o.get("x_trustkb_published_on"));
                put(&mut v, "text", o.get("description"));
                if let Some(x) = r.check(o, v) {
                    doc.sources.push(x);
                }
            }
            Kind::ThreatActor => {
                let attributed_here = objects.iter().any(|x| {
                    str_of(x, "relationship_type") == Some("attributed-to")
                        && str_of(x, "target_ref") == Some(id)
                });
                if attributed_here {
                    attributed.insert(id.to_owned());
                } else {
                    r.skip(o, "no incident is attributed to this threat actor");
                }
            }
            // Read below, with their relationships; our organisation is no record.
            Kind::Remediation | Kind::Organisation => {}
        }
    }
    for o in objects
        .iter()
        .filter(|o| str_of(o, "type") == Some("relationship"))
    {
        let from_remediation = r
            .index
            .get(str_of(o, "source_ref").unwrap_or_default())
            .is_some_and(|(k, _)| *k == Kind::Remediation);
        match str_of(o, "relationship_type") {
            Some(DEPENDS_ON) => doc.dependencies.extend(supply::dependency(r, o)),
            Some(MITIGATES) if from_remediation => {}
            _ => relationship(r, o, &mut incidents),
        }
    }
    let remediations: Vec<&Map<String, Value>> = objects
        .iter()
        .copied()
        .filter(|o| {
            r.index
                .get(str_of(o, "id").unwrap_or_default())
                .is_some_and(|(k, _)| *k == Kind::Remediation)
        })
        .collect();
    for o in remediations {
        doc.remediations.extend(supply::remediation(r, o, objects));
    }
    for o in objects
        .iter()
        .filter(|o| str_of(o, "type") == Some("opinion"))
    {
        if let Some(a) = opinion(r, o) {
            doc.assessments.push(a);
        }
    }
    for slug in incident_order {
        if let Some(v) = incidents.remove(&slug)
            && let Some(record) = r.check(&Map::new(), v)
        {
            doc.incidents.push(record);
        }
    }
    doc
}
