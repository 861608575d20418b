//! The vendor report as data: everything the PDF and HTML reports show, assembled from the
//! existing queries, with no display strings (enums, ids, numbers), so it can be frozen as JSON.

use crate::domain::blast::{BlastGraph, NodeKind};
use crate::domain::dates::PartialDate;
use crate::domain::enums::{
    Criticality, FavouredAction, IncidentKind, InvolvementRole, Reliability, RemediationKind,
    Stance, Tier, VendorStatus,
};
use crate::domain::recommend::{Decision, Portfolio, RecommendationConfig};
use crate::domain::scoring::{ContributionKind, EvidenceLabel, Grade, ScoringConfig};
use crate::domain::views::{CitationView, VendorDetail};
use crate::store::queries::blast::{BlastRoot, load_blast_graph, radius_in};
use crate::store::queries::evidence::ScoringData;
use crate::store::queries::incidents::incident_detail;
use crate::store::queries::recommendations::portfolio_from;
use crate::store::queries::sources::sources_by_id;
use crate::store::queries::trust::vendor_detail_scored;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The whole report of one vendor as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VendorReport {
    pub as_of: NaiveDate,
    pub vendor: ReportVendor,
    pub score: Option<ScoreCard>,
    pub history: Vec<HistoryEntry>,
    pub contributions: Vec<ReportContribution>,
    pub incidents: Vec<ReportIncident>,
    pub remediations: Vec<ReportRemediation>,
    pub views: Vec<ReportView>,
    /// Products the vendor itself depends on.
    pub dependencies: Vec<ReportDependency>,
    /// Who depends on the vendor's products.
    pub dependents: Vec<ReportDependency>,
    pub blast: BlastSummary,
    pub recommendations: Vec<ReportRecommendation>,
    /// Every cited source, numbered from 1 in order of first citation.
    pub sources: Vec<ReportSource>,
    /// A procurement review's decision, shown on the cover (set by the review, not here).
    #[serde(default)]
    pub decision: Option<ReportDecision>,
}

