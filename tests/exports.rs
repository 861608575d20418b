//! Portfolio exports: the XLSX workbook read back with calamine (four sheets, header rows,
//! typed cells, labels in the reader's language, partial dates as text), kept until a write,
//! the CSV tables parsed back (machine values), access, the CLI export, and its decisions.

mod common;

use calamine::{Data, DataType, Range, Reader, Xlsx, open_workbook_from_rs};
use common::{TestApp, TestDb};
use std::io::Cursor;
use std::process::{Command, Output};
use trustkb::domain::Role;

const SHEETS: [&str; 4] = ["Vendors", "Products", "Incidents", "Open review conditions"];
const VENDOR_HEADER: [&str; 9] = [
    "slug",
    "name",
    "tier",
    "status",
    "score",
    "grade",
    "uncertainty",
    "score_as_of",
    "recommendation",
];

/// The raw bytes of `GET path` as a viewer, with the answer's headers.
fn download(app: &TestApp, path: &str, lang: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let session = app.session(Role::Viewer);
    let mut response = common::agent()
        .get(format!("{}{path}", app.base))
        .header("cookie", session.cookie)
        .header("accept-language", lang)
        .call()
        .expect("download");
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(100_000_000)
        .read_to_vec()
        .expect("body");
    (status, headers, body)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} header"))
}

fn sheets(bytes: Vec<u8>) -> Vec<(String, Range<Data>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an XLSX workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            (name, range)
        })
        .collect()
}

fn row<'a>(range: &'a Range<Data>, slug: &str) -> &'a [Data] {
    range
        .rows()
        .find(|r| r[0].get_string() == Some(slug))
        .unwrap_or_else(|| panic!("no row {slug}"))
}

/// Checks the English workbook: sheets, headers, typed cells, seed records.
fn check_workbook(bytes: Vec<u8>) {
    let sheets = sheets(bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, SHEETS);
    let vendors = &sheets[0].1;
    let header: Vec<String> = vendors
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "Identifier",
            "Name",
            "Tier",
            "Status",
            "Trust score",
            "Grade",
            "Uncertainty",
            "Score as of",
            "Recommendations for its products"
        ]
    );
    // Closed vocabularies as their English labels.
    let solarwinds = row(vendors, "solarwinds");
    assert_eq!(solarwinds[2].get_string(), Some("Critical"));
    assert_eq!(solarwinds[3].get_string(), Some("Under review"));
    for slug in ["solarwinds", "mimecast", "microsoft", "cisco"] {
        let r = row(vendors, slug);
        assert!(r[4].is_float(), "{slug}: score is a number, got {:?}", r[4]);
        assert!((0.0..=100.0).contains(&r[4].get_float().unwrap()));
        assert!(r[5].is_string(), "{slug}: grade is text");
        assert!(r[6].is_float(), "{slug}: uncertainty is a number");
        assert!(
            r[7].is_datetime(),
            "{slug}: score date is a date, got {:?}",
            r[7]
        );
        assert!(r[7].as_date().is_some());
    }
    let products = &sheets[1].1;
    let orion = row(products, "solarwinds-orion");
    assert_eq!(orion[2].get_string(), Some("solarwinds"));
    assert!(orion[4].is_float());
    let labels = ["Retain", "Monitor", "Retain with controls", "Replace"];
    for r in products.rows().skip(1) {
        assert!(
            r[7].is_empty() || labels.contains(&r[7].get_string().unwrap_or("")),
            "{r:?}"
        );
    }
    let incidents = &sheets[2].1;
    let sunburst = row(incidents, "solarwinds-orion-supply-chain-compromise");
    let severity = sunburst[3].as_f64().expect("severity is a number");
    assert!(sunburst[3].is_float() || sunburst[3].is_int());
    assert_eq!(severity.fract(), 0.0, "severity is a whole number");
    assert!((1.0..=5.0).contains(&severity));
    assert_eq!(sunburst[2].get_string(), Some("Supply-chain compromise"));
    assert!(
        sunburst[7]
            .get_string()
            .unwrap_or("")
            .contains("SolarWinds Orion (Origin)"),
        "{:?}",
        sunburst[7]
    );
    // Disclosed "in January 2021": the month as text, never a day the source does not give;
    // resolved on a known day: a real date; unknown dates stay empty.
    let mimecast = row(incidents, "mimecast-certificate-compromise-2021");
    assert!(mimecast[4].is_empty());
    assert_eq!(mimecast[5].get_string(), Some("2021-01"));
    assert!(mimecast[6].is_datetime(), "{:?}", mimecast[6]);
    assert_eq!(
        mimecast[6].as_date(),
        chrono::NaiveDate::from_ymd_opt(2021, 3, 16)
    );
    let conditions = &sheets[3].1;
    assert_eq!(
        conditions.rows().next().unwrap().len(),
        6,
        "header row only or more"
    );
}

