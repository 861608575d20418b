//! Dependencies curated in the browser: a vendor (or our organisation) uses a product. Each
//! create, edit or delete writes its audit record and rescores, in one transaction.

use super::delete::Reference;
use super::lookup::{Choice, known_id, known_opt, product_id, vendor_id};
use super::references::add_citations;
use super::rescore::scores_before;
use super::score_report::{DEPENDENCY_RESCORE, Rescored, rescore_and_report};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::domain::{Criticality, DatePrecision, PartialDate, Slug, Text};
use crate::store::audit::{record_create, record_delete, record_update};
use crate::store::error::{OrNotFound, parse_stored, stored_date_opt};
use crate::store::insert::{NewDependency, insert_returning_id};
use crate::store::pack::format::ORGANISATION_CONSUMER;
use crate::store::rows::{CitedRecord, DependencyRow};
use crate::store::schema::{dependencies, products, vendors};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::{Value, json};

/// The audit trail's name for dependencies (entity id: database id; label: consumer →
/// product, as pack imports write it).
pub const DEPENDENCY: &str = "dependency";

/// A dependency, validated (dates in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DependencyValues {
    /// The consuming vendor; `None` is our own organisation.
    pub consumer: Option<Slug>,
    pub product: Slug,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub criticality: Criticality,
    pub purpose: Option<Text>,
}

fn consumer_key(consumer: Option<&str>) -> &str {
    consumer.unwrap_or(ORGANISATION_CONSUMER)
}

impl DependencyValues {
    fn label(&self) -> String {
        let consumer = consumer_key(self.consumer.as_ref().map(Slug::as_str));
        format!("{consumer} → {}", self.product)
    }

    fn audit_view(&self) -> Value {
        json!({
            "consumer": consumer_key(self.consumer.as_ref().map(Slug::as_str)),
            "product": self.product, "since": self.since, "until": self.until,
            "criticality": self.criticality, "purpose": self.purpose,
        })
    }
}

/// A stored dependency, as its forms and pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDependency {
    pub id: i32,
    /// `None`: our own organisation.
    pub consumer: Option<Choice>,
    pub product: Choice,
    /// The vendor supplying the product.
    pub supplier: Choice,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub criticality: Criticality,
    pub purpose: Option<String>,
}

impl StoredDependency {
    /// The vendor page that lists it: its consumer's, else its supplier's.
    pub fn vendor_slug(&self) -> &str {
        self.consumer
            .as_ref()
            .unwrap_or(&self.supplier)
            .slug
            .as_str()
    }

    fn label(&self) -> String {
        let consumer = consumer_key(self.consumer.as_ref().map(|c| c.slug.as_str()));
        format!("{consumer} → {}", self.product.slug)
    }

    fn audit_view(&self) -> Value {
        json!({
            "consumer": consumer_key(self.consumer.as_ref().map(|c| c.slug.as_str())),
            "product": self.product.slug, "since": self.since, "until": self.until,
            "criticality": self.criticality, "purpose": self.purpose,
        })
    }
}

fn choice_of(conn: &mut DbConnection, vendor: i32) -> Result<Choice, StoreError> {
    let (slug, name) = vendors::table
        .find(vendor)
        .select((vendors::slug, vendors::name))
        .first::<(String, String)>(conn)?;
    Ok(Choice { slug, name })
}

/// The dependency with this id; not found when there is none.
pub fn stored_dependency(conn: &mut DbConnection, id: i32) -> Result<StoredDependency, StoreError> {
    let row: DependencyRow = dependencies::table
        .find(id)
        .select(DependencyRow::as_select())
        .first(conn)
        .or_not_found("dependency", id.to_string())?;
    let (product_slug, product_name, supplier_id): (String, String, i32) = products::table
        .find(row.product_id)
        .select((products::slug, products::name, products::vendor_id))
        .first(conn)?;
    let consumer = row
        .consumer_vendor_id
        .map(|v| choice_of(conn, v))
        .transpose()?;
    Ok(StoredDependency {
        id,
        consumer,
        product: Choice {
            slug: product_slug,
            name: product_name,
        },
        supplier: choice_of(conn, supplier_id)?,
        since: stored_date_opt(
            "dependencies.since_precision",
            row.since,
            &row.since_precision,
        )?,
        until: stored_date_opt(
            "dependencies.until_precision",
            row.until,
            &row.until_precision,
        )?,
        criticality: parse_stored("dependencies.criticality", &row.criticality)?,
        purpose: row.purpose,
    })
}

/// The consumer's and the product's ids, or the fields refused (no such vendor or product).
fn resolve(
    conn: &mut DbConnection,
    v: &DependencyValues,
) -> Result<Checked<(Option<i32>, i32)>, StoreError> {
    let mut refused = Refused::default();
    let no_vendor = ("consumer", "dep-err-no-vendor");
    let consumer = known_opt(
        conn,
        vendor_id,
        v.consumer.as_ref(),
        no_vendor,
        &mut refused,
    )?;
    let no_product = ("product", "dep-err-no-product");
    let product = known_id(conn, product_id, &v.product, no_product, &mut refused)?;
    match product {
        Some(product) if refused.is_empty() => Ok(Ok((consumer, product))),
        _ => Ok(Err(refused)),
    }
}

