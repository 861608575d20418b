//! The command line (clap): serve, migrate, seed, import, export, score, recommend, user and token;
//! every command takes `--database URL`. Errors are reported with their cause and a non-zero
//! exit status.

pub mod accounts;
pub mod bulk;
pub mod export;
pub mod generate;
pub mod interrupt;
pub mod progress;
pub mod recommend;
pub mod report;
pub mod stix;

use crate::auth::SecretKey;
use crate::config::{DEFAULT_BIND, DEFAULT_DATABASE_URL, FirstAdmin, ServeConfig};
use crate::domain::Channel;
use crate::domain::Slug;
use crate::domain::audit::Actor;
use crate::domain::scoring::ScoringConfig;
use crate::store::migrate::{run_migrations, with_startup_lock};
use crate::store::pack::embedded::seed_pack;
use crate::store::pack::export::export_pack;
use crate::store::pack::seed::{SeedOutcome, import_and_rescore_with, import_time as now, seed};
use crate::store::pack::{PackError, load_path};
use crate::store::queries::scores::{ScoreLine, score_knowledge_base};
use crate::store::sessions::SessionTimeouts;
use crate::store::{DbConnection, StoreError, connect};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// trustkb: vendor risk and trust-scoring knowledge base.
#[derive(Debug, Parser)]
#[command(name = "trustkb", version, about, long_about = None)]
pub struct Cli {
    /// Database URL: sqlite://PATH (embedded, the default) or postgres://USER@HOST/DB.
    #[arg(long, global = true, env = "TRUSTKB_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    pub database: String,

    /// A TOML file overriding the scoring model's weights (docs/scoring.md).
    #[arg(long, global = true, env = "TRUSTKB_SCORING_CONFIG")]
    pub scoring_config: Option<PathBuf>,

