//! Importing the records that others refer to: sources, categories (and their parents),
//! vendors, products, analyst firms and analysts.

use super::super::date::{date_of, precision_of};
use super::{At, Importer, Kind, Target};
use crate::domain::Slug;
use crate::store::insert::*;
use crate::store::pack::error::PackError;
use crate::store::pack::format::*;
use crate::store::schema::categories;
use diesel::prelude::*;
use std::collections::HashMap;

impl Importer<'_> {
    pub(super) fn sources(&mut self, records: &[PackSource]) -> Result<(), PackError> {
        for r in records {
            self.tick();
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
            self.define_created(Kind::Source, &r.slug, Some(id), r)?;
            self.count("sources");
        }
        Ok(())
    }

    pub(super) fn categories(&mut self, records: &[PackCategory]) -> Result<(), PackError> {
        for r in records {
            self.tick();
            let row = NewCategory {
                slug: r.slug.as_str(),
                name: r.name.as_str(),
                parent_id: None,
                description: r.description.as_ref().map(|t| t.as_str()),
            };
            if self.ok() {
                let id = insert_returning_id!(&mut *self.conn, categories, &row)?;
                // The parent, set once every category exists, is among these values.
                self.define_created(Kind::Category, &r.slug, Some(id), r)?;
                self.count("categories");
            } else {
                self.define(Kind::Category, &r.slug, None);
            }
        }
        Ok(())
    }

    /// Sets parents once every category of the pack exists, refusing cycles.
    pub(super) fn category_parents(
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

    pub(super) fn has_cycle(&self, records: &[PackCategory], start: &Slug) -> bool {
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

    pub(super) fn vendors(&mut self, file: &str, records: &[PackVendor]) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            self.tick();
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
            self.define_created(Kind::Vendor, &r.slug, id, r)?;
            self.finish(&at, id, "vendors", &r.citations, Target::Vendor)?;
        }
        Ok(())
    }

    pub(super) fn products(
        &mut self,
        file: &str,
        records: &[PackProduct],
    ) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            self.tick();
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
            self.define_created(Kind::Product, &r.slug, id, r)?;
            self.finish(&at, id, "products", &r.citations, Target::Product)?;
        }
        Ok(())
    }

    pub(super) fn firms(&mut self, _file: &str, records: &[PackFirm]) -> Result<(), PackError> {
        for r in records {
            self.tick();
            let row = NewFirm {
                slug: r.slug.as_str(),
                name: r.name.as_str(),
                website: r.website.as_ref().map(|u| u.as_str()),
            };
            let id = self.insert_if_ok(|c| insert_returning_id!(c, analyst_firms, &row))?;
            self.define_created(Kind::Firm, &r.slug, id, r)?;
            self.count_if(id, "analyst firms");
        }
        Ok(())
    }

    pub(super) fn analysts(
        &mut self,
        file: &str,
        records: &[PackAnalyst],
    ) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            self.tick();
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
            self.define_created(Kind::Analyst, &r.slug, id, r)?;
            self.finish(&at, id, "analysts", &r.citations, Target::Analyst)?;
        }
        Ok(())
    }
}
