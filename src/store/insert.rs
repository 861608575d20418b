//! Insert forms (one per table) and the one place that inserts a row and returns its id.
//! RETURNING does not compile through the multi-backend enum, so we match on the variant here.

use super::schema::*;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// Inserts one row and returns its generated id, on either backend.
macro_rules! insert_returning_id {
    ($conn:expr, $table:ident, $row:expr) => {{
        use $crate::store::DbConnection;
        use $crate::store::schema::$table;
        match $conn {
            DbConnection::Sqlite(c) => diesel::insert_into($table::table)
                .values($row)
                .returning($table::id)
                .get_result::<i32>(c),
            DbConnection::Postgres(c) => diesel::insert_into($table::table)
                .values($row)
                .returning($table::id)
                .get_result::<i32>(c),
        }
    }};
}
pub(crate) use insert_returning_id;

#[derive(Debug, Insertable)]
#[diesel(table_name = categories)]
pub struct NewCategory<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub parent_id: Option<i32>,
    pub description: Option<&'a str>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = vendors)]
pub struct NewVendor<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub tier: &'a str,
    pub status: &'a str,
    pub website: Option<&'a str>,
    pub description: Option<&'a str>,
    pub synthetic: bool,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = products)]
pub struct NewProduct<'a> {
    pub slug: &'a str,
    pub vendor_id: i32,
    pub category_id: i32,
    pub name: &'a str,
    pub description: Option<&'a str>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = dependencies)]
pub struct NewDependency<'a> {
    pub consumer_vendor_id: Option<i32>,
    pub product_id: i32,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub criticality: &'a str,
    pub purpose: Option<&'a str>,
    pub since_precision: &'a str,
    pub until_precision: &'a str,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = incidents)]
pub struct NewIncident<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub kind: &'a str,
    pub severity: i32,
    pub discovered_on: Option<NaiveDate>,
    pub disclosed_on: Option<NaiveDate>,
    pub resolved_on: Option<NaiveDate>,
    pub threat_actor: Option<&'a str>,
    pub summary: &'a str,
    pub discovered_precision: &'a str,
    pub disclosed_precision: &'a str,
    pub resolved_precision: &'a str,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = incident_involvements)]
pub struct NewInvolvement<'a> {
    pub incident_id: i32,
    pub vendor_id: Option<i32>,
    pub product_id: Option<i32>,
    pub role: &'a str,
    pub customers_affected: Option<i32>,
    pub description: Option<&'a str>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = incident_timeline_events)]
pub struct NewTimelineEvent<'a> {
    pub incident_id: i32,
    pub occurred_on: NaiveDate,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub occurred_precision: &'a str,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = incident_causes)]
pub struct NewCause<'a> {
    pub cause_id: i32,
    pub effect_id: i32,
    pub description: Option<&'a str>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = remediations)]
pub struct NewRemediation<'a> {
    pub slug: &'a str,
    pub vendor_id: i32,
    pub incident_id: Option<i32>,
    pub product_id: Option<i32>,
    pub replacement_product_id: Option<i32>,
    pub kind: &'a str,
    pub taken_on: Option<NaiveDate>,
    pub description: &'a str,
    pub taken_precision: &'a str,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = analyst_firms)]
pub struct NewFirm<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub website: Option<&'a str>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = analysts)]
pub struct NewAnalyst<'a> {
    pub slug: &'a str,
    pub firm_id: Option<i32>,
    pub name: &'a str,
    pub title: Option<&'a str>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = assessments)]
pub struct NewAssessment<'a> {
    pub slug: &'a str,
    pub analyst_id: i32,
    pub vendor_id: Option<i32>,
    pub product_id: Option<i32>,
    pub incident_id: Option<i32>,
    pub assessed_on: NaiveDate,
    pub stance: &'a str,
    pub favoured_action: Option<&'a str>,
    pub quote: &'a str,
    pub quote_language: &'a str,
    pub translation: Option<&'a str>,
    pub translation_language: Option<&'a str>,
    pub magic_quadrant: Option<&'a str>,
    pub wave_tier: Option<&'a str>,
    pub assessed_precision: &'a str,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = sources)]
pub struct NewSource<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub publisher: &'a str,
    pub url: Option<&'a str>,
    pub language: &'a str,
    pub published_on: Option<NaiveDate>,
    pub reliability: &'a str,
    pub credibility: i32,
    pub full_text: Option<&'a str>,
    pub published_precision: &'a str,
}

/// A citation; exactly one of the target ids is set.
#[derive(Debug, Default, Insertable)]
#[diesel(table_name = citations)]
pub struct NewCitation<'a> {
    pub source_id: i32,
    pub excerpt: &'a str,
    pub locator: Option<&'a str>,
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

#[derive(Debug, Insertable)]
#[diesel(table_name = imported_packs)]
pub struct NewImportedPack<'a> {
    pub name: &'a str,
    pub digest: &'a str,
    pub imported_at: NaiveDateTime,
}
