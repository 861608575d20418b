//! Importing a loaded pack in one transaction: references resolve against the pack and the
//! database, every problem is collected with its file, record and field, and any problem rolls back.

use super::date::{date_of, precision_of};
use super::error::{PackError, PackIssue};
use super::format::*;
use super::load::LoadedPack;
use crate::domain::text::locate_excerpt;
use crate::domain::{Slug, check_date_order};
use crate::store::insert::*;
use crate::store::schema::{categories, imported_packs};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use std::collections::HashMap;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub pack: String,
    /// (kind, number of records created), in import order.
    pub created: Vec<(&'static str, usize)>,
}

impl ImportReport {
    pub fn total(&self) -> usize {
        self.created.iter().map(|(_, n)| n).sum()
    }
}

/// Whether a pack of that name was imported, and when.
pub fn imported_at(
    conn: &mut DbConnection,
    name: &str,
) -> Result<Option<NaiveDateTime>, StoreError> {
    Ok(imported_packs::table
        .filter(imported_packs::name.eq(name))
        .select(imported_packs::imported_at)
        .first(conn)
        .optional()?)
}

/// Imports the pack, all or nothing.
pub fn import_pack(
    conn: &mut DbConnection,
    pack: &LoadedPack,
    now: NaiveDateTime,
) -> Result<ImportReport, PackError> {
    conn.transaction(|conn| {
        if let Some(at) = imported_at(conn, &pack.name)? {
            return Err(PackError::AlreadyImported {
                name: pack.name.clone(),
                at: at.format("%Y-%m-%d %H:%M UTC").to_string(),
            });
        }
        let mut importer = Importer::new(conn);
        importer.check_duplicates(pack)?;
        importer.run(pack)?;
        if !importer.issues.is_empty() {
            return Err(PackError::Invalid(importer.issues));
        }
        let created = importer.created;
        diesel::insert_into(imported_packs::table)
            .values(NewImportedPack {
                name: &pack.name,
                digest: &pack.digest,
                imported_at: now,
            })
            .execute(conn)?;
        Ok(ImportReport {
            pack: pack.name.clone(),
            created,
        })
    })
}

/// The kinds of record a pack refers to by slug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Source,
    Category,
    Vendor,
    Product,
    Incident,
    Firm,
    Analyst,
    Remediation,
    Assessment,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Category => "category",
            Kind::Vendor => "vendor",
            Kind::Product => "product",
            Kind::Incident => "incident",
            Kind::Firm => "analyst firm",
            Kind::Analyst => "analyst",
            Kind::Remediation => "remediation",
            Kind::Assessment => "assessment",
        }
    }

    /// Finds an existing record's id by slug.
    fn lookup(self, conn: &mut DbConnection, slug: &str) -> QueryResult<Option<i32>> {
        use crate::store::schema::*;
        macro_rules! by_slug {
            ($t:ident) => {
                $t::table
                    .filter($t::slug.eq(slug))
                    .select($t::id)
                    .first::<i32>(conn)
                    .optional()
            };
        }
        match self {
            Kind::Source => by_slug!(sources),
            Kind::Category => by_slug!(categories),
            Kind::Vendor => by_slug!(vendors),
            Kind::Product => by_slug!(products),
            Kind::Incident => by_slug!(incidents),
            Kind::Firm => by_slug!(analyst_firms),
            Kind::Analyst => by_slug!(analysts),
            Kind::Remediation => by_slug!(remediations),
            Kind::Assessment => by_slug!(assessments),
        }
    }
}

/// Where a record sits, for messages.
#[derive(Debug, Clone)]
struct At {
    file: String,
    record: String,
}

impl At {
    fn new(file: &str, section: &str, index: usize, slug: Option<&str>) -> Self {
        let record = match slug {
            Some(s) => format!("{section}[{}] \"{s}\"", index + 1),
            None => format!("{section}[{}]", index + 1),
        };
        At {
            file: file.to_owned(),
            record,
        }
    }

    fn child(&self, section: &str, index: usize) -> Self {
        At {
            file: self.file.clone(),
            record: format!("{} > {section}[{}]", self.record, index + 1),
        }
    }
}

/// Which record a citation supports.
#[derive(Debug, Clone, Copy)]
enum Target {
    Vendor(i32),
    Product(i32),
    Dependency(i32),
    Incident(i32),
    Involvement(i32),
    TimelineEvent(i32),
    Cause(i32),
    Remediation(i32),
    Analyst(i32),
    Assessment(i32),
}

