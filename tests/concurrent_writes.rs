//! Writers at once on one database, on every backend: each write lands, none is refused as
//! "database is locked" because another writer committed while it was reading.

mod common;

use common::TestDb;
use diesel::prelude::*;
use std::sync::{Arc, Barrier};
use trustkb::domain::audit::Actor;
use trustkb::domain::scoring::ScoringConfig;
use trustkb::domain::{Line, Slug, Tier, VendorStatus};
use trustkb::store::curation::create::{VendorValues, create_vendor};
use trustkb::store::schema::vendors;

const WRITERS: usize = 6;
const WRITES_EACH: usize = 8;

fn values(slug: &str) -> VendorValues {
    VendorValues {
        slug: Slug::parse(slug).unwrap(),
        name: Line::parse(format!("Vendor {slug}")).unwrap(),
        tier: Tier::Medium,
        status: VendorStatus::Active,
        website: None,
        description: None,
    }
}

/// Each writer reads (the slug check, the snapshots) before it writes, so under a deferred
/// SQLite transaction a writer that lost the race was refused at once.
#[test]
fn writers_at_once_all_land() {
    for db in TestDb::all() {
        drop(db.connect()); // migrate once, before the writers start
        let start = Arc::new(Barrier::new(WRITERS));
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (url, start) = (db.url.clone(), Arc::clone(&start));
                std::thread::spawn(move || {
                    let url: trustkb::store::DatabaseUrl = url.parse().unwrap();
                    let mut conn = trustkb::store::connect(&url).unwrap();
                    let config = ScoringConfig::default();
                    let today = chrono::Utc::now().date_naive();
                    start.wait();
                    (0..WRITES_EACH)
                        .map(|i| {
                            let now = chrono::Utc::now().naive_utc();
                            let slug = format!("writer-{w}-vendor-{i}");
                            create_vendor(
                                &mut conn,
                                &Actor::system(),
                                &values(&slug),
                                (&config, today),
                                now,
                            )
                            .map_err(|e| format!("{slug}: {e}"))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let failures: Vec<String> = writers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .filter_map(Result::err)
            .collect();
        assert!(failures.is_empty(), "{}: {failures:?}", db.backend);
        let mut conn = db.connect();
        let listed: i64 = vendors::table.count().get_result(&mut conn).unwrap();
        assert_eq!(listed, (WRITERS * WRITES_EACH) as i64, "{}", db.backend);
    }
}
