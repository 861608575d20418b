//! `/api/v1/causes/{id}` and `POST /api/v1/incidents/{slug}/causes`: causal links between
//! incidents added (self-links, duplicates and cycles refused), read and deleted, as in the UI.

use super::FieldErrors;
use super::doc::Op;
use super::records::{self, Creatable, Record};
use super::timeline::{cited_by, record_id};
use crate::domain::views::CitationView;
use crate::i18n::Message;
use crate::store::curation::lookup::incident_named;
use crate::store::curation::rescore::Scoring;
use crate::store::curation::timeline::{add_link, delete_link, stored_link};
use crate::store::queries::incidents::incident_detail;
use crate::store::{DbConnection, StoreError};
use crate::web::curation::cause_new::{LinkForm, refusal_errors};
use crate::web::curation::flow::Change;
use serde::{Deserialize, Serialize};

/// A causal link: the cause led to the effect.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CauseRecord {
    pub id: i32,
    pub cause_slug: String,
    pub cause_title: String,
    pub effect_slug: String,
    pub effect_title: String,
    pub description: Option<String>,
    pub citations: Vec<CitationView>,
}

/// A stored causal link, as its ETag digests it (links are not changed, only deleted).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StoredCause {
    pub cause: String,
    pub effect: String,
    pub description: String,
}

/// Causal links, by id.
pub struct Causes;

impl Record for Causes {
    const KIND: &'static str = "causal link";
    const COLLECTION: &'static str = "/api/v1/causes";
    type Form = StoredCause;
    type View = CauseRecord;

    fn stored(c: &mut DbConnection, key: &str) -> Result<StoredCause, StoreError> {
        let (_, cause, effect, description) = stored_link(c, record_id(key, Self::KIND)?)?;
        Ok(StoredCause {
            cause,
            effect,
            description: description.unwrap_or_default(),
        })
    }

    fn view(c: &mut DbConnection, key: &str, _: Scoring<'_>) -> Result<CauseRecord, StoreError> {
        let (id, _, effect, _) = stored_link(c, record_id(key, Self::KIND)?)?;
        let detail = incident_detail(c, &effect)?;
        let link = detail
            .causes
            .into_iter()
            .find(|l| l.id == id)
            .ok_or_else(|| StoreError::not_found(Self::KIND, key))?;
        Ok(CauseRecord {
            id,
            cause_slug: link.incident_slug,
            cause_title: link.incident_title,
            effect_slug: detail.slug,
            effect_title: detail.title,
            description: link.description,
            citations: link.citations,
        })
    }

    /// Links have no edit, in the UI nor in the API (no `PATCH` route): refused.
    fn update(
        _: &mut DbConnection,
        _: &Change,
        _: &str,
        _: StoredCause,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let mut errors = FieldErrors::default();
        errors.add("description", Message::new("api-cause-fixed"));
        Ok(Err(errors))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        let id = record_id(key, Self::KIND)?;
        let (_, blockers) = delete_link(c, &by.actor, id, by.scoring(), by.now)?;
        if blockers.is_empty() {
            Ok(Ok(()))
        } else {
            Ok(Err(cited_by(Self::KIND, &blockers)))
        }
    }
}

impl Creatable for Causes {
    type NewForm = LinkForm;

    fn create(
        c: &mut DbConnection,
        by: &Change,
        incident: Option<&str>,
        form: LinkForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let incident = incident.unwrap_or_default();
        incident_named(c, incident)?;
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return Ok(Err(errors)),
        };
        let added = add_link(c, &by.actor, incident, &values, by.scoring(), by.now)?;
        Ok(added
            .map(|(id, _)| id.to_string())
            .map_err(|refusal| refusal_errors(refusal, values.other.trim())))
    }
}

pub fn read_doc() -> Op {
    records::read_doc::<Causes>("causes", "Read a causal link between two incidents")
}

pub fn create_doc() -> Op {
    records::create_doc::<Causes>("causes", "Link an incident to its cause or its consequence")
        .describe(
            "Takes the browser's causal link form: `direction` is `caused_by` (the `other` \
             incident, a slug, caused this one) or `led_to` (this one led to `other`). A link \
             to itself, a duplicate or a link that would close a cycle is refused (400). \
             Answers 201 with the link, its Location and its ETag; the scores are refreshed. \
             Links cannot be changed (no PATCH, as in the UI): delete and add again.",
        )
}

pub fn delete_doc() -> Op {
    records::delete_doc::<Causes>(
        "causes",
        "Delete a causal link no citation supports (links have no PATCH: they are not edited)",
    )
}
