//! What the story tells the world, and what the world tells the story.

use bevy::prelude::*;

use crate::content::{LocalizedText, NodeRef};

/// A line to show: sent when the story arrives at a line.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct ShowLine {
    /// The line's node.
    pub at: NodeRef,
    /// Who speaks (a character id); none for narration.
    pub speaker: Option<String>,
    /// The text in every language.
    pub text: LocalizedText,
}

/// One option as offered to the player.
#[derive(Clone, Debug, PartialEq)]
pub struct OfferedOption {
    /// The option's id, which [`ChoiceMade`] sends back.
    pub id: String,
    /// Its text.
    pub text: LocalizedText,
}

/// Choices to show: sent when the story arrives at a choice.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct ShowChoices {
    /// The choice's node.
    pub at: NodeRef,
    /// Who asks, if anybody.
    pub speaker: Option<String>,
    /// The question, if any.
    pub prompt: Option<LocalizedText>,
    /// The options available now, in order.
    pub options: Vec<OfferedOption>,
    /// The countdown in seconds, for a timed choice.
    pub seconds: Option<f32>,
}

/// The story reached an end.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct StoryEnded {
    /// The ending's id.
    pub ending: String,
}

/// The player has read the line and wants the next one.
#[derive(Message, Clone, Copy, Debug, Default, PartialEq)]
pub struct Advance;

/// The player picked an option of the choice being shown.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct ChoiceMade {
    /// The choice the player saw; a pick for a choice no longer shown (a
    /// double click, a key pressed as the timer ran out) is ignored.
    pub at: NodeRef,
    /// The option's id.
    pub option: String,
}

/// A timed choice ran out and its declared outcome was taken.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct DecisionExpired {
    /// The choice's node.
    pub at: NodeRef,
}

/// The player asked for a new game from the title screen.
#[derive(Message, Clone, Copy, Debug, Default, PartialEq)]
pub struct NewGame;