fn precision(d: Option<PartialDate>) -> &'static str {
    d.map_or(DatePrecision::Day, |d| d.precision).as_str()
}

/// Records a new dependency and rescores as of `today`; returns its id and the score
/// changes, or the fields refused.
pub fn create_dependency(
    conn: &mut DbConnection,
    actor: &Actor,
    v: &DependencyValues,
    scoring: (&ScoringConfig, NaiveDate),
    now: NaiveDateTime,
) -> Result<Checked<(i32, Rescored)>, StoreError> {
    conn.write_transaction(|conn| {
        let (consumer, product) = match resolve(conn, v)? {
            Ok(ids) => ids,
            Err(refused) => return Ok(Err(refused)),
        };
        let before = scores_before(conn, scoring)?;
        let row = NewDependency {
            consumer_vendor_id: consumer,
            product_id: product,
            since: v.since.map(|d| d.date),
            until: v.until.map(|d| d.date),
            criticality: v.criticality.as_str(),
            purpose: v.purpose.as_ref().map(Text::as_str),
            since_precision: precision(v.since),
            until_precision: precision(v.until),
        };
        let id = insert_returning_id!(&mut *conn, dependencies, &row)?;
        let label = v.label();
        record_create(conn, actor, (DEPENDENCY, id, &label), v.audit_view(), now)?;
        let mut named: Vec<Subject> = consumer.map(Subject::Vendor).into_iter().collect();
        named.push(Subject::Product(product));
        let about = (DEPENDENCY_RESCORE, id, label.as_str());
        rescore_and_report(conn, actor, about, (&before, &named), scoring, now)
            .map(|rescored| Ok((id, rescored)))
    })
}

/// Changes dependency `id` and rescores; `None` when nothing changed (nothing written).
/// A missing dependency is not found.
pub fn update_dependency(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    v: &DependencyValues,
    scoring: (&ScoringConfig, NaiveDate),
    now: NaiveDateTime,
) -> Result<Checked<Option<Rescored>>, StoreError> {
    conn.write_transaction(|conn| {
        let old = stored_dependency(conn, id)?;
        let (consumer, product) = match resolve(conn, v)? {
            Ok(ids) => ids,
            Err(refused) => return Ok(Err(refused)),
        };
        let (before_view, after_view) = (old.audit_view(), v.audit_view());
        if before_view == after_view {
            return Ok(Ok(None));
        }
        let before = scores_before(conn, scoring)?;
        diesel::update(dependencies::table.find(id))
            .set((
                dependencies::consumer_vendor_id.eq(consumer),
                dependencies::product_id.eq(product),
                dependencies::since.eq(v.since.map(|d| d.date)),
                dependencies::until.eq(v.until.map(|d| d.date)),
                dependencies::since_precision.eq(precision(v.since)),
                dependencies::until_precision.eq(precision(v.until)),
                dependencies::criticality.eq(v.criticality.as_str()),
                dependencies::purpose.eq(v.purpose.as_ref().map(Text::as_str)),
            ))
            .execute(conn)?;
        let label = v.label();
        let views = (before_view, after_view);
        record_update(conn, actor, (DEPENDENCY, id, &label), views, now)?;
        let mut named = vec![Subject::Product(product)];
        named.extend(consumer.map(Subject::Vendor));
        let about = (DEPENDENCY_RESCORE, id, label.as_str());
        rescore_and_report(conn, actor, about, (&before, &named), scoring, now).map(|r| Ok(Some(r)))
    })
}

/// What references dependency `id`: its citations.
pub fn dependency_references(
    conn: &mut DbConnection,
    id: i32,
) -> Result<Vec<Reference>, StoreError> {
    let mut list = Vec::new();
    let cited = (CitedRecord::Dependency, id);
    add_citations(conn, &mut list, "curated-ref-citations", cited)?;
    Ok(list)
}

/// Deletes dependency `id` (audited, rescored) when nothing references it; otherwise writes
/// nothing and returns what references it. A missing dependency is not found.
pub fn delete_dependency(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    scoring: (&ScoringConfig, NaiveDate),
    now: NaiveDateTime,
) -> Result<Result<Rescored, Vec<Reference>>, StoreError> {
    conn.write_transaction(|conn| {
        let old = stored_dependency(conn, id)?;
        let references = dependency_references(conn, id)?;
        if !references.is_empty() {
            return Ok(Err(references));
        }
        let before = scores_before(conn, scoring)?;
        diesel::delete(dependencies::table.find(id)).execute(conn)?;
        let label = old.label();
        record_delete(conn, actor, (DEPENDENCY, id, &label), old.audit_view(), now)?;
        let about = (DEPENDENCY_RESCORE, id, label.as_str());
        rescore_and_report(conn, actor, about, (&before, &[]), scoring, now).map(Ok)
    })
}