    /// A TOML file overriding the recommendation rules' thresholds (docs/recommendations.md).
    #[arg(long, global = true, env = "TRUSTKB_RECOMMENDATION_CONFIG")]
    pub recommendation_config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web pages and the JSON API (migrates, and seeds an empty database).
    Serve {
        /// Address to listen on.
        #[arg(long, env = "TRUSTKB_BIND", default_value = DEFAULT_BIND)]
        bind: String,
        /// Do not import the built-in seed pack into an empty database.
        #[arg(long)]
        no_seed: bool,
        /// The key sealing session cookies, 32 bytes or more; give it in the environment.
        /// Required on PostgreSQL (the same on every app server); on SQLite a generated key
        /// is kept beside the database file when it is not set.
        #[arg(long, env = "TRUSTKB_SECRET_KEY", hide_env_values = true)]
        secret_key: Option<String>,
        /// E-mail of the administrator created on an empty database.
        #[arg(long, env = "TRUSTKB_ADMIN_EMAIL")]
        admin_email: Option<String>,
        /// Password of that administrator; when not set, a one-time password is printed once
        /// and must be changed at the first sign-in.
        #[arg(long, env = "TRUSTKB_ADMIN_PASSWORD", hide_env_values = true)]
        admin_password: Option<String>,
        /// A session ends after this many minutes without a request.
        #[arg(long, env = "TRUSTKB_SESSION_IDLE_MINUTES", default_value_t = 60, value_parser = clap::value_parser!(i64).range(1..=10_080))]
        session_idle_minutes: i64,
        /// A session ends this many hours after sign-in, whatever the activity.
        #[arg(long, env = "TRUSTKB_SESSION_MAX_HOURS", default_value_t = 12, value_parser = clap::value_parser!(i64).range(1..=720))]
        session_max_hours: i64,
        /// How often (milliseconds) the webhook worker looks for alerts to deliver.
        #[arg(long, env = "TRUSTKB_WEBHOOK_POLL_MS", default_value_t = 2000, value_parser = clap::value_parser!(u64).range(10..=3_600_000))]
        webhook_poll_ms: u64,
        /// Wait (seconds) after a webhook's first failed attempt; it doubles each time, up to an hour.
        #[arg(long, env = "TRUSTKB_WEBHOOK_BACKOFF_SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
        webhook_backoff_secs: u64,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Import the built-in seed pack (the SolarWinds Orion / Mimecast case) unless already there.
    Seed {
        /// Seed from this pack directory or file instead of the built-in seeds.
        #[arg(long)]
        from: Option<PathBuf>,
    },
    /// Import a knowledge pack (a .toml file or a directory of them), a STIX 2.1 bundle, or
    /// vendors, products and dependencies from an XLSX or CSV file; all or nothing.
    Import {
        /// The pack file or directory, a STIX 2.1 bundle (JSON, docs/stix.md), or an .xlsx /
        /// .csv file in the bulk import layout (docs/bulk-import.md).
        path: PathBuf,
        /// XLSX or CSV: check every row and report the problems, without importing.
        #[arg(long)]
        dry_run: bool,
        /// CSV: the table the file holds (vendors, products, dependencies); told from the
        /// header when left out.
        #[arg(long)]
        table: Option<String>,
    },
    /// Print the trust score of every vendor and product, as of a date.
    Score {
        /// Score with what was known on this date (YYYY-MM-DD); today when left out.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
        /// Only this vendor and its products.
        #[arg(long)]
        vendor: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
        format: ScoreFormat,
        /// Include every contribution behind each score.
        #[arg(long)]
        explain: bool,
        /// Print the scoring configuration in effect (TOML) instead of scores.
        #[arg(long)]
        print_config: bool,
    },
    /// Recommend what to do with every product in use on a date (or with one product).
    Recommend {
        /// Only this product, whether or not anyone uses it.
        #[arg(long)]
        product: Option<String>,
        /// Recommend with what was known on this date (YYYY-MM-DD); today when left out.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = recommend::RecommendFormat::Table)]
        format: recommend::RecommendFormat,
        /// Print the recommendation configuration in effect (TOML) instead of recommendations.
        #[arg(long)]
        print_config: bool,
    },
    /// Export the knowledge base.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Pack)]
        format: ExportFormat,
        /// File to write (written atomically); standard output when left out.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Name recorded in the exported pack's header.
        #[arg(long, default_value = "trustkb-export")]
        name: String,
        /// With --format csv: the table to write.
        #[arg(long, value_enum, default_value_t = export::ExportTable::Vendors)]
        table: export::ExportTable,
        /// With --format stix: only this vendor and what concerns it; with pdf or html: the vendor reported.
        #[arg(long, conflicts_with = "incident")]
        vendor: Option<String>,
        /// With --format stix: only this incident and what concerns it.
        #[arg(long)]
        incident: Option<String>,
        /// With --format pdf or html: the language of the report's labels (en, fr).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Manage user accounts: add, list, set-role, disable, enable, reset-password.
    User {
        #[command(subcommand)]
        command: accounts::UserCommand,
    },
    /// Manage API tokens: create (printed once), list, revoke.
    Token {
        #[command(subcommand)]
        command: accounts::TokenCommand,
    },
    /// Generate a deterministic synthetic knowledge base (vendors marked synthetic); all or nothing.
    Gen {
        /// How many vendors (1 to 1,000,000), with their products, dependencies and evidence.
        #[arg(long, value_parser = generate::parse_vendors)]
        vendors: usize,
        /// The same seed and vendor count always give the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// Score listing formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// Aligned columns for people.
    Table,
    /// A JSON list of {slug, kind, score, grade, uncertainty, ...}.
    Json,
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("\"{text}\" is not a date: use YYYY-MM-DD"))
}

/// Reads the scoring configuration: the defaults, overridden by a TOML file when given.
pub fn scoring_config(path: Option<&std::path::Path>) -> Result<ScoringConfig, CliError> {
    let Some(path) = path else {
        return Ok(ScoringConfig::default());
    };
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.display().to_string(),
        source,
    })?;
    ScoringConfig::from_toml(&text).map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A knowledge pack (TOML), re-importable with `trustkb import`.
    Pack,
    /// The portfolio as an XLSX workbook: vendors, products, incidents, open review conditions.
    Xlsx,
    /// One table of the portfolio as CSV (RFC 4180, UTF-8); see --table.
    Csv,
    /// A STIX 2.1 bundle (JSON): the knowledge base, or --vendor / --incident (docs/stix.md).
    Stix,
    /// The report of --vendor as a PDF (labels in --lang).
    Pdf,
    /// The report of --vendor as an HTML page (labels in --lang).
    Html,
}

/// A failed command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Pack(#[from] PackError),
    #[error("{0}")]
    Usage(String),
    /// What was asked cannot be done (a refused password, a disabled or unknown account).
    #[error("{0}")]
    Failed(String),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Server(#[from] std::io::Error),
}

fn open(database: &str) -> Result<DbConnection, CliError> {
    let mut conn = connect(&database.parse()?)?;
    let applied = run_migrations(&mut conn)?;
    for name in applied {
        tracing::info!(migration = %name, "applied migration");
    }
    Ok(conn)
}

