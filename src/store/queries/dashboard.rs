//! The dashboard's read model: the portfolio by tier and grade, the score distribution, the
//! biggest score drops over 30 and 90 days, products needing action and sources nobody cites.
//! Scores come from stored snapshots; a date without any is scored in memory (never written:
//! the dashboard is a read-only page).

use super::PageRequest;
use super::evidence::ScoringData;
use super::overview::overview;
use super::recommendations::recommend_input_from;
use crate::domain::Tier;
use crate::domain::recommend::{Recommendation, RecommendationConfig, needing_action};
use crate::domain::scoring::{ScoreBook, ScoringConfig, Subject};
use crate::domain::views::Overview;
use crate::store::error::parse_stored;
use crate::store::schema::{citations, products, score_snapshots, sources, vendors};
use crate::store::{DbConnection, StoreError};
use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Dashboards kept in memory by a server, by (date asked, today), while the knowledge base's
/// generation stands.
pub type DashboardCache = crate::store::cache::Cached<(Option<NaiveDate>, NaiveDate), Dashboard>;

/// The grade columns of the heat map, the last for subjects without a grade.
pub const GRADE_COLUMNS: [&str; 7] = ["A", "B", "C", "D", "E", "F", "unknown"];

/// One subject's score on a date.
#[derive(Debug, Clone)]
pub struct ScorePoint {
    pub score: f64,
    pub grade: Option<String>,
    pub unknown: bool,
}

impl ScorePoint {
    /// The heat-map column: the grade letter, or "unknown".
    pub fn column(&self) -> &str {
        match (&self.grade, self.unknown) {
            (Some(g), false) => g,
            _ => "unknown",
        }
    }
}

/// Every subject's score on one date, and where it comes from.
#[derive(Debug, Clone)]
pub struct ScoresOn {
    pub date: NaiveDate,
    /// Scored in memory because no snapshot was stored for the date.
    pub computed: bool,
    pub scores: BTreeMap<Subject, ScorePoint>,
}

/// A heat-map row: one tier, the number of vendors in each grade column.
#[derive(Debug, Clone)]
pub struct HeatRow {
    pub tier: Tier,
    pub cells: Vec<(&'static str, i64)>,
    pub total: i64,
}

/// A subject whose score fell over a window.
#[derive(Debug, Clone)]
pub struct ScoreDrop {
    /// "vendor" or "product".
    pub kind: &'static str,
    pub name: String,
    /// The vendor or product page.
    pub href: String,
    pub before: f64,
    pub after: f64,
    /// Negative: the fall in score points.
    pub change: f64,
}

/// The drops over one window (30 or 90 days).
#[derive(Debug, Clone)]
pub struct DropWindow {
    pub days: i64,
    /// The date compared with: a stored snapshot's, or the exact date scored in memory.
    pub since: NaiveDate,
    pub computed: bool,
    pub drops: Vec<ScoreDrop>,
}

/// A source that no citation quotes yet.
#[derive(Debug, Clone)]
pub struct UncitedSource {
    pub id: i32,
    pub title: String,
    pub publisher: String,
    pub language: String,
}

/// Everything the dashboard shows.
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub overview: Overview,
    /// The scores shown and their date.
    pub scores: ScoresOn,
    pub heat: Vec<HeatRow>,
    /// Vendors with a known score in each tenth of the scale (0–10, ..., 90–100).
    pub histogram: [i64; 10],
    /// Vendors whose score is unknown (not in the histogram).
    pub unknown_vendors: i64,
    pub windows: Vec<DropWindow>,
    /// Recommendations other than retain, the most drastic first.
    pub needing_action: Vec<Recommendation>,
    pub uncited_sources: Vec<UncitedSource>,
}

/// (vendor id, product id, score, grade, unknown) of a stored snapshot.
type StoredScore = (Option<i32>, Option<i32>, f64, Option<String>, bool);

/// The most drops listed per window.
const MAX_DROPS: usize = 10;
/// A stored snapshot within this many days of a window's start stands for it.
const SNAPSHOT_SLACK: i64 = 3;

