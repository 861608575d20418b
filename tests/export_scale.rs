//! The portfolio export at scale (docs/performance.md, "Portfolio export"): a deterministic
//! synthetic base in SQLite, timed; ignored by default, run in release with --ignored.

mod common;

use common::TestDb;
use diesel::RunQueryDsl;
use std::time::Instant;
use trustkb::domain::recommend::RecommendationConfig;
use trustkb::domain::scoring::ScoringConfig;
use trustkb::domain::synthetic::SplitMix64;
use trustkb::export::xlsx::to_xlsx;
use trustkb::i18n::Lang;
use trustkb::store::DbConnection;
use trustkb::store::queries::portfolio::{Wording, load_portfolio};
use trustkb::store::queries::recommendations::{decisions_in_use, recommendations_in_use};

/// The shape of the base: `TRUSTKB_SCALE_VENDORS` vendors (10,000 by default) with two
/// products each, a quarter of the products in our inventory.
struct Shape {
    vendors: usize,
    categories: usize,
    in_use: usize,
    vendor_dependencies: usize,
    incidents: usize,
    assessments: usize,
}

impl Shape {
    fn from_env() -> Shape {
        let vendors = std::env::var("TRUSTKB_SCALE_VENDORS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10_000);
        Shape {
            vendors,
            categories: 40,
            in_use: vendors / 2,
            vendor_dependencies: vendors,
            incidents: vendors / 5,
            assessments: vendors / 5,
        }
    }
}

const TIERS: [&str; 4] = ["critical", "high", "medium", "low"];
const KINDS: [&str; 4] = [
    "supply_chain_compromise",
    "intrusion",
    "data_breach",
    "outage",
];
const ROLES: [&str; 3] = ["origin", "conduit", "victim"];
const STANCES: [&str; 5] = [
    "strongly-disagree",
    "disagree",
    "neutral",
    "agree",
    "strongly-agree",
];
const ACTIONS: [&str; 4] = ["NULL", "'replace'", "'monitor'", "'retain'"];

/// Inserts `rows` (each a parenthesised tuple) 500 at a time.
fn insert(conn: &mut DbConnection, head: &str, rows: Vec<String>) {
    for chunk in rows.chunks(500) {
        diesel::sql_query(format!("INSERT INTO {head} VALUES {}", chunk.join(",")))
            .execute(conn)
            .expect("insert synthetic rows");
    }
}

fn pick<'a>(rng: &mut SplitMix64, values: &[&'a str]) -> &'a str {
    values[usize::try_from(rng.below(values.len() as u64)).unwrap()]
}

/// A day within `days` before 2026-06-01.
fn day(rng: &mut SplitMix64, days: u64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    (base - chrono::Duration::days(rng.below(days) as i64)).to_string()
}

