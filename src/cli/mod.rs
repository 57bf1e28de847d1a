//! The command-line tools: argument parsing, `check` and text play.

mod args;
mod check;
mod text;

pub use args::{Command, Pick, USAGE, parse_args};
pub use check::check;
pub use text::play_text;
