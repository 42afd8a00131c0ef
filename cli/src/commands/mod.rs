//! One module per area of the desk. Each command reads its arguments, makes one core call and
//! shapes the answer; the rules themselves live in the core.

pub mod articles;
pub mod calendar;
pub mod contributors;
pub mod import;
pub mod maintenance;
pub mod notes;
pub mod publishing;
pub mod search;
pub mod settings;
pub mod team;
pub mod users;
