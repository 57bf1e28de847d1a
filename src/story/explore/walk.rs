//! One reader playing a session on: lines read and gone on from, phases
//! run, a decision thought over, until the story asks for a decision, ends,
//! or cannot go on. The session keeps every rule; the reader only spends
//! real seconds and presses on.

use std::fmt;

use super::pace::{Pace, WordCounts};
use crate::content::{Library, NodeDef, NodeRef, OptionDef};
use crate::story::{Beat, Session, StoryError};

/// How many beats (lines, phases, decisions) a playthrough may show before
/// the explorer takes it to be caught in a loop: many times the longest
/// story a player would sit through.
pub const MAX_BEATS: u32 = 20_000;

/// Where a playthrough stopped without an ending.
#[derive(Clone, Debug, PartialEq)]
pub enum DeadEnd {
    /// The story could not go on: a target, node or phase that does not
    /// exist, a choice with nothing to offer, a `Resume` with nothing to
    /// resume.
    Fault(StoryError),
    /// The story waits at this node and going on changes nothing.
    Stuck(NodeRef),
    /// More than [`MAX_BEATS`] beats without an ending; the node shown last.
    Loop(NodeRef),
}

impl DeadEnd {
    /// The node where it happened.
    pub fn at(&self) -> String {
        match self {
            DeadEnd::Fault(err) => fault_node(err).map_or_else(String::new, ToString::to_string),
            DeadEnd::Stuck(at) | DeadEnd::Loop(at) => at.to_string(),
        }
    }
}

/// The node a story error names, if it names one.
fn fault_node(err: &StoryError) -> Option<&NodeRef> {
    Some(match err {
        StoryError::UnknownStory(_) => return None,
        StoryError::UnknownTarget { from, .. } | StoryError::UnknownOption { at: from, .. } => from,
        StoryError::UnknownNode(at)
        | StoryError::Loop(at)
        | StoryError::NoOptions(at)
        | StoryError::NotALine(at)
        | StoryError::NotAChoice(at)
        | StoryError::NoTimer(at)
        | StoryError::NothingToResume(at)
        | StoryError::UnknownPhase(at) => at,
    })
}

impl fmt::Display for DeadEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeadEnd::Fault(err) => write!(f, "{err}"),
            DeadEnd::Stuck(at) => write!(f, "{at}: the story waits here and cannot go on"),
            DeadEnd::Loop(at) => write!(
                f,
                "{at}: no ending after {MAX_BEATS} beats (a loop without a way out)"
            ),
        }
    }
}

/// What the player does at a decision.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Move<'l> {
    /// Takes this option.
    Take(&'l OptionDef),
    /// Lets the countdown run out.
    LetTimeRunOut,
}

/// A decision taken on the way: the choice (`scene.node`'s parts) and the
/// option, or none where the time ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Step<'l> {
    /// The choice's scene.
    pub scene: &'l str,
    /// The choice's node.
    pub choice: &'l str,
    /// The option taken; none when the time ran out.
    pub option: Option<&'l str>,
}

impl fmt::Display for Step<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}={}",
            self.choice,
            self.option.unwrap_or("(time ran out)")
        )
    }
}

/// What one playthrough did so far.
#[derive(Clone, Debug, Default)]
pub struct Trail<'l> {
    /// The decisions taken, in order.
    pub steps: Vec<Step<'l>>,
    /// Decisions with at least one option offered.
    pub choices: u32,
    /// Of those, decisions with a countdown.
    pub timed: u32,
    /// Countdowns let run out.
    pub timeouts: u32,
    /// Lines shown.
    pub lines: u32,
    /// Beats shown: lines, phases, decisions.
    pub beats: u32,
    /// Real seconds spent.
    pub seconds: f32,
    /// The revision of the decision already thought over.
    pondered: Option<u64>,
}

/// Where a reader stopped.
#[derive(Debug)]
pub enum Stop<'l> {
    /// The story asks for a decision: these are the moves there are.
    Decide(Vec<Move<'l>>),
    /// The story ended with this ending.
    End(&'l str),
    /// The story cannot go on.
    DeadEnd(DeadEnd),
}

/// A player reading at one pace in one language.
#[derive(Clone, Copy, Debug)]
pub struct Reader<'l> {
    /// The story, the same the sessions play.
    pub library: &'l Library,
    /// How fast they read.
    pub pace: Pace,
    /// The words of the story's texts in the language they read.
    pub words: &'l WordCounts,
}