/// Builds the dashboard. `as_of`: a chosen date (stored snapshots of that date, or scored in
/// memory); `None`: the latest stored snapshots up to `today`.
pub fn dashboard(
    conn: &mut DbConnection,
    data: &ScoringData,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
    scoring: &ScoringConfig,
    recommending: &RecommendationConfig,
) -> Result<Dashboard, StoreError> {
    conn.transaction(|conn| {
        let scores = match as_of {
            Some(date) => scores_on(conn, date, 0, scoring, data)?,
            None => match latest_stored_date(conn, today, &scoring.model_version)? {
                Some(date) => scores_on(conn, date, 0, scoring, data)?,
                None => scores_on(conn, today, 0, scoring, data)?,
            },
        };
        let names = Names::load(conn)?;
        let mut windows = Vec::new();
        for days in [30, 90] {
            let target = scores.date - Duration::days(days);
            let before = scores_on(conn, target, SNAPSHOT_SLACK, scoring, data)?;
            windows.push(DropWindow {
                days,
                since: before.date,
                computed: before.computed,
                drops: drops(&before, &scores, &names),
            });
        }
        let (heat, histogram, unknown_vendors) = spread(&scores, &names)?;
        let input = recommend_input_from(conn, data, scores.date, scoring)?;
        let needing_action =
            needing_action(&input, recommending, PageRequest::DEFAULT_LIMIT as usize);
        Ok(Dashboard {
            overview: overview(conn)?,
            heat,
            histogram,
            unknown_vendors,
            windows,
            needing_action,
            uncited_sources: uncited_sources(conn)?,
            scores,
        })
    })
}

/// The latest date up to `today` with stored snapshots of this model.
fn latest_stored_date(
    conn: &mut DbConnection,
    today: NaiveDate,
    model_version: &str,
) -> Result<Option<NaiveDate>, StoreError> {
    Ok(score_snapshots::table
        .filter(score_snapshots::model_version.eq(model_version))
        .filter(score_snapshots::as_of.le(today))
        .select(diesel::dsl::max(score_snapshots::as_of))
        .first::<Option<NaiveDate>>(conn)?)
}

/// The scores stored nearest `date` (within `slack` days), or else scored in memory as of
/// `date` from the scoring data.
fn scores_on(
    conn: &mut DbConnection,
    date: NaiveDate,
    slack: i64,
    config: &ScoringConfig,
    data: &ScoringData,
) -> Result<ScoresOn, StoreError> {
    let dates: Vec<NaiveDate> = score_snapshots::table
        .filter(score_snapshots::model_version.eq(&config.model_version))
        .filter(score_snapshots::as_of.ge(date - Duration::days(slack)))
        .filter(score_snapshots::as_of.le(date + Duration::days(slack)))
        .select(score_snapshots::as_of)
        .distinct()
        .load(conn)?;
    if let Some(stored) = dates
        .into_iter()
        .min_by_key(|d| ((*d - date).num_days().abs(), *d))
    {
        let rows: Vec<StoredScore> = score_snapshots::table
            .filter(score_snapshots::model_version.eq(&config.model_version))
            .filter(score_snapshots::as_of.eq(stored))
            .select((
                score_snapshots::vendor_id,
                score_snapshots::product_id,
                score_snapshots::score,
                score_snapshots::grade,
                score_snapshots::unknown,
            ))
            .load(conn)?;
        let scores = rows
            .into_iter()
            .filter_map(|(v, p, score, grade, unknown)| {
                let subject = match (v, p) {
                    (Some(v), _) => Subject::Vendor(v),
                    (None, Some(p)) => Subject::Product(p),
                    (None, None) => return None,
                };
                Some((
                    subject,
                    ScorePoint {
                        score,
                        grade,
                        unknown,
                    },
                ))
            })
            .collect();
        return Ok(ScoresOn {
            date: stored,
            computed: false,
            scores,
        });
    }
    let book = ScoreBook::new(&data.input, date, config);
    let scores = book
        .subjects()
        .iter()
        .filter_map(|s| {
            let t = book.explain(*s)?;
            Some((
                *s,
                ScorePoint {
                    score: t.score,
                    grade: t.grade.map(|g| g.as_str().to_owned()),
                    unknown: t.unknown,
                },
            ))
        })
        .collect();
    Ok(ScoresOn {
        date,
        computed: true,
        scores,
    })
}

/// Names, tiers and page links of vendors and products.
struct Names {
    /// id → (slug, name, tier)
    vendors: HashMap<i32, (String, String, String)>,
    /// id → (slug, name, vendor slug)
    products: HashMap<i32, (String, String, String)>,
}

