//! The portfolio as typed tables for the spreadsheet and CSV exports: vendors, products,
//! incidents and open review conditions, each loaded in one bulk query; scores are the
//! latest stored snapshots and decisions come from the recommendation engine's rule table.

use super::listing::latest_snapshot_date;
use super::recommendations::decisions_in_use;
use crate::domain::recommend::{Decision, RecommendationConfig};
use crate::domain::scoring::ScoringConfig;
use crate::domain::table::{Cell, Column, ColumnKind, Table};
use crate::domain::{
    ConditionStatus, DatePrecision, IncidentKind, InvolvementRole, Tier, VendorStatus,
};
use crate::i18n::{Arg, Lang, translate};
use crate::store::error::{parse_stored, stored_date_opt};
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

/// How the closed-vocabulary cells (tier, status, incident kind, decision, involvement role,
/// condition status, the "unknown" grade) are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    /// The stored machine values (`supply_chain_compromise`): CSV, stable for scripts.
    Machine,
    /// The catalogue's labels in this language ("Compromission de la chaîne
    /// d'approvisionnement"): the XLSX workbook, read by people.
    Labels(Lang),
}

impl Wording {
    /// A value of a closed vocabulary: its machine form, or the label of its message.
    fn term(self, machine: &str, message_id: &str) -> String {
        match self {
            Wording::Machine => machine.to_owned(),
            Wording::Labels(lang) => translate(lang, message_id, &[]),
        }
    }

    fn decision(self, d: Decision) -> String {
        self.term(d.as_str(), d.message_id())
    }

    /// "replace: 2" (machine), "Remplacer : 2" (French).
    fn decision_count(self, d: Decision, count: usize) -> String {
        match self {
            Wording::Machine => format!("{}: {count}", d.as_str()),
            Wording::Labels(lang) => translate(
                lang,
                "exports-decision-count",
                &[
                    ("decision", Arg::Text(self.decision(d))),
                    ("count", Arg::Text(count.to_string())),
                ],
            ),
        }
    }
}

