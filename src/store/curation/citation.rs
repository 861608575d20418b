//! Citing a source for a record: the excerpt must be in the source's text (the importer's
//! check, quotes and whitespace forgiven); the citation and its audit record land together.

use crate::domain::audit::Actor;
use crate::domain::passage::{closest_passage, find_passage};
use crate::domain::scoring::ScoringConfig;
use crate::domain::text::locate_excerpt;
use crate::domain::{Line, Text};
use crate::store::audit::{record_create, record_delete};
use crate::store::error::OrNotFound;
use crate::store::insert::{NewCitation, insert_returning_id};
use crate::store::rows::{CitationRow, CitedRecord};
use crate::store::schema::*;
use crate::store::snapshots::refresh_snapshots;
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::json;

/// The audit trail's name for citations (as pack imports write them).
pub const CITATION: &str = "citation";

/// How the forms name each kind of cited record (`?kind=`), in the menu's order.
pub fn kind_key(kind: CitedRecord) -> &'static str {
    match kind {
        CitedRecord::Vendor => "vendor",
        CitedRecord::Product => "product",
        CitedRecord::Dependency => "dependency",
        CitedRecord::Incident => "incident",
        CitedRecord::Involvement => "involvement",
        CitedRecord::TimelineEvent => "timeline_event",
        CitedRecord::IncidentCause => "cause",
        CitedRecord::Remediation => "remediation",
        CitedRecord::Analyst => "analyst",
        CitedRecord::Assessment => "assessment",
    }
}

/// The kind a form names, if any.
pub fn kind_of(key: &str) -> Option<CitedRecord> {
    CitedRecord::ALL.into_iter().find(|k| kind_key(*k) == key)
}

/// The audit trail's name for a kind of record (as pack imports write them).
fn entity(kind: CitedRecord) -> &'static str {
    match kind {
        CitedRecord::Involvement => "incident_involvement",
        CitedRecord::TimelineEvent => "incident_timeline_event",
        CitedRecord::IncidentCause => "incident_cause",
        other => kind_key(other),
    }
}

/// Whether records of this kind are named by a slug (else by their number).
pub fn has_slug(kind: CitedRecord) -> bool {
    !matches!(
        kind,
        CitedRecord::Dependency
            | CitedRecord::Involvement
            | CitedRecord::TimelineEvent
            | CitedRecord::IncidentCause
    )
}

/// The id of the record of `kind` named `key` (a slug, or a number for records without one).
pub fn resolve_record(
    conn: &mut DbConnection,
    kind: CitedRecord,
    key: &str,
) -> Result<Option<i32>, StoreError> {
    macro_rules! by_slug {
        ($t:ident) => {
            $t::table
                .filter($t::slug.eq(key))
                .select($t::id)
                .first::<i32>(conn)
                .optional()?
        };
    }
    macro_rules! by_id {
        ($t:ident) => {{
            let Ok(id) = key.parse::<i32>() else {
                return Ok(None);
            };
            $t::table
                .find(id)
                .select($t::id)
                .first::<i32>(conn)
                .optional()?
        }};
    }
    Ok(match kind {
        CitedRecord::Vendor => by_slug!(vendors),
        CitedRecord::Product => by_slug!(products),
        CitedRecord::Incident => by_slug!(incidents),
        CitedRecord::Remediation => by_slug!(remediations),
        CitedRecord::Analyst => by_slug!(analysts),
        CitedRecord::Assessment => by_slug!(assessments),
        CitedRecord::Dependency => by_id!(dependencies),
        CitedRecord::Involvement => by_id!(incident_involvements),
        CitedRecord::TimelineEvent => by_id!(incident_timeline_events),
        CitedRecord::IncidentCause => by_id!(incident_causes),
    })
}

/// A new citation, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationValues {
    pub kind: CitedRecord,
    /// The record's slug, or its number.
    pub record: String,
    pub excerpt: Text,
    pub locator: Option<Line>,
}

/// Why a citation was not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CitationRefusal {
    /// The source has no stored text to check the excerpt against.
    NoText,
    /// The excerpt is not in the text; the closest passage when one was found.
    NotInText(Option<String>),
    /// No record of that kind with that name.
    UnknownRecord,
}

