//! The route table: every route with the permission it requires (pages, API, health check,
//! assets), registered from that one table, plus the 404 answers (a page, or a problem).

use super::error::{error_page, problem};
use super::state::AppState;
use super::{
    access, account, admin, api, assets, audit, audit_csv, blast, compare, concentration, curate,
    curation, exports, language, login, pages, recommendations, report, search,
};
use crate::domain::accounts::Permission;
use actix_web::error::{JsonPayloadError, QueryPayloadError, UrlencodedError};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, Route, web};

/// `GET /healthz`: 200 when the database answers.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let backend = state.backend;
    match state
        .run(|c| {
            use diesel::connection::SimpleConnection;
            c.batch_execute("SELECT 1")
                .map_err(crate::store::StoreError::from)
        })
        .await
    {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({"status": "ok", "database": backend})),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            HttpResponse::ServiceUnavailable()
                .json(serde_json::json!({"status": "unavailable", "database": backend}))
        }
    }
}

async fn not_found(req: HttpRequest) -> HttpResponse {
    if req.path().starts_with("/api/") {
        problem(StatusCode::NOT_FOUND, format!("No page at {}", req.path()))
    } else {
        let message = crate::i18n::Message::new("error-no-page").with("path", req.path());
        let nav = super::identity::Nav::for_request(&req, None);
        super::error::error_page_for(&nav, StatusCode::NOT_FOUND, message)
    }
}

fn api_query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let detail = format!("invalid query string: {err}");
    actix_web::error::InternalError::from_response(err, problem(StatusCode::BAD_REQUEST, detail))
        .into()
}

fn api_json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let detail = format!("invalid JSON body: {err}");
    actix_web::error::InternalError::from_response(err, problem(StatusCode::BAD_REQUEST, detail))
        .into()
}

fn page_form_error(err: UrlencodedError, _req: &HttpRequest) -> actix_web::Error {
    let detail = format!("Invalid form: {err}");
    actix_web::error::InternalError::from_response(err, error_page(StatusCode::BAD_REQUEST, detail))
        .into()
}

fn page_query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let detail = format!("Invalid query string: {err}");
    actix_web::error::InternalError::from_response(err, error_page(StatusCode::BAD_REQUEST, detail))
        .into()
}

/// An HTTP method a route answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
    Patch,
}

impl Verb {
    pub fn method(self) -> Method {
        match self {
            Verb::Get => Method::GET,
            Verb::Post => Method::POST,
            Verb::Patch => Method::PATCH,
        }
    }
}

/// Who checks the CSRF token of a state-changing page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Csrf {
    /// The access gate, before the handler runs.
    Gate,
    /// The handler, for a multipart upload (its token is a field of a body too large for the
    /// gate to read): the gate leaves `access::CsrfCheck::Pending`, and the handler refuses
    /// the form unless it carries the token before its file (`tests/access.rs` checks it).
    Handler,
}

/// One route: method, path pattern, the permission it requires, and its handler.
pub struct RouteRule {
    pub verb: Verb,
    pub path: &'static str,
    pub permission: Permission,
    pub handler: fn() -> Route,
    pub csrf: Csrf,
}

const fn rule(
    verb: Verb,
    path: &'static str,
    permission: Permission,
    handler: fn() -> Route,
) -> RouteRule {
    RouteRule {
        verb,
        path,
        permission,
        handler,
        csrf: Csrf::Gate,
    }
}

impl RouteRule {
    /// The route's handler checks the CSRF token of a multipart upload (see [`Csrf`]).
    const fn csrf_in_handler(self) -> RouteRule {
        RouteRule {
            csrf: Csrf::Handler,
            ..self
        }
    }
}

use Permission::{Administer, Curate, Public, Read, ReadAudit, Session};
use Verb::{Get, Patch, Post};

