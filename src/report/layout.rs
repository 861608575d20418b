//! Lays the worded report out on A4 pages: positioned lines of text, rules and the chart,
//! a cover, a table of contents when the report runs long, and every page numbered.

use super::compose::{Block, Composed, quoted};
use super::data::HistoryEntry;
use super::fonts::{Face, width, wrap};

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.0;
const TOP: f32 = 64.0;
const BOTTOM: f32 = PAGE_HEIGHT - 64.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const CHART_HEIGHT: f32 = 150.0;
/// Content pages beyond which a table of contents follows the cover.
const TOC_AFTER: usize = 3;

/// A shade of grey for text and lines: 0 black, 255 white.
pub type Grey = u8;

/// One thing drawn on a page; `y` is the baseline of text, from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        grey: Grey,
        text: String,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        grey: Grey,
    },
    Chart {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        points: Vec<HistoryEntry>,
    },
}

/// A laid-out page.
pub type Page = Vec<Op>;

/// Where a section starts: its title, its page (0-based) and the top of its title.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// The laid-out report: its pages and where each section starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub anchors: Vec<Anchor>,
}

/// Pages being filled, with the cursor's position on the last one.
struct Flow {
    pages: Vec<Page>,
    y: f32,
}

impl Flow {
    fn new() -> Flow {
        Flow {
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Makes room for `height` points, turning the page if they do not fit.
    fn room(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// Wrapped text at `indent`, the first line optionally preceded by a hanging label.
    fn text(&mut self, face: Face, size: f32, grey: Grey, indent: f32, label: &str, text: &str) {
        let leading = size * 1.35;
        for (i, line) in wrap(face, size, text, TEXT_WIDTH - indent)
            .into_iter()
            .enumerate()
        {
            self.room(leading);
            self.y += leading;
            let y = self.y;
            if i == 0 && !label.is_empty() {
                let x = MARGIN + indent - width(face, size, label) - 4.0;
                self.page().push(Op::Text {
                    x,
                    y,
                    face,
                    size,
                    grey,
                    text: label.to_owned(),
                });
            }
            self.page().push(Op::Text {
                x: MARGIN + indent,
                y,
                face,
                size,
                grey,
                text: line,
            });
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading(t) => {
                self.room(40.0);
                self.space(6.0);
                self.text(Face::Bold, 11.0, 0, 0.0, "", t);
                self.space(2.0);
            }
            Block::Text(t) => {
                self.text(Face::Regular, 10.0, 0, 0.0, "", t);
                self.space(3.0);
            }
            Block::Note(t) => {
                self.space(2.0);
                self.text(Face::Regular, 9.0, 90, 0.0, "", t);
            }
            Block::Quote { text, lang } => {
                let top = self.y + 3.0;
                let page = self.pages.len();
                self.text(Face::Regular, 10.0, 40, 14.0, "", &quoted(text, lang));
                if self.pages.len() == page {
                    let bottom = self.y + 3.0;
                    self.page().push(Op::Rule {
                        x1: MARGIN + 4.0,
                        y1: top,
                        x2: MARGIN + 4.0,
                        y2: bottom,
                        grey: 160,
                    });
                }
                self.space(4.0);
            }
            Block::Item(t) => {
                self.text(Face::Regular, 10.0, 0, 12.0, "•", t);
                self.space(1.5);
            }
            Block::Source { number, text } => {
                self.text(Face::Regular, 9.5, 0, 24.0, &format!("[{number}]"), text);
                self.space(2.0);
            }
            Block::Chart(points) => {
                self.room(CHART_HEIGHT + 30.0);
                self.space(8.0);
                let y = self.y;
                self.page().push(Op::Chart {
                    x: MARGIN + 24.0,
                    y,
                    width: TEXT_WIDTH - 24.0,
                    height: CHART_HEIGHT,
                    points: points.clone(),
                });
                self.space(CHART_HEIGHT + 18.0);
            }
        }
    }

    /// A section's title; returns the page it starts on (0-based, in this flow) and the top.
    fn section_title(&mut self, title: &str) -> (usize, f32) {
        self.room(80.0);
        if self.y > TOP {
            self.space(14.0);
        }
        let top = self.y;
        self.text(Face::Bold, 15.0, 0, 0.0, "", title);
        self.space(4.0);
        let y = self.y;
        self.page().push(Op::Rule {
            x1: MARGIN,
            y1: y,
            x2: PAGE_WIDTH - MARGIN,
            y2: y,
            grey: 120,
        });
        self.space(4.0);
        (self.pages.len() - 1, top)
    }
}

/// The report's pages, each with its footer, ready to draw; `kind` heads the cover.
pub fn lay_out(
    doc: &Composed,
    kind: &str,
    contents: &str,
    page_number: impl Fn(usize, usize) -> String,
) -> Laid {
    // The cover.
    let mut cover = Flow::new();
    cover.space(120.0);
    cover.text(Face::Regular, 12.0, 90, 0.0, "", kind);
    cover.space(6.0);
    cover.text(Face::Bold, 26.0, 0, 0.0, "", &doc.vendor);
    cover.space(12.0);
    for block in &doc.cover {
        cover.block(block);
    }
    // The body, each section remembering where it starts.
    let mut body = Flow::new();
    let mut starts = Vec::new();
    for section in &doc.sections {
        let (page, y) = body.section_title(&section.title);
        starts.push((section.title.clone(), page, y));
        for block in &section.blocks {
            body.block(block);
        }
    }
    let mut pages = cover.pages;
    let before_body = pages.len() + usize::from(body.pages.len() > TOC_AFTER);
    if body.pages.len() > TOC_AFTER {
        let mut toc = Flow::new();
        toc.section_title(contents);
        for (title, page, _) in &starts {
            let number = (before_body + page + 1).to_string();
            toc.text(Face::Regular, 11.0, 0, 0.0, "", title);
            let y = toc.y;
            toc.page().push(Op::Text {
                x: PAGE_WIDTH - MARGIN - width(Face::Regular, 11.0, &number),
                y,
                face: Face::Regular,
                size: 11.0,
                grey: 0,
                text: number,
            });
            toc.space(4.0);
        }
        pages.extend(toc.pages);
    }
    pages.extend(body.pages);
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let footer = page_number(i + 1, total);
        page.push(Op::Rule {
            x1: MARGIN,
            y1: BOTTOM + 14.0,
            x2: PAGE_WIDTH - MARGIN,
            y2: BOTTOM + 14.0,
            grey: 190,
        });
        page.push(Op::Text {
            x: MARGIN,
            y: BOTTOM + 28.0,
            face: Face::Regular,
            size: 8.5,
            grey: 90,
            text: doc.title.clone(),
        });
        page.push(Op::Text {
            x: PAGE_WIDTH - MARGIN - width(Face::Regular, 8.5, &footer),
            y: BOTTOM + 28.0,
            face: Face::Regular,
            size: 8.5,
            grey: 90,
            text: footer,
        });
    }
    let anchors = starts
        .into_iter()
        .map(|(title, page, y)| Anchor {
            title,
            page: before_body + page,
            y,
        })
        .collect();
    Laid { pages, anchors }
}
