//! `trustkb gen`: fills a database with a deterministic synthetic knowledge base (benchmarks,
//! demos), showing a bar per table, then prints what it wrote and how long it took.

use super::progress::Progress;
use super::{CliError, open, os_user};
use crate::domain::Channel;
use crate::domain::audit::Actor;
use crate::domain::scoring::ScoringConfig;
use crate::generate::{GenShape, MAX_VENDORS, generate_and_rescore};
use crate::store::migrate::with_startup_lock;
use crate::store::pack::seed::import_time;
use std::time::Instant;

/// The `--vendors` values accepted: 1 to 1,000,000.
pub fn parse_vendors(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_VENDORS).contains(&n) => Ok(n),
        _ => Err(format!(
            "\"{text}\" is not a vendor count: give a whole number from 1 to {MAX_VENDORS}"
        )),
    }
}

/// Generates `vendors` synthetic vendors (and all that goes with them) from `seed`.
pub fn run(
    database: &str,
    vendors: usize,
    seed: u64,
    scoring: &ScoringConfig,
) -> Result<(), CliError> {
    let started = Instant::now();
    let mut progress = Progress::start("opening the database");
    let mut conn = open(database)?;
    let actor = Actor::command_line(&os_user(), Channel::Cli);
    let shape = GenShape::for_vendors(vendors);
    // Under the same lock as imports and server start-up; one transaction, all or nothing.
    let summary = with_startup_lock(&mut conn, |c| {
        generate_and_rescore(
            c,
            &actor,
            &shape,
            seed,
            import_time(),
            scoring,
            &mut progress,
        )
    })?;
    super::interrupt::completed();
    drop(progress);
    println!(
        "generated a synthetic base (seed {seed}) in {:.1?}: {}; {} score snapshots",
        started.elapsed(),
        summary.describe(),
        summary.snapshots
    );
    Ok(())
}
