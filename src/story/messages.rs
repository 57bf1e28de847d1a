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
    /// What it means medically, if the scene explains it.
    pub hint: Option<LocalizedText>,
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
    /// The option taken for the player; none when the story went on
    /// without one.
    pub taken: Option<LocalizedText>,
}

/// A phase of an operation runs: sent when it begins or is shown again.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct ShowPhase {
    /// The phase's node.
    pub at: NodeRef,
    /// The phase's name.
    pub name: LocalizedText,
    /// Who speaks the text, if anybody.
    pub speaker: Option<String>,
    /// What is shown while it runs.
    pub text: Option<LocalizedText>,
    /// Its length in simulated minutes.
    pub minutes: u32,
    /// Simulated minutes still to run.
    pub left: u32,
}

/// A relationship between characters changed.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct RelationshipChanged {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: LocalizedText,
    /// By how much.
    pub delta: i64,
    /// Whether a rise is bad news (friction).
    pub rising_is_worse: bool,
}

/// The player asked for a new game from the title screen: of the main
/// story, or of a story of its own that a mod brings.
#[derive(Message, Clone, Debug, Default, PartialEq, Eq)]
pub struct NewGame {
    /// The mod whose story it is; none for the main story.
    pub story: Option<String>,
}

/// The player asks to go back: one step (Backspace), or to a line or
/// choice of the history ("back to here").
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RollBack {
    /// To the line or choice before the one shown.
    Step,
    /// To this mark of the session's history.
    To(usize),
}
