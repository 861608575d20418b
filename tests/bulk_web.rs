//! Bulk import in the browser (`/imports`), on every backend under test: the form, a file
//! with bad rows refused with each problem, a clean check, the import, access, French.

mod common;

use common::curation::{audited_any_label, row_counts};
use common::{Answer, As, TestApp, TestDb, hidden_field};
use trustkb::domain::Role;

/// The tables a bulk import writes.
const TABLES: &[&str] = &["vendors", "products", "dependencies", "audit_log"];

const BOUNDARY: &str = "----trustkbTestBoundary7MA4YWxk";

/// Posts a multipart form: `fields` as text, then the file (when given) as `file`.
fn post_multipart(
    app: &TestApp,
    who: &As,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
    headers: &[(&str, String)],
) -> Answer {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some((filename, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    let mut headers = headers.to_vec();
    headers.push((
        "content-type",
        format!("multipart/form-data; boundary={BOUNDARY}"),
    ));
    app.send("POST", "/imports", who, &headers, Some(body))
}

fn upload(app: &TestApp, who: &As, action: &str, csv: &str) -> Answer {
    let csrf = who
        .session
        .as_ref()
        .map(|s| s.csrf.clone())
        .unwrap_or_default();
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("table", ""),
        ("action", action),
    ];
    post_multipart(
        app,
        who,
        &fields,
        Some(("vendors.csv", csv.as_bytes())),
        &[],
    )
}

const BAD: &str = "slug,name,tier,status,website\n\
                   acme,Acme Corp,high,active,https://acme.example\n\
                   ,Globex,extreme,active,\n\
                   initech,,low,prospect,\n\
                   solarwinds,SolarWinds again,low,active,\n";

const GOOD: &str = "slug,name,tier,status\n\
                    northwind,Northwind Traders,high,active\n\
                    contoso,Contoso,low,prospect\n";

#[test]
fn the_form_and_the_templates_are_for_curators() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let page = app.get_as("/imports", &analyst);
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("enctype=\"multipart/form-data\""));
        assert!(page.body.contains("<code>consumer</code>"));
        let xlsx = app.get_as("/imports/template.xlsx", &analyst);
        assert_eq!(xlsx.status, 200);
        let csv = app.get_as("/imports/template/vendors.csv", &analyst);
        assert_eq!(csv.status, 200);
        assert!(csv.body.starts_with("slug,name,tier"), "{}", csv.body);
        assert_eq!(
            app.get_as("/imports/template/nope.csv", &analyst).status,
            404
        );
        let vendors = app.get_as("/vendors", &analyst);
        assert!(vendors.body.contains("href=\"/imports\""));

        let viewer = app.as_role(Role::Viewer);
        assert_eq!(app.get_as("/imports", &viewer).status, 403);
        let before = row_counts(&db, TABLES);
        assert_eq!(upload(&app, &viewer, "apply", GOOD).status, 403);
        assert_eq!(row_counts(&db, TABLES), before);
    }
}

#[test]
fn bad_rows_are_each_named_and_nothing_changes() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let before = row_counts(&db, TABLES);
        for action in ["check", "apply"] {
            let answer = upload(&app, &analyst, action, BAD);
            assert_eq!(answer.status, 400, "{}: {}", db.backend, answer.body);
            for expected in [
                "<td>3</td><td>C (tier)</td>",
                "<td>4</td><td>B (name)</td>",
                "<td>5</td><td>A (slug)</td>",
                "nothing was changed",
            ] {
                assert!(
                    answer.body.contains(expected),
                    "missing {expected}:\n{}",
                    answer.body
                );
            }
            assert!(!answer.body.contains("<td>2</td>"), "a good row reported");
            assert_eq!(row_counts(&db, TABLES), before, "{}", db.backend);
        }
        let no_csrf = post_multipart(
            &app,
            &analyst,
            &[("action", "apply")],
            Some(("v.csv", GOOD.as_bytes())),
            &[],
        );
        assert_eq!(no_csrf.status, 403);
        assert_eq!(row_counts(&db, TABLES), before);
    }
}

#[test]
fn a_clean_check_writes_nothing_then_import_now_creates_the_vendors() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let before = row_counts(&db, TABLES);
        let checked = upload(&app, &analyst, "check", GOOD);
        assert_eq!(checked.status, 200, "{}: {}", db.backend, checked.body);
        assert!(checked.body.contains("nothing has been changed yet"));
        assert_eq!(row_counts(&db, TABLES), before, "{}", db.backend);

        let content = hidden_field(&checked.body, "content").expect("the checked file");
        let csrf = analyst.session.as_ref().unwrap().csrf.clone();
        let fields = [
            ("csrf_token", csrf.as_str()),
            ("content", content.as_str()),
            ("table", ""),
            ("action", "apply"),
        ];
        let applied = post_multipart(&app, &analyst, &fields, None, &[]);
        assert_eq!(applied.status, 200, "{}: {}", db.backend, applied.body);
        assert!(applied.body.contains("The file was imported."));
        assert!(applied.body.contains("href=\"/vendors\""));
        let after = row_counts(&db, TABLES);
        assert_eq!(after[0], before[0] + 2, "{}", db.backend);
        assert_eq!(app.get("/vendors/northwind").status, 200);
        let created = audited_any_label(&app, "vendor", "create");
        assert!(
            created
                .iter()
                .any(|e| e["label"].as_str().is_some_and(|l| l.contains("ontoso"))),
            "{}: no audit record of contoso",
            db.backend
        );

        let again = post_multipart(&app, &analyst, &fields, None, &[]);
        assert_eq!(again.status, 400, "{}", again.body);
        assert_eq!(row_counts(&db, TABLES)[0], after[0]);
    }
}

