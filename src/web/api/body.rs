//! Request bodies of the JSON API: the media type (415), the size limit (413), a JSON object
//! (400), laid key by key over a browser form so that the API validates exactly as the UI.

use super::super::curate::FieldErrors;
use super::super::error::{ApiError, WebError};
use crate::i18n::Message;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::web::BytesMut;
use actix_web::{FromRequest, HttpMessage, HttpRequest, mime};
use futures_util::StreamExt;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{Schema, SchemaType, Type};

/// The largest JSON body the API reads (1 MiB).
pub const JSON_LIMIT: usize = 1 << 20;

/// A request body that is a JSON object.
#[derive(Debug, Default)]
pub struct JsonObject(pub Map<String, Value>);

impl FromRequest for JsonObject {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let checked = media_type(req).and_then(|()| declared_length(req));
        let mut payload = payload.take();
        Box::pin(async move {
            checked?;
            let mut body = BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk
                    .map_err(|e| WebError::BadRequest(format!("cannot read the body: {e}")))?;
                if body.len() + chunk.len() > JSON_LIMIT {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            JsonObject::parse(&body)
        })
    }
}

impl JsonObject {
    /// The body as a JSON object: malformed JSON or any other JSON value is a 400.
    pub fn parse(body: &[u8]) -> Result<JsonObject, ApiError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Err(
                WebError::BadRequest("the body is empty; send a JSON object".into()).into(),
            );
        }
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(map)) => Ok(JsonObject(map)),
            Ok(_) => Err(WebError::BadRequest("the body must be a JSON object".into()).into()),
            Err(e) => Err(WebError::BadRequest(format!("malformed JSON: {e}")).into()),
        }
    }
}

fn too_large() -> ApiError {
    WebError::PayloadTooLarge(format!(
        "the body is larger than the API's limit of {JSON_LIMIT} bytes"
    ))
    .into()
}

/// `application/json` or a `+json` type; anything else, or none, is a 415.
fn media_type(req: &HttpRequest) -> Result<(), ApiError> {
    let refused = |what: String| -> ApiError {
        WebError::UnsupportedMediaType(format!("{what}; send the body as application/json")).into()
    };
    match req.mime_type() {
        Ok(Some(mime))
            if mime.type_() == mime::APPLICATION
                && (mime.subtype() == mime::JSON || mime.suffix() == Some(mime::JSON)) =>
        {
            Ok(())
        }
        Ok(Some(mime)) => Err(refused(format!("the body is {mime}"))),
        Ok(None) => Err(refused("the body has no Content-Type".into())),
        Err(_) => Err(refused("the Content-Type cannot be read".into())),
    }
}

/// A `Content-Length` over the limit is refused before anything is read.
fn declared_length(req: &HttpRequest) -> Result<(), ApiError> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(length) if length > JSON_LIMIT as u64 => Err(too_large()),
        _ => Ok(()),
    }
}

/// Lays the body's fields over `base` (a form as the browser would send it, empty for a
/// new record, filled with the stored values for an update). Each key must be a field of
/// the form, of a JSON type the form's schema names: a string (an empty one clears an
/// optional field), a number or a boolean where the schema says so, an array of strings
/// for a list. Every wrong key is reported at once.
///
/// Answers the form with the keys that fit laid over, and the message of each key that did
/// not: the caller checks the form too, so that every wrong field is reported at once.
pub fn overlay<F: Serialize + DeserializeOwned + ToSchema>(
    base: &F,
    body: &JsonObject,
) -> Result<(F, FieldErrors), ApiError> {
    let Ok(Value::Object(mut fields)) = serde_json::to_value(base) else {
        return Err(WebError::Internal("a form is not a JSON object".into()).into());
    };
    let types = field_types(&F::schema());
    let known: Vec<String> = fields.keys().cloned().collect();
    let mut errors = FieldErrors::default();
    for (key, value) in &body.0 {
        let Some(slot) = fields.get_mut(key) else {
            let message = Message::new("api-field-unknown").with("known", known.join(", "));
            errors.add_named(key.clone(), message);
            continue;
        };
        let accepted = types.get(key).map_or(&[Type::String][..], Vec::as_slice);
        match form_value(slot, value, accepted) {
            Ok(v) => *slot = v,
            Err(message) => errors.add_named(key.clone(), message),
        }
    }
    let form = serde_json::from_value(Value::Object(fields))
        .map_err(|e| WebError::Internal(format!("a form cannot be read back: {e}")))?;
    Ok((form, errors))
}

/// The outcome of checking a form whose body also had keys that did not fit: those keys'
/// messages come first, then the form's own about the other fields (a key of the wrong type
/// is named once, for its type, not again for the value it left unset).
pub fn with_shape_errors<T>(
    mut shape: FieldErrors,
    checked: Result<T, FieldErrors>,
) -> Result<T, FieldErrors> {
    match checked {
        Ok(value) if shape.is_empty() => Ok(value),
        Ok(_) => Err(shape),
        Err(errors) => {
            let others = errors.except(&shape);
            shape.extend(others);
            Err(shape)
        }
    }
}

