//! `GET/POST /vendors/{slug}/dependencies/new` and `/dependencies/{id}/edit`: the dependency
//! form; a saved change rescores and leads to the page reporting what changed in the scores.

use super::{
    Options, enum_options, opt_date, opt_text, record_options, refused_into, respond, see_other,
    slug,
};
use crate::domain::{Criticality, check_date_order};
use crate::i18n::Message;
use crate::store::curation::dependency::{
    DependencyValues, StoredDependency, create_dependency, stored_dependency, update_dependency,
};
use crate::store::curation::lookup::{Choice, product_choices, vendor_choices, vendor_named};
use crate::store::pack::format::ORGANISATION_CONSUMER;
use crate::store::pack::seed::import_time;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::{PageError, WebError};
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The dependency form as submitted (a missing field is empty); `consumer` is a vendor slug
/// or `@organisation`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DependencyForm {
    pub consumer: String,
    pub product: String,
    pub since: String,
    pub until: String,
    pub criticality: String,
    pub purpose: String,
}

impl DependencyForm {
    fn of(d: &StoredDependency) -> DependencyForm {
        DependencyForm {
            consumer: d
                .consumer
                .as_ref()
                .map_or(ORGANISATION_CONSUMER.to_owned(), |c| c.slug.clone()),
            product: d.product.slug.clone(),
            since: d.since.map(|s| s.iso()).unwrap_or_default(),
            until: d.until.map(|u| u.iso()).unwrap_or_default(),
            criticality: d.criticality.as_str().to_owned(),
            purpose: d.purpose.clone().unwrap_or_default(),
        }
    }

    /// Every field validated (`until` not before `since`), or every wrong field's message.
    pub fn values(&self) -> Result<DependencyValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let consumer = match self.consumer.trim() {
            "" => {
                errors.add("consumer", Message::new("err-choose"));
                None
            }
            ORGANISATION_CONSUMER => Some(None),
            c => slug(&mut errors, "consumer", c).map(Some),
        };
        let product = slug(&mut errors, "product", &self.product);
        let since = opt_date(&mut errors, "since", &self.since);
        let until = opt_date(&mut errors, "until", &self.until);
        if let (Some(Some(s)), Some(Some(u))) = (since, until)
            && check_date_order("since", Some(s), "until", Some(u)).is_err()
        {
            let m = Message::new("dep-err-until-before-since")
                .with("since", s.iso())
                .with("until", u.iso());
            errors.add("until", m);
        }
        let criticality = match self.criticality.trim() {
            "" => {
                errors.add("criticality", Message::new("err-choose"));
                None
            }
            c => check(&mut errors, "criticality", c.parse::<Criticality>()),
        };
        let purpose = opt_text(&mut errors, "purpose", &self.purpose);
        match (consumer, product, since, until, criticality, purpose) {
            (Some(consumer), Some(product), Some(since), Some(until), Some(c), Some(purpose))
                if errors.is_empty() =>
            {
                Ok(DependencyValues {
                    consumer,
                    product,
                    since,
                    until,
                    criticality: c,
                    purpose,
                })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "curation/dependency_form.html")]
pub struct DependencyPage {
    pub nav: Nav,
    /// The vendor page the form belongs to.
    pub vendor: Choice,
    /// The dependency edited; `None` for a new one.
    pub editing: Option<i32>,
    pub action: String,
    pub form: DependencyForm,
    pub errors: FieldErrors,
    pub consumers: Options,
    pub products: Options,
    pub criticalities: Options,
}

async fn page(
    nav: Nav,
    state: &AppState,
    (vendor, editing): (Choice, Option<i32>),
    form: DependencyForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (vendors, products) = state
        .run(|c| Ok((vendor_choices(c)?, product_choices(c)?)))
        .await?;
    let lang = nav.lang;
    let mut consumers = vec![(
        ORGANISATION_CONSUMER.to_owned(),
        nav.t("dep-our-organisation"),
    )];
    consumers.extend(record_options(vendors));
    let action = match editing {
        Some(id) => format!("/dependencies/{id}/edit"),
        None => format!("/vendors/{}/dependencies/new", vendor.slug),
    };
    let page = DependencyPage {
        nav,
        vendor,
        editing,
        action,
        form,
        errors,
        consumers,
        products: record_options(products),
        criticalities: enum_options(
            lang,
            Criticality::ALL,
            Criticality::as_str,
            Criticality::message_id,
        ),
    };
    respond(&page, status)
}

/// Where a saved change leads: the page reporting its score changes, then back to `vendor`.
fn reported(report: i32, vendor: &str) -> HttpResponse {
    see_other(format!("/score-changes/{report}?back=/vendors/{vendor}"))
}

/// `GET /vendors/{slug}/dependencies/new`: the consumer is that vendor unless changed.
pub async fn new_form(
    nav: Nav,
    state: web::Data<AppState>,
    vendor: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = vendor.into_inner();
    let vendor = state.run(move |c| vendor_named(c, &slug)).await?;
    let form = DependencyForm {
        consumer: vendor.slug.clone(),
        ..DependencyForm::default()
    };
    let ok = StatusCode::OK;
    page(
        nav,
        &state,
        (vendor, None),
        form,
        FieldErrors::default(),
        ok,
    )
    .await
}

/// `POST /vendors/{slug}/dependencies/new`.
pub async fn new_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    vendor: web::Path<String>,
    form: web::Form<DependencyForm>,
) -> Result<HttpResponse, PageError> {
    let slug = vendor.into_inner();
    let vendor = state.run(move |c| vendor_named(c, &slug)).await?;
    let form = form.into_inner();
    let bad = StatusCode::BAD_REQUEST;
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => return page(nav, &state, (vendor, None), form, errors, bad).await,
    };
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let outcome = state
        .run(move |c| create_dependency(c, &actor, &values, (&config, today), import_time()))
        .await?;
    match outcome {
        Ok(rescored) => Ok(reported(rescored.report, &vendor.slug)),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, &state, (vendor, None), form, errors, bad).await
        }
    }
}

