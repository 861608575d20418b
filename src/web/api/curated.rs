//! Pieces the curated records' endpoints share: a list held in memory answered one page at
//! a time, the identifier an edit may not change, and a record's number read from its path.

use super::FieldErrors;
use crate::i18n::Message;
use crate::store::StoreError;
use crate::store::queries::{Page, PageRequest};

/// The page `request` asks for out of the whole list.
pub fn page_of<T>(all: Vec<T>, request: PageRequest) -> Page<T> {
    let total = all.len() as i64;
    let skip = usize::try_from(request.offset).unwrap_or(usize::MAX);
    let take = usize::try_from(request.limit).unwrap_or(0);
    Page {
        items: all.into_iter().skip(skip).take(take).collect(),
        total,
    }
}

/// A changed form's slug must stay the record's own (the edit pages do not offer it).
pub fn fixed_slug(form_slug: &str, key: &str) -> Result<(), FieldErrors> {
    if form_slug == key {
        return Ok(());
    }
    let mut errors = FieldErrors::default();
    errors.add("slug", Message::new("api-slug-fixed").with("slug", key));
    Err(errors)
}

/// The number the path parameter `name` of a request holds (anything else: 404).
pub fn path_number(
    req: &actix_web::HttpRequest,
    name: &str,
    kind: &'static str,
) -> Result<i32, StoreError> {
    number(kind, req.match_info().get(name).unwrap_or_default())
}

/// The number a record's path names: anything else names no record (404).
pub fn number(kind: &'static str, key: &str) -> Result<i32, StoreError> {
    key.parse::<i32>()
        .ok()
        .filter(|n| *n > 0 && n.to_string() == key)
        .ok_or_else(|| StoreError::not_found(kind, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_a_slice_of_the_list() {
        let page = page_of((1..=7).collect(), PageRequest::new(Some(3), Some(5)));
        assert_eq!(page.items, [6, 7]);
        assert_eq!(page.total, 7);
        assert!(
            page_of::<i32>(vec![1], PageRequest::new(Some(3), Some(9)))
                .items
                .is_empty()
        );
    }

    #[test]
    fn only_a_plain_positive_number_names_a_record() {
        assert_eq!(number("source", "12").ok(), Some(12));
        for bad in ["abc", "0", "-1", "+3", "012", "99999999999", ""] {
            assert!(number("source", bad).is_err(), "{bad}");
        }
    }
}
