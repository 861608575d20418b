//! The vendor report as a PDF, drawn with krilla from the laid-out pages: the two DejaVu
//! faces embedded (subset) from the binary, text extractable, the history as vector lines.

use super::compose::compose;
use super::data::{HistoryEntry, VendorReport};
use super::fonts::{BOLD, Face, REGULAR, width};
use super::layout::{Op, PAGE_HEIGHT, PAGE_WIDTH, lay_out};
use crate::i18n::{Lang, format_date, translate};
use crate::web::identity::Nav;
use krilla::Document;
use krilla::color::luma;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the report's font could not be read")]
    Font,
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// The report as a PDF, its labels in `lang`.
pub fn render_pdf(report: &VendorReport, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let nav = Nav {
        lang,
        ..Nav::default()
    };
    let doc = compose(report, &nav);
    let laid = lay_out(
        &doc,
        &nav.t("vreport-kind"),
        &nav.t("vreport-contents"),
        |page, total| {
            translate(
                lang,
                "vreport-page-number",
                &[
                    ("page", page.to_string().into()),
                    ("total", total.to_string().into()),
                ],
            )
        },
    );
    let regular = Font::new(REGULAR.into(), 0).ok_or(PdfError::Font)?;
    let bold = Font::new(BOLD.into(), 0).ok_or(PdfError::Font)?;
    let mut document = Document::new();
    for ops in &laid.pages {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(PdfError::Font)?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, op, &regular, &bold, lang);
        }
        surface.finish();
        page.finish();
    }
    let mut outline = Outline::new();
    for anchor in &laid.anchors {
        let to = XyzDestination::new(anchor.page, Point::from_xy(0.0, anchor.y));
        outline.push_child(OutlineNode::new(anchor.title.clone(), to));
    }
    document.set_outline(outline);
    document.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language(lang.code().to_owned())
            .creator("trustkb".to_owned()),
    );
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}

fn grey_fill(grey: u8) -> Fill {
    Fill {
        paint: luma::Color::new(grey).into(),
        ..Fill::default()
    }
}

fn stroke(grey: u8, width: f32) -> Stroke {
    Stroke {
        paint: luma::Color::new(grey).into(),
        width,
        ..Stroke::default()
    }
}

fn text(s: &mut Surface, font: &Font, x: f32, y: f32, size: f32, grey: u8, text: &str) {
    s.set_stroke(None);
    s.set_fill(Some(grey_fill(grey)));
    s.draw_text(
        Point::from_xy(x, y),
        font.clone(),
        size,
        text,
        false,
        TextDirection::Auto,
    );
}

fn line(s: &mut Surface, points: &[(f32, f32)], grey: u8, width: f32) {
    let mut path = PathBuilder::new();
    for (i, (x, y)) in points.iter().enumerate() {
        if i == 0 {
            path.move_to(*x, *y);
        } else {
            path.line_to(*x, *y);
        }
    }
    if let Some(path) = path.finish() {
        s.set_fill(None);
        s.set_stroke(Some(stroke(grey, width)));
        s.draw_path(&path);
    }
}

fn draw(s: &mut Surface, op: &Op, regular: &Font, bold: &Font, lang: Lang) {
    match op {
        Op::Text {
            x,
            y,
            face,
            size,
            grey,
            text: t,
        } => {
            let font = match face {
                Face::Regular => regular,
                Face::Bold => bold,
            };
            text(s, font, *x, *y, *size, *grey, t);
        }
        Op::Rule {
            x1,
            y1,
            x2,
            y2,
            grey,
        } => line(s, &[(*x1, *y1), (*x2, *y2)], *grey, 0.6),
        Op::Chart {
            x,
            y,
            width: w,
            height: h,
            points,
        } => chart(s, regular, (*x, *y, *w, *h), points, lang),
    }
}

/// The score history: the range band shaded, the score as a line, 0–100 gridlines.
fn chart(
    s: &mut Surface,
    font: &Font,
    (x, y, w, h): (f32, f32, f32, f32),
    points: &[HistoryEntry],
    lang: Lang,
) {
    let to_y = |score: f64| y + h - (score.clamp(0.0, 100.0) as f32) / 100.0 * h;
    for level in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let gy = to_y(level);
        line(s, &[(x, gy), (x + w, gy)], 215, 0.4);
        let label = format!("{level:.0}");
        let lw = width(Face::Regular, 7.5, &label);
        text(s, font, x - lw - 4.0, gy + 2.5, 7.5, 90, &label);
    }
    let n = points.len();
    if n == 0 {
        return;
    }
    let to_x = |i: usize| {
        if n == 1 {
            x + w / 2.0
        } else {
            x + w * i as f32 / (n - 1) as f32
        }
    };
    let mut band = PathBuilder::new();
    for (i, p) in points.iter().enumerate() {
        if i == 0 {
            band.move_to(to_x(i), to_y(p.high));
        } else {
            band.line_to(to_x(i), to_y(p.high));
        }
    }
    for (i, p) in points.iter().enumerate().rev() {
        band.line_to(to_x(i), to_y(p.low));
    }
    band.close();
    if let Some(path) = band.finish() {
        s.set_stroke(None);
        s.set_fill(Some(grey_fill(225)));
        s.draw_path(&path);
    }
    let score: Vec<(f32, f32)> = points
        .iter()
        .enumerate()
        .map(|(i, p)| (to_x(i), to_y(p.score)))
        .collect();
    line(s, &score, 20, 1.4);
    let first = format_date(lang, points[0].date);
    text(s, font, x, y + h + 11.0, 7.5, 90, &first);
    if n > 1 {
        let last = format_date(lang, points[n - 1].date);
        let lw = width(Face::Regular, 7.5, &last);
        text(s, font, x + w - lw, y + h + 11.0, 7.5, 90, &last);
    }
}
