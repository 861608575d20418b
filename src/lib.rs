//! trustkb: a vendor risk and trust-scoring knowledge base.
//! Layers (see DESIGN.md): `domain` (pure) ← `store` (diesel) ← `web` / `cli`.

#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod auth;
pub mod bulk;
pub mod cli;
pub mod config;
pub mod domain;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod memory;
pub mod metrics;
pub mod report;
pub mod search;
pub mod stix;
pub mod store;
pub mod web;
pub mod webhooks;
