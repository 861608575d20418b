//! Citation locators for the templates, in the reader's language, and the `anchor` filter
//! (imported through the `filters` module in scope of each template struct).

use crate::i18n::{Arg, Lang, translate};

/// " · paragraphs 4, 12" / " · paragraphes 4, 12": the distinct locators of a list of
/// citations, in order, in the reader's language.
pub fn cite_locators<'a>(
    lang: Lang,
    citations: impl IntoIterator<Item = &'a crate::domain::views::CitationView>,
) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for c in citations {
        if let Some(l) = c.locator.as_deref()
            && !seen.contains(&l)
        {
            seen.push(l);
        }
    }
    if seen.is_empty() {
        return String::new();
    }
    let numbers: Option<Vec<&str>> = seen.iter().map(|l| paragraph_number(l)).collect();
    let joined = match numbers {
        Some(numbers) => translate(
            lang,
            "cite-paragraphs",
            &[
                ("count", Arg::from(numbers.len() as i64)),
                ("numbers", Arg::from(numbers.join(", "))),
            ],
        ),
        None => seen
            .iter()
            .map(|l| locator(lang, l))
            .collect::<Vec<_>>()
            .join(", "),
    };
    format!(" · {joined}")
}

/// The number of a "paragraph N" locator.
fn paragraph_number(locator: &str) -> Option<&str> {
    locator
        .strip_prefix("paragraph ")
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// A locator as the reader's language writes it: "paragraph 5" / "paragraphe 5"; any other
/// locator (a page, a section title) as stored.
pub fn locator(lang: Lang, locator: &str) -> String {
    match paragraph_number(locator) {
        Some(n) => translate(lang, "cite-paragraph", &[("number", Arg::from(n))]),
        None => locator.to_owned(),
    }
}

/// The fragment of a source page a locator points to: "paragraph 5" → "p-5".
#[askama::filter_fn]
pub fn anchor(locator: &str, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(match locator.strip_prefix("paragraph ") {
        Some(n) if n.chars().all(|c| c.is_ascii_digit()) => format!("p-{n}"),
        _ => "text".to_owned(),
    })
}
