//! The knowledge base's generation and the caches keyed by it, on every backend: audited
//! writes move it, sign-ins and rolled-back writes do not, and a cache rebuilds only then.

mod common;

use common::TestDb;
use diesel::Connection;
use std::sync::Arc;
use trustkb::domain::AuditAction;
use trustkb::domain::audit::{Actor, Change};
use trustkb::store::audit::record;
use trustkb::store::cache::Cached;
use trustkb::store::generation::current;
use trustkb::store::{DbConnection, StoreError};

fn change(entity: &'static str) -> Change {
    Change {
        action: AuditAction::Update,
        entity,
        entity_id: "1".into(),
        label: "test".into(),
        before: None,
        after: None,
    }
}

fn audit(conn: &mut DbConnection, entity: &'static str) {
    let now = chrono::Utc::now().naive_utc();
    record(conn, &Actor::system(), &change(entity), now).unwrap();
}

#[test]
fn audited_writes_move_the_generation_and_sign_ins_do_not() {
    for db in TestDb::all() {
        let mut conn = db.connect();
        let start = current(&mut conn).unwrap();
        audit(&mut conn, "vendor");
        assert_eq!(current(&mut conn).unwrap(), start + 1, "{}", db.url);
        audit(&mut conn, trustkb::store::sign_in::ENTITY);
        audit(&mut conn, trustkb::store::tokens::ENTITY);
        assert_eq!(current(&mut conn).unwrap(), start + 1, "{}", db.url);
        let failed: Result<(), StoreError> = conn.transaction(|conn| {
            audit(conn, "incident");
            Err(StoreError::Corrupt("rolled back on purpose".into()))
        });
        assert!(failed.is_err());
        assert_eq!(current(&mut conn).unwrap(), start + 1, "{}", db.url);
    }
}

#[test]
fn a_cached_value_is_rebuilt_only_when_the_generation_moves() {
    for db in TestDb::all() {
        let mut conn = db.connect();
        let cache: Cached<u8, i64> = Cached::default();
        let builds = std::cell::Cell::new(0);
        let build = |conn: &mut DbConnection| -> Result<i64, StoreError> {
            builds.set(builds.get() + 1);
            current(conn)
        };
        let first = cache.get(&mut conn, &1, build).unwrap();
        let again = cache.get(&mut conn, &1, build).unwrap();
        assert!(Arc::ptr_eq(&first, &again), "{}", db.url);
        // Another key is another value.
        let other = cache.get(&mut conn, &2, build).unwrap();
        assert!(!Arc::ptr_eq(&first, &other));
        // A write, here or by another server on the same database, makes it stale.
        let mut elsewhere = db.connect();
        audit(&mut elsewhere, "vendor");
        let after = cache.get(&mut conn, &2, build).unwrap();
        assert_eq!(*after, *other + 1, "{}", db.url);
        assert_eq!(builds.get(), 3, "{}", db.url);
    }
}

#[test]
fn readers_of_a_missing_key_wait_for_one_build() {
    for db in TestDb::all() {
        let cache: Arc<Cached<u8, i64>> =
            Arc::new(Cached::bounded(std::num::NonZeroUsize::new(4).unwrap()));
        let builds = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let start = Arc::new(std::sync::Barrier::new(4));
        let readers: Vec<_> = (0..4)
            .map(|_| {
                let mut conn = db.connect();
                let (cache, builds, start) = (cache.clone(), builds.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    let value = cache.get(&mut conn, &1, |_| {
                        builds.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(200));
                        Ok::<i64, StoreError>(42)
                    });
                    *value.unwrap()
                })
            })
            .collect();
        for reader in readers {
            assert_eq!(reader.join().unwrap(), 42);
        }
        assert_eq!(
            builds.load(std::sync::atomic::Ordering::SeqCst),
            1,
            "{}",
            db.url
        );
    }
}
