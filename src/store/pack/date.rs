//! A calendar date in a pack: written as a bare TOML date (`2021-03-16`) or a quoted string.
//! Exported packs always use the bare form.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A date as written in a pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PackDate(pub NaiveDate);

impl fmt::Display for PackDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

fn parse_text(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("invalid date \"{text}\": use YYYY-MM-DD, e.g. 2021-03-16"))
}

impl<'de> Deserialize<'de> for PackDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = toml::Value::deserialize(deserializer)?;
        let date = match value {
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .ok_or_else(|| format!("invalid date {dt}"))
                }
                _ => Err(format!(
                    "expected a date (YYYY-MM-DD) without a time, found {dt}"
                )),
            },
            toml::Value::String(text) => parse_text(&text),
            other => Err(format!(
                "expected a date (YYYY-MM-DD), found a {}",
                other.type_str()
            )),
        };
        date.map(PackDate).map_err(serde::de::Error::custom)
    }
}

impl Serialize for PackDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let date = toml::value::Date {
            year: u16::try_from(self.0.year()).map_err(serde::ser::Error::custom)?,
            month: u8::try_from(self.0.month()).map_err(serde::ser::Error::custom)?,
            day: u8::try_from(self.0.day()).map_err(serde::ser::Error::custom)?,
        };
        toml::value::Datetime {
            date: Some(date),
            time: None,
            offset: None,
        }
        .serialize(serializer)
    }
}
