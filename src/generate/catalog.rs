//! Synthetic categories, vendors (marked synthetic), their 2–3 products, and dependencies:
//! each vendor relies on products of vendors generated before it (chains many hops deep).

use super::sql::{Writer, date, opt_date, text};
use super::{GenShape, SLUG_PREFIX, base, day, index, one_in, pick, stream, weighted};
use crate::domain::synthetic::SplitMix64;
use crate::domain::{Criticality, Tier, VendorStatus};
use crate::store::StoreError;

const CATEGORIES: [&str; 20] = [
    "Identity and access management",
    "Endpoint protection",
    "Network monitoring",
    "Email security",
    "Cloud hosting",
    "Backup and recovery",
    "Payroll",
    "Customer relationship management",
    "Enterprise resource planning",
    "Collaboration",
    "Observability",
    "Databases",
    "Payments",
    "HR information systems",
    "Source code hosting",
    "Build and deployment",
    "Content delivery",
    "IT service management",
    "Data warehousing",
    "Log management",
];
const ROOTS: [&str; 20] = [
    "Nor", "Vel", "Ast", "Cor", "Lum", "Zen", "Kal", "Ory", "Tri", "Sel", "Bra", "Qua", "Fen",
    "Hal", "Mir", "Pax", "Ryn", "Tor", "Ulv", "Xan",
];
const MIDDLES: [&str; 8] = ["a", "e", "i", "o", "ix", "en", "ar", "el"];
const ENDS: [&str; 15] = [
    "tek", "vex", "data", "soft", "ware", "line", "grid", "core", "sys", "net", "labs", "mind",
    "path", "loop", "bit",
];
const SUFFIXES: [&str; 10] = [
    "Systems",
    "Software",
    "Technologies",
    "Inc.",
    "Labs",
    "Group",
    "Cloud",
    "Networks",
    "Solutions",
    "& O'Neil",
];
const NOUNS: [&str; 15] = [
    "Gateway",
    "Vault",
    "Agent",
    "Console",
    "Suite",
    "Monitor",
    "Directory",
    "Mail",
    "Backup",
    "Analytics",
    "Connect",
    "Edge",
    "Identity",
    "Ledger",
    "Pipeline",
];

/// What later families need to know of the catalog.
pub(super) struct Catalog {
    pub(super) shape: GenShape,
    vendor_base: i64,
    product_base: i64,
    /// Each vendor's short name ("Norvex") and full name ("Norvex Systems").
    pub(super) vendor_names: Vec<(String, String)>,
    /// Each vendor's first product (an index into the products) and how many it has.
    pub(super) vendor_products: Vec<(usize, usize)>,
    /// The vendors that depend on each vendor's products.
    pub(super) dependents: Vec<Vec<u32>>,
}

impl Catalog {
    pub(super) fn vendor_id(&self, vendor: usize) -> i64 {
        self.vendor_base + vendor as i64 + 1
    }

    pub(super) fn product_id(&self, product: usize) -> i64 {
        self.product_base + product as i64 + 1
    }

    /// One of the vendor's products (an index).
    pub(super) fn product_of(&self, rng: &mut SplitMix64, vendor: usize) -> usize {
        let (first, n) = self.vendor_products[vendor];
        first + index(rng, n)
    }
}

/// A vendor's short name: "Nor" + "e" + "vex" → "Norevex".
fn vendor_name(rng: &mut SplitMix64) -> (String, String) {
    let short = format!(
        "{}{}{}",
        pick(rng, &ROOTS),
        pick(rng, &MIDDLES),
        pick(rng, &ENDS)
    );
    let full = format!("{short} {}", pick(rng, &SUFFIXES));
    (short, full)
}

