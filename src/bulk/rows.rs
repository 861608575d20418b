//! Checking the rows of a bulk import: every cell parsed into the domain's value types and
//! every reference resolved (by slug or name, in the file or the knowledge base), each
//! problem kept with its row and column.

use super::layout::BulkTable;
use super::read::{RawCell, RawRow, RawTable};
use super::{ColumnAt, RowError};
use crate::domain::{Criticality, Line, PartialDate, Slug, Text, Tier, VendorStatus, WebUrl};
use crate::i18n::{Lang, Message, translate};
use crate::store::pack::date::PackDate;
use crate::store::pack::format::{ORGANISATION_CONSUMER, PackDependency, PackProduct, PackVendor};
use std::collections::{HashMap, HashSet};
use std::str::FromStr;

/// Records of one kind already known, by slug and by lower-case name: those of the knowledge
/// base, then those of the file as its rows are read.
#[derive(Debug, Clone, Default)]
pub struct Names {
    slugs: HashSet<String>,
    names: HashMap<String, String>,
}

impl Names {
    /// Records known as (slug, name).
    pub fn new(records: impl IntoIterator<Item = (String, String)>) -> Names {
        let mut names = Names::default();
        for (slug, name) in records {
            names.insert(&slug, &name);
        }
        names
    }

    fn insert(&mut self, slug: &str, name: &str) {
        self.slugs.insert(slug.to_owned());
        self.names
            .entry(name.trim().to_lowercase())
            .or_insert_with(|| slug.to_owned());
    }

    /// The slug a cell names: a known slug as it is, else a known name (case ignored).
    fn resolve(&self, value: &str) -> Option<String> {
        if self.slugs.contains(value) {
            return Some(value.to_owned());
        }
        self.names.get(&value.trim().to_lowercase()).cloned()
    }
}

/// What the knowledge base holds already.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub vendors: Names,
    pub products: Names,
    pub categories: Names,
    /// Dependencies as (consumer slug or `@organisation`, product slug).
    pub dependencies: HashSet<(String, String)>,
}

/// The checked rows, with their spreadsheet row numbers.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub vendors: Vec<(usize, PackVendor)>,
    pub products: Vec<(usize, PackProduct)>,
    pub dependencies: Vec<(usize, PackDependency)>,
}

/// Checks every row of `tables` against `known`; the rows when all are right, else every
/// problem found.
pub fn check_rows(tables: &[RawTable], known: &Known) -> Result<Checked, Vec<RowError>> {
    let mut checker = Checker {
        known: known.clone(),
        file_vendors: HashMap::new(),
        file_products: HashMap::new(),
        file_dependencies: HashMap::new(),
        errors: Vec::new(),
        checked: Checked::default(),
    };
    for table in BulkTable::ALL {
        for raw in tables.iter().filter(|t| t.table == table) {
            for row in &raw.rows {
                let mut r = Row {
                    raw,
                    row,
                    errors: Vec::new(),
                };
                match table {
                    BulkTable::Vendors => checker.vendor(&mut r),
                    BulkTable::Products => checker.product(&mut r),
                    BulkTable::Dependencies => checker.dependency(&mut r),
                }
                checker.errors.append(&mut r.errors);
            }
        }
    }
    if checker.errors.is_empty() {
        Ok(checker.checked)
    } else {
        Err(checker.errors)
    }
}

struct Checker {
    known: Known,
    /// Slugs defined by the file, with their row, for "also on row N".
    file_vendors: HashMap<String, usize>,
    file_products: HashMap<String, usize>,
    file_dependencies: HashMap<(String, String), usize>,
    errors: Vec<RowError>,
    checked: Checked,
}

/// One row being checked, collecting its problems.
struct Row<'a> {
    raw: &'a RawTable,
    row: &'a RawRow,
    errors: Vec<RowError>,
}

