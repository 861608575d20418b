//! Deleting a source, a timeline event or a causal link: `GET .../delete` confirms or explains
//! which citations still hold it; `POST .../delete` deletes it (audited) or refuses (409).

use super::flow::{change, delete_page};
use super::see_other;
use super::timeline_form::recorded;
use crate::domain::views::SourceCitationView;
use crate::store::curation::citation::citations_of;
use crate::store::curation::source::{delete_source, editable_source};
use crate::store::curation::timeline::{
    Blockers, StoredEvent, StoredLink, delete_event, delete_link, stored_event, stored_link,
};
use crate::store::queries::sources::source_detail;
use crate::store::rows::CitedRecord;
use crate::web::account::path_id;
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::{HttpResponse, web};
use askama::Template;

/// A citation that keeps the record from being deleted: what it says and where it is.
#[derive(Debug, Clone)]
pub struct Blocker {
    pub label: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "curation/removal.html")]
pub struct RemovalPage {
    pub nav: Nav,
    /// The heading, in the reader's language.
    pub heading: String,
    /// What the record is (its title or label).
    pub name: String,
    pub action: String,
    /// Where "back" leads.
    pub back: String,
    pub blockers: Vec<Blocker>,
    /// Whether this page answers a refused delete.
    pub refused: bool,
}

fn blockers(list: Blockers) -> Vec<Blocker> {
    list.into_iter()
        .map(|(id, source, title)| Blocker {
            label: format!("#{id} · {title}"),
            href: format!("/sources/{source}#citations"),
        })
        .collect()
}

/// The citations of a source, as what keeps it from being deleted.
fn source_blockers(cited: &[SourceCitationView]) -> Vec<Blocker> {
    cited
        .iter()
        .map(|c| Blocker {
            label: format!("#{} · {} {}", c.id, c.record_kind, c.record_label),
            href: c.record_href.clone(),
        })
        .collect()
}

/// The page about deleting a record: the confirmation (200) or the refusal (409).
struct Subject {
    heading: String,
    name: String,
    action: String,
    back: String,
}

impl Subject {
    fn source(nav: &Nav, id: i32, title: String) -> Subject {
        Subject {
            heading: nav.t1("curate-source-delete-title", "title", &title),
            name: title,
            action: format!("/sources/{id}/delete"),
            back: format!("/sources/{id}"),
        }
    }

    fn event(nav: &Nav, event: &StoredEvent) -> Subject {
        let name = event.values.title.to_string();
        Subject {
            heading: nav.t1("curate-timeline-delete-title", "title", &name),
            name,
            action: format!("/timeline/{}/delete", event.id),
            back: format!("/incidents/{}#timeline", event.incident_slug),
        }
    }

    fn link(nav: &Nav, (id, cause, effect, _): &StoredLink) -> Subject {
        let name = format!("{cause} → {effect}");
        Subject {
            heading: nav.t1("curate-cause-delete-title", "link", &name),
            name,
            action: format!("/causes/{id}/delete"),
            back: format!("/incidents/{effect}#causes"),
        }
    }

    fn answer(
        self,
        nav: Nav,
        blockers: Vec<Blocker>,
        refused: bool,
    ) -> Result<HttpResponse, PageError> {
        let page = RemovalPage {
            nav,
            heading: self.heading,
            name: self.name,
            action: self.action,
            back: self.back,
            blockers,
            refused,
        };
        delete_page(&page, refused)
    }
}

/// `GET /sources/{id}/delete`.
pub async fn source_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "source")?;
    let detail = state.run(move |c| source_detail(c, id)).await?;
    let blockers = source_blockers(&detail.citations);
    Subject::source(&nav, id, detail.summary.title).answer(nav, blockers, false)
}

/// `POST /sources/{id}/delete`: deletes an uncited source and goes to the list.
pub async fn source_delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "source")?;
    let (title, cited) = change(&state, &principal, move |c, by| {
        let title = editable_source(c, id)?.title.to_string();
        Ok((title, delete_source(c, &by.actor, id, by.now)?))
    })
    .await?;
    if cited.is_empty() {
        return Ok(see_other("/sources".to_owned()));
    }
    Subject::source(&nav, id, title).answer(nav, source_blockers(&cited), true)
}

/// `GET /timeline/{id}/delete`.
pub async fn event_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "timeline event")?;
    let (event, cited) = state
        .run(move |c| {
            Ok((
                stored_event(c, id)?,
                citations_of(c, CitedRecord::TimelineEvent, id)?,
            ))
        })
        .await?;
    Subject::event(&nav, &event).answer(nav, blockers(cited), false)
}

/// `POST /timeline/{id}/delete`: deletes an uncited event, rescores, reports on the incident.
pub async fn event_delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "timeline event")?;
    let (event, cited) = change(&state, &principal, move |c, by| {
        delete_event(c, &by.actor, id, by.scoring(), by.now)
    })
    .await?;
    if cited.is_empty() {
        return Ok(recorded(&event.incident_slug, "timeline"));
    }
    Subject::event(&nav, &event).answer(nav, blockers(cited), true)
}

/// `GET /causes/{id}/delete`.
pub async fn link_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "causal link")?;
    let (link, cited) = state
        .run(move |c| {
            Ok((
                stored_link(c, id)?,
                citations_of(c, CitedRecord::IncidentCause, id)?,
            ))
        })
        .await?;
    Subject::link(&nav, &link).answer(nav, blockers(cited), false)
}

/// `POST /causes/{id}/delete`: deletes an uncited link, rescores, reports on the effect.
pub async fn link_delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "causal link")?;
    let (link, cited) = change(&state, &principal, move |c, by| {
        delete_link(c, &by.actor, id, by.scoring(), by.now)
    })
    .await?;
    if cited.is_empty() {
        return Ok(recorded(&link.2, "causes"));
    }
    Subject::link(&nav, &link).answer(nav, blockers(cited), true)
}