/// The JSON types each property of a form's schema takes.
fn field_types(schema: &RefOr<Schema>) -> BTreeMap<String, Vec<Type>> {
    let RefOr::T(Schema::Object(object)) = schema else {
        return BTreeMap::new();
    };
    object
        .properties
        .iter()
        .map(|(name, property)| {
            let types = match property {
                RefOr::T(Schema::Object(o)) => match &o.schema_type {
                    SchemaType::Type(t) => vec![t.clone()],
                    SchemaType::Array(list) => list.clone(),
                    SchemaType::AnyValue => vec![Type::String, Type::Number, Type::Boolean],
                },
                RefOr::T(Schema::Array(_)) => vec![Type::Array],
                _ => vec![Type::String],
            };
            (name.clone(), types)
        })
        .collect()
}

/// The form's value for a JSON value of one of the `accepted` types.
fn form_value(slot: &Value, value: &Value, accepted: &[Type]) -> Result<Value, Message> {
    let takes = |t: Type| accepted.contains(&t);
    let fits = match value {
        Value::String(_) => takes(Type::String),
        Value::Number(n) => takes(Type::Number) || (takes(Type::Integer) && n.is_i64()),
        Value::Bool(_) => takes(Type::Boolean),
        Value::Null => takes(Type::Null),
        Value::Array(items) => takes(Type::Array) && items.iter().all(Value::is_string),
        Value::Object(_) => false,
    };
    if !fits {
        return Err(Message::new("api-field-type")
            .with("expected", expected(accepted))
            .with("given", json_type(value)));
    }
    Ok(match (slot, value) {
        (Value::Bool(_), _) | (Value::Array(_), _) => value.clone(),
        (_, Value::String(s)) => Value::String(s.clone()),
        (_, Value::Null) => Value::String(String::new()),
        (_, other) => Value::String(other.to_string()),
    })
}

/// "a string or a number": the JSON types a field takes.
fn expected(accepted: &[Type]) -> String {
    let names: Vec<&str> = accepted
        .iter()
        .map(|t| match t {
            Type::String => "a string",
            Type::Number => "a number",
            Type::Integer => "a whole number",
            Type::Boolean => "true or false",
            Type::Array => "an array of strings",
            Type::Null => "null",
            Type::Object => "an object",
        })
        .collect();
    names.join(" or ")
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null => "null",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Default, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
    #[serde(default)]
    struct Form {
        name: String,
        #[schema(value_type = u32)]
        score: String,
        tags: Vec<String>,
        public: bool,
    }

    fn body(json: &str) -> JsonObject {
        JsonObject::parse(json.as_bytes()).unwrap()
    }

    fn wrong_fields(result: Result<(Form, FieldErrors), ApiError>) -> Vec<String> {
        let (_, errors) = result.unwrap();
        errors.problems().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn fields_are_laid_over_the_stored_form() {
        let stored = Form {
            name: "Acme".into(),
            score: "7".into(),
            tags: vec!["a".into()],
            public: false,
        };
        let (form, errors) = overlay(
            &stored,
            &body(r#"{"score": 9, "tags": ["x"], "public": true}"#),
        )
        .unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(form.name, "Acme");
        assert_eq!(form.score, "9");
        assert_eq!(form.tags, ["x"]);
        assert!(form.public);
        let (cleared, errors) = overlay(&stored, &body(r#"{"name": "", "tags": []}"#)).unwrap();
        assert!(errors.is_empty());
        assert_eq!(cleared.name, "");
        assert!(cleared.tags.is_empty());
    }

    #[test]
    fn every_key_of_a_wrong_type_or_unknown_is_named() {
        let result = overlay(
            &Form::default(),
            &body(
                r#"{"name": {"a": 1}, "colour": "red", "tags": "x", "public": "yes",
                    "score": 1.5}"#,
            ),
        );
        // In the order of the keys' names.
        assert_eq!(
            wrong_fields(result),
            ["colour", "name", "public", "score", "tags"]
        );
        for wrong in [r#"{"name": 3}"#, r#"{"name": null}"#, r#"{"tags": [1]}"#] {
            assert_eq!(
                wrong_fields(overlay(&Form::default(), &body(wrong))).len(),
                1
            );
        }
    }

    #[test]
    fn only_a_json_object_is_a_body() {
        for bad in ["", "  ", "[1]", "\"x\"", "{\"a\":", "nul", "{} x"] {
            assert!(JsonObject::parse(bad.as_bytes()).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(10_000);
        assert!(JsonObject::parse(deep.as_bytes()).is_err());
    }
}
