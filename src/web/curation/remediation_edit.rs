//! `GET/POST /remediations/{slug}/edit` and `GET/POST /remediations/{slug}/delete`: the
//! remediation form, filled; each change rescored and reported (on its incident's page).

use super::delete::DeletePage;
use super::flow::{change, show, stored, submit};
use super::outcome::report;
use super::remediation_new::{NewRemediationForm, Target};
use super::{refused, see_other};
use crate::store::curation::remediation_edit::{
    Rescored, StoredRemediation, delete_remediation, remediation_delete_check, stored_remediation,
    update_remediation,
};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::{HttpResponse, web};

impl NewRemediationForm {
    /// The form of a stored remediation.
    pub(crate) fn of(stored: &StoredRemediation) -> NewRemediationForm {
        let v = &stored.values;
        let slug =
            |s: &Option<crate::domain::Slug>| s.as_ref().map(|s| s.to_string()).unwrap_or_default();
        NewRemediationForm {
            slug: v.slug.to_string(),
            vendor: v.vendor.to_string(),
            kind: v.kind.as_str().to_owned(),
            product: slug(&v.product),
            replacement: slug(&v.replacement),
            description: v.description.to_string(),
            taken_on: v.taken.map(|d| d.iso()).unwrap_or_default(),
        }
    }
}

/// Where a change is reported: the incident's page (`?recorded=1`), or, for a remediation
/// without an incident, a report page leading to its vendor.
fn reported(
    nav: Nav,
    rescored: Rescored,
    (title_id, slug): (&'static str, String),
    vendor: &str,
) -> Result<HttpResponse, PageError> {
    match rescored.incident {
        Some(incident) => Ok(see_other(format!("/incidents/{incident}?recorded=1"))),
        None => report(
            nav,
            (title_id, slug),
            (format!("/vendors/{vendor}"), "curation-back-vendor"),
            rescored.changes,
        ),
    }
}

/// `GET /remediations/{slug}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let stored = stored(&state, &slug, stored_remediation).await?;
    let form = NewRemediationForm::of(&stored);
    show(nav, &state, Target::Edit(slug), form).await
}

/// `POST /remediations/{slug}/edit`: saves a valid form (audited, rescored) and reports the
/// score changes; an invalid one comes back with its messages (400), nothing written.
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<NewRemediationForm>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let stored = stored(&state, &slug, stored_remediation).await?;
    let mut form = form.into_inner();
    form.slug = slug.clone();
    let values = form.values();
    let (report_nav, vendor) = (nav.clone(), form.vendor.clone());
    let target = Target::Edit(slug.clone());
    submit(nav, &state, target, form, values, async |values| {
        let target = slug.clone();
        let outcome = change(&state, &principal, move |c, by| {
            update_remediation(c, &by.actor, &target, &values, &by.config, by.today, by.now)
        })
        .await?;
        Ok(match outcome {
            Ok(Some(rescored)) => {
                let title = ("curation-remediation-saved", slug);
                Ok(reported(report_nav, rescored, title, &vendor)?)
            }
            Ok(None) => Ok(see_other(match stored.incident_slug() {
                Some(incident) => format!("/incidents/{incident}"),
                None => format!("/vendors/{}", stored.vendor.slug),
            })),
            Err(r) => Err(refused(r)),
        })
    })
    .await
}

/// The page a remediation's delete page goes back to: its incident's, else its vendor's.
async fn back(state: &AppState, slug: String) -> Result<String, PageError> {
    let stored = stored(state, &slug, stored_remediation).await?;
    Ok(match stored.incident_slug() {
        Some(incident) => format!("/incidents/{incident}#remediations"),
        None => format!("/vendors/{}", stored.vendor.slug),
    })
}

/// `GET /remediations/{slug}/delete`: asks for confirmation, or names the citations.
pub async fn delete_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let back = back(&state, slug.clone()).await?;
    let check = state
        .run(move |c| remediation_delete_check(c, &slug))
        .await?;
    DeletePage::answer(nav, "remediation", check, back, false)
}

/// `POST /remediations/{slug}/delete`: deletes it (audited, rescored) and reports the score
/// changes; refused (409) while citations reference it.
pub async fn delete_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let back = back(&state, slug.clone()).await?;
    let target = slug.clone();
    let (check, rescored) = change(&state, &principal, move |c, by| {
        delete_remediation(c, &by.actor, &target, &by.config, by.today, by.now)
    })
    .await?;
    match rescored {
        Some(rescored) => {
            let vendor = check.vendor_slug.clone();
            reported(
                nav,
                rescored,
                ("curation-remediation-deleted", slug),
                &vendor,
            )
        }
        None => DeletePage::answer(nav, "remediation", check, back, true),
    }
}
