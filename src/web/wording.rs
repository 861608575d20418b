//! What templates call to speak the reader's language: catalogue messages with arguments,
//! and dates, numbers and scores written the way that language writes them.

use super::identity::Nav;
use crate::domain::PartialDate;
use crate::i18n::{
    Arg, Message, format_date, format_decimal, format_integer, format_partial_date, translate,
};
use chrono::NaiveDate;

/// A number a template hands over, by value or by reference.
pub trait Number {
    fn value(&self) -> f64;
}

impl Number for f64 {
    fn value(&self) -> f64 {
        *self
    }
}

impl Number for i64 {
    fn value(&self) -> f64 {
        *self as f64
    }
}

impl Number for i32 {
    fn value(&self) -> f64 {
        f64::from(*self)
    }
}

impl Number for usize {
    fn value(&self) -> f64 {
        *self as f64
    }
}

impl<T: Number + ?Sized> Number for &T {
    fn value(&self) -> f64 {
        (**self).value()
    }
}

fn text(value: impl std::fmt::Display) -> Arg {
    Arg::Text(value.to_string())
}

/// A named message argument, `("name", value)`: askama hands tuples over by reference.
pub trait Named {
    fn named(&self) -> (&str, Arg);
}

impl<T: std::fmt::Display> Named for (&str, T) {
    fn named(&self) -> (&str, Arg) {
        (self.0, text(&self.1))
    }
}

impl<N: Named + ?Sized> Named for &N {
    fn named(&self) -> (&str, Arg) {
        (**self).named()
    }
}

impl Nav {
    /// Message `id`.
    pub fn t(&self, id: &str) -> String {
        translate(self.lang, id, &[])
    }

    /// Message `id` with one argument.
    pub fn t1(&self, id: &str, name: &str, value: impl std::fmt::Display) -> String {
        translate(self.lang, id, &[(name, text(value))])
    }

    /// Message `id` with two arguments.
    pub fn t2(&self, id: &str, a1: impl Named, a2: impl Named) -> String {
        translate(self.lang, id, &[a1.named(), a2.named()])
    }

    /// Message `id` with three arguments.
    pub fn t3(&self, id: &str, a1: impl Named, a2: impl Named, a3: impl Named) -> String {
        translate(self.lang, id, &[a1.named(), a2.named(), a3.named()])
    }

    /// Message `id` whose `$count` chooses a plural form; the count is written per language.
    pub fn tn(&self, id: &str, count: impl Number) -> String {
        translate(self.lang, id, &[("count", Arg::Number(count.value()))])
    }

    /// A message decided earlier (a field's error), in the reader's language.
    pub fn msg(&self, message: &Message) -> String {
        message.render(self.lang)
    }

    /// A score or percentage with one decimal: "54.8" / "54,8".
    pub fn points(&self, value: impl Number) -> String {
        format_decimal(self.lang, value.value(), 1)
    }

    /// A share as a whole percentage: 0.194 → "19%" / "19 %".
    pub fn percent(&self, share: impl Number) -> String {
        self.percent_with(share.value() * 100.0, 0)
    }

    /// A share that may be a small fraction of a percent, with the decimals that keep it
    /// from reading 0: 0.194 → "19%", 0.0183 → "1.8%", 0.00032 → "0.03%", below 0.005 %
    /// "< 0.01%" (a product among thousands holds a sliver of the dependencies).
    pub fn fine_percent(&self, share: impl Number) -> String {
        let percent = share.value() * 100.0;
        match percent {
            p if p <= 0.0 => self.percent_with(0.0, 0),
            p if p < 0.005 => format!("< {}", self.percent_with(0.01, 2)),
            p if p < 1.0 => self.percent_with(p, 2),
            p if p < 10.0 => self.percent_with(p, 1),
            p => self.percent_with(p, 0),
        }
    }

    fn percent_with(&self, percent: f64, decimals: usize) -> String {
        let number = format_decimal(self.lang, percent, decimals);
        match self.lang {
            crate::i18n::Lang::En => format!("{number}%"),
            crate::i18n::Lang::Fr => format!("{number}\u{a0}%"),
        }
    }

    /// A signed effect in score points: "+6.5", "−18.7".
    pub fn signed(&self, value: impl Number) -> String {
        let value = value.value();
        let magnitude = format_decimal(self.lang, value.abs(), 1);
        if value < 0.0 && magnitude.chars().any(|c| c.is_ascii_digit() && c != '0') {
            format!("−{magnitude}")
        } else {
            format!("+{magnitude}")
        }
    }

    /// A factor with three decimals: "0.844" / "0,844".
    pub fn factor(&self, value: impl Number) -> String {
        format_decimal(self.lang, value.value(), 3)
    }

    /// A count with grouped thousands: "12,400" / "12 400".
    pub fn int(&self, value: impl Number) -> String {
        format_integer(self.lang, value.value().round() as i64)
    }

    /// A calendar date: "16 March 2021" / "16 mars 2021".
    pub fn date(&self, date: &NaiveDate) -> String {
        format_date(self.lang, *date)
    }

    /// A date as precisely as it is known.
    pub fn day(&self, date: &PartialDate) -> String {
        format_partial_date(self.lang, date)
    }

    /// Like `day`, or an en dash when the date is unknown.
    pub fn day_or_dash(&self, date: &Option<PartialDate>) -> String {
        date.as_ref()
            .map_or_else(|| "–".to_owned(), |d| format_partial_date(self.lang, d))
    }

    /// The name of a content language ("fr" → "French" / "français"); unknown codes as is.
    pub fn language_name(&self, code: &str) -> String {
        let primary = code.split('-').next().unwrap_or(code);
        let id = format!("language-{primary}");
        let name = translate(self.lang, &id, &[]);
        if name == id { code.to_owned() } else { name }
    }
}

#[cfg(test)]
mod tests {
    use super::Nav;
    use crate::i18n::Lang;

    #[test]
    fn a_small_share_keeps_the_decimals_that_keep_it_from_reading_zero() {
        let en = Nav::of(None, Lang::En, "/".to_owned());
        let fr = Nav::of(None, Lang::Fr, "/".to_owned());
        assert_eq!(en.fine_percent(0.194), "19%");
        assert_eq!(en.fine_percent(0.0183), "1.8%");
        assert_eq!(en.fine_percent(0.00032), "0.03%");
        assert_eq!(en.fine_percent(0.00001), "< 0.01%");
        assert_eq!(en.fine_percent(0.0), "0%");
        assert_eq!(fr.fine_percent(0.0183), "1,8\u{a0}%");
        assert_eq!(en.percent(0.00032), "0%");
    }
}
