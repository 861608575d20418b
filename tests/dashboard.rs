//! The dashboard and the filtered, sorted, paged vendor and incident lists, over the seeded
//! knowledge base on every backend under test.

mod common;

use common::{TestApp, TestDb};

fn page(app: &TestApp, path: &str) -> String {
    let answer = app.get(path);
    assert_eq!(
        answer.status, 200,
        "{path} on {}: {}",
        app.backend, answer.body
    );
    assert!(answer.content_type.starts_with("text/html"), "{path}");
    assert!(
        !answer.body.contains("src=\"http") && !answer.body.contains("href=\"//"),
        "no remote assets"
    );
    // Attribute ampersands are escaped (`&#38;` or `&amp;`): compare links in plain form.
    answer.body.replace("&#38;", "&").replace("&amp;", "&")
}

/// The part of `html` from the element with this id to the end of its section.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("section {id} missing"));
    let rest = &html[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}

/// Vendor slugs in the order the list shows them.
fn vendor_rows(html: &str) -> Vec<String> {
    let tbody = html.split("<tbody>").nth(1).unwrap_or("");
    tbody
        .split("<td data-label=\"Vendor\"><a href=\"/vendors/")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// Incident slugs in the order the list shows them.
fn incident_rows(html: &str) -> Vec<String> {
    html.split("<td data-label=\"Incident\"><a href=\"/incidents/")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// Stores a snapshot dated tomorrow for each vendor (slug, score, grade): the lists read the
/// latest stored snapshots, so these become the scores they filter and sort on.
fn store_scores(db: &TestDb, scores: &[(&str, f64, Option<&str>)]) {
    use diesel::prelude::*;
    use trustkb::store::schema::{score_snapshots as s, vendors};
    let mut conn = db.connect();
    let model = common::test_config(db).scoring.model_version;
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Duration::days(1);
    let now = chrono::Utc::now().naive_utc();
    for (slug, score, grade) in scores {
        let id: i32 = vendors::table
            .filter(vendors::slug.eq(*slug))
            .select(vendors::id)
            .first(&mut conn)
            .expect("vendor");
        diesel::insert_into(s::table)
            .values((
                s::vendor_id.eq(Some(id)),
                s::as_of.eq(tomorrow),
                s::model_version.eq(&model),
                s::score.eq(*score),
                s::belief.eq(0.5),
                s::disbelief.eq(0.2),
                s::uncertainty.eq(0.3),
                s::grade.eq(*grade),
                s::unknown.eq(grade.is_none()),
                s::explanation.eq("[]"),
                s::computed_at.eq(now),
            ))
            .execute(&mut conn)
            .expect("insert snapshot");
    }
}

#[test]
fn dashboard_shows_every_section_with_the_seed_data() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let home = page(&app, "/");
        assert!(home.contains("<strong>4</strong> vendors"), "counts kept");

        // Heat map: tier × grade, every vendor counted once, non-empty cells link to the list.
        let heat = section(&home, "heatmap");
        assert_eq!(
            heat.matches("<th scope=\"row\"").count(),
            4,
            "one row per tier"
        );
        assert!(
            heat.contains("href=\"/vendors?tier=critical&grade="),
            "{heat}"
        );
        assert!(heat.contains("href=\"/vendors?tier=high&grade="), "{heat}");
        assert!(heat.contains("data-label=\"Grade A\""));
        let linked: usize = heat
            .split("&grade=")
            .skip(1)
            .filter_map(|s| {
                s.split("\">")
                    .nth(1)?
                    .split('<')
                    .next()?
                    .parse::<usize>()
                    .ok()
            })
            .sum();
        assert_eq!(linked, 4, "every vendor in one cell");
        // A heat-map link lists exactly the vendors of its cell.
        let start = heat
            .find("href=\"/vendors?tier=critical&grade=")
            .expect("link")
            + 6;
        let href = heat[start..].split('"').next().expect("href");
        let mut critical = vendor_rows(&page(&app, href));
        critical.sort();
        assert_eq!(critical, ["microsoft", "solarwinds"], "{href}");

        // Score distribution: an SVG histogram with its text alternative.
        let chart = section(&home, "distribution");
        assert!(chart.contains("<svg viewBox"));
        assert!(chart.contains("role=\"img\""));
        assert!(chart.contains(
            "<title id=\"histogram-title\">Trust scores of the vendors, by range of 10 points</title>"
        ));
        assert!(chart.contains("<desc id=\"histogram-desc\">Vendors per score range: 0–10:"));
        assert!(
            !home.contains("style=") && !home.contains("<script"),
            "CSP-safe"
        );

        let drops = section(&home, "drops");
        assert!(drops.contains("id=\"drops-30\"") && drops.contains("id=\"drops-90\""));

        let recent = section(&home, "recent-incidents");
        assert_eq!(
            incident_rows(recent),
            [
                "mimecast-certificate-compromise-2021",
                "microsoft-source-code-viewed-2020",
                "solarwinds-orion-supply-chain-compromise"
            ]
        );

        let uncited = section(&home, "uncited-sources");
        assert!(
            uncited.contains("Sources awaiting citation (0)"),
            "{uncited}"
        );
        assert!(uncited.contains("Every source is cited"));

        // As of the seed case's time, Orion still runs at Mimecast and needs action.
        let march = page(&app, "/?as_of=2021-03-31");
        assert!(march.contains("Scores as of <strong>31 March 2021</strong>"));
        let action = section(&march, "needing-action");
        assert!(
            action.contains("href=\"/products/solarwinds-orion/recommendation?as_of=2021-03-31\""),
            "{action}"
        );
        assert!(
            !action.contains("decision-retain\""),
            "retained products are not listed"
        );
        // Over 90 days (since 31 Dec 2020) Microsoft's score fell after its incident.
        let drops = section(&march, "drops");
        let ninety = &drops[drops.find("id=\"drops-90\"").expect("90 days")..];
        assert!(ninety.contains("href=\"/vendors/microsoft\""), "{ninety}");
        assert!(ninety.contains("−"), "a negative change");
        // The dashboard read nothing into the database: no snapshot written for that date.
        use diesel::prelude::*;
        use trustkb::store::schema::score_snapshots as s;
        let mut conn = db.connect();
        let date = chrono::NaiveDate::from_ymd_opt(2021, 3, 31).expect("date");
        let written: i64 = s::table
            .filter(s::as_of.eq(date))
            .count()
            .get_result(&mut conn)
            .expect("count");
        assert_eq!(written, 0, "read-only page");
    }
}

