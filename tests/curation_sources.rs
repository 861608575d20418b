//! Curating sources, citations, incident timelines and causal links in the browser, on every
//! backend under test: each create/edit/delete path, its refusals, audit records and search.

mod common;

use common::curation::{audited_any_label, row_counts};
use common::{As, TestApp, TestDb};
use serde_json::Value;
use trustkb::domain::Role;

const MIMECAST: &str = "mimecast-certificate-compromise-2021";
const ORION: &str = "solarwinds-orion-supply-chain-compromise";
const MICROSOFT: &str = "microsoft-source-code-viewed-2020";

/// The tables these forms write.
const TABLES: &[&str] = &[
    "sources",
    "citations",
    "incident_timeline_events",
    "incident_causes",
    "audit_log",
];

const TEXT: &str = "Zanzibarique annonce un audit complet de ses serveurs.\n\nL’éditeur a confirmé l’usage d’une « porte dérobée » dans son outil de supervision.";

fn source_fields<'a>(slug: &'a str, title: &'a str, text: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("slug", slug),
        ("title", title),
        ("publisher", "Le Monde Informatique"),
        ("url", "https://example.com/article"),
        ("language", "fr"),
        ("published_on", "2021-03"),
        ("reliability", "B"),
        ("credibility", "2"),
        ("full_text", text),
    ]
}

/// Creates a source as `who`; returns its id.
fn create_source(app: &TestApp, who: &As, slug: &str, text: &str) -> i64 {
    let answer = app.post_form("/sources/new", who, &source_fields(slug, "Un audit", text));
    assert_eq!(answer.status, 303, "{}", answer.body);
    let location = answer.header("location").expect("location").to_owned();
    location
        .trim_start_matches("/sources/")
        .parse()
        .unwrap_or_else(|_| panic!("not a source page: {location}"))
}

fn cite(app: &TestApp, who: &As, source: i64, fields: &[(&str, &str)]) -> common::Answer {
    app.post_form(&format!("/sources/{source}/citations/new"), who, fields)
}

