//! Curation in the browser: creating vendors, products, incidents and remediations, and
//! deleting unreferenced records, each with its audit record in one transaction.

pub mod create;
pub mod delete;
pub mod incident;
pub mod lookup;
pub mod remediation;
pub mod rescore;

/// Why a submission was refused by what the database holds (a taken slug, an unknown
/// vendor): each field with its message. Nothing was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refused(pub Vec<(&'static str, String)>);

impl Refused {
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push((field, message.into()));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Err(self)` when something was refused, else `Ok(())`.
    pub fn check(self) -> Result<(), Refused> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// The outcome of a curation write: done (with its result) or refused field by field.
pub type Checked<T> = Result<T, Refused>;
