//! The portfolio as typed tables for the spreadsheet and CSV exports: vendors, products,
//! incidents and open review conditions, each loaded in one bulk query; scores are the
//! latest stored snapshots and decisions come from the recommendation engine.

use super::listing::latest_snapshot_date;
use super::recommendations::recommendations_in_use;
use crate::domain::recommend::{Decision, RecommendationConfig};
use crate::domain::scoring::ScoringConfig;
use crate::domain::table::{Cell, Column, ColumnKind, Table};
use crate::store::rows::{IncidentRow, InvolvementRow, VendorRow};
use crate::store::schema::{
    categories, incident_involvements, incidents, products, review_conditions, reviews,
    score_snapshots, vendors,
};
use crate::store::snapshots::SnapshotSummary;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use diesel::prelude::*;
use std::collections::{BTreeMap, HashMap};

use ColumnKind::{Date, Decimal, Grade, Integer, Text};

pub const VENDOR_COLUMNS: [Column; 9] = [
    Column::new("slug", Text),
    Column::new("name", Text),
    Column::new("tier", Text),
    Column::new("status", Text),
    Column::new("score", Decimal),
    Column::new("grade", Grade),
    Column::new("uncertainty", Decimal),
    Column::new("score_as_of", Date),
    Column::new("recommendation", Text),
];

pub const PRODUCT_COLUMNS: [Column; 8] = [
    Column::new("slug", Text),
    Column::new("name", Text),
    Column::new("vendor", Text),
    Column::new("category", Text),
    Column::new("score", Decimal),
    Column::new("grade", Grade),
    Column::new("uncertainty", Decimal),
    Column::new("decision", Text),
];

pub const INCIDENT_COLUMNS: [Column; 8] = [
    Column::new("slug", Text),
    Column::new("title", Text),
    Column::new("kind", Text),
    Column::new("severity", Integer),
    Column::new("discovered_on", Date),
    Column::new("disclosed_on", Date),
    Column::new("resolved_on", Date),
    Column::new("parties", Text),
];

pub const CONDITION_COLUMNS: [Column; 6] = [
    Column::new("review", Integer),
    Column::new("subject", Text),
    Column::new("condition", Text),
    Column::new("owner", Text),
    Column::new("due_on", Date),
    Column::new("status", Text),
];

/// The four tables of the portfolio export, in sheet order.
#[derive(Debug, Clone)]
pub struct Portfolio {
    pub vendors: Table,
    pub products: Table,
    pub incidents: Table,
    pub conditions: Table,
}

impl Portfolio {
    pub fn tables(&self) -> [&Table; 4] {
        [
            &self.vendors,
            &self.products,
            &self.incidents,
            &self.conditions,
        ]
    }

    /// The table with this machine name (`vendors`, `products`, `incidents`, `review_conditions`).
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables().into_iter().find(|t| t.name == name)
    }
}

/// The machine names of the portfolio's tables.
pub const TABLE_NAMES: [&str; 4] = ["vendors", "products", "incidents", "review_conditions"];

/// Loads the portfolio; decisions are the recommendations of products in use on `as_of`.
pub fn load_portfolio(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    scoring: &ScoringConfig,
    recommendation: &RecommendationConfig,
) -> Result<Portfolio, StoreError> {
    conn.transaction(|conn| {
        let scores = latest_scores(conn, &scoring.model_version)?;
        let decisions: HashMap<String, Decision> =
            recommendations_in_use(conn, as_of, scoring, recommendation)?
                .into_iter()
                .map(|r| (r.product, r.decision))
                .collect();
        let vendor_rows: Vec<VendorRow> = vendors::table
            .select(VendorRow::as_select())
            .order((vendors::name, vendors::slug))
            .load(conn)?;
        let product_rows: Vec<(i32, String, String, i32, String)> = products::table
            .inner_join(categories::table)
            .select((
                products::id,
                products::slug,
                products::name,
                products::vendor_id,
                categories::name,
            ))
            .order((products::name, products::slug))
            .load(conn)?;
        let vendor_slugs: HashMap<i32, &str> = vendor_rows
            .iter()
            .map(|v| (v.id, v.slug.as_str()))
            .collect();
        let products = product_table(&product_rows, &vendor_slugs, &scores, &decisions);
        let vendors = vendor_table(&vendor_rows, &product_rows, &scores, &decisions);
        let incidents = incident_table(conn, &vendor_rows, &product_rows)?;
        let conditions = condition_table(conn, &vendor_rows, &product_rows)?;
        Ok(Portfolio {
            vendors,
            products,
            incidents,
            conditions,
        })
    })
}

