//! Filtered, sorted and paged lists of vendors and incidents for the list pages. Filtering,
//! sorting and counting run in SQL (boxed queries); vendor grades and scores come from the
//! latest stored score snapshots, never recomputed here.

use super::hydrate::incident_summaries;
use super::vendors::incident_counts;
use super::{Page, PageRequest};
use crate::domain::scoring::Grade;
use crate::domain::views::{IncidentSummary, VendorSummary};
use crate::domain::{IncidentKind, Tier, VendorStatus};
use crate::store::error::parse_stored;
use crate::store::rows::*;
use crate::store::schema::{categories, incidents, products, score_snapshots, vendors};
use crate::store::snapshots::{SnapshotSummary, latest_vendor_snapshots};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use diesel::dsl::{count_star, sql};
use diesel::prelude::*;
use diesel::sql_types::{Date, Integer, Nullable};
use std::collections::HashMap;

/// A grade to filter on: a letter, or "unknown" (no evidence worth grading, or no score).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GradeFilter {
    Grade(Grade),
    Unknown,
}

impl GradeFilter {
    pub const VALUES: [&'static str; 7] = ["A", "B", "C", "D", "E", "F", "unknown"];

    /// "A".."F" (either case) or "unknown".
    pub fn parse(value: &str) -> Option<GradeFilter> {
        let grade = match value.to_ascii_uppercase().as_str() {
            "A" => Grade::A,
            "B" => Grade::B,
            "C" => Grade::C,
            "D" => Grade::D,
            "E" => Grade::E,
            "F" => Grade::F,
            "UNKNOWN" => return Some(GradeFilter::Unknown),
            _ => return None,
        };
        Some(GradeFilter::Grade(grade))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            GradeFilter::Grade(g) => g.as_str(),
            GradeFilter::Unknown => "unknown",
        }
    }
}

/// How the vendor list is ordered; `Desc` variants are the `-key` forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum VendorSort {
    #[default]
    Name,
    NameDesc,
    Score,
    ScoreDesc,
    Tier,
    TierDesc,
    Status,
    StatusDesc,
}

impl VendorSort {
    /// The sort keys, as a query string gives them.
    pub const KEYS: [&'static str; 8] = [
        "name", "-name", "score", "-score", "tier", "-tier", "status", "-status",
    ];

    pub const VALUES: [(&'static str, &'static str); 8] = [
        ("name", "Name, A to Z"),
        ("-name", "Name, Z to A"),
        ("score", "Trust score, lowest first"),
        ("-score", "Trust score, highest first"),
        ("tier", "Tier, critical first"),
        ("-tier", "Tier, low first"),
        ("status", "Status"),
        ("-status", "Status, reversed"),
    ];

    pub fn parse(value: &str) -> Option<VendorSort> {
        Some(match value {
            "name" => VendorSort::Name,
            "-name" => VendorSort::NameDesc,
            "score" => VendorSort::Score,
            "-score" => VendorSort::ScoreDesc,
            "tier" => VendorSort::Tier,
            "-tier" => VendorSort::TierDesc,
            "status" => VendorSort::Status,
            "-status" => VendorSort::StatusDesc,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            VendorSort::Name => "name",
            VendorSort::NameDesc => "-name",
            VendorSort::Score => "score",
            VendorSort::ScoreDesc => "-score",
            VendorSort::Tier => "tier",
            VendorSort::TierDesc => "-tier",
            VendorSort::Status => "status",
            VendorSort::StatusDesc => "-status",
        }
    }
}

/// What the vendor list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct VendorFilter {
    pub tier: Option<Tier>,
    pub status: Option<VendorStatus>,
    pub grade: Option<GradeFilter>,
    /// A category slug: vendors with a product in it or in one of its subcategories.
    pub category: Option<String>,
    pub sort: VendorSort,
}

/// The latest date with stored vendor snapshots under this model. Snapshots are written for
/// every subject of a date at once (`refresh_snapshots`), so the latest date of any snapshot
/// is the vendors' too; asking for vendors' rows only would make the database step over every
/// product row of that date on the date index.
pub fn latest_snapshot_date(
    conn: &mut DbConnection,
    model_version: &str,
) -> Result<Option<NaiveDate>, StoreError> {
    Ok(score_snapshots::table
        .filter(score_snapshots::model_version.eq(model_version))
        .select(diesel::dsl::max(score_snapshots::as_of))
        .first::<Option<NaiveDate>>(conn)?)
}

/// The ids of the category with this slug and of its subcategories (any depth).
pub(crate) fn category_ids(conn: &mut DbConnection, slug: &str) -> Result<Vec<i32>, StoreError> {
    let all: Vec<(i32, String, Option<i32>)> = categories::table
        .select((categories::id, categories::slug, categories::parent_id))
        .load(conn)?;
    let mut ids: Vec<i32> = all
        .iter()
        .filter(|(_, s, _)| s == slug)
        .map(|(id, _, _)| *id)
        .collect();
    let mut i = 0;
    while i < ids.len() {
        let parent = ids[i];
        for (id, _, p) in &all {
            if *p == Some(parent) && !ids.contains(id) {
                ids.push(*id);
            }
        }
        i += 1;
    }
    Ok(ids)
}

