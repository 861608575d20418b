//! `GET/POST /vendors/{slug}/dependencies/new` and `/dependencies/{id}/edit`: the dependency
//! form; a saved change rescores and leads to the page reporting what changed in the scores.

use super::flow::{FormPage, change, every_field, saved, show, submit};
use super::score_report::score_changes;
use super::{
    Options, chosen, enum_options, opt_date, opt_text, party_options, respond, see_other, slug,
};
use crate::domain::{Criticality, check_date_order};
use crate::i18n::Message;
use crate::store::curation::dependency::{
    DependencyValues, StoredDependency, create_dependency, stored_dependency, update_dependency,
};
use crate::store::curation::lookup::{Choice, vendor_named};
use crate::store::pack::format::ORGANISATION_CONSUMER;
use crate::web::curate::FieldErrors;
use crate::web::error::{PageError, WebError};
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};

/// The dependency form as submitted (a missing field is empty); `consumer` is a vendor slug
/// or `@organisation`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
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
    pub(crate) fn of(d: &StoredDependency) -> DependencyForm {
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
        let criticality = chosen::<Criticality>(&mut errors, "criticality", &self.criticality);
        let purpose = opt_text(&mut errors, "purpose", &self.purpose);
        every_field!(errors => DependencyValues {
            consumer, product, since, until, criticality, purpose
        })
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

impl FormPage for DependencyForm {
    /// The vendor page the form belongs to, and the dependency's id when it is edited.
    type Context = (Choice, Option<i32>);

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        (vendor, editing): (Choice, Option<i32>),
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError> {
        let (vendors, products) = state.run(party_options).await?;
        let lang = nav.lang;
        let mut consumers = vec![(
            ORGANISATION_CONSUMER.to_owned(),
            nav.t("dep-our-organisation"),
        )];
        consumers.extend(vendors);
        let action = match editing {
            Some(id) => format!("/dependencies/{id}/edit"),
            None => format!("/vendors/{}/dependencies/new", vendor.slug),
        };
        let page = DependencyPage {
            nav,
            vendor,
            editing,
            action,
            form: self,
            errors,
            consumers,
            products,
            criticalities: enum_options(
                lang,
                Criticality::ALL,
                Criticality::as_str,
                Criticality::message_id,
            ),
        };
        respond(&page, status)
    }
}

/// Where a saved change leads: the page reporting its score changes, then back to `vendor`.
fn reported(report: i32, vendor: &str) -> HttpResponse {
    see_other(score_changes(report, &format!("/vendors/{vendor}")))
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
    show(nav, &state, (vendor, None), form).await
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
    let back = vendor.slug.clone();
    let form = form.into_inner();
    let values = form.values();
    submit(nav, &state, (vendor, None), form, values, async |values| {
        let outcome = change(&state, &principal, move |c, by| {
            create_dependency(c, &by.actor, &values, by.scoring(), by.now)
        })
        .await?;
        saved(outcome, |(_, rescored)| reported(rescored.report, &back))
    })
    .await
}

/// A dependency's id from its URL: anything but a number is simply not found.
pub(crate) fn dependency_id(raw: &str) -> Result<i32, PageError> {
    raw.parse()
        .map_err(|_| WebError::NotFound(format!("no dependency {raw}")).into())
}

/// The dependency with this id and the vendor page its form belongs to (its consumer's, or
/// for one of ours, its supplier's).
async fn editing(state: &AppState, id: i32) -> Result<(StoredDependency, Choice), PageError> {
    let stored = state.run(move |c| stored_dependency(c, id)).await?;
    let vendor = stored.consumer.clone().unwrap_or(stored.supplier.clone());
    Ok((stored, vendor))
}

/// `GET /dependencies/{id}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = dependency_id(&id)?;
    let (stored, vendor) = editing(&state, id).await?;
    show(nav, &state, (vendor, Some(id)), DependencyForm::of(&stored)).await
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
    let (_, vendor) = editing(&state, id).await?;
    let vendor_slug = vendor.slug.clone();
    let form = form.into_inner();
    let values = form.values();
    submit(
        nav,
        &state,
        (vendor, Some(id)),
        form,
        values,
        async |values| {
            let back = values
                .consumer
                .as_ref()
                .map_or(vendor_slug, |c| c.to_string());
            let outcome = change(&state, &principal, move |c, by| {
                update_dependency(c, &by.actor, id, &values, by.scoring(), by.now)
            })
            .await?;
            saved(outcome, |changed| match changed {
                Some(rescored) => reported(rescored.report, &back),
                None => see_other(format!("/vendors/{back}")),
            })
        },
    )
    .await
}