#[test]
fn a_source_is_created_found_cited_edited_and_deleted_with_audit_records() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let form = app.get_as("/sources/new", &analyst);
        assert_eq!(form.status, 200, "{}", form.body);
        assert!(form.body.contains("name=\"full_text\""));

        let id = create_source(&app, &analyst, "zanzibar-audit", TEXT);
        let page = app.get(&format!("/sources/{id}"));
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Zanzibarique annonce"), "{}", page.body);
        let created = audited_any_label(&app, "source", "create");
        assert!(
            created.iter().any(|e| e["label"] == "zanzibar-audit"),
            "[{}] {created:#?}",
            db.backend
        );
        // A new source waits on the dashboard until cited, and its text is searchable.
        let dashboard = app.get("/");
        assert!(
            dashboard.body.contains(&format!("/sources/{id}\"")),
            "[{}] dashboard",
            db.backend
        );
        let found = app.get("/api/v1/search?q=zanzibarique").json();
        assert!(
            found["items"]
                .as_array()
                .expect("items")
                .iter()
                .any(|h| h["href"] == format!("/sources/{id}")),
            "[{}] {found:#}",
            db.backend
        );

        // A taken slug is refused on its field.
        let before = row_counts(&db, TABLES);
        let again = app.post_form(
            "/sources/new",
            &analyst,
            &source_fields("zanzibar-audit", "X", ""),
        );
        assert_eq!(again.status, 400);
        assert!(again.body.contains("zanzibar-audit"), "{}", again.body);
        assert_eq!(row_counts(&db, TABLES), before);

        // Typed with straight quotes: stored as the text words it, with its paragraph.
        let ok = cite(
            &app,
            &analyst,
            id,
            &[
                ("kind", "vendor"),
                ("record", "mimecast"),
                ("excerpt", "confirmé l'usage d'une \"porte dérobée\""),
            ],
        );
        assert_eq!(ok.status, 303, "{}", ok.body);
        let detail = app.get(&format!("/api/v1/sources/{id}")).json();
        let citation = &detail["citations"][0];
        assert_eq!(
            citation["excerpt"],
            "confirmé l’usage d’une « porte dérobée »"
        );
        assert_eq!(citation["locator"], "paragraph 2");
        assert_eq!(citation["found_in_text"], true);
        let citation_id = citation["id"].as_i64().expect("citation id");
        assert!(!audited_any_label(&app, "citation", "create").is_empty());
        assert!(
            !app.get("/").body.contains(&format!("/sources/{id}\"")),
            "still awaiting"
        );

        // An edit that loses the cited excerpt is refused, naming the citation.
        let before = row_counts(&db, TABLES);
        let lossy = app.post_form(
            &format!("/sources/{id}/edit"),
            &analyst,
            &source_fields(
                "zanzibar-audit",
                "Un audit",
                "Zanzibarique annonce un audit.",
            ),
        );
        assert_eq!(lossy.status, 400);
        assert!(
            lossy.body.contains(&format!("#{citation_id}")),
            "{}",
            lossy.body
        );
        assert_eq!(row_counts(&db, TABLES), before);

        // An edit that keeps it is saved and audited.
        let edited_text = format!("{TEXT}\nTroisième paragraphe.");
        let edit = app.post_form(
            &format!("/sources/{id}/edit"),
            &analyst,
            &source_fields("zanzibar-audit", "Un audit complet", &edited_text),
        );
        assert_eq!(edit.status, 303, "{}", edit.body);
        assert!(
            app.get(&format!("/sources/{id}"))
                .body
                .contains("Un audit complet")
        );
        let updates = audited_any_label(&app, "source", "update");
        assert_eq!(updates[0]["before"]["title"], "Un audit");
        assert_eq!(updates[0]["after"]["title"], "Un audit complet");

        // Deleting a cited source is refused, saying how many citations and which.
        let confirm = app.get_as(&format!("/sources/{id}/delete"), &analyst);
        assert_eq!(confirm.status, 200);
        assert!(confirm.body.contains(&format!("#{citation_id}")));
        let before = row_counts(&db, TABLES);
        let refused = app.post_form(&format!("/sources/{id}/delete"), &analyst, &[]);
        assert_eq!(refused.status, 409);
        assert!(
            refused.body.contains("a citation relies on it"),
            "{}",
            refused.body
        );
        assert_eq!(row_counts(&db, TABLES), before);

        // Delete the citation from the source page, then the source.
        assert!(
            app.get_as(&format!("/sources/{id}"), &analyst)
                .body
                .contains(&format!("/citations/{citation_id}/delete"))
        );
        let gone = app.post_form(&format!("/citations/{citation_id}/delete"), &analyst, &[]);
        assert_eq!(gone.status, 303);
        assert!(!audited_any_label(&app, "citation", "delete").is_empty());
        let deleted = app.post_form(&format!("/sources/{id}/delete"), &analyst, &[]);
        assert_eq!(deleted.status, 303, "{}", deleted.body);
        assert_eq!(app.get(&format!("/sources/{id}")).status, 404);
        let deletions = audited_any_label(&app, "source", "delete");
        assert_eq!(deletions[0]["label"], "zanzibar-audit");
        assert_eq!(deletions[0]["before"]["publisher"], "Le Monde Informatique");
    }
}

#[test]
fn citations_are_refused_when_the_excerpt_is_not_in_the_text() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let id = create_source(&app, &analyst, "zanzibar-audit", TEXT);
        let form = app.get_as(
            &format!("/sources/{id}/citations/new?kind=incident&record={MIMECAST}"),
            &analyst,
        );
        assert_eq!(form.status, 200);
        assert!(
            form.body.contains(&format!("value=\"{MIMECAST}\"")),
            "{}",
            form.body
        );

        let before = row_counts(&db, TABLES);
        let wrong = cite(
            &app,
            &analyst,
            id,
            &[
                ("kind", "incident"),
                ("record", MIMECAST),
                ("excerpt", "Zanzibarique annonce un audit partiel"),
            ],
        );
        assert_eq!(wrong.status, 400);
        assert!(
            wrong
                .body
                .contains("This excerpt is not in the source’s text"),
            "{}",
            wrong.body
        );
        assert!(
            wrong.body.contains("Zanzibarique annonce un audit complet"),
            "closest passage"
        );
        assert!(
            wrong.body.contains("Zanzibarique annonce un audit partiel"),
            "input kept"
        );
        let unknown = cite(
            &app,
            &analyst,
            id,
            &[
                ("kind", "incident"),
                ("record", "no-such-incident"),
                ("excerpt", "Zanzibarique"),
            ],
        );
        assert_eq!(unknown.status, 400);
        assert!(unknown.body.contains("no-such-incident"));
        assert_eq!(row_counts(&db, TABLES), before);

        // A source without text cannot be cited: the form explains why.
        let bare = create_source(&app, &analyst, "bare-source", "");
        let before = row_counts(&db, TABLES);
        let page = app.get_as(&format!("/sources/{bare}/citations/new"), &analyst);
        assert!(page.body.contains("no stored text"), "{}", page.body);
        let refused = cite(
            &app,
            &analyst,
            bare,
            &[
                ("kind", "vendor"),
                ("record", "mimecast"),
                ("excerpt", "quoi que ce soit"),
            ],
        );
        assert_eq!(refused.status, 400);
        assert!(refused.body.contains("no stored text"));
        assert_eq!(row_counts(&db, TABLES), before);

        // The French form speaks French.
        let mut french = analyst.clone();
        if let Some(s) = french.session.as_mut() {
            s.cookie = format!("{}; trustkb_lang=fr", s.cookie);
        }
        let fr = cite(
            &app,
            &french,
            id,
            &[
                ("kind", "incident"),
                ("record", MIMECAST),
                ("excerpt", "absent du texte"),
            ],
        );
        assert_eq!(fr.status, 400);
        assert!(
            fr.body.contains("ne figure pas dans le texte"),
            "{}",
            fr.body
        );

        // The chooser reached from a record's "Cite a source" link lists the sources.
        let chooser = app.get_as(
            &format!("/citations/new?kind=incident&record={MIMECAST}"),
            &analyst,
        );
        assert_eq!(chooser.status, 200);
        assert!(
            chooser.body.contains(&format!(
                "/sources/{id}/citations/new?kind=incident&amp;record={MIMECAST}"
            )),
            "{}",
            chooser.body
        );
    }
}