struct Importer<'c> {
    conn: &'c mut DbConnection,
    /// slug → id; `None` marks a record defined in the pack but refused (no second report).
    ids: HashMap<(Kind, String), Option<i32>>,
    /// Full text of each source known so far (pack or database), by slug.
    texts: HashMap<String, Option<String>>,
    issues: Vec<PackIssue>,
    created: Vec<(&'static str, usize)>,
}

impl<'c> Importer<'c> {
    fn new(conn: &'c mut DbConnection) -> Self {
        Importer {
            conn,
            ids: HashMap::new(),
            texts: HashMap::new(),
            issues: Vec::new(),
            created: Vec::new(),
        }
    }

    fn issue(&mut self, at: &At, field: &str, message: impl Into<String>) {
        self.issues.push(PackIssue {
            file: at.file.clone(),
            line: None,
            record: Some(at.record.clone()),
            field: Some(field.to_owned()),
            message: message.into(),
        });
    }

    fn count(&mut self, kind: &'static str) {
        match self.created.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => self.created.push((kind, 1)),
        }
    }

    /// Refuses slugs defined twice in the pack or already in the database.
    fn check_duplicates(&mut self, pack: &LoadedPack) -> Result<(), PackError> {
        let mut seen: HashMap<(Kind, String), String> = HashMap::new();
        for file in &pack.files {
            let d = &file.doc;
            let slugs = d
                .sources
                .iter()
                .map(|r| (Kind::Source, "sources", &r.slug))
                .chain(
                    d.categories
                        .iter()
                        .map(|r| (Kind::Category, "categories", &r.slug)),
                )
                .chain(d.vendors.iter().map(|r| (Kind::Vendor, "vendors", &r.slug)))
                .chain(
                    d.products
                        .iter()
                        .map(|r| (Kind::Product, "products", &r.slug)),
                )
                .chain(
                    d.incidents
                        .iter()
                        .map(|r| (Kind::Incident, "incidents", &r.slug)),
                )
                .chain(
                    d.remediations
                        .iter()
                        .map(|r| (Kind::Remediation, "remediations", &r.slug)),
                )
                .chain(
                    d.analyst_firms
                        .iter()
                        .map(|r| (Kind::Firm, "analyst_firms", &r.slug)),
                )
                .chain(
                    d.analysts
                        .iter()
                        .map(|r| (Kind::Analyst, "analysts", &r.slug)),
                )
                .chain(
                    d.assessments
                        .iter()
                        .map(|r| (Kind::Assessment, "assessments", &r.slug)),
                );
            let mut index: HashMap<&str, usize> = HashMap::new();
            for (kind, section, slug) in slugs {
                let i = index.entry(section).or_default();
                let at = At::new(&file.path, section, *i, Some(slug.as_str()));
                *i += 1;
                let key = (kind, slug.to_string());
                if let Some(first) = seen.get(&key) {
                    let msg = format!(
                        "duplicate {} slug \"{slug}\" (first defined at {first})",
                        kind.label()
                    );
                    self.issue(&at, "slug", msg);
                } else if kind.lookup(self.conn, slug.as_str())?.is_some() {
                    let msg = format!("{} \"{slug}\" already exists in the database", kind.label());
                    self.issue(&at, "slug", msg);
                } else {
                    seen.insert(key, format!("{}: {}", at.file, at.record));
                }
            }
        }
        Ok(())
    }

    /// Resolves a reference; records an issue when it is unknown.
    fn resolve(
        &mut self,
        kind: Kind,
        slug: &Slug,
        at: &At,
        field: &str,
    ) -> Result<Option<i32>, PackError> {
        let key = (kind, slug.to_string());
        if let Some(known) = self.ids.get(&key) {
            return Ok(*known);
        }
        let found = kind.lookup(self.conn, slug.as_str())?;
        match found {
            Some(id) => {
                self.ids.insert(key, Some(id));
            }
            None => self.issue(at, field, format!("unknown {} \"{slug}\"", kind.label())),
        }
        Ok(found)
    }

    fn resolve_opt(
        &mut self,
        kind: Kind,
        slug: Option<&Slug>,
        at: &At,
        field: &str,
    ) -> Result<Option<i32>, PackError> {
        match slug {
            Some(s) => self.resolve(kind, s, at, field),
            None => Ok(None),
        }
    }

    /// Records the id given to a new record (or `None` if it was refused).
    fn define(&mut self, kind: Kind, slug: &Slug, id: Option<i32>) {
        self.ids.insert((kind, slug.to_string()), id);
    }

    fn run(&mut self, pack: &LoadedPack) -> Result<(), PackError> {
        for f in &pack.files {
            self.sources(&f.doc.sources)?;
        }
        for f in &pack.files {
            self.categories(&f.doc.categories)?;
        }
        for f in &pack.files {
            self.category_parents(&f.path, &f.doc.categories, &pack.all_categories())?;
        }
        for f in &pack.files {
            self.vendors(&f.path, &f.doc.vendors)?;
        }
        for f in &pack.files {
            self.products(&f.path, &f.doc.products)?;
        }
        for f in &pack.files {
            self.firms(&f.path, &f.doc.analyst_firms)?;
        }
        for f in &pack.files {
            self.analysts(&f.path, &f.doc.analysts)?;
        }
        // Incidents first, then what refers to them (causes may point forward).
        for f in &pack.files {
            self.incidents(&f.path, &f.doc.incidents)?;
        }
        for f in &pack.files {
            self.incident_children(&f.path, &f.doc.incidents)?;
            self.dependencies(&f.path, &f.doc.dependencies)?;
            self.remediations(&f.path, &f.doc.remediations)?;
            self.assessments(&f.path, &f.doc.assessments)?;
        }
        Ok(())
    }

    fn ok(&self) -> bool {
        self.issues.is_empty()
    }

    fn sources(&mut self, records: &[PackSource]) -> Result<(), PackError> {
        for r in records {
            self.texts.insert(r.slug.to_string(), r.text.clone());
            if !self.ok() {
                self.define(Kind::Source, &r.slug, None);
                continue;
            }
            let row = NewSource {
                slug: r.slug.as_str(),
                title: r.title.as_str(),
                publisher: r.publisher.as_str(),
                url: r.url.as_ref().map(|u| u.as_str()),
                language: r.language.as_str(),
                published_on: date_of(r.published_on),
                published_precision: precision_of(r.published_on),
                reliability: r.reliability.as_str(),
                credibility: r.credibility.get(),
                full_text: r.text.as_deref(),
            };
            let id = insert_returning_id!(&mut *self.conn, sources, &row)?;
            self.define(Kind::Source, &r.slug, Some(id));
            self.count("sources");
        }
        Ok(())
    }

    fn categories(&mut self, records: &[PackCategory]) -> Result<(), PackError> {
        for r in records {
            let row = NewCategory {
                slug: r.slug.as_str(),
                name: r.name.as_str(),
                parent_id: None,
                description: r.description.as_ref().map(|t| t.as_str()),
            };
            if self.ok() {
                let id = insert_returning_id!(&mut *self.conn, categories, &row)?;
                self.define(Kind::Category, &r.slug, Some(id));
                self.count("categories");
            } else {
                self.define(Kind::Category, &r.slug, None);
            }
        }
        Ok(())
    }

    /// Sets parents once every category of the pack exists, refusing cycles.
    fn category_parents(
        &mut self,
        file: &str,
        records: &[PackCategory],
        all: &[PackCategory],
    ) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            let Some(parent) = &r.parent else { continue };
            let at = At::new(file, "categories", i, Some(r.slug.as_str()));
            if self.has_cycle(all, &r.slug) {
                self.issue(
                    &at,
                    "parent",
                    format!("category parents form a cycle through \"{parent}\""),
                );
                continue;
            }
            let parent_id = self.resolve(Kind::Category, parent, &at, "parent")?;
            let own_id = self
                .ids
                .get(&(Kind::Category, r.slug.to_string()))
                .copied()
                .flatten();
            if let (Some(pid), Some(own), true) = (parent_id, own_id, self.ok()) {
                diesel::update(categories::table.find(own))
                    .set(categories::parent_id.eq(pid))
                    .execute(&mut *self.conn)?;
            }
        }
        Ok(())
    }

    fn has_cycle(&self, records: &[PackCategory], start: &Slug) -> bool {
        let parents: HashMap<&str, &str> = records
            .iter()
            .filter_map(|r| r.parent.as_ref().map(|p| (r.slug.as_str(), p.as_str())))
            .collect();
        let mut current = start.as_str();
        for _ in 0..=records.len() {
            match parents.get(current) {
                Some(p) if *p == start.as_str() => return true,
                Some(p) => current = p,
                None => return false,
            }
        }
        true
    }

    fn vendors(&mut self, file: &str, records: &[PackVendor]) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            let at = At::new(file, "vendors", i, Some(r.slug.as_str()));
            let row = NewVendor {
                slug: r.slug.as_str(),
                name: r.name.as_str(),
                tier: r.tier.as_str(),
                status: r.status.as_str(),
                website: r.website.as_ref().map(|u| u.as_str()),
                description: r.description.as_ref().map(|t| t.as_str()),
                synthetic: r.synthetic,
            };
            let id = self.insert_if_ok(|c| insert_returning_id!(c, vendors, &row))?;
            self.define(Kind::Vendor, &r.slug, id);
            self.count_if(id, "vendors");
            self.citations(&at, &r.citations, id.map(Target::Vendor))?;
        }
        Ok(())
    }

    fn products(&mut self, file: &str, records: &[PackProduct]) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            let at = At::new(file, "products", i, Some(r.slug.as_str()));
            let vendor = self.resolve(Kind::Vendor, &r.vendor, &at, "vendor")?;
            let category = self.resolve(Kind::Category, &r.category, &at, "category")?;
            let id = match (vendor, category) {
                (Some(vendor_id), Some(category_id)) => {
                    let row = NewProduct {
                        slug: r.slug.as_str(),
                        vendor_id,
                        category_id,
                        name: r.name.as_str(),
                        description: r.description.as_ref().map(|t| t.as_str()),
                    };
                    self.insert_if_ok(|c| insert_returning_id!(c, products, &row))?
                }
                _ => None,
            };
            self.define(Kind::Product, &r.slug, id);
            self.count_if(id, "products");
            self.citations(&at, &r.citations, id.map(Target::Product))?;
        }
        Ok(())
    }

    fn firms(&mut self, _file: &str, records: &[PackFirm]) -> Result<(), PackError> {
        for r in records {
            let row = NewFirm {
                slug: r.slug.as_str(),
                name: r.name.as_str(),
                website: r.website.as_ref().map(|u| u.as_str()),
            };
            let id = self.insert_if_ok(|c| insert_returning_id!(c, analyst_firms, &row))?;
            self.define(Kind::Firm, &r.slug, id);
            self.count_if(id, "analyst firms");
        }
        Ok(())
    }

    fn analysts(&mut self, file: &str, records: &[PackAnalyst]) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            let at = At::new(file, "analysts", i, Some(r.slug.as_str()));
            let firm = self.resolve_opt(Kind::Firm, r.firm.as_ref(), &at, "firm")?;
            let id = if r.firm.is_some() && firm.is_none() {
                None
            } else {
                let row = NewAnalyst {
                    slug: r.slug.as_str(),
                    firm_id: firm,
                    name: r.name.as_str(),
                    title: r.title.as_ref().map(|t| t.as_str()),
                };
                self.insert_if_ok(|c| insert_returning_id!(c, analysts, &row))?
            };
            self.define(Kind::Analyst, &r.slug, id);
            self.count_if(id, "analysts");
            self.citations(&at, &r.citations, id.map(Target::Analyst))?;
        }
        Ok(())
    }

    fn incidents(&mut self, file: &str, records: &[PackIncident]) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            let at = At::new(file, "incidents", i, Some(r.slug.as_str()));
            let discovered = date_of(r.discovered_on);
            let mut valid = true;
            for (name, date) in [
                ("disclosed_on", r.disclosed_on),
                ("resolved_on", r.resolved_on),
            ] {
                if let Err(e) = check_date_order("discovered_on", discovered, name, date_of(date)) {
                    self.issue(&at, name, e.to_string());
                    valid = false;
                }
            }
            let row = NewIncident {
                slug: r.slug.as_str(),
                title: r.title.as_str(),
                kind: r.kind.as_str(),
                severity: r.severity.get(),
                discovered_on: discovered,
                disclosed_on: date_of(r.disclosed_on),
                resolved_on: date_of(r.resolved_on),
                discovered_precision: precision_of(r.discovered_on),
                disclosed_precision: precision_of(r.disclosed_on),
                resolved_precision: precision_of(r.resolved_on),
                threat_actor: r.threat_actor.as_ref().map(|t| t.as_str()),
                summary: r.summary.as_str(),
            };
            let id = if valid {
                self.insert_if_ok(|c| insert_returning_id!(c, incidents, &row))?
            } else {
                None
            };
            self.define(Kind::Incident, &r.slug, id);
            self.count_if(id, "incidents");
            self.citations(&at, &r.citations, id.map(Target::Incident))?;
        }
        Ok(())
    }

    fn incident_children(&mut self, file: &str, records: &[PackIncident]) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            let at = At::new(file, "incidents", i, Some(r.slug.as_str()));
            let incident = self
                .ids
                .get(&(Kind::Incident, r.slug.to_string()))
                .copied()
                .flatten();
            for (j, inv) in r.involvements.iter().enumerate() {
                let at = at.child("involvements", j);
                if inv.vendor.is_none() && inv.product.is_none() {
                    self.issue(
                        &at,
                        "vendor",
                        "an involvement needs a `vendor`, a `product` or both",
                    );
                    continue;
                }
                let vendor = self.resolve_opt(Kind::Vendor, inv.vendor.as_ref(), &at, "vendor")?;
                let product =
                    self.resolve_opt(Kind::Product, inv.product.as_ref(), &at, "product")?;
                let resolved = inv.vendor.is_none() == vendor.is_none()
                    && inv.product.is_none() == product.is_none();
                let id = match (incident, resolved) {
                    (Some(incident_id), true) => {
                        let row = NewInvolvement {
                            incident_id,
                            vendor_id: vendor,
                            product_id: product,
                            role: inv.role.as_str(),
                            customers_affected: inv.customers_affected.map(|c| c.get()),
                            description: inv.description.as_ref().map(|t| t.as_str()),
                        };
                        self.insert_if_ok(|c| insert_returning_id!(c, incident_involvements, &row))?
                    }
                    _ => None,
                };
                self.count_if(id, "incident involvements");
                self.citations(&at, &inv.citations, id.map(Target::Involvement))?;
            }
            for (j, ev) in r.timeline.iter().enumerate() {
                let at = at.child("timeline", j);
                let id = match incident {
                    Some(incident_id) => {
                        let row = NewTimelineEvent {
                            incident_id,
                            occurred_on: ev.on.date(),
                            occurred_precision: precision_of(Some(ev.on)),
                            title: ev.title.as_str(),
                            description: ev.description.as_ref().map(|t| t.as_str()),
                        };
                        self.insert_if_ok(|c| {
                            insert_returning_id!(c, incident_timeline_events, &row)
                        })?
                    }
                    None => None,
                };
                self.count_if(id, "timeline events");
                self.citations(&at, &ev.citations, id.map(Target::TimelineEvent))?;
            }
            for (j, cause) in r.caused_by.iter().enumerate() {
                let at = at.child("caused_by", j);
                if cause.incident == r.slug {
                    self.issue(&at, "incident", "an incident cannot cause itself");
                    continue;
                }
                if r.caused_by[..j]
                    .iter()
                    .any(|earlier| earlier.incident == cause.incident)
                {
                    self.issue(
                        &at,
                        "incident",
                        format!("\"{}\" is already listed as a cause", cause.incident),
                    );
                    continue;
                }
                let cause_id = self.resolve(Kind::Incident, &cause.incident, &at, "incident")?;
                let id = match (cause_id, incident) {
                    (Some(cause_id), Some(effect_id)) => {
                        let row = NewCause {
                            cause_id,
                            effect_id,
                            description: cause.description.as_ref().map(|t| t.as_str()),
                        };
                        self.insert_if_ok(|c| insert_returning_id!(c, incident_causes, &row))?
                    }
                    _ => None,
                };
                self.count_if(id, "causal links");
                self.citations(&at, &cause.citations, id.map(Target::Cause))?;
            }
        }
        Ok(())
    }

    fn dependencies(&mut self, file: &str, records: &[PackDependency]) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            let at = At::new(file, "dependencies", i, None);
            let consumer = if r.consumer == ORGANISATION_CONSUMER {
                Some(None)
            } else {
                match Slug::parse(r.consumer.as_str()) {
                    Ok(slug) => self
                        .resolve(Kind::Vendor, &slug, &at, "consumer")?
                        .map(Some),
                    Err(_) => {
                        let msg = format!(
                            "\"{}\" is neither a vendor slug nor \"{ORGANISATION_CONSUMER}\"",
                            r.consumer
                        );
                        self.issue(&at, "consumer", msg);
                        None
                    }
                }
            };
            let product = self.resolve(Kind::Product, &r.product, &at, "product")?;
            let (since, until) = (date_of(r.since), date_of(r.until));
            let dates_ok = match check_date_order("since", since, "until", until) {
                Ok(()) => true,
                Err(e) => {
                    self.issue(&at, "until", e.to_string());
                    false
                }
            };
            let id = match (consumer, product, dates_ok) {
                (Some(consumer_vendor_id), Some(product_id), true) => {
                    let row = NewDependency {
                        consumer_vendor_id,
                        product_id,
                        since,
                        until,
                        since_precision: precision_of(r.since),
                        until_precision: precision_of(r.until),
                        criticality: r.criticality.as_str(),
                        purpose: r.purpose.as_ref().map(|t| t.as_str()),
                    };
                    self.insert_if_ok(|c| insert_returning_id!(c, dependencies, &row))?
                }
                _ => None,
            };
            self.count_if(id, "dependencies");
            self.citations(&at, &r.citations, id.map(Target::Dependency))?;
        }
        Ok(())
    }

    fn remediations(&mut self, file: &str, records: &[PackRemediation]) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            let at = At::new(file, "remediations", i, Some(r.slug.as_str()));
            let vendor = self.resolve(Kind::Vendor, &r.vendor, &at, "vendor")?;
            let incident =
                self.resolve_opt(Kind::Incident, r.incident.as_ref(), &at, "incident")?;
            let product = self.resolve_opt(Kind::Product, r.product.as_ref(), &at, "product")?;
            let replacement = self.resolve_opt(
                Kind::Product,
                r.replacement_product.as_ref(),
                &at,
                "replacement_product",
            )?;
            if r.product.is_some() && r.product == r.replacement_product {
                self.issue(
                    &at,
                    "replacement_product",
                    "the replacement must differ from the product",
                );
            }
            let resolved = r.incident.is_none() == incident.is_none()
                && r.product.is_none() == product.is_none()
                && r.replacement_product.is_none() == replacement.is_none();
            let id = match (vendor, resolved) {
                (Some(vendor_id), true) => {
                    let row = NewRemediation {
                        slug: r.slug.as_str(),
                        vendor_id,
                        incident_id: incident,
                        product_id: product,
                        replacement_product_id: replacement,
                        kind: r.kind.as_str(),
                        taken_on: date_of(r.taken_on),
                        taken_precision: precision_of(r.taken_on),
                        description: r.description.as_str(),
                    };
                    self.insert_if_ok(|c| insert_returning_id!(c, remediations, &row))?
                }
                _ => None,
            };
            self.define(Kind::Remediation, &r.slug, id);
            self.count_if(id, "remediations");
            self.citations(&at, &r.citations, id.map(Target::Remediation))?;
        }
        Ok(())
    }

    fn assessments(&mut self, file: &str, records: &[PackAssessment]) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            let at = At::new(file, "assessments", i, Some(r.slug.as_str()));
            let subjects = [
                r.vendor.is_some(),
                r.product.is_some(),
                r.incident.is_some(),
            ];
            let mut valid = true;
            if subjects.iter().filter(|s| **s).count() != 1 {
                self.issue(
                    &at,
                    "vendor",
                    "an assessment needs exactly one subject: `vendor`, `product` or `incident`",
                );
                valid = false;
            }
            if r.translation.is_some() != r.translation_language.is_some() {
                self.issue(
                    &at,
                    "translation_language",
                    "give `translation` and `translation_language` together",
                );
                valid = false;
            }
            let analyst = self.resolve(Kind::Analyst, &r.analyst, &at, "analyst")?;
            let vendor = self.resolve_opt(Kind::Vendor, r.vendor.as_ref(), &at, "vendor")?;
            let product = self.resolve_opt(Kind::Product, r.product.as_ref(), &at, "product")?;
            let incident =
                self.resolve_opt(Kind::Incident, r.incident.as_ref(), &at, "incident")?;
            let subject_found = vendor.is_some() || product.is_some() || incident.is_some();
            let id = match (analyst, valid && subject_found) {
                (Some(analyst_id), true) => {
                    let row = NewAssessment {
                        slug: r.slug.as_str(),
                        analyst_id,
                        vendor_id: vendor,
                        product_id: product,
                        incident_id: incident,
                        assessed_on: r.assessed_on.date(),
                        assessed_precision: precision_of(Some(r.assessed_on)),
                        stance: r.stance.as_str(),
                        favoured_action: r.favoured_action.map(|a| a.as_str()),
                        quote: r.quote.as_str(),
                        quote_language: r.quote_language.as_str(),
                        translation: r.translation.as_ref().map(|t| t.as_str()),
                        translation_language: r.translation_language.as_ref().map(|l| l.as_str()),
                        magic_quadrant: r.magic_quadrant.map(|q| q.as_str()),
                        wave_tier: r.wave_tier.map(|w| w.as_str()),
                    };
                    self.insert_if_ok(|c| insert_returning_id!(c, assessments, &row))?
                }
                _ => None,
            };
            self.define(Kind::Assessment, &r.slug, id);
            self.count_if(id, "assessments");
            self.citations(&at, &r.citations, id.map(Target::Assessment))?;
        }
        Ok(())
    }

    /// Inserts only while no problem has been found (after one, we only look for more).
    fn insert_if_ok(
        &mut self,
        insert: impl FnOnce(&mut DbConnection) -> QueryResult<i32>,
    ) -> Result<Option<i32>, PackError> {
        if !self.ok() {
            return Ok(None);
        }
        Ok(Some(insert(&mut *self.conn)?))
    }

    fn count_if(&mut self, id: Option<i32>, kind: &'static str) {
        if id.is_some() {
            self.count(kind);
        }
    }

    /// The text of a source, from the pack or the database.
    fn source_text(&mut self, slug: &Slug) -> Result<Option<String>, PackError> {
        if let Some(text) = self.texts.get(slug.as_str()) {
            return Ok(text.clone());
        }
        use crate::store::schema::sources;
        let text: Option<Option<String>> = sources::table
            .filter(sources::slug.eq(slug.as_str()))
            .select(sources::full_text)
            .first(&mut *self.conn)
            .optional()?;
        let text = text.flatten();
        self.texts.insert(slug.to_string(), text.clone());
        Ok(text)
    }

    fn citations(
        &mut self,
        at: &At,
        citations: &[PackCitation],
        target: Option<Target>,
    ) -> Result<(), PackError> {
        for (k, c) in citations.iter().enumerate() {
            let field = |name: &str| format!("citations[{}].{name}", k + 1);
            let source_id = self.resolve(Kind::Source, &c.source, at, &field("source"))?;
            let text = self.source_text(&c.source)?;
            let mut locator = c.locator.as_ref().map(|l| l.to_string());
            if let Some(text) = &text {
                match locate_excerpt(text, c.excerpt.as_str()) {
                    Some(place) => {
                        locator.get_or_insert_with(|| format!("paragraph {}", place.paragraph));
                    }
                    None => {
                        let shown: String = c.excerpt.as_str().chars().take(80).collect();
                        let msg = format!(
                            "excerpt not found verbatim in the text of source \"{}\": \"{shown}\"",
                            c.source
                        );
                        self.issue(at, &field("excerpt"), msg);
                        continue;
                    }
                }
            }
            let (Some(source_id), Some(target)) = (source_id, target) else {
                continue;
            };
            let mut row = NewCitation {
                source_id,
                excerpt: c.excerpt.as_str(),
                locator: locator.as_deref(),
                ..NewCitation::default()
            };
            match target {
                Target::Vendor(id) => row.vendor_id = Some(id),
                Target::Product(id) => row.product_id = Some(id),
                Target::Dependency(id) => row.dependency_id = Some(id),
                Target::Incident(id) => row.incident_id = Some(id),
                Target::Involvement(id) => row.involvement_id = Some(id),
                Target::TimelineEvent(id) => row.timeline_event_id = Some(id),
                Target::Cause(id) => row.incident_cause_id = Some(id),
                Target::Remediation(id) => row.remediation_id = Some(id),
                Target::Analyst(id) => row.analyst_id = Some(id),
                Target::Assessment(id) => row.assessment_id = Some(id),
            }
            let id = self.insert_if_ok(|c| insert_returning_id!(c, citations, &row))?;
            self.count_if(id, "citations");
        }
        Ok(())
    }
}
