//! The API's answers to `GET` on one record, kept per generation as the JSON sent and its
//! ETag: a repeated read costs a look-up, not a query, a clone and a serialisation.

use crate::store::DbConnection;
use crate::store::cache::Cached;
use crate::web::error::WebError;
use crate::web::freshness::SeenGeneration;
use actix_web::web::Bytes;
use chrono::NaiveDate;
use std::num::NonZeroUsize;
use std::sync::Arc;

/// How many answers a server keeps (a few kilobytes each).
const ANSWERS_KEPT: NonZeroUsize = match NonZeroUsize::new(256) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

/// Which read: the record's collection, its key and the day it is scored as of.
pub type AnswerKey = (&'static str, String, NaiveDate);

/// One record's answer as sent.
#[derive(Debug)]
pub struct Answer {
    /// The record's view, serialised.
    pub json: Bytes,
    /// The ETag of its editable fields.
    pub etag: String,
}

/// Answers by record, dropped when the knowledge base changes.
#[derive(Debug)]
pub struct Answers(Cached<AnswerKey, Answer>);

impl Default for Answers {
    fn default() -> Self {
        Answers(Cached::bounded(ANSWERS_KEPT))
    }
}

impl Answers {
    /// The answer for `key` if held for the generation `seen` in this request.
    pub fn held(&self, seen: SeenGeneration, key: &AnswerKey) -> Option<Arc<Answer>> {
        self.0.held(seen.0?, key)
    }

    /// The answer for `key`, built by `build` when missing or stale.
    pub fn get(
        &self,
        conn: &mut DbConnection,
        key: &AnswerKey,
        build: impl FnOnce(&mut DbConnection) -> Result<Answer, WebError>,
    ) -> Result<Arc<Answer>, WebError> {
        self.0.get(conn, key, build)
    }
}

impl Answer {
    /// The answer of a view and the ETag of its record.
    pub fn of<V: serde::Serialize>(view: &V, etag: String) -> Result<Answer, WebError> {
        let json = serde_json::to_vec(view)
            .map_err(|e| WebError::Internal(format!("cannot write a record as JSON: {e}")))?;
        Ok(Answer {
            json: Bytes::from(json),
            etag,
        })
    }
}
