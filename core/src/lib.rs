//! copydesk-core: the editorial engine of Copydesk. No UI, no Tauri: every rule of the desk lives
//! here and is enforced here, whoever calls. Faces reach it through `api` (the operations and
//! their wire types) and `Desk` (opening a desk, signing in, the publisher, maintenance); the
//! store behind it is private.

pub mod api;
pub mod bench;
pub mod clock;
pub(crate) mod cursor;
pub(crate) mod delta;
pub mod desk;
pub mod desk_time;
pub mod error;
pub mod import;
pub mod journal;
pub mod model;
pub(crate) mod nesting;
pub(crate) mod passphrase;
pub(crate) mod sample;
pub mod secrets;
pub(crate) mod site;
pub mod slots;
pub(crate) mod snippet;
pub(crate) mod store;
pub mod text;
mod wire;
pub mod wordpress;
pub mod workflow;

pub use clock::{Clock, FileClock, ManualClock, SystemClock};
pub use desk::{Actor, Desk, NewDesk, SignInChoice};
pub use error::{ApiError, Error, ErrorCode, ErrorDetails, Result};
pub use store::Durability;

/// The site's renderer of a body's Markdown, reachable for the property tests
/// (tests/readers_never_panic.rs) and the fuzz targets (fuzz/); the site itself is private.
#[doc(hidden)]
pub use site::body_html;
