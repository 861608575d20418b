//! The vendor report worded in the reader's language, as sections of simple blocks that both
//! the HTML page and the PDF lay out, so the two always say the same thing.

use super::data::{HistoryEntry, ReportControl, VendorReport};
use crate::domain::recommend::Control;
use crate::i18n::{Arg, translate};
use crate::web::explain::evidence_label;
use crate::web::identity::Nav;
use crate::web::recommendation_details::control;

/// One piece of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A sub-heading (an incident, a product).
    Heading(String),
    /// A paragraph.
    Text(String),
    /// A quiet line: dates, facts, source numbers.
    Note(String),
    /// A quotation in its own language (`lang` is its code).
    Quote { text: String, lang: String },
    /// A bullet item.
    Item(String),
    /// The score history chart.
    Chart(Vec<HistoryEntry>),
    /// A bibliography entry: its number and its text.
    Source { number: usize, text: String },
}

/// A titled section of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Anchor of the section in the HTML page.
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// A quotation marked the way its own language marks one: « … » in French, “…” otherwise.
pub fn quoted(text: &str, lang: &str) -> String {
    if lang.starts_with("fr") {
        format!("«\u{a0}{text}\u{a0}»")
    } else {
        format!("“{text}”")
    }
}

/// The report as worded: its title, the vendor's name, the cover's lines and the sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    pub title: String,
    pub vendor: String,
    pub cover: Vec<Block>,
    pub sections: Vec<Section>,
}

/// A message with more arguments than `Nav`'s helpers take, all already worded.
fn words<const N: usize>(nav: &Nav, id: &str, args: [(&str, String); N]) -> String {
    let args: Vec<(&str, Arg)> = args.into_iter().map(|(k, v)| (k, Arg::Text(v))).collect();
    translate(nav.lang, id, &args)
}

/// A colon as the reader's language sets it: ": " in English, " : " (no-break) in French.
fn colon(nav: &Nav) -> &'static str {
    match nav.lang {
        crate::i18n::Lang::En => ": ",
        crate::i18n::Lang::Fr => "\u{a0}: ",
    }
}

/// "[1, 3]" after a line citing sources 1 and 3 (nothing when none).
fn refs(refs: &[usize]) -> String {
    if refs.is_empty() {
        return String::new();
    }
    let numbers: Vec<String> = refs.iter().map(|n| n.to_string()).collect();
    format!(" [{}]", numbers.join(", "))
}

/// Words the report in `nav.lang`.
pub fn compose(r: &VendorReport, nav: &Nav) -> Composed {
    let v = &r.vendor;
    let mut cover = vec![
        Block::Note(nav.t1("vreport-as-of", "date", nav.date(&r.as_of))),
        Block::Note(nav.t2(
            "vreport-vendor-facts",
            ("tier", nav.t(v.tier.message_id())),
            ("status", nav.t(v.status.message_id())),
        )),
    ];
    if let Some(d) = &v.description {
        cover.push(Block::Text(format!("{d}{}", refs(&v.refs))));
    }
    cover.push(Block::Heading(nav.t("vreport-score")));
    cover.extend(score_card(r, nav));
    if let Some(d) = &r.decision {
        let id = format!("vreport-decision-{}", d.decision);
        cover.push(Block::Heading(nav.t2(
            "vreport-decision",
            ("decision", nav.t(&id)),
            ("date", nav.date(&d.decided_on)),
        )));
        if !d.conditions.is_empty() {
            cover.push(Block::Note(nav.t("vreport-conditions")));
            cover.extend(d.conditions.iter().cloned().map(Block::Item));
        }
    }
    let sections = vec![
        score(r, nav),
        incidents(r, nav),
        remediations(r, nav),
        views(r, nav),
        dependencies(r, nav),
        recommendations(r, nav),
        sources(r, nav),
    ];
    Composed {
        title: nav.t1("vreport-title", "vendor", &v.name),
        vendor: v.name.clone(),
        cover,
        sections,
    }
}

fn none(nav: &Nav, blocks: &mut Vec<Block>) {
    if blocks.is_empty() {
        blocks.push(Block::Note(nav.t("vreport-none")));
    }
}

/// The score card's lines: the score and grade, its uncertainty and range, the model.
fn score_card(r: &VendorReport, nav: &Nav) -> Vec<Block> {
    let mut blocks = Vec::new();
    match &r.score {
        None => blocks.push(Block::Text(nav.t("vreport-no-score"))),
        Some(s) => {
            let line = match (s.unknown, s.grade) {
                (false, Some(g)) => nav.t2(
                    "vreport-score-line",
                    ("score", nav.points(s.score)),
                    ("grade", g.as_str()),
                ),
                _ => nav.t1("vreport-score-unknown", "score", nav.points(s.score)),
            };
            blocks.push(Block::Heading(line));
            blocks.push(Block::Text(nav.t3(
                "vreport-uncertainty",
                ("uncertainty", nav.percent(s.uncertainty)),
                ("low", nav.points(s.low)),
                ("high", nav.points(s.high)),
            )));
            blocks.push(Block::Note(nav.t1(
                "vreport-model",
                "version",
                &s.model_version,
            )));
        }
    }
    blocks
}

