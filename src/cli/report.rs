//! `trustkb export --format pdf|html --vendor SLUG [--lang fr] [--output PATH]`: the vendor
//! report made exactly as the server makes it, written atomically (or to standard output).

use super::interrupt::TempOutput;
use super::{CliError, ExportFormat, open};
use crate::domain::recommend::RecommendationConfig;
use crate::domain::scoring::ScoringConfig;
use crate::i18n::Lang;
use crate::report::{render_html, render_pdf, vendor_report};
use crate::store::StoreError;
use crate::store::queries::evidence::load_scoring_data;
use crate::web::identity::Nav;
use std::io::Write;
use std::path::Path;

/// What to export and how.
pub struct ReportExport<'a> {
    pub format: ExportFormat,
    pub vendor: Option<String>,
    pub lang: &'a str,
    pub output: Option<&'a Path>,
}

/// Writes the report of `--vendor` as PDF or HTML, labels in `--lang`.
pub fn export(
    database: &str,
    job: ReportExport<'_>,
    scoring: &ScoringConfig,
    recommendation: &RecommendationConfig,
) -> Result<(), CliError> {
    let slug = job
        .vendor
        .ok_or_else(|| CliError::Usage("--format pdf and html need --vendor SLUG".into()))?;
    let lang = Lang::parse(job.lang)
        .ok_or_else(|| CliError::Usage(format!("--lang {}: use en or fr", job.lang)))?;
    // Created now, so a bad --output fails before the work; removed if interrupted.
    let temp = job.output.map(TempOutput::create).transpose()?;
    let mut progress = super::progress::Progress::start("composing the report");
    let mut conn = open(database)?;
    let today = chrono::Utc::now().date_naive();
    let data = load_scoring_data(&mut conn).map_err(CliError::Store)?;
    let report =
        vendor_report(&mut conn, &data, &slug, today, (scoring, recommendation)).map_err(|e| {
            match e {
                StoreError::NotFound { .. } => {
                    CliError::Usage(format!("--vendor: unknown vendor \"{slug}\""))
                }
                e => CliError::Store(e),
            }
        })?;
    progress.step("rendering the report");
    let bytes = match job.format {
        ExportFormat::Html => {
            let nav = Nav {
                lang,
                ..Nav::default()
            };
            let pdf = format!("/vendors/{slug}/report.pdf");
            render_html(&report, nav, pdf)
                .map_err(|e| CliError::Usage(e.to_string()))?
                .into_bytes()
        }
        _ => render_pdf(&report, lang).map_err(|e| CliError::Usage(e.to_string()))?,
    };
    drop(progress);
    match temp {
        None => std::io::stdout()
            .write_all(&bytes)
            .map_err(|source| CliError::Write {
                path: "standard output".into(),
                source,
            }),
        Some(temp) => temp.finish(&bytes),
    }
}
