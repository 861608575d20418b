//! The STIX ids of records already in the database, so that a bundle's references to them
//! resolve on import: ids derive from kind and slug (src/stix/ids.rs), so they are recomputed.

use super::Kind;
use crate::stix::export::analyst_id;
use crate::stix::export::{
    category_id, firm_id, incident_id, product_id, remediation_id, report_id, vendor_id,
};
use crate::store::schema::{
    analyst_firms, analysts, categories, incidents, products, remediations, sources, vendors,
};
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;
use std::collections::HashMap;

/// Records known outside the bundle, by the STIX id trustkb gives them.
#[derive(Debug, Clone, Default)]
pub struct Known {
    ids: HashMap<String, (Kind, String)>,
}

/// The id trustkb writes for a record of this kind; `None` for what is not a record.
fn id_of(kind: Kind, slug: &str) -> Option<String> {
    Some(match kind {
        Kind::Vendor => vendor_id(slug),
        Kind::Firm => firm_id(slug),
        Kind::Analyst => analyst_id(slug),
        Kind::Product => product_id(slug),
        Kind::Category => category_id(slug),
        Kind::Incident => incident_id(slug),
        Kind::Source => report_id(slug),
        Kind::Remediation => remediation_id(slug),
        Kind::ThreatActor | Kind::Organisation => return None,
    })
}

impl Known {
    /// Adds a record of `kind` with this slug.
    pub fn add(&mut self, kind: Kind, slug: &str) {
        if let Some(id) = id_of(kind, slug) {
            self.ids.insert(id, (kind, slug.to_owned()));
        }
    }

    /// The kind and slug of a known id.
    pub(super) fn get(&self, id: &str) -> Option<&(Kind, String)> {
        self.ids.get(id)
    }

    /// Every vendor, firm, analyst, product, category, incident, source and remediation of
    /// the database.
    pub fn from_db(conn: &mut DbConnection) -> Result<Known, StoreError> {
        let mut known = Known::default();
        let lists: [(Kind, Vec<String>); 8] = [
            (
                Kind::Vendor,
                vendors::table.select(vendors::slug).load(conn)?,
            ),
            (
                Kind::Firm,
                analyst_firms::table
                    .select(analyst_firms::slug)
                    .load(conn)?,
            ),
            (
                Kind::Analyst,
                analysts::table.select(analysts::slug).load(conn)?,
            ),
            (
                Kind::Product,
                products::table.select(products::slug).load(conn)?,
            ),
            (
                Kind::Category,
                categories::table.select(categories::slug).load(conn)?,
            ),
            (
                Kind::Incident,
                incidents::table.select(incidents::slug).load(conn)?,
            ),
            (
                Kind::Source,
                sources::table.select(sources::slug).load(conn)?,
            ),
            (
                Kind::Remediation,
                remediations::table.select(remediations::slug).load(conn)?,
            ),
        ];
        for (kind, slugs) in lists {
            for slug in slugs {
                known.add(kind, &slug);
            }
        }
        Ok(known)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{convert, convert_with};
    use super::*;
    use serde_json::json;

    /// A bundle holding only an opinion of analyst `a` about vendor `v`.
    fn lone_opinion() -> String {
        json!({
            "type": "bundle", "id": "bundle--6f1b5d0e-0000-4000-8000-000000000001",
            "objects": [{
                "type": "opinion", "spec_version": "2.1",
                "id": "opinion--6f1b5d0e-0000-4000-8000-000000000002",
                "created": "2024-05-02T00:00:00.000Z", "modified": "2024-05-02T00:00:00.000Z",
                "created_by_ref": analyst_id("a"), "object_refs": [vendor_id("v")],
                "opinion": "agree", "explanation": "Fine.", "x_trustkb_slug": "a-on-v",
            }],
        })
        .to_string()
    }

    #[test]
    fn references_resolve_only_against_what_is_known() {
        let alone = convert(&lone_opinion(), "b.json").expect("converts");
        assert!(alone.pack.files[0].doc.assessments.is_empty());
        assert_eq!(alone.skipped.len(), 1);
        let mut known = Known::default();
        known.add(Kind::Analyst, "a");
        known.add(Kind::Vendor, "v");
        let with = convert_with(&lone_opinion(), "b.json", &known).expect("converts");
        assert!(with.skipped.is_empty(), "{:?}", with.skipped);
        let a = &with.pack.files[0].doc.assessments[0];
        assert_eq!(a.analyst.as_str(), "a");
        assert_eq!(a.vendor.as_ref().map(|v| v.as_str()), Some("v"));
    }
}
