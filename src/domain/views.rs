//! Read models: what a page or an API response shows about a record, with its citations.
//! Built by `store::queries`, rendered by askama templates and serialised as JSON alike.

use crate::domain::PartialDate;
use crate::domain::scoring::TrustScore;
use crate::domain::text::Paragraph;
use crate::domain::{
    Criticality, FavouredAction, IncidentKind, InvolvementRole, MagicQuadrant, Reliability,
    RemediationKind, Stance, Tier, VendorStatus, WaveTier,
};
use chrono::NaiveDate;
use serde::Serialize;

/// Orders dates most recent first, unknown dates last.
pub fn recent_first(a: Option<NaiveDate>, b: Option<NaiveDate>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// Orders dates oldest first, unknown dates last.
pub fn earliest_first(a: Option<NaiveDate>, b: Option<NaiveDate>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// A record's link to a source: the verbatim excerpt that supports it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct CitationView {
    pub source_id: i32,
    pub source_slug: String,
    pub source_title: String,
    /// Language of the source, hence of the excerpt.
    pub source_language: String,
    pub excerpt: String,
    pub locator: Option<String>,
}

/// A vendor in a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct VendorSummary {
    pub slug: String,
    pub name: String,
    pub tier: Tier,
    pub status: VendorStatus,
    pub description: Option<String>,
    pub product_count: i64,
    pub incident_count: i64,
    /// The latest stored trust score.
    pub trust: Option<ScoreSummary>,
}

/// A stored score, as lists show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ScoreSummary {
    pub as_of: NaiveDate,
    pub model_version: String,
    pub score: f64,
    pub grade: Option<String>,
    pub unknown: bool,
    pub uncertainty: f64,
}

/// A product with its vendor and category.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProductView {
    pub slug: String,
    pub name: String,
    pub vendor_slug: String,
    pub vendor_name: String,
    pub category_slug: String,
    pub category_name: String,
    pub description: Option<String>,
    pub citations: Vec<CitationView>,
    /// The product's trust score, when scores were asked for.
    pub trust: Option<TrustScore>,
}

/// Who consumes a product: a vendor (fourth-party chain) or our own organisation.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConsumerView {
    Organisation,
    Vendor { slug: String, name: String },
}

impl ConsumerView {
    pub fn name(&self) -> &str {
        match self {
            ConsumerView::Organisation => "Our organisation",
            ConsumerView::Vendor { name, .. } => name,
        }
    }

    pub fn vendor_slug(&self) -> Option<&str> {
        match self {
            ConsumerView::Organisation => None,
            ConsumerView::Vendor { slug, .. } => Some(slug),
        }
    }
}

/// A consumer's use of a product over a period.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DependencyView {
    pub id: i32,
    pub consumer: ConsumerView,
    pub product_slug: String,
    pub product_name: String,
    pub product_vendor_slug: String,
    pub product_vendor_name: String,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub criticality: Criticality,
    pub purpose: Option<String>,
    pub citations: Vec<CitationView>,
}

impl DependencyView {
    /// Whether the dependency is in force on `date`.
    pub fn active_on(&self, date: &NaiveDate) -> bool {
        self.since.is_none_or(|s| s.date <= *date) && self.until.is_none_or(|u| *date <= u.date)
    }
}

/// A vendor's or product's part in an incident.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InvolvementView {
    pub id: i32,
    pub incident_slug: String,
    pub incident_title: String,
    pub incident_kind: IncidentKind,
    pub severity: i32,
    pub disclosed_on: Option<PartialDate>,
    pub vendor_slug: Option<String>,
    pub vendor_name: Option<String>,
    pub product_slug: Option<String>,
    pub product_name: Option<String>,
    /// The vendor of the product, when a product is involved.
    pub product_vendor_slug: Option<String>,
    pub product_vendor_name: Option<String>,
    pub role: InvolvementRole,
    pub customers_affected: Option<i32>,
    pub description: Option<String>,
    pub citations: Vec<CitationView>,
}

impl InvolvementView {
    /// "SolarWinds · SolarWinds Orion", "Mimecast", or the product alone.
    pub fn party(&self) -> String {
        match (&self.vendor_name, &self.product_name) {
            (Some(v), Some(p)) => format!("{v} · {p}"),
            (Some(v), None) => v.clone(),
            (None, Some(p)) => p.clone(),
            (None, None) => String::new(),
        }
    }

    /// The vendor to link to: the one involved, or the product's vendor.
    pub fn party_vendor(&self) -> Option<(&str, &str)> {
        match (&self.vendor_slug, &self.vendor_name) {
            (Some(s), Some(n)) => Some((s, n)),
            _ => match (&self.product_vendor_slug, &self.product_vendor_name) {
                (Some(s), Some(n)) => Some((s, n)),
                _ => None,
            },
        }
    }
}

