//! Geometry of the server-rendered SVG score-history chart; the template draws it, so every
//! label stays escaped by askama. No JavaScript, no external asset.

use crate::domain::scoring::{ContributionKind, TrustScore};
use crate::domain::views::HistoryPoint;
use chrono::NaiveDate;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// A dated incident drawn as a vertical line.
#[derive(Debug, Clone)]
pub struct Marker {
    pub x: f64,
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
    /// Lays out `points` (in date order) and the incidents counted in `trust`.
    /// No chart when every point is unknown: a flat line at the base rate says nothing.
    pub fn new(points: &[HistoryPoint], trust: Option<&TrustScore>) -> Option<HistoryChart> {
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
            .map(|s| (y_of(*s), format!("{s:.0}")))
            .collect();
        let step = (points.len() / 6).max(1);
        let mut ticks: Vec<(f64, String, &'static str)> = points
            .iter()
            .step_by(step)
            .map(|p| (x_of(p.date), p.date.format("%b %Y").to_string(), "middle"))
            .collect();
        if let Some(first_tick) = ticks.first_mut() {
            first_tick.2 = "start";
        }
        if let Some(p) = points.last() {
            let x = x_of(p.date);
            ticks.retain(|(tx, _, _)| x - tx > 70.0);
            ticks.push((x, p.date.format("%-d %b %Y").to_string(), "end"));
        }
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
            if markers.iter().any(|m| m.date == date && m.label == c.label) {
                continue;
            }
            markers.push(Marker {
                x: x_of(date),
                number: 0,
                date,
                label: c.label.clone(),
            });
        }
        markers.sort_by_key(|m| m.date);
        for (i, m) in markers.iter_mut().enumerate() {
            m.number = i + 1;
        }
        let last_point = points.last().map(|p| (x_of(p.date), y_of(p.score)));
        Some(HistoryChart {
            width: WIDTH,
            height: HEIGHT,
            plot_left: LEFT,
            plot_right: WIDTH - RIGHT,
            plot_bottom: HEIGHT - BOTTOM,
            score_line,
            band,
            grid,
            ticks,
            markers,
            last: last_point,
        })
    }
}