/// Records a citation of source `source_id` (not found when there is none), with the text's
/// own wording of the excerpt and, without a locator, "paragraph N". Refreshes today's scores
/// (a citation carries its source's grade into the evidence). Returns the citation's id.
pub fn create_citation(
    conn: &mut DbConnection,
    actor: &Actor,
    source_id: i32,
    v: &CitationValues,
    (config, today): (&ScoringConfig, NaiveDate),
    now: NaiveDateTime,
) -> Result<Result<i32, Vec<CitationRefusal>>, StoreError> {
    conn.write_transaction(|conn| {
        let (slug, text): (String, Option<String>) = sources::table
            .find(source_id)
            .select((sources::slug, sources::full_text))
            .first(conn)
            .or_not_found("source", source_id.to_string())?;
        let mut refused = Vec::new();
        let passage = match &text {
            None => {
                refused.push(CitationRefusal::NoText);
                None
            }
            Some(t) => match find_passage(t, v.excerpt.as_str()) {
                Some(p) => Some(p.to_owned()),
                None => {
                    refused.push(CitationRefusal::NotInText(closest_passage(
                        t,
                        v.excerpt.as_str(),
                    )));
                    None
                }
            },
        };
        let target = resolve_record(conn, v.kind, v.record.trim())?;
        if target.is_none() {
            refused.push(CitationRefusal::UnknownRecord);
        }
        let (Some(passage), Some(target), Some(text)) = (passage, target, text) else {
            return Ok(Err(refused));
        };
        let locator = match &v.locator {
            Some(l) => Some(l.to_string()),
            None => locate_excerpt(&text, &passage).map(|p| format!("paragraph {}", p.paragraph)),
        };
        let mut row = NewCitation {
            source_id,
            excerpt: &passage,
            locator: locator.as_deref(),
            ..NewCitation::default()
        };
        let slot = match v.kind {
            CitedRecord::Vendor => &mut row.vendor_id,
            CitedRecord::Product => &mut row.product_id,
            CitedRecord::Dependency => &mut row.dependency_id,
            CitedRecord::Incident => &mut row.incident_id,
            CitedRecord::Involvement => &mut row.involvement_id,
            CitedRecord::TimelineEvent => &mut row.timeline_event_id,
            CitedRecord::IncidentCause => &mut row.incident_cause_id,
            CitedRecord::Remediation => &mut row.remediation_id,
            CitedRecord::Analyst => &mut row.analyst_id,
            CitedRecord::Assessment => &mut row.assessment_id,
        };
        *slot = Some(target);
        let id = insert_returning_id!(&mut *conn, citations, &row)?;
        let entity = entity(v.kind);
        let label = format!("{slug} → {entity} {target}");
        let after = json!({
            "source": slug, "excerpt": passage, "locator": locator,
            "target": { "entity": entity, "id": target },
        });
        record_create(conn, actor, (CITATION, id, &label), after, now)?;
        refresh_snapshots(conn, today, config, now)?;
        Ok(Ok(id))
    })
}

/// Deletes citation `id` (not found when there is none) with an audit record of its values,
/// and refreshes today's scores. Returns the id of its source.
pub fn delete_citation(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    (config, today): (&ScoringConfig, NaiveDate),
    now: NaiveDateTime,
) -> Result<i32, StoreError> {
    conn.write_transaction(|conn| {
        let row: CitationRow = citations::table
            .find(id)
            .select(CitationRow::as_select())
            .first(conn)
            .or_not_found("citation", id.to_string())?;
        let slug: String = sources::table
            .find(row.source_id)
            .select(sources::slug)
            .first(conn)?;
        let (entity, target) =
            CitedRecord::of(&row).map_or(("", 0), |(kind, target)| (self::entity(kind), target));
        diesel::delete(citations::table.find(id)).execute(conn)?;
        let label = format!("{slug} → {entity} {target}");
        let before = json!({
            "source": slug, "excerpt": row.excerpt, "locator": row.locator,
            "target": { "entity": entity, "id": target },
        });
        record_delete(conn, actor, (CITATION, id, &label), before, now)?;
        refresh_snapshots(conn, today, config, now)?;
        Ok(row.source_id)
    })
}

/// The citations of a record: (citation id, source id, source title), for refusals to delete it.
pub fn citations_of(
    conn: &mut DbConnection,
    kind: CitedRecord,
    id: i32,
) -> Result<Vec<(i32, i32, String)>, StoreError> {
    macro_rules! of {
        ($column:ident) => {
            citations::table
                .inner_join(sources::table)
                .filter(citations::$column.eq(id))
                .select((citations::id, citations::source_id, sources::title))
                .order(citations::id)
                .load(conn)?
        };
    }
    Ok(match kind {
        CitedRecord::Vendor => of!(vendor_id),
        CitedRecord::Product => of!(product_id),
        CitedRecord::Dependency => of!(dependency_id),
        CitedRecord::Incident => of!(incident_id),
        CitedRecord::Involvement => of!(involvement_id),
        CitedRecord::TimelineEvent => of!(timeline_event_id),
        CitedRecord::IncidentCause => of!(incident_cause_id),
        CitedRecord::Remediation => of!(remediation_id),
        CitedRecord::Analyst => of!(analyst_id),
        CitedRecord::Assessment => of!(assessment_id),
    })
}

/// The records of a kind named by a slug, offered in the citation form's list (slug and
/// name); none for records named by their number.
pub fn record_choices(
    conn: &mut DbConnection,
    kind: CitedRecord,
) -> Result<Vec<super::lookup::Choice>, StoreError> {
    macro_rules! list {
        ($t:ident, $name:ident) => {
            $t::table
                .select(($t::slug, $t::$name))
                .order($t::slug)
                .load::<(String, String)>(conn)?
        };
    }
    let rows = match kind {
        CitedRecord::Vendor => list!(vendors, name),
        CitedRecord::Product => list!(products, name),
        CitedRecord::Incident => list!(incidents, title),
        CitedRecord::Remediation => list!(remediations, description),
        CitedRecord::Analyst => list!(analysts, name),
        CitedRecord::Assessment => list!(assessments, quote),
        _ => Vec::new(),
    };
    Ok(rows
        .into_iter()
        .map(|(slug, name)| super::lookup::Choice {
            slug,
            name: name.chars().take(80).collect(),
        })
        .collect())
}

/// Every source for the "cite a source" chooser: id, title, publisher, whether it has text.
pub fn source_choices(
    conn: &mut DbConnection,
) -> Result<Vec<(i32, String, String, bool)>, StoreError> {
    Ok(sources::table
        .select((
            sources::id,
            sources::title,
            sources::publisher,
            sources::full_text.is_not_null(),
        ))
        .order((sources::title, sources::id))
        .load(conn)?)
}
