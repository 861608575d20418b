//! Importing citations: each excerpt must be found verbatim in its source's text (when the
//! source has one); a missing locator is filled in as "paragraph N".

use super::{At, Importer, Kind, Target};
use crate::domain::text::locate_excerpt;
use crate::store::insert::*;
use crate::store::pack::error::PackError;
use crate::store::pack::format::*;
use diesel::prelude::*;

impl Importer<'_> {
    pub(super) fn citations(
        &mut self,
        at: &At,
        citations: &[PackCitation],
        target: Option<Target>,
    ) -> Result<(), PackError> {
        for (k, c) in citations.iter().enumerate() {
            let field = |name: &str| format!("citations[{}].{name}", k + 1);
            let source_id = self.resolve(Kind::Source, &c.source, at, &field("source"))?;
            let text = self.source_text(&c.source)?;
            let mut locator = c.locator.as_ref().map(|l| l.to_string());
            if let Some(text) = &text {
                match locate_excerpt(text, c.excerpt.as_str()) {
                    Some(place) => {
                        locator.get_or_insert_with(|| format!("paragraph {}", place.paragraph));
                    }
                    None => {
                        let shown: String = c.excerpt.as_str().chars().take(80).collect();
                        let msg = format!(
                            "excerpt not found verbatim in the text of source \"{}\": \"{shown}\"",
                            c.source
                        );
                        self.issue(at, &field("excerpt"), msg);
                        continue;
                    }
                }
            }
            let (Some(source_id), Some(target)) = (source_id, target) else {
                continue;
            };
            let mut row = NewCitation {
                source_id,
                excerpt: c.excerpt.as_str(),
                locator: locator.as_deref(),
                ..NewCitation::default()
            };
            match target {
                Target::Vendor(id) => row.vendor_id = Some(id),
                Target::Product(id) => row.product_id = Some(id),
                Target::Dependency(id) => row.dependency_id = Some(id),
                Target::Incident(id) => row.incident_id = Some(id),
                Target::Involvement(id) => row.involvement_id = Some(id),
                Target::TimelineEvent(id) => row.timeline_event_id = Some(id),
                Target::Cause(id) => row.incident_cause_id = Some(id),
                Target::Remediation(id) => row.remediation_id = Some(id),
                Target::Analyst(id) => row.analyst_id = Some(id),
                Target::Assessment(id) => row.assessment_id = Some(id),
            }
            let id = self.insert_if_ok(|c| insert_returning_id!(c, citations, &row))?;
            let (entity, entity_id) = target.entity();
            let label = format!("{} → {entity} {entity_id}", c.source);
            let values = serde_json::json!({
                "source": c.source,
                "excerpt": c.excerpt,
                "locator": locator,
                "target": { "entity": entity, "id": entity_id },
            });
            self.audit("citation", id, &label, &values)?;
            self.count_if(id, "citations");
        }
        Ok(())
    }
}
