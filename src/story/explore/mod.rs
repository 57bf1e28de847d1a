//! The explorer (`famulant explore`): plays a story through the
//! [`Session`] along every combination of decisions, letting countdowns run
//! out too, at a few reading paces, and reports where it ends, what it
//! never reaches and where it cannot go on.
//!
//! Each pace (see [`Pace`]) is walked on its own: depth first over every
//! path, for the reference patient and a few drawn from the seed, when
//! there are at most [`Options::paths`] of them; else that many seeded
//! random runs, each with a patient of its own, half of them going on from
//! games kept at a decision. The reader spends real seconds on every line and
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
pub use search::{SplitMix64, every_path, random_runs};
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
    /// The seed of the random runs and of the patients.
    pub seed: u64,
    /// How many patients a walk of every path plays each path for: the
    /// reference patient and `patients` − 1 drawn from the seed. Random runs
    /// draw a new patient for every run.
    pub patients: usize,
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
            patients: 8,
            lang: Lang::De,
            paces: Pace::ALL.to_vec(),
        }
    }
}

/// A new game of `story` (a mod's own by its id, else the main story) as
/// the explorer plays it: timers at their normal length, Frau Bram the
/// reference patient (none) or the patient of `patient`, and no history
/// kept, since nothing is shown or rolled back.
pub fn new_game(
    library: &Arc<Library>,
    story: Option<&str>,
    patient: Option<u64>,
) -> Result<Session, StoryError> {
    let mut session = Session::of_story(library.clone(), story, TimerMode::Normal, patient)?;
    session.keep_no_history();
    Ok(session)
}

/// The library's stories: the main one (none), then each mod's own.
fn stories(library: &Library) -> Vec<Option<&str>> {
    std::iter::once(None)
        .chain(library.stories.iter().map(|s| Some(s.id.as_str())))
        .collect()
}

/// Explores `library` from its start, and from the start of each story of
/// its own a mod brings.
pub fn explore(library: Arc<Library>, options: &Options) -> Result<Report, StoryError> {
    let mut seeds = SplitMix64::new(options.seed);
    let patients: Vec<Option<u64>> = std::iter::once(None)
        .chain(std::iter::repeat_with(|| Some(seeds.draw())))
        .take(options.patients.max(1))
        .collect();
    let starts = (stories(&library).into_iter())
        .flat_map(|story| patients.iter().map(move |patient| (story, *patient)))
        .map(|(story, patient)| new_game(&library, story, patient))
        .collect::<Result<Vec<_>, _>>()?;
    let words = WordCounts::of(&library, options.lang);
    let mut walks = Vec::new();
    for &pace in &options.paces {
        let reader = Reader {
            library: &library,
            pace,
            words: &words,
        };
        walks.push(match every_path(reader, &starts, options.paths) {
            Ok(tally) => Walk {
                pace,
                coverage: Coverage::EveryPath {
                    patients: patients.len(),
                },
                tally,
            },
            Err(abandoned) => Walk {
                pace,
                coverage: Coverage::Random {
                    seed: options.seed,
                    abandoned,
                },
                tally: random_runs(reader, &library, options.paths, options.seed)?,
            },
        });
    }
    Ok(Report::new(
        Census::of(&library),
        options.lang,
        options.paths,
        walks,
    ))
}
