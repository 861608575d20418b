//! The `trustkb` binary: sets up logging, parses the command line and runs it.
//! Errors are printed with their cause chain and exit with status 1 (2 for usage errors).

#![deny(clippy::unwrap_used, clippy::expect_used)]

use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    trustkb::memory::limit_arenas();
    let filter = EnvFilter::try_from_env("TRUSTKB_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        // A closed stderr must not bring the server down (the default reports with eprintln!).
        .log_internal_errors(false)
        .init();
    let cli = trustkb::cli::Cli::parse();
    match trustkb::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let mut message = format!("error: {err}");
            let mut source = std::error::Error::source(&err);
            while let Some(cause) = source {
                let text = cause.to_string();
                if !message.contains(&text) {
                    message.push_str(&format!("\n  caused by: {text}"));
                }
                source = cause.source();
            }
            eprintln!("{message}");
            match err {
                trustkb::cli::CliError::Usage(_) => ExitCode::from(2),
                _ => ExitCode::FAILURE,
            }
        }
    }
}
