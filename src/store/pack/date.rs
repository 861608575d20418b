//! A date in a pack: a bare TOML date (`2021-03-16`) or a string at day, month or year
//! precision (`"2021-03-16"`, `"2021-01"`, `"2021"`). Exports write day dates bare.

use crate::domain::{DatePrecision, PartialDate};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A date as written in a pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PackDate(pub PartialDate);

impl PackDate {
    /// The stored date (last day of the period).
    pub fn date(self) -> NaiveDate {
        self.0.date
    }
}

/// The stored date of an optional pack date.
pub fn date_of(date: Option<PackDate>) -> Option<NaiveDate> {
    date.map(PackDate::date)
}

/// The stored precision of an optional pack date ("day" when absent).
pub fn precision_of(date: Option<PackDate>) -> &'static str {
    date.map_or(DatePrecision::Day, |d| d.0.precision).as_str()
}

impl fmt::Display for PackDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for PackDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = toml::Value::deserialize(deserializer)?;
        let date = match value {
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .map(PartialDate::day)
                        .ok_or_else(|| format!("invalid date {dt}"))
                }
                _ => Err(format!(
                    "expected a date (YYYY-MM-DD) without a time, found {dt}"
                )),
            },
            toml::Value::String(text) => PartialDate::parse(&text).map_err(|e| e.to_string()),
            other => Err(format!(
                "expected a date (YYYY-MM-DD, or \"YYYY-MM\" / \"YYYY\"), found a {}",
                other.type_str()
            )),
        };
        date.map(PackDate).map_err(serde::de::Error::custom)
    }
}

impl Serialize for PackDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.precision != DatePrecision::Day {
            return serializer.serialize_str(&self.0.iso());
        }
        let d = self.0.date;
        let date = toml::value::Date {
            year: u16::try_from(d.year()).map_err(serde::ser::Error::custom)?,
            month: u8::try_from(d.month()).map_err(serde::ser::Error::custom)?,
            day: u8::try_from(d.day()).map_err(serde::ser::Error::custom)?,
        };
        toml::value::Datetime {
            date: Some(date),
            time: None,
            offset: None,
        }
        .serialize(serializer)
    }
}
