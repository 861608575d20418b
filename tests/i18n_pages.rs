//! The reading pages (dashboard, vendors, incidents, sources, search) in French, chosen by
//! `Accept-Language` or by the language switch's cookie, and in English by default.

mod common;

use common::i18n::{FRENCH, assert_french, has_decimal_comma, in_french, shows};
use common::{Answer, TestApp, TestDb, cookie_pair};
use trustkb::domain::Role;

/// A number written with a decimal point ("54.8") in the page's text (not in SVG geometry).
fn has_decimal_point_in_text(html: &str) -> bool {
    let text: String = html
        .split('<')
        .filter_map(|part| part.split_once('>').map(|(_, text)| text))
        .collect::<Vec<_>>()
        .join(" ");
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == '.' && w[2].is_ascii_digit())
}

struct Page {
    path: &'static str,
    /// Texts of the French page.
    french: &'static [&'static str],
    /// Texts of the English page, none of which may show in French.
    english: &'static [&'static str],
    /// Whether the page shows a score (a decimal comma in French).
    scores: bool,
}

const PAGES: &[Page] = &[
    Page {
        path: "/?as_of=2021-03-31",
        french: &[
            "<h1>Tableau de bord du portefeuille</h1>",
            "Scores au <strong>31 mars 2021</strong>",
            "Plus fortes baisses de score",
            "Incidents récents",
            "31 décembre 2020",
            "Répartition des scores",
            "Fournisseurs par tranche de score",
        ],
        english: &[
            "Portfolio dashboard",
            "Biggest score drops",
            "Recent incidents",
            "Score distribution",
            "Disclosed",
            "Threat actor",
            "Vendors per score range",
            "Products needing action",
        ],
        scores: true,
    },
    Page {
        path: "/vendors",
        french: &[
            "<h1>Fournisseurs</h1>",
            "Trier par",
            "Appliquer",
            "Tous les niveaux",
            "Nom, de A à Z",
            "Critique",
        ],
        english: &[
            "Any tier",
            "Sort by",
            ">Apply<",
            "Grades and scores",
            "Name, A to Z",
            ">Products<",
            "as of ",
        ],
        scores: true,
    },
    Page {
        path: "/vendors/mimecast?as_of=2021-03-31",
        french: &[
            "Score de confiance",
            "chaque contribution",
            "Implication dans un incident",
            "16 mars 2021",
            "Dépendances",
            "Remédiations",
            "Origine dans Mimecast certificate and credential compromise",
        ],
        english: &[
            ">Trust score<",
            "Why: every contribution",
            ">Products<",
            ">Dependencies<",
            "Analyst views",
            "Incident involvement",
            "Origin in ",
            "Blast radius",
            "is trustworthy",
        ],
        scores: true,
    },
    Page {
        path: "/incidents",
        french: &[
            "<h1>Incidents</h1>",
            "Divulgué",
            "31 décembre 2020",
            "janvier 2021",
            "Tous les types",
            "Les plus récents d",
        ],
        english: &[
            "Any kind",
            "Disclosed",
            "Threat actor",
            "Most recent first",
            "December",
            "January",
        ],
        scores: false,
    },
    Page {
        path: "/incidents/mimecast-certificate-compromise-2021",
        french: &[
            "Qui était impliqué",
            "Chronologie",
            "Causes et conséquences",
            "janvier 2021",
            "Gravité",
        ],
        english: &[
            "Who was involved",
            ">Timeline<",
            "Causes and consequences",
            ">Discovered<",
            "Severity",
            "citations<",
        ],
        scores: false,
    },
    Page {
        path: "/sources",
        french: &[
            "<h1>Sources</h1>",
            "Éditeur",
            "Publication",
            "français",
            "mars 2021",
        ],
        english: &[">Publisher<", ">Published<", ">French<", "March"],
        scores: false,
    },
    Page {
        path: "/sources/1",
        french: &[
            "Texte intégral",
            "Extraits cités",
            "trouvé mot pour mot dans le texte",
            "paragraphe",
        ],
        english: &[
            ">Full text<",
            "Cited excerpts",
            "found verbatim",
            "Admiralty grade",
            ">Publisher<",
        ],
        scores: false,
    },
    Page {
        path: "/search?q=certificat",
        french: &[
            "<h1>Recherche</h1>",
            "résultat",
            "pour «\u{a0}certificat\u{a0}»",
        ],
        english: &[
            "results for",
            "Search vendors",
            "French and English",
            ">Search<",
        ],
        scores: false,
    },
];

