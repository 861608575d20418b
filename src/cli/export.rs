//! `trustkb export --format xlsx|csv`: the portfolio as a workbook (English headers and
//! labels) or one of its tables as CSV (machine values), written through a temporary file.

use super::{CliError, ExportFormat, open, write_atomically};
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
    let progress = super::progress::Progress::start("scoring the portfolio");
    let mut conn = open(database)?;
    let today = chrono::Utc::now().date_naive();
    let wording = match format {
        ExportFormat::Csv => Wording::Machine,
        _ => Wording::Labels(Lang::En),
    };
    let portfolio = load_portfolio(&mut conn, today, scoring, recommendation, wording)?;
    let failed = |e: crate::export::ExportError| CliError::Failed(e.to_string());
    progress.step("writing the file");
    let bytes = match format {
        ExportFormat::Csv => {
            let table = portfolio
                .table(table.name())
                .ok_or_else(|| CliError::Failed(format!("no table {}", table.name())))?;
            to_csv(table).map_err(failed)?
        }
        _ => to_xlsx(&portfolio.tables(), Lang::En).map_err(failed)?,
    };
    drop(progress);
    match output {
        None => std::io::stdout()
            .write_all(&bytes)
            .map_err(|source| CliError::Write {
                path: "standard output".into(),
                source,
            }),
        Some(path) => {
            write_atomically(path, &bytes)?;
            eprintln!("exported the portfolio to {}", path.display());
            Ok(())
        }
    }
}