impl Names {
    fn load(conn: &mut DbConnection) -> Result<Names, StoreError> {
        let vendors: HashMap<i32, (String, String, String)> = vendors::table
            .select((vendors::id, vendors::slug, vendors::name, vendors::tier))
            .load::<(i32, String, String, String)>(conn)?
            .into_iter()
            .map(|(id, s, n, t)| (id, (s, n, t)))
            .collect();
        let products = products::table
            .inner_join(vendors::table)
            .select((products::id, products::slug, products::name, vendors::slug))
            .load::<(i32, String, String, String)>(conn)?
            .into_iter()
            .map(|(id, s, n, v)| (id, (s, n, v)))
            .collect();
        Ok(Names { vendors, products })
    }

    fn describe(&self, subject: Subject) -> Option<(&'static str, String, String)> {
        match subject {
            Subject::Vendor(id) => {
                let (slug, name, _) = self.vendors.get(&id)?;
                Some(("vendor", name.clone(), format!("/vendors/{slug}")))
            }
            Subject::Product(id) => {
                let (slug, name, vendor) = self.products.get(&id)?;
                Some((
                    "product",
                    name.clone(),
                    format!("/vendors/{vendor}#product-{slug}"),
                ))
            }
        }
    }
}

/// Subjects scored (and known) on both dates whose score fell, the largest fall first.
fn drops(before: &ScoresOn, after: &ScoresOn, names: &Names) -> Vec<ScoreDrop> {
    let mut list: Vec<ScoreDrop> = after
        .scores
        .iter()
        .filter_map(|(subject, now)| {
            let then = before.scores.get(subject)?;
            let change = now.score - then.score;
            if now.unknown || then.unknown || change > -0.05 {
                return None;
            }
            let (kind, name, href) = names.describe(*subject)?;
            Some(ScoreDrop {
                kind,
                name,
                href,
                before: then.score,
                after: now.score,
                change,
            })
        })
        .collect();
    list.sort_by(|a, b| a.change.total_cmp(&b.change).then(a.name.cmp(&b.name)));
    list.truncate(MAX_DROPS);
    list
}

/// The heat map rows, the score histogram and the vendors without a score.
type Spread = (Vec<HeatRow>, [i64; 10], i64);

/// The tier × grade counts and the score histogram of every vendor.
fn spread(scores: &ScoresOn, names: &Names) -> Result<Spread, StoreError> {
    let mut counts: HashMap<(Tier, &str), i64> = HashMap::new();
    let mut histogram = [0_i64; 10];
    let mut unknown = 0;
    for (id, (_, _, tier)) in &names.vendors {
        let tier: Tier = parse_stored("vendors.tier", tier)?;
        let point = scores.scores.get(&Subject::Vendor(*id));
        let column = point.map_or("unknown", ScorePoint::column);
        let column = GRADE_COLUMNS
            .iter()
            .find(|c| **c == column)
            .copied()
            .unwrap_or("unknown");
        *counts.entry((tier, column)).or_default() += 1;
        match point {
            Some(p) if !p.unknown => {
                let bin = ((p.score / 10.0).floor() as i64).clamp(0, 9) as usize;
                histogram[bin] += 1;
            }
            _ => unknown += 1,
        }
    }
    let heat = Tier::ALL
        .iter()
        .map(|tier| {
            let cells: Vec<(&'static str, i64)> = GRADE_COLUMNS
                .iter()
                .map(|c| (*c, counts.get(&(*tier, *c)).copied().unwrap_or(0)))
                .collect();
            HeatRow {
                tier: *tier,
                total: cells.iter().map(|(_, n)| n).sum(),
                cells,
            }
        })
        .collect();
    Ok((heat, histogram, unknown))
}

/// Sources no citation quotes, by title.
fn uncited_sources(conn: &mut DbConnection) -> Result<Vec<UncitedSource>, StoreError> {
    let rows: Vec<(i32, String, String, String)> = sources::table
        .filter(diesel::dsl::not(diesel::dsl::exists(
            citations::table.filter(citations::source_id.eq(sources::id)),
        )))
        .select((
            sources::id,
            sources::title,
            sources::publisher,
            sources::language,
        ))
        .order((sources::title, sources::id))
        .limit(PageRequest::DEFAULT_LIMIT)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, title, publisher, language)| UncitedSource {
            id,
            title,
            publisher,
            language,
        })
        .collect())
}