#[test]
fn vendor_list_filters_and_sorts_on_stored_scores() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        store_scores(
            &db,
            &[
                ("mimecast", 62.0, Some("C")),
                ("solarwinds", 18.0, Some("F")),
                ("microsoft", 74.0, Some("B")),
                ("cisco", 50.0, None),
            ],
        );
        assert_eq!(vendor_rows(&page(&app, "/vendors?tier=high")), ["mimecast"]);
        assert_eq!(
            vendor_rows(&page(&app, "/vendors?tier=critical")),
            ["microsoft", "solarwinds"]
        );
        assert_eq!(
            vendor_rows(&page(&app, "/vendors?status=under_review")),
            ["solarwinds"]
        );
        assert_eq!(
            vendor_rows(&page(&app, "/vendors?status=active&tier=critical")),
            ["microsoft"]
        );
        // Known scores in order, the unknown one last in both directions.
        assert_eq!(
            vendor_rows(&page(&app, "/vendors?sort=score")),
            ["solarwinds", "mimecast", "microsoft", "cisco"]
        );
        assert_eq!(
            vendor_rows(&page(&app, "/vendors?sort=-score")),
            ["microsoft", "mimecast", "solarwinds", "cisco"]
        );
        assert_eq!(
            vendor_rows(&page(&app, "/vendors?sort=tier")),
            ["microsoft", "solarwinds", "mimecast", "cisco"]
        );
        assert_eq!(
            vendor_rows(&page(&app, "/vendors?sort=-name")),
            ["solarwinds", "mimecast", "microsoft", "cisco"]
        );
        assert_eq!(vendor_rows(&page(&app, "/vendors?grade=F")), ["solarwinds"]);
        assert_eq!(
            vendor_rows(&page(&app, "/vendors?grade=unknown")),
            ["cisco"]
        );
        assert_eq!(
            vendor_rows(&page(
                &app,
                "/vendors?category=network-monitoring&sort=name"
            )),
            ["cisco", "solarwinds"]
        );
        // Empty form fields are no filter; the form shows what is selected.
        let form = page(
            &app,
            "/vendors?tier=high&status=&grade=&category=&sort=-score",
        );
        assert_eq!(vendor_rows(&form), ["mimecast"]);
        assert!(form.contains("<form class=\"filters\" method=\"get\" action=\"/vendors\""));
        assert!(form.contains("<option value=\"high\" selected>High</option>"));
        assert!(form.contains("<option value=\"-score\" selected>"));
        // Column headers toggle the sort and keep the filters.
        assert!(
            form.contains("href=\"/vendors?tier=high&sort=score\""),
            "{form}"
        );
        assert!(form.contains("aria-sort=\"descending\""));
        let none = page(&app, "/vendors?tier=low");
        assert!(vendor_rows(&none).is_empty());
        assert!(none.contains("No vendor matches these filters."));
    }
}