/// Every category as (slug, name), by name: the choices of the category filter.
pub fn category_choices(conn: &mut DbConnection) -> Result<Vec<(String, String)>, StoreError> {
    Ok(categories::table
        .select((categories::slug, categories::name))
        .order((categories::name, categories::slug))
        .load(conn)?)
}

/// Vendors matching `filter`, in its order, with their latest stored score.
pub fn filter_vendors(
    conn: &mut DbConnection,
    filter: &VendorFilter,
    page: PageRequest,
    model_version: &str,
) -> Result<Page<VendorSummary>, StoreError> {
    let date = latest_snapshot_date(conn, model_version)?.unwrap_or(NaiveDate::MIN);
    let in_category = match &filter.category {
        Some(slug) => Some(category_ids(conn, slug)?),
        None => None,
    };
    let model = model_version.to_owned();
    // The tier, status and category filters, on the vendors alone or joined with their
    // snapshots (boxed queries cannot be cloned, so each use builds its own).
    macro_rules! vendor_filters {
        ($query:expr) => {{
            let mut q = $query;
            if let Some(tier) = filter.tier {
                q = q.filter(vendors::tier.eq(tier.as_str()));
            }
            if let Some(status) = filter.status {
                q = q.filter(vendors::status.eq(status.as_str()));
            }
            if let Some(ids) = &in_category {
                q = q.filter(
                    vendors::id.eq_any(
                        products::table
                            .filter(products::category_id.eq_any(ids.clone()))
                            .select(products::vendor_id),
                    ),
                );
            }
            q
        }};
    }
    // One builder for the count and the page.
    macro_rules! filtered {
        () => {{
            let mut q = vendor_filters!(
                vendors::table
                    .left_join(
                        score_snapshots::table.on(score_snapshots::vendor_id
                            .eq(vendors::id.nullable())
                            .and(score_snapshots::model_version.eq(model.clone()))
                            .and(score_snapshots::as_of.eq(date))),
                    )
                    .into_boxed::<crate::store::connection::MultiBackend>()
            );
            match filter.grade {
                Some(GradeFilter::Grade(g)) => {
                    q = q
                        .filter(score_snapshots::grade.eq(g.as_str()))
                        .filter(score_snapshots::unknown.eq(false));
                }
                Some(GradeFilter::Unknown) => {
                    q = q.filter(
                        score_snapshots::id
                            .is_null()
                            .or(score_snapshots::unknown.eq(true))
                            .or(score_snapshots::grade.is_null()),
                    );
                }
                None => {}
            }
            q
        }};
    }
    // Without a grade filter the count needs no join (each vendor has at most one snapshot
    // per date and model).
    let total: i64 = match filter.grade {
        None => {
            vendor_filters!(vendors::table.into_boxed::<crate::store::connection::MultiBackend>())
                .select(count_star())
                .first(conn)?
        }
        Some(_) => filtered!().select(count_star()).first(conn)?,
    };
    let tier_rank = diesel::dsl::case_when(vendors::tier.eq("critical"), 0.into_sql::<Integer>())
        .when(vendors::tier.eq("high"), 1.into_sql::<Integer>())
        .when(vendors::tier.eq("medium"), 2.into_sql::<Integer>())
        .otherwise(3.into_sql::<Integer>());
    let status_rank =
        diesel::dsl::case_when(vendors::status.eq("prospect"), 0.into_sql::<Integer>())
            .when(vendors::status.eq("active"), 1.into_sql::<Integer>())
            .when(vendors::status.eq("under_review"), 2.into_sql::<Integer>())
            .when(vendors::status.eq("offboarding"), 3.into_sql::<Integer>())
            .otherwise(4.into_sql::<Integer>());
    // Vendors without a known score go last in either direction (NULL order differs by backend).
    let no_score = score_snapshots::id
        .is_null()
        .or(score_snapshots::unknown.eq(true));
    let q = filtered!().select(VendorRow::as_select());
    let q = match filter.sort {
        VendorSort::Name => q.order((vendors::name.asc(), vendors::slug.asc())),
        VendorSort::NameDesc => q.order((vendors::name.desc(), vendors::slug.desc())),
        VendorSort::Score => q.order((
            no_score.asc(),
            score_snapshots::score.asc(),
            vendors::name.asc(),
        )),
        VendorSort::ScoreDesc => q.order((
            no_score.asc(),
            score_snapshots::score.desc(),
            vendors::name.asc(),
        )),
        VendorSort::Tier => q.order((tier_rank.asc(), vendors::name.asc())),
        VendorSort::TierDesc => q.order((tier_rank.desc(), vendors::name.asc())),
        VendorSort::Status => q.order((status_rank.asc(), vendors::name.asc())),
        VendorSort::StatusDesc => q.order((status_rank.desc(), vendors::name.asc())),
    };
    let rows: Vec<VendorRow> = q.limit(page.limit).offset(page.offset).load(conn)?;
    let items = vendor_summaries(conn, rows, model_version)?;
    Ok(Page { items, total })
}