/// An incident seen from one vendor: every part the vendor or its products played in it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct VendorIncidentView {
    pub incident_slug: String,
    pub incident_title: String,
    pub incident_kind: IncidentKind,
    pub severity: i32,
    pub disclosed_on: Option<PartialDate>,
    pub involvements: Vec<InvolvementView>,
}

impl VendorIncidentView {
    /// Groups involvements by incident, keeping the order of first appearance.
    pub fn group(involvements: Vec<InvolvementView>) -> Vec<VendorIncidentView> {
        let mut out: Vec<VendorIncidentView> = Vec::new();
        for inv in involvements {
            match out
                .iter_mut()
                .find(|g| g.incident_slug == inv.incident_slug)
            {
                Some(group) => group.involvements.push(inv),
                None => out.push(VendorIncidentView {
                    incident_slug: inv.incident_slug.clone(),
                    incident_title: inv.incident_title.clone(),
                    incident_kind: inv.incident_kind,
                    severity: inv.severity,
                    disclosed_on: inv.disclosed_on,
                    involvements: vec![inv],
                }),
            }
        }
        out
    }
}

/// A dated update in an incident's story.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TimelineEventView {
    pub id: i32,
    pub occurred_on: PartialDate,
    pub title: String,
    pub description: Option<String>,
    pub citations: Vec<CitationView>,
}

/// One end of a causal link, seen from the other incident.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CausalLinkView {
    pub id: i32,
    pub incident_slug: String,
    pub incident_title: String,
    pub description: Option<String>,
    pub citations: Vec<CitationView>,
}

/// An action a vendor took.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RemediationView {
    pub slug: String,
    pub vendor_slug: String,
    pub vendor_name: String,
    pub incident_slug: Option<String>,
    pub incident_title: Option<String>,
    pub product_slug: Option<String>,
    pub product_name: Option<String>,
    pub replacement_product_slug: Option<String>,
    pub replacement_product_name: Option<String>,
    pub kind: RemediationKind,
    pub taken_on: Option<PartialDate>,
    pub description: String,
    pub citations: Vec<CitationView>,
}

/// The record an assessment is about.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct SubjectRef {
    /// `vendor`, `product` or `incident`.
    pub kind: String,
    pub slug: String,
    pub name: String,
}

impl SubjectRef {
    /// The page of the subject (products live on their vendor's page).
    pub fn href(&self, vendor_slug_of_product: Option<&str>) -> String {
        match (self.kind.as_str(), vendor_slug_of_product) {
            ("incident", _) => format!("/incidents/{}", self.slug),
            ("product", Some(v)) => format!("/vendors/{v}#product-{}", self.slug),
            _ => format!("/vendors/{}", self.slug),
        }
    }
}

/// An analyst's view on a vendor, product or incident.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AssessmentView {
    pub slug: String,
    pub analyst_slug: String,
    pub analyst_name: String,
    pub analyst_title: Option<String>,
    pub firm_slug: Option<String>,
    pub firm_name: Option<String>,
    pub subject: SubjectRef,
    pub assessed_on: PartialDate,
    pub stance: Stance,
    pub favoured_action: Option<FavouredAction>,
    pub quote: String,
    pub quote_language: String,
    pub translation: Option<String>,
    pub translation_language: Option<String>,
    pub magic_quadrant: Option<MagicQuadrant>,
    pub wave_tier: Option<WaveTier>,
    pub citations: Vec<CitationView>,
}

impl AssessmentView {
    /// "Peter Firstbrook, VP of research, Gartner".
    pub fn attribution(&self) -> String {
        let mut parts = vec![self.analyst_name.clone()];
        parts.extend(self.analyst_title.clone());
        parts.extend(self.firm_name.clone());
        parts.join(", ")
    }
}

/// Everything recorded about one vendor.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct VendorDetail {
    pub slug: String,
    pub name: String,
    pub tier: Tier,
    pub status: VendorStatus,
    pub website: Option<String>,
    pub description: Option<String>,
    pub citations: Vec<CitationView>,
    pub products: Vec<ProductView>,
    /// Products this vendor depends on (its suppliers: our fourth parties).
    pub dependencies: Vec<DependencyView>,
    /// Consumers of this vendor's products.
    pub dependents: Vec<DependencyView>,
    /// Incidents the vendor or its products took part in, most recent first.
    pub incidents: Vec<VendorIncidentView>,
    pub remediations: Vec<RemediationView>,
    /// Assessments of the vendor and of its products.
    pub assessments: Vec<AssessmentView>,
    /// The vendor's trust score as of the date asked for, with its explanation.
    pub trust: Option<TrustScore>,
    /// The score over time, up to that date.
    pub history: Vec<HistoryPoint>,
}

/// One point of a score history.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HistoryPoint {
    pub date: NaiveDate,
    pub score: f64,
    /// The score's range over every base rate: belief × 100 to (belief + uncertainty) × 100.
    pub low: f64,
    pub high: f64,
    pub unknown: bool,
}

