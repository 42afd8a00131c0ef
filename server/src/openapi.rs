//! The OpenAPI document of the team desk's API, built from the Rust types themselves: each
//! operation's input and output schema, every error it may answer with, and the session routes.

use std::collections::{BTreeMap, BTreeSet};

use copydesk_core::api::{COMMON_ERRORS, Operation, SignedIn, User};
use copydesk_core::{ApiError, ErrorCode, desk, model};
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem, PathsBuilder};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    ComponentsBuilder, ContentBuilder, InfoBuilder, OpenApi, OpenApiBuilder, Ref, RefOr, Required,
    ResponseBuilder, Schema,
};
use utoipa::{PartialSchema, ToSchema};

use crate::refusal::status;
use crate::session::SignIn;

/// The errors every request may meet on its way to an operation: a body that is not its input,
/// too large, a server that cannot reach its database or fails.
const TRANSPORT_ERRORS: &[ErrorCode] = &[
    ErrorCode::InvalidInput,
    ErrorCode::TooLarge,
    ErrorCode::Unavailable,
    ErrorCode::Internal,
];

/// The refusals a route may answer with (and those every request may meet), one response a
/// status, naming the codes it carries.
fn refusals(mut op: OperationBuilder, codes: &[ErrorCode]) -> OperationBuilder {
    let mut statuses: BTreeMap<u16, BTreeSet<&str>> = BTreeMap::new();
    for code in codes.iter().chain(TRANSPORT_ERRORS) {
        statuses
            .entry(status(*code).as_u16())
            .or_default()
            .insert(code.as_str());
    }
    for (code, names) in statuses {
        let names: Vec<&str> = names.into_iter().collect();
        op = op.response(
            code.to_string(),
            ResponseBuilder::new()
                .description(format!("Refused: {}.", names.join(", ")))
                .content("application/json", json(reference::<ApiError>())),
        );
    }
    op
}

/// One route as the document describes it.
struct Route<'a> {
    method: HttpMethod,
    path: &'a str,
    id: &'a str,
    doc: &'a str,
    input: Option<RefOr<Schema>>,
    /// The success status and its body; none: 204.
    output: Option<(u16, RefOr<Schema>)>,
    /// What it may answer with beside success (and the errors every request may meet).
    errors: &'a [ErrorCode],
    /// Needs a signed-in user's token.
    signed_in: bool,
}

pub struct Document {
    paths: PathsBuilder,
    schemas: BTreeMap<String, RefOr<Schema>>,
}

fn json(schema: RefOr<Schema>) -> utoipa::openapi::Content {
    ContentBuilder::new().schema(Some(schema)).build()
}

fn reference<T: ToSchema>() -> RefOr<Schema> {
    RefOr::Ref(Ref::from_schema_name(T::name()))
}

impl Document {
    fn new() -> Document {
        Document {
            paths: PathsBuilder::new(),
            schemas: BTreeMap::new(),
        }
    }

    fn register<T: ToSchema>(&mut self) {
        let mut found = Vec::new();
        T::schemas(&mut found);
        found.push((T::name().into_owned(), T::schema()));
        self.schemas.extend(found);
    }

