//! Locating verbatim excerpts in a source's text and splitting it for highlighting.
//! Pure string work, shared by pack validation (excerpt must be found) and the source page.

/// Where an excerpt sits in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExcerptPlace {
    /// Byte offset of the first occurrence.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// 1-based paragraph (non-empty line) number.
    pub paragraph: usize,
}

/// Finds the first verbatim occurrence of `excerpt` in `text`.
pub fn locate_excerpt(text: &str, excerpt: &str) -> Option<ExcerptPlace> {
    if excerpt.is_empty() {
        return None;
    }
    let start = text.find(excerpt)?;
    // The excerpt's line is a paragraph; count the non-blank lines before it.
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let paragraph = text[..line_start]
        .split('\n')
        .filter(|line| !line.trim().is_empty())
        .count()
        + 1;
    Some(ExcerptPlace {
        start,
        end: start + excerpt.len(),
        paragraph,
    })
}

/// A run of a source text, highlighted when it lies inside a cited excerpt.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct TextSegment {
    pub text: String,
    /// 1-based numbers of the citations covering this run (empty: not cited).
    pub citations: Vec<usize>,
    /// Citations whose excerpt ends with this run (where their marker goes).
    pub ending: Vec<usize>,
}

impl TextSegment {
    pub fn is_highlighted(&self) -> bool {
        !self.citations.is_empty()
    }
}

/// Splits `text` into runs so that every excerpt found in it is highlighted; overlapping
/// excerpts are merged into runs that list every citation covering them.
pub fn highlight_excerpts(text: &str, excerpts: &[&str]) -> Vec<TextSegment> {
    let places: Vec<(usize, ExcerptPlace)> = excerpts
        .iter()
        .enumerate()
        .filter_map(|(i, e)| locate_excerpt(text, e).map(|p| (i + 1, p)))
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (_, p) in &places {
        cuts.push(p.start);
        cuts.push(p.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut segments: Vec<TextSegment> = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let Some(run) = text.get(from..to) else {
            continue;
        };
        let covering: Vec<usize> = places
            .iter()
            .filter(|(_, p)| p.start <= from && to <= p.end)
            .map(|(n, _)| *n)
            .collect();
        let ending: Vec<usize> = places
            .iter()
            .filter(|(_, p)| p.end == to)
            .map(|(n, _)| *n)
            .collect();
        match segments.last_mut() {
            Some(last) if last.citations == covering && last.ending.is_empty() => {
                last.text.push_str(run);
                last.ending = ending;
            }
            _ => segments.push(TextSegment {
                text: run.to_owned(),
                citations: covering,
                ending,
            }),
        }
    }
    segments
}

/// A paragraph (non-empty line) of a source text, numbered like excerpt locators.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Paragraph {
    pub number: usize,
    pub segments: Vec<TextSegment>,
}

/// Highlights excerpts as `highlight_excerpts` does, then splits the runs into paragraphs.
pub fn highlight_paragraphs(text: &str, excerpts: &[&str]) -> Vec<Paragraph> {
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut current: Vec<TextSegment> = Vec::new();
    let flush = |current: &mut Vec<TextSegment>, paragraphs: &mut Vec<Paragraph>| {
        if current.iter().any(|s| !s.text.trim().is_empty()) {
            paragraphs.push(Paragraph {
                number: paragraphs.len() + 1,
                segments: std::mem::take(current),
            });
        }
        current.clear();
    };
    for segment in highlight_excerpts(text, excerpts) {
        let mut pieces = segment.text.split('\n').peekable();
        while let Some(piece) = pieces.next() {
            let last = pieces.peek().is_none();
            if !piece.is_empty() {
                current.push(TextSegment {
                    text: piece.to_owned(),
                    citations: segment.citations.clone(),
                    ending: if last {
                        segment.ending.clone()
                    } else {
                        Vec::new()
                    },
                });
            }
            if !last {
                flush(&mut current, &mut paragraphs);
            }
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Premier paragraphe.\nLe deuxième, avec la chaîne.\n\nTroisième.";

    #[test]
    fn finds_excerpt_and_its_paragraph() {
        let p = locate_excerpt(TEXT, "la chaîne").unwrap();
        assert_eq!(&TEXT[p.start..p.end], "la chaîne");
        assert_eq!(p.paragraph, 2);
        assert_eq!(locate_excerpt(TEXT, "Premier").unwrap().paragraph, 1);
        assert_eq!(locate_excerpt(TEXT, "Troisième").unwrap().paragraph, 3);
        assert!(locate_excerpt(TEXT, "la chaine").is_none());
        assert!(locate_excerpt(TEXT, "").is_none());
    }

    #[test]
    fn locators_skip_blank_lines_and_indentation() {
        let text = "\n\nFirst.\n    Second, indented.\n\n\nThird.";
        assert_eq!(locate_excerpt(text, "First").unwrap().paragraph, 1);
        assert_eq!(locate_excerpt(text, "Second").unwrap().paragraph, 2);
        assert_eq!(locate_excerpt(text, "indented").unwrap().paragraph, 2);
        assert_eq!(locate_excerpt(text, "Third").unwrap().paragraph, 3);
        let paras = highlight_paragraphs(text, &["Second"]);
        let cited = paras
            .iter()
            .find(|p| p.segments.iter().any(|s| s.is_highlighted()))
            .unwrap();
        assert_eq!(cited.number, 2);
    }

    #[test]
    fn paragraphs_are_numbered_like_locators() {
        let paras = highlight_paragraphs(TEXT, &["la chaîne"]);
        assert_eq!(paras.len(), 3);
        assert_eq!(paras[2].number, 3);
        assert_eq!(paras[2].segments[0].text, "Troisième.");
        let place = locate_excerpt(TEXT, "la chaîne").unwrap();
        let cited = paras
            .iter()
            .find(|p| p.segments.iter().any(|s| s.is_highlighted()))
            .unwrap();
        assert_eq!(cited.number, place.paragraph);
    }

    #[test]
    fn highlights_overlapping_excerpts() {
        let segs = highlight_excerpts(TEXT, &["deuxième, avec", "avec la chaîne", "absent"]);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, TEXT);
        let cited: Vec<(&str, Vec<usize>)> = segs
            .iter()
            .filter(|s| s.is_highlighted())
            .map(|s| (s.text.as_str(), s.citations.clone()))
            .collect();
        assert_eq!(
            cited,
            vec![
                ("deuxième, ", vec![1]),
                ("avec", vec![1, 2]),
                (" la chaîne", vec![2])
            ]
        );
        let ends: Vec<Vec<usize>> = segs.iter().map(|s| s.ending.clone()).collect();
        assert!(ends.contains(&vec![1]) && ends.contains(&vec![2]));
    }
}
