//! Raising alerts inside the change that causes them: score rules compare each watched
//! subject's score and grade before and after; record rules fire on a new incident or assessment.

use super::deliveries::enqueue;
use super::rows::{RecordInfo, ScorePoint, SubjectInfo, subject_info};
use crate::domain::WatchRuleKind;
use crate::domain::scoring::{Grade, ScoringConfig, Subject};
use crate::store::curation::rescore::{RESCORE, Scores};
use crate::store::curation::score_report::{REPORTED, latest_record};
use crate::store::insert::insert_returning_id;
use crate::store::schema::{alerts, watch_items, watch_rules, watchlists};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The rules that compare scores.
const SCORE_KINDS: [WatchRuleKind; 3] = [
    WatchRuleKind::ScoreBelow,
    WatchRuleKind::ScoreDrop,
    WatchRuleKind::GradeChange,
];

/// One rule of a watchlist applied to one subject that list watches.
#[derive(Debug, Clone)]
pub(super) struct Watcher {
    pub watchlist_id: i32,
    pub watchlist_name: String,
    pub owner_id: i32,
    pub webhook_url: Option<String>,
    pub subject: Subject,
    pub rule_id: i32,
    pub kind: WatchRuleKind,
    pub threshold: Option<i32>,
}

type WatcherRow = (
    (Option<i32>, Option<i32>),
    (i32, String, i32, Option<String>),
    (i32, String, Option<i32>),
);

/// The rules of these kinds applied to each subject watched (only to `subjects` when given).
fn watchers(
    conn: &mut DbConnection,
    kinds: &[WatchRuleKind],
    subjects: Option<&[Subject]>,
) -> Result<Vec<Watcher>, StoreError> {
    let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    let mut query = watch_items::table
        .inner_join(watchlists::table.inner_join(watch_rules::table))
        .filter(watch_rules::kind.eq_any(kinds))
        .select((
            (watch_items::vendor_id, watch_items::product_id),
            (
                watchlists::id,
                watchlists::name,
                watchlists::owner_id,
                watchlists::webhook_url,
            ),
            (watch_rules::id, watch_rules::kind, watch_rules::threshold),
        ))
        .order((
            watchlists::id.asc(),
            watch_rules::id.asc(),
            watch_items::id.asc(),
        ))
        .into_boxed();
    if let Some(list) = subjects {
        let vendors: Vec<i32> = list
            .iter()
            .filter_map(|s| match s {
                Subject::Vendor(v) => Some(*v),
                Subject::Product(_) => None,
            })
            .collect();
        let products: Vec<i32> = list
            .iter()
            .filter_map(|s| match s {
                Subject::Product(p) => Some(*p),
                Subject::Vendor(_) => None,
            })
            .collect();
        query = query.filter(
            watch_items::vendor_id
                .eq_any(vendors)
                .or(watch_items::product_id.eq_any(products)),
        );
    }
    let rows: Vec<WatcherRow> = query.load(conn)?;
    let mut list = Vec::new();
    for ((vendor, product), (watchlist_id, watchlist_name, owner_id, webhook_url), rule) in rows {
        let subject = match (vendor, product) {
            (Some(v), _) => Subject::Vendor(v),
            (None, Some(p)) => Subject::Product(p),
            (None, None) => continue,
        };
        list.push(Watcher {
            watchlist_id,
            watchlist_name,
            owner_id,
            webhook_url,
            subject,
            rule_id: rule.0,
            kind: crate::store::error::parse_stored("watch_rules.kind", &rule.1)?,
            threshold: rule.2,
        });
    }
    Ok(list)
}

/// Whether any watchlist has a rule (when none, nothing needs comparing).
pub fn any_rule(conn: &mut DbConnection) -> Result<bool, StoreError> {
    let n: i64 = watch_rules::table.count().get_result(conn)?;
    Ok(n > 0)
}

/// A subject's score then: (score, unknown), `None` when it was not scored.
pub type Then = Option<(f64, bool)>;

/// Whether a score rule fires for a subject scored `before` and `after`. An unknown score
/// (too little evidence: the base rate, shown marked) is below no threshold and has no
/// grade; a drop compares the scores as shown, known or not.
pub fn score_rule_fires(
    (kind, threshold): (WatchRuleKind, Option<i32>),
    before: Then,
    after: Then,
    bands: &[f64; 5],
) -> bool {
    let known = |t: Then| t.filter(|(_, unknown)| !unknown).map(|(s, _)| s);
    let limit = f64::from(threshold.unwrap_or(0));
    match kind {
        WatchRuleKind::ScoreBelow => {
            known(after).is_some_and(|a| a < limit) && !known(before).is_some_and(|b| b < limit)
        }
        WatchRuleKind::ScoreDrop => match (before, after) {
            (Some((b, _)), Some((a, _))) => b - a >= limit,
            _ => false,
        },
        WatchRuleKind::GradeChange => {
            let grade = |t: Then| known(t).map(|s| Grade::of(s, bands));
            before.is_some() && after.is_some() && grade(before) != grade(after)
        }
        WatchRuleKind::NewIncident | WatchRuleKind::NewAssessment => false,
    }
}