    /// Adds a route.
    fn route(&mut self, route: Route) {
        let Route {
            method,
            path,
            id,
            doc,
            input,
            output,
            errors,
            signed_in,
        } = route;
        let description = doc.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut op = OperationBuilder::new()
            .operation_id(Some(id))
            .description(Some(description));
        if let Some(input) = input {
            op = op.request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/json", json(input))
                    .required(Some(Required::True))
                    .build(),
            ));
        }
        op = match output {
            Some((code, schema)) => op.response(
                code.to_string(),
                ResponseBuilder::new()
                    .description("Done.")
                    .content("application/json", json(schema)),
            ),
            None => op.response("204", ResponseBuilder::new().description("Done.")),
        };
        let codes: Vec<ErrorCode> = errors
            .iter()
            .chain(if signed_in { COMMON_ERRORS } else { &[] })
            .copied()
            .collect();
        op = refusals(op, &codes);
        if signed_in {
            op = op.security(SecurityRequirement::new("token", Vec::<String>::new()));
        }
        let paths = std::mem::take(&mut self.paths);
        self.paths = paths.path(path, PathItem::new(method, op.build()));
    }

    /// One of the desk's operations.
    pub fn operation<O: Operation + ToSchema>(&mut self)
    where
        O::Output: ToSchema,
    {
        self.register::<O>();
        let mut outputs = Vec::new();
        <O::Output as ToSchema>::schemas(&mut outputs);
        self.schemas.extend(outputs);
        let info = O::info();
        self.route(Route {
            method: HttpMethod::Post,
            path: &format!("/api/ops/{}", O::NAME),
            id: O::NAME,
            doc: info.doc,
            input: Some(reference::<O>()),
            output: Some((200, <O::Output as PartialSchema>::schema())),
            errors: info.errors,
            signed_in: true,
        });
    }
}

impl Document {
    /// `/api/push`: a desk file for a server waiting on an empty database. Its body is the file
    /// itself, and the setup code and digest travel as headers, so it is written out here.
    fn push_routes(&mut self) {
        use copydesk_core::api::{DIGEST_HEADER, PUSH_PATH, SETUP_CODE_HEADER};
        use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
        self.register::<desk::PushReport>();
        let header = |name: &str, doc: &str| {
            ParameterBuilder::new()
                .name(name)
                .parameter_in(ParameterIn::Header)
                .required(Required::True)
                .description(Some(doc))
                .schema(Some(String::schema()))
                .build()
        };
        let code_doc = "The setup code the server printed when it started with --accept-push.";
        let ready = OperationBuilder::new()
            .operation_id(Some("push_ready"))
            .description(Some(
                "Whether this server waits for a desk file and takes it with this setup code: \
                 asked before the file is sent.",
            ))
            .parameter(header(SETUP_CODE_HEADER, code_doc))
            .response("204", ResponseBuilder::new().description("It would."));
        let take = OperationBuilder::new()
            .operation_id(Some("push"))
            .description(Some(
                "A desk file (SQLite), for a server started with --accept-push on an empty \
                 database: checked against its digest, opened, copied in and checked, or \
                 nothing is kept. Once taken, the code is spent.",
            ))
            .parameter(header(SETUP_CODE_HEADER, code_doc))
            .parameter(header(
                DIGEST_HEADER,
                "BLAKE2s-256 of the file, in hex: the server checks the file arrived whole.",
            ))
            .request_body(Some(
                RequestBodyBuilder::new()
                    .content(
                        "application/octet-stream",
                        ContentBuilder::new()
                            .schema(Some(
                                utoipa::openapi::ObjectBuilder::new()
                                    .schema_type(utoipa::openapi::Type::String)
                                    .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                                        utoipa::openapi::KnownFormat::Binary,
                                    ))),
                            ))
                            .build(),
                    )
                    .required(Some(Required::True))
                    .build(),
            ))
            .response(
                "200",
                ResponseBuilder::new()
                    .description("Copied and checked.")
                    .content("application/json", json(reference::<desk::PushReport>())),
            );
        let codes = [
            ErrorCode::Forbidden,
            ErrorCode::Unauthenticated,
            ErrorCode::InvalidInput,
            ErrorCode::SchemaTooNew,
            ErrorCode::CheckFailed,
            ErrorCode::Io,
            ErrorCode::Storage,
        ];
        let mut item = PathItem::new(HttpMethod::Get, refusals(ready, &codes[..2]).build());
        item.post = Some(refusals(take, &codes).build());
        let paths = std::mem::take(&mut self.paths);
        self.paths = paths.path(PUSH_PATH, item);
    }
}

