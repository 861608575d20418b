//! The vendor report as an HTML page (printable, the site's stylesheet), from the same
//! worded sections as the PDF.

use super::compose::{Composed, compose};
use super::data::{HistoryEntry, VendorReport};
use crate::web::identity::Nav;
use askama::Template;
use askama_web::WebTemplate;

/// The report page: `pdf` is the address of the same report as a PDF.
#[derive(Template, WebTemplate)]
#[template(path = "report/vendor.html")]
pub struct ReportPage {
    pub nav: Nav,
    pub doc: Composed,
    pub pdf: String,
}

impl ReportPage {
    pub fn new(report: &VendorReport, nav: Nav, pdf: String) -> ReportPage {
        let doc = compose(report, &nav);
        ReportPage { nav, doc, pdf }
    }
}

/// The SVG paths of the history chart in a 600 × 160 box: the range band and the score.
pub struct ChartPaths {
    pub band: String,
    pub score: String,
}

/// Chart geometry: x across the points, y from 100 (top) to 0 (bottom).
pub fn chart_paths(points: &[HistoryEntry]) -> ChartPaths {
    let n = points.len().max(2) - 1;
    let x = |i: usize| 40.0 + 550.0 * i as f64 / n as f64;
    let y = |s: f64| 10.0 + 140.0 * (1.0 - s.clamp(0.0, 100.0) / 100.0);
    let mut band: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.high)))
        .collect();
    band.extend(
        points
            .iter()
            .enumerate()
            .rev()
            .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.low))),
    );
    let score: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.score)))
        .collect();
    ChartPaths {
        band: band.join(" "),
        score: score.join(" "),
    }
}

/// The report as a complete HTML page in `nav`'s language (for a frozen report too).
pub fn render_html(report: &VendorReport, nav: Nav, pdf: String) -> Result<String, askama::Error> {
    ReportPage::new(report, nav, pdf).render()
}
