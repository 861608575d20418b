//! Curation in the browser: creating vendors, products, incidents and remediations, and
//! deleting unreferenced records, each with its audit record in one transaction.

pub mod analyst;
pub mod assessment;
pub mod assessment_list;
pub mod citation;
pub mod citation_read;
pub mod create;
pub mod delete;
pub mod dependency;
pub mod directory;
pub mod firm;
pub mod incident;
pub mod incident_delete;
pub mod incident_edit;
pub mod lookup;
pub mod product_edit;
pub mod references;
pub mod remediation;
pub mod remediation_edit;
pub mod rescore;
pub mod score_report;
pub mod source;
pub mod timeline;

use crate::i18n::Message;

/// Why a submission was refused by what the database holds (a taken slug, an unknown
/// vendor): each field with its message, rendered in the reader's language. Nothing was written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Refused(pub Vec<(&'static str, Message)>);

impl Refused {
    pub fn add(&mut self, field: &'static str, message: impl Into<Message>) {
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
