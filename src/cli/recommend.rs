//! `trustkb recommend`: the recommendation of every product in use on a date, or of one
//! product, as a readable block per product or as JSON. Unknown products are usage errors.

use super::{CliError, open};
use crate::domain::recommend::{Recommendation, RecommendationConfig};
use crate::domain::scoring::ScoringConfig;
use crate::i18n::Lang;
use crate::store::StoreError;
use crate::store::queries::recommendations::{product_recommendation, recommendations_in_use};
use crate::web::recommendation_reasons::{RecommendationJson, reasons};
use chrono::NaiveDate;
use clap::ValueEnum;
use std::fmt::Write as _;
use std::path::Path;

/// Recommendation output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecommendFormat {
    /// One readable block per product.
    Table,
    /// A JSON list of {product, decision, rule, reasons, alternatives, controls, assessments, ...}.
    Json,
}

/// Reads the recommendation configuration: the defaults, overridden by a TOML file when given.
pub fn recommendation_config(path: Option<&Path>) -> Result<RecommendationConfig, CliError> {
    let Some(path) = path else {
        return Ok(RecommendationConfig::default());
    };
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.display().to_string(),
        source,
    })?;
    RecommendationConfig::from_toml(&text)
        .map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))
}

/// Runs `trustkb recommend` and returns what to print.
pub fn run(
    database: &str,
    product: Option<&str>,
    as_of: NaiveDate,
    format: RecommendFormat,
    scoring: &ScoringConfig,
    config: &RecommendationConfig,
) -> Result<String, CliError> {
    let mut conn = open(database)?;
    let list = match product {
        Some(slug) => vec![
            product_recommendation(&mut conn, slug, as_of, scoring, config).map_err(
                |e| match e {
                    StoreError::NotFound { .. } => {
                        CliError::Usage(format!("--product: unknown product \"{slug}\""))
                    }
                    other => other.into(),
                },
            )?,
        ],
        None => recommendations_in_use(&mut conn, as_of, scoring, config)?,
    };
    match format {
        RecommendFormat::Json => serde_json::to_string_pretty(
            &list.iter().map(RecommendationJson::new).collect::<Vec<_>>(),
        )
        .map(|t| t + "\n")
        .map_err(|e| CliError::Usage(e.to_string())),
        RecommendFormat::Table => Ok(table(&list, as_of, product.is_some())),
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// One block per product.
pub fn table(list: &[Recommendation], as_of: NaiveDate, one: bool) -> String {
    let mut out = format!("Recommendations as of {as_of}\n");
    if list.is_empty() && !one {
        out.push_str("No product is in use on this date.\n");
    }
    for r in list {
        block(&mut out, r);
    }
    out
}

fn block(out: &mut String, r: &Recommendation) {
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{} ({}) by {} · {}",
        r.product_name, r.product, r.vendor_name, r.category_name
    );
    let _ = writeln!(out, "  Decision: {} (rule {})", r.decision.as_str(), r.rule);
    let _ = writeln!(out, "  Why:");
    for reason in reasons(Lang::En, r) {
        let _ = writeln!(out, "    - {reason}");
    }
    let _ = writeln!(out, "  Alternatives:");
    if r.alternatives.is_empty() {
        let _ = writeln!(out, "    none in {}", r.category_name);
    }
    for a in &r.alternatives {
        let c = &a.criteria;
        let _ = writeln!(
            out,
            "    {}. {} ({}) total {:.3} = trust {:.3}, certainty {:.3}, analysts {:.3}, exposure {:.3}",
            a.rank, a.product, a.vendor_name, a.total, c.trust, c.certainty, c.analysts, c.exposure
        );
        for e in &a.exposure_reasons {
            let _ = writeln!(out, "       exposure: {e}");
        }
        for p in &a.precedents {
            let _ = writeln!(out, "       precedent: {p}");
        }
    }
    for x in &r.excluded {
        let _ = writeln!(out, "    excluded: {} ({})", x.product, x.reason);
    }
    let _ = writeln!(out, "  Controls:");
    if r.controls.is_empty() {
        let _ = writeln!(out, "    none");
    }
    for c in &r.controls {
        let tag = if c.transition { " (transition)" } else { "" };
        let _ = writeln!(out, "    - [{}]{tag} {}", c.key, c.control);
        let _ = writeln!(out, "      why: {}", c.rationale);
        for p in &c.precedents {
            let _ = writeln!(out, "      precedent: {p}");
        }
        if !c.citations.is_empty() {
            let _ = writeln!(out, "      citations: {}", c.citations.len());
        }
    }
    let _ = writeln!(out, "  Analyst views:");
    if r.assessments.is_empty() {
        let _ = writeln!(out, "    none known on this date");
    }
    for a in &r.assessments {
        let who = match &a.firm {
            Some(f) => format!("{} ({f})", a.analyst),
            None => a.analyst.clone(),
        };
        let _ = writeln!(out, "    - {who}, {}: {}", day(a.date), a.note);
        let _ = writeln!(out, "      [{}] {}", a.language, a.quote);
        if let Some(t) = &a.translation {
            let lang = a.translation_language.as_deref().unwrap_or("translation");
            let _ = writeln!(out, "      [{lang}] {t}");
        }
    }
}
