//! `GET/POST /vendors/new`: the new-vendor form; a valid submission creates the vendor (with
//! its audit record) and goes to its page, an invalid one comes back with its messages (400).

use super::{
    Options, enum_options, note_taken, opt_text, page_slug, refused_into, respond, see_other,
};
use crate::domain::{Line, Tier, VendorStatus, WebUrl};
use crate::store::curation::create::{VendorValues, create_vendor};
use crate::store::curation::lookup::SlugOf;
use crate::store::pack::seed::import_time;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The new-vendor form as submitted (a missing field is empty).
#[derive(Debug, Clone, Deserialize)]
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
        let website = match self.website.trim() {
            "" => Some(None),
            url => check(&mut errors, "website", WebUrl::parse(url)).map(Some),
        };
        let description = opt_text(&mut errors, "description", &self.description);
        match (slug, name, tier, status, website, description) {
            (
                Some(slug),
                Some(name),
                Some(tier),
                Some(status),
                Some(website),
                Some(description),
            ) if errors.is_empty() => Ok(VendorValues {
                slug,
                name,
                tier,
                status,
                website,
                description,
            }),
            _ => Err(errors),
        }
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

fn page(
    nav: Nav,
    form: NewVendorForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let lang = nav.lang;
    let page = NewVendorPage {
        nav,
        form,
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

/// `GET /vendors/new`.
pub async fn form(nav: Nav) -> Result<HttpResponse, PageError> {
    page(
        nav,
        NewVendorForm::default(),
        FieldErrors::default(),
        StatusCode::OK,
    )
}

/// `POST /vendors/new`.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<NewVendorForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let values = match form.values() {
        Ok(values) => values,
        Err(mut errors) => {
            note_taken(&state, &mut errors, SlugOf::Vendor, &form.slug).await?;
            return page(nav, form, errors, StatusCode::BAD_REQUEST);
        }
    };
    let actor = principal.actor();
    let stored = values.clone();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let outcome = state
        .run(move |c| create_vendor(c, &actor, &stored, (&config, today), import_time()))
        .await?;
    match outcome {
        Ok(_) => Ok(see_other(format!("/vendors/{}", values.slug))),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, form, errors, StatusCode::BAD_REQUEST)
        }
    }
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
