//! The incident page's report after recording an incident or a remediation: `?recorded=1`
//! asks it to show the score changes last recorded for the incident, before → after.

use serde::Deserialize;

/// `?recorded=1` on an incident's page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RecordedQuery {
    pub recorded: Option<String>,
}

impl RecordedQuery {
    /// Whether the page should report the last score changes.
    pub fn wanted(&self) -> bool {
        self.recorded
            .as_deref()
            .is_some_and(|v| !v.is_empty() && v != "0")
    }
}
