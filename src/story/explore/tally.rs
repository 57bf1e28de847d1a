//! What the playthroughs at one pace came to, counted as they finish: the
//! endings and their outcome estimates, the nodes entered, the dead ends,
//! the reading times and the shortest and longest playthrough.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hash::{Hash, Hasher};

use super::walk::{DeadEnd, Trail};
use crate::story::Session;

/// One finished playthrough, kept for the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Playthrough {
    /// Its ending; empty for a dead end.
    pub ending: String,
    /// Decisions with options offered.
    pub choices: u32,
    /// Of those, decisions with a countdown.
    pub timed: u32,
    /// Countdowns let run out.
    pub timeouts: u32,
    /// Lines shown.
    pub lines: u32,
    /// Frau Bram's minutes at the end.
    pub patient_minutes: u32,
    /// Real seconds at the reader's pace.
    pub seconds: f32,
    /// The estimated probability of her death at the end.
    pub outcome: f64,
    /// The decisions, as `choice=option`.
    pub path: Vec<String>,
    /// The seed of the patient; none for the reference patient.
    pub patient: Option<u64>,
}

impl Playthrough {
    fn of(session: &Session, trail: &Trail, ending: &str) -> Playthrough {
        Playthrough {
            ending: ending.to_owned(),
            choices: trail.choices,
            timed: trail.timed,
            timeouts: trail.timeouts,
            lines: trail.lines,
            patient_minutes: session.case().body.minute,
            seconds: trail.seconds,
            outcome: session.case().outcome(),
            path: trail.steps.iter().map(ToString::to_string).collect(),
            patient: session.seed(),
        }
    }

    /// Real minutes at the reader's pace.
    pub fn minutes(&self) -> f32 {
        self.seconds / 60.0
    }
}

/// How long a playthrough that reached an ending was.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Length {
    /// Decisions with options offered.
    pub choices: u32,
    /// Lines shown.
    pub lines: u32,
    /// Frau Bram's minutes at the end.
    pub patient_minutes: u32,
    /// Real minutes at the reader's pace.
    pub minutes: f32,
}

/// A dead end met, with the first way there.
#[derive(Clone, Debug, PartialEq)]
pub struct DeadEndFound {
    /// What went wrong where.
    pub dead_end: DeadEnd,
    /// How many playthroughs met it.
    pub paths: usize,
    /// The first of them.
    pub first: Playthrough,
}

/// The playthroughs at one pace.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Playthroughs finished, dead ends included.
    pub playthroughs: usize,
    /// Distinct sequences of decisions among them.
    pub distinct: HashSet<u64>,
    /// How many reached each ending.
    pub endings: BTreeMap<String, usize>,
    /// The outcome estimates at each ending.
    pub outcomes: BTreeMap<String, Vec<f64>>,
    /// The length of every playthrough that reached an ending.
    pub lengths: Vec<Length>,
    /// The one that reached an ending soonest in real time.
    pub shortest: Option<Playthrough>,
    /// The one that reached an ending latest.
    pub longest: Option<Playthrough>,
    /// The dead ends, each once.
    pub dead_ends: Vec<DeadEndFound>,
    /// Every node entered, as `scene.node`.
    pub reached: BTreeSet<String>,
}

impl Tally {
    /// Counts a playthrough that reached `ending`.
    pub fn ended(&mut self, session: &Session, trail: &Trail, ending: &str) {
        self.finished(session, trail);
        *self.endings.entry(ending.to_owned()).or_default() += 1;
        let outcome = session.case().outcome();
        self.outcomes
            .entry(ending.to_owned())
            .or_default()
            .push(outcome);
        self.lengths.push(Length {
            choices: trail.choices,
            lines: trail.lines,
            patient_minutes: session.case().body.minute,
            minutes: trail.seconds / 60.0,
        });
        if self
            .shortest
            .as_ref()
            .is_none_or(|s| trail.seconds < s.seconds)
        {
            self.shortest = Some(Playthrough::of(session, trail, ending));
        }
        if self
            .longest
            .as_ref()
            .is_none_or(|l| trail.seconds > l.seconds)
        {
            self.longest = Some(Playthrough::of(session, trail, ending));
        }
    }

    /// Counts a playthrough that met `dead_end`.
    pub fn dead_end(&mut self, session: &Session, trail: &Trail, dead_end: DeadEnd) {
        self.finished(session, trail);
        match self.dead_ends.iter_mut().find(|d| d.dead_end == dead_end) {
            Some(found) => found.paths += 1,
            None => self.dead_ends.push(DeadEndFound {
                dead_end,
                paths: 1,
                first: Playthrough::of(session, trail, ""),
            }),
        }
    }

    /// What every finished playthrough counts: itself, its decisions and
    /// the nodes it entered.
    fn finished(&mut self, session: &Session, trail: &Trail) {
        self.playthroughs += 1;
        let mut hasher = DefaultHasher::new();
        trail.steps.hash(&mut hasher);
        self.distinct.insert(hasher.finish());
        // Both in order: one pass over the two finds the nodes new here.
        let mut known = self.reached.iter().peekable();
        let mut new = Vec::new();
        for node in session.story().visits.keys() {
            while known.next_if(|k| *k < node).is_some() {}
            if known.peek() != Some(&node) {
                new.push(node.clone());
            }
        }
        self.reached.extend(new);
    }
}
