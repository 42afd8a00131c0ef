//! copydesk-core: the editorial engine of Copydesk. No UI, no Tauri: every rule of the desk lives
//! here and is enforced here, whoever calls.

pub mod clock;
pub mod cursor;
pub mod delta;
pub mod desk;
pub mod desk_time;
pub mod error;
pub mod import;
pub mod model;
pub mod passphrase;
pub mod sample;
pub mod site;
pub mod slots;
pub mod snippet;
pub mod store;
pub mod text;
pub mod workflow;

pub use clock::{Clock, FileClock, ManualClock, SystemClock};
pub use desk::{Actor, Desk, NewDesk, SignInChoice};
pub use error::{Error, Result};
