//! The desk's operations as routes, one `POST /api/ops/NAME` each, generated from the core's
//! one list: the same inputs, outputs and errors as the app's IPC and the CLI.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::post;
use copydesk_core::ErrorCode;
use copydesk_core::api::*;

use crate::acting::Acting;
use crate::input::Input;
use crate::refusal::Refusal;
use crate::{Served, blocking};

async fn run<O: Operation>(
    State(served): State<Served>,
    acting: Acting,
    Input(op): Input<O>,
) -> Result<Json<O::Output>, Refusal> {
    let desk = served.desk.clone();
    Ok(Json(blocking(move || op.run(&desk, &acting.actor)).await?))
}

async fn unknown(Path(name): Path<String>) -> Refusal {
    Refusal::new(
        ErrorCode::NotFound,
        format!("there is no operation called {name}: /api/openapi.json lists them"),
    )
}

macro_rules! routes {
    ($($name:ident: $op:ident -> $out:ty),* $(,)?) => {
        /// Every operation's route.
        pub fn routes() -> Router<Served> {
            Router::new()
                $(.route(concat!("/api/ops/", stringify!($name)), post(run::<$op>)))*
                .route("/api/ops/{name}", post(unknown))
        }

        /// Every operation the routes serve, for the OpenAPI document.
        pub fn describe(doc: &mut crate::openapi::Document) {
            $(doc.operation::<$op>();)*
        }
    };
}

copydesk_core::for_each_operation!(routes);
