//! The routes of the JSON API v1, each with the permission it requires and the description
//! the OpenAPI document shows.

use super::{RouteRule, Verb, rule};
use crate::domain::accounts::Permission;
use crate::web::api::analysts::{Analysts, Firms};
use crate::web::api::assessments::Assessments;
use crate::web::api::causes::Causes;
use crate::web::api::citations::Citations;
use crate::web::api::dependencies::Dependencies;
use crate::web::api::incidents::Incidents;
use crate::web::api::products::Products;
use crate::web::api::records;
use crate::web::api::remediations::Remediations;
use crate::web::api::sources::Sources;
use crate::web::api::timeline::TimelineEvents;
use crate::web::api::vendors::Vendors;
use crate::web::{api, audit, blast, concentration, recommendations, search};
use Permission::{Curate, Public, Read, ReadAudit};
use Verb::{Delete, Get, Patch, Post};
use actix_web::web;

/// The API's routes.
pub(super) static API_ROUTES: &[RouteRule] = &[
    rule(Get, "/api/v1/me", Read, || web::to(api::me)).doc(api::me_doc),
    rule(Get, "/api/v1/vendors", Read, || web::to(api::vendors::list)).doc(api::vendors::list_doc),
    rule(Post, "/api/v1/vendors", Curate, || {
        web::to(records::create::<Vendors>)
    })
    .doc(api::vendors::create_doc),
    rule(Get, "/api/v1/vendors/{slug}", Read, || {
        web::to(records::read::<Vendors>)
    })
    .doc(api::vendors::read_doc),
    rule(Patch, "/api/v1/vendors/{slug}", Curate, || {
        web::to(records::update::<Vendors>)
    })
    .doc(api::vendors::update_doc),
    rule(Delete, "/api/v1/vendors/{slug}", Curate, || {
        web::to(records::delete::<Vendors>)
    })
    .doc(api::vendors::delete_doc),
    rule(Get, "/api/v1/products", Read, || {
        web::to(api::products::list)
    })
    .doc(api::products::list_doc),
    rule(Post, "/api/v1/vendors/{slug}/products", Curate, || {
        web::to(records::create::<Products>)
    })
    .doc(api::products::create_doc),
    rule(Get, "/api/v1/products/{slug}", Read, || {
        web::to(records::read::<Products>)
    })
    .doc(api::products::read_doc),
    rule(Patch, "/api/v1/products/{slug}", Curate, || {
        web::to(records::update::<Products>)
    })
    .doc(api::products::update_doc),
    rule(Delete, "/api/v1/products/{slug}", Curate, || {
        web::to(records::delete::<Products>)
    })
    .doc(api::products::delete_doc),
    rule(Get, "/api/v1/dependencies", Read, || {
        web::to(api::dependencies::list)
    })
    .doc(api::dependencies::list_doc),
    rule(Post, "/api/v1/vendors/{slug}/dependencies", Curate, || {
        web::to(records::create::<Dependencies>)
    })
    .doc(api::dependencies::create_doc),
    rule(Get, "/api/v1/dependencies/{id}", Read, || {
        web::to(records::read::<Dependencies>)
    })
    .doc(api::dependencies::read_doc),
    rule(Patch, "/api/v1/dependencies/{id}", Curate, || {
        web::to(records::update::<Dependencies>)
    })
    .doc(api::dependencies::update_doc),
    rule(Delete, "/api/v1/dependencies/{id}", Curate, || {
        web::to(records::delete::<Dependencies>)
    })
    .doc(api::dependencies::delete_doc),
    rule(Get, "/api/v1/scores", Read, || web::to(api::scores::list)).doc(api::scores::list_doc),
    rule(Get, "/api/v1/vendors/{slug}/score", Read, || {
        web::to(api::scores::vendor)
    })
    .doc(api::scores::vendor_doc),
    rule(Get, "/api/v1/products/{slug}/score", Read, || {
        web::to(api::scores::product)
    })
    .doc(api::scores::product_doc),
    rule(Get, "/api/v1/incidents", Read, || {
        web::to(api::incidents::list)
    })
    .doc(api::incidents::list_doc),
    rule(Post, "/api/v1/incidents", Curate, || {
        web::to(records::create::<Incidents>)
    })
    .doc(api::incidents::create_doc),
    rule(Get, "/api/v1/incidents/{slug}", Read, || {
        web::to(records::read::<Incidents>)
    })
    .doc(api::incidents::read_doc),
    rule(Patch, "/api/v1/incidents/{slug}", Curate, || {
        web::to(records::update::<Incidents>)
    })
    .doc(api::incidents::update_doc),
    rule(Delete, "/api/v1/incidents/{slug}", Curate, || {
        web::to(records::delete::<Incidents>)
    })
    .doc(api::incidents::delete_doc),
    rule(Get, "/api/v1/incidents/{slug}/timeline", Read, || {
        web::to(api::timeline::list)
    })
    .doc(api::timeline::list_doc),
    rule(Post, "/api/v1/incidents/{slug}/timeline", Curate, || {
        web::to(records::create::<TimelineEvents>)
    })
    .doc(api::timeline::create_doc),
    rule(Get, "/api/v1/timeline/{id}", Read, || {
        web::to(records::read::<TimelineEvents>)
    })
    .doc(api::timeline::read_doc),
    rule(Patch, "/api/v1/timeline/{id}", Curate, || {
        web::to(records::update::<TimelineEvents>)
    })
    .doc(api::timeline::update_doc),
    rule(Delete, "/api/v1/timeline/{id}", Curate, || {
        web::to(records::delete::<TimelineEvents>)
    })
    .doc(api::timeline::delete_doc),
    rule(Post, "/api/v1/incidents/{slug}/causes", Curate, || {
        web::to(records::create::<Causes>)
    })
    .doc(api::causes::create_doc),
    rule(Get, "/api/v1/causes/{id}", Read, || {
        web::to(records::read::<Causes>)
    })
    .doc(api::causes::read_doc),
    rule(Delete, "/api/v1/causes/{id}", Curate, || {
        web::to(records::delete::<Causes>)
    })
    .doc(api::causes::delete_doc),
    rule(Get, "/api/v1/remediations", Read, || {
        web::to(api::remediations::list)
    })
    .doc(api::remediations::list_doc),
    rule(
        Post,
        "/api/v1/incidents/{slug}/remediations",
        Curate,
        || web::to(records::create::<Remediations>),
    )
    .doc(api::remediations::create_doc),
    rule(Get, "/api/v1/remediations/{slug}", Read, || {
        web::to(records::read::<Remediations>)
    })
    .doc(api::remediations::read_doc),
    rule(Patch, "/api/v1/remediations/{slug}", Curate, || {
        web::to(records::update::<Remediations>)
    })
    .doc(api::remediations::update_doc),
    rule(Delete, "/api/v1/remediations/{slug}", Curate, || {
        web::to(records::delete::<Remediations>)
    })
    .doc(api::remediations::delete_doc),
    rule(Get, "/api/v1/vendors/{slug}/blast-radius", Read, || {
        web::to(blast::vendor_api)
    })
    .doc(blast::vendor_api_doc),
    rule(Get, "/api/v1/products/{slug}/blast-radius", Read, || {
        web::to(blast::product_api)
    })
    .doc(blast::product_api_doc),
    rule(Get, "/api/v1/incidents/{slug}/blast-radius", Read, || {
        web::to(blast::incident_api)
    })
    .doc(blast::incident_api_doc),
    rule(Get, "/api/v1/stix", Read, || web::to(crate::web::stix::kb)).doc(crate::web::stix::kb_doc),
    rule(Get, "/api/v1/vendors/{slug}/stix", Read, || {
        web::to(crate::web::stix::vendor)
    })
    .doc(crate::web::stix::vendor_doc),
    rule(Get, "/api/v1/incidents/{slug}/stix", Read, || {
        web::to(crate::web::stix::incident)
    })
    .doc(crate::web::stix::incident_doc),
    rule(Get, "/api/v1/concentration", Read, || {
        web::to(concentration::api)
    })
    .doc(concentration::api_doc),
    rule(Get, "/api/v1/recommendations", Read, || {
        web::to(recommendations::api_list)
    })
    .doc(recommendations::api_list_doc),
    rule(Get, "/api/v1/products/{slug}/recommendation", Read, || {
        web::to(recommendations::api_product)
    })
    .doc(recommendations::api_product_doc),
    rule(Get, "/api/v1/sources", Read, || web::to(api::sources::list)).doc(api::sources::list_doc),
    rule(Post, "/api/v1/sources", Curate, || {
        web::to(records::create::<Sources>)
    })
    .doc(api::sources::create_doc),
    rule(Get, "/api/v1/sources/{id}", Read, || {
        web::to(records::read::<Sources>)
    })
    .doc(api::sources::read_doc),
    rule(Patch, "/api/v1/sources/{id}", Curate, || {
        web::to(records::update::<Sources>)
    })
    .doc(api::sources::update_doc),
    rule(Delete, "/api/v1/sources/{id}", Curate, || {
        web::to(records::delete::<Sources>)
    })
    .doc(api::sources::delete_doc),
    rule(Post, "/api/v1/sources/{id}/citations", Curate, || {
        web::to(records::create::<Citations>)
    })
    .doc(api::citations::create_doc),
    rule(Get, "/api/v1/citations", Read, || {
        web::to(api::citations::list)
    })
    .doc(api::citations::list_doc),
    rule(Get, "/api/v1/citations/{id}", Read, || {
        web::to(records::read::<Citations>)
    })
    .doc(api::citations::read_doc),
    rule(Delete, "/api/v1/citations/{id}", Curate, || {
        web::to(records::delete::<Citations>)
    })
    .doc(api::citations::delete_doc),
    rule(Get, "/api/v1/analysts", Read, || {
        web::to(api::analysts::list)
    })
    .doc(api::analysts::list_doc),
    rule(Post, "/api/v1/analysts", Curate, || {
        web::to(records::create::<Analysts>)
    })
    .doc(api::analysts::create_doc),
    rule(Get, "/api/v1/analysts/{slug}", Read, || {
        web::to(records::read::<Analysts>)
    })
    .doc(api::analysts::read_doc),
    rule(Patch, "/api/v1/analysts/{slug}", Curate, || {
        web::to(records::update::<Analysts>)
    })
    .doc(api::analysts::update_doc),
    rule(Delete, "/api/v1/analysts/{slug}", Curate, || {
        web::to(records::delete::<Analysts>)
    })
    .doc(api::analysts::delete_doc),
    rule(Get, "/api/v1/analyst-firms", Read, || {
        web::to(api::analysts::firm_list)
    })
    .doc(api::analysts::firm_list_doc),
    rule(Post, "/api/v1/analyst-firms", Curate, || {
        web::to(records::create::<Firms>)
    })
    .doc(api::analysts::firm_create_doc),
    rule(Get, "/api/v1/analyst-firms/{slug}", Read, || {
        web::to(records::read::<Firms>)
    })
    .doc(api::analysts::firm_read_doc),
    rule(Patch, "/api/v1/analyst-firms/{slug}", Curate, || {
        web::to(records::update::<Firms>)
    })
    .doc(api::analysts::firm_update_doc),
    rule(Delete, "/api/v1/analyst-firms/{slug}", Curate, || {
        web::to(records::delete::<Firms>)
    })
    .doc(api::analysts::firm_delete_doc),
    rule(Get, "/api/v1/assessments", Read, || {
        web::to(api::assessments::list)
    })
    .doc(api::assessments::list_doc),
    rule(Post, "/api/v1/assessments", Curate, || {
        web::to(records::create::<Assessments>)
    })
    .doc(api::assessments::create_doc),
    rule(Get, "/api/v1/assessments/{slug}", Read, || {
        web::to(records::read::<Assessments>)
    })
    .doc(api::assessments::read_doc),
    rule(Patch, "/api/v1/assessments/{slug}", Curate, || {
        web::to(records::update::<Assessments>)
    })
    .doc(api::assessments::update_doc),
    rule(Delete, "/api/v1/assessments/{slug}", Curate, || {
        web::to(records::delete::<Assessments>)
    })
    .doc(api::assessments::delete_doc),
    rule(Get, "/api/v1/reviews", Read, || web::to(api::reviews::list)).doc(api::reviews::list_doc),
    rule(Post, "/api/v1/reviews", Permission::Review, || {
        web::to(api::reviews::open)
    })
    .doc(api::reviews::open_doc),
    rule(Get, "/api/v1/reviews/{id}", Read, || {
        web::to(api::reviews::read)
    })
    .doc(api::reviews::read_doc),
    rule(
        Post,
        "/api/v1/reviews/{id}/decision",
        Permission::Review,
        || web::to(api::reviews::decide),
    )
    .doc(api::reviews::decide_doc),
    rule(
        Post,
        "/api/v1/reviews/{id}/conditions/{cid}",
        Permission::Review,
        || web::to(api::reviews::condition),
    )
    .doc(api::reviews::condition_doc),
    rule(Get, "/api/v1/watchlists", Read, || {
        web::to(api::watchlists::list)
    })
    .doc(api::watchlists::list_doc),
    rule(Post, "/api/v1/watchlists", Read, || {
        web::to(api::watchlists::create)
    })
    .doc(api::watchlists::create_doc),
    rule(Get, "/api/v1/watchlists/{id}", Read, || {
        web::to(api::watchlists::read)
    })
    .doc(api::watchlists::read_doc),
    rule(Patch, "/api/v1/watchlists/{id}", Read, || {
        web::to(api::watchlists::update)
    })
    .doc(api::watchlists::update_doc),
    rule(Delete, "/api/v1/watchlists/{id}", Read, || {
        web::to(api::watchlists::delete)
    })
    .doc(api::watchlists::delete_doc),
    rule(Post, "/api/v1/watchlists/{id}/items", Read, || {
        web::to(api::watchlists::add_item_to)
    })
    .doc(api::watchlists::add_item_doc),
    rule(Delete, "/api/v1/watchlists/{id}/items/{item}", Read, || {
        web::to(api::watchlists::remove_item_from)
    })
    .doc(api::watchlists::remove_item_doc),
    rule(Post, "/api/v1/watchlists/{id}/rules", Read, || {
        web::to(api::watchlists::add_rule_to)
    })
    .doc(api::watchlists::add_rule_doc),
    rule(Delete, "/api/v1/watchlists/{id}/rules/{rule}", Read, || {
        web::to(api::watchlists::remove_rule_from)
    })
    .doc(api::watchlists::remove_rule_doc),
    rule(Get, "/api/v1/watchlists/{id}/deliveries", Read, || {
        web::to(api::deliveries::list)
    })
    .doc(api::deliveries::list_doc),
    rule(Get, "/api/v1/alerts", Read, || web::to(api::alerts::list)).doc(api::alerts::list_doc),
    rule(Post, "/api/v1/alerts/read", Read, || {
        web::to(api::alerts::mark_read)
    })
    .doc(api::alerts::mark_read_doc),
    rule(Get, "/api/v1/alerts/{id}", Read, || {
        web::to(api::alerts::read)
    })
    .doc(api::alerts::read_doc),
    rule(Patch, "/api/v1/alerts/{id}", Read, || {
        web::to(api::alerts::update)
    })
    .doc(api::alerts::update_doc),
    rule(Get, "/api/v1/search", Read, || web::to(search::api)).doc(search::api_doc),
    rule(Get, "/api/v1/audit", ReadAudit, || web::to(audit::api_list)).doc(audit::api_list_doc),
    rule(Get, "/api/v1/openapi.json", Public, || {
        web::to(api::openapi::json)
    }),
    rule(Get, "/api/v1/docs/{tail:.*}", Public, || {
        web::to(api::openapi::reference)
    }),
];
