//! Geometry of the server-rendered SVG score-history chart; the template draws it, so every
//! label stays escaped by askama. No JavaScript, no external asset.

use super::explain::contribution_label;
use super::identity::Nav;
use crate::domain::PartialDate;
use crate::domain::enums::DatePrecision;
use crate::domain::scoring::{ContributionKind, TrustScore};
use crate::domain::views::HistoryPoint;
use chrono::NaiveDate;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;
/// Axis labels are 11 px: about this wide per character, with this gap between labels.
const CHAR_WIDTH: f64 = 6.2;
const TICK_GAP: f64 = 10.0;
/// Incident marker numbers: first baseline, width taken, and the step down when two touch.
const MARKER_NUMBER_Y: f64 = 22.0;
const MARKER_NUMBER_WIDTH: f64 = 16.0;
const MARKER_NUMBER_STEP: f64 = 12.0;

/// The horizontal extent of a tick label drawn at `x` with `anchor`.
fn extent((x, label, anchor): &(f64, String, &'static str)) -> (f64, f64) {
    let width = label.chars().count() as f64 * CHAR_WIDTH;
    match *anchor {
        "start" => (*x, x + width),
        "end" => (x - width, *x),
        _ => (x - width / 2.0, x + width / 2.0),
    }
}

/// Drops date ticks whose labels would touch a neighbour's, keeping the first and the last
/// (today's date, the one the reader looks for).
fn without_overlaps(
    mut ticks: Vec<(f64, String, &'static str)>,
) -> Vec<(f64, String, &'static str)> {
    let Some(last) = ticks.pop() else {
        return ticks;
    };
    let last_start = extent(&last).0;
    let mut kept: Vec<(f64, String, &'static str)> = Vec::new();
    for tick in ticks {
        let (start, end) = extent(&tick);
        let clear_of_previous = kept.last().is_none_or(|p| extent(p).1 + TICK_GAP <= start);
        if clear_of_previous && end + TICK_GAP <= last_start {
            kept.push(tick);
        }
    }
    kept.push(last);
    kept
}

/// A dated incident drawn as a vertical line.
#[derive(Debug, Clone)]
pub struct Marker {
    pub x: f64,
    /// Where its number is written: lower when it would touch the previous marker's.
    pub number_y: f64,
    pub number: usize,
    pub date: NaiveDate,
    pub label: String,
}

/// Everything the template needs to draw the chart.
#[derive(Debug, Clone)]
pub struct HistoryChart {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub plot_bottom: f64,
    /// The date of the first point.
    pub first: NaiveDate,
    /// "x,y x,y ..." of the score line.
    pub score_line: String,
    /// Polygon of the uncertainty band (score over every base rate).
    pub band: String,
    /// (y, label) of horizontal grid lines.
    pub grid: Vec<(f64, String)>,
    /// (x, label, text-anchor) of date ticks.
    pub ticks: Vec<(f64, String, &'static str)>,
    pub markers: Vec<Marker>,
    pub last: Option<(f64, f64)>,
}

fn y_of(score: f64) -> f64 {
    HEIGHT - BOTTOM - score.clamp(0.0, 100.0) / 100.0 * (HEIGHT - TOP - BOTTOM)
}

impl HistoryChart {
    /// Lays out `points` (in date order) and the incidents counted in `trust`, labelled in
    /// the reader's language. No chart when every point is unknown: a flat line at the base
    /// rate says nothing.
    pub fn new(
        points: &[HistoryPoint],
        trust: Option<&TrustScore>,
        nav: &Nav,
    ) -> Option<HistoryChart> {
        if points.iter().all(|p| p.unknown) {
            return None;
        }
        let (first, last) = (points.first()?.date, points.last()?.date);
        let span = (last - first).num_days().max(1) as f64;
        let x_of =
            |d: NaiveDate| LEFT + (d - first).num_days() as f64 / span * (WIDTH - LEFT - RIGHT);
        let line = |f: &dyn Fn(&HistoryPoint) -> f64,
                    list: &mut dyn Iterator<Item = &HistoryPoint>| {
            list.map(|p| format!("{:.1},{:.1}", x_of(p.date), y_of(f(p))))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let score_line = line(&|p| p.score, &mut points.iter());
        let band = format!(
            "{} {}",
            line(&|p| p.high, &mut points.iter()),
            line(&|p| p.low, &mut points.iter().rev())
        );
        let grid = [0.0, 25.0, 50.0, 75.0, 100.0]
            .iter()
            .map(|s| (y_of(*s), nav.int(*s)))
            .collect();
        let step = (points.len() / 6).max(1);
        let mut ticks: Vec<(f64, String, &'static str)> = points
            .iter()
            .step_by(step)
            .map(|p| {
                let month = PartialDate {
                    date: p.date,
                    precision: DatePrecision::Month,
                };
                (x_of(p.date), nav.day(&month), "middle")
            })
            .collect();
        if let Some(first_tick) = ticks.first_mut() {
            first_tick.2 = "start";
        }
        if let Some(p) = points.last() {
            ticks.push((x_of(p.date), nav.date(&p.date), "end"));
        }
        let ticks = without_overlaps(ticks);
        let mut markers: Vec<Marker> = Vec::new();
        for c in trust.into_iter().flat_map(|t| &t.contributions) {
            let Some(date) = c.known_on else { continue };
            if c.kind != ContributionKind::Involvement
                || c.weight <= 0.0
                || date < first
                || date > last
            {
                continue;
            }
            let label = contribution_label(nav, c);
            if markers.iter().any(|m| m.date == date && m.label == label) {
                continue;
            }
            markers.push(Marker {
                x: x_of(date),
                number_y: MARKER_NUMBER_Y,
                number: 0,
                date,
                label,
            });
        }
        markers.sort_by_key(|m| m.date);
        let mut previous: Option<(f64, f64)> = None;
        for (i, m) in markers.iter_mut().enumerate() {
            m.number = i + 1;
            if let Some((x, y)) = previous
                && m.x - x < MARKER_NUMBER_WIDTH
            {
                m.number_y = y + MARKER_NUMBER_STEP;
            }
            previous = Some((m.x, m.number_y));
        }
        let last_point = points.last().map(|p| (x_of(p.date), y_of(p.score)));
        Some(HistoryChart {
            width: WIDTH,
            height: HEIGHT,
            plot_left: LEFT,
            plot_right: WIDTH - RIGHT,
            plot_bottom: HEIGHT - BOTTOM,
            first,
            score_line,
            band,
            grid,
            ticks,
            markers,
            last: last_point,
        })
    }
}

#[cfg(test)]
mod overlap_tests {
    use super::without_overlaps;

    #[test]
    fn tick_labels_never_touch_and_the_last_stays() {
        let ticks = vec![
            (36.0, "novembre 2020".to_owned(), "start"),
            (60.0, "novembre 2021".to_owned(), "middle"),
            (300.0, "novembre 2023".to_owned(), "middle"),
            (690.0, "novembre 2025".to_owned(), "middle"),
            (708.0, "26 novembre 2026".to_owned(), "end"),
        ];
        let kept: Vec<String> = without_overlaps(ticks).into_iter().map(|t| t.1).collect();
        assert_eq!(kept, ["novembre 2020", "novembre 2023", "26 novembre 2026"]);
    }
}
