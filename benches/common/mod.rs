//! What the benchmarks share: a synthetic base made by `trustkb gen`'s code in a temporary
//! SQLite file. A benchmark that cannot build its base panics, naming why.

use tempfile::TempDir;
use trustkb::domain::audit::Actor;
use trustkb::domain::scoring::ScoringConfig;
use trustkb::generate::{GenShape, generate_and_rescore};
use trustkb::store::DbConnection;
use trustkb::store::pack::embedded::seed_pack;
use trustkb::store::pack::progress::Quiet;
use trustkb::store::pack::seed::{import_time, seed};

/// A migrated base of `vendors` synthetic vendors (seed 2021), after the seed case when
/// `seeded`; the directory holding it goes when the first value is dropped.
pub fn generated_base(vendors: usize, seeded: bool) -> (TempDir, DbConnection) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary directory: {e}"));
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let url: trustkb::store::DatabaseUrl = url.parse().unwrap_or_else(|e| panic!("{e}"));
    let mut conn = trustkb::store::connect(&url).unwrap_or_else(|e| panic!("{e}"));
    trustkb::store::migrate::run_migrations(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    let scoring = ScoringConfig::default();
    if seeded {
        let pack = seed_pack().unwrap_or_else(|e| panic!("{e}"));
        seed(&mut conn, &Actor::system(), &pack, import_time(), &scoring)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    generate_and_rescore(
        &mut conn,
        &Actor::system(),
        &GenShape::for_vendors(vendors),
        2021,
        import_time(),
        &scoring,
        &mut Quiet,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    (dir, conn)
}
