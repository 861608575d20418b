//! The JSON API v1: every kind of record listed, read, created, changed and deleted through
//! the browser's own forms and store functions, described by an OpenAPI 3.1 document.

pub mod alerts;
pub mod analysts;
pub mod answers;
pub mod assessments;
pub mod body;
pub mod causes;
pub mod citations;
pub mod curated;
pub mod deliveries;
pub mod dependencies;
pub mod doc;
pub mod etag;
pub mod incident_form;
pub mod incidents;
pub mod openapi;
pub mod paging;
pub mod params;
pub mod products;
pub mod reads;
pub mod records;
pub mod remediations;
pub mod reviews;
pub mod scores;
pub mod sources;
pub mod timeline;
pub mod vendors;
pub mod watchlists;

pub use reads::*;

pub(crate) use super::curate::FieldErrors;
pub(crate) use super::error::{ApiError, WebError};
