//! How far a long import has gone, for whoever shows it (the CLI's progress bar): a step's
//! name and how many of its items are done out of how many (0 of 0 when it cannot count).

/// Told where an import stands; called often (every record), so keep it cheap.
pub trait ImportProgress {
    fn at(&mut self, step: &'static str, done: usize, total: usize);
}

/// Progress nobody watches.
pub struct Quiet;

impl ImportProgress for Quiet {
    fn at(&mut self, _step: &'static str, _done: usize, _total: usize) {}
}

/// The records of a pack file that have a slug (all but dependencies); each is counted once
/// by the import's progress.
pub(super) fn slugged(d: &super::format::PackDocument) -> usize {
    d.sources.len()
        + d.categories.len()
        + d.vendors.len()
        + d.products.len()
        + d.incidents.len()
        + d.remediations.len()
        + d.analyst_firms.len()
        + d.analysts.len()
        + d.assessments.len()
}
