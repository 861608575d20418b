//! Snapshots of the API's JSON over the seed, so any change to its shape or content shows in
//! review. Both backends are checked against the same snapshots: they must answer alike.
//! Scores are asked for as of fixed dates, so the snapshots do not age.

mod common;

use common::{TestApp, TestDb};

#[test]
fn api_answers_match_their_snapshots_on_every_backend() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let cases = [
            ("vendors", "/api/v1/vendors"),
            (
                "vendor-mimecast",
                "/api/v1/vendors/mimecast?as_of=2021-04-30",
            ),
            (
                "vendor-mimecast-2021-02-15",
                "/api/v1/vendors/mimecast?as_of=2021-02-15",
            ),
            (
                "vendor-solarwinds",
                "/api/v1/vendors/solarwinds?as_of=2021-04-30",
            ),
            ("incidents", "/api/v1/incidents"),
            (
                "incident-mimecast",
                "/api/v1/incidents/mimecast-certificate-compromise-2021",
            ),
            (
                "incident-orion",
                "/api/v1/incidents/solarwinds-orion-supply-chain-compromise",
            ),
            ("not-found", "/api/v1/vendors/unknown"),
        ];
        for (name, path) in cases {
            let mut json = app.get(path).json();
            // The list's stored scores are as of today, so they age: check, then leave out.
            if let Some(items) = json.get_mut("items").and_then(|i| i.as_array_mut()) {
                for item in items {
                    if let Some(map) = item.as_object_mut()
                        && let Some(trust) = map.remove("trust")
                    {
                        assert!(trust.is_null() || trust["score"].is_number(), "{trust}");
                    }
                }
            }
            insta::with_settings!({ description => format!("GET {path} ({})", db.backend), omit_expression => true }, {
                insta::assert_json_snapshot!(name, json);
            });
        }
    }
}
