//! Values built from the database and kept in memory until the knowledge base's generation
//! moves (the search index, the scoring input, the dashboard, vendor and product details).

use super::generation;
use super::{DbConnection, StoreError};
use lru::LruCache;
use std::collections::HashMap;
use std::hash::Hash;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, PoisonError};

/// Cached values of one generation, by key, the least recently used dropped first when full.
/// Every reader checks the generation first, so writes by this server, another server on the
/// same database or a CLI import are seen at once.
#[derive(Debug)]
pub struct Cached<K: Hash + Eq, T> {
    entries: Mutex<Entries<K, T>>,
    /// The keys being built, each with the lock its builder holds: concurrent readers of a
    /// missing key wait for one build instead of each building it (after every write, a
    /// busy page would otherwise be built by every request in flight at once).
    building: Mutex<HashMap<K, Arc<Mutex<()>>>>,
}

#[derive(Debug)]
struct Entries<K: Hash + Eq, T> {
    generation: i64,
    values: LruCache<K, Arc<T>>,
}

impl<K: Hash + Eq, T> Default for Cached<K, T> {
    /// One costly value (the last key built).
    fn default() -> Self {
        Cached::bounded(NonZeroUsize::MIN)
    }
}

impl<K: Hash + Eq, T> Cached<K, T> {
    /// Up to `capacity` values, the least recently used dropped first.
    pub fn bounded(capacity: NonZeroUsize) -> Self {
        Cached {
            entries: Mutex::new(Entries {
                generation: i64::MIN,
                values: LruCache::new(capacity),
            }),
            building: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Hash + Eq + Clone, T> Cached<K, T> {
    /// The value for `key` if it is held for `generation` (read by the caller from the
    /// database in this request), without touching the database.
    pub fn held(&self, generation: i64, key: &K) -> Option<Arc<T>> {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.generation != generation {
            return None;
        }
        entries.values.get(key).cloned()
    }

    /// The value for `key` at the current generation, built by `build` when missing or stale.
    pub fn get<E: From<StoreError>>(
        &self,
        conn: &mut DbConnection,
        key: &K,
        build: impl FnOnce(&mut DbConnection) -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        let now = generation::current(conn)?;
        if let Some(value) = self.held(now, key) {
            return Ok(value);
        }
        let turn = self.turn(key);
        let _building = turn.lock.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(value) = self.held(now, key) {
            return Ok(value);
        }
        self.build(conn, key, build)
    }

    /// Builds the value for `key` now, whatever the generation.
    pub fn rebuild<E: From<StoreError>>(
        &self,
        conn: &mut DbConnection,
        key: &K,
        build: impl FnOnce(&mut DbConnection) -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        let turn = self.turn(key);
        let _building = turn.lock.lock().unwrap_or_else(PoisonError::into_inner);
        self.build(conn, key, build)
    }

    /// The turn to build `key`: shared by every reader building it now.
    fn turn<'a>(&'a self, key: &K) -> BuildTurn<'a, K, T> {
        let mut building = self.building.lock().unwrap_or_else(PoisonError::into_inner);
        BuildTurn {
            cache: self,
            key: key.clone(),
            lock: building.entry(key.clone()).or_default().clone(),
        }
    }

    fn build<E: From<StoreError>>(
        &self,
        conn: &mut DbConnection,
        key: &K,
        build: impl FnOnce(&mut DbConnection) -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        // The generation is read before the data: a write in between makes the value look
        // stale on the next read, never fresh with missing records.
        let generation = generation::current(conn)?;
        let value = Arc::new(build(conn)?);
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.generation < generation {
            entries.values.clear();
            entries.generation = generation;
        }
        // A value built from an older generation than one already cached is served once,
        // not kept.
        if entries.generation == generation {
            entries.values.put(key.clone(), value.clone());
        }
        Ok(value)
    }
}

/// A reader's place in line to build one key; the last to leave forgets the key.
struct BuildTurn<'a, K: Hash + Eq, T> {
    cache: &'a Cached<K, T>,
    key: K,
    lock: Arc<Mutex<()>>,
}

impl<K: Hash + Eq, T> Drop for BuildTurn<'_, K, T> {
    fn drop(&mut self) {
        let mut building = self
            .cache
            .building
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // Clones are only made under this lock: the map's and this one mean no one waits.
        if Arc::strong_count(&self.lock) <= 2 {
            building.remove(&self.key);
        }
    }
}
