//! The route table: pages, API, health check and assets, plus the 404 answers
//! (an HTML page, or a problem document under /api/).

use super::error::{error_page, problem};
use super::state::AppState;
use super::{api, assets, pages};
use actix_web::error::{JsonPayloadError, QueryPayloadError};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

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
    let message = format!("No page at {}", req.path());
    if req.path().starts_with("/api/") {
        problem(StatusCode::NOT_FOUND, message)
    } else {
        error_page(StatusCode::NOT_FOUND, message)
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

fn page_query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let detail = format!("Invalid query string: {err}");
    actix_web::error::InternalError::from_response(err, error_page(StatusCode::BAD_REQUEST, detail))
        .into()
}

/// Registers every route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .configure(assets::configure)
        .service(
            web::scope("/api/v1")
                .app_data(web::QueryConfig::default().error_handler(api_query_error))
                .app_data(
                    web::JsonConfig::default()
                        .limit(1 << 20)
                        .error_handler(api_json_error),
                )
                .route("/vendors", web::get().to(api::vendors))
                .route("/vendors/{slug}", web::get().to(api::vendor))
                .route("/incidents", web::get().to(api::incidents))
                .route("/incidents/{slug}", web::get().to(api::incident))
                .route("/sources", web::get().to(api::sources))
                .route("/sources/{id}", web::get().to(api::source))
                .default_service(web::to(not_found)),
        )
        .service(
            web::scope("")
                .app_data(web::QueryConfig::default().error_handler(page_query_error))
                .route("/", web::get().to(pages::index))
                .route("/vendors", web::get().to(pages::vendors))
                .route("/vendors/{slug}", web::get().to(pages::vendor))
                .route("/incidents", web::get().to(pages::incidents))
                .route("/incidents/{slug}", web::get().to(pages::incident))
                .route("/sources", web::get().to(pages::sources))
                .route("/sources/{id}", web::get().to(pages::source))
                .default_service(web::to(not_found)),
        );
}
