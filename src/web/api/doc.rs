//! How each API route describes itself for the OpenAPI document: its summary, the query
//! parameters it checks, its body and its answer, kept next to the route in the route table.

use super::params::{Kind, Param};
use utoipa::ToSchema;
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{
    ArrayBuilder, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{KnownFormat, Ref, RefOr, Required};

/// What a route answers when it succeeds.
#[derive(Clone)]
pub enum Answer {
    /// A JSON document of this schema, with this status.
    Json(u16, Box<RefOr<Schema>>),
    /// Nothing (204).
    NoContent,
    /// Another media type (a STIX bundle, ...), described in words.
    Media(&'static str, &'static str),
}

/// One API operation as the OpenAPI document shows it.
#[derive(Clone)]
pub struct Op {
    pub tag: &'static str,
    pub summary: &'static str,
    pub description: Option<&'static str>,
    pub params: Vec<Param>,
    pub body: Option<RefOr<Schema>>,
    pub answer: Answer,
    /// The answer carries the record's `ETag`.
    pub etag: bool,
    /// The request must carry `If-Match` (428 without, 412 when stale).
    pub if_match: bool,
    /// Named schemas the operation refers to, for the document's components.
    pub schemas: Vec<(String, RefOr<Schema>)>,
}

impl Op {
    pub fn new(tag: &'static str, summary: &'static str) -> Op {
        Op {
            tag,
            summary,
            description: None,
            params: Vec::new(),
            body: None,
            answer: Answer::NoContent,
            etag: false,
            if_match: false,
            schemas: Vec::new(),
        }
    }

    pub fn describe(mut self, description: &'static str) -> Op {
        self.description = Some(description);
        self
    }

    /// The query parameters, as the handler checks them.
    pub fn params(mut self, lists: &[&[Param]]) -> Op {
        self.params = lists.iter().flat_map(|l| l.iter().copied()).collect();
        self
    }

    /// A JSON body of `T`'s schema.
    pub fn body<T: ToSchema>(mut self) -> Op {
        self.body = Some(self.reference::<T>());
        self
    }

    /// Answers `status` with a `T`.
    pub fn returns<T: ToSchema>(mut self, status: u16) -> Op {
        self.answer = Answer::Json(status, Box::new(self.reference::<T>()));
        self
    }

    /// Answers 200 with a JSON array of `T`.
    pub fn returns_array<T: ToSchema>(mut self) -> Op {
        let items = self.reference::<T>();
        self.answer = Answer::Json(
            200,
            Box::new(ArrayBuilder::new().items(items).build().into()),
        );
        self
    }

    /// Answers 200 with one page of a list of `T`.
    pub fn returns_page<T: ToSchema>(mut self) -> Op {
        let items = self.reference::<T>();
        self.answer = Answer::Json(200, Box::new(page_schema(items)));
        self
    }

    /// Answers 204, no body.
    pub fn no_content(mut self) -> Op {
        self.answer = Answer::NoContent;
        self
    }

    /// Answers 200 with a document of another media type.
    pub fn media(mut self, media_type: &'static str, about: &'static str) -> Op {
        self.answer = Answer::Media(media_type, about);
        self
    }

    /// The answer carries an `ETag`.
    pub fn etag(mut self) -> Op {
        self.etag = true;
        self
    }

    /// The request must name the stored version in `If-Match`.
    pub fn if_match(mut self) -> Op {
        self.if_match = true;
        self
    }

    /// A reference to `T`'s schema, noting `T` and what it refers to as components.
    fn reference<T: ToSchema>(&mut self) -> RefOr<Schema> {
        T::schemas(&mut self.schemas);
        let name = T::name().into_owned();
        self.schemas.push((name.clone(), T::schema()));
        Ref::from_schema_name(name).into()
    }
}

/// `{items, total, limit, offset, next_cursor}` around `items`.
fn page_schema(items: RefOr<Schema>) -> RefOr<Schema> {
    let integer = || ObjectBuilder::new().schema_type(SchemaType::new(Type::Integer));
    ObjectBuilder::new()
        .property("items", ArrayBuilder::new().items(items))
        .property("total", integer().minimum(Some(0.0)))
        .property("limit", integer().minimum(Some(1.0)))
        .property("offset", integer().minimum(Some(0.0)))
        .property(
            "next_cursor",
            ObjectBuilder::new()
                .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
                .description(Some("The cursor of the next page; null on the last.")),
        )
        .required("items")
        .required("total")
        .required("limit")
        .required("offset")
        .required("next_cursor")
        .into()
}

/// A query parameter as the document shows it.
pub fn query_parameter(param: &Param) -> Parameter {
    let schema = ObjectBuilder::new();
    let schema = match param.kind {
        Kind::Text => schema.schema_type(SchemaType::new(Type::String)),
        Kind::Integer { min, max } => schema
            .schema_type(SchemaType::new(Type::Integer))
            .minimum(Some(min as f64))
            .maximum(Some(max as f64)),
        Kind::Date => schema
            .schema_type(SchemaType::new(Type::String))
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))),
        Kind::Choice(values) => schema
            .schema_type(SchemaType::new(Type::String))
            .enum_values(Some(values.iter().copied())),
    };
    ParameterBuilder::new()
        .name(param.name)
        .parameter_in(ParameterIn::Query)
        .required(Required::False)
        .description(Some(param.about))
        .schema(Some(schema))
        .build()
}

/// A path parameter (`slug`, `id`, ...): a non-empty string.
pub fn path_parameter(name: &str) -> Parameter {
    let about = match name {
        "slug" => "The record's identifier (lower-case letters, digits, hyphens).",
        _ => "The record's number.",
    };
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Path)
        .required(Required::True)
        .description(Some(about))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(SchemaType::new(Type::String))
                .min_length(Some(1)),
        ))
        .build()
}
