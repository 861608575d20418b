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

    /// The snippet as plain text.
    pub fn snippet_text(&self) -> String {
        self.snippet.iter().map(|s| s.text.as_str()).collect()
    }
}