/// Every route of the application. Routes are registered from this table only, so a route
/// cannot exist without its rule; `tests/access.rs` checks each one for every role.
pub static ROUTES: &[RouteRule] = &[
    rule(Get, "/healthz", Public, || web::to(healthz)),
    rule(Get, "/static/app.css", Public, || {
        web::to(assets::stylesheet)
    }),
    rule(Get, "/language/{code}", Public, || {
        web::to(language::switch)
    }),
    rule(Get, "/login", Public, || web::to(login::form)),
    rule(Post, "/login", Public, || web::to(login::sign_in)),
    rule(Post, "/logout", Session, || web::to(login::sign_out)),
    rule(Get, "/account/password", Session, || {
        web::to(account::password_form)
    }),
    rule(Post, "/account/password", Session, || {
        web::to(account::change_password)
    }),
    rule(Get, "/account", Read, || web::to(account::show)),
    rule(Post, "/account/tokens", Read, || web::to(account::create)),
    rule(Post, "/account/tokens/{id}/revoke", Read, || {
        web::to(account::revoke)
    }),
    rule(Get, "/admin/users", Administer, || web::to(admin::list)),
    rule(Post, "/admin/users", Administer, || web::to(admin::add)),
    rule(Post, "/admin/users/{id}/role", Administer, || {
        web::to(admin::change_role)
    }),
    rule(Post, "/admin/users/{id}/disable", Administer, || {
        web::to(admin::disable)
    }),
    rule(Post, "/admin/users/{id}/enable", Administer, || {
        web::to(admin::enable)
    }),
    rule(Post, "/admin/users/{id}/reset-password", Administer, || {
        web::to(admin::reset_password)
    }),
    rule(Get, "/", Read, || web::to(pages::index)),
    rule(Get, "/reviews", Read, || {
        web::to(super::reviews::list::list)
    }),
    rule(Get, "/reviews/new", Permission::Review, || {
        web::to(super::reviews::open::form)
    }),
    rule(Post, "/reviews/new", Permission::Review, || {
        web::to(super::reviews::open::submit)
    }),
    rule(Get, "/reviews/{id}", Read, || {
        web::to(super::reviews::show::page)
    }),
    rule(Get, "/reviews/{id}/report.pdf", Read, || {
        web::to(super::reviews::pdf::pdf)
    }),
    rule(Post, "/reviews/{id}/decision", Permission::Review, || {
        web::to(super::reviews::decide::submit)
    }),
    rule(
        Post,
        "/reviews/{id}/conditions/{cid}",
        Permission::Review,
        || web::to(super::reviews::condition::submit),
    ),
    rule(Get, "/imports", Curate, || web::to(super::imports::form)),
    rule(Post, "/imports", Curate, || web::to(super::imports::submit)).csrf_in_handler(),
    rule(Get, "/imports/template.xlsx", Curate, || {
        web::to(super::imports::template_xlsx)
    }),
    rule(Get, "/imports/template/{table}.csv", Curate, || {
        web::to(super::imports::template_csv)
    }),
    rule(Get, "/vendors", Read, || web::to(pages::vendors)),
    rule(Get, "/vendors/new", Curate, || {
        web::to(curation::vendor_new::form)
    }),
    rule(Post, "/vendors/new", Curate, || {
        web::to(curation::vendor_new::submit)
    }),
    rule(Get, "/vendors/{slug}", Read, || web::to(pages::vendor)),
    rule(Get, "/vendors/{slug}/report", Read, || {
        web::to(report::page)
    }),
    rule(Get, "/vendors/{slug}/report.pdf", Read, || {
        web::to(report::pdf)
    }),
    rule(Get, "/vendors/{slug}/products/new", Curate, || {
        web::to(curation::product_new::form)
    }),
    rule(Post, "/vendors/{slug}/products/new", Curate, || {
        web::to(curation::product_new::submit)
    }),
    rule(Get, "/vendors/{slug}/delete", Curate, || {
        web::to(curation::delete::vendor_confirm)
    }),
    rule(Post, "/vendors/{slug}/delete", Curate, || {
        web::to(curation::delete::vendor_delete)
    }),
    rule(Get, "/products/{slug}/delete", Curate, || {
        web::to(curation::delete::product_confirm)
    }),
    rule(Post, "/products/{slug}/delete", Curate, || {
        web::to(curation::delete::product_delete)
    }),
    rule(Get, "/vendors/{slug}/edit", Curate, || {
        web::to(curate::edit_form)
    }),
    rule(Post, "/vendors/{slug}/edit", Curate, || {
        web::to(curate::edit_submit)
    }),
    rule(Get, "/incidents", Read, || web::to(pages::incidents)),
    rule(Get, "/incidents/new", Curate, || {
        web::to(curation::incident_new::form)
    }),
    rule(Post, "/incidents/new", Curate, || {
        web::to(curation::incident_new::submit)
    }),
    rule(Get, "/incidents/{slug}", Read, || web::to(pages::incident)),
    rule(Get, "/incidents/{slug}/remediations/new", Curate, || {
        web::to(curation::remediation_new::form)
    }),
    rule(Post, "/incidents/{slug}/remediations/new", Curate, || {
        web::to(curation::remediation_new::submit)
    }),
    rule(Get, "/incidents/{slug}/edit", Curate, || {
        web::to(curation::incident_edit::edit_form)
    }),
    rule(Post, "/incidents/{slug}/edit", Curate, || {
        web::to(curation::incident_edit::edit_submit)
    }),
    rule(Get, "/incidents/{slug}/delete", Curate, || {
        web::to(curation::incident_edit::delete_confirm)
    }),
    rule(Post, "/incidents/{slug}/delete", Curate, || {
        web::to(curation::incident_edit::delete_submit)
    }),
    rule(Get, "/remediations/{slug}/edit", Curate, || {
        web::to(curation::remediation_edit::edit_form)
    }),
    rule(Post, "/remediations/{slug}/edit", Curate, || {
        web::to(curation::remediation_edit::edit_submit)
    }),
    rule(Get, "/remediations/{slug}/delete", Curate, || {
        web::to(curation::remediation_edit::delete_confirm)
    }),
    rule(Post, "/remediations/{slug}/delete", Curate, || {
        web::to(curation::remediation_edit::delete_submit)
    }),
    rule(Get, "/products/{slug}/edit", Curate, || {
        web::to(curation::product_edit::edit_form)
    }),
    rule(Post, "/products/{slug}/edit", Curate, || {
        web::to(curation::product_edit::edit_submit)
    }),
    rule(Get, "/vendors/{slug}/dependencies/new", Curate, || {
        web::to(curation::dependency_form::new_form)
    }),
    rule(Post, "/vendors/{slug}/dependencies/new", Curate, || {
        web::to(curation::dependency_form::new_submit)
    }),
    rule(Get, "/dependencies/{id}/edit", Curate, || {
        web::to(curation::dependency_form::edit_form)
    }),
    rule(Post, "/dependencies/{id}/edit", Curate, || {
        web::to(curation::dependency_form::edit_submit)
    }),
    rule(Get, "/dependencies/{id}/delete", Curate, || {
        web::to(curation::record_delete::dependency_confirm)
    }),
    rule(Post, "/dependencies/{id}/delete", Curate, || {
        web::to(curation::record_delete::dependency_delete)
    }),
    rule(Get, "/analysts", Read, || web::to(curation::analysts::list)),
    rule(Get, "/analysts/new", Curate, || {
        web::to(curation::analyst_form::new_form)
    }),
    rule(Post, "/analysts/new", Curate, || {
        web::to(curation::analyst_form::new_submit)
    }),
    rule(Get, "/analysts/{slug}/edit", Curate, || {
        web::to(curation::analyst_form::edit_form)
    }),
    rule(Post, "/analysts/{slug}/edit", Curate, || {
        web::to(curation::analyst_form::edit_submit)
    }),
    rule(Get, "/analysts/{slug}/delete", Curate, || {
        web::to(curation::record_delete::analyst_confirm)
    }),
    rule(Post, "/analysts/{slug}/delete", Curate, || {
        web::to(curation::record_delete::analyst_delete)
    }),
    rule(Get, "/analyst-firms/new", Curate, || {
        web::to(curation::firm_form::new_form)
    }),
    rule(Post, "/analyst-firms/new", Curate, || {
        web::to(curation::firm_form::new_submit)
    }),
    rule(Get, "/analyst-firms/{slug}/edit", Curate, || {
        web::to(curation::firm_form::edit_form)
    }),
    rule(Post, "/analyst-firms/{slug}/edit", Curate, || {
        web::to(curation::firm_form::edit_submit)
    }),
    rule(Get, "/analyst-firms/{slug}/delete", Curate, || {
        web::to(curation::record_delete::firm_confirm)
    }),
    rule(Post, "/analyst-firms/{slug}/delete", Curate, || {
        web::to(curation::record_delete::firm_delete)
    }),
    rule(Get, "/assessments/new", Curate, || {
        web::to(curation::assessment_form::new_form)
    }),
    rule(Post, "/assessments/new", Curate, || {
        web::to(curation::assessment_form::new_submit)
    }),
    rule(Get, "/assessments/{slug}/edit", Curate, || {
        web::to(curation::assessment_form::edit_form)
    }),
    rule(Post, "/assessments/{slug}/edit", Curate, || {
        web::to(curation::assessment_form::edit_submit)
    }),
    rule(Get, "/assessments/{slug}/delete", Curate, || {
        web::to(curation::record_delete::assessment_confirm)
    }),
    rule(Post, "/assessments/{slug}/delete", Curate, || {
        web::to(curation::record_delete::assessment_delete)
    }),
    rule(Get, "/score-changes/{id}", Read, || {
        web::to(curation::score_report::show)
    }),
    rule(Get, "/vendors/{slug}/blast-radius", Read, || {
        web::to(blast::vendor_page)
    }),
    rule(Get, "/products/{slug}/blast-radius", Read, || {
        web::to(blast::product_page)
    }),
    rule(Get, "/incidents/{slug}/blast-radius", Read, || {
        web::to(blast::incident_page)
    }),
    rule(Get, "/concentration", Read, || web::to(concentration::page)),
    rule(Get, "/exports/portfolio.xlsx", Read, || {
        web::to(exports::portfolio_xlsx)
    }),
    rule(Get, "/exports/vendors.csv", Read, || {
        web::to(exports::vendors_csv)
    }),
    rule(Get, "/exports/products.csv", Read, || {
        web::to(exports::products_csv)
    }),
    rule(Get, "/exports/incidents.csv", Read, || {
        web::to(exports::incidents_csv)
    }),
    rule(Get, "/recommendations", Read, || {
        web::to(recommendations::page_list)
    }),
    rule(Get, "/products/{slug}/recommendation", Read, || {
        web::to(recommendations::page_product)
    }),
    rule(Get, "/sources", Read, || web::to(pages::sources)),
    rule(Get, "/sources/new", Curate, || {
        web::to(curation::source_form::new_form)
    }),
    rule(Post, "/sources/new", Curate, || {
        web::to(curation::source_form::new_submit)
    }),
    rule(Get, "/sources/{id}", Read, || web::to(pages::source)),
    rule(Get, "/sources/{id}/edit", Curate, || {
        web::to(curation::source_form::edit_form)
    }),
    rule(Post, "/sources/{id}/edit", Curate, || {
        web::to(curation::source_form::edit_submit)
    }),
    rule(Get, "/sources/{id}/delete", Curate, || {
        web::to(curation::removal::source_confirm)
    }),
    rule(Post, "/sources/{id}/delete", Curate, || {
        web::to(curation::removal::source_delete)
    }),
    rule(Get, "/sources/{id}/citations/new", Curate, || {
        web::to(curation::citation_new::form)
    }),
    rule(Post, "/sources/{id}/citations/new", Curate, || {
        web::to(curation::citation_new::submit)
    }),
    rule(Get, "/citations/new", Curate, || {
        web::to(curation::citation_new::choose)
    }),
    rule(Post, "/citations/{id}/delete", Curate, || {
        web::to(curation::citation_new::delete)
    }),
    rule(Get, "/incidents/{slug}/timeline/new", Curate, || {
        web::to(curation::timeline_form::new_form)
    }),
    rule(Post, "/incidents/{slug}/timeline/new", Curate, || {
        web::to(curation::timeline_form::new_submit)
    }),
    rule(Get, "/timeline/{id}/edit", Curate, || {
        web::to(curation::timeline_form::edit_form)
    }),
    rule(Post, "/timeline/{id}/edit", Curate, || {
        web::to(curation::timeline_form::edit_submit)
    }),
    rule(Get, "/timeline/{id}/delete", Curate, || {
        web::to(curation::removal::event_confirm)
    }),
    rule(Post, "/timeline/{id}/delete", Curate, || {
        web::to(curation::removal::event_delete)
    }),
    rule(Get, "/incidents/{slug}/causes/new", Curate, || {
        web::to(curation::cause_new::form)
    }),
    rule(Post, "/incidents/{slug}/causes/new", Curate, || {
        web::to(curation::cause_new::submit)
    }),
    rule(Get, "/causes/{id}/delete", Curate, || {
        web::to(curation::removal::link_confirm)
    }),
    rule(Post, "/causes/{id}/delete", Curate, || {
        web::to(curation::removal::link_delete)
    }),
    rule(Get, "/search", Read, || web::to(search::page)),
    rule(Get, "/compare", Read, || web::to(compare::page)),
    rule(Get, "/audit", ReadAudit, || web::to(audit::page)),
    rule(Get, "/audit.csv", ReadAudit, || web::to(audit_csv::csv)),
    rule(Get, "/api/v1/me", Read, || web::to(api::me)),
    rule(Get, "/api/v1/vendors", Read, || web::to(api::vendors)),
    rule(Get, "/api/v1/vendors/{slug}", Read, || web::to(api::vendor)),
    rule(Patch, "/api/v1/vendors/{slug}", Curate, || {
        web::to(curate::api_patch_vendor)
    }),
    rule(Get, "/api/v1/incidents", Read, || web::to(api::incidents)),
    rule(Get, "/api/v1/incidents/{slug}", Read, || {
        web::to(api::incident)
    }),
    rule(Get, "/api/v1/vendors/{slug}/blast-radius", Read, || {
        web::to(blast::vendor_api)
    }),
    rule(Get, "/api/v1/products/{slug}/blast-radius", Read, || {
        web::to(blast::product_api)
    }),
    rule(Get, "/api/v1/incidents/{slug}/blast-radius", Read, || {
        web::to(blast::incident_api)
    }),
    rule(Get, "/api/v1/stix", Read, || web::to(super::stix::kb)),
    rule(Get, "/api/v1/vendors/{slug}/stix", Read, || {
        web::to(super::stix::vendor)
    }),
    rule(Get, "/api/v1/incidents/{slug}/stix", Read, || {
        web::to(super::stix::incident)
    }),
    rule(Get, "/api/v1/concentration", Read, || {
        web::to(concentration::api)
    }),
    rule(Get, "/api/v1/recommendations", Read, || {
        web::to(recommendations::api_list)
    }),
    rule(Get, "/api/v1/products/{slug}/recommendation", Read, || {
        web::to(recommendations::api_product)
    }),
    rule(Get, "/api/v1/sources", Read, || web::to(api::sources)),
    rule(Get, "/api/v1/sources/{id}", Read, || web::to(api::source)),
    rule(Get, "/api/v1/search", Read, || web::to(search::api)),
    rule(Get, "/api/v1/audit", ReadAudit, || web::to(audit::api_list)),
];

