//! `GET /compare`: two to four vendors or products side by side, or the picker that chooses
//! them (no parameter, `?with=` a vendor); a wrong selection is the picker with a 400 and why.

use super::curation::respond;
use super::error::PageError;
use super::identity::Nav;
use super::state::AppState;
use crate::domain::recommend::Decision;
use crate::domain::views::VendorDetail;
use crate::i18n::Message;
use crate::store::queries::compare::{
    CompareChoices, ProductColumn, compare_choices, compare_products, compare_vendors,
};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;

/// Fewest and most subjects a comparison shows.
pub const MIN_SUBJECTS: usize = 2;
pub const MAX_SUBJECTS: usize = 4;

/// What the query string asks for: vendors or products (comma-separated or repeated keys),
/// a vendor to preselect in the picker, and the date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub vendors: Vec<String>,
    pub products: Vec<String>,
    pub with: Option<String>,
    pub as_of: Option<NaiveDate>,
}

impl Selection {
    /// Reads the query pairs; an unknown parameter or a bad date is refused.
    pub fn parse(pairs: &[(String, String)]) -> Result<Selection, Message> {
        let mut s = Selection::default();
        for (key, value) in pairs {
            match key.as_str() {
                "vendors" => add_slugs(&mut s.vendors, value),
                "products" => add_slugs(&mut s.products, value),
                "with" => s.with = Some(value.trim().to_owned()).filter(|v| !v.is_empty()),
                "as_of" if value.trim().is_empty() => {}
                "as_of" => {
                    let date = value.trim().parse::<NaiveDate>().map_err(|_| {
                        Message::new("compare-err-date").with("value", value.as_str())
                    })?;
                    s.as_of = Some(date);
                }
                other => {
                    return Err(Message::new("compare-err-parameter").with("name", other));
                }
            }
        }
        Ok(s)
    }

    fn is_empty(&self) -> bool {
        self.vendors.is_empty() && self.products.is_empty()
    }

    /// Why these subjects cannot be compared, if they cannot.
    pub fn check(&self, choices: &CompareChoices) -> Option<Message> {
        if !self.vendors.is_empty() && !self.products.is_empty() {
            return Some(Message::new("compare-err-mixed"));
        }
        let unknown_vendors: Vec<&str> = self
            .vendors
            .iter()
            .chain(self.with.iter())
            .filter(|s| !choices.has_vendor(s))
            .map(String::as_str)
            .collect();
        if !unknown_vendors.is_empty() {
            return Some(
                Message::new("compare-err-unknown-vendor")
                    .with("count", unknown_vendors.len() as i64)
                    .with("slugs", unknown_vendors.join(", ")),
            );
        }
        let unknown_products: Vec<&str> = self
            .products
            .iter()
            .filter(|s| choices.product(s).is_none())
            .map(String::as_str)
            .collect();
        if !unknown_products.is_empty() {
            return Some(
                Message::new("compare-err-unknown-product")
                    .with("count", unknown_products.len() as i64)
                    .with("slugs", unknown_products.join(", ")),
            );
        }
        let count = self.vendors.len() + self.products.len();
        if count == 0 {
            None
        } else if count < MIN_SUBJECTS {
            Some(Message::new("compare-err-too-few").with("count", count as i64))
        } else if count > MAX_SUBJECTS {
            Some(Message::new("compare-err-too-many").with("count", count as i64))
        } else {
            None
        }
    }

    /// Whether the picker shows this vendor checked.
    pub fn picks_vendor(&self, slug: &str) -> bool {
        self.vendors
            .iter()
            .chain(self.with.iter())
            .any(|s| s == slug)
    }

    /// Whether the picker shows this product checked.
    pub fn picks_product(&self, slug: &str) -> bool {
        self.products.iter().any(|s| s == slug)
    }
}

/// Adds the comma-separated slugs of `value`, each once, in the order given.
fn add_slugs(list: &mut Vec<String>, value: &str) {
    for slug in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !list.iter().any(|s| s == slug) {
            list.push(slug.to_owned());
        }
    }
}

