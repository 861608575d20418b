//! Importing a loaded pack in one transaction: references resolve against the pack and the
//! database, every problem is collected with its file, record and field, and any problem rolls back.
//! Every record created is audited (action create, by the importing actor) in that transaction.

mod citations;
mod incidents;
mod records;

use super::error::{PackError, PackIssue};
use super::format::PackCitation;
use super::load::LoadedPack;
use super::progress::{ImportProgress, Quiet, slugged};
use crate::domain::audit::{Actor, Change};
use crate::domain::{AuditAction, Slug};
use crate::store::audit::record;
use crate::store::insert::*;
use crate::store::schema::imported_packs;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
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

/// Imports the pack, all or nothing; `actor` is recorded as the creator of every record.
pub fn import_pack(
    conn: &mut DbConnection,
    actor: &Actor,
    pack: &LoadedPack,
    now: NaiveDateTime,
) -> Result<ImportReport, PackError> {
    import_pack_with(conn, actor, pack, now, &mut Quiet)
}

/// [`import_pack`], telling `progress` of each record checked and imported.
pub fn import_pack_with(
    conn: &mut DbConnection,
    actor: &Actor,
    pack: &LoadedPack,
    now: NaiveDateTime,
    progress: &mut dyn ImportProgress,
) -> Result<ImportReport, PackError> {
    conn.write_transaction(|conn| {
        if let Some(at) = imported_at(conn, &pack.name)? {
            return Err(PackError::AlreadyImported {
                name: pack.name.clone(),
                at: at.format("%Y-%m-%d %H:%M UTC").to_string(),
            });
        }
        let mut importer = Importer::new(conn, actor, now, progress);
        importer.check_duplicates(pack)?;
        importer.run(pack)?;
        if !importer.issues.is_empty() {
            return Err(PackError::Invalid(importer.issues));
        }
        let row = NewImportedPack {
            name: &pack.name,
            digest: &pack.digest,
            imported_at: now,
        };
        let id = insert_returning_id!(&mut *importer.conn, imported_packs, &row)?;
        let after = serde_json::json!({ "name": pack.name, "digest": pack.digest });
        importer.audit("imported_pack", Some(id), &pack.name, &after)?;
        let created = importer.created;
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

    /// The audit trail's name for records of this kind (the table's singular name).
    fn entity(self) -> &'static str {
        use crate::store::history::{INCIDENT, SOURCE, VENDOR};
        match self {
            Kind::Firm => "analyst_firm",
            Kind::Vendor => VENDOR,
            Kind::Incident => INCIDENT,
            Kind::Source => SOURCE,
            other => other.label(),
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

impl Target {
    /// The audit trail's name for the cited record, and its id.
    fn entity(self) -> (&'static str, i32) {
        match self {
            Target::Vendor(id) => ("vendor", id),
            Target::Product(id) => ("product", id),
            Target::Dependency(id) => ("dependency", id),
            Target::Incident(id) => ("incident", id),
            Target::Involvement(id) => ("incident_involvement", id),
            Target::TimelineEvent(id) => ("incident_timeline_event", id),
            Target::Cause(id) => ("incident_cause", id),
            Target::Remediation(id) => ("remediation", id),
            Target::Analyst(id) => ("analyst", id),
            Target::Assessment(id) => ("assessment", id),
        }
    }
}

/// A pack record's own values for the audit trail: its fields as serialised, without the
/// records nested in it (citations, involvements, ...), which are audited on their own.
fn audit_values(record: &impl Serialize) -> serde_json::Value {
    // These records hold only strings, numbers and lists: serialising them cannot fail.
    let mut value = serde_json::to_value(record)
        .unwrap_or_else(|e| serde_json::json!({ "unrecorded": e.to_string() }));
    if let Some(fields) = value.as_object_mut() {
        for nested in ["citations", "involvements", "timeline", "caused_by"] {
            fields.remove(nested);
        }
    }
    plain_dates(&mut value);
    value
}

/// TOML dates serialise as `{"$__toml_private_datetime": "2021-03-16"}`; the audit trail
/// shows them as the plain string.
fn plain_dates(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(fields) => {
            if fields.len() == 1
                && let Some(Value::String(date)) = fields.get("$__toml_private_datetime")
            {
                *value = Value::String(date.clone());
                return;
            }
            fields.values_mut().for_each(plain_dates);
        }
        Value::Array(items) => items.iter_mut().for_each(plain_dates),
        _ => {}
    }
}

/// `values` with one more field (the parent of a nested record).
fn with_field(mut values: serde_json::Value, key: &str, value: &str) -> serde_json::Value {
    if let Some(fields) = values.as_object_mut() {
        fields.insert(key.to_owned(), value.into());
    }
    values
}

struct Importer<'c> {
    conn: &'c mut DbConnection,
    /// Who imports, and when: written on each record's audit entry.
    actor: &'c Actor,
    now: NaiveDateTime,
    /// slug → id; `None` marks a record defined in the pack but refused (no second report).
    ids: HashMap<(Kind, String), Option<i32>>,
    /// Full text of each source known so far (pack or database), by slug.
    texts: HashMap<String, Option<String>>,
    issues: Vec<PackIssue>,
    created: Vec<(&'static str, usize)>,
    /// Told of each record checked or imported: the step, records done, records in the step.
    progress: &'c mut dyn ImportProgress,
    step: (&'static str, usize, usize),
}

impl<'c> Importer<'c> {
    fn new(
        conn: &'c mut DbConnection,
        actor: &'c Actor,
        now: NaiveDateTime,
        progress: &'c mut dyn ImportProgress,
    ) -> Self {
        Importer {
            conn,
            actor,
            now,
            ids: HashMap::new(),
            texts: HashMap::new(),
            issues: Vec::new(),
            created: Vec::new(),
            progress,
            step: ("", 0, 0),
        }
    }

    /// Starts a counted step of `total` records.
    fn begin(&mut self, name: &'static str, total: usize) {
        self.step = (name, 0, total);
        self.progress.at(name, 0, total);
    }

    /// One more record of the current step (called at the top of each record's loop).
    fn tick(&mut self) {
        let (name, done, total) = self.step;
        self.step.1 = (done + 1).min(total);
        self.progress.at(name, done, total);
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
        let slugged = pack.files.iter().map(|f| slugged(&f.doc)).sum();
        self.begin("checking for duplicate slugs", slugged);
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
                self.tick();
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

    /// Defines a slugged record and, when it was created, audits it with its pack values.
    fn define_created(
        &mut self,
        kind: Kind,
        slug: &Slug,
        id: Option<i32>,
        record: &impl Serialize,
    ) -> Result<(), PackError> {
        self.define(kind, slug, id);
        self.audit(kind.entity(), id, slug.as_str(), record)
    }

    fn run(&mut self, pack: &LoadedPack) -> Result<(), PackError> {
        let records = pack
            .files
            .iter()
            .map(|f| slugged(&f.doc) + f.doc.dependencies.len())
            .sum();
        self.begin("importing records", records);
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

    /// Counts a record that was created and imports its citations.
    fn finish(
        &mut self,
        at: &At,
        id: Option<i32>,
        kind: &'static str,
        citations: &[PackCitation],
        target: fn(i32) -> Target,
    ) -> Result<(), PackError> {
        self.count_if(id, kind);
        self.citations(at, citations, id.map(target))
    }

    /// Audits the creation of a record (when it was created: `id` is set), with the pack
    /// record's own values.
    fn audit(
        &mut self,
        entity: &'static str,
        id: Option<i32>,
        label: &str,
        values: &impl Serialize,
    ) -> Result<(), PackError> {
        let Some(id) = id else { return Ok(()) };
        let change = Change {
            action: AuditAction::Create,
            entity,
            entity_id: id.to_string(),
            label: label.to_owned(),
            before: None,
            after: Some(audit_values(values)),
        };
        record(self.conn, self.actor, &change, self.now)?;
        Ok(())
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
}
