//! The command-line tools: argument parsing, `check`, `explore`, `sim` and
//! text play.

mod args;
mod check;
mod explore;
mod sim;
mod story;
mod text;
mod transcript;

pub use args::{Command, Pick, USAGE, parse_args, query_args};
pub use check::check;
pub use explore::explore;
pub use sim::sim;
pub use story::{list_mods, load_story, load_with_players_mods, tell_left_out};
pub use text::{TextGame, play_text};
pub use transcript::Transcript;