/// The picker alone: nothing chosen yet, or a selection that cannot be compared.
#[derive(Template)]
#[template(path = "compare/picker.html")]
pub struct PickerPage {
    pub nav: Nav,
    pub choices: CompareChoices,
    pub selection: Selection,
    pub error: Option<Message>,
}

/// The subjects compared, one column each.
pub enum Columns {
    Vendors(Vec<VendorDetail>),
    Products(Vec<ProductColumn>),
}

/// The comparison, with the picker below it to change the selection.
#[derive(Template)]
#[template(path = "compare/show.html")]
pub struct ComparePage {
    pub nav: Nav,
    pub columns: Columns,
    pub today: NaiveDate,
    pub as_of_given: bool,
    pub choices: CompareChoices,
    pub selection: Selection,
}

impl ComparePage {
    /// The number of subjects compared.
    pub fn count(&self) -> usize {
        match &self.columns {
            Columns::Vendors(v) => v.len(),
            Columns::Products(p) => p.len(),
        }
    }

    /// The catalogue message naming a recommendation's decision.
    pub fn decision_id(&self, decision: &Decision) -> &'static str {
        match decision {
            Decision::Retain => "compare-decision-retain",
            Decision::Monitor => "compare-decision-monitor",
            Decision::RetainWithControls => "compare-decision-retain-with-controls",
            Decision::Replace => "compare-decision-replace",
        }
    }
}

/// `GET /compare[?vendors=a,b|products=a,b][&as_of=YYYY-MM-DD]` or `?with=vendor`.
pub async fn page(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let parsed = Selection::parse(&query);
    let choices = state.run(compare_choices).await?;
    let (selection, error) = match parsed {
        Ok(s) => {
            let error = s.check(&choices);
            (s, error)
        }
        Err(e) => (Selection::default(), Some(e)),
    };
    if error.is_some() || selection.is_empty() {
        let status = match error {
            Some(_) => StatusCode::BAD_REQUEST,
            None => StatusCode::OK,
        };
        let page = PickerPage {
            nav,
            choices,
            selection,
            error,
        };
        return respond(&page, status);
    }
    let today = selection
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let columns = if selection.vendors.is_empty() {
        let products: Vec<(String, String)> = selection
            .products
            .iter()
            .filter_map(|s| choices.product(s))
            .map(|p| (p.slug.clone(), p.vendor_slug.clone()))
            .collect();
        let scoring = state.scoring.clone();
        let config = state.recommendation.clone();
        let list = state
            .run(move |c| compare_products(c, &products, today, &scoring, &config))
            .await?;
        Columns::Products(list)
    } else {
        let slugs = selection.vendors.clone();
        let scoring = state.scoring.clone();
        let list = state
            .run(move |c| compare_vendors(c, &slugs, today, &scoring))
            .await?;
        Columns::Vendors(list)
    };
    let page = ComparePage {
        nav,
        columns,
        today,
        as_of_given: selection.as_of.is_some(),
        choices,
        selection,
    };
    respond(&page, StatusCode::OK)
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
    fn commas_and_repeated_keys_both_list_slugs_once() {
        let s = Selection::parse(&pairs(&[
            ("vendors", "a, b,,a"),
            ("vendors", "c"),
            ("as_of", "2021-03-16"),
        ]))
        .unwrap();
        assert_eq!(s.vendors, ["a", "b", "c"]);
        assert_eq!(s.as_of, NaiveDate::from_ymd_opt(2021, 3, 16));
    }

    #[test]
    fn unknown_parameters_and_bad_dates_are_refused() {
        let e = Selection::parse(&pairs(&[("vendor", "a")])).unwrap_err();
        assert_eq!(e.id, "compare-err-parameter");
        let e = Selection::parse(&pairs(&[("as_of", "16/03/2021")])).unwrap_err();
        assert_eq!(e.id, "compare-err-date");
    }
}
