//! OpenAPI schemas of the domain's own value types (vocabularies, checked strings, bounded
//! numbers, partial dates), so the API document describes exactly what the JSON carries.

use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::{RefOr, schema::SchemaFormat};

/// A string that is one of `values`.
pub fn string_enum_schema(values: &[&str]) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .enum_values(Some(values.iter().copied()))
        .into()
}

/// A string.
pub fn string_schema() -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .into()
}

/// An integer within `min..=max`.
pub fn integer_schema(min: i64, max: i64) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::Integer))
        .minimum(Some(min as f64))
        .maximum(Some(max as f64))
        .into()
}

/// A date known to the day, month or year: `2021-01-06`, `2021-01` or `2021`.
impl utoipa::PartialSchema for super::dates::PartialDate {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::String))
            .format(Some(SchemaFormat::Custom("partial-date".into())))
            .pattern(Some(r"^\d{4}(-\d{2}(-\d{2})?)?$"))
            .description(Some(
                "A date at its precision: YYYY-MM-DD, YYYY-MM or YYYY.",
            ))
            .into()
    }
}

impl utoipa::ToSchema for super::dates::PartialDate {}
