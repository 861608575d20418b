//! `GET/POST /incidents/new`: records an incident with up to three involvements (blank rows
//! ignored); the scores are refreshed with it and its page reports what changed.

use super::{
    Options, enum_options, invalid, note_taken, opt_date, opt_slug, opt_text, page_slug,
    record_options, refused_into, respond, see_other, text,
};
use crate::domain::{IncidentKind, InvolvementRole, Line, Severity, check_date_order};
use crate::store::curation::incident::{IncidentValues, InvolvementValues, record_incident};
use crate::store::curation::lookup::{SlugOf, product_choices, vendor_choices};
use crate::store::pack::seed::import_time;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The form fields of each involvement row: vendor, product, role, description.
pub const ROWS: [[&str; 4]; 3] = [
    [
        "inv1_vendor",
        "inv1_product",
        "inv1_role",
        "inv1_description",
    ],
    [
        "inv2_vendor",
        "inv2_product",
        "inv2_role",
        "inv2_description",
    ],
    [
        "inv3_vendor",
        "inv3_product",
        "inv3_role",
        "inv3_description",
    ],
];

/// The incident form as submitted (a missing field is empty).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NewIncidentForm {
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub severity: String,
    pub discovered_on: String,
    pub disclosed_on: String,
    pub threat_actor: String,
    pub summary: String,
    pub inv1_vendor: String,
    pub inv1_product: String,
    pub inv1_role: String,
    pub inv1_description: String,
    pub inv2_vendor: String,
    pub inv2_product: String,
    pub inv2_role: String,
    pub inv2_description: String,
    pub inv3_vendor: String,
    pub inv3_product: String,
    pub inv3_role: String,
    pub inv3_description: String,
}

/// One involvement row as the form shows it: field names and values.
#[derive(Debug, Clone)]
pub struct RowView {
    pub number: usize,
    pub names: [&'static str; 4],
    pub values: [String; 4],
}

impl NewIncidentForm {
    /// The involvement rows' values, in order.
    pub fn rows(&self) -> Vec<RowView> {
        let values = [
            [
                &self.inv1_vendor,
                &self.inv1_product,
                &self.inv1_role,
                &self.inv1_description,
            ],
            [
                &self.inv2_vendor,
                &self.inv2_product,
                &self.inv2_role,
                &self.inv2_description,
            ],
            [
                &self.inv3_vendor,
                &self.inv3_product,
                &self.inv3_role,
                &self.inv3_description,
            ],
        ];
        ROWS.iter()
            .zip(values)
            .enumerate()
            .map(|(i, (names, v))| RowView {
                number: i + 1,
                names: *names,
                values: v.map(|s| s.clone()),
            })
            .collect()
    }

