//! The dashboard (`GET /`): portfolio heat map, score distribution, score drops, recent
//! incidents, products needing action and sources awaiting citation. Read-only: scores come
//! from stored snapshots, or are scored in memory for a date without any.

use super::error::PageError;
use super::freshness::SeenGeneration;
use super::identity::Nav;
use super::pages::AsOfQuery;
use super::state::AppState;
use crate::store::queries::dashboard::{Dashboard, GRADE_COLUMNS, dashboard};
use crate::store::queries::evidence::cached_scoring_data;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;

const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 200.0;
const LEFT: f64 = 28.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 26.0;

/// One bar of the score histogram.
#[derive(Debug, Clone)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// "50–60"
    pub range: String,
    pub count: i64,
    /// Where the count is written above the bar.
    pub label_x: f64,
    pub label_y: f64,
}

/// The geometry of the score histogram; the template draws it (labels escaped by askama).
#[derive(Debug, Clone)]
pub struct Histogram {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub plot_bottom: f64,
    pub bars: Vec<Bar>,
    /// (x, label) under the bars' edges: 0, 10, ..., 100.
    pub ticks: Vec<(f64, String)>,
    /// The text alternative: every bin and its count, in the reader's language.
    pub description: String,
}

impl Histogram {
    pub fn new(bins: &[i64; 10], unknown: i64, nav: &Nav) -> Histogram {
        let max = bins.iter().copied().max().unwrap_or(0).max(1) as f64;
        let step = (WIDTH - LEFT - RIGHT) / bins.len() as f64;
        let plot_height = HEIGHT - TOP - BOTTOM;
        let bars: Vec<Bar> = bins
            .iter()
            .enumerate()
            .map(|(i, count)| {
                let height = *count as f64 / max * plot_height;
                let x = LEFT + i as f64 * step;
                let y = HEIGHT - BOTTOM - height;
                Bar {
                    x: x + 2.0,
                    y,
                    width: step - 4.0,
                    height,
                    range: format!("{}–{}", i * 10, i * 10 + 10),
                    count: *count,
                    label_x: x + step / 2.0,
                    label_y: y - 3.0,
                }
            })
            .collect();
        let ticks = (0..=bins.len())
            .map(|i| (LEFT + i as f64 * step, nav.int(i * 10)))
            .collect();
        let colon = nav.t("colon");
        let mut parts: Vec<String> = bars
            .iter()
            .map(|b| format!("{}{colon} {}", b.range, nav.int(b.count)))
            .collect();
        if unknown > 0 {
            parts.push(nav.t1("histogram-desc-unknown", "count", nav.int(unknown)));
        }
        Histogram {
            width: WIDTH,
            height: HEIGHT,
            plot_left: LEFT,
            plot_right: WIDTH - RIGHT,
            plot_bottom: HEIGHT - BOTTOM,
            bars,
            ticks,
            description: nav.t1(
                "histogram-desc",
                "bins",
                parts.join(&format!("{} ", nav.t("semicolon"))),
            ),
        }
    }
}

#[derive(Template)]
#[template(path = "index.html")]
pub struct IndexPage {
    pub nav: Nav,
    pub d: std::sync::Arc<Dashboard>,
    pub histogram: Histogram,
    pub grades: [&'static str; 7],
    /// The date asked for with `?as_of=`, if any.
    pub as_of: Option<NaiveDate>,
    pub today: NaiveDate,
}

impl IndexPage {
    /// The heat-map intensity class of a count: 0 (none) to 3 (a large share).
    pub fn heat_level(&self, count: &i64) -> u8 {
        let total = self.d.overview.vendors.max(1);
        match *count {
            0 => 0,
            n if n * 4 < total => 1,
            n if n * 2 < total => 2,
            _ => 3,
        }
    }
}

/// `GET /[?as_of=YYYY-MM-DD]`.
pub async fn index(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<AsOfQuery>,
    seen: SeenGeneration,
) -> Result<HttpResponse, PageError> {
    let today = chrono::Utc::now().date_naive();
    let as_of = query.as_of;
    let scoring = state.scoring.clone();
    let recommending = state.recommendation.clone();
    let (data, dashboards) = (state.scored.clone(), state.dashboards.clone());
    let page = state.page(&nav, seen, today, move |c, nav| {
        let d = dashboards.get(c, &(as_of, today), |c| {
            let data = cached_scoring_data(c, &data.data)?;
            dashboard(c, &data, as_of, today, &scoring, &recommending)
        })?;
        Ok(IndexPage {
            histogram: Histogram::new(&d.histogram, d.unknown_vendors, &nav),
            nav,
            d,
            grades: GRADE_COLUMNS,
            as_of,
            today,
        })
    });
    Ok(page.await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nav(lang: crate::i18n::Lang) -> Nav {
        Nav::of(None, lang, "/".into())
    }

    #[test]
    fn histogram_bars_scale_to_the_largest_bin() {
        let h = Histogram::new(
            &[0, 0, 0, 0, 1, 2, 0, 0, 0, 0],
            1,
            &nav(crate::i18n::Lang::En),
        );
        assert_eq!(h.bars.len(), 10);
        assert_eq!(h.ticks.len(), 11);
        assert!((h.bars[5].height - (HEIGHT - TOP - BOTTOM)).abs() < 1e-9);
        assert!((h.bars[4].height * 2.0 - h.bars[5].height).abs() < 1e-9);
        assert_eq!(h.bars[0].height, 0.0);
        assert!(h.description.contains("50–60: 2"));
        assert!(h.description.contains("unknown score: 1"));
        assert!(h.description.contains("40–50: 1; 50–60: 2"));
    }

    #[test]
    fn histogram_text_in_french() {
        let h = Histogram::new(
            &[0, 0, 0, 0, 1, 2, 0, 0, 0, 0],
            1,
            &nav(crate::i18n::Lang::Fr),
        );
        assert!(
            h.description.contains("50–60\u{a0}: 2"),
            "{}",
            h.description
        );
        assert!(
            h.description
                .starts_with("Fournisseurs par tranche de score")
        );
    }
}
