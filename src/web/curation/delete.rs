//! Deleting a vendor or a product: `GET .../delete` asks for confirmation or explains what
//! still references the record; `POST .../delete` deletes it (audited) or refuses (409).
//! The confirmation page serves the deletes of incidents and remediations too.

use super::{respond, see_other};
use crate::store::curation::delete::{Deletable, DeleteCheck, delete_check, delete_record};
use crate::store::pack::seed::import_time;
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

#[derive(Template)]
#[template(path = "curation/delete.html")]
pub struct DeletePage {
    pub nav: Nav,
    /// "vendor", "product", "incident" or "remediation".
    pub kind: &'static str,
    /// Where the form posts.
    pub action: String,
    /// The page to go back to.
    pub back: String,
    pub check: DeleteCheck,
    /// Whether this page answers a refused delete.
    pub refused: bool,
}

impl DeletePage {
    /// The record named with its article ("the vendor"), a catalogue message id.
    pub fn what_id(&self) -> &'static str {
        match self.kind {
            "vendor" => "curation-delete-what-vendor",
            "product" => "curation-delete-what-product",
            "incident" => "curation-delete-what-incident",
            _ => "curation-delete-what-remediation",
        }
    }

    /// What deleting it also removes, a catalogue message id.
    pub fn effect_id(&self) -> &'static str {
        match self.kind {
            "vendor" | "product" => "curation-delete-effect-scored",
            "incident" => "curation-delete-effect-incident",
            _ => "curation-delete-effect-remediation",
        }
    }
}

fn target<'a>(kind: &'static str, slug: &'a str) -> (Deletable<'a>, String) {
    if kind == "vendor" {
        (Deletable::Vendor(slug), format!("/vendors/{slug}/delete"))
    } else {
        (Deletable::Product(slug), format!("/products/{slug}/delete"))
    }
}

async fn confirm(
    nav: Nav,
    state: web::Data<AppState>,
    kind: &'static str,
    slug: String,
) -> Result<HttpResponse, PageError> {
    let action = target(kind, &slug).1;
    let check = state
        .run(move |c| delete_check(c, target(kind, &slug).0))
        .await?;
    let page = DeletePage {
        nav,
        kind,
        action,
        back: format!("/vendors/{}", check.vendor_slug),
        check,
        refused: false,
    };
    respond(&page, StatusCode::OK)
}

async fn delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    kind: &'static str,
    slug: String,
) -> Result<HttpResponse, PageError> {
    let actor = principal.actor();
    let action = target(kind, &slug).1;
    let check = state
        .run(move |c| delete_record(c, &actor, target(kind, &slug).0, import_time()))
        .await?;
    if check.references.is_empty() {
        return Ok(see_other(if kind == "vendor" {
            "/vendors".to_owned()
        } else {
            format!("/vendors/{}", check.vendor_slug)
        }));
    }
    let page = DeletePage {
        nav,
        kind,
        action,
        back: format!("/vendors/{}", check.vendor_slug),
        check,
        refused: true,
    };
    respond(&page, StatusCode::CONFLICT)
}

/// `GET /vendors/{slug}/delete`.
pub async fn vendor_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    confirm(nav, state, "vendor", slug.into_inner()).await
}

/// `POST /vendors/{slug}/delete`.
pub async fn vendor_delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    delete(nav, principal, state, "vendor", slug.into_inner()).await
}

/// `GET /products/{slug}/delete`.
pub async fn product_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    confirm(nav, state, "product", slug.into_inner()).await
}

/// `POST /products/{slug}/delete`.
pub async fn product_delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    delete(nav, principal, state, "product", slug.into_inner()).await
}