impl Row<'_> {
    fn index(&self, column: &str) -> usize {
        self.raw
            .table
            .columns()
            .iter()
            .position(|c| c.name == column)
            .unwrap_or(usize::MAX)
    }

    fn at(&self, column: &str) -> ColumnAt {
        self.raw
            .columns
            .get(self.index(column))
            .cloned()
            .flatten()
            .unwrap_or(ColumnAt {
                letter: String::new(),
                header: column.to_owned(),
            })
    }

    fn error(&mut self, column: &str, reason: impl Into<Message>) {
        self.errors.push(RowError {
            table: Some(self.raw.table),
            row: Some(self.row.number),
            column: Some(self.at(column)),
            reason: reason.into(),
        });
    }

    fn cell(&self, column: &str) -> &RawCell {
        self.row
            .cells
            .get(self.index(column))
            .unwrap_or(&RawCell::Empty)
    }

    /// The cell as text; numbers without a needless `.0`.
    fn text(&self, column: &str) -> Option<String> {
        match self.cell(column) {
            RawCell::Empty => None,
            RawCell::Text(t) => Some(t.clone()),
            RawCell::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
                Some(format!("{}", *x as i64))
            }
            RawCell::Number(x) => Some(x.to_string()),
            RawCell::Date(d) => Some(d.to_string()),
        }
    }

    /// A required cell's text, or a "required" problem.
    fn required(&mut self, column: &str) -> Option<String> {
        let value = self.text(column);
        if value.is_none() {
            self.error(column, Message::new("imports-err-required"));
        }
        value
    }

    /// An optional cell parsed by `parse`, or its problem.
    fn parsed<T, E: Into<Message>>(
        &mut self,
        column: &str,
        parse: impl FnOnce(String) -> Result<T, E>,
    ) -> Option<T> {
        let text = self.text(column)?;
        parse(text).map_err(|e| self.error(column, e)).ok()
    }

    /// A required cell parsed by `parse`.
    fn required_parsed<T, E: Into<Message>>(
        &mut self,
        column: &str,
        parse: impl FnOnce(String) -> Result<T, E>,
    ) -> Option<T> {
        let text = self.required(column)?;
        parse(text).map_err(|e| self.error(column, e)).ok()
    }

    /// A date cell: a real date, or text at day, month or year precision.
    fn date(&mut self, column: &str) -> Option<PackDate> {
        let parsed = match self.cell(column) {
            RawCell::Empty => return None,
            RawCell::Date(d) => Ok(PartialDate::day(*d)),
            _ => PartialDate::parse(&self.text(column).unwrap_or_default()),
        };
        parsed.map(PackDate).map_err(|e| self.error(column, e)).ok()
    }
}

/// A vocabulary value given as its stored form (`under_review`) or its label in English or
/// French ("Under review", "En cours d'examen"), case ignored.
fn vocabulary<E: Copy + FromStr<Err = crate::domain::UnknownValue>>(
    all: &[E],
    message_id: impl Fn(E) -> &'static str,
) -> impl Fn(String) -> Result<E, Message> {
    move |text: String| {
        let wanted = text.trim().to_lowercase();
        if let Ok(value) = E::from_str(&wanted) {
            return Ok(value);
        }
        all.iter()
            .copied()
            .find(|v| {
                [Lang::En, Lang::Fr]
                    .into_iter()
                    .any(|lang| translate(lang, message_id(*v), &[]).to_lowercase() == wanted)
            })
            .ok_or_else(|| {
                E::from_str(&text)
                    .err()
                    .map_or_else(|| Message::verbatim(text.clone()), Message::from)
            })
    }
}

impl Checker {
    /// The slug of a new record: the `slug` cell, else one made of the name; refused when the
    /// an earlier row or the knowledge base has it (the file's
    /// records join `taken` as they are read, so the file is asked first).
    fn new_slug(
        r: &mut Row<'_>,
        name: Option<&str>,
        taken: &Names,
        in_file: &HashMap<String, usize>,
    ) -> Option<Slug> {
        let (column, text) = match r.text("slug") {
            Some(s) => ("slug", s),
            None => ("name", crate::stix::import::slugify(name?)),
        };
        let slug = match Slug::parse(text.as_str()) {
            Ok(s) => s,
            Err(e) => {
                r.error(column, Message::from(e));
                return None;
            }
        };
        if let Some(first) = in_file.get(slug.as_str()) {
            r.error(
                column,
                Message::new("imports-err-twice")
                    .with("slug", slug.as_str())
                    .with("row", *first as i64),
            );
            return None;
        }
        if taken.slugs.contains(slug.as_str()) {
            r.error(
                column,
                Message::new("imports-err-exists").with("slug", slug.as_str()),
            );
            return None;
        }
        Some(slug)
    }

