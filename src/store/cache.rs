//! Values built from the database and kept in memory until the knowledge base's generation
//! moves (the search index, the scoring input, the dashboard, vendor and product details).

use super::generation;
use super::{DbConnection, StoreError};
use lru::LruCache;
use std::hash::Hash;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, PoisonError};

/// Cached values of one generation, by key, the least recently used dropped first when full.
/// Every reader checks the generation first, so writes by this server, another server on the
/// same database or a CLI import are seen at once.
#[derive(Debug)]
pub struct Cached<K: Hash + Eq, T> {
    entries: Mutex<Entries<K, T>>,
    /// Held while building, so that concurrent readers build a costly value once; absent
    /// for cheap values, whose readers build side by side.
    building: Option<Mutex<()>>,
}

#[derive(Debug)]
struct Entries<K: Hash + Eq, T> {
    generation: i64,
    values: LruCache<K, Arc<T>>,
}

impl<K: Hash + Eq, T> Default for Cached<K, T> {
    /// One costly value (the last key built), built once at a time.
    fn default() -> Self {
        Cached::new(NonZeroUsize::MIN, true)
    }
}

impl<K: Hash + Eq, T> Cached<K, T> {
    /// Up to `capacity` cheap values, built side by side when missing.
    pub fn bounded(capacity: NonZeroUsize) -> Self {
        Cached::new(capacity, false)
    }

    fn new(capacity: NonZeroUsize, build_once: bool) -> Self {
        Cached {
            entries: Mutex::new(Entries {
                generation: i64::MIN,
                values: LruCache::new(capacity),
            }),
            building: build_once.then(|| Mutex::new(())),
        }
    }
}

impl<K: Hash + Eq + Clone, T> Cached<K, T> {
    fn held(&self, generation: i64, key: &K) -> Option<Arc<T>> {
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
        let _building = self
            .building
            .as_ref()
            .map(|lock| lock.lock().unwrap_or_else(PoisonError::into_inner));
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
        let _building = self
            .building
            .as_ref()
            .map(|lock| lock.lock().unwrap_or_else(PoisonError::into_inner));
        self.build(conn, key, build)
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
