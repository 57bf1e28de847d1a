//! Famulant: a narrative hospital game.

pub mod content;
pub mod story;
