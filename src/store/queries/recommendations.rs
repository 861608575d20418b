//! Loads the recommendation engine's input in one read transaction (reusing the scoring
//! data and the score book) and answers for one product or for every product in use.

use super::bulk;
use super::citations::load_citations;
use super::evidence::{ScoringData, load_scoring_data};
use crate::domain::recommend::{
    AssessedSubject, AssessmentInfo, CategoryInfo, Consumer, Decision, IncidentInfo, Involvement,
    Portfolio, ProductInfo, RecommendInput, Recommendation, RecommendationConfig, RemediationInfo,
    ScoreSummary, Usage, VendorInfo, decide_in_use, recommend_in_use,
};
use crate::domain::scoring::{EvidenceKind, Fact, ScoreBook, ScoringConfig, Subject};
use crate::store::error::parse_stored;
use crate::store::rows::*;
use crate::store::schema::*;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use diesel::prelude::*;
use std::collections::BTreeMap;

/// The recommendations of every product in use on `as_of` (or dropped recently).
pub fn recommendations_in_use(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    scoring: &ScoringConfig,
    config: &RecommendationConfig,
) -> Result<Vec<Recommendation>, StoreError> {
    let input = load_recommend_input(conn, as_of, scoring)?;
    Ok(recommend_in_use(&input, config))
}

/// The portfolio decided as of `as_of` (every product in use ordered, alternatives ranked
/// on demand), from scoring data already loaded (the server's cached copy).
pub fn portfolio_from(
    conn: &mut DbConnection,
    data: &ScoringData,
    (as_of, scoring): (NaiveDate, &ScoringConfig),
    config: &RecommendationConfig,
) -> Result<Portfolio, StoreError> {
    let input = recommend_input_from(conn, data, as_of, scoring)?;
    Ok(Portfolio::new(input, config))
}

/// The decision alone of every product in use on `as_of` (or dropped recently), by product
/// slug: the same decisions as [`recommendations_in_use`], without ranking alternatives,
/// so a large portfolio is decided in one pass (the spreadsheet exports).
pub fn decisions_in_use(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    scoring: &ScoringConfig,
    config: &RecommendationConfig,
) -> Result<BTreeMap<String, Decision>, StoreError> {
    let input = load_recommend_input(conn, as_of, scoring)?;
    Ok(decide_in_use(&input, config)
        .into_iter()
        .filter_map(|(id, decision)| Some((input.products.get(&id)?.slug.clone(), decision)))
        .collect())
}

/// The recommendation of one product, used or not; an unknown slug is not found.
pub fn product_recommendation(
    conn: &mut DbConnection,
    slug: &str,
    as_of: NaiveDate,
    scoring: &ScoringConfig,
    config: &RecommendationConfig,
) -> Result<Recommendation, StoreError> {
    let input = load_recommend_input(conn, as_of, scoring)?;
    Portfolio::new(input, config)
        .product(slug)
        .ok_or_else(|| StoreError::not_found("product", slug))
}

/// Everything the engine reads, as of `as_of`: records after the date are loaded too and
/// left out by the engine, exactly as the scoring engine does.
pub fn load_recommend_input(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    scoring: &ScoringConfig,
) -> Result<RecommendInput, StoreError> {
    conn.transaction(|conn| {
        let data = load_scoring_data(conn)?;
        recommend_input_from(conn, &data, as_of, scoring)
    })
}

/// [`load_recommend_input`] from scoring data already loaded (the server's cached copy).
pub fn recommend_input_from(
    conn: &mut DbConnection,
    data: &ScoringData,
    as_of: NaiveDate,
    scoring: &ScoringConfig,
) -> Result<RecommendInput, StoreError> {
    conn.transaction(|conn| {
        let mut input = RecommendInput {
            as_of,
            ..RecommendInput::default()
        };
        scores(data, as_of, scoring, &mut input);
        for (id, (slug, name)) in &data.vendors {
            input.vendors.insert(
                *id,
                VendorInfo {
                    slug: slug.clone(),
                    name: name.clone(),
                },
            );
        }
        let categories: Vec<CategoryRow> = categories::table
            .select(CategoryRow::as_select())
            .load(conn)?;
        for c in categories {
            input.categories.insert(
                c.id,
                CategoryInfo {
                    slug: c.slug,
                    name: c.name,
                },
            );
        }
        let product_categories: BTreeMap<i32, i32> = products::table
            .select((products::id, products::category_id))
            .load::<(i32, i32)>(conn)?
            .into_iter()
            .collect();
        for (id, (slug, name, vendor)) in &data.products {
            input.products.insert(
                *id,
                ProductInfo {
                    slug: slug.clone(),
                    name: name.clone(),
                    vendor: *vendor,
                    category: product_categories.get(id).copied().unwrap_or_default(),
                },
            );
        }
        // The scoring data keeps only vendors' dependencies; the inventory counts here too.
        for r in bulk::all_dependencies(conn)? {
            input.usages.push(Usage {
                id: r.id,
                consumer: r
                    .consumer_vendor_id
                    .map_or(Consumer::Organisation, Consumer::Vendor),
                product: r.product_id,
                since: r.since,
                until: r.until,
                criticality: parse_stored("dependencies.criticality", &r.criticality)?,
            });
        }
        incidents(conn, data, &mut input)?;
        remediations(conn, data, &mut input)?;
        assessments(conn, data, &mut input)?;
        Ok(input)
    })
}

/// Every vendor's and product's score as of the date, from one score book.
fn scores(
    data: &ScoringData,
    as_of: NaiveDate,
    config: &ScoringConfig,
    input: &mut RecommendInput,
) {
    let book = ScoreBook::new(&data.input, as_of, config);
    for subject in book.subjects() {
        let Some(o) = book.opinion(*subject) else {
            continue;
        };
        let summary = ScoreSummary {
            score: o.score(),
            uncertainty: o.uncertainty,
        };
        match subject {
            Subject::Vendor(id) => input.vendor_scores.insert(*id, summary),
            Subject::Product(id) => input.product_scores.insert(*id, summary),
        };
    }
}

