//! Text analysis for search: one analyzer per language (French, English), each lower-casing,
//! folding accents to ASCII and then stemming, so that queries need neither case nor accents.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, TokenStream,
};

/// What French elides before a vowel ("d'approvisionnement", "l'éditeur", "qu'il"): split
/// off by the tokenizer, they would match every other elision, so they are not words here.
const FRENCH_ELISIONS: [&str; 13] = [
    "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

fn french_elision(word: &str) -> bool {
    FRENCH_ELISIONS.contains(&word)
}

/// The language a text is analysed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    French,
    English,
    /// Not recorded or neither of the two: the text is indexed in both languages.
    Unknown,
}

impl Lang {
    /// The language of a BCP 47 code (`fr`, `fr-CA`, `en-GB`...).
    pub fn from_code(code: &str) -> Lang {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" | "fra" | "fre" => Lang::French,
            "en" | "eng" => Lang::English,
            _ => Lang::Unknown,
        }
    }

    /// The analysed languages a text in this language goes to.
    pub(crate) fn analysed(self) -> &'static [Analysed] {
        match self {
            Lang::French => &[Analysed::French],
            Lang::English => &[Analysed::English],
            Lang::Unknown => &[Analysed::French, Analysed::English],
        }
    }
}

/// A language with its own analyzer and index fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Analysed {
    French,
    English,
}

impl Analysed {
    pub(crate) const ALL: [Analysed; 2] = [Analysed::French, Analysed::English];

    /// The analyzer's name in the index's tokenizer manager.
    pub(crate) fn analyzer_name(self) -> &'static str {
        match self {
            Analysed::French => "trustkb_fr",
            Analysed::English => "trustkb_en",
        }
    }

    /// Words split on non-alphanumerics, lower-cased, folded to ASCII, then stemmed. Folding
    /// comes before stemming so that "sécurité" and "securite" reach the stemmer alike.
    /// French drops its elided articles and pronouns ("d'", "l'", "qu'").
    pub(crate) fn analyzer(self) -> TextAnalyzer {
        let builder = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(64))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter);
        match self {
            Analysed::French => builder
                .filter(StopWordFilter::remove(
                    FRENCH_ELISIONS.iter().map(|w| (*w).to_owned()),
                ))
                .filter(Stemmer::new(Language::French))
                .build(),
            Analysed::English => builder.filter(Stemmer::new(Language::English)).build(),
        }
    }
}

/// The words of a query, lower-cased and folded but not stemmed (each is then stemmed by
/// every language's analyzer). French elisions are not words: "d'approvisionnement" searches
/// for "approvisionnement" only, and no stray "d" is highlighted.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = analyzer.token_stream(query);
    let mut words: Vec<String> = Vec::new();
    while let Some(token) = stream.next() {
        if !words.contains(&token.text) && !french_elision(&token.text) {
            words.push(token.text.clone());
        }
    }
    words
}

/// The terms `analyzer` makes of one word (usually one; none if it drops the word).
pub(crate) fn analyse(analyzer: &mut TextAnalyzer, word: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(word);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(lang: Analysed, text: &str) -> Vec<String> {
        let mut a = lang.analyzer();
        query_words(text)
            .iter()
            .flat_map(|w| analyse(&mut a, w))
            .collect()
    }

    #[test]
    fn french_elisions_are_not_words() {
        assert_eq!(
            query_words("chaîne d'approvisionnement"),
            ["chaine", "approvisionnement"]
        );
        assert_eq!(query_words("L'éditeur qu'il"), ["editeur", "il"]);
        let mut french = Analysed::French.analyzer();
        let terms = analyse(&mut french, "l'éditeur d'Orion");
        assert_eq!(terms.len(), 2, "{terms:?}");
        assert!(!terms.iter().any(|t| t == "l" || t == "d"), "{terms:?}");
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        assert_eq!(
            stems(Analysed::French, "CHAÎNE d'approvisionnement"),
            stems(Analysed::French, "chaine d'approvisionnement")
        );
        assert_eq!(
            stems(Analysed::French, "sécurité"),
            stems(Analysed::French, "securite")
        );
    }

    #[test]
    fn word_forms_share_a_stem() {
        assert_eq!(
            stems(Analysed::French, "fournisseurs"),
            stems(Analysed::French, "fournisseur")
        );
        assert_eq!(
            stems(Analysed::English, "compromised"),
            stems(Analysed::English, "compromise")
        );
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("fr"), Lang::French);
        assert_eq!(Lang::from_code("en-GB"), Lang::English);
        assert_eq!(Lang::from_code("de"), Lang::Unknown);
    }
}