/// The id of the last timeline event of an incident, from the API.
fn last_event(app: &TestApp, incident: &str) -> (i64, Value) {
    let detail = app.get(&format!("/api/v1/incidents/{incident}")).json();
    let events = detail["timeline"].as_array().expect("timeline").clone();
    let event = events
        .iter()
        .find(|e| e["title"] == "Audit interne publié")
        .cloned()
        .unwrap_or_else(|| panic!("no new event in {events:#?}"));
    (event["id"].as_i64().expect("id"), event)
}

#[test]
fn timeline_events_are_added_edited_and_deleted_and_rescore() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let page = app.get_as(&format!("/incidents/{MIMECAST}"), &analyst);
        assert!(
            page.body
                .contains(&format!("/incidents/{MIMECAST}/timeline/new"))
        );
        assert!(
            page.body
                .contains(&format!("/incidents/{MIMECAST}/causes/new"))
        );
        assert!(page.body.contains("/citations/new?kind=incident"));
        let viewer_page = app.get(&format!("/incidents/{MIMECAST}"));
        assert!(
            !viewer_page.body.contains("/timeline/new"),
            "viewers see no curation link"
        );

        let before = row_counts(&db, TABLES);
        let bad = app.post_form(
            &format!("/incidents/{MIMECAST}/timeline/new"),
            &analyst,
            &[("occurred_on", "2021-13-01"), ("title", "")],
        );
        assert_eq!(bad.status, 400);
        assert_eq!(row_counts(&db, TABLES), before);

        let added = app.post_form(
            &format!("/incidents/{MIMECAST}/timeline/new"),
            &analyst,
            &[
                ("occurred_on", "2021-02"),
                ("title", "Audit interne publié"),
            ],
        );
        assert_eq!(added.status, 303, "{}", added.body);
        let location = added.header("location").expect("location").to_owned();
        assert!(location.starts_with(&format!("/incidents/{MIMECAST}?recorded=1")));
        let report = app.get_as(&location, &analyst);
        assert!(
            report.body.contains("id=\"score-changes\""),
            "{}",
            report.body
        );
        let (event, value) = last_event(&app, MIMECAST);
        assert_eq!(value["occurred_on"], "2021-02");
        assert!(!audited_any_label(&app, "incident_timeline_event", "create").is_empty());
        assert!(!audited_any_label(&app, "incident_rescore", "update").is_empty());

        let edit = app.post_form(
            &format!("/timeline/{event}/edit"),
            &analyst,
            &[
                ("occurred_on", "2021-02-10"),
                ("title", "Audit interne publié"),
                ("description", "Détails."),
            ],
        );
        assert_eq!(edit.status, 303, "{}", edit.body);
        let (_, value) = last_event(&app, MIMECAST);
        assert_eq!(value["occurred_on"], "2021-02-10");
        let updates = audited_any_label(&app, "incident_timeline_event", "update");
        assert_eq!(updates[0]["before"]["on"], "2021-02");
        assert_eq!(updates[0]["after"]["on"], "2021-02-10");

        assert_eq!(
            app.get_as(&format!("/timeline/{event}/delete"), &analyst)
                .status,
            200
        );
        let deleted = app.post_form(&format!("/timeline/{event}/delete"), &analyst, &[]);
        assert_eq!(deleted.status, 303);
        assert_eq!(row_counts(&db, TABLES)[2], before[2]);
        assert!(!audited_any_label(&app, "incident_timeline_event", "delete").is_empty());
        assert_eq!(app.get_as("/timeline/999999/edit", &analyst).status, 404);
    }
}