/// A procurement decision: `approve`, `approve_with_conditions` or `reject`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDecision {
    pub decision: String,
    pub decided_on: NaiveDate,
    /// The conditions' own text, as the reviewer wrote them.
    pub conditions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportVendor {
    pub slug: String,
    pub name: String,
    pub tier: Tier,
    pub status: VendorStatus,
    pub website: Option<String>,
    pub description: Option<String>,
    pub refs: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreCard {
    pub model_version: String,
    pub score: f64,
    pub grade: Option<Grade>,
    pub unknown: bool,
    pub uncertainty: f64,
    /// The score's range: belief (low) to belief + uncertainty (high), in points.
    pub low: f64,
    pub high: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub date: NaiveDate,
    pub score: f64,
    pub low: f64,
    pub high: f64,
    pub unknown: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportContribution {
    pub kind: ContributionKind,
    pub about: EvidenceLabel,
    pub superseded: bool,
    pub known_on: Option<NaiveDate>,
    pub positive: bool,
    pub weight: f64,
    /// Score points this line moves the score.
    pub effect: f64,
    pub refs: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportIncident {
    pub slug: String,
    pub title: String,
    pub kind: IncidentKind,
    pub severity: i32,
    pub discovered_on: Option<PartialDate>,
    pub disclosed_on: Option<PartialDate>,
    pub resolved_on: Option<PartialDate>,
    pub threat_actor: Option<String>,
    pub summary: String,
    pub roles: Vec<ReportRole>,
    pub timeline: Vec<ReportEvent>,
    pub refs: Vec<usize>,
}

/// A party's role in an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRole {
    pub party: String,
    pub role: InvolvementRole,
    pub customers_affected: Option<i32>,
    pub description: Option<String>,
    pub refs: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportEvent {
    pub occurred_on: PartialDate,
    pub title: String,
    pub description: Option<String>,
    pub refs: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRemediation {
    pub kind: RemediationKind,
    pub taken_on: Option<PartialDate>,
    pub description: String,
    pub incident: Option<String>,
    pub product: Option<String>,
    pub replacement: Option<String>,
    pub refs: Vec<usize>,
}

/// An analyst's view: the quote in its own language and its translation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub analyst: String,
    pub firm: Option<String>,
    pub subject: String,
    pub assessed_on: PartialDate,
    pub stance: Stance,
    pub favoured_action: Option<FavouredAction>,
    pub quote: String,
    pub quote_language: String,
    pub translation: Option<String>,
    pub translation_language: Option<String>,
    pub refs: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDependency {
    pub consumer: String,
    pub product: String,
    pub product_vendor: String,
    pub criticality: Criticality,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub active: bool,
    pub purpose: Option<String>,
    pub refs: Vec<usize>,
}

/// What trouble at the vendor reaches, nearest first: at most [`BLAST_LISTED`] by name, and
/// how many more (a hub vendor reaches most of the knowledge base).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BlastSummary {
    pub reached: Vec<BlastNode>,
    /// How many parties reached are not in `reached` (0 in snapshots taken before the cap).
    #[serde(default)]
    pub unlisted: usize,
    pub depth: u32,
}

/// How many parties reached a report names; the blast-radius page lists them all.
pub const BLAST_LISTED: usize = 200;

impl BlastSummary {
    /// How many parties are reached in all.
    pub fn count(&self) -> usize {
        self.reached.len() + self.unlisted
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlastNode {
    pub kind: NodeKind,
    pub name: String,
    pub hops: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRecommendation {
    pub product: String,
    pub product_name: String,
    pub decision: Decision,
    pub rule: String,
    pub score: f64,
    pub uncertainty: f64,
    pub unknown: bool,
    pub in_use: bool,
    pub criticality: Option<Criticality>,
    pub alternatives: Vec<ReportAlternative>,
    pub controls: Vec<ReportControl>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportAlternative {
    pub rank: usize,
    pub product: String,
    pub vendor: String,
    pub total: f64,
    pub score: f64,
    pub uncertainty: f64,
}

/// A control, by its catalogue key (worded at render time; the catalogue's English kept
/// for keys the interface does not know).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportControl {
    pub key: String,
    pub transition: bool,
    pub control: String,
    pub rationale: String,
}

/// A cited source with its Admiralty grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSource {
    pub number: usize,
    pub slug: String,
    pub title: String,
    pub publisher: String,
    pub url: Option<String>,
    pub language: String,
    pub published_on: Option<PartialDate>,
    pub reliability: Reliability,
    pub credibility: i32,
}

impl ReportSource {
    /// The Admiralty grade: reliability letter and credibility number ("B2").
    pub fn grade(&self) -> String {
        format!("{}{}", self.reliability.as_str(), self.credibility)
    }
}

/// Numbers sources in order of first citation.
#[derive(Default)]
struct Numbering {
    ids: Vec<i32>,
}

impl Numbering {
    fn refs(&mut self, citations: &[CitationView]) -> Vec<usize> {
        let mut refs: Vec<usize> = citations.iter().map(|c| self.number(c.source_id)).collect();
        refs.sort_unstable();
        refs.dedup();
        refs
    }

    fn number(&mut self, id: i32) -> usize {
        match self.ids.iter().position(|i| *i == id) {
            Some(i) => i + 1,
            None => {
                self.ids.push(id);
                self.ids.len()
            }
        }
    }
}

/// The report of the vendor with `slug` as of `as_of`, from the vendor page's queries, the
/// incidents' details, the recommendation engine and the blast radius; `data` is the
/// scoring data (the server's cached copy, or loaded for this report).
pub fn vendor_report(
    conn: &mut DbConnection,
    data: &ScoringData,
    slug: &str,
    as_of: NaiveDate,
    (scoring, recommendation): (&ScoringConfig, &RecommendationConfig),
) -> Result<VendorReport, StoreError> {
    let portfolio = portfolio_from(conn, data, (as_of, scoring), recommendation)?;
    let graph = load_blast_graph(conn)?;
    vendor_report_with(conn, (data, &portfolio, &graph), slug, as_of, scoring)
}

/// [`vendor_report`] from a portfolio decided as of `as_of` and a blast-radius graph, both
/// of the same data (the server's cached ones, or a review's).
pub fn vendor_report_with(
    conn: &mut DbConnection,
    (data, portfolio, graph): (&ScoringData, &Portfolio, &BlastGraph),
    slug: &str,
    as_of: NaiveDate,
    scoring: &ScoringConfig,
) -> Result<VendorReport, StoreError> {
    let v = vendor_detail_scored(conn, data, slug, as_of, scoring)?;
    let mut n = Numbering::default();
    let vendor = ReportVendor {
        slug: v.slug.clone(),
        name: v.name.clone(),
        tier: v.tier,
        status: v.status,
        website: v.website.clone(),
        description: v.description.clone(),
        refs: n.refs(&v.citations),
    };
    let score = v.trust.as_ref().map(|t| ScoreCard {
        model_version: t.model_version.clone(),
        score: t.score,
        grade: t.grade,
        unknown: t.unknown,
        uncertainty: t.uncertainty,
        low: t.belief * 100.0,
        high: (t.belief + t.uncertainty) * 100.0,
    });
    let contributions = v
        .trust
        .iter()
        .flat_map(|t| &t.contributions)
        .map(|c| ReportContribution {
            kind: c.kind,
            about: c.about.clone(),
            superseded: c.superseded,
            known_on: c.known_on,
            positive: c.positive,
            weight: c.weight,
            effect: c.effect,
            refs: n.refs(&c.citations),
        })
        .collect();
    let incidents = incidents(conn, &v, &mut n)?;
    let remediations = v
        .remediations
        .iter()
        .map(|r| ReportRemediation {
            kind: r.kind,
            taken_on: r.taken_on,
            description: r.description.clone(),
            incident: r.incident_title.clone(),
            product: r.product_name.clone(),
            replacement: r.replacement_product_name.clone(),
            refs: n.refs(&r.citations),
        })
        .collect();
    let views = v
        .assessments
        .iter()
        .map(|a| ReportView {
            analyst: a.analyst_name.clone(),
            firm: a.firm_name.clone(),
            subject: a.subject.name.clone(),
            assessed_on: a.assessed_on,
            stance: a.stance,
            favoured_action: a.favoured_action,
            quote: a.quote.clone(),
            quote_language: a.quote_language.clone(),
            translation: a.translation.clone(),
            translation_language: a.translation_language.clone(),
            refs: n.refs(&a.citations),
        })
        .collect();
    let mut dependency = |d: &crate::domain::views::DependencyView| ReportDependency {
        consumer: d.consumer.name().to_owned(),
        product: d.product_name.clone(),
        product_vendor: d.product_vendor_name.clone(),
        criticality: d.criticality,
        since: d.since,
        until: d.until,
        active: d.active_on(&as_of),
        purpose: d.purpose.clone(),
        refs: n.refs(&d.citations),
    };
    let dependencies = v.dependencies.iter().map(&mut dependency).collect();
    let dependents = v.dependents.iter().map(&mut dependency).collect();
    let blast = radius_in(graph, BlastRoot::Vendor, slug, as_of, (0, BLAST_LISTED))?;
    let blast = BlastSummary {
        depth: blast.depth,
        unlisted: blast.total.saturating_sub(blast.nodes.len()),
        reached: blast
            .nodes
            .iter()
            .filter(|node| node.hops > 0)
            .map(|node| BlastNode {
                kind: node.node.kind,
                name: node.node.name.clone(),
                hops: node.hops,
            })
            .collect(),
    };
    let recommendations = recommendations(portfolio, &v);
    let sources = sources_by_id(conn, &n.ids)?
        .into_iter()
        .filter_map(|s| {
            let number = n.ids.iter().position(|i| *i == s.id)? + 1;
            Some(ReportSource {
                number,
                slug: s.slug,
                title: s.title,
                publisher: s.publisher,
                url: s.url,
                language: s.language,
                published_on: s.published_on,
                reliability: s.reliability,
                credibility: s.credibility,
            })
        })
        .collect::<Vec<_>>();
    let mut sources = sources;
    sources.sort_by_key(|s| s.number);
    Ok(VendorReport {
        as_of,
        vendor,
        score,
        history: v
            .history
            .iter()
            .map(|h| HistoryEntry {
                date: h.date,
                score: h.score,
                low: h.low,
                high: h.high,
                unknown: h.unknown,
            })
            .collect(),
        contributions,
        incidents,
        remediations,
        views,
        dependencies,
        dependents,
        blast,
        recommendations,
        sources,
        decision: None,
    })
}

/// The vendor's incidents, each with every party's role and its timeline.
fn incidents(
    conn: &mut DbConnection,
    v: &VendorDetail,
    n: &mut Numbering,
) -> Result<Vec<ReportIncident>, StoreError> {
    let mut out = Vec::new();
    for i in &v.incidents {
        let d = incident_detail(conn, &i.incident_slug)?;
        out.push(ReportIncident {
            slug: d.slug.clone(),
            title: d.title.clone(),
            kind: d.kind,
            severity: d.severity,
            discovered_on: d.discovered_on,
            disclosed_on: d.disclosed_on,
            resolved_on: d.resolved_on,
            threat_actor: d.threat_actor.clone(),
            summary: d.summary.clone(),
            refs: n.refs(&d.citations),
            roles: d
                .involvements
                .iter()
                .map(|r| ReportRole {
                    party: r.party(),
                    role: r.role,
                    customers_affected: r.customers_affected,
                    description: r.description.clone(),
                    refs: n.refs(&r.citations),
                })
                .collect(),
            timeline: d
                .timeline
                .iter()
                .map(|e| ReportEvent {
                    occurred_on: e.occurred_on,
                    title: e.title.clone(),
                    description: e.description.clone(),
                    refs: n.refs(&e.citations),
                })
                .collect(),
        });
    }
    Ok(out)
}

/// The recommendation of each of the vendor's products, from the decided portfolio.
fn recommendations(portfolio: &Portfolio, v: &VendorDetail) -> Vec<ReportRecommendation> {
    v.products
        .iter()
        .filter_map(|p| {
            let r = portfolio.product(&p.slug)?;
            Some(ReportRecommendation {
                product: r.product,
                product_name: r.product_name,
                decision: r.decision,
                rule: r.rule,
                score: r.score,
                uncertainty: r.uncertainty,
                unknown: r.unknown,
                in_use: r.in_use,
                criticality: r.criticality,
                alternatives: r
                    .alternatives
                    .into_iter()
                    .map(|a| ReportAlternative {
                        rank: a.rank,
                        product: a.name,
                        vendor: a.vendor_name,
                        total: a.total,
                        score: a.score,
                        uncertainty: a.uncertainty,
                    })
                    .collect(),
                controls: r
                    .controls
                    .into_iter()
                    .map(|c| ReportControl {
                        key: c.key,
                        transition: c.transition,
                        control: c.control,
                        rationale: c.rationale,
                    })
                    .collect(),
            })
        })
        .collect()
}
