//! Procurement reviews in the browser: the lists, opening a review of a vendor or product,
//! its page (frozen snapshot once decided), the decision and the conditions' follow-up.

pub mod condition;
pub mod decide;
pub mod list;
pub mod open;
pub mod pdf;
pub mod show;

use crate::i18n::Message;
use crate::web::curate::FieldErrors;
use chrono::NaiveDate;

/// A required day (`YYYY-MM-DD`), trimmed: empty is "must not be empty".
pub(crate) fn day(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<NaiveDate> {
    match value.trim() {
        "" => {
            errors.add(field, Message::new("err-empty"));
            None
        }
        v => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.add(field, Message::new("reviews-err-day").with("value", v));
                None
            }
        },
    }
}
