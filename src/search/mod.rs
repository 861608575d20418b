//! Full-text search held in RAM (tantivy): French and English aware, accent- and case-blind.
//! Domain-free: callers hand in documents (title, texts with their language, a link) and get
//! ranked hits whose title and snippet are split into plain and highlighted segments.

pub mod analysis;
mod index;
mod snippet;

pub use analysis::Lang;
pub use index::{SearchError, SearchIndex};
pub use snippet::Segment;

/// The longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

/// Joins the parts of a title that the reader's language words around them (an analyst
/// view's analyst and subject: "… on …", "… sur …"). The index sees a word break; the hit
/// gives the parts back, each with its highlights ([`Hit::title_parts`]).
pub const TITLE_PART_BREAK: char = '\u{1f}';

/// A text of a document, with the language it is written in.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub lang: Lang,
    /// What the text is ("summary", "quote", "translation", "full text"...), shown with it.
    pub label: &'static str,
    pub text: String,
}

impl Text {
    pub fn new(lang: Lang, label: &'static str, text: impl Into<String>) -> Text {
        Text {
            lang,
            label,
            text: text.into(),
        }
    }
}

/// One searchable record.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The kind of record (`vendor`, `product`...), passed through to the hit.
    pub kind: &'static str,
    /// Where the hit links to.
    pub href: String,
    pub title: Text,
    /// A short plain fact about the record (a product's vendor, an incident's threat actor,
    /// a source's publisher); not searched.
    pub context: String,
    /// The searched texts besides the title.
    pub body: Vec<Text>,
}

/// A ranked result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub kind: &'static str,
    pub href: String,
    pub score: f32,
    /// The record's title, with the matched words highlighted.
    pub title: Vec<Segment>,
    pub context: String,
    /// The best-matching passage of the body (empty when the record has no body).
    pub snippet: Vec<Segment>,
    /// What the snippet comes from ("quote", "full text"...).
    pub snippet_label: &'static str,
    /// The snippet's language.
    pub snippet_lang: Lang,
}

impl Hit {
    /// The title as plain text.
    pub fn title_text(&self) -> String {
        self.title.iter().map(|s| s.text.as_str()).collect()
    }

    /// The title's parts (split at [`TITLE_PART_BREAK`]), each with its highlights; one part
    /// for a title that has no break.
    pub fn title_parts(&self) -> Vec<Vec<Segment>> {
        let mut parts = vec![Vec::new()];
        for segment in &self.title {
            let mut pieces = segment.text.split(TITLE_PART_BREAK);
            if let Some(first) = pieces.next() {
                push_text(&mut parts, first, segment.mark);
            }
            for piece in pieces {
                parts.push(Vec::new());
                push_text(&mut parts, piece, segment.mark);
            }
        }
        parts
    }

    /// The snippet as plain text.
    pub fn snippet_text(&self) -> String {
        self.snippet.iter().map(|s| s.text.as_str()).collect()
    }
}

/// Adds `text` (if any) to the last part.
fn push_text(parts: &mut [Vec<Segment>], text: &str, mark: bool) {
    if let Some(part) = parts.last_mut()
        && !text.is_empty()
    {
        part.push(Segment {
            text: text.to_owned(),
            mark,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_with_a_break_gives_its_parts_with_their_highlights() {
        let docs = vec![Document {
            kind: "assessment",
            href: "/vendors/acme".into(),
            title: Text::new(
                Lang::Unknown,
                "title",
                format!("Ann Lee (Gartner){TITLE_PART_BREAK}Acme Mail"),
            ),
            context: String::new(),
            body: Vec::new(),
        }];
        let index = SearchIndex::build(docs).expect("index");
        let hits = index.search("gartner mail", 5).expect("search");
        let parts = hits[0].title_parts();
        let text = |p: &[Segment]| p.iter().map(|s| s.text.as_str()).collect::<String>();
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert_eq!(text(&parts[0]), "Ann Lee (Gartner)");
        assert_eq!(text(&parts[1]), "Acme Mail");
        assert!(parts[0].iter().any(|s| s.mark && s.text == "Gartner"));
        assert!(parts[1].iter().any(|s| s.mark && s.text == "Mail"));
    }
}
