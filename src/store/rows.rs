//! Rows as read from the database (one struct per table), separate from the insert forms.
//! Enumerations stay text here and are parsed into domain types when views are built.

use super::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = categories)]
pub struct CategoryRow {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub parent_id: Option<i32>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = vendors)]
pub struct VendorRow {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub tier: String,
    pub status: String,
    pub website: Option<String>,
    pub description: Option<String>,
    pub synthetic: bool,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = products)]
pub struct ProductRow {
    pub id: i32,
    pub slug: String,
    pub vendor_id: i32,
    pub category_id: i32,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = dependencies)]
pub struct DependencyRow {
    pub id: i32,
    pub consumer_vendor_id: Option<i32>,
    pub product_id: i32,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub criticality: String,
    pub purpose: Option<String>,
    pub since_precision: String,
    pub until_precision: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = incidents)]
pub struct IncidentRow {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub severity: i32,
    pub discovered_on: Option<NaiveDate>,
    pub disclosed_on: Option<NaiveDate>,
    pub resolved_on: Option<NaiveDate>,
    pub threat_actor: Option<String>,
    pub summary: String,
    pub discovered_precision: String,
    pub disclosed_precision: String,
    pub resolved_precision: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = incident_involvements)]
pub struct InvolvementRow {
    pub id: i32,
    pub incident_id: i32,
    pub vendor_id: Option<i32>,
    pub product_id: Option<i32>,
    pub role: String,
    pub customers_affected: Option<i32>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = incident_timeline_events)]
pub struct TimelineEventRow {
    pub id: i32,
    pub incident_id: i32,
    pub occurred_on: NaiveDate,
    pub title: String,
    pub description: Option<String>,
    pub occurred_precision: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = incident_causes)]
pub struct CauseRow {
    pub id: i32,
    pub cause_id: i32,
    pub effect_id: i32,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = remediations)]
pub struct RemediationRow {
    pub id: i32,
    pub slug: String,
    pub vendor_id: i32,
    pub incident_id: Option<i32>,
    pub product_id: Option<i32>,
    pub replacement_product_id: Option<i32>,
    pub kind: String,
    pub taken_on: Option<NaiveDate>,
    pub description: String,
    pub taken_precision: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = analyst_firms)]
pub struct FirmRow {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub website: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = analysts)]
pub struct AnalystRow {
    pub id: i32,
    pub slug: String,
    pub firm_id: Option<i32>,
    pub name: String,
    pub title: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = assessments)]
pub struct AssessmentRow {
    pub id: i32,
    pub slug: String,
    pub analyst_id: i32,
    pub vendor_id: Option<i32>,
    pub product_id: Option<i32>,
    pub incident_id: Option<i32>,
    pub assessed_on: NaiveDate,
    pub stance: String,
    pub favoured_action: Option<String>,
    pub quote: String,
    pub quote_language: String,
    pub translation: Option<String>,
    pub translation_language: Option<String>,
    pub magic_quadrant: Option<String>,
    pub wave_tier: Option<String>,
    pub assessed_precision: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sources)]
pub struct SourceRow {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub publisher: String,
    pub url: Option<String>,
    pub language: String,
    pub published_on: Option<NaiveDate>,
    pub reliability: String,
    pub credibility: i32,
    pub full_text: Option<String>,
    pub published_precision: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = citations)]
pub struct CitationRow {
    pub id: i32,
    pub source_id: i32,
    pub excerpt: String,
    pub locator: Option<String>,
    pub vendor_id: Option<i32>,
    pub product_id: Option<i32>,
    pub dependency_id: Option<i32>,
    pub incident_id: Option<i32>,
    pub involvement_id: Option<i32>,
    pub timeline_event_id: Option<i32>,
    pub incident_cause_id: Option<i32>,
    pub remediation_id: Option<i32>,
    pub analyst_id: Option<i32>,
    pub assessment_id: Option<i32>,
}

/// The kinds of record a citation can support (one column each in `citations`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CitedRecord {
    Vendor,
    Product,
    Dependency,
    Incident,
    Involvement,
    TimelineEvent,
    IncidentCause,
    Remediation,
    Analyst,
    Assessment,
}

impl CitedRecord {
    /// The id of the cited record if this citation supports a record of this kind.
    pub fn target_of(self, row: &CitationRow) -> Option<i32> {
        match self {
            CitedRecord::Vendor => row.vendor_id,
            CitedRecord::Product => row.product_id,
            CitedRecord::Dependency => row.dependency_id,
            CitedRecord::Incident => row.incident_id,
            CitedRecord::Involvement => row.involvement_id,
            CitedRecord::TimelineEvent => row.timeline_event_id,
            CitedRecord::IncidentCause => row.incident_cause_id,
            CitedRecord::Remediation => row.remediation_id,
            CitedRecord::Analyst => row.analyst_id,
            CitedRecord::Assessment => row.assessment_id,
        }
    }

    /// Which kind of record a citation row supports.
    pub fn of(row: &CitationRow) -> Option<(CitedRecord, i32)> {
        CitedRecord::ALL
            .iter()
            .find_map(|kind| kind.target_of(row).map(|id| (*kind, id)))
    }

    pub const ALL: [CitedRecord; 10] = [
        CitedRecord::Vendor,
        CitedRecord::Product,
        CitedRecord::Dependency,
        CitedRecord::Incident,
        CitedRecord::Involvement,
        CitedRecord::TimelineEvent,
        CitedRecord::IncidentCause,
        CitedRecord::Remediation,
        CitedRecord::Analyst,
        CitedRecord::Assessment,
    ];

    /// A human name for the kind.
    pub fn label(self) -> &'static str {
        match self {
            CitedRecord::Vendor => "vendor",
            CitedRecord::Product => "product",
            CitedRecord::Dependency => "dependency",
            CitedRecord::Incident => "incident",
            CitedRecord::Involvement => "incident involvement",
            CitedRecord::TimelineEvent => "timeline event",
            CitedRecord::IncidentCause => "causal link",
            CitedRecord::Remediation => "remediation",
            CitedRecord::Analyst => "analyst",
            CitedRecord::Assessment => "assessment",
        }
    }
}