impl<'l> Reader<'l> {
    /// Plays `session` on to the next decision, the end, or a dead end.
    pub fn play_on(&self, session: &mut Session, trail: &mut Trail<'l>) -> Stop<'l> {
        loop {
            if trail.beats >= MAX_BEATS {
                return Stop::DeadEnd(DeadEnd::Loop(session.story().cursor.clone()));
            }
            // Alarms and relationship news are the session's to tell; the
            // reader has no one to tell them to.
            drop(session.take_notices());
            let revision = session.revision();
            let beat = match session.beat() {
                Ok(beat) => beat,
                Err(err) => return Stop::DeadEnd(DeadEnd::Fault(err)),
            };
            let result = match beat {
                Beat::Line { text, .. } => {
                    let seconds = self.pace.line(self.words.of_text(text));
                    trail.lines += 1;
                    trail.beats += 1;
                    trail.seconds += seconds;
                    match session.tick(seconds) {
                        // An alarm broke in while the line was read.
                        Ok(()) if session.revision() != revision => continue,
                        Ok(()) => session.advance(),
                        Err(err) => Err(err),
                    }
                }
                Beat::Phase { phase, left, .. } => {
                    let share = left as f32 / phase.minutes.max(1) as f32;
                    trail.seconds += phase.real_seconds() * share;
                    trail.beats += 1;
                    session.advance()
                }
                Beat::Choice {
                    prompt, options, ..
                } => {
                    if trail.pondered == Some(revision) {
                        let moves = self.moves(session);
                        if moves.iter().any(|m| matches!(m, Move::Take(_))) {
                            trail.choices += 1;
                            trail.timed += u32::from(moves.contains(&Move::LetTimeRunOut));
                        }
                        return Stop::Decide(moves);
                    }
                    let words = prompt.map_or(0, |p| self.words.of_text(p))
                        + options
                            .iter()
                            .map(|o| self.words.of_text(&o.text))
                            .sum::<usize>();
                    let left = session.countdown().map(|c| c.remaining);
                    let seconds = self.pace.decision(words, left);
                    trail.beats += 1;
                    trail.seconds += seconds;
                    let result = session.tick(seconds);
                    trail.pondered = Some(session.revision());
                    if result.is_ok() {
                        continue;
                    }
                    result
                }
                Beat::End { at, .. } => return Stop::End(self.ending(&at)),
            };
            if let Some(dead_end) = moved_on(session, revision, result) {
                return Stop::DeadEnd(dead_end);
            }
        }
    }

    /// Makes `step` at the decision `session` shows, noting it in `trail`.
    /// Returns where it went wrong, if it did.
    pub fn make(
        &self,
        session: &mut Session,
        trail: &mut Trail<'l>,
        step: Move<'l>,
    ) -> Option<DeadEnd> {
        let revision = session.revision();
        let at = session.story().cursor.clone();
        let (scene, choice) = self.ids(&at);
        let result = match step {
            Move::Take(option) => {
                trail.steps.push(Step {
                    scene,
                    choice,
                    option: Some(&option.id),
                });
                session.choose(&at, &option.id)
            }
            Move::LetTimeRunOut => {
                trail.steps.push(Step {
                    scene,
                    choice,
                    option: None,
                });
                trail.timeouts += 1;
                trail.seconds += session.countdown().map_or(0.0, |c| c.remaining);
                session.let_time_run_out()
            }
        };
        moved_on(session, revision, result)
    }

    /// The moves at the decision `session` shows: its options, and letting
    /// its countdown run out where it has one.
    fn moves(&self, session: &Session) -> Vec<Move<'l>> {
        let at = &session.story().cursor;
        let Some(NodeDef::Choice { options, .. }) = self.library.node(at) else {
            return Vec::new();
        };
        let Ok(Beat::Choice {
            options: offered, ..
        }) = session.beat()
        else {
            return Vec::new();
        };
        // The library's own options, which outlive the session's borrow.
        let mut moves: Vec<Move<'l>> = options
            .iter()
            .filter(|o| offered.iter().any(|shown| shown.id == o.id))
            .map(Move::Take)
            .collect();
        if session.countdown().is_some() {
            moves.push(Move::LetTimeRunOut);
        }
        moves
    }

    /// The scene's and the node's ids of `at`, as the library holds them.
    pub fn ids(&self, at: &NodeRef) -> (&'l str, &'l str) {
        let scene = self.library.scene(&at.scene);
        let node = scene.and_then(|s| s.node(&at.node));
        (
            scene.map_or("", |s| s.def.id.as_str()),
            node.map_or("", |n| n.id()),
        )
    }

    /// The ending of the end node at `at`.
    fn ending(&self, at: &NodeRef) -> &'l str {
        match self.library.node(at) {
            Some(NodeDef::End { ending, .. }) => ending,
            _ => "",
        }
    }
}

/// Whether the story moved on after an action: none when it did, else the
/// fault it met or that it stayed where it was.
fn moved_on(session: &Session, revision: u64, result: Result<(), StoryError>) -> Option<DeadEnd> {
    match result {
        Err(err) => Some(DeadEnd::Fault(err)),
        Ok(()) if session.revision() == revision => {
            Some(DeadEnd::Stuck(session.story().cursor.clone()))
        }
        Ok(()) => None,
    }
}
