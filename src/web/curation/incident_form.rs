//! The incident form that records a new incident and edits a stored one: its fields, its
//! involvement rows (`inv1_…`, `inv2_…`), their validation, and the page that shows it.

use super::flow::{FormPage, every_field};
use super::{
    Options, chosen, enum_options, opt_date, opt_slug, opt_text, optional, page_slug,
    party_options, respond,
};
use crate::domain::{IncidentKind, InvolvementRole, Line, PartialDate, Severity, check_date_order};
use crate::i18n::{Arg, Message, translate};
use crate::store::curation::incident::{IncidentValues, InvolvementValues};
use crate::store::curation::incident_edit::StoredIncident;
use crate::store::curation::lookup::Choice;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::Nav;
use crate::web::state::AppState;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

/// The form field names of one involvement row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowNames {
    pub id: &'static str,
    pub vendor: &'static str,
    pub product: &'static str,
    pub role: &'static str,
    pub customers: &'static str,
    pub description: &'static str,
}

macro_rules! row_names {
    ($($n:literal),+) => {
        [$(RowNames {
            id: concat!("inv", $n, "_id"),
            vendor: concat!("inv", $n, "_vendor"),
            product: concat!("inv", $n, "_product"),
            role: concat!("inv", $n, "_role"),
            customers: concat!("inv", $n, "_customers"),
            description: concat!("inv", $n, "_description"),
        }),+]
    };
}

/// The most involvement rows a form carries.
pub const MAX_ROWS: usize = 24;

/// Every row's field names, in order.
pub const ROWS: [RowNames; MAX_ROWS] = row_names!(
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24
);

/// The rows a new incident's form offers; an edit offers the stored ones and two more.
const NEW_ROWS: usize = 3;
const EXTRA_ROWS: usize = 2;

/// One involvement row as submitted; `id` is the stored involvement it edits (empty: new).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowForm {
    pub id: String,
    pub vendor: String,
    pub product: String,
    pub role: String,
    pub customers: String,
    pub description: String,
}

