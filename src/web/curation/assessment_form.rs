//! `GET/POST /assessments/new` (subject prefilled from `?vendor=`, `?product=` or
//! `?incident=`) and `/assessments/{slug}/edit`: a saved view rescores and reports the changes.

use super::{
    Options, enum_options, opt_date, opt_slug, opt_text, record_options, refused_into, respond,
    see_other, slug, text,
};
use crate::domain::{FavouredAction, LanguageCode, MagicQuadrant, Stance, WaveTier};
use crate::i18n::{Lang, Message};
use crate::store::curation::assessment::{
    AssessmentValues, StoredAssessment, SubjectRef, create_assessment, stored_assessment,
    update_assessment,
};
use crate::store::curation::directory::analyst_directory;
use crate::store::curation::lookup::{incident_choices, product_choices, vendor_choices};
use crate::store::pack::seed::import_time;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The assessment form as submitted (a missing field is empty).
#[derive(Debug, Clone, Default, Deserialize)]
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

/// An optional choice from a vocabulary: empty is none.
fn opt_enum<T: std::str::FromStr>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<Option<T>>
where
    T::Err: Into<Message>,
{
    match value.trim() {
        "" => Some(None),
        v => check(errors, field, v.parse::<T>()).map(Some),
    }
}

/// An optional language code: empty is none.
fn opt_language(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<Option<LanguageCode>> {
    match value.trim() {
        "" => Some(None),
        v => check(errors, field, LanguageCode::parse(v)).map(Some),
    }
}

impl AssessmentForm {
    fn of(a: &StoredAssessment) -> AssessmentForm {
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
        let analyst = match self.analyst.trim() {
            "" => {
                errors.add("analyst", Message::new("err-choose"));
                None
            }
            a => super::slug(&mut errors, "analyst", a),
        };
        let subject = self.subject(&mut errors);
        let assessed = match opt_date(&mut errors, "assessed_on", &self.assessed_on) {
            Some(Some(d)) => Some(d),
            Some(None) => {
                errors.add("assessed_on", Message::new("err-empty"));
                None
            }
            None => None,
        };
        let stance = match self.stance.trim() {
            "" => {
                errors.add("stance", Message::new("err-choose"));
                None
            }
            s => check(&mut errors, "stance", s.parse::<Stance>()),
        };
        let action =
            opt_enum::<FavouredAction>(&mut errors, "favoured_action", &self.favoured_action);
        let quote = text(&mut errors, "quote", &self.quote);
        let quote_language = match opt_language(&mut errors, "quote_language", &self.quote_language)
        {
            Some(Some(l)) => Some(l),
            Some(None) => {
                errors.add("quote_language", Message::new("err-empty"));
                None
            }
            None => None,
        };
        let translation = opt_text(&mut errors, "translation", &self.translation);
        let translation_language = opt_language(
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
            opt_enum::<MagicQuadrant>(&mut errors, "magic_quadrant", &self.magic_quadrant);
        let wave_tier = opt_enum::<WaveTier>(&mut errors, "wave_tier", &self.wave_tier);
        match (
            slug,
            analyst,
            subject,
            assessed,
            stance,
            action,
            quote,
            quote_language,
            translation,
            magic_quadrant,
            wave_tier,
        ) {
            (
                Some(slug),
                Some(analyst),
                Some(subject),
                Some(assessed),
                Some(stance),
                Some(action),
                Some(quote),
                Some(quote_language),
                Some(translation),
                Some(magic_quadrant),
                Some(wave_tier),
            ) if errors.is_empty() => Ok(AssessmentValues {
                slug,
                analyst,
                subject,
                assessed,
                stance,
                action,
                quote,
                quote_language,
                translation,
                magic_quadrant,
                wave_tier,
            }),
            _ => Err(errors),
        }
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

async fn page(
    nav: Nav,
    state: &AppState,
    editing: Option<String>,
    form: AssessmentForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (directory, vendors, products, incidents) = state
        .run(|c| {
            Ok((
                analyst_directory(c)?,
                vendor_choices(c)?,
                product_choices(c)?,
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
        form,
        errors,
        analysts,
        vendors: record_options(vendors),
        products: record_options(products),
        incidents: record_options(incidents),
        stances,
        actions,
        quadrants,
        waves,
    };
    respond(&page, status)
}

fn reported(report: i32, back: &str) -> HttpResponse {
    see_other(format!("/score-changes/{report}?back={back}"))
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
    page(
        nav,
        &state,
        None,
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /assessments/new`.
pub async fn new_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<AssessmentForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let bad = StatusCode::BAD_REQUEST;
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => return page(nav, &state, None, form, errors, bad).await,
    };
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let outcome = state
        .run(move |c| create_assessment(c, &actor, &values, (&config, today), import_time()))
        .await?;
    match outcome {
        Ok((rescored, back)) => Ok(reported(rescored.report, &back)),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, &state, None, form, errors, bad).await
        }
    }
}

/// `GET /assessments/{slug}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let target = slug.clone();
    let stored = state.run(move |c| stored_assessment(c, &target)).await?;
    let form = AssessmentForm::of(&stored);
    let ok = StatusCode::OK;
    page(nav, &state, Some(slug), form, FieldErrors::default(), ok).await
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
    let target = slug.clone();
    let stored = state.run(move |c| stored_assessment(c, &target)).await?;
    let form = AssessmentForm {
        slug: slug.clone(),
        ..form.into_inner()
    };
    let bad = StatusCode::BAD_REQUEST;
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => return page(nav, &state, Some(slug), form, errors, bad).await,
    };
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let target = slug.clone();
    let outcome = state
        .run(move |c| {
            update_assessment(c, &actor, &target, &values, (&config, today), import_time())
        })
        .await?;
    match outcome {
        Ok(Some((rescored, back))) => Ok(reported(rescored.report, &back)),
        Ok(None) => Ok(see_other(stored.page)),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, &state, Some(slug), form, errors, bad).await
        }
    }
}
