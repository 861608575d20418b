//! Creating, editing and deleting a source: a taken slug, an edit that loses a cited excerpt
//! and a delete while cited are refused; otherwise the row and its audit record, together.

use crate::domain::audit::Actor;
use crate::domain::text::locate_excerpt;
use crate::domain::views::SourceCitationView;
use crate::domain::{
    Credibility, LanguageCode, Line, PartialDate, Reliability, Slug, SourceText, WebUrl,
};
use crate::store::audit::{record_create, record_delete, record_update};
use crate::store::error::{OrNotFound, parse_stored, stored_date_opt};
use crate::store::history::SOURCE;
use crate::store::insert::{NewSource, insert_returning_id};
use crate::store::queries::sources::source_detail;
use crate::store::rows::SourceRow;
use crate::store::schema::sources;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::{Value, json};

/// A source's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceValues {
    pub slug: Slug,
    pub title: Line,
    pub publisher: Line,
    pub url: Option<WebUrl>,
    pub language: LanguageCode,
    pub published: Option<PartialDate>,
    pub reliability: Reliability,
    pub credibility: Credibility,
    pub full_text: Option<SourceText>,
}

impl SourceValues {
    /// What the audit trail records of a source.
    fn audit_view(&self) -> Value {
        json!({
            "slug": self.slug, "title": self.title, "publisher": self.publisher,
            "url": self.url, "language": self.language, "published_on": self.published,
            "reliability": self.reliability, "credibility": self.credibility,
            "full_text": self.full_text,
        })
    }

    fn from_row(row: SourceRow) -> Result<SourceValues, StoreError> {
        let bad = |column: &str, e: crate::domain::InvalidValue| {
            StoreError::Corrupt(format!("sources.{column}: {}", e.0))
        };
        Ok(SourceValues {
            slug: Slug::parse(row.slug).map_err(|e| bad("slug", e))?,
            title: Line::parse(row.title).map_err(|e| bad("title", e))?,
            publisher: Line::parse(row.publisher).map_err(|e| bad("publisher", e))?,
            url: row
                .url
                .map(WebUrl::parse)
                .transpose()
                .map_err(|e| bad("url", e))?,
            language: LanguageCode::parse(row.language).map_err(|e| bad("language", e))?,
            published: stored_date_opt(
                "sources.published_on",
                row.published_on,
                &row.published_precision,
            )?,
            reliability: parse_stored("sources.reliability", &row.reliability)?,
            credibility: Credibility::new(i64::from(row.credibility))
                .map_err(|e| bad("credibility", e))?,
            full_text: row
                .full_text
                .map(SourceText::parse)
                .transpose()
                .map_err(|e| bad("full_text", e))?,
        })
    }
}

/// Why a source was not written.
#[derive(Debug, Clone)]
pub enum SourceRefusal {
    /// Another source has this slug.
    SlugTaken(String),
    /// The new text no longer holds these citations' excerpts.
    LosesExcerpts(Vec<SourceCitationView>),
}

/// The stored fields of source `id`; not found when there is none.
pub fn editable_source(conn: &mut DbConnection, id: i32) -> Result<SourceValues, StoreError> {
    let row: SourceRow = sources::table
        .find(id)
        .select(SourceRow::as_select())
        .first(conn)
        .or_not_found("source", id.to_string())?;
    SourceValues::from_row(row)
}

fn slug_taken_by_other(
    conn: &mut DbConnection,
    slug: &Slug,
    except: Option<i32>,
) -> Result<bool, StoreError> {
    let other: Option<i32> = sources::table
        .filter(sources::slug.eq(slug.as_str()))
        .select(sources::id)
        .first(conn)
        .optional()?;
    Ok(other.is_some_and(|o| Some(o) != except))
}