impl RowForm {
    /// No party, number or description: ignored (on an edit, the stored one is removed).
    fn is_blank(&self) -> bool {
        [
            &self.vendor,
            &self.product,
            &self.customers,
            &self.description,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// The incident form as submitted (a missing field is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IncidentForm {
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub severity: String,
    pub discovered_on: String,
    pub disclosed_on: String,
    pub resolved_on: String,
    pub threat_actor: String,
    pub summary: String,
    pub rows: Vec<RowForm>,
}

/// One involvement row as the form shows it: its number, field names and values.
#[derive(Debug, Clone)]
pub struct RowView {
    pub number: usize,
    pub names: RowNames,
    pub values: RowForm,
}

fn date_text(date: Option<PartialDate>) -> String {
    date.map(|d| d.iso()).unwrap_or_default()
}

impl IncidentForm {
    /// The form of a new incident: three blank rows, severity 3.
    pub fn blank() -> IncidentForm {
        IncidentForm {
            severity: "3".into(),
            ..IncidentForm::default()
        }
        .with_rows(NEW_ROWS)
    }

    /// The form from the submitted pairs (`inv{n}_{field}` for the rows; unknown names and
    /// rows past [`MAX_ROWS`] are ignored).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> IncidentForm {
        let mut form = IncidentForm::default();
        for (key, value) in pairs {
            let field = match key.as_str() {
                "slug" => &mut form.slug,
                "title" => &mut form.title,
                "kind" => &mut form.kind,
                "severity" => &mut form.severity,
                "discovered_on" => &mut form.discovered_on,
                "disclosed_on" => &mut form.disclosed_on,
                "resolved_on" => &mut form.resolved_on,
                "threat_actor" => &mut form.threat_actor,
                "summary" => &mut form.summary,
                _ => {
                    let Some((n, part)) = row_key(&key) else {
                        continue;
                    };
                    if form.rows.len() < n {
                        form.rows.resize(n, RowForm::default());
                    }
                    let row = &mut form.rows[n - 1];
                    match part {
                        "id" => &mut row.id,
                        "vendor" => &mut row.vendor,
                        "product" => &mut row.product,
                        "role" => &mut row.role,
                        "customers" => &mut row.customers,
                        "description" => &mut row.description,
                        _ => continue,
                    }
                }
            };
            *field = value;
        }
        form.with_rows(NEW_ROWS)
    }

    /// The form of a stored incident: its values, its involvements and two blank rows.
    pub fn of(stored: &StoredIncident) -> IncidentForm {
        let v = &stored.values;
        let text = |t: Option<&str>| t.unwrap_or_default().to_owned();
        let rows: Vec<RowForm> = v
            .involvements
            .iter()
            .map(|i| RowForm {
                id: i.id.map(|id| id.to_string()).unwrap_or_default(),
                vendor: text(i.vendor.as_ref().map(|s| s.as_str())),
                product: text(i.product.as_ref().map(|s| s.as_str())),
                role: i.role.as_str().to_owned(),
                customers: i
                    .customers_affected
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                description: text(i.description.as_ref().map(|d| d.as_str())),
            })
            .collect();
        let count = rows.len() + EXTRA_ROWS;
        IncidentForm {
            slug: v.slug.to_string(),
            title: v.title.to_string(),
            kind: v.kind.as_str().to_owned(),
            severity: v.severity.get().to_string(),
            discovered_on: date_text(v.discovered),
            disclosed_on: date_text(v.disclosed),
            resolved_on: date_text(v.resolved),
            threat_actor: text(v.threat_actor.as_ref().map(|t| t.as_str())),
            summary: v.summary.to_string(),
            rows,
        }
        .with_rows(count)
    }

    /// At least `count` rows (blank ones added up to [`MAX_ROWS`]).
    fn with_rows(mut self, count: usize) -> IncidentForm {
        let count = count.min(MAX_ROWS).max(self.rows.len());
        self.rows.resize(count, RowForm::default());
        self
    }

    /// The rows with their field names.
    pub fn row_views(&self) -> Vec<RowView> {
        self.rows
            .iter()
            .zip(ROWS)
            .enumerate()
            .map(|(i, (values, names))| RowView {
                number: i + 1,
                names,
                values: values.clone(),
            })
            .collect()
    }

    fn involvements(&self, errors: &mut FieldErrors) -> Vec<InvolvementValues> {
        let mut list = Vec::new();
        for (row, names) in self.rows.iter().zip(ROWS) {
            if row.is_blank() {
                continue;
            }
            let id = match row.id.trim() {
                "" => Some(None),
                n => match n.parse::<i32>() {
                    Ok(id) => Some(Some(id)),
                    Err(_) => {
                        errors.add(names.vendor, Message::new("err-no-involvement"));
                        None
                    }
                },
            };
            let vendor = opt_slug(errors, names.vendor, &row.vendor);
            let product = opt_slug(errors, names.product, &row.product);
            if matches!((&vendor, &product), (Some(None), Some(None))) {
                errors.add(names.vendor, Message::new("err-involvement-party"));
            }
            let role = chosen::<InvolvementRole>(errors, names.role, &row.role);
            let customers = match row.customers.trim() {
                "" => Some(None),
                n => match n.parse::<i32>() {
                    Ok(n) if n >= 0 => Some(Some(n)),
                    _ => {
                        errors.add(names.customers, Message::new("err-customers"));
                        None
                    }
                },
            };
            let description = opt_text(errors, names.description, &row.description);
            if let (Some(id), Some(vendor), Some(product), Some(role), Some(customers), Some(d)) =
                (id, vendor, product, role, customers, description)
            {
                list.push(InvolvementValues {
                    id,
                    vendor,
                    product,
                    role,
                    customers_affected: customers,
                    description: d,
                    fields: [names.vendor, names.product],
                });
            }
        }
        list
    }

    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<IncidentValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = page_slug(&mut errors, "slug", &self.slug);
        let title = check(&mut errors, "title", Line::parse(self.title.trim()));
        let kind = chosen::<IncidentKind>(&mut errors, "kind", &self.kind);
        let severity = match self.severity.trim().parse::<i64>().map(Severity::new) {
            Ok(Ok(s)) => Some(s),
            _ => {
                errors.add("severity", Message::new("err-severity"));
                None
            }
        };
        let discovered = opt_date(&mut errors, "discovered_on", &self.discovered_on);
        let disclosed = opt_date(&mut errors, "disclosed_on", &self.disclosed_on);
        let resolved = opt_date(&mut errors, "resolved_on", &self.resolved_on);
        for (field, end) in [("disclosed_on", disclosed), ("resolved_on", resolved)] {
            if let (Some(Some(start)), Some(end)) = (discovered, end)
                && check_date_order("discovered_on", Some(start), field, end).is_err()
            {
                errors.add(
                    field,
                    Message::new("err-before-discovery").with("date", start.iso()),
                );
            }
        }
        let threat_actor = optional::<Line>(&mut errors, "threat_actor", &self.threat_actor);
        let summary = super::text(&mut errors, "summary", &self.summary);
        let involvements = self.involvements(&mut errors);
        let row_errors = ROWS.iter().any(|r| {
            [r.vendor, r.product, r.role, r.customers, r.description]
                .iter()
                .any(|f| errors.get(f).is_some())
        });
        if involvements.is_empty() && !row_errors {
            errors.add("involvements", Message::new("err-involvement-needed"));
        }
        every_field!(errors => IncidentValues {
            slug, title, kind, severity, discovered, disclosed, resolved, threat_actor, summary;
            involvements
        })
    }
}

