//! Read, create, change and delete any kind of record through the API, by the browser's
//! own forms and store functions: same validation, same audit, one transaction per write.

use super::answers::Answer;
use super::body::{JsonObject, overlay, with_shape_errors};
use super::doc::Op;
use super::etag::{check_if_match, etag_of, if_match};
use super::params::{Param, QueryParams};
use crate::i18n::Message;
use crate::store::curation::lookup::{SlugOf, slug_taken};
use crate::store::curation::rescore::Scoring;
use crate::store::queries::cached::ScoredReads;
use crate::store::{DbConnection, StoreError};
use crate::web::curate::FieldErrors;
use crate::web::curation::flow::Change;
use crate::web::error::{ApiError, WebError};
use crate::web::freshness::SeenGeneration;
use crate::web::identity::Principal;
use crate::web::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

/// A kind of record the API reads, changes and deletes.
pub trait Record: 'static {
    /// The record's kind in messages ("vendor").
    const KIND: &'static str;
    /// Where its records are (`/api/v1/vendors`): a record is at `{COLLECTION}/{key}`.
    const COLLECTION: &'static str;
    /// What `GET` on one record takes besides its key.
    const READ_PARAMS: &'static [Param] = &[];
    /// The editable fields, as the browser's edit form holds them: the body of a change is
    /// laid over the stored form, and the record's ETag digests it.
    type Form: Serialize + DeserializeOwned + Default + ToSchema + Send + 'static;
    /// The record as the API shows it.
    type View: Serialize + ToSchema + Send + 'static;

    /// The stored record's form, as its edit page is filled (not found: 404).
    fn stored(c: &mut DbConnection, key: &str) -> Result<Self::Form, StoreError>;

    /// The record as `GET` answers it, scored as of the given day where it has a score.
    fn view(
        c: &mut DbConnection,
        key: &str,
        scoring: Scoring<'_>,
    ) -> Result<Self::View, StoreError>;

    /// The record as `GET` answers it: [`Record::view`], or the same from the server's
    /// cached scored reads for records whose view is scored.
    fn read(
        c: &mut DbConnection,
        key: &str,
        scoring: Scoring<'_>,
        _cache: &ScoredReads,
    ) -> Result<Self::View, StoreError> {
        Self::view(c, key, scoring)
    }

    /// Saves a changed form, or names every wrong field; answers the record's key after the
    /// change.
    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: Self::Form,
    ) -> Result<Result<String, FieldErrors>, StoreError>;

    /// Deletes the record, or says in English what still holds it (409).
    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError>;
}

/// A kind of record the API creates, by the browser's new-record form.
pub trait Creatable: Record {
    /// The new-record form.
    type NewForm: Serialize + DeserializeOwned + Default + ToSchema + Send + 'static;

    /// Creates the record from a form (under `parent`, the record the route names, for a
    /// record created inside another), or names every wrong field; answers its key.
    fn create(
        c: &mut DbConnection,
        by: &Change,
        parent: Option<&str>,
        form: Self::NewForm,
    ) -> Result<Result<String, FieldErrors>, StoreError>;
}

/// Why a write's transaction was rolled back.
pub(crate) enum Failed {
    Store(StoreError),
    Refused(WebError),
}

impl From<diesel::result::Error> for Failed {
    fn from(e: diesel::result::Error) -> Self {
        Failed::Store(e.into())
    }
}

impl From<StoreError> for Failed {
    fn from(e: StoreError) -> Self {
        Failed::Store(e)
    }
}

impl From<WebError> for Failed {
    fn from(e: WebError) -> Self {
        Failed::Refused(e)
    }
}

impl From<ApiError> for Failed {
    fn from(e: ApiError) -> Self {
        Failed::Refused(e.0)
    }
}

/// Runs `work` in one transaction: any refusal or error rolls everything back.
pub(crate) async fn write<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&mut DbConnection) -> Result<T, Failed> + Send + 'static,
) -> Result<T, ApiError> {
    let outcome = state
        .run(move |c| match c.write_transaction(work) {
            Ok(value) => Ok(Ok(value)),
            Err(Failed::Refused(refusal)) => Ok(Err(refusal)),
            Err(Failed::Store(e)) => Err(e),
        })
        .await?;
    Ok(outcome?)
}

/// The key of the record a route names: its last path parameter.
fn path_key(req: &HttpRequest) -> Result<String, ApiError> {
    req.match_info()
        .iter()
        .last()
        .map(|(_, value)| value.to_owned())
        .ok_or_else(|| WebError::Internal("a record route without a key".into()).into())
}

/// The record, read after a write in the same transaction, with its new ETag.
fn after_write<R: Record>(
    c: &mut DbConnection,
    by: &Change,
    key: &str,
) -> Result<(R::View, String, String), Failed> {
    let view = R::view(c, key, by.scoring())?;
    let etag = etag_of(&R::stored(c, key)?)?;
    Ok((view, etag, key.to_owned()))
}

/// `GET {COLLECTION}/{key}`: the record with its `ETag`.
pub async fn read<R: Record>(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
    seen: SeenGeneration,
) -> Result<HttpResponse, ApiError> {
    query.check(&[R::READ_PARAMS])?;
    let key = (R::COLLECTION, path_key(&req)?, query.as_of());
    let answer = match state.answers.held(seen, &key) {
        Some(answer) => answer,
        None => {
            let config = state.scoring.clone();
            let cache = state.scored.clone();
            let answers = state.answers.clone();
            state
                .run_web(move |c| {
                    answers.get(c, &key, |c| {
                        let (_, record, as_of) = &key;
                        let view = R::read(c, record, (&config, *as_of), &cache)?;
                        Answer::of(&view, etag_of(&R::stored(c, record)?)?)
                    })
                })
                .await?
        }
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, answer.etag.as_str()))
        .content_type(header::ContentType::json())
        .body(answer.json.clone()))
}

