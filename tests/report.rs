//! The vendor report on every backend under test: the PDF made by the server read back as
//! text (vendor, score, French quotes with their accents, every source, page numbers), the
//! HTML page saying the same, and the report's data surviving a JSON round trip.

mod common;

use common::{TestApp, TestDb, agent};
use trustkb::config::ServeConfig;
use trustkb::domain::Role;
use trustkb::i18n::{Lang, format_decimal};
use trustkb::report::{VendorReport, render_pdf, vendor_report};
use trustkb::store::queries::evidence::load_scoring_data;

fn report_of(db: &TestDb, slug: &str) -> VendorReport {
    let config = ServeConfig::new(&db.url, "127.0.0.1:0").expect("config");
    let mut conn = db.connect();
    let as_of = chrono::NaiveDate::from_ymd_opt(2021, 6, 30).expect("date");
    let data = load_scoring_data(&mut conn).expect("scoring data");
    vendor_report(
        &mut conn,
        &data,
        slug,
        as_of,
        (&config.scoring, &config.recommendation),
    )
    .expect("report")
}

/// The PDF's text, whitespace folded to single spaces.
fn pdf_text(bytes: &[u8]) -> (String, usize) {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF lopdf reads");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    (fold(&text), pages.len())
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` without the page footers (the report's title and "Page n sur N"), so a quote
/// broken across two pages reads whole.
fn without_footers(text: &str, title: &str, pages: usize) -> String {
    let mut text = text.replace(title, " ");
    for page in 1..=pages {
        text = text.replace(&format!("Page {page} sur {pages}"), " ");
        text = text.replace(&format!("Page {page} of {pages}"), " ");
    }
    fold(&text)
}

fn check_report_text(text: &str, report: &VendorReport, lang: Lang, pages: usize) {
    assert!(text.contains(&report.vendor.name), "{text}");
    let score = report.score.as_ref().expect("a score").score;
    let shown = format_decimal(lang, score, 1);
    assert!(text.contains(&shown), "score {shown} in {text}");
    let french: Vec<_> = report
        .views
        .iter()
        .filter(|v| v.quote_language == "fr")
        .collect();
    assert!(!french.is_empty(), "the seed has French quotes");
    for view in french {
        assert!(
            text.contains(&fold(&view.quote)),
            "quote {} in {text}",
            view.quote
        );
    }
    assert!(!report.sources.is_empty());
    for source in &report.sources {
        assert!(
            text.contains(&fold(&source.title)),
            "source {} in {text}",
            source.title
        );
        assert!(text.contains(&source.grade()), "grade of {}", source.title);
    }
    if pages == 0 {
        return;
    }
    let last = match lang {
        Lang::Fr => format!("Page {pages} sur {pages}"),
        Lang::En => format!("Page {pages} of {pages}"),
    };
    assert!(text.contains(&last), "{last}");
}

#[test]
fn the_pdf_reads_back_with_the_vendor_score_quotes_and_sources() {
    for db in TestDb::all() {
        let _app = TestApp::spawn(&db);
        let report = report_of(&db, "solarwinds");
        for lang in [Lang::Fr, Lang::En] {
            let bytes = render_pdf(&report, lang).expect("pdf");
            // To look at the pages: TRUSTKB_REPORT_PDF_DIR=/tmp, then pdftoppm.
            if let Ok(dir) = std::env::var("TRUSTKB_REPORT_PDF_DIR") {
                let path = format!("{dir}/solarwinds-{}-{}.pdf", db.backend, lang.code());
                std::fs::write(path, &bytes).expect("write");
            }
            assert!(bytes.starts_with(b"%PDF"), "{}", db.backend);
            let (text, pages) = pdf_text(&bytes);
            assert!(pages >= 2, "a cover and the body");
            let title = match lang {
                Lang::Fr => format!("Rapport fournisseur : {}", report.vendor.name),
                Lang::En => format!("Vendor report: {}", report.vendor.name),
            };
            let whole = without_footers(&text, &title, pages);
            check_report_text(&format!("{whole} {text}"), &report, lang, pages);
        }
    }
}

#[test]
fn the_report_is_served_as_a_pdf_and_as_a_page() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let report = report_of(&db, "solarwinds");
        let cookie = format!("{}; trustkb_lang=fr", app.session(Role::Viewer).cookie);
        let mut response = agent()
            .get(format!(
                "{}/vendors/solarwinds/report.pdf?as_of=2021-06-30",
                app.base
            ))
            .header("cookie", &cookie)
            .call()
            .expect("answer");
        assert_eq!(response.status(), 200, "{}", db.backend);
        assert_eq!(
            response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("application/pdf")
        );
        let bytes = response.body_mut().read_to_vec().expect("body");
        assert!(bytes.starts_with(b"%PDF"));
        let (text, pages) = pdf_text(&bytes);
        assert!(text.contains("Score de confiance"), "French labels: {text}");
        assert!(text.contains(&format!("Page 1 sur {pages}")));

        let page = app.get_with(
            "/vendors/solarwinds/report?as_of=2021-06-30",
            &[("cookie", "trustkb_lang=fr")],
        );
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(
            page.body
                .contains("/vendors/solarwinds/report.pdf?as_of=2021-06-30")
        );
        let html = fold(&page.body.replace("&#39;", "'"));
        check_report_text(&html, &report, Lang::Fr, 0);
        let vendor = app.get("/vendors/solarwinds");
        assert!(vendor.body.contains("/vendors/solarwinds/report.pdf"));

        assert_eq!(app.get("/vendors/no-such-vendor/report").status, 404);
        assert_eq!(app.get("/vendors/no-such-vendor/report.pdf").status, 404);
    }
}

#[test]
fn a_frozen_report_renders_the_same_after_a_json_round_trip() {
    let db = TestDb::sqlite();
    let _app = TestApp::spawn(&db);
    let report = report_of(&db, "mimecast");
    let json = serde_json::to_string(&report).expect("json");
    let back: VendorReport = serde_json::from_str(&json).expect("read back");
    assert_eq!(
        (&back.vendor, &back.views, &back.sources, &back.incidents),
        (
            &report.vendor,
            &report.views,
            &report.sources,
            &report.incidents
        )
    );
    assert_eq!(
        pdf_text(&render_pdf(&back, Lang::En).expect("pdf")).0,
        pdf_text(&render_pdf(&report, Lang::En).expect("pdf")).0
    );
}

#[test]
fn the_command_line_exports_the_report_as_pdf_and_html() {
    let db = TestDb::sqlite();
    let _app = TestApp::spawn(&db);
    let dir = tempfile::tempdir().expect("dir");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_trustkb"))
            .args(args)
            .env("TRUSTKB_DATABASE_URL", &db.url)
            .env("TRUSTKB_LOG", "warn")
            .output()
            .expect("run trustkb")
    };
    let pdf = dir.path().join("solarwinds.pdf");
    let out = run(&[
        "export",
        "--format",
        "pdf",
        "--vendor",
        "solarwinds",
        "--lang",
        "fr",
        "--output",
        pdf.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (text, pages) = pdf_text(&std::fs::read(&pdf).expect("pdf written"));
    assert!(text.contains("SolarWinds") && text.contains(&format!("Page {pages} sur {pages}")));

    let out = run(&["export", "--format", "html", "--vendor", "solarwinds"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Vendor report: SolarWinds"));

    let missing = dir.path().join("missing.pdf");
    let out = run(&[
        "export",
        "--format",
        "pdf",
        "--vendor",
        "no-such-vendor",
        "--output",
        missing.to_str().expect("path"),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown vendor"));
    assert!(!missing.exists(), "no output file on failure");
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

/// A hub vendor reaches most of a generated base: its report names the nearest
/// `BLAST_LISTED` parties, counts the rest, and says so in the PDF.
#[test]
fn a_hub_vendors_report_names_the_nearest_parties_and_counts_the_rest() {
    use trustkb::domain::audit::Actor;
    use trustkb::generate::{GenShape, generate_and_rescore};
    use trustkb::report::BLAST_LISTED;
    use trustkb::store::pack::progress::Quiet;
    use trustkb::store::queries::blast::{BlastRoot, blast_radius_of};

    for db in TestDb::all() {
        let _app = TestApp::spawn(&db);
        let config = ServeConfig::new(&db.url, "127.0.0.1:0").expect("config");
        let mut conn = db.connect();
        let now = chrono::Utc::now().naive_utc();
        let shape = GenShape::for_vendors(HUB_BASE_VENDORS);
        generate_and_rescore(
            &mut conn,
            &Actor::system(),
            &shape,
            7,
            now,
            &config.scoring,
            &mut Quiet,
        )
        .expect("generated base");
        let today = now.date();
        let radius = blast_radius_of(&mut conn, BlastRoot::Vendor, HUB, today, (0, usize::MAX))
            .expect("radius");
        let beyond: Vec<(&str, u32)> = radius
            .nodes
            .iter()
            .filter(|n| n.hops > 0)
            .map(|n| (n.node.name.as_str(), n.hops))
            .collect();
        let reached = beyond.len();
        assert!(reached > BLAST_LISTED, "{HUB} reaches only {reached}");

        let data = load_scoring_data(&mut conn).expect("scoring data");
        let report = vendor_report(
            &mut conn,
            &data,
            HUB,
            today,
            (&config.scoring, &config.recommendation),
        )
        .expect("report");
        let listed: Vec<(&str, u32)> = report
            .blast
            .reached
            .iter()
            .map(|n| (n.name.as_str(), n.hops))
            .collect();
        assert!(listed.len() <= BLAST_LISTED, "{}", db.backend);
        assert_eq!(
            listed,
            beyond[..listed.len()],
            "{}: nearest first",
            db.backend
        );
        assert_eq!(report.blast.count(), reached, "{}", db.backend);
        assert_eq!(report.blast.depth, radius.depth, "{}", db.backend);

        let (text, _) = pdf_text(&render_pdf(&report, Lang::En).expect("pdf"));
        let unlisted = report.blast.unlisted;
        assert!(unlisted > 0 && unlisted == reached - listed.len());
        assert!(
            text.contains(&format!(
                "{} more, farther away, are not named here",
                trustkb::i18n::format_integer(Lang::En, unlisted as i64)
            )),
            "{text}"
        );
    }
}

/// The generated base and its hub (the first synthetic vendor, which most others use).
const HUB_BASE_VENDORS: usize = 300;
const HUB: &str = "syn-v1";