fn score(r: &VendorReport, nav: &Nav) -> Section {
    let mut blocks = score_card(r, nav);
    if !r.history.is_empty() {
        blocks.push(Block::Heading(nav.t("vreport-history")));
        blocks.push(Block::Chart(r.history.clone()));
        blocks.push(Block::Note(nav.t("vreport-history-range")));
    }
    if !r.contributions.is_empty() {
        blocks.push(Block::Heading(nav.t("vreport-explanation")));
        for c in &r.contributions {
            let effect = nav.t1("vreport-effect", "effect", nav.signed(c.effect));
            let label = evidence_label(nav, &c.about);
            let label = if c.superseded {
                nav.t1("contrib-superseded", "line", label)
            } else {
                label
            };
            let colon = colon(nav);
            blocks.push(Block::Item(format!(
                "{label}{colon}{effect}{}",
                refs(&c.refs)
            )));
        }
    }
    Section {
        id: "score",
        title: nav.t("vreport-score"),
        blocks,
    }
}

fn incidents(r: &VendorReport, nav: &Nav) -> Section {
    let mut blocks = Vec::new();
    for i in &r.incidents {
        blocks.push(Block::Heading(format!("{}{}", i.title, refs(&i.refs))));
        let mut facts = nav.t2(
            "vreport-incident-facts",
            ("kind", nav.t(i.kind.message_id())),
            ("severity", i.severity),
        );
        if let Some(d) = &i.disclosed_on {
            facts = format!(
                "{facts} · {}",
                nav.t1("vreport-disclosed", "date", nav.day(d))
            );
        }
        blocks.push(Block::Note(facts));
        if let Some(actor) = &i.threat_actor {
            blocks.push(Block::Note(nav.t1("vreport-threat-actor", "actor", actor)));
        }
        blocks.push(Block::Text(i.summary.clone()));
        if !i.roles.is_empty() {
            blocks.push(Block::Note(nav.t("vreport-roles")));
        }
        for role in &i.roles {
            let mut line = format!(
                "{}{}{}",
                role.party,
                colon(nav),
                nav.t(role.role.message_id())
            );
            if let Some(n) = role.customers_affected {
                line = format!(
                    "{line}, {}",
                    nav.t1("vreport-customers", "count", nav.int(n))
                );
            }
            if let Some(d) = &role.description {
                line = format!("{line}. {d}");
            }
            blocks.push(Block::Item(format!("{line}{}", refs(&role.refs))));
        }
        if !i.timeline.is_empty() {
            blocks.push(Block::Note(nav.t("vreport-timeline")));
        }
        for e in &i.timeline {
            let mut line = format!("{}{}{}", nav.day(&e.occurred_on), colon(nav), e.title);
            if let Some(d) = &e.description {
                line = format!("{line}. {d}");
            }
            blocks.push(Block::Item(format!("{line}{}", refs(&e.refs))));
        }
    }
    none(nav, &mut blocks);
    Section {
        id: "incidents",
        title: nav.t("vreport-incidents"),
        blocks,
    }
}

fn remediations(r: &VendorReport, nav: &Nav) -> Section {
    let mut blocks = Vec::new();
    for m in &r.remediations {
        let mut line = format!(
            "{} – {}{}{}",
            nav.day_or_dash(&m.taken_on),
            nav.t(m.kind.message_id()),
            colon(nav),
            m.description
        );
        if let Some(i) = &m.incident {
            line = format!("{line} ({i})");
        }
        blocks.push(Block::Item(format!("{line}{}", refs(&m.refs))));
    }
    none(nav, &mut blocks);
    Section {
        id: "remediations",
        title: nav.t("vreport-remediations"),
        blocks,
    }
}

fn views(r: &VendorReport, nav: &Nav) -> Section {
    let mut blocks = Vec::new();
    for a in &r.views {
        let analyst = match &a.firm {
            Some(f) => format!("{} ({f})", a.analyst),
            None => a.analyst.clone(),
        };
        let line = words(
            nav,
            "vreport-view-by",
            [
                ("analyst", analyst),
                ("date", nav.day(&a.assessed_on)),
                ("subject", a.subject.clone()),
                ("stance", nav.t(a.stance.message_id())),
            ],
        );
        blocks.push(Block::Heading(format!("{line}{}", refs(&a.refs))));
        blocks.push(Block::Note(nav.t1(
            "vreport-quote-language",
            "language",
            nav.language_name(&a.quote_language),
        )));
        blocks.push(Block::Quote {
            text: a.quote.clone(),
            lang: a.quote_language.clone(),
        });
        if let Some(t) = &a.translation {
            let lang = a.translation_language.clone().unwrap_or_default();
            blocks.push(Block::Note(nav.t1(
                "vreport-translation",
                "language",
                nav.language_name(&lang),
            )));
            blocks.push(Block::Quote {
                text: t.clone(),
                lang,
            });
        }
    }
    none(nav, &mut blocks);
    Section {
        id: "views",
        title: nav.t("vreport-views"),
        blocks,
    }
}

