//! `GET/POST /assessments/new` (subject prefilled from `?vendor=`, `?product=` or
//! `?incident=`) and `/assessments/{slug}/edit`: a saved view rescores and reports the changes.

use super::flow::{FormPage, change, every_field, saved, show, stored, submit};
use super::score_report::score_changes;
use super::{
    Options, chosen, date, enum_options, opt_slug, opt_text, optional, party_options,
    record_options, required, respond, see_other, slug, text,
};
use crate::domain::{FavouredAction, LanguageCode, MagicQuadrant, Stance, WaveTier};
use crate::i18n::{Lang, Message};
use crate::store::curation::assessment::{
    AssessmentValues, StoredAssessment, SubjectRef, create_assessment, stored_assessment,
    update_assessment,
};
use crate::store::curation::directory::analyst_directory;
use crate::store::curation::lookup::incident_choices;
use crate::web::curate::FieldErrors;
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};

/// The assessment form as submitted (a missing field is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AssessmentForm {
    pub slug: String,
    pub analyst: String,
    pub vendor: String,
    pub product: String,
    pub incident: String,
    pub assessed_on: String,
    pub stance: String,
    pub favoured_action: String,
    pub quote: String,
    pub quote_language: String,
    pub translation: String,
    pub translation_language: String,
    pub magic_quadrant: String,
    pub wave_tier: String,
}

impl AssessmentForm {
    pub(crate) fn of(a: &StoredAssessment) -> AssessmentForm {
        let subject = |kind: &str| {
            if a.subject.0 == kind {
                a.subject.1.clone()
            } else {
                String::new()
            }
        };
        AssessmentForm {
            slug: a.slug.clone(),
            analyst: a.analyst.clone(),
            vendor: subject("vendor"),
            product: subject("product"),
            incident: subject("incident"),
            assessed_on: a.assessed.iso(),
            stance: a.stance.as_str().to_owned(),
            favoured_action: a.action.map(|x| x.as_str().to_owned()).unwrap_or_default(),
            quote: a.quote.clone(),
            quote_language: a.quote_language.clone(),
            translation: a.translation.clone().unwrap_or_default(),
            translation_language: a.translation_language.clone().unwrap_or_default(),
            magic_quadrant: a
                .magic_quadrant
                .map(|x| x.as_str().to_owned())
                .unwrap_or_default(),
            wave_tier: a
                .wave_tier
                .map(|x| x.as_str().to_owned())
                .unwrap_or_default(),
        }
    }

    /// Exactly one subject among vendor, product and incident.
    fn subject(&self, errors: &mut FieldErrors) -> Option<SubjectRef> {
        let vendor = opt_slug(errors, "vendor", &self.vendor)?;
        let product = opt_slug(errors, "product", &self.product)?;
        let incident = opt_slug(errors, "incident", &self.incident)?;
        match (vendor, product, incident) {
            (Some(v), None, None) => Some(SubjectRef::Vendor(v)),
            (None, Some(p), None) => Some(SubjectRef::Product(p)),
            (None, None, Some(i)) => Some(SubjectRef::Incident(i)),
            _ => {
                errors.add("vendor", Message::new("assess-err-one-subject"));
                None
            }
        }
    }

    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<AssessmentValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = slug(&mut errors, "slug", &self.slug);
        let analyst = chosen(&mut errors, "analyst", &self.analyst);
        let subject = self.subject(&mut errors);
        let assessed = date(&mut errors, "assessed_on", &self.assessed_on);
        let stance = chosen::<Stance>(&mut errors, "stance", &self.stance);
        let action =
            optional::<FavouredAction>(&mut errors, "favoured_action", &self.favoured_action);
        let quote = text(&mut errors, "quote", &self.quote);
        let quote_language =
            required::<LanguageCode>(&mut errors, "quote_language", &self.quote_language);
        let translation = opt_text(&mut errors, "translation", &self.translation);
        let translation_language = optional::<LanguageCode>(
            &mut errors,
            "translation_language",
            &self.translation_language,
        );
        let translation = match (translation, translation_language) {
            (Some(Some(t)), Some(Some(l))) => Some(Some((t, l))),
            (Some(None), Some(None)) => Some(None),
            (Some(Some(_)), Some(None)) => {
                errors.add(
                    "translation_language",
                    Message::new("assess-err-translation-language"),
                );
                None
            }
            (Some(None), Some(Some(_))) => {
                errors.add(
                    "translation",
                    Message::new("assess-err-translation-missing"),
                );
                None
            }
            _ => None,
        };
        let magic_quadrant =
            optional::<MagicQuadrant>(&mut errors, "magic_quadrant", &self.magic_quadrant);
        let wave_tier = optional::<WaveTier>(&mut errors, "wave_tier", &self.wave_tier);
        every_field!(errors => AssessmentValues {
            slug, analyst, subject, assessed, stance, action, quote, quote_language, translation,
            magic_quadrant, wave_tier
        })
    }
}

