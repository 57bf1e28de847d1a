//! The story: the runner over the scene library and the Bevy plugin around it.

mod runner;

pub use runner::{Beat, ChoiceRecord, StoryError, StoryState};
