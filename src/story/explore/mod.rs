//! The explorer (`famulant explore`): plays a story through the
//! [`Session`] along every combination of decisions, letting countdowns run
//! out too, at a few reading paces, and reports where it ends, what it
//! never reaches and where it cannot go on.
//!
//! Each pace (see [`Pace`]) is walked on its own: depth first over every
//! path when there are at most [`Options::paths`] of them, else that many
//! seeded random runs. The reader spends real seconds on every line and
//! decision and the session lets Frau Bram's time run by them wherever a
//! scene lets it (`Pace`), so alarms break in as they would for a player
//! reading that fast. No rule is kept here: the session decides what is
//! shown and offered, and the explorer only presses on.

mod census;
mod pace;
mod report;
mod search;
mod tally;
#[cfg(test)]
mod tests;
mod walk;

use std::sync::Arc;

pub use census::Census;
pub use pace::{Pace, WordCounts, words};
pub use report::{
    AIM_CHOICES, AIM_MINUTES, AIM_TIMED_CHOICES, AIM_WORDS, Coverage, DeadEndReport, Report, Walk,
    quantile,
};
pub use search::{every_path, random_runs};
pub use tally::{DeadEndFound, Length, Playthrough, Tally};
pub use walk::{DeadEnd, MAX_BEATS, Move, Reader, Step, Stop, Trail};

use super::{Session, StoryError};
use crate::content::{Lang, Library};
use crate::settings::TimerMode;

/// What to explore how.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The most playthroughs a pace's walk of every path may take; where
    /// there are more, this many random runs instead.
    pub paths: usize,
    /// The seed of the random runs.
    pub seed: u64,
    /// The language read (its words time the reading).
    pub lang: Lang,
    /// The paces read at.
    pub paces: Vec<Pace>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            paths: 2_000,
            seed: 1,
            lang: Lang::De,
            paces: Pace::ALL.to_vec(),
        }
    }
}

/// Explores `library` from its start.
pub fn explore(library: Arc<Library>, options: &Options) -> Result<Report, StoryError> {
    let mut start = Session::new(library.clone(), TimerMode::Normal)?;
    // Nothing is rolled back here: no copy of the state at every line.
    start.set_rollback_depth(0);
    let words = WordCounts::of(&library, options.lang);
    let walks = options
        .paces
        .iter()
        .map(|&pace| {
            let reader = Reader {
                library: &library,
                pace,
                words: &words,
            };
            match every_path(reader, &start, options.paths) {
                Ok(tally) => Walk {
                    pace,
                    coverage: Coverage::EveryPath,
                    tally,
                },
                Err(abandoned) => Walk {
                    pace,
                    coverage: Coverage::Random {
                        seed: options.seed,
                        abandoned,
                    },
                    tally: random_runs(reader, &start, options.paths, options.seed),
                },
            }
        })
        .collect();
    Ok(Report::new(
        Census::of(&library),
        options.lang,
        options.paths,
        walks,
    ))
}