pub(super) fn write(
    w: &mut Writer<'_>,
    shape: &GenShape,
    seed: u64,
    bases: &[i64; 13],
) -> Result<Catalog, StoreError> {
    let mut rng = stream(seed, 1);
    let category_base = base(bases, "categories");
    let rows: Vec<String> = (0..shape.categories)
        .map(|c| {
            let id = category_base + c as i64 + 1;
            let family = CATEGORIES[c % CATEGORIES.len()];
            let (name, parent) = match c / CATEGORIES.len() {
                0 => (family.to_owned(), "NULL".to_owned()),
                n => (
                    format!("{family}, segment {}", n + 1),
                    (category_base + (c % CATEGORIES.len()) as i64 + 1).to_string(),
                ),
            };
            format!(
                "({id}, '{SLUG_PREFIX}c{}', {}, {parent}, 'Synthetic category.')",
                c + 1,
                text(&name)
            )
        })
        .collect();
    w.insert(
        "writing categories",
        "categories",
        "id, slug, name, parent_id, description",
        &rows,
    )?;

    let mut catalog = Catalog {
        shape: *shape,
        vendor_base: base(bases, "vendors"),
        product_base: base(bases, "products"),
        vendor_names: Vec::with_capacity(shape.vendors),
        vendor_products: Vec::with_capacity(shape.vendors),
        dependents: vec![Vec::new(); shape.vendors],
    };
    let yes = w.truth();
    let mut rows = Vec::with_capacity(shape.vendors);
    for v in 0..shape.vendors {
        let names = vendor_name(&mut rng);
        let tier = weighted(
            &mut rng,
            &[
                (Tier::Critical, 10),
                (Tier::High, 25),
                (Tier::Medium, 40),
                (Tier::Low, 25),
            ],
        );
        let status = weighted(
            &mut rng,
            &[
                (VendorStatus::Active, 80),
                (VendorStatus::Prospect, 8),
                (VendorStatus::UnderReview, 6),
                (VendorStatus::Offboarding, 3),
                (VendorStatus::Offboarded, 3),
            ],
        );
        let slug = format!("{SLUG_PREFIX}v{}", v + 1);
        rows.push(format!(
            "({}, '{slug}', {}, '{}', '{}', 'https://{slug}.example.com', {}, {yes})",
            catalog.vendor_id(v),
            text(&names.1),
            tier.as_str(),
            status.as_str(),
            text(&format!(
                "{} makes software and services (synthetic, seed {seed}).",
                names.1
            )),
        ));
        catalog.vendor_names.push(names);
    }
    w.insert(
        "writing vendors",
        "vendors",
        "id, slug, name, tier, status, website, description, synthetic",
        &rows,
    )?;

    let mut rows = Vec::with_capacity(shape.vendors * 3);
    for v in 0..shape.vendors {
        let n = 2 + index(&mut rng, 2);
        catalog.vendor_products.push((rows.len(), n));
        for _ in 0..n {
            let p = rows.len();
            let category = category_base + index(&mut rng, shape.categories) as i64 + 1;
            let name = format!("{} {}", catalog.vendor_names[v].0, pick(&mut rng, &NOUNS));
            rows.push(format!(
                "({}, '{SLUG_PREFIX}p{}', {}, {category}, {}, NULL)",
                catalog.product_id(p),
                p + 1,
                catalog.vendor_id(v),
                text(&name)
            ));
        }
    }
    w.insert(
        "writing products",
        "products",
        "id, slug, vendor_id, category_id, name, description",
        &rows,
    )?;
    let products = rows.len();

    let criticality = |rng: &mut SplitMix64| {
        weighted(
            rng,
            &[
                (Criticality::Critical, 10),
                (Criticality::High, 25),
                (Criticality::Medium, 40),
                (Criticality::Low, 25),
            ],
        )
    };
    let period = |rng: &mut SplitMix64| {
        let since = day(rng.below(4 * 365));
        let until = one_in(rng, 10)
            .then(|| since.checked_add_days(chrono::Days::new(30 + rng.below(500))))
            .flatten();
        (since, until)
    };
    let mut rows = Vec::with_capacity(shape.vendors * 2 + shape.in_use);
    // Supply chains: each vendor relies on products of 1 or 2 vendors made shortly before it,
    // which rely on earlier ones in turn.
    for v in 1..shape.vendors {
        for _ in 0..1 + index(&mut rng, 2) {
            let upstream = v - 1 - index(&mut rng, v.min(40));
            let product = catalog.product_of(&mut rng, upstream);
            let (since, until) = period(&mut rng);
            let c = criticality(&mut rng);
            catalog.dependents[upstream].push(u32::try_from(v).unwrap_or(u32::MAX));
            rows.push(format!(
                "({}, {}, {}, {}, '{}', 'Runs part of its service on it.')",
                catalog.vendor_id(v),
                catalog.product_id(product),
                date(since),
                opt_date(until),
                c.as_str()
            ));
        }
    }
    // Our own inventory (no consumer vendor): `in_use` products spread over the catalog,
    // the later vendors' first (the ends of the longest chains).
    let step = (products / shape.in_use.max(1)).max(1);
    for p in (0..products).rev().step_by(step).take(shape.in_use) {
        let (since, until) = period(&mut rng);
        let c = criticality(&mut rng);
        rows.push(format!(
            "(NULL, {}, {}, {}, '{}', 'In use in our organisation.')",
            catalog.product_id(p),
            date(since),
            opt_date(until),
            c.as_str()
        ));
    }
    let dep_base = base(bases, "dependencies");
    let rows: Vec<String> = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| format!("({}, {}", dep_base + i as i64 + 1, &row[1..]))
        .collect();
    w.insert(
        "writing dependencies",
        "dependencies",
        "id, consumer_vendor_id, product_id, since, until, criticality, purpose",
        &rows,
    )?;
    Ok(catalog)
}
