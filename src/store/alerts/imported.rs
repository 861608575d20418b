//! Alerts raised by a knowledge pack import, inside its transaction: score rules against the
//! scores before the import, record rules for each incident and assessment it brought.

use super::evaluate::{assessment_recorded, incident_recorded, quoted, scores_moved};
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::store::curation::rescore::{Scores, current_scores};
use crate::store::pack::load::LoadedPack;
use crate::store::schema::{assessments, incident_involvements, incidents};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// What score alerts name as their cause: an import has no score change report.
const IMPORT: &str = "pack_import";

/// After `pack` was imported and today's snapshots refreshed: raises the alerts the import
/// caused, the scores compared with `before` (taken before the import).
pub fn pack_imported(
    conn: &mut DbConnection,
    pack: &LoadedPack,
    before: &Scores,
    config: &ScoringConfig,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let after = current_scores(conn, now.date(), config)?;
    scores_moved(conn, (IMPORT, 0), (before, &after), config, now)?;
    for doc in pack.files.iter().map(|f| &f.doc) {
        for incident in &doc.incidents {
            let found: Option<(i32, String)> = incidents::table
                .filter(incidents::slug.eq(incident.slug.as_str()))
                .select((incidents::id, incidents::title))
                .first(conn)
                .optional()?;
            let Some((id, title)) = found else { continue };
            let parties: Vec<(Option<i32>, Option<i32>)> = incident_involvements::table
                .filter(incident_involvements::incident_id.eq(id))
                .select((
                    incident_involvements::vendor_id,
                    incident_involvements::product_id,
                ))
                .load(conn)?;
            let subjects = subjects_of(&parties);
            incident_recorded(conn, (id, incident.slug.as_str(), &title), &subjects, now)?;
        }
        for assessment in &doc.assessments {
            let found: Option<(Option<i32>, Option<i32>, String)> = assessments::table
                .filter(assessments::slug.eq(assessment.slug.as_str()))
                .select((
                    assessments::vendor_id,
                    assessments::product_id,
                    assessments::quote,
                ))
                .first(conn)
                .optional()?;
            let Some((vendor, product, quote)) = found else {
                continue;
            };
            let title = quoted(assessment.analyst.as_str(), &quote);
            let subjects = subjects_of(&[(vendor, product)]);
            let record = (assessment.slug.as_str(), title.as_str());
            assessment_recorded(conn, record, &subjects, None, now)?;
        }
    }
    Ok(())
}

fn subjects_of(parties: &[(Option<i32>, Option<i32>)]) -> Vec<Subject> {
    let mut list = Vec::new();
    for (vendor, product) in parties {
        for s in vendor
            .map(Subject::Vendor)
            .into_iter()
            .chain(product.map(Subject::Product))
        {
            if !list.contains(&s) {
                list.push(s);
            }
        }
    }
    list
}
