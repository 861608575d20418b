//! Values built from the database and kept in memory until the knowledge base's generation
//! moves (the search index, the scoring input, the dashboard), shared by a server's workers.

use super::generation;
use super::{DbConnection, StoreError};
use std::sync::{Arc, Mutex, PoisonError};

/// One cached value per key and generation; the last key built is kept. Every reader checks
/// the generation first, so writes by this server, another server on the same database or a
/// CLI import are seen at once.
#[derive(Debug)]
pub struct Cached<K, T> {
    current: Mutex<Option<(i64, K, Arc<T>)>>,
    /// Held while building, so that concurrent readers build once.
    building: Mutex<()>,
}

impl<K, T> Default for Cached<K, T> {
    fn default() -> Self {
        Cached {
            current: Mutex::new(None),
            building: Mutex::new(()),
        }
    }
}

impl<K: PartialEq + Clone, T> Cached<K, T> {
    fn held(&self, generation: i64, key: &K) -> Option<Arc<T>> {
        let current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        match current.as_ref() {
            Some((g, k, value)) if *g == generation && k == key => Some(value.clone()),
            _ => None,
        }
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
        let _building = self.building.lock().unwrap_or_else(PoisonError::into_inner);
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
        let _building = self.building.lock().unwrap_or_else(PoisonError::into_inner);
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
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) =
            Some((generation, key.clone(), value.clone()));
        Ok(value)
    }
}