/// The rule for a request's method and matched path pattern.
pub fn rule_for(method: &Method, pattern: &str) -> Option<&'static RouteRule> {
    ROUTES
        .iter()
        .find(|r| r.path == pattern && r.verb.method() == *method)
}

/// Registers every route in [`ROUTES`], one resource per path, with the error handlers of
/// the API or of the pages.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let mut paths: Vec<&'static str> = Vec::new();
    for r in ROUTES {
        if !paths.contains(&r.path) {
            paths.push(r.path);
        }
    }
    for path in paths {
        let mut resource = web::resource(path);
        resource = if path.starts_with("/api/") {
            resource
                .app_data(web::QueryConfig::default().error_handler(api_query_error))
                .app_data(
                    web::JsonConfig::default()
                        .limit(1 << 20)
                        .error_handler(api_json_error),
                )
        } else {
            resource
                .app_data(web::QueryConfig::default().error_handler(page_query_error))
                .app_data(
                    web::FormConfig::default()
                        .limit(access::FORM_LIMIT)
                        .error_handler(page_form_error),
                )
        };
        for r in ROUTES.iter().filter(|r| r.path == path) {
            resource = resource.route((r.handler)().method(r.verb.method()));
        }
        cfg.service(resource);
    }
    cfg.default_service(web::to(not_found));
}
