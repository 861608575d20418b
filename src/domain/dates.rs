//! Dates known to a day, a month or a year ("en janvier" is January 2021, not 31 January).
//! A partial date is stored as the last day of its period: the day by which it had surely happened.

use crate::domain::enums::DatePrecision;
use crate::domain::values::InvalidValue;
use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};
use std::fmt;

/// A date with the precision it is known to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The last day of the period (the day itself for day precision).
    pub date: NaiveDate,
    pub precision: DatePrecision,
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

impl PartialDate {
    /// A date known to the day.
    pub fn day(date: NaiveDate) -> Self {
        PartialDate {
            date,
            precision: DatePrecision::Day,
        }
    }

    /// Rebuilds a stored date: `date` must be the last day of its period.
    pub fn from_stored(date: NaiveDate, precision: DatePrecision) -> Result<Self, InvalidValue> {
        let expected = match precision {
            DatePrecision::Day => Some(date),
            DatePrecision::Month => last_day_of_month(date.year(), date.month()),
            DatePrecision::Year => NaiveDate::from_ymd_opt(date.year(), 12, 31),
        };
        if expected == Some(date) {
            Ok(PartialDate { date, precision })
        } else {
            Err(InvalidValue::new("err-date-not-period-end")
                .with("date", date.to_string())
                .with("precision", precision.as_str()))
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let invalid = || InvalidValue::new("err-date-invalid").with("value", text);
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, InvalidValue> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| invalid())
            } else {
                Err(invalid())
            }
        };
        match parts.as_slice() {
            [y] => {
                let year = i32::try_from(number(y, 4)?).map_err(|_| invalid())?;
                let date = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(invalid)?;
                Ok(PartialDate {
                    date,
                    precision: DatePrecision::Year,
                })
            }
            [y, m] => {
                let year = i32::try_from(number(y, 4)?).map_err(|_| invalid())?;
                let date = last_day_of_month(year, number(m, 2)?).ok_or_else(invalid)?;
                Ok(PartialDate {
                    date,
                    precision: DatePrecision::Month,
                })
            }
            [y, m, d] => {
                let year = i32::try_from(number(y, 4)?).map_err(|_| invalid())?;
                NaiveDate::from_ymd_opt(year, number(m, 2)?, number(d, 2)?)
                    .map(PartialDate::day)
                    .ok_or_else(invalid)
            }
            _ => Err(invalid()),
        }
    }

    /// The first day of the period.
    pub fn first_day(&self) -> NaiveDate {
        match self.precision {
            DatePrecision::Day => self.date,
            DatePrecision::Month => self.date.with_day(1).unwrap_or(self.date),
            DatePrecision::Year => {
                NaiveDate::from_ymd_opt(self.date.year(), 1, 1).unwrap_or(self.date)
            }
        }
    }

    /// The ISO 8601 form at this precision: `2021-03-16`, `2021-01` or `2021`.
    pub fn iso(&self) -> String {
        match self.precision {
            DatePrecision::Day => self.date.format("%Y-%m-%d").to_string(),
            DatePrecision::Month => self.date.format("%Y-%m").to_string(),
            DatePrecision::Year => self.date.format("%Y").to_string(),
        }
    }

    /// For people: "16 Mar 2021", "Jan 2021" or "2021".
    pub fn human(&self) -> String {
        match self.precision {
            DatePrecision::Day => self.date.format("%-d %b %Y").to_string(),
            DatePrecision::Month => self.date.format("%b %Y").to_string(),
            DatePrecision::Year => self.date.format("%Y").to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// Checks that an optional end date can come after an optional start date: the end must
/// not precede the first day of the start's period ("2020" may start before 2020-12-13).
pub fn check_date_order(
    start_name: &str,
    start: Option<PartialDate>,
    end_name: &str,
    end: Option<PartialDate>,
) -> Result<(), InvalidValue> {
    match (start, end) {
        (Some(s), Some(e)) if e.date < s.first_day() => Err(InvalidValue::new("err-date-order")
            .with("end", end_name)
            .with("end_date", e.iso())
            .with("start", start_name)
            .with("start_date", s.iso())),
        _ => Ok(()),
    }
}

/// JSON carries the ISO form at its precision ("2021-01" for a month).
impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

/// Reads back the ISO form at its precision (a frozen report, a pack).
impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_to_the_last_day_of_its_period() {
        let jan = PartialDate::parse("2021-01").unwrap();
        assert_eq!(jan.date, NaiveDate::from_ymd_opt(2021, 1, 31).unwrap());
        assert_eq!(
            (jan.iso(), jan.human()),
            ("2021-01".into(), "Jan 2021".into())
        );
        let feb = PartialDate::parse("2024-02").unwrap();
        assert_eq!(feb.date, NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        let dec = PartialDate::parse("2020-12").unwrap();
        assert_eq!(dec.date, NaiveDate::from_ymd_opt(2020, 12, 31).unwrap());
        let year = PartialDate::parse("2020").unwrap();
        assert_eq!((year.iso(), year.human()), ("2020".into(), "2020".into()));
        let day = PartialDate::parse("2021-03-16").unwrap();
        assert_eq!(
            (day.iso(), day.human()),
            ("2021-03-16".into(), "16 Mar 2021".into())
        );
        for bad in [
            "2021-13",
            "2021-1",
            "21",
            "2021-02-30",
            "March 2021",
            "",
            "2021-03-16-1",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn only_zero_padded_iso_dates_parse() {
        for bad in [
            "2021-1-1",
            "2021-01-1",
            "21-01-01",
            "2021-02-30",
            "2021-13",
            "+2021",
            "2021-01-01T00",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn stored_dates_must_end_their_period() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(PartialDate::from_stored(d(2021, 1, 31), DatePrecision::Month).is_ok());
        assert!(PartialDate::from_stored(d(2021, 1, 12), DatePrecision::Month).is_err());
        assert!(PartialDate::from_stored(d(2021, 12, 31), DatePrecision::Year).is_ok());
        assert!(PartialDate::from_stored(d(2021, 6, 30), DatePrecision::Year).is_err());
    }

    #[test]
    fn order_compares_the_start_of_a_period_with_the_end() {
        let p = |s: &str| PartialDate::parse(s).ok();
        assert!(check_date_order("since", p("2020-01-01"), "until", p("2021-03-16")).is_ok());
        assert!(check_date_order("since", p("2021-03-16"), "until", p("2020-01-01")).is_err());
        assert!(check_date_order("since", None, "until", p("2020-01-01")).is_ok());
        assert!(
            check_date_order("discovered_on", p("2020"), "disclosed_on", p("2020-12-13")).is_ok()
        );
        assert!(
            check_date_order(
                "discovered_on",
                p("2020-06"),
                "disclosed_on",
                p("2020-06-13")
            )
            .is_ok()
        );
        assert!(
            check_date_order(
                "discovered_on",
                p("2020-06-13"),
                "disclosed_on",
                p("2020-06")
            )
            .is_ok()
        );
        assert!(
            check_date_order("discovered_on", p("2020-07"), "disclosed_on", p("2020-06")).is_err()
        );
        assert_eq!(
            PartialDate::parse("2024-02").unwrap().first_day(),
            NaiveDate::from_ymd_opt(2024, 2, 1).unwrap()
        );
    }

    #[test]
    fn json_uses_the_iso_form_at_its_precision() {
        let jan = PartialDate::parse("2021-01").unwrap();
        assert_eq!(serde_json::to_string(&jan).unwrap(), "\"2021-01\"");
    }
}
