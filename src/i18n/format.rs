//! Dates and numbers as each language writes them: "16 March 2021" / "16 mars 2021",
//! "54.8" / "54,8", "12,400" / "12 400".

use super::Lang;
use crate::domain::PartialDate;
use crate::domain::enums::DatePrecision;
use chrono::{Datelike, NaiveDate};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

fn month_name(lang: Lang, date: NaiveDate) -> &'static str {
    let index = date.month0() as usize % 12;
    match lang {
        Lang::En => MONTHS_EN[index],
        Lang::Fr => MONTHS_FR[index],
    }
}

/// A calendar date: "16 March 2021" / "16 mars 2021" ("1er" for the first in French).
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    let day = date.day();
    let month = month_name(lang, date);
    match lang {
        Lang::Fr if day == 1 => format!("1er {month} {}", date.year()),
        _ => format!("{day} {month} {}", date.year()),
    }
}

/// A date as precisely as it is known: a day, "January 2021" / "janvier 2021", or "2021".
pub fn format_partial_date(lang: Lang, date: &PartialDate) -> String {
    match date.precision {
        DatePrecision::Day => format_date(lang, date.date),
        DatePrecision::Month => format!("{} {}", month_name(lang, date.date), date.date.year()),
        DatePrecision::Year => date.date.year().to_string(),
    }
}

/// Groups the digits of a non-negative integer written in ASCII digits.
fn group_digits(digits: &str, separator: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

fn group_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ",",
        // A narrow no-break space, as French typography groups thousands.
        Lang::Fr => "\u{202f}",
    }
}

/// A whole number with grouped thousands: "12,400" / "12 400"; negatives with a minus sign.
pub fn format_integer(lang: Lang, value: i64) -> String {
    let grouped = group_digits(&value.unsigned_abs().to_string(), group_separator(lang));
    if value < 0 {
        format!("−{grouped}")
    } else {
        grouped
    }
}

/// A number with `decimals` decimals: "54.8" / "54,8"; negatives with a true minus sign.
pub fn format_decimal(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = group_digits(whole, group_separator(lang));
    if let Some(fraction) = fraction {
        out.push(match lang {
            Lang::En => '.',
            Lang::Fr => ',',
        });
        out.push_str(fraction);
    }
    let rounds_to_zero = out.chars().all(|c| !c.is_ascii_digit() || c == '0');
    if value < 0.0 && !rounds_to_zero {
        format!("−{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn dates_per_language() {
        assert_eq!(format_date(Lang::En, day(2020, 12, 13)), "13 December 2020");
        assert_eq!(format_date(Lang::Fr, day(2020, 12, 13)), "13 décembre 2020");
        assert_eq!(format_date(Lang::Fr, day(2021, 2, 1)), "1er février 2021");
        let january = PartialDate::parse("2021-01").unwrap_or(PartialDate::day(day(2021, 1, 31)));
        assert_eq!(format_partial_date(Lang::Fr, &january), "janvier 2021");
        assert_eq!(format_partial_date(Lang::En, &january), "January 2021");
    }

    #[test]
    fn numbers_per_language() {
        assert_eq!(format_decimal(Lang::En, 54.84, 1), "54.8");
        assert_eq!(format_decimal(Lang::Fr, 54.84, 1), "54,8");
        assert_eq!(format_decimal(Lang::Fr, 12400.0, 0), "12\u{202f}400");
        assert_eq!(format_decimal(Lang::En, -1234.56, 1), "−1,234.6");
        assert_eq!(format_decimal(Lang::En, -0.01, 1), "0.0");
        assert_eq!(format_integer(Lang::En, -1_234_567), "−1,234,567");
        assert_eq!(format_integer(Lang::Fr, 999), "999");
    }
}
