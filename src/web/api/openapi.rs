//! The OpenAPI 3.1 document of the API, built from the route table (every `/api/v1` route
//! describes itself there), and the reference page: Swagger UI's vendored files, no CDN.

use super::doc::{Answer, Op, path_parameter, query_parameter};
use crate::domain::accounts::Permission;
use crate::web::error::{ApiError, Problem, WebError};
use crate::web::routes::{ROUTES, RouteRule, Verb};
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem, Paths};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::response::{ResponseBuilder, ResponsesBuilder};
use utoipa::openapi::schema::{ComponentsBuilder, ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityRequirement, SecurityScheme};
use utoipa::openapi::tag::TagBuilder;
use utoipa::openapi::{
    ContentBuilder, Header, InfoBuilder, OpenApi, OpenApiBuilder, Ref, RefOr, Required,
};
use utoipa::{PartialSchema, ToSchema};

/// Where the document is served.
pub const DOCUMENT_PATH: &str = "/api/v1/openapi.json";

const ABOUT: &str = "Everything a person does in trustkb's pages, for other tools: vendors, \
products, dependencies, incidents with their involvements, timeline and causes, remediations, \
analysts and their assessments, sources and citations, procurement reviews, trust scores, \
recommendations, blast radius, search and the audit trail.\n\n\
Authenticate with an API token (`Authorization: Bearer tkb_...`, created on your account page); \
it acts with your role. Errors are RFC 9457 problem documents (`application/problem+json`) \
listing each wrong field under `errors`. A change or delete must send the `ETag` of the record \
it read as `If-Match` (428 without it, 412 when someone changed the record meanwhile). Lists \
take `limit` and either the `cursor` of the previous page's `next_cursor` or a `page` number.";

/// The API routes with their descriptions, in the table's order.
fn api_routes() -> impl Iterator<Item = (&'static RouteRule, Op)> {
    ROUTES
        .iter()
        .filter(|r| r.path.starts_with("/api/"))
        .filter_map(|r| r.doc.map(|doc| (r, doc())))
}

/// The document, built once.
pub fn document() -> &'static OpenApi {
    static DOCUMENT: LazyLock<OpenApi> = LazyLock::new(build);
    &DOCUMENT
}

fn build() -> OpenApi {
    let mut paths: BTreeMap<String, PathItem> = BTreeMap::new();
    let mut schemas = Vec::new();
    let mut tags: Vec<&'static str> = Vec::new();
    Problem::schemas(&mut schemas);
    schemas.push((Problem::name().into_owned(), Problem::schema()));
    for (rule, op) in api_routes() {
        if !tags.contains(&op.tag) {
            tags.push(op.tag);
        }
        schemas.extend(op.schemas.iter().cloned());
        let (path, operation) = operation(rule, op);
        let item = PathItem::new(method(rule.verb), operation);
        match paths.get_mut(&path) {
            Some(existing) => existing.merge_operations(item),
            None => {
                paths.insert(path, item);
            }
        }
    }
    let mut all_paths = Paths::new();
    for (path, item) in paths {
        all_paths.paths.insert(path, item);
    }
    let mut components = ComponentsBuilder::new().security_scheme(
        "token",
        SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
    );
    for (name, schema) in distinct(schemas) {
        components = components.schema(name, schema);
    }
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("trustkb API")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(ABOUT)),
        )
        .paths(all_paths)
        .components(Some(components.build()))
        .security(Some([SecurityRequirement::new(
            "token",
            Vec::<String>::new(),
        )]))
        .tags(Some(
            tags.into_iter().map(|t| TagBuilder::new().name(t).build()),
        ))
        .build()
}

/// The named schemas, each once. Two different types with one name (`CitationView` in two
/// modules) would make one describe the other's answers: each gets a numbered name, which
/// [`name_clashes`] reports so that a test can refuse it.
fn distinct(schemas: Vec<(String, RefOr<Schema>)>) -> Vec<(String, RefOr<Schema>)> {
    let mut kept: Vec<(String, RefOr<Schema>)> = Vec::new();
    for (name, schema) in schemas {
        if !kept.iter().any(|(n, s)| *n == name && *s == schema) {
            kept.push((name, schema));
        }
    }
    kept
}

/// The schema names that two different types claim.
pub fn name_clashes() -> Vec<String> {
    let mut schemas = Vec::new();
    for (_, op) in api_routes() {
        schemas.extend(op.schemas);
    }
    let kept = distinct(schemas);
    let mut clashes: Vec<String> = kept
        .iter()
        .enumerate()
        .filter(|(i, (name, _))| kept[..*i].iter().any(|(n, _)| n == name))
        .map(|(_, (name, _))| name.clone())
        .collect();
    clashes.dedup();
    clashes
}

fn method(verb: Verb) -> HttpMethod {
    match verb {
        Verb::Get => HttpMethod::Get,
        Verb::Post => HttpMethod::Post,
        Verb::Patch => HttpMethod::Patch,
        Verb::Delete => HttpMethod::Delete,
    }
}