fn dependencies(r: &VendorReport, nav: &Nav) -> Section {
    let mut blocks = Vec::new();
    for (title, list) in [
        ("vreport-depends-on", &r.dependencies),
        ("vreport-depended-by", &r.dependents),
    ] {
        if list.is_empty() {
            continue;
        }
        blocks.push(Block::Heading(nav.t(title)));
        for d in list {
            let mut line = words(
                nav,
                "vreport-dependency-line",
                [
                    ("consumer", d.consumer.clone()),
                    ("product", d.product.clone()),
                    ("vendor", d.product_vendor.clone()),
                    ("criticality", nav.t(d.criticality.message_id())),
                ],
            );
            if !d.active {
                line = format!("{line} ({})", nav.t("vreport-dependency-ended"));
            }
            blocks.push(Block::Item(format!("{line}{}", refs(&d.refs))));
        }
    }
    blocks.push(Block::Heading(nav.t("vreport-blast")));
    if r.blast.reached.is_empty() {
        blocks.push(Block::Text(nav.t("vreport-blast-none")));
    } else {
        blocks.push(Block::Text(nav.t2(
            "vreport-blast-summary",
            ("count", r.blast.count()),
            ("depth", r.blast.depth),
        )));
        for n in &r.blast.reached {
            blocks.push(Block::Item(format!(
                "{} ({})",
                n.name,
                nav.tn("vreport-hops", i64::from(n.hops))
            )));
        }
        if r.blast.unlisted > 0 {
            blocks.push(Block::Text(
                nav.tn("vreport-blast-unlisted", r.blast.unlisted),
            ));
        }
    }
    Section {
        id: "dependencies",
        title: nav.t("vreport-dependencies"),
        blocks,
    }
}

/// A control in the reader's language (the catalogue's wording, or the engine's English).
fn control_text(nav: &Nav, c: &ReportControl) -> String {
    let text = control(
        nav.lang,
        &Control {
            key: c.key.clone(),
            control: c.control.clone(),
            rationale: c.rationale.clone(),
            transition: c.transition,
            grounds: Vec::new(),
            precedents: Vec::new(),
            recorded: Vec::new(),
            citations: Vec::new(),
        },
    );
    let what = text.control.trim_end_matches('.');
    if c.transition {
        format!(
            "{what} ({}). {}",
            nav.t("vreport-transition"),
            text.rationale
        )
    } else {
        format!("{what}. {}", text.rationale)
    }
}

fn recommendations(r: &VendorReport, nav: &Nav) -> Section {
    let mut blocks = Vec::new();
    for rec in &r.recommendations {
        blocks.push(Block::Heading(words(
            nav,
            "vreport-recommendation-line",
            [
                ("product", rec.product_name.clone()),
                ("decision", nav.t(rec.decision.message_id())),
                ("score", nav.points(rec.score)),
                ("uncertainty", nav.percent(rec.uncertainty)),
            ],
        )));
        if !rec.alternatives.is_empty() {
            blocks.push(Block::Note(nav.t("vreport-alternatives")));
        }
        for a in &rec.alternatives {
            blocks.push(Block::Item(words(
                nav,
                "vreport-alternative-line",
                [
                    ("rank", a.rank.to_string()),
                    ("product", a.product.clone()),
                    ("vendor", a.vendor.clone()),
                    ("score", nav.points(a.score)),
                    ("total", nav.factor(a.total)),
                ],
            )));
        }
        if !rec.controls.is_empty() {
            blocks.push(Block::Note(nav.t("vreport-controls")));
        }
        for c in &rec.controls {
            blocks.push(Block::Item(control_text(nav, c)));
        }
    }
    none(nav, &mut blocks);
    Section {
        id: "recommendations",
        title: nav.t("vreport-recommendations"),
        blocks,
    }
}

fn sources(r: &VendorReport, nav: &Nav) -> Section {
    let mut blocks = Vec::new();
    for s in &r.sources {
        let mut text = format!("{}. {}", s.title, s.publisher);
        if let Some(d) = &s.published_on {
            text = format!(
                "{text}, {}",
                nav.t1("vreport-source-published", "date", nav.day(d))
            );
        }
        let credibility = crate::domain::Credibility::new(i64::from(s.credibility))
            .unwrap_or(crate::domain::Credibility::CANNOT_BE_JUDGED);
        text = format!(
            "{text}. {} ({}, {}).",
            nav.t1("vreport-source-grade", "grade", s.grade()),
            nav.t(s.reliability.message_id()),
            nav.t(credibility.message_id())
        );
        if let Some(url) = &s.url {
            text = format!("{text} {url}");
        }
        blocks.push(Block::Source {
            number: s.number,
            text,
        });
    }
    none(nav, &mut blocks);
    Section {
        id: "sources",
        title: nav.t("vreport-sources"),
        blocks,
    }
}
