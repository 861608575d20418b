//! The in-RAM tantivy index: one title field and one body field per analysed language, a
//! document's texts going to the fields of their language (both when it is unknown).

use super::analysis::{Analysed, analyse, query_words};
use super::snippet::{QueryTerms, matches, passage, segments};
use super::{Document, Hit, Lang};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::{Index, IndexReader, TantivyDocument, Term};

/// How much more a match in a title counts than one in a body.
const TITLE_BOOST: f32 = 3.0;
/// Bytes of body text shown around the matches.
const SNIPPET_WIDTH: usize = 240;
/// Memory the writer may use while building (tantivy's floor is 15 MB).
const WRITER_BUDGET: usize = 32_000_000;

/// The index failed (building or searching).
#[derive(Debug, thiserror::Error)]
#[error("search index: {0}")]
pub struct SearchError(#[from] tantivy::TantivyError);

#[derive(Debug, Clone, Copy)]
struct LangFields {
    lang: Analysed,
    title: Field,
    body: Field,
}

/// The documents and their index, built once and then only read.
pub struct SearchIndex {
    docs: Vec<Document>,
    reader: IndexReader,
    ord: Field,
    fields: [LangFields; 2],
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.docs.len())
            .finish()
    }
}

impl SearchIndex {
    /// Indexes `docs` in RAM.
    pub fn build(docs: Vec<Document>) -> Result<SearchIndex, SearchError> {
        let mut builder = Schema::builder();
        let ord = builder.add_u64_field("ord", STORED | INDEXED);
        let fields = Analysed::ALL.map(|lang| {
            let options = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(lang.analyzer_name())
                    .set_index_option(IndexRecordOption::WithFreqs),
            );
            let suffix = lang.analyzer_name();
            LangFields {
                lang,
                title: builder.add_text_field(&format!("title_{suffix}"), options.clone()),
                body: builder.add_text_field(&format!("body_{suffix}"), options),
            }
        });
        let index = Index::create_in_ram(builder.build());
        for lang in Analysed::ALL {
            index
                .tokenizers()
                .register(lang.analyzer_name(), lang.analyzer());
        }
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, WRITER_BUDGET)?;
        for (i, doc) in docs.iter().enumerate() {
            let mut d = TantivyDocument::default();
            d.add_u64(ord, i as u64);
            for lang in doc.title.lang.analysed() {
                if let Some(f) = fields.iter().find(|f| f.lang == *lang) {
                    d.add_text(f.title, &doc.title.text);
                }
            }
            for text in &doc.body {
                for lang in text.lang.analysed() {
                    if let Some(f) = fields.iter().find(|f| f.lang == *lang) {
                        d.add_text(f.body, &text.text);
                    }
                }
            }
            writer.add_document(d)?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        reader.reload()?;
        Ok(SearchIndex {
            docs,
            reader,
            ord,
            fields,
        })
    }

    /// How many documents are indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The best `limit` hits for `query`: records holding every word of the query (in any
    /// of its forms, in either language) first; if none does, records holding any word.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        let (word_queries, terms) = self.word_queries(query);
        if word_queries.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let several = word_queries.len() > 1;
        let all = BooleanQuery::new(
            word_queries
                .iter()
                .map(|q| (Occur::Must, q.box_clone()))
                .collect(),
        );
        let mut top = searcher.search(&all, &TopDocs::with_limit(limit).order_by_score())?;
        if top.is_empty() && several {
            let any = BooleanQuery::union(word_queries);
            top = searcher.search(&any, &TopDocs::with_limit(limit).order_by_score())?;
        }
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(address)?;
            let Some(doc) = stored
                .get_first(self.ord)
                .and_then(|v| v.as_u64())
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| self.docs.get(i))
            else {
                continue;
            };
            hits.push(hit(doc, score, &terms));
        }
        Ok(hits)
    }

    /// One query per query word (matching any of its stems in any field), and every term.
    fn word_queries(&self, query: &str) -> (Vec<Box<dyn Query>>, QueryTerms) {
        let mut analyzers = Analysed::ALL.map(|l| l.analyzer());
        let mut terms = QueryTerms::default();
        let mut queries: Vec<Box<dyn Query>> = Vec::new();
        for word in query_words(query) {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for (f, analyzer) in self.fields.iter().zip(analyzers.iter_mut()) {
                for term in analyse(analyzer, &word) {
                    let title = TermQuery::new(
                        Term::from_field_text(f.title, &term),
                        IndexRecordOption::WithFreqs,
                    );
                    let body = TermQuery::new(
                        Term::from_field_text(f.body, &term),
                        IndexRecordOption::WithFreqs,
                    );
                    alternatives.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(title), TITLE_BOOST)),
                    ));
                    alternatives.push((Occur::Should, Box::new(body)));
                    match f.lang {
                        Analysed::French => terms.french.insert(term),
                        Analysed::English => terms.english.insert(term),
                    };
                }
            }
            if !alternatives.is_empty() {
                queries.push(Box::new(BooleanQuery::new(alternatives)));
            }
        }
        (queries, terms)
    }
}

