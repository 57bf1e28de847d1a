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
pub use runner::{Beat, ChoiceRecord, RelationshipChange, RunningPhase, StoryError, StoryState};
pub use session::{Countdown, Notice, SNAPSHOT_VERSION, Session, Snapshot};

#[cfg(feature = "game")]
pub(super) use host::plugin;