/// The whole document, as `/api/openapi.json` serves it.
pub fn document() -> OpenApi {
    let mut doc = Document::new();
    crate::operations::describe(&mut doc);
    doc.register::<ApiError>();
    doc.register::<SignIn>();
    doc.register::<SignedIn>();
    doc.register::<User>();
    doc.register::<crate::Health>();
    doc.register::<copydesk_core::desk::DeskChange>();
    // Lists and optional answers name their items by reference, but utoipa does not hand over
    // the items' schemas through `Vec<T>` or `Option<T>`: the test below names any missed.
    doc.register::<model::ArticleSummary>();
    doc.register::<model::Contributor>();
    doc.register::<model::PublishJob>();
    doc.register::<model::SearchHit>();
    doc.register::<model::TransitionRecord>();
    doc.register::<desk::ImportPreview>();
    doc.register::<desk::Imported>();
    doc.route(Route {
        method: HttpMethod::Post,
        path: "/api/session",
        id: "sign_in",
        doc: "Signs in with a name and passphrase: the answer's token goes in \
              `Authorization: Bearer TOKEN` on every other request.",
        input: Some(reference::<SignIn>()),
        output: Some((200, reference::<SignedIn>())),
        errors: &[
            ErrorCode::Unauthenticated,
            ErrorCode::RateLimited,
            ErrorCode::NotInitialised,
        ],
        signed_in: false,
    });
    doc.route(Route {
        method: HttpMethod::Get,
        path: "/api/session",
        id: "who_am_i",
        doc: "The user the token acts as.",
        input: None,
        output: Some((200, reference::<User>())),
        errors: &[],
        signed_in: true,
    });
    doc.route(Route {
        method: HttpMethod::Delete,
        path: "/api/session",
        id: "sign_out",
        doc: "Signs out: the token stops working at once.",
        input: None,
        output: None,
        errors: &[ErrorCode::Unauthenticated],
        signed_in: false,
    });
    doc.route(Route {
        method: HttpMethod::Get,
        path: "/health",
        id: "health",
        doc: "Whether the server and its database answer.",
        input: None,
        output: Some((200, reference::<crate::Health>())),
        errors: &[ErrorCode::SchemaTooNew],
        signed_in: false,
    });
    doc.push_routes();
    let Document { paths, schemas } = doc;
    let mut components = ComponentsBuilder::new().security_scheme(
        "token",
        SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
    );
    for (name, schema) in schemas {
        components = components.schema(name, schema);
    }
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Copydesk team desk")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "The desk's operations over HTTP/JSON. \
                     Every refusal is one body: {code, message, field?, details?}.",
                )),
        )
        .paths(paths.build())
        .components(Some(components.build()))
        .build()
}

#[cfg(test)]
mod tests {
    /// Every `$ref` names a schema the document holds: a client generator or a fuzzer can
    /// follow them all.
    #[test]
    fn every_reference_resolves() {
        let doc = serde_json::to_value(super::document()).unwrap();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let mut missing = std::collections::BTreeSet::new();
        let mut stack = vec![&doc];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(map) => {
                    if let Some(serde_json::Value::String(r)) = map.get("$ref") {
                        let name = r.trim_start_matches("#/components/schemas/");
                        if !schemas.contains_key(name) {
                            missing.insert(name.to_string());
                        }
                    }
                    stack.extend(map.values());
                }
                serde_json::Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
        assert!(missing.is_empty(), "unresolved: {missing:?}");
    }

    #[test]
    fn enums_are_spelled_as_they_travel() {
        let doc = serde_json::to_value(super::document()).unwrap();
        let state = &doc["components"]["schemas"]["State"]["enum"];
        assert!(
            state.as_array().unwrap().contains(&"in_review".into()),
            "{state}"
        );
        let action = &doc["components"]["schemas"]["Action"]["enum"];
        let spelled: Vec<String> = copydesk_core::model::Action::ALL
            .iter()
            .map(|a| a.as_str().to_string())
            .collect();
        assert_eq!(action, &serde_json::json!(spelled));
    }
}
