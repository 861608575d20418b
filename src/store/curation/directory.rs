//! The analyst directory: every firm with its analysts, then the internal reviewers (no
//! firm), with how many assessments each analyst has given.

use crate::store::rows::{AnalystRow, FirmRow};
use crate::store::schema::{analyst_firms, analysts, assessments};
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;
use std::collections::BTreeMap;

/// An analyst as the directory lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalystEntry {
    pub slug: String,
    pub name: String,
    pub title: Option<String>,
    pub assessments: usize,
}

/// A firm with its analysts; `firm` is `None` for the internal reviewers.
#[derive(Debug, Clone)]
pub struct FirmEntry {
    pub firm: Option<FirmRow>,
    pub analysts: Vec<AnalystEntry>,
}

/// Firms by name, each with its analysts by name; the internal reviewers last (when any).
pub fn analyst_directory(conn: &mut DbConnection) -> Result<Vec<FirmEntry>, StoreError> {
    // Sorted here: the backends collate text differently.
    let mut firms: Vec<FirmRow> = analyst_firms::table
        .select(FirmRow::as_select())
        .load(conn)?;
    firms.sort_by_key(|f| (f.name.to_lowercase(), f.slug.clone()));
    let mut people: Vec<AnalystRow> = analysts::table.select(AnalystRow::as_select()).load(conn)?;
    people.sort_by_key(|a| (a.name.to_lowercase(), a.slug.clone()));
    let given: Vec<i32> = assessments::table
        .select(assessments::analyst_id)
        .load(conn)?;
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for a in given {
        *counts.entry(a).or_default() += 1;
    }
    let entry = |a: &AnalystRow| AnalystEntry {
        slug: a.slug.clone(),
        name: a.name.clone(),
        title: a.title.clone(),
        assessments: counts.get(&a.id).copied().unwrap_or_default(),
    };
    let mut list: Vec<FirmEntry> = firms
        .into_iter()
        .map(|f| FirmEntry {
            analysts: people
                .iter()
                .filter(|a| a.firm_id == Some(f.id))
                .map(entry)
                .collect(),
            firm: Some(f),
        })
        .collect();
    let internal: Vec<AnalystEntry> = people
        .iter()
        .filter(|a| a.firm_id.is_none())
        .map(entry)
        .collect();
    if !internal.is_empty() {
        list.push(FirmEntry {
            firm: None,
            analysts: internal,
        });
    }
    Ok(list)
}