/// The stored scores of the latest snapshot date of this model, by vendor and by product.
struct Scores {
    vendors: HashMap<i32, SnapshotSummary>,
    products: HashMap<i32, SnapshotSummary>,
}

fn latest_scores(conn: &mut DbConnection, model_version: &str) -> Result<Scores, StoreError> {
    let mut scores = Scores {
        vendors: HashMap::new(),
        products: HashMap::new(),
    };
    let Some(date) = latest_snapshot_date(conn, model_version)? else {
        return Ok(scores);
    };
    let rows: Vec<SnapshotSummary> = score_snapshots::table
        .filter(score_snapshots::model_version.eq(model_version))
        .filter(score_snapshots::as_of.eq(date))
        .select(SnapshotSummary::as_select())
        .load(conn)?;
    for row in rows {
        match (row.vendor_id, row.product_id) {
            (Some(v), _) => {
                scores.vendors.insert(v, row);
            }
            (None, Some(p)) => {
                scores.products.insert(p, row);
            }
            (None, None) => {}
        }
    }
    Ok(scores)
}

/// Score, grade ("unknown" without evidence worth grading) and uncertainty cells.
fn score_cells(score: Option<&SnapshotSummary>) -> [Cell; 3] {
    let Some(s) = score else {
        return [Cell::Empty, Cell::Empty, Cell::Empty];
    };
    let grade = match (&s.grade, s.unknown) {
        (Some(g), false) => g.clone(),
        _ => "unknown".to_owned(),
    };
    [
        Cell::Decimal((s.score * 10.0).round() / 10.0),
        Cell::Text(grade),
        Cell::Decimal((s.uncertainty * 1000.0).round() / 1000.0),
    ]
}

fn vendor_table(
    rows: &[VendorRow],
    products: &[(i32, String, String, i32, String)],
    scores: &Scores,
    decisions: &HashMap<String, Decision>,
) -> Table {
    // Each vendor's products in use, counted by decision, the most drastic first.
    let mut counts: HashMap<i32, BTreeMap<std::cmp::Reverse<Decision>, usize>> = HashMap::new();
    for (_, slug, _, vendor, _) in products {
        if let Some(d) = decisions.get(slug) {
            *counts
                .entry(*vendor)
                .or_default()
                .entry(std::cmp::Reverse(*d))
                .or_default() += 1;
        }
    }
    let mut table = Table::new("vendors", &VENDOR_COLUMNS);
    for v in rows {
        let score = scores.vendors.get(&v.id);
        let [s, g, u] = score_cells(score);
        let summary = counts.get(&v.id).map(|c| {
            c.iter()
                .map(|(d, n)| format!("{}: {n}", d.0.label()))
                .collect::<Vec<_>>()
                .join(", ")
        });
        table.rows.push(vec![
            Cell::Text(v.slug.clone()),
            Cell::Text(v.name.clone()),
            Cell::Text(v.tier.clone()),
            Cell::Text(v.status.clone()),
            s,
            g,
            u,
            Cell::opt_date(score.map(|s| s.as_of)),
            Cell::opt_text(summary),
        ]);
    }
    table
}

fn product_table(
    rows: &[(i32, String, String, i32, String)],
    vendor_slugs: &HashMap<i32, &str>,
    scores: &Scores,
    decisions: &HashMap<String, Decision>,
) -> Table {
    let mut table = Table::new("products", &PRODUCT_COLUMNS);
    for (id, slug, name, vendor, category) in rows {
        let [s, g, u] = score_cells(scores.products.get(id));
        table.rows.push(vec![
            Cell::Text(slug.clone()),
            Cell::Text(name.clone()),
            Cell::opt_text(vendor_slugs.get(vendor).copied()),
            Cell::Text(category.clone()),
            s,
            g,
            u,
            Cell::opt_text(decisions.get(slug).map(|d| d.label())),
        ]);
    }
    table
}