#[test]
fn incident_list_filters_by_kind_and_date_range() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        assert_eq!(
            incident_rows(&page(&app, "/incidents?kind=supply_chain_compromise")),
            ["solarwinds-orion-supply-chain-compromise"]
        );
        assert_eq!(
            incident_rows(&page(&app, "/incidents?kind=credential_theft")),
            ["mimecast-certificate-compromise-2021"]
        );
        assert!(incident_rows(&page(&app, "/incidents?kind=ransomware")).is_empty());
        assert_eq!(
            incident_rows(&page(&app, "/incidents?from=2020-12-01&to=2020-12-31")),
            ["microsoft-source-code-viewed-2020"]
        );
        assert_eq!(
            incident_rows(&page(&app, "/incidents?from=2021-01-01")),
            ["mimecast-certificate-compromise-2021"]
        );
        assert_eq!(
            incident_rows(&page(
                &app,
                "/incidents?from=2020-01-01&to=2021-12-31&sort=date"
            )),
            [
                "microsoft-source-code-viewed-2020",
                "mimecast-certificate-compromise-2021"
            ]
        );
        assert_eq!(
            incident_rows(&page(&app, "/incidents?severity=4&sort=-severity")),
            [
                "solarwinds-orion-supply-chain-compromise",
                "mimecast-certificate-compromise-2021"
            ]
        );
        let form = page(&app, "/incidents?kind=intrusion&from=2020-12-01");
        assert!(form.contains("<input type=\"date\" name=\"from\" value=\"2020-12-01\">"));
        assert!(form.contains("<option value=\"intrusion\" selected>"));
    }
}

#[test]
fn bad_filters_are_400_pages_naming_the_parameter() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        for (path, parameter) in [
            ("/vendors?tier=enormous", "tier"),
            ("/vendors?status=asleep", "status"),
            ("/vendors?grade=Z", "grade"),
            ("/vendors?category=no-such-category", "category"),
            ("/vendors?sort=colour", "sort"),
            ("/vendors?page=0", "page"),
            ("/vendors?per=100000", "per"),
            ("/incidents?kind=meteor", "kind"),
            ("/incidents?from=16/03/2021", "from"),
            ("/incidents?to=2021-02-30", "to"),
            ("/incidents?from=2021-03-01&to=2021-01-01", "from"),
            ("/incidents?severity=9", "severity"),
            ("/incidents?sort=size", "sort"),
        ] {
            let answer = app.get(path);
            assert_eq!(answer.status, 400, "{path}");
            assert!(answer.content_type.starts_with("text/html"), "{path}");
            assert!(
                answer.body.contains(&format!("&#34;{parameter}&#34;"))
                    || answer.body.contains(&format!("\"{parameter}\"")),
                "{path}: {}",
                answer.body
            );
        }
    }
}

#[test]
fn pager_keeps_the_filters_and_sort() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let first = page(&app, "/vendors?status=active&sort=-name&per=1");
        assert_eq!(vendor_rows(&first), ["mimecast"]);
        assert!(first.contains("Page 1 of 3 (3 in all)"), "{first}");
        assert!(
            first.contains("href=\"/vendors?status=active&sort=-name&per=1&page=2\""),
            "{first}"
        );
        assert!(first.contains("<input type=\"hidden\" name=\"per\" value=\"1\">"));
        let second = page(&app, "/vendors?status=active&sort=-name&per=1&page=2");
        assert_eq!(vendor_rows(&second), ["microsoft"]);
        assert!(second.contains("href=\"/vendors?status=active&sort=-name&per=1&page=1\""));
        assert!(second.contains("href=\"/vendors?status=active&sort=-name&per=1&page=3\""));

        let incidents = page(&app, "/incidents?kind=&from=2020-01-01&per=1");
        assert_eq!(
            incident_rows(&incidents),
            ["mimecast-certificate-compromise-2021"]
        );
        assert!(
            incidents.contains("href=\"/incidents?from=2020-01-01&per=1&page=2\""),
            "{incidents}"
        );
        let last = page(&app, "/incidents?from=2020-01-01&per=1&page=2");
        assert_eq!(incident_rows(&last), ["microsoft-source-code-viewed-2020"]);
        // A page past the end is empty, not an error.
        assert!(incident_rows(&page(&app, "/incidents?per=1&page=9")).is_empty());
    }
}