#[test]
fn the_french_page_gives_french_reasons() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let analyst = app.as_role(Role::Analyst);
    let csrf = analyst.session.as_ref().unwrap().csrf.clone();
    let cookie = format!(
        "{}; trustkb_lang=fr",
        analyst.session.as_ref().unwrap().cookie
    );
    let fields = [("csrf_token", csrf.as_str()), ("action", "check")];
    let answer = post_multipart(
        &app,
        &analyst,
        &fields,
        Some(("v.csv", BAD.as_bytes())),
        &[("cookie", cookie), ("accept-language", "fr".into())],
    );
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(
        answer.body.contains("rien n’a été modifié"),
        "{}",
        answer.body
    );
    assert!(
        answer.body.contains("<td>fournisseurs</td>"),
        "{}",
        answer.body
    );
}

#[test]
fn a_forged_upload_is_refused_before_its_file_is_read() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let csrf = analyst.session.as_ref().unwrap().csrf.clone();
        let other = app.sign_in(&common::email_of(Role::Analyst), common::PASSWORD);
        let before = row_counts(&db, TABLES);
        let file = Some(("v.csv", GOOD.as_bytes()));
        for token in ["", "0123", other.csrf.as_str()] {
            let fields = [("csrf_token", token), ("action", "apply")];
            let answer = post_multipart(&app, &analyst, &fields, file, &[]);
            assert_eq!(answer.status, 403, "[{}] {token:?}", db.backend);
            assert!(answer.body.contains("security token"), "{}", answer.body);
        }
        // The right token, but after the file: the file came unvouched for.
        let late = {
            let mut body = Vec::new();
            let part = |name: &str, extra: &str, value: &str| {
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"{extra}\r\n\r\n{value}\r\n"
                )
            };
            body.extend(part("action", "", "apply").into_bytes());
            body.extend(part("file", "; filename=\"v.csv\"", GOOD).into_bytes());
            body.extend(part("csrf_token", "", &csrf).into_bytes());
            body.extend(format!("--{BOUNDARY}--\r\n").into_bytes());
            let headers = [(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )];
            app.send("POST", "/imports", &analyst, &headers, Some(body))
        };
        assert_eq!(late.status, 403, "[{}] {}", db.backend, late.body);
        // The right token from another site.
        let fields = [("csrf_token", csrf.as_str()), ("action", "apply")];
        let cross = post_multipart(
            &app,
            &analyst,
            &fields,
            file,
            &[("origin", "https://evil.example".into())],
        );
        assert_eq!(cross.status, 403, "{}", cross.body);
        assert_eq!(row_counts(&db, TABLES), before, "{}", db.backend);
        // The header scripts may send instead of the field.
        let by_header = post_multipart(
            &app,
            &analyst,
            &[("action", "check")],
            file,
            &[("x-csrf-token", csrf.clone())],
        );
        assert_eq!(by_header.status, 200, "{}", by_header.body);
    }
}

#[test]
fn an_upload_without_a_file_or_over_the_limit_is_refused_in_the_readers_language() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let analyst = app.as_role(Role::Analyst);
    let before = row_counts(&db, TABLES);
    let csrf = analyst.session.as_ref().unwrap().csrf.clone();
    let fields = [("csrf_token", csrf.as_str()), ("action", "apply")];
    let no_file = post_multipart(&app, &analyst, &fields, Some(("", b"")), &[]);
    assert_eq!(no_file.status, 400, "{}", no_file.body);
    assert!(
        no_file.body.contains("nothing was changed"),
        "{}",
        no_file.body
    );

    let mut huge = GOOD.as_bytes().to_vec();
    huge.resize(trustkb::bulk::MAX_FILE_BYTES + 1, b'\n');
    let french = [("accept-language", "fr".to_owned())];
    let too_large = post_multipart(&app, &analyst, &fields, Some(("v.csv", &huge)), &french);
    assert_eq!(too_large.status, 413, "{}", too_large.body);
    assert!(
        too_large.body.contains("Le fichier dépasse 10 Mo"),
        "{}",
        too_large.body
    );
    assert_eq!(row_counts(&db, TABLES), before);
    // Exactly at the limit, the file is read (and refused for its rows, not its size).
    huge.truncate(trustkb::bulk::MAX_FILE_BYTES);
    let at_limit = post_multipart(&app, &analyst, &fields, Some(("v.csv", &huge)), &[]);
    assert_ne!(at_limit.status, 413, "{}", at_limit.body);
}
