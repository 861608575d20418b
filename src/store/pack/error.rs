//! Errors of knowledge-pack loading and import: each problem names the file, the record and
//! the field; an import with any problem changes nothing.

use crate::store::StoreError;
use std::fmt;

/// One problem found in a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackIssue {
    pub file: String,
    pub line: Option<usize>,
    /// e.g. `vendors[2] "mimecast"` or `incidents[1] "x" > involvements[2]`.
    pub record: Option<String>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for PackIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(record) = &self.record {
            write!(f, ": {record}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why a pack could not be loaded or imported.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", render_issues(.0))]
    Invalid(Vec<PackIssue>),
    #[error("pack \"{name}\" was already imported on {at}; nothing changed")]
    AlreadyImported { name: String, at: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<diesel::result::Error> for PackError {
    fn from(e: diesel::result::Error) -> Self {
        PackError::Store(StoreError::Query(e))
    }
}

fn render_issues(issues: &[PackIssue]) -> String {
    let mut out = format!(
        "knowledge pack refused, nothing was imported ({} problem{}):",
        issues.len(),
        if issues.len() == 1 { "" } else { "s" }
    );
    for issue in issues {
        out.push_str("\n  ");
        out.push_str(&issue.to_string());
    }
    out
}