#[test]
fn causal_links_refuse_self_links_duplicates_and_cycles() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let link = |incident: &str, direction: &str, other: &str| {
            app.post_form(
                &format!("/incidents/{incident}/causes/new"),
                &analyst,
                &[("direction", direction), ("other", other)],
            )
        };
        let before = row_counts(&db, TABLES);
        // The seed says Orion led to Mimecast: Mimecast cannot have caused Orion.
        let cycle = link(ORION, "caused_by", MIMECAST);
        assert_eq!(cycle.status, 400);
        assert!(cycle.body.contains("loop of causes"), "{}", cycle.body);
        assert!(
            cycle.body.contains(&format!("{ORION} → {MIMECAST}")),
            "{}",
            cycle.body
        );
        let duplicate = link(MIMECAST, "caused_by", ORION);
        assert_eq!(duplicate.status, 400);
        assert!(duplicate.body.contains("already recorded"));
        let own = link(ORION, "led_to", ORION);
        assert_eq!(own.status, 400);
        assert!(own.body.contains("cannot cause itself"));
        assert_eq!(link(ORION, "led_to", "nowhere").status, 400);
        assert_eq!(row_counts(&db, TABLES), before);

        let added = link(MIMECAST, "led_to", MICROSOFT);
        assert_eq!(added.status, 303, "{}", added.body);
        let created = audited_any_label(&app, "incident_cause", "create");
        assert_eq!(created[0]["label"], format!("{MIMECAST} → {MICROSOFT}"));
        let detail = app.get(&format!("/api/v1/incidents/{MICROSOFT}")).json();
        let id = detail["causes"]
            .as_array()
            .expect("causes")
            .iter()
            .find(|c| c["incident_slug"] == MIMECAST)
            .and_then(|c| c["id"].as_i64())
            .expect("the new link");
        // Now Microsoft → Mimecast would close a loop too.
        assert_eq!(link(MICROSOFT, "led_to", MIMECAST).status, 400);

        let page = app.get_as(&format!("/incidents/{MICROSOFT}"), &analyst);
        assert!(page.body.contains(&format!("/causes/{id}/delete")));
        let deleted = app.post_form(&format!("/causes/{id}/delete"), &analyst, &[]);
        assert_eq!(deleted.status, 303);
        assert_eq!(row_counts(&db, TABLES)[3], before[3]);
        assert!(!audited_any_label(&app, "incident_cause", "delete").is_empty());

        // The seed's cited link cannot be deleted while its citations stand.
        let seed = app.get(&format!("/api/v1/incidents/{MIMECAST}")).json();
        let seed_link = seed["causes"][0]["id"].as_i64().expect("seed link");
        let before = row_counts(&db, TABLES);
        let refused = app.post_form(&format!("/causes/{seed_link}/delete"), &analyst, &[]);
        assert_eq!(refused.status, 409);
        assert!(
            refused.body.contains("citations rely on it"),
            "{}",
            refused.body
        );
        assert_eq!(row_counts(&db, TABLES), before);
    }
}

#[test]
fn viewers_cannot_curate_sources_timelines_or_links() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let viewer = app.as_role(Role::Viewer);
        let before = row_counts(&db, TABLES);
        assert_eq!(app.get_as("/sources/new", &viewer).status, 403);
        let post = app.post_form(
            "/sources/new",
            &viewer,
            &source_fields("v-source", "V", TEXT),
        );
        assert_eq!(post.status, 403);
        let link = app.post_form(
            &format!("/incidents/{ORION}/causes/new"),
            &viewer,
            &[("direction", "led_to"), ("other", MICROSOFT)],
        );
        assert_eq!(link.status, 403);
        assert_eq!(row_counts(&db, TABLES), before);
        assert!(!app.get("/sources").body.contains("/sources/new"));
    }
}
