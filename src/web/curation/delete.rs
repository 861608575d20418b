//! Deleting a vendor or a product: `GET .../delete` asks for confirmation or explains what
//! still references the record; `POST .../delete` deletes it (audited) or refuses (409).
//! The confirmation page serves the deletes of incidents and remediations too.

use super::flow::{change, delete_page};
use super::see_other;
use crate::store::curation::delete::{Deletable, DeleteCheck, delete_check, delete_record};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
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

    /// The page about deleting the `kind` record `check` describes, going back to `back`:
    /// the confirmation (200), or the refusal naming what references it (409).
    pub fn answer(
        nav: Nav,
        kind: &'static str,
        check: DeleteCheck,
        back: String,
        refused: bool,
    ) -> Result<HttpResponse, PageError> {
        let page = DeletePage {
            nav,
            kind,
            action: format!("/{kind}s/{}/delete", check.slug),
            back,
            check,
            refused,
        };
        delete_page(&page, refused)
    }
}

fn target<'a>(kind: &'static str, slug: &'a str) -> Deletable<'a> {
    if kind == "vendor" {
        Deletable::Vendor(slug)
    } else {
        Deletable::Product(slug)
    }
}

async fn confirm(
    nav: Nav,
    state: web::Data<AppState>,
    kind: &'static str,
    slug: String,
) -> Result<HttpResponse, PageError> {
    let check = state
        .run(move |c| delete_check(c, target(kind, &slug)))
        .await?;
    let back = format!("/vendors/{}", check.vendor_slug);
    DeletePage::answer(nav, kind, check, back, false)
}

async fn delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    kind: &'static str,
    slug: String,
) -> Result<HttpResponse, PageError> {
    let check = change(&state, &principal, move |c, by| {
        delete_record(c, &by.actor, target(kind, &slug), by.now)
    })
    .await?;
    let back = format!("/vendors/{}", check.vendor_slug);
    if !check.references.is_empty() {
        return DeletePage::answer(nav, kind, check, back, true);
    }
    Ok(see_other(if kind == "vendor" {
        "/vendors".to_owned()
    } else {
        back
    }))
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
