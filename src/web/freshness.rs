//! The knowledge base's generation as read while the request was authenticated: a handler
//! whose cached answer is of that generation serves it without a database turn of its own.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use std::future::{Ready, ready};

/// The generation read in the same database turn as the request's credentials; `None` on
/// requests that carried none (the handler then reads it itself).
#[derive(Debug, Clone, Copy, Default)]
pub struct SeenGeneration(pub Option<i64>);

impl FromRequest for SeenGeneration {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(req
            .extensions()
            .get::<SeenGeneration>()
            .copied()
            .unwrap_or_default()))
    }
}
