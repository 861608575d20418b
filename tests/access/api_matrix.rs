//! The access matrix of the JSON API's routes: what each of anonymous, viewer, analyst,
//! reviewer and admin gets (`tests/access.rs` checks every route against its row).

use super::Expect::{self, Pass, Refused, SignIn};
use trustkb::web::routes::Verb;

pub const API_MATRIX: &[(Verb, &str, [Expect; 5])] = &[
    (Verb::Get, "/api/v1/me", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/api/v1/audit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/vendors",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/vendors/{slug}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/vendors/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/vendors",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/vendors/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/products",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/vendors/{slug}/products",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/products/{slug}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/products/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/products/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/dependencies",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/vendors/{slug}/dependencies",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/dependencies/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/dependencies/{id}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/dependencies/{id}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/scores",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/vendors/{slug}/score",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/products/{slug}/score",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/openapi.json",
        [Pass, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/docs/{tail:.*}",
        [Pass, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/incidents",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/incidents/{slug}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/incidents",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/incidents/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/incidents/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/incidents/{slug}/timeline",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/incidents/{slug}/timeline",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/timeline/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/timeline/{id}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/timeline/{id}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/incidents/{slug}/causes",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/causes/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/causes/{id}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/remediations",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/incidents/{slug}/remediations",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/remediations/{slug}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/remediations/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/remediations/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/vendors/{slug}/blast-radius",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/products/{slug}/blast-radius",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/incidents/{slug}/blast-radius",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (Verb::Get, "/api/v1/stix", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/api/v1/vendors/{slug}/stix",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/incidents/{slug}/stix",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/concentration",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/recommendations",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/products/{slug}/recommendation",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/sources",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/sources/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/sources",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/sources/{id}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/sources/{id}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/sources/{id}/citations",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/citations",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/citations/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/citations/{id}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/analysts",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/analysts",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/analysts/{slug}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/analysts/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/analysts/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/analyst-firms",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/analyst-firms",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/analyst-firms/{slug}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/analyst-firms/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/analyst-firms/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/assessments",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/assessments",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/assessments/{slug}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/assessments/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/assessments/{slug}",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/reviews",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/reviews",
        [SignIn, Refused, Refused, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/reviews/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/reviews/{id}/decision",
        [SignIn, Refused, Refused, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/reviews/{id}/conditions/{cid}",
        [SignIn, Refused, Refused, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/search",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/watchlists",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/watchlists",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/watchlists/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/watchlists/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/watchlists/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/watchlists/{id}/items",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/watchlists/{id}/items/{item}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/watchlists/{id}/rules",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Delete,
        "/api/v1/watchlists/{id}/rules/{rule}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/watchlists/{id}/deliveries",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/alerts",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/api/v1/alerts/read",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/api/v1/alerts/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Patch,
        "/api/v1/alerts/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
];
