//! What happened in a game, for the player to read back and to return to:
//! the lines shown, the choices taken, and the clinical events (orders,
//! alarms, results) with Frau Bram's minute; and the marks, the session as
//! it was at each line and choice, that rollback restores.
//!
//! Entries name content by id only, so the history reads in either
//! language and follows reloaded text.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::session::Snapshot;
use crate::content::NodeRef;
use crate::patient::{Alarm, ClinicalEvent};

/// How many marks are kept: rollback reaches this many lines and choices
/// back. Each holds a whole snapshot, a few kilobytes.
pub const MARKS_KEPT: usize = 200;

/// One thing that happened, at Frau Bram's minute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Her minute when it happened.
    pub minute: u32,
    /// What happened.
    pub event: Event,
}

/// What an [`Entry`] records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// A line was shown.
    Line(NodeRef),
    /// A choice was decided.
    Choice {
        /// The choice.
        at: NodeRef,
        /// The option taken (its id); none when time ran out and the story
        /// went on without one.
        option: Option<String>,
        /// Whether time ran out and the choice's outcome was taken.
        timed_out: bool,
    },
    /// A phase of an operation began.
    Phase(NodeRef),
    /// A monitor alarm went off.
    Alarm(Alarm),
    /// An order was carried out or a result came back.
    Clinical(ClinicalEvent),
    /// The story ended here.
    Ended(NodeRef),
}

/// The session as it was when a line or choice was shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// How many entries there were before it was shown.
    pub entries: usize,
    /// The node shown and how often it had been entered.
    pub shown: (NodeRef, u32),
    /// The session then.
    pub state: Snapshot,
}

/// A game's history: its entries, and marks to roll back to. The entries
/// are saved with a game; the marks live only as long as the session.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    entries: Vec<Entry>,
    marks: VecDeque<Mark>,
    /// Marks dropped from the front, so that a mark's number stays the same
    /// while it is kept.
    dropped: usize,
    /// Whether entries and marks are recorded.
    recording: bool,
}

impl Default for History {
    fn default() -> Self {
        History {
            entries: Vec::new(),
            marks: VecDeque::new(),
            dropped: 0,
            recording: true,
        }
    }
}

impl History {
    /// A history that goes on from `entries`, with no marks before them.
    pub fn from_entries(entries: Vec<Entry>) -> History {
        History {
            entries,
            ..History::default()
        }
    }

    /// Every entry, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Notes that `event` happened at `minute`.
    pub(super) fn push(&mut self, minute: u32, event: Event) {
        if self.recording {
            self.entries.push(Entry { minute, event });
        }
    }

    /// Whether entries and marks are recorded.
    pub(super) fn records(&self) -> bool {
        self.recording
    }

    /// Records nothing from now on and forgets what it holds.
    pub(super) fn stop_recording(&mut self) {
        self.recording = false;
        self.entries.clear();
        self.dropped += self.marks.len();
        self.marks.clear();
    }

    /// Notes the session as it is when `shown` was shown, before that
    /// beat's own entry.
    pub(super) fn add_mark(&mut self, shown: (NodeRef, u32), state: Snapshot) {
        if !self.recording {
            return;
        }
        if self.marks.len() == MARKS_KEPT {
            self.marks.pop_front();
            self.dropped += 1;
        }
        let entries = self.entries.len();
        self.marks.push_back(Mark {
            entries,
            shown,
            state,
        });
    }

    /// The number of the last mark, if any is kept.
    pub fn last_mark(&self) -> Option<usize> {
        (!self.marks.is_empty()).then(|| self.dropped + self.marks.len() - 1)
    }

    /// Mark number `number`, while it is kept.
    pub fn mark(&self, number: usize) -> Option<&Mark> {
        self.marks.get(number.checked_sub(self.dropped)?)
    }