fn build(conn: &mut DbConnection, s: &Shape) {
    let mut rng = SplitMix64::new(2021);
    let products = s.vendors * 2;
    let id = |rng: &mut SplitMix64, n: usize| rng.below(n as u64) + 1;
    insert(
        conn,
        "categories (id, slug, name)",
        (1..=s.categories)
            .map(|c| format!("({c}, 'c{c}', 'Category {c}')"))
            .collect(),
    );
    let vendors = (1..=s.vendors)
        .map(|v| {
            let tier = pick(&mut rng, &TIERS);
            format!("({v}, 'v{v}', 'Vendor {v}', '{tier}', 'active', 1)")
        })
        .collect();
    insert(
        conn,
        "vendors (id, slug, name, tier, status, synthetic)",
        vendors,
    );
    let rows = (1..=products)
        .map(|p| {
            let c = id(&mut rng, s.categories);
            format!("({p}, 'p{p}', {}, {c}, 'Product {p}')", p.div_ceil(2))
        })
        .collect();
    insert(
        conn,
        "products (id, slug, vendor_id, category_id, name)",
        rows,
    );
    // Our inventory: `in_use` distinct products, a tenth dropped in the last 200 days.
    let mut rows = Vec::new();
    for p in (1..=products)
        .step_by(products / s.in_use.max(1))
        .take(s.in_use)
    {
        let until = if rng.below(10) == 0 {
            format!("'{}'", day(&mut rng, 200))
        } else {
            "NULL".into()
        };
        let c = pick(&mut rng, &TIERS);
        rows.push(format!("(NULL, {p}, '2020-01-01', {until}, '{c}')"));
    }
    for _ in 0..s.vendor_dependencies {
        let (v, p, c) = (
            id(&mut rng, s.vendors),
            id(&mut rng, products),
            pick(&mut rng, &TIERS),
        );
        rows.push(format!("({v}, {p}, '2020-01-01', NULL, '{c}')"));
    }
    insert(
        conn,
        "dependencies (consumer_vendor_id, product_id, since, until, criticality)",
        rows,
    );
    let mut incidents = Vec::new();
    let mut involvements = Vec::new();
    for i in 1..=s.incidents {
        let (kind, severity, on) = (
            pick(&mut rng, &KINDS),
            rng.below(5) + 1,
            day(&mut rng, 3 * 365),
        );
        incidents.push(format!(
            "({i}, 'i{i}', 'Incident {i}', '{kind}', {severity}, '{on}', 'Synthetic.')"
        ));
        for _ in 0..=rng.below(3) {
            let v = id(&mut rng, s.vendors);
            let p = if rng.below(2) == 0 {
                format!("{}", v * 2 - 1)
            } else {
                "NULL".into()
            };
            involvements.push(format!("({i}, {v}, {p}, '{}')", pick(&mut rng, &ROLES)));
        }
    }
    insert(
        conn,
        "incidents (id, slug, title, kind, severity, disclosed_on, summary)",
        incidents,
    );
    insert(
        conn,
        "incident_involvements (incident_id, vendor_id, product_id, role)",
        involvements,
    );
    insert(
        conn,
        "analysts (id, slug, name)",
        (1..=50)
            .map(|a| format!("({a}, 'a{a}', 'Analyst {a}')"))
            .collect(),
    );
    let assessments = (1..=s.assessments)
        .map(|a| {
            let (analyst, subject) = (id(&mut rng, 50), id(&mut rng, s.vendors));
            let (vendor, product) = if rng.below(2) == 0 {
                (subject.to_string(), "NULL".to_owned())
            } else {
                ("NULL".to_owned(), (subject * 2 - 1).to_string())
            };
            let (on, stance, action) = (day(&mut rng, 3 * 365), pick(&mut rng, &STANCES), pick(&mut rng, &ACTIONS));
            format!("('s{a}', {analyst}, {vendor}, {product}, '{on}', '{stance}', {action}, 'Quote.', 'en')")
        })
        .collect();
    insert(
        conn,
        "assessments (slug, analyst_id, vendor_id, product_id, assessed_on, stance, favoured_action, quote, quote_language)",
        assessments,
    );
}

/// The peak resident memory of this process so far, from /proc (Linux), in MiB.
fn peak_mib() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_owned();
            let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{} MiB", kib / 1024))
        })
        .unwrap_or_else(|| "unknown".into())
}

/// `TRUSTKB_SCALE_VENDORS=10000 cargo test --release --test export_scale -- --ignored
/// --nocapture`; `TRUSTKB_SCALE_FULL_ENGINE=1` also times the full engine and compares.
#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn portfolio_export_at_scale() {
    let shape = Shape::from_env();
    let db = TestDb::sqlite();
    let mut conn = db.connect();
    let started = Instant::now();
    build(&mut conn, &shape);
    println!(
        "built {} vendors in {:.1?}",
        shape.vendors,
        started.elapsed()
    );
    let (scoring, config) = (ScoringConfig::default(), RecommendationConfig::default());
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();

    let started = Instant::now();
    let decisions = decisions_in_use(&mut conn, as_of, &scoring, &config).unwrap();
    println!(
        "decisions_in_use: {} products in {:.2?}",
        decisions.len(),
        started.elapsed()
    );

    let started = Instant::now();
    let portfolio = load_portfolio(
        &mut conn,
        as_of,
        &scoring,
        &config,
        Wording::Labels(Lang::En),
    )
    .unwrap();
    let loaded = started.elapsed();
    let bytes = to_xlsx(&portfolio.tables(), Lang::En).unwrap();
    println!(
        "export: load_portfolio {loaded:.2?}, XLSX {} bytes, total {:.2?}, peak memory {}",
        bytes.len(),
        started.elapsed(),
        peak_mib()
    );

    if std::env::var("TRUSTKB_SCALE_FULL_ENGINE").is_ok_and(|v| v == "1") {
        let started = Instant::now();
        let full = recommendations_in_use(&mut conn, as_of, &scoring, &config).unwrap();
        println!(
            "recommendations_in_use (full engine): {} products in {:.2?}, peak memory {}",
            full.len(),
            started.elapsed(),
            peak_mib()
        );
        let full: std::collections::BTreeMap<String, _> =
            full.into_iter().map(|r| (r.product, r.decision)).collect();
        assert_eq!(decisions, full, "the decision alone is the full engine's");
    }
    assert!(!decisions.is_empty());
}
