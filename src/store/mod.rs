//! The storage layer: one diesel schema over SQLite and PostgreSQL, queries and knowledge packs.
//! Every function returns `StoreError`; no SQL leaves this module.

pub mod accounts;
pub mod alerts;
pub mod audit;
pub mod bulk;
pub mod cache;
pub mod connection;
pub mod curation;
pub mod error;
pub mod generation;
pub mod history;
pub mod insert;
pub mod migrate;
pub mod pack;
pub mod queries;
pub mod reviews;
pub mod rows;
pub mod schema;
pub mod sessions;
pub mod sign_in;
pub mod snapshots;
pub mod statistics;
pub mod tokens;
pub mod vendor_edit;
mod write;

pub use connection::{DatabaseUrl, DbConnection, DbPool, connect, open_pool};
pub use error::StoreError;