    /// The mark to return to for entry `index`: the line or choice it
    /// belongs to, while that mark is kept. Only lines and choices have one.
    pub fn mark_of(&self, index: usize) -> Option<usize> {
        let entry = self.entries.get(index)?;
        let at = match &entry.event {
            Event::Line(at) | Event::Choice { at, .. } => at,
            _ => return None,
        };
        // The latest mark made before the entry: a line's own, or the
        // showing of the choice that was then decided.
        let position = self.marks.iter().rposition(|m| m.entries <= index)?;
        (self.marks[position].shown.0 == *at).then_some(self.dropped + position)
    }

    /// The entries the player can go back to, oldest first: those with a
    /// mark ([`History::mark_of`]), but not the line or choice at `now`,
    /// which is on screen.
    pub fn returnable(&self, now: &NodeRef) -> Vec<usize> {
        let on_screen = self
            .last_mark()
            .filter(|mark| self.mark(*mark).is_some_and(|m| m.shown.0 == *now));
        (0..self.entries.len())
            .filter(|index| {
                self.mark_of(*index)
                    .is_some_and(|mark| Some(mark) != on_screen)
            })
            .collect()
    }

    /// Forgets mark `number` and everything after it: the entries made
    /// since it and the later marks. Returns the state it kept.
    pub(super) fn cut_back_to(&mut self, number: usize) -> Option<Snapshot> {
        let position = number.checked_sub(self.dropped)?;
        if position >= self.marks.len() {
            return None;
        }
        let mark = self.marks.drain(position..).next()?;
        self.entries.truncate(mark.entries);
        Some(mark.state)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::content::fixtures::{SCENE, compile_scene};
    use crate::settings::TimerMode;
    use crate::story::Session;

    fn node(name: &str) -> NodeRef {
        NodeRef {
            scene: "s".into(),
            node: name.into(),
        }
    }

    /// A snapshot of the test story at its start; what it holds does not
    /// matter here.
    fn state() -> Snapshot {
        let library = compile_scene(SCENE).library.expect("compiles");
        Session::new(Arc::new(library), TimerMode::Normal)
            .unwrap()
            .snapshot()
    }

    fn shown(history: &mut History, name: &str) {
        history.add_mark((node(name), 1), state());
        history.push(0, Event::Line(node(name)));
    }

    #[test]
    fn a_line_and_a_decided_choice_lead_back_to_their_marks() {
        let mut history = History::default();
        shown(&mut history, "a");
        history.push(3, Event::Alarm(Alarm::MapLow));
        history.add_mark((node("ask"), 1), state());
        history.push(4, Event::Alarm(Alarm::HrHigh));
        history.push(
            5,
            Event::Choice {
                at: node("ask"),
                option: Some("yes".into()),
                timed_out: false,
            },
        );
        assert_eq!(history.mark_of(0), Some(0));
        assert_eq!(history.mark_of(1), None, "an alarm has no mark");
        assert_eq!(history.mark_of(3), Some(1));
        assert_eq!(history.returnable(&node("next")), [0, 3]);
        assert_eq!(
            history.returnable(&node("ask")),
            [0],
            "not the choice on screen"
        );
    }

    #[test]
    fn cutting_back_forgets_what_came_after() {
        let mut history = History::default();
        for name in ["a", "b", "c"] {
            shown(&mut history, name);
        }
        assert!(history.cut_back_to(1).is_some());
        assert_eq!(history.entries().len(), 1);
        assert_eq!(history.last_mark(), Some(0));
        assert!(history.cut_back_to(5).is_none());
    }

    #[test]
    fn old_marks_are_dropped_and_numbers_stay() {
        let mut history = History::default();
        for i in 0..MARKS_KEPT + 2 {
            shown(&mut history, &format!("n{i}"));
        }
        assert_eq!(history.last_mark(), Some(MARKS_KEPT + 1));
        assert!(history.mark(1).is_none());
        assert_eq!(history.mark(2).unwrap().shown.0, node("n2"));
        assert_eq!(history.mark_of(1), None, "its mark is gone");
        assert_eq!(history.mark_of(5), Some(5));
    }
}