/// The operating-system user running the command ($USER, else $LOGNAME), for the audit trail.
fn os_user() -> String {
    ["USER", "LOGNAME"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|value| value.trim().to_owned())
        .find(|value| !value.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    let scoring = scoring_config(cli.scoring_config.as_deref())?;
    let recommendation = recommend::recommendation_config(cli.recommendation_config.as_deref())?;
    // Ctrl-C or SIGTERM: no partial file, no partial import, exit status 130.
    match &cli.command {
        Command::Import { .. } | Command::Seed { .. } | Command::Gen { .. } => {
            interrupt::install(interrupt::Work::Import)
        }
        Command::Export {
            output: Some(_), ..
        } => interrupt::install(interrupt::Work::Export),
        _ => {}
    }
    match cli.command {
        Command::Serve {
            bind,
            no_seed,
            secret_key,
            admin_email,
            admin_password,
            session_idle_minutes,
            session_max_hours,
            webhook_poll_ms,
            webhook_backoff_secs,
        } => {
            let mut config = ServeConfig::new(&cli.database, &bind)?;
            config.seed_when_empty = !no_seed;
            config.scoring = scoring;
            config.recommendation = recommendation;
            config.secret_key = secret_key
                .as_deref()
                .map(SecretKey::from_config)
                .transpose()
                .map_err(|e| CliError::Usage(e.to_string()))?;
            config.first_admin = FirstAdmin {
                email: admin_email,
                password: admin_password,
            };
            config.sessions = SessionTimeouts {
                idle: chrono::TimeDelta::minutes(session_idle_minutes),
                absolute: chrono::TimeDelta::hours(session_max_hours),
            };
            config.webhooks.poll = std::time::Duration::from_millis(webhook_poll_ms);
            config.webhooks.retry.base = std::time::Duration::from_secs(webhook_backoff_secs);
            crate::web::server::serve(config)?;
            Ok(())
        }
        Command::Migrate => {
            let url: crate::store::DatabaseUrl = cli.database.parse()?;
            let mut conn = connect(&url)?;
            let applied = run_migrations(&mut conn)?;
            if applied.is_empty() {
                println!("{url}: schema up to date, nothing to apply");
            } else {
                println!("{url}: applied {}", applied.join(", "));
            }
            Ok(())
        }
        Command::Seed { from } => {
            let pack = match &from {
                Some(path) => load_path(path)?,
                None => seed_pack()?,
            };
            let mut conn = open(&cli.database)?;
            let actor = Actor::command_line(&os_user(), Channel::Import);
            let outcome =
                with_startup_lock(&mut conn, |c| seed(c, &actor, &pack, now(), &scoring))?;
            interrupt::completed();
            match outcome {
                SeedOutcome::Imported(report) => {
                    println!(
                        "seeded pack \"{}\": {} records ({})",
                        report.pack,
                        report.total(),
                        describe(&report.created)
                    );
                }
                SeedOutcome::AlreadyPresent { at, changed } => {
                    println!(
                        "pack \"{}\" already seeded on {at}; nothing to do",
                        pack.name
                    );
                    if changed {
                        eprintln!(
                            "note: the seed pack has changed since; import new records with a new pack name"
                        );
                    }
                }
            }
            Ok(())
        }
        Command::Import {
            path,
            dry_run,
            table,
        } if bulk::is_bulk_file(&path) => {
            bulk::import(&cli.database, &path, table.as_deref(), dry_run, &scoring)
        }
        Command::Import { dry_run: true, .. } | Command::Import { table: Some(_), .. } => Err(
            CliError::Usage("--dry-run and --table apply to .xlsx and .csv files only".into()),
        ),
        Command::Import { path, .. } if stix::is_bundle_file(&path) => {
            stix::import(&cli.database, &path, &scoring)
        }
        Command::Import { path, .. } => {
            let mut progress = progress::Progress::start(&format!("reading {}", path.display()));
            let pack = load_path(&path)?;
            let mut conn = open(&cli.database)?;
            let actor = Actor::command_line(&os_user(), Channel::Import);
            // Under the same lock as server start-up: imports and rescoring take turns. One
            // transaction: interrupted before it commits, nothing was imported.
            let report = with_startup_lock(&mut conn, |c| {
                import_and_rescore_with(c, &actor, &pack, now(), &scoring, &mut progress)
            })?;
            interrupt::completed();
            drop(progress);
            println!(
                "imported pack \"{}\" from {}: {} records ({})",
                report.pack,
                path.display(),
                report.total(),
                describe(&report.created)
            );
            Ok(())
        }
        Command::Score {
            as_of,
            vendor,
            format,
            explain,
            print_config,
        } => {
            let config = scoring;
            if print_config {
                let text =
                    toml::to_string_pretty(&config).map_err(|e| CliError::Usage(e.to_string()))?;
                return std::io::stdout()
                    .write_all(text.as_bytes())
                    .map_err(|source| CliError::Write {
                        path: "standard output".into(),
                        source,
                    });
            }
            let as_of = as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
            let mut conn = open(&cli.database)?;
            let scored = score_knowledge_base(&mut conn, as_of, &config)?;
            if let Some(slug) = vendor.as_deref()
                && scored.find("vendor", slug).is_none()
            {
                return Err(CliError::Usage(format!(
                    "--vendor: unknown vendor \"{slug}\""
                )));
            }
            let lines = scored.lines(vendor.as_deref(), explain);
            let text = match format {
                ScoreFormat::Json => {
                    serde_json::to_string_pretty(&lines)
                        .map_err(|e| CliError::Usage(e.to_string()))?
                        + "\n"
                }
                ScoreFormat::Table => score_table(&lines, as_of, &config.model_version),
            };
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|source| CliError::Write {
                    path: "standard output".into(),
                    source,
                })
        }
        Command::Recommend {
            product,
            as_of,
            format,
            print_config,
        } => {
            let as_of = as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
            let text = if print_config {
                toml::to_string_pretty(&recommendation)
                    .map_err(|e| CliError::Usage(e.to_string()))?
            } else {
                recommend::run(
                    &cli.database,
                    product.as_deref(),
                    as_of,
                    format,
                    &scoring,
                    &recommendation,
                )?
            };
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|source| CliError::Write {
                    path: "standard output".into(),
                    source,
                })
        }
        Command::User { command } => accounts::run_user(&cli.database, command),
        Command::Token { command } => accounts::run_token(&cli.database, command),
        Command::Gen { vendors, seed } => generate::run(&cli.database, vendors, seed, &scoring),
        Command::Export {
            format: format @ (ExportFormat::Pdf | ExportFormat::Html),
            output,
            vendor,
            lang,
            ..
        } => report::export(
            &cli.database,
            report::ReportExport {
                format,
                vendor,
                lang: &lang,
                output: output.as_deref(),
            },
            &scoring,
            &recommendation,
        ),
        Command::Export {
            format: ExportFormat::Stix,
            output,
            vendor,
            incident,
            ..
        } => stix::export(&cli.database, vendor, incident, output.as_deref()),
        Command::Export {
            format: format @ (ExportFormat::Xlsx | ExportFormat::Csv),
            output,
            table,
            ..
        } => export::spreadsheet(
            &cli.database,
            format,
            table,
            output.as_deref(),
            &scoring,
            &recommendation,
        ),
        Command::Export {
            format: ExportFormat::Pack,
            output,
            name,
            ..
        } => {
            let name =
                Slug::parse(name.as_str()).map_err(|e| CliError::Usage(format!("--name: {e}")))?;
            let mut conn = open(&cli.database)?;
            let text = export_pack(&mut conn, &name)?;
            write_output(
                output.as_deref(),
                text.as_bytes(),
                "exported the knowledge base to",
            )
        }
    }
}

