//! Bulk import of vendors, products and dependencies from XLSX and CSV through the `trustkb`
//! binary: every bad row named (row, column, reason), nothing changed by a refused file or a
//! dry run, and an all-or-nothing apply, on every backend under test.

mod common;

use common::TestDb;
use common::curation::row_counts;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::Path;
use std::process::Output;

const TABLES: [&str; 4] = ["vendors", "products", "dependencies", "audit_log"];

fn trustkb(db: &TestDb, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(args)
        .env("TRUSTKB_DATABASE_URL", &db.url)
        .env("TRUSTKB_LOG", "warn")
        .env("USER", "tester")
        .output()
        .expect("run trustkb")
}

fn seeded() -> Vec<TestDb> {
    let dbs = TestDb::all();
    for db in &dbs {
        let out = trustkb(db, &["seed"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    dbs
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the import file");
    path.display().to_string()
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// A sheet: its name, header row and data rows.
type Sheet<'a> = (&'a str, &'a [&'a str], &'a [Vec<Cell>]);

/// A workbook with vendors, products and dependencies sheets, rows as given.
fn workbook(sheets: &[Sheet<'_>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, headers, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match cell {
                    Cell::T(t) => {
                        sheet.write_string(r, c, *t).unwrap();
                    }
                    Cell::D(y, m, d) => {
                        let when = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        sheet
                            .write_datetime_with_format(r, c, &when, &date)
                            .unwrap();
                    }
                    Cell::Blank => {}
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

enum Cell {
    T(&'static str),
    D(u16, u8, u8),
    Blank,
}
use Cell::{Blank, D, T};

#[test]
fn a_csv_with_bad_rows_names_every_one_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "slug,name,tier,status,website\n\
               acme,Acme Corp,high,active,https://acme.example\n\
               ,Globex,extreme,active,\n\
               initech,,low,prospect,\n\
               solarwinds,SolarWinds again,low,active,\n\
               acme,Acme Twin,low,active,\n\
               umbrella,Umbrella,Medium,Under review,ftp://umbrella\n";
    let path = write(dir.path(), "vendors.csv", csv.as_bytes());
    for db in seeded() {
        let before = row_counts(&db, &TABLES);
        for args in [vec!["import", &path], vec!["import", "--dry-run", &path]] {
            let out = trustkb(&db, &args);
            let (_, err) = text(&out);
            assert!(!out.status.success(), "{}: bad rows accepted", db.backend);
            assert!(
                err.contains("refused, nothing was imported (5 problems)"),
                "{err}"
            );
            for expected in [
                "vendors, row 3, column C (tier): unknown tier \"extreme\"",
                "vendors, row 4, column B (name): A value is required.",
                "vendors, row 5, column A (slug): “solarwinds” already exists",
                "vendors, row 6, column A (slug): “acme” is also defined on row 2.",
                "vendors, row 7, column E (website)",
            ] {
                assert!(
                    err.contains(expected),
                    "{}: missing {expected:?} in\n{err}",
                    db.backend
                );
            }
            assert!(!err.contains("row 2,"), "a good row reported: {err}");
            assert_eq!(
                row_counts(&db, &TABLES),
                before,
                "{}: a refused import changed rows",
                db.backend
            );
        }
    }
}

#[test]
fn a_workbook_imports_vendors_products_and_dependencies_all_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let vendors: &[Vec<Cell>] = &[
        vec![Blank, T("Northwind Traders"), T("High"), T("active")],
        vec![T("contoso"), T("Contoso"), T("faible"), T("prospect")],
    ];
    let products: &[Vec<Cell>] = &[
        vec![
            T("Northwind Traders"),
            T("Northwind Monitor"),
            T("network-monitoring"),
        ],
        vec![T("contoso"), T("Contoso Mail"), T("Email security")],
    ];
    let dependencies: &[Vec<Cell>] = &[
        vec![
            T("@organisation"),
            T("northwind-monitor"),
            T("critical"),
            D(2023, 4, 1),
            T("2025"),
        ],
        vec![
            T("Contoso"),
            T("solarwinds orion"),
            T("medium"),
            T("2022-06"),
            Blank,
        ],
    ];
    let bytes = workbook(&[
        ("Vendors", &["slug", "name", "tier", "status"], vendors),
        ("products", &["vendor", "name", "category"], products),
        (
            "dependencies",
            &["consumer", "product", "criticality", "since", "until"],
            dependencies,
        ),
    ]);
    let path = write(dir.path(), "portfolio.xlsx", &bytes);
    for db in seeded() {
        let before = row_counts(&db, &TABLES);
        let dry = trustkb(&db, &["import", "--dry-run", &path]);
        let (out, err) = text(&dry);
        assert!(dry.status.success(), "{}: {err}", db.backend);
        assert!(
            out.contains("2 vendor rows, 2 product rows, 2 dependency rows"),
            "{out}"
        );
        assert!(
            out.contains("would create 2 vendors, 2 products, 2 dependencies"),
            "{out}"
        );
        assert_eq!(
            row_counts(&db, &TABLES),
            before,
            "{}: the dry run wrote",
            db.backend
        );

        let applied = trustkb(&db, &["import", &path]);
        let (out, err) = text(&applied);
        assert!(applied.status.success(), "{}: {err}", db.backend);
        assert!(
            out.contains("imported 2 vendors, 2 products, 2 dependencies"),
            "{out}"
        );
        let after = row_counts(&db, &TABLES);
        assert_eq!(after[0], before[0] + 2);
        assert_eq!(after[1], before[1] + 2);
        assert_eq!(after[2], before[2] + 2);
        assert!(after[3] > before[3], "the import left no audit record");

        let score = trustkb(
            &db,
            &["score", "--vendor", "northwind-traders", "--format", "json"],
        );
        let (out, err) = text(&score);
        assert!(score.status.success(), "{err}");
        assert!(
            out.contains("northwind-monitor"),
            "the new product is not scored: {out}"
        );

        let again = trustkb(&db, &["import", &path]);
        let (_, err) = text(&again);
        assert!(!again.status.success());
        assert!(err.contains("already imported"), "{err}");
        assert_eq!(row_counts(&db, &TABLES), after);
    }
}

#[test]
fn workbook_mistakes_are_named_by_sheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let vendors: &[Vec<Cell>] = &[vec![T("Fabrikam"), T("low"), T("active")]];
    let products: &[Vec<Cell>] = &[
        vec![T("Fabrikam"), T("Fabrikam Vault"), T("no-such-category")],
        vec![T("Nobody Inc"), T("Ghost"), T("email-security")],
    ];
    let dependencies: &[Vec<Cell>] = &[
        vec![
            T("fabrikam"),
            T("fabrikam-vault"),
            T("high"),
            T("2024-02-30"),
            Blank,
        ],
        vec![
            T("fabrikam"),
            T("fabrikam-vault"),
            T("low"),
            D(2024, 1, 1),
            D(2023, 1, 1),
        ],
    ];
    let bytes = workbook(&[
        ("vendors", &["name", "tier", "status"], vendors),
        ("products", &["vendor", "name", "category"], products),
        (
            "dependencies",
            &["consumer", "product", "criticality", "since", "until"],
            dependencies,
        ),
        ("notes", &["anything"], &[]),
    ]);
    let path = write(dir.path(), "mistakes.xlsx", &bytes);
    for db in seeded() {
        let before = row_counts(&db, &TABLES);
        let out = trustkb(&db, &["import", &path]);
        let (_, err) = text(&out);
        assert!(!out.status.success());
        assert!(
            err.contains("Sheet “notes” is not one of vendors, products, dependencies"),
            "{err}"
        );

        let without_notes = workbook(&[
            ("vendors", &["name", "tier", "status"], vendors),
            ("products", &["vendor", "name", "category"], products),
            (
                "dependencies",
                &["consumer", "product", "criticality", "since", "until"],
                dependencies,
            ),
        ]);
        let path2 = write(dir.path(), "mistakes2.xlsx", &without_notes);
        let out = trustkb(&db, &["import", &path2]);
        let (_, err) = text(&out);
        assert!(!out.status.success());
        for expected in [
            "products, row 2, column C (category): No category “no-such-category”",
            "products, row 3, column A (vendor): No vendor “Nobody Inc”",
            "dependencies, row 2, column D (since)",
            "dependencies, row 3, column E (until): “until” is before “since”.",
            "dependencies, row 3, column B (product): The same dependency is also on row 2.",
        ] {
            assert!(
                err.contains(expected),
                "{}: missing {expected:?} in\n{err}",
                db.backend
            );
        }
        assert_eq!(row_counts(&db, &TABLES), before);
    }
}

#[test]
fn csv_options_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "v.csv", b"name,tier,status\nA,low,active\n");
    let db = TestDb::sqlite();
    let out = trustkb(&db, &["import", "--table", "suppliers", &path]);
    assert!(!out.status.success());
    assert!(
        text(&out)
            .1
            .contains("--table suppliers: expected vendors, products or dependencies")
    );
    let out = trustkb(&db, &["import", "--dry-run", "seeds"]);
    assert!(!out.status.success());
    assert!(text(&out).1.contains("apply to .xlsx and .csv files only"));
}