/// `inv12_vendor` → (12, "vendor"), for rows 1 to [`MAX_ROWS`].
fn row_key(key: &str) -> Option<(usize, &str)> {
    let (number, part) = key.strip_prefix("inv")?.split_once('_')?;
    let n: usize = number.parse().ok()?;
    (1..=MAX_ROWS).contains(&n).then_some((n, part))
}

/// The incident form's page: a new incident, or an edit of `editing` (slug and title).
#[derive(Template)]
#[template(path = "curation/incident_new.html")]
pub struct IncidentFormPage {
    pub nav: Nav,
    pub editing: Option<Choice>,
    pub form: IncidentForm,
    pub rows: Vec<RowView>,
    pub errors: FieldErrors,
    pub kinds: Options,
    pub severities: Options,
    pub roles: Options,
    pub vendors: Options,
    pub products: Options,
}

impl IncidentFormPage {
    /// Where the form posts.
    pub fn action(&self) -> String {
        match &self.editing {
            Some(c) => format!("/incidents/{}/edit", c.slug),
            None => "/incidents/new".to_owned(),
        }
    }
}

impl FormPage for IncidentForm {
    /// The incident edited (slug and title); `None` for a new one.
    type Context = Option<Choice>;

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        editing: Option<Choice>,
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError> {
        let (vendors, products) = state.run(party_options).await?;
        let lang = nav.lang;
        let severity = |s: i32| {
            let label = translate(
                lang,
                "curation-severity-option",
                &[("severity", Arg::from(i64::from(s)))],
            );
            (s.to_string(), label)
        };
        let page = IncidentFormPage {
            nav,
            editing,
            rows: self.row_views(),
            form: self,
            errors,
            kinds: enum_options(
                lang,
                IncidentKind::ALL,
                IncidentKind::as_str,
                IncidentKind::message_id,
            ),
            severities: (Severity::MIN..=Severity::MAX).map(severity).collect(),
            roles: enum_options(
                lang,
                InvolvementRole::ALL,
                InvolvementRole::as_str,
                InvolvementRole::message_id,
            ),
            vendors,
            products,
        };
        respond(&page, status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn blank_rows_are_ignored_and_one_involvement_is_required() {
        let base = [
            ("slug", "x"),
            ("title", "X"),
            ("kind", "outage"),
            ("severity", "9"),
            ("disclosed_on", "2021-13"),
            ("summary", "s"),
            ("inv2_role", "origin"),
        ];
        let errors = IncidentForm::from_pairs(pairs(&base)).values().unwrap_err();
        assert!(errors.get("involvements").is_some(), "{}", errors.detail());
        assert!(errors.get("severity").is_some());
        assert!(errors.get("disclosed_on").is_some());
        let mut fixed = pairs(&base);
        fixed[3].1 = "5".into();
        fixed[4].1 = "2021-03".into();
        fixed.extend(pairs(&[
            ("discovered_on", "2021"),
            ("inv2_product", "orion"),
            ("inv2_customers", "12"),
        ]));
        let values = IncidentForm::from_pairs(fixed).values().unwrap();
        assert_eq!(values.involvements.len(), 1);
        assert_eq!(values.involvements[0].customers_affected, Some(12));
        assert_eq!(
            values.involvements[0].fields,
            ["inv2_vendor", "inv2_product"]
        );
    }

    #[test]
    fn rows_are_read_by_number_and_dates_must_follow_discovery() {
        let form = IncidentForm::from_pairs(pairs(&[
            ("inv7_vendor", "acme"),
            ("inv7_id", "42"),
            ("inv7_customers", "-1"),
            ("inv99_vendor", "ignored"),
            ("discovered_on", "2021-03-10"),
            ("resolved_on", "2021-02"),
        ]));
        assert_eq!(form.rows.len(), 7);
        assert_eq!(form.rows[6].id, "42");
        let errors = form.values().unwrap_err();
        assert!(errors.get("inv7_customers").is_some());
        assert!(errors.get("inv7_role").is_some());
        assert!(errors.get("resolved_on").is_some(), "{}", errors.detail());
        assert_eq!(IncidentForm::blank().rows.len(), NEW_ROWS);
        assert_eq!(row_key("inv24_role"), Some((24, "role")));
        assert_eq!(row_key("inv25_role"), None);
    }
}
