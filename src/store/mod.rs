//! The storage layer: one diesel schema over SQLite and PostgreSQL, queries and knowledge packs.
//! Every function returns `StoreError`; no SQL leaves this module.

pub mod connection;
pub mod error;
pub mod insert;
pub mod migrate;
pub mod pack;
pub mod queries;
pub mod rows;
pub mod schema;
pub mod snapshots;

pub use connection::{DatabaseUrl, DbConnection, DbPool, connect, open_pool};
pub use error::StoreError;