/// A dependency's id from its URL: anything but a number is simply not found.
pub(crate) fn dependency_id(raw: &str) -> Result<i32, PageError> {
    raw.parse()
        .map_err(|_| WebError::NotFound(format!("no dependency {raw}")).into())
}

/// `GET /dependencies/{id}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = dependency_id(&id)?;
    let stored = state.run(move |c| stored_dependency(c, id)).await?;
    let vendor = stored.consumer.clone().unwrap_or(stored.supplier.clone());
    let form = DependencyForm::of(&stored);
    let ok = StatusCode::OK;
    page(
        nav,
        &state,
        (vendor, Some(id)),
        form,
        FieldErrors::default(),
        ok,
    )
    .await
}

/// `POST /dependencies/{id}/edit`: a change is audited (before and after) and rescored; an
/// edit changing nothing goes back to the vendor, writing nothing.
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
    form: web::Form<DependencyForm>,
) -> Result<HttpResponse, PageError> {
    let id = dependency_id(&id)?;
    let stored = state.run(move |c| stored_dependency(c, id)).await?;
    let vendor = stored.consumer.clone().unwrap_or(stored.supplier.clone());
    let form = form.into_inner();
    let bad = StatusCode::BAD_REQUEST;
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => return page(nav, &state, (vendor, Some(id)), form, errors, bad).await,
    };
    let back = values
        .consumer
        .as_ref()
        .map_or(vendor.slug.clone(), |c| c.to_string());
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let outcome = state
        .run(move |c| update_dependency(c, &actor, id, &values, (&config, today), import_time()))
        .await?;
    match outcome {
        Ok(Some(rescored)) => Ok(reported(rescored.report, &back)),
        Ok(None) => Ok(see_other(format!("/vendors/{back}"))),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, &state, (vendor, Some(id)), form, errors, bad).await
        }
    }
}