fn row(v: &SourceValues) -> NewSource<'_> {
    NewSource {
        slug: v.slug.as_str(),
        title: v.title.as_str(),
        publisher: v.publisher.as_str(),
        url: v.url.as_ref().map(WebUrl::as_str),
        language: v.language.as_str(),
        published_on: v.published.map(|d| d.date),
        reliability: v.reliability.as_str(),
        credibility: v.credibility.get(),
        full_text: v.full_text.as_ref().map(SourceText::as_str),
        published_precision: v
            .published
            .map_or(crate::domain::DatePrecision::Day, |d| d.precision)
            .as_str(),
    }
}

/// Records a new source and its audit record; returns its id.
pub fn create_source(
    conn: &mut DbConnection,
    actor: &Actor,
    v: &SourceValues,
    now: NaiveDateTime,
) -> Result<Result<i32, SourceRefusal>, StoreError> {
    conn.write_transaction(|conn| {
        if slug_taken_by_other(conn, &v.slug, None)? {
            return Ok(Err(SourceRefusal::SlugTaken(v.slug.to_string())));
        }
        let id = insert_returning_id!(&mut *conn, sources, &row(v))?;
        record_create(
            conn,
            actor,
            (SOURCE, id, v.slug.as_str()),
            v.audit_view(),
            now,
        )?;
        Ok(Ok(id))
    })
}

/// Saves source `id` with these fields (an audit record with before and after when something
/// changed). Refused when the slug is another source's, or when the new text (or its removal)
/// would lose the excerpt of a citation. Returns whether anything changed.
pub fn update_source(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    v: &SourceValues,
    now: NaiveDateTime,
) -> Result<Result<bool, SourceRefusal>, StoreError> {
    conn.write_transaction(|conn| {
        let before = editable_source(conn, id)?;
        if slug_taken_by_other(conn, &v.slug, Some(id))? {
            return Ok(Err(SourceRefusal::SlugTaken(v.slug.to_string())));
        }
        if before.full_text != v.full_text {
            let lost: Vec<SourceCitationView> = source_detail(conn, id)?
                .citations
                .into_iter()
                .filter(|c| {
                    let was = before
                        .full_text
                        .as_ref()
                        .is_some_and(|t| locate_excerpt(t.as_str(), &c.excerpt).is_some());
                    let kept = v
                        .full_text
                        .as_ref()
                        .is_some_and(|t| locate_excerpt(t.as_str(), &c.excerpt).is_some());
                    was && !kept
                })
                .collect();
            if !lost.is_empty() {
                return Ok(Err(SourceRefusal::LosesExcerpts(lost)));
            }
        }
        if &before == v {
            return Ok(Ok(false));
        }
        let r = row(v);
        diesel::update(sources::table.find(id))
            .set((
                sources::slug.eq(r.slug),
                sources::title.eq(r.title),
                sources::publisher.eq(r.publisher),
                sources::url.eq(r.url),
                sources::language.eq(r.language),
                sources::published_on.eq(r.published_on),
                sources::published_precision.eq(r.published_precision),
                sources::reliability.eq(r.reliability),
                sources::credibility.eq(r.credibility),
                sources::full_text.eq(r.full_text),
            ))
            .execute(conn)?;
        let views = (before.audit_view(), v.audit_view());
        record_update(conn, actor, (SOURCE, id, v.slug.as_str()), views, now)?;
        Ok(Ok(true))
    })
}

/// Deletes source `id` when no citation quotes it (audit record with its fields before).
/// Returns the citations that prevent it (empty: deleted).
pub fn delete_source(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    now: NaiveDateTime,
) -> Result<Vec<SourceCitationView>, StoreError> {
    conn.write_transaction(|conn| {
        let detail = source_detail(conn, id)?;
        if !detail.citations.is_empty() {
            return Ok(detail.citations);
        }
        let before = editable_source(conn, id)?;
        diesel::delete(sources::table.find(id)).execute(conn)?;
        let about = (SOURCE, id, before.slug.as_str());
        record_delete(conn, actor, about, before.audit_view(), now)?;
        Ok(Vec::new())
    })
}
