//! `GET/POST /vendors/new`: the new-vendor form; a valid submission creates the vendor (with
//! its audit record) and goes to its page, an invalid one comes back with its messages (400).

use super::flow::{self, FormPage, change, every_field, saved, show};
use super::{Options, enum_options, note_taken, opt_text, optional, page_slug, respond, see_other};
use crate::domain::{Line, Tier, VendorStatus, WebUrl};
use crate::store::curation::create::{VendorValues, create_vendor};
use crate::store::curation::lookup::SlugOf;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};

/// The new-vendor form as submitted (a missing field is empty).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NewVendorForm {
    pub slug: String,
    pub name: String,
    pub tier: String,
    pub status: String,
    pub website: String,
    pub description: String,
}

impl Default for NewVendorForm {
    fn default() -> Self {
        NewVendorForm {
            slug: String::new(),
            name: String::new(),
            tier: Tier::Medium.as_str().to_owned(),
            status: VendorStatus::Prospect.as_str().to_owned(),
            website: String::new(),
            description: String::new(),
        }
    }
}

impl NewVendorForm {
    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<VendorValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = page_slug(&mut errors, "slug", &self.slug);
        let name = check(&mut errors, "name", Line::parse(self.name.trim()));
        let tier = check(&mut errors, "tier", self.tier.parse::<Tier>());
        let status = check(&mut errors, "status", self.status.parse::<VendorStatus>());
        let website = optional::<WebUrl>(&mut errors, "website", &self.website);
        let description = opt_text(&mut errors, "description", &self.description);
        every_field!(errors => VendorValues { slug, name, tier, status, website, description })
    }
}

#[derive(Template)]
#[template(path = "curation/vendor_new.html")]
pub struct NewVendorPage {
    pub nav: Nav,
    pub form: NewVendorForm,
    pub errors: FieldErrors,
    pub tiers: Options,
    pub statuses: Options,
}

impl FormPage for NewVendorForm {
    type Context = ();

    async fn page(
        self,
        nav: Nav,
        _: &AppState,
        (): (),
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError> {
        let lang = nav.lang;
        let page = NewVendorPage {
            nav,
            form: self,
            errors,
            tiers: enum_options(lang, Tier::ALL, Tier::as_str, Tier::message_id),
            statuses: enum_options(
                lang,
                VendorStatus::ALL,
                VendorStatus::as_str,
                VendorStatus::message_id,
            ),
        };
        respond(&page, status)
    }
}

/// `GET /vendors/new`.
pub async fn form(nav: Nav, state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    show(nav, &state, (), NewVendorForm::default()).await
}

/// `POST /vendors/new`.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<NewVendorForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let values = note_taken(&state, SlugOf::Vendor, &form.slug, form.values()).await?;
    flow::submit(nav, &state, (), form, values, async |values| {
        let slug = values.slug.to_string();
        let outcome = change(&state, &principal, move |c, by| {
            create_vendor(c, &by.actor, &values, by.scoring(), by.now)
        })
        .await?;
        saved(outcome, |_| see_other(format!("/vendors/{slug}")))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wrong_field_is_reported() {
        let form = NewVendorForm {
            slug: "Bad Slug".into(),
            name: " ".into(),
            tier: "huge".into(),
            website: "ftp://x".into(),
            ..NewVendorForm::default()
        };
        let errors = form.values().unwrap_err();
        for field in ["slug", "name", "tier", "website"] {
            assert!(errors.get(field).is_some(), "{field}: {}", errors.detail());
        }
        assert_eq!(errors.get("status"), None);
    }

    #[test]
    fn the_forms_own_address_is_no_slug() {
        let form = NewVendorForm {
            slug: "new".into(),
            name: "New".into(),
            ..NewVendorForm::default()
        };
        let errors = form.values().unwrap_err();
        assert!(
            errors
                .get("slug")
                .is_some_and(|m| m.render(crate::i18n::Lang::En).contains("reserved"))
        );
    }
}
