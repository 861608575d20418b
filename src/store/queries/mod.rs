//! Read queries that build the domain's read models (lists, detail pages, the source view).
//! Related records are loaded in bulk by id sets, never one query per row.

pub mod blast;
pub mod bulk;
pub mod cached;
pub mod catalog;
pub mod citations;
pub mod compare;
pub mod dashboard;
pub mod evidence;
pub mod hydrate;
pub mod incidents;
pub mod listing;
pub mod overview;
pub mod portfolio;
pub mod recommendations;
pub mod remediations;
pub mod scores;
pub mod search;
pub mod sources;
pub mod trust;
pub mod vendors;

/// A page of a list: which slice to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageRequest {
    pub limit: i64,
    pub offset: i64,
}

impl PageRequest {
    pub const DEFAULT_LIMIT: i64 = 50;
    pub const MAX_LIMIT: i64 = 500;

    /// Clamps the limit to 1..=MAX_LIMIT and the offset to ≥ 0.
    pub fn new(limit: Option<i64>, offset: Option<i64>) -> Self {
        PageRequest {
            limit: limit
                .unwrap_or(Self::DEFAULT_LIMIT)
                .clamp(1, Self::MAX_LIMIT),
            offset: offset.unwrap_or(0).max(0),
        }
    }

    /// The offset and the limit as positions in a list held in memory.
    pub fn slice(self) -> (usize, usize) {
        let offset = usize::try_from(self.offset).unwrap_or(usize::MAX);
        (offset, usize::try_from(self.limit).unwrap_or(0))
    }
}

impl Default for PageRequest {
    fn default() -> Self {
        Self::new(None, None)
    }
}

/// One page of items and the total count.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
}

impl<T> Page<T> {
    /// The same page with each item turned into what `f` makes of it.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
        }
    }
}