/// Aligned columns, with each line's contributions beneath it when present.
fn score_table(lines: &[ScoreLine], as_of: chrono::NaiveDate, model: &str) -> String {
    let mut out = format!("Trust scores as of {as_of} (model {model})\n");
    out.push_str(&format!(
        "{:<8} {:<34} {:>6} {:>7} {:>7} {:>9} {:>11}\n",
        "KIND", "SLUG", "SCORE", "GRADE", "BELIEF", "DISBELIEF", "UNCERTAINTY"
    ));
    for l in lines {
        let grade = l.grade.clone().unwrap_or_else(|| "unknown".into());
        out.push_str(&format!(
            "{:<8} {:<34} {:>6.1} {:>7} {:>7.4} {:>9.4} {:>11.4}\n",
            l.kind, l.slug, l.score, grade, l.belief, l.disbelief, l.uncertainty
        ));
        for c in l.contributions.iter().flatten() {
            out.push_str(&format!(
                "           {:>+6.1}  {}  [{} {:.2} units = {:.2} × share {:.2} × decay {:.3} × source {:.3}]\n",
                c.effect,
                c.label,
                if c.positive { "+" } else { "−" },
                c.weight,
                c.raw_weight,
                c.share,
                c.decay,
                c.source_discount
            ));
        }
    }
    out
}

fn describe(created: &[(&'static str, usize)]) -> String {
    created
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes to standard output, or atomically to `output` and then says `done` and the path.
fn write_output(
    output: Option<&std::path::Path>,
    bytes: &[u8],
    done: &str,
) -> Result<(), CliError> {
    match output {
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|source| CliError::Write {
                path: "standard output".into(),
                source,
            }),
        Some(path) => {
            write_atomically(path, bytes)?;
            eprintln!("{done} {}", path.display());
            Ok(())
        }
    }
}

/// Writes a file through a temporary sibling and a rename, so a crash or a signal never
/// leaves half a file (the temporary file is removed when the write fails or is interrupted).
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<(), CliError> {
    interrupt::TempOutput::create(path)?.finish(bytes)
}
