//! The web layer: actix-web server, server-rendered pages (askama) and the JSON API.
//! Handlers are thin: extract, call the store in `web::block`, render; errors map to 4xx/5xx.

pub mod access;
pub mod account;
pub mod admin;
pub mod api;
pub mod assets;
pub mod audit;
pub mod audit_csv;
pub mod blast;
pub mod blast_chart;
pub mod charts;
pub mod compare;
pub mod concentration;
pub mod curate;
pub mod curation;
pub mod dashboard;
pub mod error;
pub mod explain;
pub mod exports;
pub mod filters;
pub mod identity;
pub mod language;
pub mod lists;
pub mod login;
pub mod pages;
pub mod recommendation_details;
pub mod recommendation_reasons;
pub mod recommendations;
pub mod report;
pub mod reviews;
pub mod routes;
pub mod search;
pub mod server;
pub mod state;
pub mod stix;
pub mod wording;