/// Incidents with their involvements (from the scoring evidence: role, severity, kind and
/// known-on date) and their causes.
fn incidents(
    conn: &mut DbConnection,
    data: &ScoringData,
    input: &mut RecommendInput,
) -> Result<(), StoreError> {
    let rows: Vec<IncidentRow> = incidents::table
        .select(IncidentRow::as_select())
        .order(incidents::id)
        .load(conn)?;
    // Each incident's causes, in the order the links were loaded.
    let mut causes: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for c in bulk::all_causes(conn)? {
        causes.entry(c.effect_id).or_default().push(c.cause_id);
    }
    let mut by_id: BTreeMap<i32, IncidentInfo> = BTreeMap::new();
    for r in rows {
        by_id.insert(
            r.id,
            IncidentInfo {
                id: r.id,
                slug: r.slug,
                title: r.title,
                kind: parse_stored("incidents.kind", &r.kind)?,
                severity: r.severity,
                known_on: None,
                involvements: Vec::new(),
                caused_by: causes.remove(&r.id).unwrap_or_default(),
            },
        );
    }
    for e in data
        .input
        .evidence
        .iter()
        .filter(|e| e.key.kind == EvidenceKind::Involvement)
    {
        let (Some(id), Fact::Involvement { role, .. }) = (e.incident, &e.fact) else {
            continue;
        };
        let Some(incident) = by_id.get_mut(&id) else {
            continue;
        };
        incident.known_on = e.known_on;
        incident.involvements.push(Involvement {
            vendor: e.vendors.first().copied(),
            product: e.products.first().copied(),
            role: *role,
        });
    }
    input.incidents = by_id.into_values().collect();
    Ok(())
}

/// Remediations: kind, date and citations from the scoring evidence; incident, product,
/// replacement and description from their rows.
fn remediations(
    conn: &mut DbConnection,
    data: &ScoringData,
    input: &mut RecommendInput,
) -> Result<(), StoreError> {
    let rows: Vec<RemediationRow> = remediations::table
        .select(RemediationRow::as_select())
        .order(remediations::id)
        .load(conn)?;
    let evidence: BTreeMap<i32, _> = data
        .input
        .evidence
        .iter()
        .filter(|e| e.key.kind == EvidenceKind::Remediation)
        .map(|e| (e.key.id, e))
        .collect();
    for r in rows {
        let (known_on, citations) = match evidence.get(&r.id) {
            Some(e) => (e.known_on, e.citations.clone()),
            None => (r.taken_on, Vec::new()),
        };
        input.remediations.push(RemediationInfo {
            id: r.id,
            slug: r.slug,
            kind: parse_stored("remediations.kind", &r.kind)?,
            incident: r.incident_id,
            vendor: r.vendor_id,
            product: r.product_id,
            replacement: r.replacement_product_id,
            known_on,
            description: r.description,
            citations,
        });
    }
    Ok(())
}

/// Assessments with their analyst, firm, quote, translation and citations.
fn assessments(
    conn: &mut DbConnection,
    data: &ScoringData,
    input: &mut RecommendInput,
) -> Result<(), StoreError> {
    let rows: Vec<AssessmentRow> = assessments::table
        .select(AssessmentRow::as_select())
        .order(assessments::id)
        .load(conn)?;
    let analysts = bulk::analysts_by_id(conn, rows.iter().map(|r| r.analyst_id))?;
    let firms = bulk::firms_by_id(conn, analysts.values().filter_map(|a| a.firm_id))?;
    let cited: BTreeMap<i32, _> = data
        .input
        .evidence
        .iter()
        .filter(|e| e.key.kind == EvidenceKind::Assessment)
        .map(|e| (e.key.id, e.citations.clone()))
        .collect();
    // Assessments on incidents are not scoring evidence: load their citations here.
    let missing: Vec<i32> = rows
        .iter()
        .filter(|r| !cited.contains_key(&r.id))
        .map(|r| r.id)
        .collect();
    let extra = load_citations(conn, &[(CitedRecord::Assessment, missing)])?;
    for r in rows {
        let analyst = bulk::get(&analysts, r.analyst_id, "analyst")?;
        let subject = match (r.vendor_id, r.product_id, r.incident_id) {
            (Some(v), _, _) => AssessedSubject::Vendor(v),
            (_, Some(p), _) => AssessedSubject::Product(p),
            (_, _, Some(i)) => AssessedSubject::Incident(i),
            _ => {
                return Err(StoreError::Corrupt(format!(
                    "assessment {} has no subject",
                    r.id
                )));
            }
        };
        let citations = cited
            .get(&r.id)
            .cloned()
            .unwrap_or_else(|| extra.of(CitedRecord::Assessment, r.id));
        input.assessments.push(AssessmentInfo {
            id: r.id,
            slug: r.slug,
            firm: analyst
                .firm_id
                .and_then(|f| firms.get(&f))
                .map(|f| f.name.clone()),
            analyst: analyst.name.clone(),
            analyst_title: analyst.title.clone(),
            assessed_on: r.assessed_on,
            subject,
            stance: parse_stored("assessments.stance", &r.stance)?,
            favoured_action: r
                .favoured_action
                .as_deref()
                .map(|a| parse_stored("assessments.favoured_action", a))
                .transpose()?,
            quote: r.quote,
            quote_language: r.quote_language,
            translation: r.translation,
            translation_language: r.translation_language,
            citations,
        });
    }
    Ok(())
}
