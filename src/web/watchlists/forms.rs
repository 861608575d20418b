//! The watchlist forms (a name, an item, a rule, a webhook) and their checks, shared by the
//! pages and the API so that both refuse exactly the same input with the same messages.

use crate::domain::{Line, Slug, WatchRuleKind, WebUrl};
use crate::i18n::Message;
use crate::store::alerts::watchlists::{RuleValues, WatchTarget};
use crate::web::curate::FieldErrors;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The longest watchlist name, in characters.
pub const NAME_MAX: usize = 100;

/// A watchlist's name, trimmed: a line of at most `NAME_MAX` characters.
pub fn check_name(typed: &str) -> Result<Line, Message> {
    let name = Line::parse(typed.trim()).map_err(Message::from)?;
    if name.as_str().chars().count() > NAME_MAX {
        return Err(Message::new("watch-err-name-long").with("max", NAME_MAX as i64));
    }
    Ok(name)
}

/// A webhook's address, trimmed: an `http` or `https` URL.
pub fn check_url(typed: &str) -> Result<WebUrl, Message> {
    WebUrl::parse(typed.trim()).map_err(Message::from)
}

/// One field's check as the form's outcome: its message under the field's name.
fn one_field<T>(field: &'static str, checked: Result<T, Message>) -> Result<T, FieldErrors> {
    checked.map_err(|message| {
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        errors
    })
}

/// The form creating a watchlist.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(default)]
#[schema(as = NewWatchlistForm)]
pub struct NameForm {
    /// The list's name, unique among your lists (at most 100 characters).
    pub name: String,
}

impl NameForm {
    pub fn values(&self) -> Result<Line, FieldErrors> {
        one_field("name", check_name(&self.name))
    }
}

/// The form adding a vendor or a product to a watchlist.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(default)]
#[schema(as = WatchItemForm)]
pub struct ItemForm {
    /// `vendor` or `product`.
    pub kind: String,
    /// The vendor's or product's slug.
    pub slug: String,
}

impl ItemForm {
    /// What the form names (whether it exists is the store's to say).
    pub fn target(&self) -> Result<WatchTarget, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = match Slug::parse(self.slug.trim()) {
            Ok(slug) => Some(slug),
            Err(e) => {
                errors.add("slug", e);
                None
            }
        };
        let kind = self.kind.trim();
        if !matches!(kind, "vendor" | "product") {
            errors.add(
                "kind",
                choose("watch item kind", kind, &["vendor", "product"]),
            );
        }
        match (kind, slug) {
            ("vendor", Some(s)) => Ok(WatchTarget::Vendor(s)),
            ("product", Some(s)) => Ok(WatchTarget::Product(s)),
            _ => Err(errors),
        }
    }
}

/// "choose one of …": an empty or unknown choice.
fn choose(vocabulary: &str, value: &str, allowed: &[&str]) -> Message {
    if value.is_empty() {
        return Message::new("err-choose");
    }
    Message::new("err-unknown-value")
        .with("vocabulary", vocabulary)
        .with("value", value)
        .with("allowed", allowed.join(", "))
}

/// The form adding a rule to a watchlist.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(default)]
#[schema(as = WatchRuleForm)]
pub struct RuleForm {
    /// score_below, score_drop, grade_change, new_incident or new_assessment.
    pub kind: String,
    /// For score_below the score (1 to 100) under which it fires; for score_drop the points
    /// (1 to 100) a drop must reach; none for the other rules.
    #[schema(value_type = Option<u32>, minimum = 1, maximum = 100, default = json!(null))]
    pub threshold: String,
}

impl RuleForm {
    pub fn values(&self) -> Result<RuleValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let threshold = match self.threshold.trim() {
            "" => Some(None),
            t => match t.parse::<i64>() {
                Ok(n) => Some(Some(n)),
                Err(_) => {
                    errors.add("threshold", Message::new("watch-err-threshold"));
                    None
                }
            },
        };
        let kind = self.kind.trim();
        let parsed = kind.parse::<WatchRuleKind>();
        if parsed.is_err() {
            errors.add(
                "kind",
                choose("watch rule kind", kind, WatchRuleKind::NAMES),
            );
        }
        match (parsed, threshold) {
            (Ok(kind), Some(t)) => match RuleValues::check(kind, t) {
                Ok(rule) => Ok(rule),
                Err(m) => {
                    errors.add("threshold", m);
                    Err(errors)
                }
            },
            _ => Err(errors),
        }
    }
}

/// The form setting a watchlist's webhook.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct WebhookForm {
    pub url: String,
}

impl WebhookForm {
    pub fn values(&self) -> Result<WebUrl, FieldErrors> {
        one_field("url", check_url(&self.url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: FieldErrors) -> Vec<String> {
        errors.problems().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_rule_needs_a_known_kind_and_a_threshold_only_where_it_scores() {
        let rule = |kind: &str, threshold: &str| RuleForm {
            kind: kind.into(),
            threshold: threshold.into(),
        };
        assert!(rule("score_below", "60").values().is_ok());
        assert!(rule("grade_change", "").values().is_ok());
        assert_eq!(
            fields(rule("score_drop", "").values().unwrap_err()),
            ["threshold"]
        );
        assert_eq!(
            fields(rule("score_drop", "101").values().unwrap_err()),
            ["threshold"]
        );
        assert_eq!(
            fields(rule("louder", "x").values().unwrap_err()),
            ["threshold", "kind"]
        );
    }

    #[test]
    fn an_item_names_its_kind_and_a_well_formed_slug() {
        let item = |kind: &str, slug: &str| ItemForm {
            kind: kind.into(),
            slug: slug.into(),
        };
        assert_eq!(
            item("vendor", " acme ").target().unwrap(),
            WatchTarget::Vendor(Slug::parse("acme").unwrap())
        );
        assert_eq!(
            fields(item("", "Not A Slug").target().unwrap_err()),
            ["slug", "kind"]
        );
        assert!(
            NameForm {
                name: "x".repeat(101)
            }
            .values()
            .is_err()
        );
        assert!(NameForm { name: "  ".into() }.values().is_err());
    }
}
