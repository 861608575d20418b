//! The serde shape of the STIX 2.1 objects trustkb writes and reads: a bundle of SDOs,
//! relationships and two custom objects, with trustkb's own properties prefixed `x_trustkb_`.

use crate::store::pack::format::PackCitation;
use serde::{Deserialize, Serialize};

/// A STIX 2.1 bundle (written only: bundles are read as JSON values, src/stix/import/).
#[derive(Debug, Clone, Serialize)]
pub struct Bundle {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
    pub objects: Vec<Object>,
}

/// The properties every object written here carries.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Common {
    #[serde(rename = "type")]
    pub kind: String,
    pub spec_version: String,
    pub id: String,
    pub created: String,
    pub modified: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_references: Vec<ExternalReference>,
    /// The trustkb slug of the record, so a re-import keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_slug: Option<String>,
    /// The record's citations, each naming its source by STIX id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub x_trustkb_citations: Vec<Citation>,
}

/// A citation: the excerpt of a source (a `report`) a record rests on.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Citation {
    pub source_ref: String,
    pub excerpt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

/// A link to the outside world.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExternalReference {
    pub source_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One object of the bundle.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Object {
    Identity(Identity),
    Incident(Incident),
    ThreatActor(ThreatActor),
    Relationship(Relationship),
    Opinion(Opinion),
    Report(Report),
    Product(Product),
    Category(Category),
    CourseOfAction(CourseOfAction),
}

impl Object {
    pub fn id(&self) -> &str {
        &self.common().id
    }

    pub fn common(&self) -> &Common {
        match self {
            Object::Identity(o) => &o.common,
            Object::Incident(o) => &o.common,
            Object::ThreatActor(o) => &o.common,
            Object::Relationship(o) => &o.common,
            Object::Opinion(o) => &o.common,
            Object::Report(o) => &o.common,
            Object::Product(o) => &o.common,
            Object::Category(o) => &o.common,
            Object::CourseOfAction(o) => &o.common,
        }
    }
}

/// A vendor or analyst firm (organization), an analyst (individual), or trustkb itself.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Identity {
    #[serde(flatten)]
    pub common: Common,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub identity_class: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// `vendor`, `analyst_firm`, `analyst` or `producer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_tier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_synthetic: Option<bool>,
    /// An analyst's firm (an identity id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_firm_ref: Option<String>,
}

impl Identity {
    /// An identity of `class` (organization, individual, system) standing for a trustkb `kind`.
    pub fn new(common: Common, name: String, class: &str, kind: &str) -> Identity {
        Identity {
            common,
            name,
            description: None,
            identity_class: class.to_owned(),
            roles: Vec::new(),
            x_trustkb_kind: Some(kind.to_owned()),
            x_trustkb_tier: None,
            x_trustkb_status: None,
            x_trustkb_website: None,
            x_trustkb_synthetic: None,
            x_trustkb_firm_ref: None,
        }
    }
}

/// The STIX 2.1 incident stub, with trustkb's incident fields as custom properties.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Incident {
    #[serde(flatten)]
    pub common: Common,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_severity: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_discovered_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_disclosed_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_resolved_on: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub x_trustkb_timeline: Vec<TimelineEvent>,
}

/// One dated event of an incident's timeline.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TimelineEvent {
    pub on: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// Who an incident is attributed to.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ThreatActor {
    #[serde(flatten)]
    pub common: Common,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub threat_actor_types: Vec<String>,
}

/// An involvement (incident → vendor or product), a causality (incident → incident), an
/// attribution (incident → threat actor), a dependency (consumer → product) or a remediation's
/// incident (course of action → incident).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Relationship {
    #[serde(flatten)]
    pub common: Common,
    pub relationship_type: String,
    pub source_ref: String,
    pub target_ref: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The involvement role: origin, conduit or victim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_role: Option<String>,
    /// The vendor of an involvement that names both a vendor and a product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_vendor_ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_customers_affected: Option<i32>,
    /// A dependency's dates as timestamps, for STIX readers; `x_trustkb_since` / `_until` keep
    /// their precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_criticality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_since: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_until: Option<String>,
}

/// An analyst's assessment of a vendor, product or incident.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Opinion {
    #[serde(flatten)]
    pub common: Common,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    pub opinion: String,
    pub object_refs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_assessed_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_favoured_action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_translation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_translation_language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_magic_quadrant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_wave_tier: Option<String>,
}

/// A source: its text as the description, the records citing it as `object_refs`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    #[serde(flatten)]
    pub common: Common,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report_types: Vec<String>,
    pub published: String,
    pub object_refs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_published_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_reliability: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_credibility: Option<i32>,
}

/// A product (custom object `x-trustkb-product`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Product {
    #[serde(flatten)]
    pub common: Common,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub x_trustkb_vendor_ref: String,
    pub x_trustkb_category_ref: String,
}

/// A product category (custom object `x-trustkb-category`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Category {
    #[serde(flatten)]
    pub common: Common,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_parent_ref: Option<String>,
}

/// A remediation: an action a vendor took, about a product, maybe replacing it by another.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CourseOfAction {
    #[serde(flatten)]
    pub common: Common,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The remediation kind (`drop_product`, `patch`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_taken_on: Option<String>,
    /// The vendor that took the action (an identity id).
    pub x_trustkb_vendor_ref: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_product_ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_trustkb_replacement_product_ref: Option<String>,
}

/// Converts a pack citation, naming its source by STIX id.
pub fn citation(c: &PackCitation) -> Citation {
    Citation {
        source_ref: super::ids::stix_id("report", c.source.as_str()),
        excerpt: c.excerpt.to_string(),
        locator: c.locator.as_ref().map(ToString::to_string),
    }
}
