//! The report's fonts (DejaVu Sans, vendored in assets/fonts, embedded in the binary) and
//! the widths of text set in them, measured from the glyph advances, for line breaking.

use std::sync::LazyLock;

/// DejaVu Sans, regular (full Latin coverage, accents included).
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans, bold.
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Which of the two faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

/// Advance widths per character, in font units, and the units per em.
struct Metrics {
    units_per_em: f32,
    advances: Vec<(char, u16)>,
    fallback: u16,
}

impl Metrics {
    fn of(data: &[u8]) -> Metrics {
        let Ok(face) = ttf_parser::Face::parse(data, 0) else {
            return Metrics {
                units_per_em: 1000.0,
                advances: Vec::new(),
                fallback: 600,
            };
        };
        let fallback = face
            .glyph_index('n')
            .and_then(|g| face.glyph_hor_advance(g))
            .unwrap_or(600);
        let mut advances = Vec::new();
        if let Some(cmap) = face.tables().cmap {
            for table in cmap.subtables {
                if !table.is_unicode() {
                    continue;
                }
                table.codepoints(|cp| {
                    if let Some(c) = char::from_u32(cp)
                        && let Some(advance) = table
                            .glyph_index(cp)
                            .and_then(|g| face.glyph_hor_advance(g))
                    {
                        advances.push((c, advance));
                    }
                });
            }
        }
        advances.sort_unstable();
        advances.dedup_by_key(|(c, _)| *c);
        Metrics {
            units_per_em: f32::from(face.units_per_em()),
            advances,
            fallback,
        }
    }

    fn advance(&self, c: char) -> u16 {
        self.advances
            .binary_search_by_key(&c, |(k, _)| *k)
            .map_or(self.fallback, |i| self.advances[i].1)
    }
}

static METRICS: LazyLock<[Metrics; 2]> =
    LazyLock::new(|| [Metrics::of(REGULAR), Metrics::of(BOLD)]);

/// The width of `text` set in `face` at `size` points.
pub fn width(face: Face, size: f32, text: &str) -> f32 {
    let m = &METRICS[face as usize];
    let units: u32 = text.chars().map(|c| u32::from(m.advance(c))).sum();
    units as f32 * size / m.units_per_em
}

/// Breaks `text` into lines no wider than `max` points: greedy, at spaces, cutting words
/// longer than a line (a URL) wherever they must.
pub fn wrap(face: Face, size: f32, text: &str, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // No-break spaces (French « » and : ; ? !) keep their neighbours on one line.
    let breaks = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
    for word in text.split(breaks).filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(face, size, &candidate) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            line.push(c);
            if width(face, size, &line) > max && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::take(&mut line));
                line.push(c);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_accented_letters_and_wraps_within_the_width() {
        assert!(width(Face::Regular, 10.0, "é") > 0.0);
        assert!(width(Face::Bold, 10.0, "mmmm") > width(Face::Regular, 10.0, "iiii"));
        let text = "Le fournisseur a réagi très rapidement à la compromission de sa chaîne";
        let lines = wrap(Face::Regular, 10.0, text, 120.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(Face::Regular, 10.0, l) <= 120.0));
        assert_eq!(lines.join(" "), text);
    }
}
