//! `trustkb export --format xlsx|csv`: the portfolio as a workbook (English headers and
//! labels) or one of its tables as CSV (machine values), written through a temporary file.

use super::interrupt::TempOutput;
use super::progress::Progress;
use super::{CliError, ExportFormat, open};
use crate::domain::recommend::RecommendationConfig;
use crate::domain::scoring::ScoringConfig;
use crate::export::{csv::to_csv, xlsx::to_xlsx};
use crate::i18n::Lang;
use crate::store::queries::portfolio::{Wording, load_portfolio};
use clap::ValueEnum;
use std::io::Write;
use std::path::Path;

/// Which table `--format csv` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportTable {
    Vendors,
    Products,
    Incidents,
    ReviewConditions,
}

impl ExportTable {
    /// The portfolio table's machine name.
    pub fn name(self) -> &'static str {
        match self {
            ExportTable::Vendors => "vendors",
            ExportTable::Products => "products",
            ExportTable::Incidents => "incidents",
            ExportTable::ReviewConditions => "review_conditions",
        }
    }
}

/// Writes the portfolio workbook or one table as CSV to `output` (CSV: standard output when
/// left out); decisions are today's recommendations.
pub fn spreadsheet(
    database: &str,
    format: ExportFormat,
    table: ExportTable,
    output: Option<&Path>,
    scoring: &ScoringConfig,
    recommendation: &RecommendationConfig,
) -> Result<(), CliError> {
    if format == ExportFormat::Xlsx && output.is_none() {
        return Err(CliError::Usage(
            "--format xlsx writes a binary file: give it --output PATH".into(),
        ));
    }
    // Created now, so a bad --output fails before the work; removed if interrupted.
    let temp = output.map(TempOutput::create).transpose()?;
    let mut progress = Progress::start("reading the portfolio");
    let mut conn = open(database)?;
    let today = chrono::Utc::now().date_naive();
    let wording = match format {
        ExportFormat::Csv => Wording::Machine,
        _ => Wording::Labels(Lang::En),
    };
    const STEPS: usize = 3;
    progress.counted("scoring the portfolio", 1, STEPS);
    let portfolio = load_portfolio(&mut conn, today, scoring, recommendation, wording)?;
    let failed = |e: crate::export::ExportError| CliError::Failed(e.to_string());
    progress.counted("composing the file", 2, STEPS);
    let bytes = match format {
        ExportFormat::Csv => {
            let table = portfolio
                .table(table.name())
                .ok_or_else(|| CliError::Failed(format!("no table {}", table.name())))?;
            to_csv(table).map_err(failed)?
        }
        _ => to_xlsx(&portfolio.tables(), Lang::En).map_err(failed)?,
    };
    progress.counted("writing the file", STEPS, STEPS);
    match (temp, output) {
        (Some(temp), Some(path)) => {
            temp.finish(&bytes)?;
            drop(progress);
            eprintln!("exported the portfolio to {}", path.display());
            Ok(())
        }
        _ => {
            drop(progress);
            std::io::stdout()
                .write_all(&bytes)
                .map_err(|source| CliError::Write {
                    path: "standard output".into(),
                    source,
                })
        }
    }
}
