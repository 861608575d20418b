//! The course every curation form follows: shown (200), a submission checked and saved, then
//! the next page, or the form again (400) with every wrong field marked and nothing written.

use super::{refused, respond};
use crate::domain::audit::Actor;
use crate::domain::scoring::ScoringConfig;
use crate::store::curation::Refused;
use crate::store::curation::rescore::Scoring;
use crate::store::pack::seed::import_time;
use crate::store::{DbConnection, StoreError};
use crate::web::curate::FieldErrors;
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;
use chrono::{NaiveDate, NaiveDateTime};
use std::sync::Arc;

/// A form that shows itself: its page with the fields as typed, each wrong one marked.
pub(crate) trait FormPage: Sized {
    /// What the page needs besides the form: the record edited, the vendor or the incident
    /// the form belongs to.
    type Context;

    /// Renders the page with `errors`, answered with `status`.
    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        context: Self::Context,
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError>;
}

/// `GET`: the form, new or filled, without messages (200).
pub(crate) async fn show<F: FormPage>(
    nav: Nav,
    state: &AppState,
    context: F::Context,
    form: F,
) -> Result<HttpResponse, PageError> {
    let errors = FieldErrors::default();
    form.page(nav, state, context, errors, StatusCode::OK).await
}

/// What saving a valid form answers: the next page, or the form's messages for what the
/// database refused.
pub(crate) type Saved = Result<Result<HttpResponse, FieldErrors>, PageError>;

/// A store outcome answered: what was saved leads on to `next`; what was refused becomes
/// the form's messages.
pub(crate) fn saved<T>(outcome: Result<T, Refused>, next: impl FnOnce(T) -> HttpResponse) -> Saved {
    Ok(outcome.map(next).map_err(refused))
}

/// `POST`: `values` (the form checked) saved by `save`; an invalid form, or one `save`
/// refuses, comes back (400) with its messages and the input kept.
pub(crate) async fn submit<F: FormPage, V>(
    nav: Nav,
    state: &AppState,
    context: F::Context,
    form: F,
    values: Result<V, FieldErrors>,
    save: impl AsyncFnOnce(V) -> Saved,
) -> Result<HttpResponse, PageError> {
    let errors = match values {
        Ok(values) => match save(values).await? {
            Ok(next) => return Ok(next),
            Err(refused) => refused,
        },
        Err(errors) => errors,
    };
    form.page(nav, state, context, errors, StatusCode::BAD_REQUEST)
        .await
}

/// Who changes the knowledge base and when, with the scoring model the change rescores by.
pub struct Change {
    pub actor: Actor,
    pub now: NaiveDateTime,
    pub config: Arc<ScoringConfig>,
    pub today: NaiveDate,
}

impl Change {
    /// A change `principal` makes now, rescored by the server's model.
    pub fn by(state: &AppState, principal: &Principal) -> Change {
        Change {
            actor: principal.actor(),
            now: import_time(),
            config: state.scoring.clone(),
            today: chrono::Utc::now().date_naive(),
        }
    }

    /// The scoring model and today, as the store's rescoring takes them.
    pub fn scoring(&self) -> Scoring<'_> {
        (&self.config, self.today)
    }
}

/// Runs `work`, a change made by `principal` now, with a pooled connection.
pub(crate) async fn change<T: Send + 'static>(
    state: &AppState,
    principal: &Principal,
    work: impl FnOnce(&mut DbConnection, &Change) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, PageError> {
    let by = Change::by(state, principal);
    Ok(state.run(move |c| work(c, &by)).await?)
}

/// The stored record `slug` names, read by `read`: not found (404) when there is none.
pub(crate) async fn stored<T: Send + 'static>(
    state: &AppState,
    slug: &str,
    read: impl FnOnce(&mut DbConnection, &str) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, PageError> {
    let slug = slug.to_owned();
    Ok(state.run(move |c| read(c, &slug)).await?)
}

/// A delete's page: the confirmation (200), or the refusal naming what still holds the
/// record (409).
pub(crate) fn delete_page<T: Template>(page: &T, refused: bool) -> Result<HttpResponse, PageError> {
    let status = if refused {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    respond(page, status)
}

/// A form's values when every field parsed and no message was noted, else every wrong
/// field's message: `every_field!(errors => Values { a, b; c: value })` is
/// `Ok(Values { a, b, c: value })` when `a` and `b` (each an `Option`) are both `Some` and
/// `errors` is empty, `Err(errors)` otherwise; what follows `;` is taken as it is.
macro_rules! every_field {
    ($errors:ident => $values:ident {
        $($field:ident),+ $(,)? $(; $($taken:ident $(: $value:expr)?),+ $(,)?)?
    }) => {
        match ($($field,)+) {
            ($(Some($field),)+) if $errors.is_empty() => Ok($values {
                $($field,)+
                $($($taken $(: $value)?,)+)?
            }),
            _ => Err($errors),
        }
    };
}
pub(crate) use every_field;
