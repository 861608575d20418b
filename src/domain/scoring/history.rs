//! The dates of a score history: month ends from before the first evidence to the as-of
//! date, thinned to at most a given number of points, always ending on the as-of date.

use chrono::{Datelike, NaiveDate};

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// Month ends from the month before `first` up to `as_of` (exclusive), every `step` months
/// so that at most `max_points` dates are returned, then `as_of` itself.
pub fn history_dates(first: NaiveDate, as_of: NaiveDate, max_points: usize) -> Vec<NaiveDate> {
    let max_points = max_points.max(2);
    if first > as_of {
        return vec![as_of];
    }
    let start_index = first.year() * 12 + first.month0() as i32 - 1;
    let end_index = as_of.year() * 12 + as_of.month0() as i32;
    let months = usize::try_from(end_index - start_index).unwrap_or(0);
    let step = months.div_ceil(max_points - 1).max(1);
    let mut dates: Vec<NaiveDate> = (0..=months)
        .step_by(step)
        .filter_map(|k| {
            let index = start_index + i32::try_from(k).ok()?;
            month_end(
                index.div_euclid(12),
                u32::try_from(index.rem_euclid(12)).ok()? + 1,
            )
        })
        .filter(|d| *d < as_of)
        .collect();
    dates.push(as_of);
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn monthly_points_end_on_the_as_of_date() {
        let dates = history_dates(d("2020-12-31"), d("2021-04-30"), 48);
        assert_eq!(dates.first(), Some(&d("2020-11-30")));
        assert_eq!(dates.last(), Some(&d("2021-04-30")));
        assert!(dates.contains(&d("2021-02-28")));
        assert!(dates.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn long_spans_are_thinned() {
        let dates = history_dates(d("2000-01-15"), d("2026-11-26"), 48);
        assert!(dates.len() <= 49, "{}", dates.len());
        assert_eq!(dates.last(), Some(&d("2026-11-26")));
        assert_eq!(
            history_dates(d("2030-01-01"), d("2026-11-26"), 48),
            vec![d("2026-11-26")]
        );
    }
}