    fn involvements(&self, errors: &mut FieldErrors) -> Vec<InvolvementValues> {
        let mut list = Vec::new();
        for row in self.rows() {
            let [vendor, product, role, description] = &row.values;
            let [f_vendor, f_product, f_role, f_description] = row.names;
            if [vendor, product, description]
                .iter()
                .all(|v| v.trim().is_empty())
            {
                continue;
            }
            let vendor = opt_slug(errors, f_vendor, vendor);
            let product = opt_slug(errors, f_product, product);
            if matches!((&vendor, &product), (Some(None), Some(None))) {
                errors.add(f_vendor, "an involvement needs a vendor, a product or both");
            }
            let role = check(errors, f_role, role.parse::<InvolvementRole>());
            let description = opt_text(errors, f_description, description);
            if let (Some(vendor), Some(product), Some(role), Some(description)) =
                (vendor, product, role, description)
            {
                list.push(InvolvementValues {
                    vendor,
                    product,
                    role,
                    description,
                    fields: [f_vendor, f_product],
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
        let kind = check(&mut errors, "kind", self.kind.parse::<IncidentKind>());
        let severity = check(
            &mut errors,
            "severity",
            self.severity
                .trim()
                .parse::<i64>()
                .map_err(|_| invalid("choose a severity from 1 to 5"))
                .and_then(Severity::new),
        );
        let discovered = opt_date(&mut errors, "discovered_on", &self.discovered_on);
        let disclosed = opt_date(&mut errors, "disclosed_on", &self.disclosed_on);
        if let (Some(d), Some(p)) = (discovered, disclosed) {
            check(
                &mut errors,
                "disclosed_on",
                check_date_order("discovered_on", d, "disclosed_on", p),
            );
        }
        let threat_actor = match self.threat_actor.trim() {
            "" => Some(None),
            t => check(&mut errors, "threat_actor", Line::parse(t)).map(Some),
        };
        let summary = text(&mut errors, "summary", &self.summary);
        let involvements = self.involvements(&mut errors);
        if involvements.is_empty()
            && !ROWS.iter().any(|r| {
                errors.get(r[0]).is_some()
                    || errors.get(r[1]).is_some()
                    || errors.get(r[2]).is_some()
                    || errors.get(r[3]).is_some()
            })
        {
            errors.add(
                "involvements",
                "record at least one involvement: a vendor and/or a product, with its role",
            );
        }
        match (
            slug,
            title,
            kind,
            severity,
            discovered,
            disclosed,
            threat_actor,
            summary,
        ) {
            (
                Some(slug),
                Some(title),
                Some(kind),
                Some(severity),
                Some(discovered),
                Some(disclosed),
                Some(threat_actor),
                Some(summary),
            ) if errors.is_empty() => Ok(IncidentValues {
                slug,
                title,
                kind,
                severity,
                discovered,
                disclosed,
                threat_actor,
                summary,
                involvements,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "curation/incident_new.html")]
pub struct NewIncidentPage {
    pub nav: Nav,
    pub form: NewIncidentForm,
    pub rows: Vec<RowView>,
    pub errors: FieldErrors,
    pub kinds: Options,
    pub severities: Options,
    pub roles: Options,
    pub vendors: Options,
    pub products: Options,
}

async fn page(
    nav: Nav,
    state: &AppState,
    form: NewIncidentForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (vendors, products) = state
        .run(|c| Ok((vendor_choices(c)?, product_choices(c)?)))
        .await?;
    let page = NewIncidentPage {
        nav,
        rows: form.rows(),
        form,
        errors,
        kinds: enum_options(IncidentKind::ALL, IncidentKind::as_str, IncidentKind::label),
        severities: (Severity::MIN..=Severity::MAX)
            .map(|s| (s.to_string(), format!("{s} of 5")))
            .collect(),
        roles: enum_options(
            InvolvementRole::ALL,
            InvolvementRole::as_str,
            InvolvementRole::label,
        ),
        vendors: record_options(vendors),
        products: record_options(products),
    };
    respond(&page, status)
}

/// `GET /incidents/new`.
pub async fn form(nav: Nav, state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    let form = NewIncidentForm {
        severity: "3".into(),
        ..NewIncidentForm::default()
    };
    page(nav, &state, form, FieldErrors::default(), StatusCode::OK).await
}

/// `POST /incidents/new`: records a valid incident and goes to its page, which reports the
/// score changes; an invalid one comes back with its messages (400), nothing written.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<NewIncidentForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let values = match form.values() {
        Ok(values) => values,
        Err(mut errors) => {
            note_taken(&state, &mut errors, SlugOf::Incident, &form.slug).await?;
            return page(nav, &state, form, errors, StatusCode::BAD_REQUEST).await;
        }
    };
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let slug = values.slug.to_string();
    let outcome = state
        .run(move |c| record_incident(c, &actor, &values, &config, today, import_time()))
        .await?;
    match outcome {
        Ok(_) => Ok(see_other(format!("/incidents/{slug}?recorded=1"))),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, &state, form, errors, StatusCode::BAD_REQUEST).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_rows_are_ignored_and_one_involvement_is_required() {
        let form = NewIncidentForm {
            slug: "x".into(),
            title: "X".into(),
            kind: "outage".into(),
            severity: "9".into(),
            disclosed_on: "2021-13".into(),
            summary: "s".into(),
            inv2_role: "origin".into(),
            ..NewIncidentForm::default()
        };
        let errors = form.values().unwrap_err();
        assert!(errors.get("involvements").is_some(), "{}", errors.detail());
        assert!(errors.get("severity").is_some());
        assert!(errors.get("disclosed_on").is_some());
        let form = NewIncidentForm {
            severity: "5".into(),
            disclosed_on: "2021-03".into(),
            discovered_on: "2021".into(),
            inv2_product: "orion".into(),
            ..form
        };
        let values = form.values().unwrap();
        assert_eq!(values.involvements.len(), 1);
        assert_eq!(
            values.involvements[0].fields,
            ["inv2_vendor", "inv2_product"]
        );
    }
}
