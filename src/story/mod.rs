//! The story: the runner over the scene library, the [`Session`] that owns
//! a running game, and (with the `game` feature) the Bevy plugin that feeds
//! the session input and time and announces what it shows.

#[cfg(feature = "game")]
mod announce;
mod bedside;
pub mod explore;
mod flowchart;
mod history;
#[cfg(feature = "game")]
mod host;
#[cfg(feature = "game")]
mod messages;
mod progress;
mod review;
#[cfg(test)]
mod review_tests;
#[cfg(feature = "game")]
mod reviewing;
#[cfg(test)]
mod rollback_tests;
mod runner;
mod session;
#[cfg(test)]
mod session_tests;
#[cfg(test)]
mod theatre_tests;

pub use bedside::Bedside;
pub use flowchart::{ChoiceRow, EndingBox, Flowchart, Link, Place, SceneBox};
pub use history::{Entry, Event, History, MARKS_KEPT, Mark};
#[cfg(feature = "game")]
pub use host::{BeatId, CurrentBeat, NewPatient, NotReady, StartAt, Story, StorySystems};
#[cfg(feature = "game")]
pub use messages::{
    Advance, ChoiceMade, DecisionExpired, NewGame, OfferedOption, RelationshipChanged, RollBack,
    ShowChoices, ShowLine, ShowPhase, StoryEnded,
};
pub use progress::Progress;
pub use review::{Remark, Review, timeline};
#[cfg(feature = "game")]
pub use reviewing::CaseReview;
pub use runner::{Beat, ChoiceRecord, RelationshipChange, RunningPhase, StoryError, StoryState};
pub use session::{Countdown, Notice, SNAPSHOT_VERSION, Session, Snapshot};

/// The story in the game: the session's host, and the review of a game
/// that ended.
#[cfg(feature = "game")]
pub(super) fn plugin(app: &mut bevy::prelude::App) {
    app.add_plugins((host::plugin, reviewing::plugin));
}
