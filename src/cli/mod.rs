//! The command-line tools: argument parsing, `check`, `sim` and text play.

mod args;
mod check;
mod sim;
mod text;
mod transcript;

pub use args::{Command, Pick, USAGE, parse_args, query_args};
pub use check::check;
pub use sim::sim;
pub use text::play_text;
pub use transcript::Transcript;
