//! Curation: editing a vendor through its form (the API's `PATCH` lays its JSON over the
//! same form). Input is parsed into domain values; every wrong field is reported, nothing written.

use super::error::{PageError, WebError};
use super::identity::{Nav, Principal};
use super::state::AppState;
use crate::domain::{Line, Text, Tier, VendorStatus, WebUrl};
use crate::i18n::{Lang, Message};
use crate::store::pack::seed::import_time;
use crate::store::vendor_edit::{EditableVendor, VendorChanges, editable_vendor, update_vendor};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What was wrong with each field of a submission, in the order of the form; each message
/// is rendered in the reader's language by the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldErrors(Vec<(Cow<'static, str>, Message)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: impl Into<Message>) {
        self.0.push((Cow::Borrowed(field), message.into()));
    }

    /// Notes a field named at run time (a key of a JSON body).
    pub fn add_named(&mut self, field: String, message: impl Into<Message>) {
        self.0.push((Cow::Owned(field), message.into()));
    }

    /// The same messages, each field renamed by `rename` (kept when it answers `None`).
    pub fn renamed(self, rename: impl Fn(&str) -> Option<String>) -> FieldErrors {
        let fields = self
            .0
            .into_iter()
            .map(|(field, message)| match rename(&field) {
                Some(name) => (Cow::Owned(name), message),
                None => (field, message),
            });
        FieldErrors(fields.collect())
    }

    /// These messages but those about a field `other` already names.
    pub fn except(self, other: &FieldErrors) -> FieldErrors {
        let kept = self.0.into_iter().filter(|(f, _)| other.get(f).is_none());
        FieldErrors(kept.collect())
    }

    /// The message for `field`, if it was wrong.
    pub fn get(&self, field: &str) -> Option<&Message> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds another check's messages after these.
    pub fn extend(&mut self, other: FieldErrors) {
        self.0.extend(other.0);
    }

    /// Each wrong field with its reason in English, for the API's problem documents.
    pub fn problems(&self) -> Vec<super::error::FieldProblem> {
        self.0
            .iter()
            .map(|(field, message)| super::error::FieldProblem {
                field: field.to_string(),
                detail: message.render(Lang::En),
            })
            .collect()
    }

    /// "name: must not be empty; tier: unknown tier ..." (in English, for logs and the API).
    pub fn detail(&self) -> String {
        self.0
            .iter()
            .map(|(f, m)| format!("{f}: {}", m.render(Lang::En)))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Parses one field, noting its error (a domain rule's message, in the reader's language).
pub(crate) fn check<T, E: Into<Message>>(
    errors: &mut FieldErrors,
    field: &'static str,
    parsed: Result<T, E>,
) -> Option<T> {
    parsed.map_err(|e| errors.add(field, e)).ok()
}

/// The vendor form as submitted (every field text; a missing field is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct VendorForm {
    pub name: String,
    pub tier: String,
    pub status: String,
    pub website: String,
    pub description: String,
}

impl VendorForm {
    pub(crate) fn of(v: &EditableVendor) -> VendorForm {
        VendorForm {
            name: v.name.clone(),
            tier: v.tier.as_str().to_owned(),
            status: v.status.as_str().to_owned(),
            website: v.website.clone().unwrap_or_default(),
            description: v.description.clone().unwrap_or_default(),
        }
    }

    /// Every field, validated: the name and website trimmed, an empty website or
    /// description cleared, the description's line breaks as the browser's CRLF made LF.
    pub(crate) fn changes(&self) -> Result<VendorChanges, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = check(&mut errors, "name", Line::parse(self.name.trim()));
        let tier = check(&mut errors, "tier", self.tier.parse::<Tier>());
        let status = check(&mut errors, "status", self.status.parse::<VendorStatus>());
        let website = match self.website.trim() {
            "" => Some(None),
            url => check(&mut errors, "website", WebUrl::parse(url)).map(Some),
        };
        let description = self.description.replace("\r\n", "\n");
        let description = if description.trim().is_empty() {
            Some(None)
        } else {
            check(&mut errors, "description", Text::parse(description)).map(Some)
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(VendorChanges {
            name,
            tier,
            status,
            website,
            description,
        })
    }
}

#[derive(Template)]
#[template(path = "vendors/edit.html")]
pub struct VendorEditPage {
    pub nav: Nav,
    pub slug: String,
    /// The vendor's stored name (the title), whatever the form holds.
    pub name: String,
    pub form: VendorForm,
    pub errors: FieldErrors,
    pub tiers: &'static [Tier],
    pub statuses: &'static [VendorStatus],
}

impl VendorEditPage {
    fn new(nav: Nav, vendor: &EditableVendor, form: VendorForm, errors: FieldErrors) -> Self {
        VendorEditPage {
            nav,
            slug: vendor.slug.clone(),
            name: vendor.name.clone(),
            form,
            errors,
            tiers: Tier::ALL,
            statuses: VendorStatus::ALL,
        }
    }

    fn respond(&self, status: StatusCode) -> Result<HttpResponse, PageError> {
        let body = self
            .render()
            .map_err(|e| WebError::Internal(format!("cannot render the vendor form: {e}")))?;
        Ok(HttpResponse::build(status)
            .content_type(ContentType::html())
            .body(body))
    }
}

/// `GET /vendors/{slug}/edit`: the form, filled with the stored values.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let vendor = state.run(move |c| editable_vendor(c, &slug)).await?;
    VendorEditPage::new(
        nav,
        &vendor,
        VendorForm::of(&vendor),
        FieldErrors::default(),
    )
    .respond(StatusCode::OK)
}

/// `POST /vendors/{slug}/edit`: saves a valid form (one audit record when something
/// changed) and goes back to the vendor; an invalid one comes back with its messages (400).
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<VendorForm>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let form = form.into_inner();
    let changes = match form.changes() {
        Ok(changes) => changes,
        Err(errors) => {
            let vendor = state.run(move |c| editable_vendor(c, &slug)).await?;
            return VendorEditPage::new(nav, &vendor, form, errors)
                .respond(StatusCode::BAD_REQUEST);
        }
    };
    let actor = principal.actor();
    let target = slug.clone();
    state
        .run(move |c| update_vendor(c, &actor, &target, &changes, import_time()))
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/vendors/{slug}")))
        .finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, tier: &str, website: &str) -> VendorForm {
        VendorForm {
            name: name.into(),
            tier: tier.into(),
            status: "active".into(),
            website: website.into(),
            description: "  \r\n ".into(),
        }
    }

    #[test]
    fn a_form_reports_every_wrong_field() {
        let errors = form("", "huge", "ftp://x").changes().unwrap_err();
        assert!(errors.get("name").is_some());
        assert!(
            errors
                .get("tier")
                .is_some_and(|m| m.render(crate::i18n::Lang::En).contains("huge"))
        );
        assert!(errors.get("website").is_some());
        assert_eq!(errors.get("status"), None);
    }

    #[test]
    fn a_form_trims_and_clears() {
        let changes = form(" Acme ", "low", "").changes().unwrap();
        assert_eq!(changes.name.as_ref().map(Line::as_str), Some("Acme"));
        assert_eq!(changes.website, Some(None));
        assert_eq!(changes.description, Some(None));
    }
}
