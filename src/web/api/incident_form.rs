//! The incident form as the API takes it: the browser's incident form, its involvement rows
//! given as parallel lists (`involvement_vendor[i]`, `involvement_role[i]`, ...).

use super::FieldErrors;
use crate::i18n::Message;
use crate::store::curation::incident::IncidentValues;
use crate::store::curation::incident_edit::StoredIncident;
use crate::web::curation::incident_form::{IncidentForm, MAX_ROWS, RowForm};
use serde::{Deserialize, Serialize};

/// An incident with its involvements: item `i` of each `involvement_*` list is one
/// involvement (a vendor and/or a product, with its role). Each list is either empty (that
/// field blank on every row) or as long as the longest one. On a change, give the
/// `involvement_id` of each stored involvement kept; those left out are removed.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct IncidentApiForm {
    pub slug: String,
    pub title: String,
    pub kind: String,
    /// 1 (least severe) to 5.
    pub severity: String,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    pub discovered_on: String,
    pub disclosed_on: String,
    pub resolved_on: String,
    pub threat_actor: String,
    pub summary: String,
    /// The stored involvement each row changes; empty for a new one.
    pub involvement_id: Vec<String>,
    /// The vendor involved (a slug), or empty.
    pub involvement_vendor: Vec<String>,
    /// The product involved (a slug), or empty.
    pub involvement_product: Vec<String>,
    pub involvement_role: Vec<String>,
    /// How many customers were affected, or empty.
    pub involvement_customers: Vec<String>,
    pub involvement_description: Vec<String>,
}

impl Default for IncidentApiForm {
    /// A new incident's form, as the browser's starts: severity 3.
    fn default() -> Self {
        IncidentApiForm::of_form(IncidentForm::blank())
    }
}

impl IncidentApiForm {
    /// The browser's form as lists; its blank rows (without a stored involvement) left out.
    fn of_form(form: IncidentForm) -> IncidentApiForm {
        let rows: Vec<RowForm> = form.rows.into_iter().filter(|r| !r.id.is_empty()).collect();
        // A field blank on every row is an empty list, so that a change need not repeat it.
        let list = |f: fn(&RowForm) -> &String| -> Vec<String> {
            if rows.iter().all(|r| f(r).is_empty()) {
                return Vec::new();
            }
            rows.iter().map(|r| f(r).clone()).collect()
        };
        IncidentApiForm {
            slug: form.slug,
            title: form.title,
            kind: form.kind,
            severity: form.severity,
            discovered_on: form.discovered_on,
            disclosed_on: form.disclosed_on,
            resolved_on: form.resolved_on,
            threat_actor: form.threat_actor,
            summary: form.summary,
            involvement_id: list(|r| &r.id),
            involvement_vendor: list(|r| &r.vendor),
            involvement_product: list(|r| &r.product),
            involvement_role: list(|r| &r.role),
            involvement_customers: list(|r| &r.customers),
            involvement_description: list(|r| &r.description),
        }
    }

    /// The stored incident's form.
    pub fn of(stored: &StoredIncident) -> IncidentApiForm {
        IncidentApiForm::of_form(IncidentForm::of(stored))
    }

    fn lists(&self) -> [(&'static str, &Vec<String>); 6] {
        [
            ("involvement_id", &self.involvement_id),
            ("involvement_vendor", &self.involvement_vendor),
            ("involvement_product", &self.involvement_product),
            ("involvement_role", &self.involvement_role),
            ("involvement_customers", &self.involvement_customers),
            ("involvement_description", &self.involvement_description),
        ]
    }

    /// The browser's form for these fields, and what is wrong with the lists' shape.
    fn form(&self) -> (IncidentForm, FieldErrors) {
        let lists = self.lists();
        let count = lists.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
        let mut errors = FieldErrors::default();
        for (field, list) in lists {
            if count > MAX_ROWS && list.len() > MAX_ROWS {
                errors.add(
                    field,
                    Message::new("api-involvements-too-many").with("max", MAX_ROWS as i64),
                );
            } else if !list.is_empty() && list.len() != count {
                errors.add(
                    field,
                    Message::new("api-involvements-lengths").with("count", count as i64),
                );
            }
        }
        let at = |list: &Vec<String>, i: usize| list.get(i).cloned().unwrap_or_default();
        let rows = (0..count.min(MAX_ROWS))
            .map(|i| RowForm {
                id: at(&self.involvement_id, i),
                vendor: at(&self.involvement_vendor, i),
                product: at(&self.involvement_product, i),
                role: at(&self.involvement_role, i),
                customers: at(&self.involvement_customers, i),
                description: at(&self.involvement_description, i),
            })
            .collect();
        let form = IncidentForm {
            slug: self.slug.clone(),
            title: self.title.clone(),
            kind: self.kind.clone(),
            severity: self.severity.clone(),
            discovered_on: self.discovered_on.clone(),
            disclosed_on: self.disclosed_on.clone(),
            resolved_on: self.resolved_on.clone(),
            threat_actor: self.threat_actor.clone(),
            summary: self.summary.clone(),
            rows,
        };
        (form, errors)
    }

    /// Every field validated as the browser's form validates it, or every wrong field's
    /// message (a row's fields named as this form's lists name them).
    pub fn values(&self) -> Result<IncidentValues, FieldErrors> {
        let (form, mut errors) = self.form();
        match form.values() {
            Ok(values) if errors.is_empty() => Ok(values),
            Ok(_) => Err(errors),
            Err(refused) => {
                errors.extend(api_names(refused));
                Err(errors)
            }
        }
    }
}

/// The browser form's row field names (`inv3_role`) as this form's (`involvement_role[2]`).
pub fn api_names(errors: FieldErrors) -> FieldErrors {
    errors.renamed(|field| {
        let (number, part) = field.strip_prefix("inv")?.split_once('_')?;
        let index = number.parse::<usize>().ok()?.checked_sub(1)?;
        Some(format!("involvement_{part}[{index}]"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> IncidentApiForm {
        IncidentApiForm {
            slug: "outage-1".into(),
            title: "Outage".into(),
            kind: "outage".into(),
            summary: "Down.".into(),
            involvement_vendor: vec!["acme".into(), "".into()],
            involvement_product: vec!["".into(), "orion".into()],
            involvement_role: vec!["origin".into(), "bogus".into()],
            ..IncidentApiForm::default()
        }
    }

    fn fields(errors: FieldErrors) -> Vec<String> {
        errors.problems().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn rows_are_read_from_the_lists_and_named_by_index() {
        let errors = form().values().unwrap_err();
        assert_eq!(fields(errors), ["involvement_role[1]"]);
        let mut fixed = form();
        fixed.involvement_role[1] = "victim".into();
        assert_eq!(fixed.values().unwrap().involvements.len(), 2);
    }

    #[test]
    fn lists_of_other_lengths_are_refused() {
        let mut bad = form();
        bad.involvement_customers = vec!["3".into()];
        assert_eq!(
            fields(bad.values().unwrap_err()),
            ["involvement_customers", "involvement_role[1]"]
        );
        let mut long = form();
        long.involvement_vendor = vec!["acme".into(); MAX_ROWS + 1];
        let errors = fields(long.values().unwrap_err());
        assert_eq!(errors[0], "involvement_vendor");
        let mut none = form();
        none.involvement_vendor.clear();
        none.involvement_product.clear();
        none.involvement_role.clear();
        assert_eq!(fields(none.values().unwrap_err()), ["involvements"]);
    }
}
