//! The JSON API v1's account read (`/api/v1/me`, the account a token acts for) and the
//! paging query of the older lists; errors are `application/problem+json`.

use super::super::error::{ApiError, WebError};
use super::super::identity::Principal;
use super::doc::Op;
use super::params::QueryParams;
use crate::domain::Role;
use crate::store::queries::PageRequest;
use actix_web::HttpResponse;
use serde::{Deserialize, Serialize};

/// `?limit=&offset=` on list endpoints.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

impl ListQuery {
    /// The page asked for, refused when out of range (public for the fuzz target, fuzz/).
    pub fn page(&self) -> Result<PageRequest, ApiError> {
        if let Some(limit) = self.limit
            && !(1..=PageRequest::MAX_LIMIT).contains(&limit)
        {
            return Err(WebError::BadRequest(format!(
                "limit must be between 1 and {}",
                PageRequest::MAX_LIMIT
            ))
            .into());
        }
        if self.offset.is_some_and(|o| o < 0) {
            return Err(WebError::BadRequest("offset must not be negative".into()).into());
        }
        Ok(PageRequest::new(self.limit, self.offset))
    }
}

/// The account a token acts for.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Me {
    pub id: i32,
    pub email: String,
    pub role: Role,
    pub must_change_password: bool,
}

/// `GET /api/v1/me`: the account the token acts for.
pub async fn me(principal: Principal, query: QueryParams) -> Result<HttpResponse, ApiError> {
    query.check(&[])?;
    let account = principal.account;
    Ok(HttpResponse::Ok().json(Me {
        id: account.id,
        email: account.email,
        role: account.role,
        must_change_password: account.must_change_password,
    }))
}

pub fn me_doc() -> Op {
    Op::new("accounts", "The account the token acts for").returns::<Me>(200)
}
