//! Highlighting: which words of a text match the query's terms, and the passage to show,
//! returned as plain/highlighted segments (never HTML), so templates escape every byte.

use super::analysis::Analysed;
use std::collections::HashSet;
use std::ops::Range;
use tantivy::tokenizer::TokenStream;

/// A run of text; `mark` when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// The query's terms, per analysed language.
#[derive(Debug, Clone, Default)]
pub(crate) struct QueryTerms {
    pub french: HashSet<String>,
    pub english: HashSet<String>,
}

impl QueryTerms {
    pub(crate) fn of(&self, lang: Analysed) -> &HashSet<String> {
        match lang {
            Analysed::French => &self.french,
            Analysed::English => &self.english,
        }
    }
}

/// Byte ranges of `text` whose analysed form (in any of `langs`) is a query term, merged.
pub(crate) fn matches(text: &str, langs: &[Analysed], terms: &QueryTerms) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for lang in langs {
        let wanted = terms.of(*lang);
        if wanted.is_empty() {
            continue;
        }
        let mut analyzer = lang.analyzer();
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            if wanted.contains(&token.text) {
                ranges.push(token.offset_from..token.offset_to);
            }
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// `text` split at the `ranges` (sorted, disjoint, on char boundaries).
pub(crate) fn segments(text: &str, ranges: &[Range<usize>]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end > text.len() {
            continue;
        }
        if let Some(plain) = text.get(at..r.start)
            && !plain.is_empty()
        {
            out.push(Segment {
                text: plain.to_owned(),
                mark: false,
            });
        }
        if let Some(marked) = text.get(r.start..r.end) {
            out.push(Segment {
                text: marked.to_owned(),
                mark: true,
            });
        }
        at = r.end;
    }
    if let Some(rest) = text.get(at..)
        && !rest.is_empty()
    {
        out.push(Segment {
            text: rest.to_owned(),
            mark: false,
        });
    }
    out
}

/// The largest char boundary ≤ `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A passage of about `width` bytes around the densest cluster of `ranges`, cut at spaces,
/// with "…" where the text was cut; the segments of that passage.
pub(crate) fn passage(text: &str, ranges: &[Range<usize>], width: usize) -> Vec<Segment> {
    if text.len() <= width {
        return segments(text, ranges);
    }
    // The match that starts the window holding the most matches.
    let anchor = ranges
        .iter()
        .enumerate()
        .max_by_key(|(i, r)| {
            let count = ranges
                .iter()
                .filter(|o| o.start >= r.start && o.end <= r.start + width * 3 / 4)
                .count();
            (count, usize::MAX - i)
        })
        .map_or(0, |(_, r)| r.start);
    let lead = width / 5;
    let mut start = floor_boundary(text, anchor.saturating_sub(lead));
    if start > 0 {
        // Start at the beginning of a word.
        start = text[start..anchor]
            .find(char::is_whitespace)
            .map_or(start, |i| start + i + 1)
            .min(anchor);
        start = floor_boundary(text, start);
    }
    let mut end = floor_boundary(text, start + width);
    if end < text.len() {
        end = text[start..end]
            .rfind(char::is_whitespace)
            .map(|i| start + i)
            .filter(|e| *e > anchor)
            .unwrap_or(end);
    }
    let inside: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start..r.end - start)
        .collect();
    let mut out = Vec::new();
    if start > 0 {
        out.push(Segment {
            text: "…".into(),
            mark: false,
        });
    }
    out.extend(segments(&text[start..end], &inside));
    if end < text.len() {
        out.push(Segment {
            text: "…".into(),
            mark: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_split_at_ranges() {
        let s = segments("une chaîne longue", std::slice::from_ref(&(4..11)));
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].text, "chaîne");
        assert!(s[1].mark);
    }

    #[test]
    fn passage_keeps_matches_and_cuts_at_words() {
        let text = "mot ".repeat(100) + "cible " + &"fin ".repeat(100);
        let at = text.find("cible").unwrap_or(0);
        let p = passage(&text, std::slice::from_ref(&(at..at + 5)), 80);
        assert!(p.iter().any(|s| s.mark && s.text == "cible"));
        assert_eq!(p.first().map(|s| s.text.as_str()), Some("…"));
        assert_eq!(p.last().map(|s| s.text.as_str()), Some("…"));
        let len: usize = p.iter().map(|s| s.text.len()).sum();
        assert!(len < 100, "{len}");
    }
}