fn vendor_summaries(
    conn: &mut DbConnection,
    rows: Vec<VendorRow>,
    model_version: &str,
) -> Result<Vec<VendorSummary>, StoreError> {
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let product_counts: HashMap<i32, i64> = products::table
        .filter(products::vendor_id.eq_any(&ids))
        .group_by(products::vendor_id)
        .select((products::vendor_id, count_star()))
        .load::<(i32, i64)>(conn)?
        .into_iter()
        .collect();
    let incident_counts = incident_counts(conn, &ids)?;
    let mut scores = latest_vendor_snapshots(conn, &ids, model_version)?;
    rows.into_iter()
        .map(|r| {
            Ok(VendorSummary {
                trust: scores.remove(&r.id).map(SnapshotSummary::view),
                product_count: product_counts.get(&r.id).copied().unwrap_or(0),
                incident_count: incident_counts.get(&r.id).map_or(0, |s| s.len() as i64),
                tier: parse_stored("vendors.tier", &r.tier)?,
                status: parse_stored("vendors.status", &r.status)?,
                slug: r.slug,
                name: r.name,
                description: r.description,
            })
        })
        .collect()
}

/// How the incident list is ordered; the date is the disclosure date, or the discovery date
/// when the disclosure is unknown. Undated incidents go last in either direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IncidentSort {
    #[default]
    DateDesc,
    Date,
    SeverityDesc,
    Severity,
    Title,
    TitleDesc,
}

impl IncidentSort {
    pub const VALUES: [(&'static str, &'static str); 6] = [
        ("-date", "Most recent first"),
        ("date", "Oldest first"),
        ("-severity", "Most severe first"),
        ("severity", "Least severe first"),
        ("title", "Title, A to Z"),
        ("-title", "Title, Z to A"),
    ];

    /// The sort keys, as the API's `sort` parameter takes them.
    pub const KEYS: [&'static str; 6] =
        ["-date", "date", "-severity", "severity", "title", "-title"];

    pub fn parse(value: &str) -> Option<IncidentSort> {
        Some(match value {
            "-date" => IncidentSort::DateDesc,
            "date" => IncidentSort::Date,
            "-severity" => IncidentSort::SeverityDesc,
            "severity" => IncidentSort::Severity,
            "title" => IncidentSort::Title,
            "-title" => IncidentSort::TitleDesc,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            IncidentSort::DateDesc => "-date",
            IncidentSort::Date => "date",
            IncidentSort::SeverityDesc => "-severity",
            IncidentSort::Severity => "severity",
            IncidentSort::Title => "title",
            IncidentSort::TitleDesc => "-title",
        }
    }
}

/// What the incident list shows.
#[derive(Debug, Clone, Default)]
pub struct IncidentFilter {
    pub kind: Option<IncidentKind>,
    /// Disclosed (or, when undisclosed, discovered) on or after this date.
    pub from: Option<NaiveDate>,
    /// ... and on or before this date.
    pub to: Option<NaiveDate>,
    /// At least this severity (1..=5).
    pub severity: Option<i32>,
    pub sort: IncidentSort,
}

/// Incidents matching `filter`, in its order.
pub fn filter_incidents(
    conn: &mut DbConnection,
    filter: &IncidentFilter,
    page: PageRequest,
) -> Result<Page<IncidentSummary>, StoreError> {
    let when =
        || sql::<Nullable<Date>>("COALESCE(incidents.disclosed_on, incidents.discovered_on)");
    let filtered = || {
        let mut q = incidents::table.into_boxed::<crate::store::connection::MultiBackend>();
        if let Some(kind) = filter.kind {
            q = q.filter(incidents::kind.eq(kind.as_str()));
        }
        if let Some(severity) = filter.severity {
            q = q.filter(incidents::severity.ge(severity));
        }
        if let Some(from) = filter.from {
            q = q.filter(when().ge(from));
        }
        if let Some(to) = filter.to {
            q = q.filter(when().le(to));
        }
        q
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let undated = || when().is_null();
    let q = filtered().select(IncidentRow::as_select());
    let q = match filter.sort {
        IncidentSort::DateDesc => q.order((undated().asc(), when().desc(), incidents::slug.asc())),
        IncidentSort::Date => q.order((undated().asc(), when().asc(), incidents::slug.asc())),
        IncidentSort::SeverityDesc => q.order((
            incidents::severity.desc(),
            undated().asc(),
            when().desc(),
            incidents::slug.asc(),
        )),
        IncidentSort::Severity => q.order((
            incidents::severity.asc(),
            undated().asc(),
            when().desc(),
            incidents::slug.asc(),
        )),
        IncidentSort::Title => q.order((incidents::title.asc(), incidents::slug.asc())),
        IncidentSort::TitleDesc => q.order((incidents::title.desc(), incidents::slug.desc())),
    };
    let rows: Vec<IncidentRow> = q.limit(page.limit).offset(page.offset).load(conn)?;
    let items = incident_summaries(conn, &rows)?;
    Ok(Page { items, total })
}