#[test]
fn portfolio_workbook_reads_back_with_typed_cells() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let (status, headers, body) = download(&app, "/exports/portfolio.xlsx", "en");
        assert_eq!(status, 200, "{}", db.url);
        assert!(header(&headers, "content-type").contains("spreadsheetml"));
        let disposition = header(&headers, "content-disposition");
        assert!(disposition.starts_with("attachment"), "{disposition}");
        assert!(disposition.contains(".xlsx"), "{disposition}");
        check_workbook(body);

        // French headers and sheet titles; same cells.
        let (_, _, body) = download(&app, "/exports/portfolio.xlsx", "fr");
        let sheets = sheets(body);
        assert_eq!(sheets[0].0, "Fournisseurs");
        assert_eq!(sheets[3].0, "Conditions de revue ouvertes");
        assert_eq!(
            sheets[0].1.get((0, 4)).unwrap().to_string(),
            "Score de confiance"
        );
        // Closed vocabularies as their French labels; dates and numbers stay typed.
        let solarwinds = row(&sheets[0].1, "solarwinds");
        assert_eq!(solarwinds[2].get_string(), Some("Critique"));
        assert_eq!(solarwinds[3].get_string(), Some("En revue"));
        assert!(solarwinds[4].is_float());
        let labels = [
            "Conserver",
            "Surveiller",
            "Conserver avec mesures compensatoires",
            "Remplacer",
        ];
        for r in sheets[1].1.rows().skip(1) {
            let decision = r[7].get_string().unwrap_or("");
            assert!(r[7].is_empty() || labels.contains(&decision), "{r:?}");
        }
        let incidents = &sheets[2].1;
        let sunburst = row(incidents, "solarwinds-orion-supply-chain-compromise");
        assert_eq!(
            sunburst[2].get_string(),
            Some("Compromission de la chaîne d'approvisionnement")
        );
        assert!(
            sunburst[7]
                .get_string()
                .unwrap_or("")
                .contains("SolarWinds Orion (Origine)")
        );
        let mimecast = row(incidents, "mimecast-certificate-compromise-2021");
        assert_eq!(mimecast[5].get_string(), Some("2021-01"));
        assert!(mimecast[6].is_datetime());
    }
}

#[test]
fn a_kept_workbook_gives_way_to_a_write() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let first = download(&app, "/exports/portfolio.xlsx", "en").2;
        // Asked again with nothing changed: the same workbook, byte for byte.
        assert_eq!(
            download(&app, "/exports/portfolio.xlsx", "en").2,
            first,
            "{}",
            db.url
        );
        let vendors = |bytes: Vec<u8>| sheets(bytes)[0].1.rows().count();
        let before = vendors(first);

        let analyst = app.as_role(Role::Analyst);
        let body =
            serde_json::json!({"slug": "acme", "name": "Acme", "tier": "high", "status": "active"});
        let created = app.send_json("POST", "/api/v1/vendors", &analyst, &body);
        assert_eq!(created.status, 201, "{}", created.body);

        let after = download(&app, "/exports/portfolio.xlsx", "en").2;
        assert_eq!(vendors(after.clone()), before + 1, "{}", db.url);
        row(&sheets(after)[0].1, "acme");
    }
}