fn point(then: Then, bands: &[f64; 5]) -> ScorePoint {
    ScorePoint {
        score: then.map(|(s, _)| s),
        grade: then
            .filter(|(_, unknown)| !unknown)
            .map(|(s, _)| Grade::of(s, bands).as_str().to_owned()),
    }
}

/// What an alert says, before it is stored.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub subject: SubjectInfo,
    pub old: ScorePoint,
    pub new: ScorePoint,
    pub record: Option<RecordInfo>,
    pub report: Option<i32>,
}

#[derive(Insertable)]
#[diesel(table_name = alerts)]
struct NewAlert<'a> {
    watchlist_id: i32,
    owner_id: i32,
    rule_id: Option<i32>,
    kind: &'a str,
    threshold: Option<i32>,
    subject_kind: &'a str,
    subject_id: i32,
    subject_slug: &'a str,
    subject_name: &'a str,
    vendor_slug: &'a str,
    old_score: Option<f64>,
    new_score: Option<f64>,
    old_grade: Option<&'a str>,
    new_grade: Option<&'a str>,
    record_slug: Option<&'a str>,
    record_title: Option<&'a str>,
    report_id: Option<i32>,
    created_at: NaiveDateTime,
}

/// Stores the alert `w` raises and, when its list has a webhook, queues its delivery.
fn raise(
    conn: &mut DbConnection,
    w: &Watcher,
    d: &Draft,
    now: NaiveDateTime,
) -> Result<i32, StoreError> {
    let row = NewAlert {
        watchlist_id: w.watchlist_id,
        owner_id: w.owner_id,
        rule_id: Some(w.rule_id),
        kind: w.kind.as_str(),
        threshold: w.threshold,
        subject_kind: &d.subject.kind,
        subject_id: d.subject.id,
        subject_slug: &d.subject.slug,
        subject_name: &d.subject.name,
        vendor_slug: &d.subject.vendor_slug,
        old_score: d.old.score,
        new_score: d.new.score,
        old_grade: d.old.grade.as_deref(),
        new_grade: d.new.grade.as_deref(),
        record_slug: d.record.as_ref().map(|r| r.slug.as_str()),
        record_title: d.record.as_ref().map(|r| r.title.as_str()),
        report_id: d.report,
        created_at: now,
    };
    let id = insert_returning_id!(&mut *conn, alerts, &row)?;
    if let Some(url) = &w.webhook_url {
        enqueue(conn, (id, w), d, url, now)?;
    }
    Ok(id)
}

/// After a change rescored the knowledge base (inside its transaction): raises the alerts of
/// every score rule the move from `before` to `after` fires. `about` is the rescore record
/// (its entity and the changed record's id), linked when it has a report page.
pub fn scores_moved(
    conn: &mut DbConnection,
    about: (&str, i32),
    (before, after): (&Scores, &Scores),
    config: &ScoringConfig,
    now: NaiveDateTime,
) -> Result<usize, StoreError> {
    let list = watchers(conn, &SCORE_KINDS, None)?;
    if list.is_empty() {
        return Ok(0);
    }
    let (entity, id) = about;
    let report = match REPORTED.contains(&entity) {
        true => latest_record(conn, entity, id)?,
        false => None,
    };
    let mut raised = 0;
    for w in &list {
        let (then, now_score) = (before.then(&w.subject), after.then(&w.subject));
        if !score_rule_fires((w.kind, w.threshold), then, now_score, &config.grade_bands) {
            continue;
        }
        let Some(who) = after.who(&w.subject) else {
            continue;
        };
        let subject = SubjectInfo {
            kind: who.kind.clone(),
            id: match w.subject {
                Subject::Vendor(v) | Subject::Product(v) => v,
            },
            slug: who.slug.clone(),
            name: who.name.clone(),
            vendor_slug: who.vendor_slug.clone(),
        };
        let draft = Draft {
            subject,
            old: point(then, &config.grade_bands),
            new: point(now_score, &config.grade_bands),
            record: None,
            report,
        };
        raise(conn, w, &draft, now)?;
        raised += 1;
    }
    Ok(raised)
}