/// The hit for `doc`: its title and the body text with the most matches, highlighted.
fn hit(doc: &Document, score: f32, terms: &QueryTerms) -> Hit {
    let title_ranges = matches(&doc.title.text, doc.title.lang.analysed(), terms);
    let best = doc
        .body
        .iter()
        .map(|t| (t, matches(&t.text, t.lang.analysed(), terms)))
        .enumerate()
        .max_by_key(|(i, (_, ranges))| (ranges.len(), usize::MAX - i))
        .map(|(_, best)| best);
    let (snippet, snippet_label, snippet_lang) = match best {
        Some((text, ranges)) => (
            passage(&text.text, &ranges, SNIPPET_WIDTH),
            text.label,
            text.lang,
        ),
        None => (Vec::new(), "", Lang::Unknown),
    };
    Hit {
        kind: doc.kind,
        href: doc.href.clone(),
        score,
        title: segments(&doc.title.text, &title_ranges),
        context: doc.context.clone(),
        snippet,
        snippet_label,
        snippet_lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Text;

    fn docs() -> Vec<Document> {
        vec![
            Document {
                kind: "source",
                href: "/sources/1".into(),
                title: Text::new(Lang::French, "title", "Mimecast et SolarWinds"),
                context: String::new(),
                body: vec![Text::new(
                    Lang::French,
                    "full text",
                    "Une attaque sur la chaîne d'approvisionnement visait les fournisseurs.",
                )],
            },
            Document {
                kind: "incident",
                href: "/incidents/x".into(),
                title: Text::new(Lang::Unknown, "title", "Certificate compromised"),
                context: String::new(),
                body: vec![Text::new(
                    Lang::English,
                    "summary",
                    "The actor stole a key.",
                )],
            },
        ]
    }

    fn hrefs(index: &SearchIndex, q: &str) -> Vec<String> {
        match index.search(q, 10) {
            Ok(hits) => hits.into_iter().map(|h| h.href).collect(),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn folds_accents_case_and_word_forms() -> Result<(), SearchError> {
        let index = SearchIndex::build(docs())?;
        assert_eq!(hrefs(&index, "chaine d'approvisionnement"), ["/sources/1"]);
        assert_eq!(hrefs(&index, "CHAÎNE"), ["/sources/1"]);
        assert_eq!(hrefs(&index, "fournisseur"), ["/sources/1"]);
        assert_eq!(hrefs(&index, "compromise"), ["/incidents/x"]);
        assert!(hrefs(&index, "   ").is_empty());
        assert!(hrefs(&index, "zzzz").is_empty());
        Ok(())
    }

    #[test]
    fn highlights_the_match() -> Result<(), SearchError> {
        let index = SearchIndex::build(docs())?;
        let hits = index.search("chaine", 10)?;
        let marked: Vec<&str> = hits[0]
            .snippet
            .iter()
            .filter(|s| s.mark)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["chaîne"]);
        Ok(())
    }
}