fn incident_table(
    conn: &mut DbConnection,
    vendors: &[VendorRow],
    products: &[(i32, String, String, i32, String)],
) -> Result<Table, StoreError> {
    let rows: Vec<IncidentRow> = incidents::table
        .select(IncidentRow::as_select())
        .order(incidents::slug)
        .load(conn)?;
    let involvements: Vec<InvolvementRow> = incident_involvements::table
        .select(InvolvementRow::as_select())
        .order(incident_involvements::id)
        .load(conn)?;
    let vendor_names: HashMap<i32, &str> =
        vendors.iter().map(|v| (v.id, v.name.as_str())).collect();
    let product_names: HashMap<i32, &str> = products.iter().map(|p| (p.0, p.2.as_str())).collect();
    let mut parties: HashMap<i32, Vec<String>> = HashMap::new();
    for i in &involvements {
        let name = i
            .product_id
            .and_then(|p| product_names.get(&p))
            .or_else(|| i.vendor_id.and_then(|v| vendor_names.get(&v)));
        if let Some(name) = name {
            parties
                .entry(i.incident_id)
                .or_default()
                .push(format!("{name} ({})", i.role));
        }
    }
    let mut table = Table::new("incidents", &INCIDENT_COLUMNS);
    for r in rows {
        table.rows.push(vec![
            Cell::Text(r.slug),
            Cell::Text(r.title),
            Cell::Text(r.kind),
            Cell::Integer(i64::from(r.severity)),
            Cell::opt_date(r.discovered_on),
            Cell::opt_date(r.disclosed_on),
            Cell::opt_date(r.resolved_on),
            Cell::opt_text(parties.remove(&r.id).map(|p| p.join("; "))),
        ]);
    }
    Ok(table)
}

/// Review conditions still open, the earliest due first, with the review's subject.
fn condition_table(
    conn: &mut DbConnection,
    vendors: &[VendorRow],
    products: &[(i32, String, String, i32, String)],
) -> Result<Table, StoreError> {
    type Row = (
        i32,
        Option<i32>,
        Option<i32>,
        String,
        String,
        NaiveDate,
        String,
    );
    let rows: Vec<Row> = review_conditions::table
        .inner_join(reviews::table)
        .filter(review_conditions::status.eq("open"))
        .select((
            review_conditions::review_id,
            reviews::vendor_id,
            reviews::product_id,
            review_conditions::text,
            review_conditions::owner,
            review_conditions::due_on,
            review_conditions::status,
        ))
        .order((review_conditions::due_on, review_conditions::id))
        .load(conn)?;
    let vendor_names: HashMap<i32, &str> =
        vendors.iter().map(|v| (v.id, v.name.as_str())).collect();
    let product_names: HashMap<i32, &str> = products.iter().map(|p| (p.0, p.2.as_str())).collect();
    let mut table = Table::new("review_conditions", &CONDITION_COLUMNS);
    for (review, vendor, product, text, owner, due_on, status) in rows {
        let subject = product
            .and_then(|p| product_names.get(&p))
            .or_else(|| vendor.and_then(|v| vendor_names.get(&v)))
            .copied();
        table.rows.push(vec![
            Cell::Integer(i64::from(review)),
            Cell::opt_text(subject),
            Cell::Text(text),
            Cell::Text(owner),
            Cell::Date(due_on),
            Cell::Text(status),
        ]);
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::xlsx::{column_message_id, sheet_message_id};
    use crate::i18n::{Lang, message_ids};

    #[test]
    fn every_sheet_and_column_has_a_header_in_both_languages() {
        for lang in Lang::ALL {
            let ids = message_ids(lang);
            let tables: [(&str, &[Column]); 4] = [
                ("vendors", &VENDOR_COLUMNS),
                ("products", &PRODUCT_COLUMNS),
                ("incidents", &INCIDENT_COLUMNS),
                ("review_conditions", &CONDITION_COLUMNS),
            ];
            for (table, columns) in tables {
                assert!(TABLE_NAMES.contains(&table));
                let sheet = sheet_message_id(table);
                assert!(ids.contains(&sheet), "{sheet} in {lang:?}");
                let title = crate::i18n::translate(lang, &sheet, &[]);
                assert!(
                    title.chars().count() <= 31
                        && !title.contains(['[', ']', ':', '*', '?', '/', '\\'])
                );
                for c in columns {
                    let id = column_message_id(c.name);
                    assert!(ids.contains(&id), "{id} in {lang:?}");
                }
            }
        }
    }
}