/// `POST` to a collection: the new record (201) with its `Location` and `ETag`.
pub async fn create<R: Creatable>(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    let parent = req.match_info().iter().last().map(|(_, v)| v.to_owned());
    let (form, shape) = overlay(&R::NewForm::default(), &body)?;
    let by = Change::by(&state, &principal);
    let (view, etag, key) = write(&state, move |c| {
        let created = R::create(c, &by, parent.as_deref(), form)?;
        let key = with_shape_errors(shape, created).map_err(WebError::Fields)?;
        after_write::<R>(c, &by, &key)
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("{}/{key}", R::COLLECTION)))
        .insert_header((header::ETAG, etag))
        .json(view))
}

/// `PATCH {COLLECTION}/{key}`: the fields given laid over the stored record, checked as
/// the edit form checks them; `If-Match` must name the stored version.
pub async fn update<R: Record>(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    let key = path_key(&req)?;
    let if_match = if_match(&req)?;
    let by = Change::by(&state, &principal);
    let (view, etag, key) = write(&state, move |c| {
        let stored = R::stored(c, &key)?;
        check_if_match(if_match.as_deref(), &etag_of(&stored)?)?;
        let (form, shape) = overlay(&stored, &body)?;
        let updated = R::update(c, &by, &key, form)?;
        let key = with_shape_errors(shape, updated).map_err(WebError::Fields)?;
        after_write::<R>(c, &by, &key)
    })
    .await?;
    let mut response = HttpResponse::Ok();
    if req.match_info().iter().last().map(|(_, v)| v) != Some(key.as_str()) {
        response.insert_header((header::LOCATION, format!("{}/{key}", R::COLLECTION)));
    }
    Ok(response.insert_header((header::ETAG, etag)).json(view))
}

/// `DELETE {COLLECTION}/{key}` (204); `If-Match` must name the stored version; a record
/// something still refers to is kept (409, naming what).
pub async fn delete<R: Record>(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let key = path_key(&req)?;
    let if_match = if_match(&req)?;
    let by = Change::by(&state, &principal);
    write(&state, move |c| {
        let stored = R::stored(c, &key)?;
        check_if_match(if_match.as_deref(), &etag_of(&stored)?)?;
        R::delete(c, &by, &key)?.map_err(WebError::Conflict)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A delete refused while anything refers to the record: what holds it, in English (409).
pub fn refused_if_held(
    kind: &str,
    references: &[crate::store::curation::delete::Reference],
) -> Result<(), String> {
    if references.is_empty() {
        Ok(())
    } else {
        Err(held_by(kind, references))
    }
}

/// "it is still referenced by 2 products (acme-orion, acme-x)": what holds a record, in
/// English, for a refused delete.
pub fn held_by(kind: &str, references: &[crate::store::curation::delete::Reference]) -> String {
    let held: Vec<String> = references
        .iter()
        .map(|r| {
            let what = crate::i18n::Message::new(r.kind)
                .with("count", r.labels.len() as i64)
                .render(crate::i18n::Lang::En);
            format!("{what} ({})", r.labels.join(", "))
        })
        .collect();
    format!(
        "the {kind} is still referenced: {}; remove those references first",
        held.join("; ")
    )
}

/// A new record's form refused for other fields also names a well-formed slug that is
/// already taken, so that every wrong field is reported at once.
pub fn with_taken_slug<T>(
    c: &mut DbConnection,
    of: SlugOf,
    slug: &str,
    mut errors: FieldErrors,
) -> Result<Result<T, FieldErrors>, StoreError> {
    let slug = slug.trim();
    let well_formed = errors.get("slug").is_none() && crate::domain::Slug::parse(slug).is_ok();
    if well_formed && slug_taken(c, of, slug)? {
        errors.add("slug", Message::new("err-slug-taken").with("slug", slug));
    }
    Ok(Err(errors))
}

/// `GET {COLLECTION}/{key}` described.
pub fn read_doc<R: Record>(tag: &'static str, summary: &'static str) -> Op {
    Op::new(tag, summary)
        .params(&[R::READ_PARAMS])
        .returns::<R::View>(200)
        .etag()
}

/// `POST` of a new record described.
pub fn create_doc<R: Creatable>(tag: &'static str, summary: &'static str) -> Op {
    Op::new(tag, summary)
        .describe(
            "Takes the fields of the browser's form, each of the JSON type the schema gives \
             (text fields are strings). Answers 201 with the record, its Location and its \
             ETag; a refused body is a 400 listing every wrong field, and nothing is written.",
        )
        .body::<R::NewForm>()
        .returns::<R::View>(201)
        .etag()
}

/// `PATCH {COLLECTION}/{key}` described.
pub fn update_doc<R: Record>(tag: &'static str, summary: &'static str) -> Op {
    Op::new(tag, summary)
        .describe(
            "Changes the fields given (an empty string clears an optional one) and keeps the \
             others. \
             Send the ETag you read as If-Match: 428 without it, 412 when the record changed \
             since. A refused body is a 400 listing every wrong field, and nothing is written.",
        )
        .body::<R::Form>()
        .returns::<R::View>(200)
        .etag()
        .if_match()
}

/// `DELETE {COLLECTION}/{key}` described.
pub fn delete_doc<R: Record>(tag: &'static str, summary: &'static str) -> Op {
    Op::new(tag, summary)
        .describe(
            "Deletes the record (204). Send its ETag as If-Match. A record other records \
             still refer to is kept: 409, naming them.",
        )
        .no_content()
        .if_match()
}