/// The path's parameters (`{slug}`, `{id}`, `{tail:.*}`), by name.
fn path_parameters(path: &str) -> Vec<&str> {
    path.split('/')
        .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
        .map(|p| p.split(':').next().unwrap_or(p))
        .collect()
}

/// `getVendorsSlug`-like identifiers: the verb and the path's words.
fn operation_id(verb: Verb, path: &str) -> String {
    let verb = match verb {
        Verb::Get => "get",
        Verb::Post => "post",
        Verb::Patch => "patch",
        Verb::Delete => "delete",
    };
    let words = path
        .trim_start_matches("/api/v1/")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect::<String>();
    format!("{verb}{words}")
}

fn problem_response(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name(Problem::name())))
                .build(),
        )
        .build()
}

fn etag_header() -> Header {
    let mut header = Header::new(ObjectBuilder::new().schema_type(SchemaType::new(Type::String)));
    header.description = Some("The version of the record, for If-Match.".into());
    header
}

fn operation(rule: &RouteRule, op: Op) -> (String, utoipa::openapi::path::Operation) {
    let names = path_parameters(rule.path);
    let path = rule
        .path
        .split('/')
        .map(
            |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(p) => format!("{{{}}}", p.split(':').next().unwrap_or(p)),
                None => s.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("/");
    let mut builder = OperationBuilder::new()
        .tag(op.tag)
        .summary(Some(op.summary))
        .description(op.description)
        .operation_id(Some(operation_id(rule.verb, rule.path)));
    for name in &names {
        builder = builder.parameter(path_parameter(name));
    }
    for param in &op.params {
        builder = builder.parameter(query_parameter(param));
    }
    if op.if_match {
        builder = builder.parameter(
            utoipa::openapi::path::ParameterBuilder::new()
                .name("If-Match")
                .parameter_in(utoipa::openapi::path::ParameterIn::Header)
                .required(Required::True)
                .description(Some("The ETag of the record as read."))
                .schema(Some(
                    ObjectBuilder::new().schema_type(SchemaType::new(Type::String)),
                ))
                .build(),
        );
    }
    if let Some(body) = op.body {
        builder = builder.request_body(Some(
            RequestBodyBuilder::new()
                .required(Some(Required::True))
                .content(
                    "application/json",
                    ContentBuilder::new().schema(Some(body)).build(),
                )
                .build(),
        ));
    }
    let answer = match op.answer {
        Answer::Json(status, schema) => {
            let mut response = ResponseBuilder::new().description("Success.").content(
                "application/json",
                ContentBuilder::new().schema(Some(*schema)).build(),
            );
            if op.etag {
                response = response.header("ETag", etag_header());
            }
            if status == 201 {
                response = response.header(
                    "Location",
                    Header::new(ObjectBuilder::new().schema_type(SchemaType::new(Type::String))),
                );
            }
            (status.to_string(), response.build())
        }
        Answer::NoContent => (
            "204".to_owned(),
            ResponseBuilder::new()
                .description("Done; no content.")
                .build(),
        ),
        Answer::Media(media_type, about) => (
            "200".to_owned(),
            ResponseBuilder::new()
                .description(about)
                .content(
                    media_type,
                    ContentBuilder::new()
                        .schema(Some(ObjectBuilder::new().schema_type(SchemaType::AnyValue)))
                        .build(),
                )
                .build(),
        ),
    };
    let mut responses = ResponsesBuilder::new()
        .response(answer.0, answer.1)
        .response(
            "default",
            problem_response("A problem: what was wrong, and each wrong field."),
        );
    if rule.permission != Permission::Public {
        responses = responses
            .response("401", problem_response("No valid API token."))
            .response("403", problem_response("The token's role may not do this."));
    }
    builder = builder.responses(responses.build());
    if rule.permission == Permission::Public {
        builder = builder.securities(Some(Vec::<SecurityRequirement>::new()));
    }
    (path, builder.build())
}

/// `GET /api/v1/openapi.json`.
pub async fn json() -> HttpResponse {
    HttpResponse::Ok().json(document())
}

/// `GET /api/v1/docs/{tail}`: the reference page and its files.
pub async fn reference(tail: web::Path<String>) -> Result<HttpResponse, ApiError> {
    static CONFIG: LazyLock<Arc<utoipa_swagger_ui::Config<'static>>> = LazyLock::new(|| {
        Arc::new(
            utoipa_swagger_ui::Config::new([DOCUMENT_PATH])
                .persist_authorization(false)
                .try_it_out_enabled(true),
        )
    });
    let tail = tail.into_inner();
    if tail.is_empty() {
        return Ok(HttpResponse::Found()
            .insert_header((header::LOCATION, "/api/v1/docs/index.html"))
            .finish());
    }
    match utoipa_swagger_ui::serve(&tail, CONFIG.clone()) {
        Ok(Some(file)) => Ok(HttpResponse::Ok()
            .content_type(file.content_type)
            .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
            .body(file.bytes.into_owned())),
        Ok(None) => Err(WebError::NotFound(format!("no file {tail} in the API reference")).into()),
        Err(e) => Err(WebError::Internal(format!("cannot serve the API reference: {e}")).into()),
    }
}
