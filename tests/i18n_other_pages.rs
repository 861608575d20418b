//! Recommendations, blast radius, concentration, audit trail, account, user administration,
//! sign-in and error pages in French (by `Accept-Language`), and in English by default.

mod common;

use common::i18n::{assert_french, french_header, has_decimal_comma, in_french, shows};
use common::{As, TestApp, TestDb, email_of};
use trustkb::domain::Role;

#[test]
fn recommendations_blast_radius_and_concentration_speak_french() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let viewer = app.as_role(Role::Viewer);

        let path = "/recommendations?as_of=2021-03-31";
        let list = in_french(&app, path, &viewer);
        assert_french(
            &list,
            path,
            &[
                "<h1>Recommandations</h1>",
                "31 mars 2021",
                "Décision",
                "Utilisé par",
            ],
            &[
                ">Decision<",
                "Needing action",
                "Back to today",
                "What did we know on",
            ],
        );
        assert!(
            has_decimal_comma(&list.body),
            "[{}] scores with a comma",
            db.backend
        );

        let path = "/products/solarwinds-orion/recommendation?as_of=2021-03-31";
        let show = in_french(&app, path, &viewer);
        assert_french(
            &show,
            path,
            &[
                "Pourquoi",
                "Mesures compensatoires",
                "Avis d'analystes",
                "data-label=\"Certitude\"",
                "31 mars 2021",
                "incertitude",
                "En désaccord avec la décision",
                "Renouveler tous les identifiants",
                "Planifier le remplacement",
            ],
            &[
                ">Why<",
                "Compensating controls",
                "Disagrees with the decision",
                "the lower counts",
                "Recent incidents",
                "Rotate every credential",
                "Plan the replacement",
                "severity",
                "Our organisation",
            ],
        );
        assert!(
            has_decimal_comma(&show.body),
            "reasons and criteria with a comma"
        );

        let path = "/products/solarwinds-orion/blast-radius?as_of=2021-03-01";
        let blast = in_french(&app, path, &viewer);
        assert_french(
            &blast,
            path,
            &[
                "<title id=\"blast-title\">Rayon d'impact de SolarWinds Orion au 1er mars 2021",
                "Qui est exposé",
                "Tous les liens",
                "Départ",
            ],
            &[
                "Who is exposed",
                "Every edge",
                "Blast radius of",
                ">Start<",
                "Depends on it",
            ],
        );

        let path = "/concentration?as_of=2021-03-01";
        let concentration = in_french(&app, path, &viewer);
        assert_french(
            &concentration,
            path,
            &[
                "Part des critiques",
                "1er mars 2021",
                "Fournisseurs",
                "Par tout intermédiaire",
            ],
            &[
                "Share of critical",
                "Through any hops",
                "Suppliers",
                "consumers",
            ],
        );

        // English by default, worded as the JSON API words it.
        let english = app.get("/products/solarwinds-orion/recommendation?as_of=2021-03-31");
        let api = app
            .get("/api/v1/products/solarwinds-orion/recommendation?as_of=2021-03-31")
            .json();
        let texts = |list: &str, field: &str| -> Vec<String> {
            api[list]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|x| x[field].as_str().map(str::to_owned))
                .collect()
        };
        let mut worded = texts("controls", "control");
        worded.extend(texts("controls", "rationale"));
        worded.extend(texts("excluded", "reason"));
        worded.extend(
            api["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_owned()),
        );
        assert!(worded.len() > 4);
        for text in &worded {
            assert!(
                shows(&english.body, text),
                "the English page words «{text}» as the API"
            );
        }
        assert!(english.body.contains("<html lang=\"en\">"));
        assert!(english.body.contains("Compensating controls"));
        assert!(english.body.contains("31 March 2021"));
        assert!(!english.body.contains("Mesures compensatoires"));
        let english = app.get("/concentration?as_of=2021-03-01");
        assert!(english.body.contains("Share of critical"));
    }
}

#[test]
fn audit_account_and_user_pages_speak_french() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let admin = app.as_role(Role::Admin);

        let audit = in_french(&app, "/audit", &admin);
        assert_french(
            &audit,
            "/audit",
            &[
                "Journal d'audit",
                "Type de fiche",
                "Tout le monde",
                "Télécharger le CSV",
            ],
            &["Record kind", "Anyone", "Download CSV", "Clear filters"],
        );

        let bad = in_french(&app, "/audit?from=hier", &admin);
        assert_eq!(bad.status, 400);
        assert!(
            shows(&bad.body, "Du : « hier » n'est pas une date"),
            "{}",
            bad.body
        );

        let account = in_french(&app, "/account", &admin);
        assert_french(
            &account,
            "/account",
            &[
                "Votre compte",
                "Jetons d'API",
                "Créer un jeton",
                "Administrateur",
            ],
            &[
                "Your account",
                "API tokens",
                "Create token",
                "Change your password",
            ],
        );

        let users = in_french(&app, "/admin/users", &admin);
        assert_french(
            &users,
            "/admin/users",
            &[
                "Ajouter un utilisateur",
                "Changer le rôle",
                "Les heures sont en UTC.",
            ],
            &[
                "Add a user",
                "Change role",
                "Times are UTC",
                "Reset password",
            ],
        );
        assert!(users.body.contains(&email_of(Role::Analyst)));

        let login = in_french(&app, "/login", &As::default());
        assert_french(
            &login,
            "/login",
            &["<h1>Se connecter</h1>", "Mot de passe", "Adresse e-mail"],
            &["Sign in</h1>", "Password", "Forgotten password"],
        );

        let missing = in_french(&app, "/no-such-page", &admin);
        assert_eq!(missing.status, 404);
        assert!(missing.body.contains("<html lang=\"fr\">"));
        assert!(missing.body.contains("Page introuvable"));
        assert!(shows(
            &missing.body,
            "Aucune page à l'adresse /no-such-page"
        ));
        assert!(!missing.body.contains("No page at"));

        let vendor = in_french(&app, "/vendors/no-such-vendor", &admin);
        assert_eq!(vendor.status, 404);
        assert!(
            vendor.body.contains("Aucun fournisseur « no-such-vendor »"),
            "{}",
            vendor.body
        );

        let refused = in_french(&app, "/audit", &app.as_role(Role::Viewer));
        assert_eq!(refused.status, 403);
        assert!(
            refused.body.contains(
                "Votre rôle (lecteur) ne le permet pas ; il faut être : analyste, administrateur"
            ),
            "{}",
            refused.body
        );

        // English by default.
        let english = app.get_as("/audit", &admin);
        assert!(english.body.contains("<html lang=\"en\">"));
        assert!(english.body.contains("Record kind"));
        let english = app.get_anonymous("/login");
        assert!(english.body.contains("Forgotten password"));
        assert!(
            app.get("/no-such-page")
                .body
                .contains("No page at /no-such-page")
        );
    }
}

#[test]
fn a_failed_sign_in_is_explained_in_french() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let form = in_french(&app, "/login", &As::default());
        let email = email_of(Role::Viewer);
        let fields = [("email", email.as_str()), ("password", "not-the-password")];
        let (answer, _) = app.post_login(&form, &fields, &[french_header()]);
        assert_eq!(answer.status, 401, "{}", answer.body);
        assert!(answer.body.contains("<html lang=\"fr\">"));
        assert!(
            answer.body.contains("Échec de la connexion"),
            "{}",
            answer.body
        );
        assert!(!answer.body.contains("Sign-in failed"));
    }
}