/// Loads the portfolio; decisions are those of products in use on `as_of`, closed
/// vocabularies written as `wording` says.
pub fn load_portfolio(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    scoring: &ScoringConfig,
    recommendation: &RecommendationConfig,
    wording: Wording,
) -> Result<Portfolio, StoreError> {
    conn.transaction(|conn| {
        let scores = latest_scores(conn, &scoring.model_version)?;
        let decisions = decisions_in_use(conn, as_of, scoring, recommendation)?;
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
        let products = product_table(&product_rows, &vendor_slugs, &scores, &decisions, wording);
        let vendors = vendor_table(&vendor_rows, &product_rows, &scores, &decisions, wording)?;
        let incidents = incident_table(conn, &vendor_rows, &product_rows, wording)?;
        let conditions = condition_table(conn, &vendor_rows, &product_rows, wording)?;
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
fn score_cells(score: Option<&SnapshotSummary>, wording: Wording) -> [Cell; 3] {
    let Some(s) = score else {
        return [Cell::Empty, Cell::Empty, Cell::Empty];
    };
    let grade = match (&s.grade, s.unknown) {
        (Some(g), false) => g.clone(),
        _ => wording.term("unknown", "grade-unknown"),
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
    decisions: &BTreeMap<String, Decision>,
    wording: Wording,
) -> Result<Table, StoreError> {
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
        let [s, g, u] = score_cells(score, wording);
        let summary = counts.get(&v.id).map(|c| {
            c.iter()
                .map(|(d, n)| wording.decision_count(d.0, *n))
                .collect::<Vec<_>>()
                .join(", ")
        });
        let tier: Tier = parse_stored("vendors.tier", &v.tier)?;
        let status: VendorStatus = parse_stored("vendors.status", &v.status)?;
        table.rows.push(vec![
            Cell::Text(v.slug.clone()),
            Cell::Text(v.name.clone()),
            Cell::Text(wording.term(tier.as_str(), tier.message_id())),
            Cell::Text(wording.term(status.as_str(), status.message_id())),
            s,
            g,
            u,
            Cell::opt_date(score.map(|s| s.as_of)),
            Cell::opt_text(summary),
        ]);
    }
    Ok(table)
}

fn product_table(
    rows: &[(i32, String, String, i32, String)],
    vendor_slugs: &HashMap<i32, &str>,
    scores: &Scores,
    decisions: &BTreeMap<String, Decision>,
    wording: Wording,
) -> Table {
    let mut table = Table::new("products", &PRODUCT_COLUMNS);
    for (id, slug, name, vendor, category) in rows {
        let [s, g, u] = score_cells(scores.products.get(id), wording);
        table.rows.push(vec![
            Cell::Text(slug.clone()),
            Cell::Text(name.clone()),
            Cell::opt_text(vendor_slugs.get(vendor).copied()),
            Cell::Text(category.clone()),
            s,
            g,
            u,
            Cell::opt_text(decisions.get(slug).map(|d| wording.decision(*d))),
        ]);
    }
    table
}

fn incident_table(
    conn: &mut DbConnection,
    vendors: &[VendorRow],
    products: &[(i32, String, String, i32, String)],
    wording: Wording,
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
            let role: InvolvementRole = parse_stored("incident_involvements.role", &i.role)?;
            let role = wording.term(role.as_str(), role.message_id());
            parties
                .entry(i.incident_id)
                .or_default()
                .push(format!("{name} ({role})"));
        }
    }
    let mut table = Table::new("incidents", &INCIDENT_COLUMNS);
    for r in rows {
        let kind: IncidentKind = parse_stored("incidents.kind", &r.kind)?;
        table.rows.push(vec![
            Cell::Text(r.slug),
            Cell::Text(r.title),
            Cell::Text(wording.term(kind.as_str(), kind.message_id())),
            Cell::Integer(i64::from(r.severity)),
            date_cell(
                "incidents.discovered_precision",
                r.discovered_on,
                &r.discovered_precision,
            )?,
            date_cell(
                "incidents.disclosed_precision",
                r.disclosed_on,
                &r.disclosed_precision,
            )?,
            date_cell(
                "incidents.resolved_precision",
                r.resolved_on,
                &r.resolved_precision,
            )?,
            Cell::opt_text(parties.remove(&r.id).map(|p| p.join("; "))),
        ]);
    }
    Ok(table)
}

/// A stored date at its precision: a typed date when known to the day, else its ISO form as
/// text ("2021-01", "2020"), never a day the source does not give.
fn date_cell(column: &str, date: Option<NaiveDate>, precision: &str) -> Result<Cell, StoreError> {
    Ok(match stored_date_opt(column, date, precision)? {
        None => Cell::Empty,
        Some(d) if d.precision == DatePrecision::Day => Cell::Date(d.date),
        Some(d) => Cell::Text(d.iso()),
    })
}

/// Review conditions still open, the earliest due first, with the review's subject.
fn condition_table(
    conn: &mut DbConnection,
    vendors: &[VendorRow],
    products: &[(i32, String, String, i32, String)],
    wording: Wording,
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
        let status: ConditionStatus = parse_stored("review_conditions.status", &status)?;
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
            Cell::Text(wording.term(status.as_str(), status.message_id())),
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
            for id in ["exports-decision-count", "grade-unknown"] {
                assert!(ids.iter().any(|i| i == id), "{id} in {lang:?}");
            }
        }
    }

    #[test]
    fn labels_for_people_machine_values_for_scripts() {
        let fr = Wording::Labels(Lang::Fr);
        assert_eq!(
            fr.decision_count(Decision::Replace, 2),
            "Remplacer\u{a0}: 2"
        );
        assert_eq!(
            Wording::Labels(Lang::En).decision_count(Decision::RetainWithControls, 1),
            "Retain with controls: 1"
        );
        assert_eq!(
            Wording::Machine.decision_count(Decision::RetainWithControls, 1),
            "retain_with_controls: 1"
        );
        assert_eq!(fr.term("critical", Tier::Critical.message_id()), "Critique");
        assert_eq!(
            Wording::Machine.term("critical", "enum-Tier-critical"),
            "critical"
        );
    }

    #[test]
    fn partial_dates_are_text_at_their_precision() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            date_cell("c", d("2021-01-31"), "month").unwrap(),
            Cell::Text("2021-01".into())
        );
        assert_eq!(
            date_cell("c", d("2020-12-31"), "year").unwrap(),
            Cell::Text("2020".into())
        );
        assert_eq!(
            date_cell("c", d("2021-03-16"), "day").unwrap(),
            Cell::Date(d("2021-03-16").unwrap())
        );
        assert_eq!(date_cell("c", None, "month").unwrap(), Cell::Empty);
        assert!(
            date_cell("c", d("2021-01-12"), "month").is_err(),
            "not a period end"
        );
    }
}
