//! What the search index is built from: every vendor, product, incident, assessment (quote
//! and translation) and source as a search document.

use crate::search::{Document, Lang, TITLE_PART_BREAK, Text};
use crate::store::schema::{
    analyst_firms, analysts, assessments, incidents, products, sources, vendors,
};
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;
use std::collections::HashMap;

/// Records whose language is not stored (names, descriptions, summaries) are analysed in
/// both languages.
const UNKNOWN: Lang = Lang::Unknown;

fn optional(lang: Lang, label: &'static str, text: Option<String>) -> Option<Text> {
    text.filter(|t| !t.trim().is_empty())
        .map(|t| Text::new(lang, label, t))
}

type VendorRow = (i32, String, String, Option<String>, Option<String>);
type ProductRow = (i32, String, i32, String, Option<String>);
type IncidentRow = (i32, String, String, Option<String>, String);
type SourceRow = (i32, String, String, String, Option<String>);

/// Every searchable record, as documents linking to their pages.
pub fn search_documents(conn: &mut DbConnection) -> Result<Vec<Document>, StoreError> {
    let mut docs = Vec::new();

    let vendor_rows: Vec<VendorRow> = vendors::table
        .select((
            vendors::id,
            vendors::slug,
            vendors::name,
            vendors::description,
            vendors::website,
        ))
        .order(vendors::id)
        .load(conn)?;
    let vendor_by_id: HashMap<i32, (String, String)> = vendor_rows
        .iter()
        .map(|(id, slug, name, _, _)| (*id, (slug.clone(), name.clone())))
        .collect();
    for (_, slug, name, description, website) in vendor_rows {
        docs.push(Document {
            kind: "vendor",
            href: format!("/vendors/{slug}"),
            title: Text::new(UNKNOWN, "name", name),
            context: website.unwrap_or_default(),
            body: optional(UNKNOWN, "description", description)
                .into_iter()
                .collect(),
        });
    }

    let product_rows: Vec<ProductRow> = products::table
        .select((
            products::id,
            products::slug,
            products::vendor_id,
            products::name,
            products::description,
        ))
        .order(products::id)
        .load(conn)?;
    let mut product_by_id: HashMap<i32, (String, i32)> = HashMap::new();
    for (id, slug, vendor_id, name, description) in product_rows {
        let (vendor_slug, vendor_name) = vendor_by_id.get(&vendor_id).cloned().unwrap_or_default();
        product_by_id.insert(id, (name.clone(), vendor_id));
        docs.push(Document {
            kind: "product",
            href: format!("/vendors/{vendor_slug}#product-{slug}"),
            title: Text::new(UNKNOWN, "name", name),
            // The page words it ("Product of Mimecast"); the vendor's name is the fact.
            context: vendor_name,
            body: optional(UNKNOWN, "description", description)
                .into_iter()
                .collect(),
        });
    }

    let incident_rows: Vec<IncidentRow> = incidents::table
        .select((
            incidents::id,
            incidents::slug,
            incidents::title,
            incidents::threat_actor,
            incidents::summary,
        ))
        .order(incidents::id)
        .load(conn)?;
    let mut incident_by_id: HashMap<i32, (String, String)> = HashMap::new();
    for (id, slug, title, actor, summary) in incident_rows {
        incident_by_id.insert(id, (slug.clone(), title.clone()));
        docs.push(Document {
            kind: "incident",
            href: format!("/incidents/{slug}"),
            title: Text::new(UNKNOWN, "title", title),
            // The threat actor, which the page introduces in the reader's language.
            context: actor.unwrap_or_default(),
            body: optional(UNKNOWN, "summary", Some(summary))
                .into_iter()
                .collect(),
        });
    }

    let firm_names: HashMap<i32, String> = analyst_firms::table
        .select((analyst_firms::id, analyst_firms::name))
        .load::<(i32, String)>(conn)?
        .into_iter()
        .collect();
    // "Peter Firstbrook (Gartner)": the firm's name is searched with the analyst's.
    let analyst_names: HashMap<i32, String> = analysts::table
        .select((analysts::id, analysts::name, analysts::firm_id))
        .load::<(i32, String, Option<i32>)>(conn)?
        .into_iter()
        .map(
            |(id, name, firm)| match firm.and_then(|f| firm_names.get(&f)) {
                Some(firm) => (id, format!("{name} ({firm})")),
                None => (id, name),
            },
        )
        .collect();
    type AssessmentRow = (
        i32,
        Option<i32>,
        Option<i32>,
        Option<i32>,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let assessment_rows: Vec<AssessmentRow> = assessments::table
        .select((
            assessments::analyst_id,
            assessments::vendor_id,
            assessments::product_id,
            assessments::incident_id,
            assessments::quote,
            assessments::quote_language,
            assessments::translation,
            assessments::translation_language,
        ))
        .order(assessments::id)
        .load(conn)?;
    for (analyst, vendor, product, incident, quote, quote_lang, translation, translation_lang) in
        assessment_rows
    {
        let vendor_page = |vendor_id: i32| {
            vendor_by_id
                .get(&vendor_id)
                .map(|(slug, name)| (format!("/vendors/{slug}#assessments"), name.clone()))
        };
        let subject = if let Some(v) = vendor {
            vendor_page(v)
        } else if let Some(p) = product {
            product_by_id.get(&p).and_then(|(name, vendor_id)| {
                vendor_page(*vendor_id).map(|(href, _)| (href, name.clone()))
            })
        } else {
            incident
                .and_then(|i| incident_by_id.get(&i))
                .map(|(slug, title)| (format!("/incidents/{slug}#assessments"), title.clone()))
        };
        let (href, subject_name) = subject.unwrap_or_default();
        let analyst_name = analyst_names.get(&analyst).cloned().unwrap_or_default();
        let mut body = vec![Text::new(Lang::from_code(&quote_lang), "quote", quote)];
        let translation_lang = translation_lang.map_or(UNKNOWN, |l| Lang::from_code(&l));
        body.extend(optional(translation_lang, "translation", translation));
        docs.push(Document {
            kind: "assessment",
            href,
            // Worded in the reader's language by the page ("… on …", "… sur …").
            title: Text::new(
                UNKNOWN,
                "title",
                format!("{analyst_name}{TITLE_PART_BREAK}{subject_name}"),
            ),
            // The hit's kind already says "analyst view".
            context: String::new(),
            body,
        });
    }

    let source_rows: Vec<SourceRow> = sources::table
        .select((
            sources::id,
            sources::title,
            sources::publisher,
            sources::language,
            sources::full_text,
        ))
        .order(sources::id)
        .load(conn)?;
    for (id, title, publisher, language, full_text) in source_rows {
        let lang = Lang::from_code(&language);
        docs.push(Document {
            kind: "source",
            href: format!("/sources/{id}"),
            title: Text::new(lang, "title", title),
            context: publisher,
            body: optional(lang, "full text", full_text).into_iter().collect(),
        });
    }
    Ok(docs)
}