    fn vendor(&mut self, r: &mut Row<'_>) {
        let name = r.required_parsed("name", Line::parse);
        let slug = Self::new_slug(
            r,
            name.as_ref().map(Line::as_str),
            &self.known.vendors,
            &self.file_vendors,
        );
        let tier = r.required_parsed("tier", vocabulary(Tier::ALL, Tier::message_id));
        let status = r.required_parsed(
            "status",
            vocabulary(VendorStatus::ALL, VendorStatus::message_id),
        );
        let website = r.parsed("website", WebUrl::parse);
        let description = r.parsed("description", Text::parse);
        if let (Some(slug), Some(name)) = (&slug, &name) {
            // Later rows may refer to this vendor even when the row is wrong elsewhere.
            self.file_vendors
                .insert(slug.as_str().to_owned(), r.row.number);
            self.known.vendors.insert(slug.as_str(), name.as_str());
        }
        if let (Some(slug), Some(name), Some(tier), Some(status), true) =
            (slug, name, tier, status, r.errors.is_empty())
        {
            self.checked.vendors.push((
                r.row.number,
                PackVendor {
                    slug,
                    name,
                    tier,
                    status,
                    website,
                    description,
                    synthetic: false,
                    citations: Vec::new(),
                },
            ));
        }
    }

    fn product(&mut self, r: &mut Row<'_>) {
        let vendor = self.reference(r, "vendor", Ref::Vendor);
        let name = r.required_parsed("name", Line::parse);
        let slug = Self::new_slug(
            r,
            name.as_ref().map(Line::as_str),
            &self.known.products,
            &self.file_products,
        );
        let category = self.reference(r, "category", Ref::Category);
        let description = r.parsed("description", Text::parse);
        if let (Some(slug), Some(name)) = (&slug, &name) {
            self.file_products
                .insert(slug.as_str().to_owned(), r.row.number);
            self.known.products.insert(slug.as_str(), name.as_str());
        }
        if let (Some(slug), Some(vendor), Some(name), Some(category), true) =
            (slug, vendor, name, category, r.errors.is_empty())
        {
            self.checked.products.push((
                r.row.number,
                PackProduct {
                    slug,
                    vendor,
                    name,
                    category,
                    description,
                    citations: Vec::new(),
                },
            ));
        }
    }

    fn dependency(&mut self, r: &mut Row<'_>) {
        let consumer = match r.required("consumer") {
            Some(c) if c.trim().eq_ignore_ascii_case(ORGANISATION_CONSUMER) => {
                Some(ORGANISATION_CONSUMER.to_owned())
            }
            Some(_) => self.reference(r, "consumer", Ref::Vendor).map(String::from),
            None => None,
        };
        let product = self.reference(r, "product", Ref::Product);
        let criticality = r.required_parsed(
            "criticality",
            vocabulary(Criticality::ALL, Criticality::message_id),
        );
        let since = r.date("since");
        let until = r.date("until");
        if let (Some(s), Some(u)) = (since, until)
            && u.date() < s.date()
        {
            r.error("until", Message::new("imports-err-until-before-since"));
        }
        let purpose = r.parsed("purpose", Text::parse);
        let (Some(consumer), Some(product)) = (consumer, product) else {
            return;
        };
        let pair = (consumer.clone(), product.as_str().to_owned());
        if self.known.dependencies.contains(&pair) {
            r.error(
                "product",
                Message::new("imports-err-dependency-exists")
                    .with("consumer", consumer.as_str())
                    .with("product", product.as_str()),
            );
        } else if let Some(first) = self.file_dependencies.get(&pair) {
            r.error(
                "product",
                Message::new("imports-err-dependency-twice").with("row", *first as i64),
            );
        } else {
            self.file_dependencies.insert(pair, r.row.number);
        }
        if let (Some(criticality), true) = (criticality, r.errors.is_empty()) {
            self.checked.dependencies.push((
                r.row.number,
                PackDependency {
                    consumer,
                    product,
                    since,
                    until,
                    criticality,
                    purpose,
                    citations: Vec::new(),
                },
            ));
        }
    }

    /// A required reference cell resolved to a slug, or its problem.
    fn reference(&self, r: &mut Row<'_>, column: &str, to: Ref) -> Option<Slug> {
        let value = r.required(column)?;
        let names = match to {
            Ref::Vendor => &self.known.vendors,
            Ref::Product => &self.known.products,
            Ref::Category => &self.known.categories,
        };
        match names.resolve(&value).map(Slug::parse) {
            Some(Ok(slug)) => Some(slug),
            _ => {
                r.error(
                    column,
                    Message::new(to.unknown_id()).with("value", value.as_str()),
                );
                None
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Ref {
    Vendor,
    Product,
    Category,
}

impl Ref {
    fn unknown_id(self) -> &'static str {
        match self {
            Ref::Vendor => "imports-err-unknown-vendor",
            Ref::Product => "imports-err-unknown-product",
            Ref::Category => "imports-err-unknown-category",
        }
    }
}