/// Asserts that `page`, asked for in French (`how`), is in French.
fn assert_french_page(answer: &Answer, page: &Page, how: &str) {
    let path = page.path;
    assert_french(
        answer,
        &format!("{path} ({how})"),
        page.french,
        page.english,
    );
    if page.scores {
        assert!(has_decimal_comma(&answer.body), "{path}: no decimal comma");
        assert!(
            !has_decimal_point_in_text(&answer.body),
            "{path}: a decimal point in French text"
        );
    }
}

#[test]
fn reading_pages_speak_french_by_accept_language() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        for page in PAGES {
            let answer = app.get_with(page.path, &[FRENCH]);
            assert_french_page(&answer, page, "Accept-Language");
        }
    }
}

#[test]
fn reading_pages_speak_french_after_the_switch() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let switched = app.get("/language/fr?back=/vendors");
        assert_eq!(switched.status, 303, "{}", switched.body);
        let cookie = cookie_pair(&switched, "trustkb_lang").expect("language cookie");
        assert_eq!(cookie, "trustkb_lang=fr");
        for page in PAGES {
            // The remembered choice wins over the browser's English.
            let answer = app.get_with(
                page.path,
                &[("cookie", cookie.as_str()), ("accept-language", "en")],
            );
            assert_french_page(&answer, page, "cookie");
        }
    }
}

#[test]
fn reading_pages_are_english_by_default() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let expect: &[(&str, &[&str])] = &[
            (
                "/?as_of=2021-03-31",
                &[
                    "Portfolio dashboard",
                    "Scores as of <strong>31 March 2021</strong>",
                ],
            ),
            ("/vendors", &["<h1>Vendors</h1>", "Sort by", "Any tier"]),
            (
                "/vendors/mimecast?as_of=2021-03-31",
                &[
                    "Why: every contribution",
                    "Origin in Mimecast",
                    "16 March 2021",
                ],
            ),
            (
                "/incidents",
                &["Any kind", "31 December 2020", "January 2021"],
            ),
            (
                "/incidents/mimecast-certificate-compromise-2021",
                &["Who was involved", ">Timeline<"],
            ),
            ("/sources", &[">Publisher<", ">French<"]),
            (
                "/sources/1",
                &[">Full text<", "Cited excerpts", "paragraph"],
            ),
            (
                "/search?q=certificat",
                &["<h1>Search</h1>", "for “certificat”"],
            ),
        ];
        for (path, texts) in expect {
            let answer = app.get(path);
            assert_eq!(answer.status, 200, "{path}: {}", answer.body);
            assert!(answer.body.contains("<html lang=\"en\">"), "{path}");
            for text in *texts {
                assert!(
                    answer.body.contains(text),
                    "{path} lacks «{text}»:\n{}",
                    answer.body
                );
            }
            assert!(!answer.body.contains("Aller au contenu"), "{path}");
        }
    }
}

#[test]
fn quotes_keep_their_language_beside_the_interface() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        for (lang, headers) in [("en", vec![]), ("fr", vec![FRENCH])] {
            let page = app.get_with("/vendors/solarwinds", &headers);
            assert_eq!(page.status, 200);
            // The French original, and its English translation beside it, each marked.
            assert!(
                page.body.contains("<blockquote lang=\"fr\">"),
                "{}",
                page.body
            );
            assert!(
                page.body
                    .contains("<blockquote class=\"translation\" lang=\"en\">"),
                "{}",
                page.body
            );
            // Their labels are in the interface's language.
            assert!(
                page.body
                    .contains(&format!("<span class=\"muted\" lang=\"{lang}\">")),
                "{}",
                page.body
            );
        }
    }
}

#[test]
fn a_refused_list_filter_is_explained_in_the_reader_language() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let viewer = app.as_role(Role::Viewer);
    let french = in_french(&app, "/vendors?tier=huge", &viewer);
    assert_eq!(french.status, 400, "{}", french.body);
    assert!(french.body.contains("<html lang=\"fr\">"));
    assert!(
        shows(
            &french.body,
            "Valeur invalide pour le paramètre « tier » : « huge »"
        ),
        "{}",
        french.body
    );
    let english = app.get_as("/incidents?severity=9", &viewer);
    assert_eq!(english.status, 400);
    assert!(
        english.body.contains("expected a whole number from 1 to 5"),
        "{}",
        english.body
    );
}
