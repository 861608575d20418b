//! Synthetic sources, whose full text is made of the sentences they support, and the
//! citations tying each cited record to its source with that sentence as the excerpt.

use super::sql::{Writer, date, text};
use super::{SLUG_PREFIX, base, stream, weighted};
use crate::domain::Reliability;
use crate::store::StoreError;
use chrono::NaiveDate;

const PUBLISHERS: [&str; 5] = [
    "Synthetic Security Weekly",
    "The Synthetic Register",
    "Synthetic CERT",
    "Synthetic Threat Review",
    "Synthetic Filings Monitor",
];

/// A record to cite: its citation column, its id, the sentence quoted and its date.
pub(super) struct Cited {
    pub(super) column: &'static str,
    pub(super) id: i64,
    pub(super) sentence: String,
    pub(super) on: NaiveDate,
}

/// Records cited per source, on average.
const PER_SOURCE: usize = 8;

pub(super) fn write(
    w: &mut Writer<'_>,
    cited: &[Cited],
    seed: u64,
    bases: &[i64; 13],
) -> Result<(), StoreError> {
    let mut rng = stream(seed, 4);
    let count = cited.len().div_ceil(PER_SOURCE).max(1);
    let (source_base, citation_base) = (base(bases, "sources"), base(bases, "citations"));
    // Record k goes to source k % count: each source covers records across the years.
    let mut texts = vec![String::new(); count];
    let mut latest = vec![None::<NaiveDate>; count];
    let mut citations = Vec::with_capacity(cited.len());
    for (k, record) in cited.iter().enumerate() {
        let s = k % count;
        let paragraph = texts[s].matches('\n').count() + 1;
        texts[s].push_str(&record.sentence);
        texts[s].push('\n');
        latest[s] = latest[s].max(Some(record.on));
        citations.push(format!(
            "({}, {}, {}, 'paragraph {paragraph}', {})",
            citation_base + k as i64 + 1,
            source_base + s as i64 + 1,
            text(&record.sentence),
            record.id
        ));
    }
    let rows: Vec<String> = texts
        .iter()
        .zip(&latest)
        .enumerate()
        .map(|(s, (full_text, on))| {
            let reliability = weighted(
                &mut rng,
                &[
                    (Reliability::A, 15),
                    (Reliability::B, 35),
                    (Reliability::C, 30),
                    (Reliability::D, 10),
                    (Reliability::F, 10),
                ],
            );
            let credibility = 1 + rng.below(4);
            let publisher = PUBLISHERS[s % PUBLISHERS.len()];
            let slug = format!("{SLUG_PREFIX}src{}", s + 1);
            format!(
                "({}, '{slug}', {}, {}, 'https://reports.example.com/{slug}', 'en', {}, '{}', \
                 {credibility}, {})",
                source_base + s as i64 + 1,
                text(&format!("{publisher}: digest no. {}", s + 1)),
                text(publisher),
                on.map_or_else(|| "NULL".to_owned(), date),
                reliability.as_str(),
                text(full_text)
            )
        })
        .collect();
    w.insert(
        "writing sources",
        "sources",
        "id, slug, title, publisher, url, language, published_on, reliability, credibility, full_text",
        &rows,
    )?;
    // Citations name their record's column: group the rows by column, one INSERT each.
    for column in ["incident_id", "remediation_id", "assessment_id"] {
        let rows: Vec<String> = cited
            .iter()
            .zip(&citations)
            .filter(|(record, _)| record.column == column)
            .map(|(_, row)| row.clone())
            .collect();
        if rows.is_empty() {
            continue;
        }
        w.insert(
            "writing citations",
            "citations",
            &format!("id, source_id, excerpt, locator, {column}"),
            &rows,
        )?;
    }
    merge_counts(&mut w.created, "citations");
    Ok(())
}

/// Adds up the counts of a table inserted in several parts into one entry.
fn merge_counts(created: &mut Vec<(&'static str, usize)>, table: &'static str) {
    let total: usize = created
        .iter()
        .filter(|(t, _)| *t == table)
        .map(|(_, n)| n)
        .sum();
    created.retain(|(t, _)| *t != table);
    created.push((table, total));
}