#[test]
fn csv_tables_parse_back_with_the_same_rows() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let (status, headers, body) = download(&app, "/exports/vendors.csv", "fr");
        assert_eq!(status, 200);
        assert!(header(&headers, "content-type").starts_with("text/csv"));
        assert!(header(&headers, "content-disposition").contains("vendors"));
        let mut reader = csv::Reader::from_reader(body.as_slice());
        let head: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(head, VENDOR_HEADER, "machine headers whatever the language");
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();

        let (_, _, xlsx) = download(&app, "/exports/portfolio.xlsx", "en");
        let sheets = sheets(xlsx);
        let vendors = &sheets[0].1;
        assert_eq!(
            rows.len() + 1,
            vendors.height(),
            "same rows in CSV and XLSX"
        );
        for (record, cells) in rows.iter().zip(vendors.rows().skip(1)) {
            assert_eq!(&record[0], cells[0].get_string().unwrap());
            let score: f64 = record[4].parse().expect("score is a number");
            assert_eq!(Some(score), cells[4].get_float());
        }
        assert!(rows.iter().any(|r| &r[0] == "solarwinds"));

        for (path, slug) in [
            ("/exports/products.csv", "solarwinds-orion"),
            (
                "/exports/incidents.csv",
                "solarwinds-orion-supply-chain-compromise",
            ),
        ] {
            let (status, _, body) = download(&app, path, "en");
            assert_eq!(status, 200, "{path}");
            let mut reader = csv::Reader::from_reader(body.as_slice());
            assert!(reader.records().any(|r| &r.unwrap()[0] == slug), "{path}");
        }

        // Machine values in CSV whatever the reader's language; partial dates at their
        // precision, as in the workbook.
        let solarwinds = rows.iter().find(|r| &r[0] == "solarwinds").unwrap();
        assert_eq!(
            (&solarwinds[2], &solarwinds[3]),
            ("critical", "under_review")
        );
        let (_, _, body) = download(&app, "/exports/incidents.csv", "fr");
        let incidents: Vec<csv::StringRecord> = csv::Reader::from_reader(body.as_slice())
            .records()
            .map(|r| r.unwrap())
            .collect();
        let sunburst = incidents
            .iter()
            .find(|r| &r[0] == "solarwinds-orion-supply-chain-compromise")
            .unwrap();
        assert_eq!(&sunburst[2], "supply_chain_compromise");
        assert!(
            sunburst[7].contains("SolarWinds Orion (origin)"),
            "{sunburst:?}"
        );
        let mimecast = incidents
            .iter()
            .find(|r| &r[0] == "mimecast-certificate-compromise-2021")
            .unwrap();
        assert_eq!(
            (&mimecast[4], &mimecast[5], &mimecast[6]),
            ("", "2021-01", "2021-03-16")
        );
        let (_, _, body) = download(&app, "/exports/products.csv", "fr");
        let machine = ["retain", "monitor", "retain_with_controls", "replace"];
        for r in csv::Reader::from_reader(body.as_slice()).records() {
            let r = r.unwrap();
            assert!(r[7].is_empty() || machine.contains(&&r[7]), "{r:?}");
        }
    }
}

/// The exports' decisions (the rule table alone, through indexes) are the full engine's, on
/// the seed knowledge at dates around its incidents.
#[test]
fn export_decisions_are_the_full_engines() {
    use trustkb::domain::recommend::RecommendationConfig;
    use trustkb::domain::scoring::ScoringConfig;
    use trustkb::store::queries::recommendations::{decisions_in_use, recommendations_in_use};
    for db in TestDb::all() {
        assert!(trustkb(&db, &["seed"]).status.success());
        let mut conn = db.connect();
        let (scoring, config) = (ScoringConfig::default(), RecommendationConfig::default());
        let mut decided = 0;
        for date in [
            "2020-12-20",
            "2021-01-20",
            "2021-06-01",
            "2022-01-01",
            "2026-11-26",
        ] {
            let as_of: chrono::NaiveDate = date.parse().unwrap();
            let full: std::collections::BTreeMap<String, _> =
                recommendations_in_use(&mut conn, as_of, &scoring, &config)
                    .unwrap()
                    .into_iter()
                    .map(|r| (r.product, r.decision))
                    .collect();
            let alone = decisions_in_use(&mut conn, as_of, &scoring, &config).unwrap();
            assert_eq!(alone, full, "{date} on {}", db.backend);
            decided += full.len();
        }
        assert!(decided > 0, "the seed has products in use");
    }
}

#[test]
fn anonymous_downloads_go_to_sign_in() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    for path in ["/exports/portfolio.xlsx", "/exports/vendors.csv"] {
        let answer = app.get_anonymous(path);
        assert_eq!(answer.status, 303, "{path}");
        assert!(answer.header("location").unwrap().starts_with("/login"));
    }
    let page = app.get("/vendors");
    assert!(page.body.contains("href=\"/exports/portfolio.xlsx\""));
    assert!(page.body.contains("href=\"/exports/vendors.csv\""));
}

fn trustkb(db: &TestDb, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(args)
        .env("TRUSTKB_DATABASE_URL", &db.url)
        .env("TRUSTKB_LOG", "warn")
        .output()
        .expect("run trustkb")
}

fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn cli_exports_xlsx_and_csv_atomically() {
    for db in TestDb::all() {
        assert!(trustkb(&db, &["seed"]).status.success());
        let dir = tempfile::tempdir().unwrap();
        let xlsx = dir.path().join("portfolio.xlsx");
        let out = trustkb(
            &db,
            &[
                "export",
                "--format",
                "xlsx",
                "--output",
                xlsx.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        check_workbook(std::fs::read(&xlsx).unwrap());

        let csv_path = dir.path().join("incidents.csv");
        let out = trustkb(
            &db,
            &[
                "export",
                "--format",
                "csv",
                "--table",
                "incidents",
                "--output",
                csv_path.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(&csv_path).unwrap();
        assert!(text.starts_with("slug,title,kind,severity,"), "{text}");
        assert!(text.contains("solarwinds-orion-supply-chain-compromise"));
        // CSV to standard output; the pack export still works.
        let out = trustkb(&db, &["export", "--format", "csv"]);
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("slug,name,tier,"));
        assert!(trustkb(&db, &["export"]).status.success());
        assert_eq!(
            entries(dir.path()),
            ["incidents.csv", "portfolio.xlsx"],
            "no temporary files left"
        );

        // A failing export leaves no output and no temporary file.
        let taken = dir.path().join("taken.xlsx");
        std::fs::create_dir(&taken).unwrap();
        std::fs::write(taken.join("keep"), "x").unwrap();
        let out = trustkb(
            &db,
            &[
                "export",
                "--format",
                "xlsx",
                "--output",
                taken.to_str().unwrap(),
            ],
        );
        assert!(!out.status.success());
        assert!(taken.is_dir());
        let missing = dir.path().join("no-such-dir").join("p.xlsx");
        let out = trustkb(
            &db,
            &[
                "export",
                "--format",
                "xlsx",
                "--output",
                missing.to_str().unwrap(),
            ],
        );
        assert!(!out.status.success());
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
        let out = trustkb(&db, &["export", "--format", "xlsx"]);
        assert!(!out.status.success(), "xlsx needs --output");
        assert_eq!(
            entries(dir.path()),
            ["incidents.csv", "portfolio.xlsx", "taken.xlsx"],
            "nothing partial left behind"
        );
    }
}

#[test]
fn open_review_conditions_fill_their_sheet() {
    use diesel::RunQueryDsl;
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let mut conn = db.connect();
        diesel::sql_query(
            "INSERT INTO reviews (vendor_id, purpose, data_classification, requester, due_on, \
             status, opened_by, opened_at, decision, decided_by, decided_at, rationale, \
             re_review_on, snapshot) SELECT id, 'Monitoring', 'internal', 'IT', '2026-12-01', \
             'decided', 'user:reviewer@test.example', '2026-11-01 10:00:00', \
             'approve_with_conditions', 'user:reviewer@test.example', '2026-11-02 10:00:00', \
             'ok', '2027-11-01', '{}' FROM vendors WHERE slug = 'solarwinds'",
        )
        .execute(&mut conn)
        .unwrap();
        for (text, owner, due, status) in [
            ("Rotate every credential", "SecOps", "2027-01-15", "open"),
            ("Already met", "IT", "2026-12-15", "met"),
        ] {
            diesel::sql_query(format!(
                "INSERT INTO review_conditions (review_id, text, owner, due_on, status) \
                 SELECT id, '{text}', '{owner}', '{due}', '{status}' FROM reviews"
            ))
            .execute(&mut conn)
            .unwrap();
        }
        let (_, _, body) = download(&app, "/exports/portfolio.xlsx", "en");
        let sheets = sheets(body);
        let conditions = &sheets[3].1;
        let rows: Vec<&[Data]> = conditions.rows().skip(1).collect();
        assert_eq!(rows.len(), 1, "only open conditions: {rows:?}");
        let r = rows[0];
        assert!(r[0].is_float() || r[0].is_int(), "review id is a number");
        assert_eq!(r[1].get_string(), Some("SolarWinds"));
        assert_eq!(r[2].get_string(), Some("Rotate every credential"));
        assert_eq!(r[3].get_string(), Some("SecOps"));
        assert_eq!(r[4].as_date(), chrono::NaiveDate::from_ymd_opt(2027, 1, 15));
        assert_eq!(r[5].get_string(), Some("Open"));
        let (_, _, body) = download(&app, "/exports/portfolio.xlsx", "fr");
        let french = self::sheets(body);
        let rows: Vec<&[Data]> = french[3].1.rows().skip(1).collect();
        assert_eq!(rows[0][5].get_string(), Some("Ouverte"));
    }
}
