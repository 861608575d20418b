//! `GET /reviews/new?vendor=SLUG` (or `?product=SLUG`) and `POST /reviews/new`: the form
//! opening a review; a valid submission opens it (audited) and goes to its page.

use super::day;
use crate::domain::{DataClassification, Line, Slug};
use crate::i18n::Message;
use crate::store::curation::lookup::{Choice, vendor_named};
use crate::store::reviews::open::{OpenValues, ReviewSubject, Spend, open_review};
use crate::store::schema::products;
use crate::store::{DbConnection, StoreError};
use crate::web::curate::{FieldErrors, check};
use crate::web::curation::flow::{self, FormPage, change, every_field, show};
use crate::web::curation::{Options, chosen, enum_options, respond, see_other};
use crate::web::error::{PageError, WebError};
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

/// The form as submitted (a missing field is empty); `vendor` or `product` names the subject.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct OpenForm {
    pub vendor: String,
    pub product: String,
    pub purpose: String,
    pub data_classification: String,
    pub annual_spend: String,
    pub currency: String,
    pub requester: String,
    pub due_on: String,
}

/// An amount in major units with at most two decimals ("12000", "12000.50") as minor units.
fn minor_units(value: &str) -> Option<i64> {
    let (whole, cents) = value.split_once('.').unwrap_or((value, "0"));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || !digits(cents) || cents.len() > 2 {
        return None;
    }
    let cents: i64 = format!("{cents:0<2}").parse().ok()?;
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

impl OpenForm {
    pub(crate) fn subject(&self) -> Option<ReviewSubject> {
        match (self.vendor.trim(), self.product.trim()) {
            (v, "") => Slug::parse(v).ok().map(ReviewSubject::Vendor),
            ("", p) => Slug::parse(p).ok().map(ReviewSubject::Product),
            _ => None,
        }
    }

    fn spend(&self, errors: &mut FieldErrors) -> Option<Option<Spend>> {
        let (amount, currency) = (self.annual_spend.trim(), self.currency.trim());
        if amount.is_empty() && currency.is_empty() {
            return Some(None);
        }
        let minor = minor_units(&amount.replace([' ', ','], ""));
        if minor.is_none() {
            errors.add("annual_spend", Message::new("reviews-err-amount"));
        }
        let code = currency.to_uppercase();
        let valid = code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase());
        if !valid {
            errors.add("currency", Message::new("reviews-err-currency"));
        }
        let minor = minor.filter(|_| valid)?;
        Some(Some(Spend {
            minor,
            currency: code,
        }))
    }

    /// Every field validated, or every wrong field's message (the subject is the URL's).
    pub fn values(&self, subject: ReviewSubject) -> Result<OpenValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let purpose = check(&mut errors, "purpose", Line::parse(self.purpose.trim()));
        let classification: Option<DataClassification> = chosen(
            &mut errors,
            "data_classification",
            &self.data_classification,
        );
        let spend = self.spend(&mut errors);
        let requester = check(&mut errors, "requester", Line::parse(self.requester.trim()));
        let due_on = day(&mut errors, "due_on", &self.due_on);
        every_field!(errors => OpenValues {
            purpose, classification, spend, requester, due_on; subject
        })
    }
}

/// The subject's name and its vendor: the vendor, or the product with its vendor.
fn subject_named(conn: &mut DbConnection, s: &ReviewSubject) -> Result<Choice, StoreError> {
    match s {
        ReviewSubject::Vendor(slug) => vendor_named(conn, slug.as_str()),
        ReviewSubject::Product(slug) => products::table
            .filter(products::slug.eq(slug.as_str()))
            .select((products::slug, products::name))
            .first::<(String, String)>(conn)
            .optional()?
            .map(|(slug, name)| Choice { slug, name })
            .ok_or_else(|| StoreError::not_found("product", slug.as_str())),
    }
}

#[derive(Template)]
#[template(path = "reviews/new.html")]
pub struct OpenPage {
    pub nav: Nav,
    pub subject: Choice,
    pub is_product: bool,
    pub form: OpenForm,
    pub errors: FieldErrors,
    pub classifications: Options,
}

impl FormPage for OpenForm {
    type Context = ReviewSubject;

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        subject: ReviewSubject,
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError> {
        let is_product = matches!(subject, ReviewSubject::Product(_));
        let named = state.run(move |c| subject_named(c, &subject)).await?;
        let classifications = enum_options(
            nav.lang,
            DataClassification::ALL,
            DataClassification::as_str,
            DataClassification::message_id,
        );
        let page = OpenPage {
            nav,
            subject: named,
            is_product,
            form: self,
            errors,
            classifications,
        };
        respond(&page, status)
    }
}

/// Neither a vendor nor a product named (or both): nothing to review (404).
fn no_subject() -> PageError {
    PageError(WebError::NotFound(
        "a vendor or a product to review".to_owned(),
    ))
}

/// `GET /reviews/new?vendor=SLUG` or `?product=SLUG`.
pub async fn form(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<OpenForm>,
) -> Result<HttpResponse, PageError> {
    let form = query.into_inner();
    let subject = form.subject().ok_or_else(no_subject)?;
    show(nav, &state, subject, form).await
}

/// `POST /reviews/new`.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<OpenForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let subject = form.subject().ok_or_else(no_subject)?;
    let values = form.values(subject.clone());
    flow::submit(nav, &state, subject, form, values, async |values| {
        let id = change(&state, &principal, move |c, by| {
            open_review(c, &by.actor, &values, by.now)
        })
        .await?;
        Ok(Ok(see_other(format!("/reviews/{id}"))))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::minor_units;

    #[test]
    fn amounts_become_minor_units() {
        assert_eq!(minor_units("12000"), Some(1_200_000));
        assert_eq!(minor_units("12000.5"), Some(1_200_050));
        assert_eq!(minor_units("0.07"), Some(7));
        assert_eq!(minor_units("1.234"), None);
        assert_eq!(minor_units("-3"), None);
        assert_eq!(minor_units(""), None);
    }
}