/// An incident in a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IncidentSummary {
    pub slug: String,
    pub title: String,
    pub kind: IncidentKind,
    pub severity: i32,
    pub discovered_on: Option<PartialDate>,
    pub disclosed_on: Option<PartialDate>,
    pub resolved_on: Option<PartialDate>,
    pub threat_actor: Option<String>,
    /// Names of the parties in the origin role.
    pub origins: Vec<String>,
}

/// Everything recorded about one incident.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IncidentDetail {
    pub slug: String,
    pub title: String,
    pub kind: IncidentKind,
    pub severity: i32,
    pub discovered_on: Option<PartialDate>,
    pub disclosed_on: Option<PartialDate>,
    pub resolved_on: Option<PartialDate>,
    pub threat_actor: Option<String>,
    pub summary: String,
    pub citations: Vec<CitationView>,
    pub involvements: Vec<InvolvementView>,
    pub timeline: Vec<TimelineEventView>,
    /// Incidents that led to this one.
    pub causes: Vec<CausalLinkView>,
    /// Incidents this one led to.
    pub consequences: Vec<CausalLinkView>,
    pub remediations: Vec<RemediationView>,
    pub assessments: Vec<AssessmentView>,
}

/// A source in a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SourceSummary {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub publisher: String,
    pub url: Option<String>,
    pub language: String,
    pub published_on: Option<PartialDate>,
    pub reliability: Reliability,
    pub credibility: i32,
    pub citation_count: i64,
}

impl SourceSummary {
    /// The Admiralty grade, e.g. "B2".
    pub fn grade(&self) -> String {
        format!("{}{}", self.reliability.as_str(), self.credibility)
    }

    /// The catalogue message of the credibility's wording (`credibility-2`).
    pub fn credibility_message_id(&self) -> &'static str {
        crate::domain::Credibility::new(i64::from(self.credibility))
            .unwrap_or(crate::domain::Credibility::CANNOT_BE_JUDGED)
            .message_id()
    }
}

/// The record a citation supports, as structured data: pages word it in the reader's
/// language, `english()` gives the line the API shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum CitedLabel {
    /// A vendor, product, incident or analyst, by its name.
    Named(String),
    /// A dependency: `consumer` uses `product` (no consumer: our own organisation).
    Uses {
        consumer: Option<String>,
        product: String,
    },
    /// A party's part in an incident.
    Involvement {
        party: String,
        role: crate::domain::InvolvementRole,
        incident: String,
    },
    /// A dated update of an incident.
    TimelineEvent { date: PartialDate, title: String },
    /// `cause` led to `effect`.
    Cause { cause: String, effect: String },
    /// A remediation by `vendor`.
    Remediation { vendor: String, description: String },
    /// An analyst's view on a subject.
    Assessment { analyst: String, subject: String },
    #[default]
    Unnamed,
}

impl CitedLabel {
    /// The line in English: "Mimecast as origin in …", "Jan 2021: …".
    pub fn english(&self) -> String {
        match self {
            CitedLabel::Named(name) => name.clone(),
            CitedLabel::Uses {
                consumer: Some(consumer),
                product,
            } => format!("{consumer} uses {product}"),
            CitedLabel::Uses {
                consumer: None,
                product,
            } => format!("Our organisation uses {product}"),
            CitedLabel::Involvement {
                party,
                role,
                incident,
            } => format!("{party} as {role} in {incident}"),
            CitedLabel::TimelineEvent { date, title } => format!("{}: {title}", date.human()),
            CitedLabel::Cause { cause, effect } => format!("{cause} led to {effect}"),
            CitedLabel::Remediation {
                vendor,
                description,
            } => format!("{vendor}: {description}"),
            CitedLabel::Assessment { analyst, subject } => format!("{analyst} on {subject}"),
            CitedLabel::Unnamed => String::new(),
        }
    }
}

/// A citation seen from its source: which record it supports.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SourceCitationView {
    /// The citation's database id.
    pub id: i32,
    /// 1-based number used to mark the excerpt in the text.
    pub number: usize,
    pub record_kind: String,
    /// The record in English (API); `record` says the same as structured data.
    pub record_label: String,
    #[serde(skip)]
    pub record: CitedLabel,
    pub record_href: String,
    pub excerpt: String,
    pub locator: Option<String>,
    /// Whether the excerpt was found verbatim in the source's text.
    pub found_in_text: bool,
}

/// A source with its text, the cited excerpts highlighted.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SourceDetail {
    pub summary: SourceSummary,
    pub text: Option<String>,
    /// The text in numbered paragraphs, cited excerpts highlighted.
    pub paragraphs: Vec<Paragraph>,
    pub citations: Vec<SourceCitationView>,
}

/// Counts for the overview page.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Overview {
    pub vendors: i64,
    pub products: i64,
    pub incidents: i64,
    pub assessments: i64,
    pub sources: i64,
    pub citations: i64,
    pub recent_incidents: Vec<IncidentSummary>,
}