/// After a record was written (inside its transaction): raises the alerts of every rule of
/// `kind` (new incident, new assessment) watching one of `subjects`, the record's parties.
pub fn record_written(
    conn: &mut DbConnection,
    kind: WatchRuleKind,
    record: &RecordInfo,
    subjects: &[Subject],
    report: Option<i32>,
    now: NaiveDateTime,
) -> Result<usize, StoreError> {
    if subjects.is_empty() {
        return Ok(0);
    }
    let list = watchers(conn, &[kind], Some(subjects))?;
    let mut raised = 0;
    for w in &list {
        let ids = match w.subject {
            Subject::Vendor(v) => (Some(v), None),
            Subject::Product(p) => (None, Some(p)),
        };
        let Some(subject) = subject_info(conn, ids)? else {
            continue;
        };
        let empty = ScorePoint {
            score: None,
            grade: None,
        };
        let draft = Draft {
            subject,
            old: empty.clone(),
            new: empty,
            record: Some(record.clone()),
            report,
        };
        raise(conn, w, &draft, now)?;
        raised += 1;
    }
    Ok(raised)
}

/// [`record_written`] for an incident just recorded (or newly involving `subjects`), linked
/// to the report of the score changes it caused.
pub fn incident_recorded(
    conn: &mut DbConnection,
    (id, slug, title): (i32, &str, &str),
    subjects: &[Subject],
    now: NaiveDateTime,
) -> Result<usize, StoreError> {
    if subjects.is_empty() {
        return Ok(0);
    }
    let report = latest_record(conn, RESCORE, id)?;
    let record = RecordInfo {
        kind: "incident".into(),
        slug: slug.to_owned(),
        title: title.to_owned(),
    };
    record_written(
        conn,
        WatchRuleKind::NewIncident,
        &record,
        subjects,
        report,
        now,
    )
}

/// An assessment's title in alerts: its analyst and the start of its quote.
pub fn quoted(analyst: &str, quote: &str) -> String {
    let mut start: String = quote.chars().take(120).collect();
    if start.len() < quote.len() {
        start.push('…');
    }
    format!("{analyst}: {start}")
}

/// [`record_written`] for an assessment just recorded: `title` says whose view it is.
pub fn assessment_recorded(
    conn: &mut DbConnection,
    (slug, title): (&str, &str),
    subjects: &[Subject],
    report: Option<i32>,
    now: NaiveDateTime,
) -> Result<usize, StoreError> {
    let record = RecordInfo {
        kind: "assessment".into(),
        slug: slug.to_owned(),
        title: title.to_owned(),
    };
    record_written(
        conn,
        WatchRuleKind::NewAssessment,
        &record,
        subjects,
        report,
        now,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BANDS: [f64; 5] = [80.0, 65.0, 50.0, 35.0, 20.0];

    fn fires(kind: WatchRuleKind, t: Option<i32>, before: Then, after: Then) -> bool {
        score_rule_fires((kind, t), before, after, &BANDS)
    }

    #[test]
    fn below_fires_only_when_crossing() {
        let k = WatchRuleKind::ScoreBelow;
        assert!(fires(k, Some(60), Some((62.0, false)), Some((58.0, false))));
        assert!(!fires(
            k,
            Some(60),
            Some((59.0, false)),
            Some((58.0, false))
        ));
        assert!(!fires(
            k,
            Some(60),
            Some((62.0, false)),
            Some((61.0, false))
        ));
        assert!(fires(k, Some(60), Some((50.0, true)), Some((40.0, false))));
        assert!(!fires(k, Some(60), Some((62.0, false)), Some((40.0, true))));
    }

    #[test]
    fn drop_needs_both_known_and_enough_points() {
        let k = WatchRuleKind::ScoreDrop;
        assert!(fires(k, Some(5), Some((70.0, false)), Some((65.0, false))));
        assert!(!fires(k, Some(5), Some((70.0, false)), Some((65.5, false))));
        assert!(!fires(k, Some(5), Some((65.0, false)), Some((70.0, false))));
        assert!(!fires(k, Some(5), None, Some((40.0, false))));
        assert!(fires(k, Some(5), Some((50.0, true)), Some((40.0, false))));
    }

    #[test]
    fn grade_change_compares_grades_and_knowledge() {
        let k = WatchRuleKind::GradeChange;
        assert!(fires(k, None, Some((66.0, false)), Some((64.0, false))));
        assert!(!fires(k, None, Some((70.0, false)), Some((66.0, false))));
        assert!(fires(k, None, Some((50.0, true)), Some((70.0, false))));
        assert!(!fires(k, None, None, Some((70.0, false))));
    }
}