#[derive(Template)]
#[template(path = "curation/assessment_form.html")]
pub struct AssessmentPage {
    pub nav: Nav,
    /// The assessment edited (its slug); `None` for a new one.
    pub editing: Option<String>,
    pub form: AssessmentForm,
    pub errors: FieldErrors,
    pub analysts: Options,
    pub vendors: Options,
    pub products: Options,
    pub incidents: Options,
    pub stances: Options,
    pub actions: Options,
    pub quadrants: Options,
    pub waves: Options,
}

fn menus(lang: Lang) -> [Options; 4] {
    [
        enum_options(lang, Stance::ALL, Stance::as_str, Stance::message_id),
        enum_options(
            lang,
            FavouredAction::ALL,
            FavouredAction::as_str,
            FavouredAction::message_id,
        ),
        enum_options(
            lang,
            MagicQuadrant::ALL,
            MagicQuadrant::as_str,
            MagicQuadrant::message_id,
        ),
        enum_options(lang, WaveTier::ALL, WaveTier::as_str, WaveTier::message_id),
    ]
}

impl FormPage for AssessmentForm {
    /// The assessment edited (its slug); `None` for a new one.
    type Context = Option<String>;

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        editing: Option<String>,
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError> {
        let (directory, (vendors, products), incidents) = state
            .run(|c| {
                Ok((
                    analyst_directory(c)?,
                    party_options(c)?,
                    incident_choices(c)?,
                ))
            })
            .await?;
        let analysts = directory
            .into_iter()
            .flat_map(|e| {
                let firm = e.firm.map(|f| f.name);
                e.analysts.into_iter().map(move |a| {
                    let label = match &firm {
                        Some(f) => format!("{} ({f})", a.name),
                        None => a.name,
                    };
                    (a.slug, label)
                })
            })
            .collect();
        let [stances, actions, quadrants, waves] = menus(nav.lang);
        let page = AssessmentPage {
            nav,
            editing,
            form: self,
            errors,
            analysts,
            vendors,
            products,
            incidents: record_options(incidents),
            stances,
            actions,
            quadrants,
            waves,
        };
        respond(&page, status)
    }
}

/// Where a saved change leads: the page reporting its score changes, then back to `back`.
fn reported(report: i32, back: &str) -> HttpResponse {
    see_other(score_changes(report, back))
}

/// `GET /assessments/new[?vendor=|?product=|?incident=|?analyst=]`.
pub async fn new_form(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<AssessmentForm>,
) -> Result<HttpResponse, PageError> {
    let q = query.into_inner();
    let form = AssessmentForm {
        analyst: q.analyst,
        vendor: q.vendor,
        product: q.product,
        incident: q.incident,
        ..AssessmentForm::default()
    };
    show(nav, &state, None, form).await
}

/// `POST /assessments/new`.
pub async fn new_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<AssessmentForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let values = form.values();
    submit(nav, &state, None, form, values, async |values| {
        let outcome = change(&state, &principal, move |c, by| {
            create_assessment(c, &by.actor, &values, by.scoring(), by.now)
        })
        .await?;
        saved(outcome, |(rescored, back)| reported(rescored.report, &back))
    })
    .await
}

/// `GET /assessments/{slug}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let stored = stored(&state, &slug, stored_assessment).await?;
    show(nav, &state, Some(slug), AssessmentForm::of(&stored)).await
}

/// `POST /assessments/{slug}/edit`: the slug stays; a change is audited (before and after)
/// and rescored; an edit changing nothing goes back to its page, writing nothing.
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<AssessmentForm>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let stored = stored(&state, &slug, stored_assessment).await?;
    let form = AssessmentForm {
        slug: slug.clone(),
        ..form.into_inner()
    };
    let values = form.values();
    let target = slug.clone();
    submit(nav, &state, Some(slug), form, values, async |values| {
        let outcome = change(&state, &principal, move |c, by| {
            update_assessment(c, &by.actor, &target, &values, by.scoring(), by.now)
        })
        .await?;
        saved(outcome, |changed| match changed {
            Some((rescored, back)) => reported(rescored.report, &back),
            None => see_other(stored.page),
        })
    })
    .await
}
