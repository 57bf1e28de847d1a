//! The story runner: a plain state machine over a [`Library`], no Bevy.
//!
//! The state holds only ids and values, so it can be saved, compared and
//! replayed: the same choices always give the same story.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::bedside::Bedside;

use crate::content::{
    Condition, Effect, Library, LocalizedText, Mood, NodeDef, NodeRef, OptionDef, PhaseDef, Scene,
    Target, Timeout, TimerDef, Value,
};
use crate::patient::Alarm;

/// How many automatic nodes (branches, effects) may follow each other before
/// the runner decides the story is caught in a loop.
const MAX_AUTOMATIC_STEPS: usize = 10_000;

/// What the player did at a choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceRecord {
    /// The choice node.
    pub at: NodeRef,
    /// The option taken, if any (a timeout with `Goto` takes none).
    pub option: Option<String>,
    /// Whether the timer ran out rather than the player choosing.
    pub timed_out: bool,
}

/// Where a story stands: cursor, variables, visits, seen lines, choices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryState {
    /// The node the story waits at (a line, a choice or an end).
    pub cursor: NodeRef,
    /// The story variables.
    pub variables: BTreeMap<String, Value>,
    /// How often each node was entered, keyed by `scene.node`.
    pub visits: BTreeMap<String, u32>,
    /// Every line shown so far, as `scene.node`.
    pub seen_lines: BTreeSet<String>,
    /// Every decision, in order.
    pub choice_log: Vec<ChoiceRecord>,
    /// The line or choice an alarm interrupted, while its interrupt runs.
    #[serde(default)]
    pub interrupted: Option<NodeRef>,
    /// How characters feel, where a scene said so.
    #[serde(default)]
    pub moods: BTreeMap<String, Mood>,
    /// The phase of an operation under way, and its minutes left; it waits
    /// while an alarm's interrupt runs.
    #[serde(default)]
    pub phase: Option<RunningPhase>,
    /// The phase an alarm interrupted, set aside with its minutes left
    /// while the interrupt runs (which may run a phase of its own).
    #[serde(default)]
    pub interrupted_phase: Option<RunningPhase>,
    /// The phases finished in this scene, by id.
    #[serde(default)]
    pub phases_done: BTreeSet<String>,
    /// Who came in (`true`) or went out (`false`) in this scene, against the
    /// scene's `offstage`.
    #[serde(default)]
    pub presence: BTreeMap<String, bool>,
    /// Relationship changes not yet told to the player (the session takes
    /// them as they happen).
    #[serde(default)]
    pub relationship_changes: Vec<RelationshipChange>,
}

/// A phase of an operation under way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunningPhase {
    /// Its node.
    pub at: NodeRef,
    /// Simulated minutes still to run.
    pub left: u32,
}

/// A relationship that changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationshipChange {
    /// The relationship's id.
    pub id: String,
    /// By how much (after clamping to its range).
    pub delta: i64,
}

/// What the story shows now.
#[derive(Clone, Debug, PartialEq)]
pub enum Beat<'l> {
    /// A line waiting to be read.
    Line {
        /// The line's node.
        at: NodeRef,
        /// Who speaks; none for narration.
        speaker: Option<&'l str>,
        /// The text.
        text: &'l LocalizedText,
    },
    /// A decision waiting to be made.
    Choice {
        /// The choice's node.
        at: NodeRef,
        /// Who asks, if anybody.
        speaker: Option<&'l str>,
        /// The question, if any.
        prompt: Option<&'l LocalizedText>,
        /// The options whose conditions hold, in order.
        options: Vec<&'l OptionDef>,
        /// The countdown, if the choice has one.
        timer: Option<&'l TimerDef>,
    },
    /// A phase of an operation running.
    Phase {
        /// The phase's node.
        at: NodeRef,
        /// The phase.
        phase: &'l PhaseDef,
        /// Who speaks the text, if anybody.
        speaker: Option<&'l str>,
        /// What is shown while it runs.
        text: Option<&'l LocalizedText>,
        /// Simulated minutes still to run.
        left: u32,
    },
    /// The story is over.
    End {
        /// The end's node.
        at: NodeRef,
        /// Which ending was reached.
        ending: &'l str,
    },
}

impl Beat<'_> {
    /// The node shown.
    pub fn at(&self) -> &NodeRef {
        match self {
            Beat::Line { at, .. }
            | Beat::Choice { at, .. }
            | Beat::Phase { at, .. }
            | Beat::End { at, .. } => at,
        }
    }
}

/// Something the content or the caller got wrong while playing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoryError {
    /// A node names a target that does not exist.
    UnknownTarget {
        /// The node holding the target.
        from: NodeRef,
        /// The target as written.
        target: String,
    },
    /// The cursor points at a node that does not exist (after a content change).
    UnknownNode(NodeRef),
    /// Branches and effects lead to each other without end.
    Loop(NodeRef),
    /// A choice with no option available and no timer.
    NoOptions(NodeRef),
    /// `advance` was called where the story does not show a line.
    NotALine(NodeRef),
    /// `choose` or `time_out` was called where the story does not offer a choice.
    NotAChoice(NodeRef),
    /// The option is not among those offered.
    UnknownOption {
        /// The choice.
        at: NodeRef,
        /// The option asked for.
        option: String,
    },
    /// `time_out` was called on a choice without a timer.
    NoTimer(NodeRef),
    /// A `Resume` was reached while no interrupt was running.
    NothingToResume(NodeRef),
    /// A `Phase` node names a phase its scene does not have.
    UnknownPhase(NodeRef),
    /// A new game of a story no mod laid on brings.
    UnknownStory(String),
}

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoryError::UnknownTarget { from, target } => {
                write!(f, "{from}: target `{target}` does not exist")
            }
            StoryError::UnknownNode(at) => write!(f, "node {at} does not exist"),
            StoryError::Loop(at) => write!(f, "{at}: branches and effects loop without end"),
            StoryError::NoOptions(at) => write!(f, "{at}: no option is available"),
            StoryError::NotALine(at) => write!(f, "{at} is not a line"),
            StoryError::NotAChoice(at) => write!(f, "{at} is not a choice"),
            StoryError::UnknownOption { at, option } => {
                write!(f, "{at}: option `{option}` is not offered")
            }
            StoryError::NoTimer(at) => write!(f, "{at} has no timer"),
            StoryError::UnknownPhase(at) => write!(f, "{at}: the phase does not exist"),
            StoryError::UnknownStory(id) => write!(f, "no mod laid on brings the story `{id}`"),
            StoryError::NothingToResume(at) => {
                write!(
                    f,
                    "{at}: Resume reached, but no alarm interrupted the story"
                )
            }
        }
    }
}

impl std::error::Error for StoryError {}

impl StoryState {
    /// A new story at the library's start.
    pub fn new(library: &Library, bedside: &mut dyn Bedside) -> Result<StoryState, StoryError> {
        Self::at(library, bedside, library.start.clone())
    }

    /// A new story that begins at `start` with the starting variables.
    pub fn at(
        library: &Library,
        bedside: &mut dyn Bedside,
        start: NodeRef,
    ) -> Result<StoryState, StoryError> {
        let mut state = StoryState {
            cursor: start.clone(),
            variables: library.variables.clone(),
            visits: BTreeMap::new(),
            seen_lines: BTreeSet::new(),
            choice_log: Vec::new(),
            interrupted: None,
            moods: BTreeMap::new(),
            phase: None,
            interrupted_phase: None,
            phases_done: BTreeSet::new(),
            presence: BTreeMap::new(),
            relationship_changes: Vec::new(),
        };
        state.enter(library, bedside, start)?;
        Ok(state)
    }

    /// What the story shows now.
    pub fn beat<'l>(
        &self,
        library: &'l Library,
        bedside: &dyn Bedside,
    ) -> Result<Beat<'l>, StoryError> {
        let at = self.cursor.clone();
        match library.node(&at) {
            Some(NodeDef::Line { speaker, text, .. }) => Ok(Beat::Line {
                at,
                speaker: speaker.as_deref(),
                text,
            }),
            Some(NodeDef::Choice {
                speaker,
                prompt,
                options,
                timer,
                ..
            }) => {
                let offered: Vec<&OptionDef> = options
                    .iter()
                    .filter(|o| {
                        o.when
                            .as_ref()
                            .is_none_or(|c| self.holds(library, bedside, c))
                    })
                    .collect();
                if offered.is_empty() && timer.is_none() {
                    return Err(StoryError::NoOptions(at));
                }
                Ok(Beat::Choice {
                    at,
                    speaker: speaker.as_deref(),
                    prompt: prompt.as_ref(),
                    options: offered,
                    timer: timer.as_ref(),
                })
            }
            Some(NodeDef::Phase {
                phase,
                speaker,
                text,
                ..
            }) => {
                let def = phase_def(library, &at, phase)?;
                let left = self
                    .phase
                    .as_ref()
                    .filter(|p| p.at == at)
                    .map_or(def.minutes, |p| p.left);
                Ok(Beat::Phase {
                    at,
                    phase: def,
                    speaker: speaker.as_deref(),
                    text: text.as_ref(),
                    left,
                })
            }
            Some(NodeDef::End { ending, .. }) => Ok(Beat::End { at, ending }),
            Some(NodeDef::Branch { .. } | NodeDef::Effects { .. } | NodeDef::Resume { .. })
            | None => Err(StoryError::UnknownNode(at)),
        }
    }

    /// The ending reached, once the story is over.
    pub fn ending<'l>(&self, library: &'l Library) -> Option<&'l str> {
        match library.node(&self.cursor) {
            Some(NodeDef::End { ending, .. }) => Some(ending),
            _ => None,
        }
    }

    /// Goes on from the line being shown.
    pub fn advance(
        &mut self,
        library: &Library,
        bedside: &mut dyn Bedside,
    ) -> Result<(), StoryError> {
        let Some(NodeDef::Line { next, .. }) = library.node(&self.cursor) else {
            return Err(StoryError::NotALine(self.cursor.clone()));
        };
        let next = self.follow(library, next.as_ref())?;
        self.enter(library, bedside, next)
    }

    /// Takes the option `option` of the choice being shown.
    pub fn choose(
        &mut self,
        library: &Library,
        bedside: &mut dyn Bedside,
        option: &str,
    ) -> Result<(), StoryError> {
        self.take(library, bedside, option, false)
    }

    /// Lets the timer of the choice being shown run out.
    pub fn time_out(
        &mut self,
        library: &Library,
        bedside: &mut dyn Bedside,
    ) -> Result<(), StoryError> {
        let at = self.cursor.clone();
        let Some(NodeDef::Choice { timer, .. }) = library.node(&at) else {
            return Err(StoryError::NotAChoice(at));
        };
        let Some(timer) = timer else {
            return Err(StoryError::NoTimer(at));
        };
        match &timer.on_timeout {
            Timeout::Take(option) => self.take(library, bedside, option, true),
            Timeout::Goto { effects, goto } => {
                self.choice_log.push(ChoiceRecord {
                    at: at.clone(),
                    option: None,
                    timed_out: true,
                });
                self.apply(library, bedside, effects);
                let next = self.resolve(library, goto)?;
                self.enter(library, bedside, next)
            }
        }
    }

    /// Reacts to a monitor alarm: while the story waits at a line or a
    /// choice of a scene with an interrupt for `alarm` whose condition
    /// holds, it goes to that interrupt's target, and a `Resume` there
    /// comes back. No interrupt breaks into another one. Returns whether
    /// the story moved.
    pub fn interrupt(
        &mut self,
        library: &Library,
        bedside: &mut dyn Bedside,
        alarm: Alarm,
    ) -> Result<bool, StoryError> {
        let waiting = matches!(
            library.node(&self.cursor),
            Some(NodeDef::Line { .. } | NodeDef::Choice { .. } | NodeDef::Phase { .. })
        );
        if !waiting || self.interrupted.is_some() {
            return Ok(false);
        }
        let Some(scene) = self.scene(library) else {
            return Ok(false);
        };
        let handler = scene.def.interrupts.iter().find(|i| {
            i.alarm == alarm
                && i.when
                    .as_ref()
                    .is_none_or(|c| self.holds(library, bedside, c))
        });
        let Some(handler) = handler else {
            return Ok(false);
        };
        let next = self.resolve(library, &handler.goto)?;
        self.interrupted = Some(self.cursor.clone());
        if self.phase.as_ref().is_some_and(|p| p.at == self.cursor) {
            self.interrupted_phase = self.phase.take();
        }
        self.enter(library, bedside, next)?;
        Ok(true)
    }

    /// Lets one minute of the running phase pass for the patient; when it
    /// was the last, the phase's `done` effects apply and the story goes
    /// on. Does nothing unless the story waits at a running phase (not
    /// while an interrupt runs). Returns whether a minute passed.
    pub fn run_phase_minute(
        &mut self,
        library: &Library,
        bedside: &mut dyn Bedside,
    ) -> Result<bool, StoryError> {
        let at = self.cursor.clone();
        let Some(NodeDef::Phase { phase, next, .. }) = library.node(&at) else {
            return Ok(false);
        };
        let def = phase_def(library, &at, phase)?;
        // A phase the state does not know as running (a save or a reload
        // from before it began) runs its full length; one with more minutes
        // left than it has (a damaged save) no longer than that.
        let running = match &mut self.phase {
            Some(running) if running.at == at => {
                running.left = running.left.min(def.minutes);
                running
            }
            other => other.insert(RunningPhase {
                at: at.clone(),
                left: def.minutes,
            }),
        };
        if running.left > 0 {
            bedside.wait(1);
            running.left -= 1;
        }
        if running.left == 0 {
            self.phase = None;
            self.phases_done.insert(def.id.clone());
            self.apply(library, bedside, &def.done);
            let next = self.follow(library, next.as_ref())?;
            self.enter(library, bedside, next)?;
        }
        Ok(true)
    }

    /// Whether a character of the current scene's cast is in the room (not
    /// offstage, or brought in by `Enter`).
    pub fn is_present(&self, library: &Library, character: &str) -> bool {
        let Some(scene) = self.scene(library) else {
            return false;
        };
        scene.def.cast.iter().any(|c| c == character)
            && self
                .presence
                .get(character)
                .copied()
                .unwrap_or_else(|| !scene.def.offstage.iter().any(|c| c == character))
    }

    /// The node the story waits at.
    pub fn node<'l>(&self, library: &'l Library) -> Option<&'l NodeDef> {
        library.node(&self.cursor)
    }

    /// The scene the story is in.
    pub fn scene<'l>(&self, library: &'l Library) -> Option<&'l Scene> {
        library.scene(&self.cursor.scene)
    }

    /// How a character feels now.
    pub fn mood(&self, character: &str) -> Mood {
        self.moods.get(character).copied().unwrap_or_default()
    }

    /// The value of a variable; unknown variables read as 0.
    pub fn var(&self, name: &str) -> Value {
        self.variables.get(name).copied().unwrap_or(Value::Int(0))
    }

    /// How often a node was entered.
    pub fn visits_of(&self, at: &NodeRef) -> u32 {
        at.with_key(|key| self.visits.get(key).copied().unwrap_or(0))
    }

    /// Whether `condition` holds now, reading targets from the current scene.
    pub fn holds(&self, library: &Library, bedside: &dyn Bedside, condition: &Condition) -> bool {
        let visits = |target: &Target| {
            library
                .resolve(&self.cursor.scene, target)
                .map_or(0, |at| i64::from(self.visits_of(&at)))
        };
        match condition {
            Condition::Is(name) => self.var(name) == Value::Bool(true),
            Condition::Var(name, op, value) => match self.var(name) {
                Value::Int(n) => op.holds(n, *value),
                Value::Bool(_) => false,
            },
            Condition::Visited(target) => visits(target) > 0,
            Condition::Visits(target, op, value) => op.holds(visits(target), *value),
            Condition::Not(inner) => !self.holds(library, bedside, inner),
            Condition::All(inner) => inner.iter().all(|c| self.holds(library, bedside, c)),
            Condition::Any(inner) => inner.iter().any(|c| self.holds(library, bedside, c)),
            Condition::Vital(vital, op, value) => op.holds(bedside.vital(*vital), *value),
            Condition::Known(lab) => bedside.knows(*lab),
            Condition::Alive => bedside.alive(),
        }
    }

    fn take(
        &mut self,
        library: &Library,
        bedside: &mut dyn Bedside,
        option: &str,
        timed_out: bool,
    ) -> Result<(), StoryError> {
        let at = self.cursor.clone();
        let Some(NodeDef::Choice { options, .. }) = library.node(&at) else {
            return Err(StoryError::NotAChoice(at));
        };
        let chosen = options
            .iter()
            .find(|o| o.id == option)
            .filter(|o| {
                timed_out
                    || o.when
                        .as_ref()
                        .is_none_or(|c| self.holds(library, bedside, c))
            })
            .ok_or_else(|| StoryError::UnknownOption {
                at: at.clone(),
                option: option.to_owned(),
            })?;
        self.choice_log.push(ChoiceRecord {
            at,
            option: Some(chosen.id.clone()),
            timed_out,
        });
        self.apply(library, bedside, &chosen.effects);
        let next = self.resolve(library, &chosen.goto)?;
        self.enter(library, bedside, next)
    }

    fn apply(&mut self, library: &Library, bedside: &mut dyn Bedside, effects: &[Effect]) {
        for effect in effects {
            match effect {
                Effect::Set(name, value) => self.set(library, name, *value),
                Effect::Add(name, delta) => {
                    let value = match self.var(name) {
                        Value::Int(n) => Value::Int(n.saturating_add(*delta)),
                        other => other,
                    };
                    self.set(library, name, value);
                }
                Effect::Enter(character) => {
                    self.presence.insert(character.clone(), true);
                }
                Effect::Leave(character) => {
                    self.presence.insert(character.clone(), false);
                }
                Effect::Order(intervention) => bedside.order(*intervention),
                Effect::Wait(minutes) => bedside.wait(*minutes),
                Effect::Pace(pace) => bedside.pace(*pace),
                Effect::Mood(character, mood) => {
                    self.moods.insert(character.clone(), *mood);
                }
            }
        }
    }

    /// Sets a variable; a relationship stays in its range, and its change
    /// is kept as news for the player.
    fn set(&mut self, library: &Library, name: &str, value: Value) {
        let value = match (library.relationships.get(name), value) {
            (Some(r), Value::Int(n)) => {
                let n = n.clamp(r.min, r.max);
                if let Value::Int(old) = self.var(name)
                    && old != n
                {
                    self.relationship_changes.push(RelationshipChange {
                        id: name.to_owned(),
                        delta: n - old,
                    });
                }
                Value::Int(n)
            }
            _ => value,
        };
        self.variables.insert(name.to_owned(), value);
    }

    fn resolve(&self, library: &Library, target: &Target) -> Result<NodeRef, StoryError> {
        library
            .resolve(&self.cursor.scene, target)
            .ok_or_else(|| StoryError::UnknownTarget {
                from: self.cursor.clone(),
                target: target.to_string(),
            })
    }

    /// `next` when given, else the node after the cursor.
    fn follow(&self, library: &Library, next: Option<&Target>) -> Result<NodeRef, StoryError> {
        match next {
            Some(target) => self.resolve(library, target),
            None => library
                .following(&self.cursor)
                .ok_or_else(|| StoryError::UnknownTarget {
                    from: self.cursor.clone(),
                    target: "(the following node)".to_owned(),
                }),
        }
    }

    /// Moves to `at` and on through branches and effects to the next node
    /// that waits for the player.
    fn enter(
        &mut self,
        library: &Library,
        bedside: &mut dyn Bedside,
        at: NodeRef,
    ) -> Result<(), StoryError> {
        let mut at = at;
        for _ in 0..MAX_AUTOMATIC_STEPS {
            // An interrupt belongs to its scene: leaving the scene ends it.
            if self
                .interrupted
                .as_ref()
                .is_some_and(|back| back.scene != at.scene)
            {
                self.interrupted = None;
                self.interrupted_phase = None;
            }
            // So do a phase under way and who came and went.
            if self.cursor.scene != at.scene {
                self.phase = None;
                self.phases_done.clear();
                self.presence.clear();
            }
            *self.visits.entry(at.key()).or_insert(0) += 1;
            // The cursor is the node entered from here on (targets resolve
            // from its scene).
            self.cursor = at;
            let here = &self.cursor;
            at = match library.node(here) {
                None => return Err(StoryError::UnknownNode(here.clone())),
                Some(NodeDef::Line { .. }) => {
                    self.seen_lines.insert(here.key());
                    return Ok(());
                }
                Some(NodeDef::Choice { .. } | NodeDef::End { .. }) => return Ok(()),
                Some(NodeDef::Resume { .. }) => {
                    let back = self
                        .interrupted
                        .take()
                        .ok_or_else(|| StoryError::NothingToResume(here.clone()))?;
                    // Shown again, not entered again: no visit is counted,
                    // and a phase goes on where it was.
                    let shown_again = match library.node(&back) {
                        Some(NodeDef::Line { .. } | NodeDef::Choice { .. }) => true,
                        Some(NodeDef::Phase { .. }) => {
                            let saved = self.interrupted_phase.take();
                            let goes_on = saved.as_ref().is_some_and(|p| p.at == back);
                            if goes_on {
                                self.phase = saved;
                            }
                            goes_on
                        }
                        _ => false,
                    };
                    if shown_again {
                        self.cursor = back;
                        return Ok(());
                    }
                    back
                }
                Some(NodeDef::Phase { phase, .. }) => {
                    let def = phase_def(library, here, phase)?;
                    self.phase = Some(RunningPhase {
                        at: here.clone(),
                        left: def.minutes,
                    });
                    self.apply(library, bedside, &def.start);
                    return Ok(());
                }
                Some(NodeDef::Effects { effects, next, .. }) => {
                    self.apply(library, bedside, effects);
                    self.follow(library, next.as_ref())?
                }
                Some(NodeDef::Branch {
                    cases, otherwise, ..
                }) => {
                    let target = cases
                        .iter()
                        .find(|case| self.holds(library, bedside, &case.when))
                        .map_or(otherwise, |case| &case.goto);
                    self.resolve(library, target)?
                }
            };
        }
        Err(StoryError::Loop(at))
    }
}

/// The phase a `Phase` node at `at` names.
fn phase_def<'l>(
    library: &'l Library,
    at: &NodeRef,
    phase: &str,
) -> Result<&'l PhaseDef, StoryError> {
    library
        .phase(&at.scene, phase)
        .ok_or_else(|| StoryError::UnknownPhase(at.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fixtures::{SCENE, compile_scene};
    use crate::patient::Case;

    fn library() -> Library {
        compile_scene(SCENE).library.expect("fixture compiles")
    }

    fn line_id(state: &StoryState, library: &Library) -> String {
        match state.beat(library, &Case::new()).unwrap() {
            Beat::Line { at, .. } => at.node,
            other => panic!("expected a line, got {other:?}"),
        }
    }

    #[test]
    fn a_choice_applies_its_effects_and_branches_on_them() {
        let lib = library();
        let mut story = StoryState::new(&lib, &mut Case::new()).unwrap();
        assert_eq!(line_id(&story, &lib), "hello");
        story.advance(&lib, &mut Case::new()).unwrap();
        let Beat::Choice { options, timer, .. } = story.beat(&lib, &Case::new()).unwrap() else {
            panic!("expected the choice");
        };
        let offered: Vec<_> = options.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(offered, ["greet", "mumble"], "`secret` needs trust > 5");
        assert_eq!(timer.map(|t| t.seconds), Some(5.0));
        story.choose(&lib, &mut Case::new(), "greet").unwrap();
        assert_eq!(line_id(&story, &lib), "good");
        assert_eq!(story.var("trust"), Value::Int(2));
        assert_eq!(story.var("brave"), Value::Bool(true));
        story.advance(&lib, &mut Case::new()).unwrap();
        assert_eq!(story.ending(&lib), Some("good_start"));
        assert_eq!(story.visits_of(&NodeRef::new("s1", "check")), 1);
        assert!(story.seen_lines.contains("s1.good"));
    }

    #[test]
    fn a_timeout_takes_the_declared_option() {
        let lib = library();
        let mut story = StoryState::new(&lib, &mut Case::new()).unwrap();
        story.advance(&lib, &mut Case::new()).unwrap();
        story.time_out(&lib, &mut Case::new()).unwrap();
        assert_eq!(line_id(&story, &lib), "poor");
        assert_eq!(story.var("trust"), Value::Int(-1));
        assert_eq!(
            story.choice_log,
            vec![ChoiceRecord {
                at: NodeRef::new("s1", "answer"),
                option: Some("mumble".into()),
                timed_out: true
            }]
        );
        story.advance(&lib, &mut Case::new()).unwrap();
        assert_eq!(story.ending(&lib), Some("shy_start"));
    }

    #[test]
    fn options_not_offered_and_wrong_calls_are_refused() {
        let lib = library();
        let mut story = StoryState::new(&lib, &mut Case::new()).unwrap();
        assert_eq!(
            story.choose(&lib, &mut Case::new(), "greet"),
            Err(StoryError::NotAChoice(NodeRef::new("s1", "hello")))
        );
        story.advance(&lib, &mut Case::new()).unwrap();
        assert!(matches!(
            story.choose(&lib, &mut Case::new(), "secret"),
            Err(StoryError::UnknownOption { .. })
        ));
        assert!(matches!(
            story.advance(&lib, &mut Case::new()),
            Err(StoryError::NotALine(_))
        ));
    }

    #[test]
    fn the_same_choices_give_the_same_story() {
        let lib = library();
        let play = |option: &str| {
            let mut story = StoryState::new(&lib, &mut Case::new()).unwrap();
            story.advance(&lib, &mut Case::new()).unwrap();
            story.choose(&lib, &mut Case::new(), option).unwrap();
            story
        };
        assert_eq!(play("mumble"), play("mumble"));
        assert_ne!(play("mumble"), play("greet"));
    }

    #[test]
    fn a_timeout_with_goto_applies_its_effects() {
        let scene = SCENE.replace(
            r#"on_timeout: Take("mumble")"#,
            r#"on_timeout: Goto(effects: [Add("trust", -3)], goto: "poor")"#,
        );
        let lib = compile_scene(&scene).library.unwrap();
        let mut story = StoryState::new(&lib, &mut Case::new()).unwrap();
        story.advance(&lib, &mut Case::new()).unwrap();
        story.time_out(&lib, &mut Case::new()).unwrap();
        assert_eq!(line_id(&story, &lib), "poor");
        assert_eq!(story.var("trust"), Value::Int(-3));
        assert_eq!(story.choice_log[0].option, None);
    }

    /// The fixture with a pressure alarm handler that resumes.
    fn interrupted_library() -> Library {
        let scene = SCENE
            .replace(
                r#"cast: ["roland", "vladi"],"#,
                r#"cast: ["roland", "vladi"],
    interrupts: [(alarm: "map_low", when: Not(Visited("nurse")), goto: "nurse")],"#,
            )
            .replace(
                r#"End(id: "sad", ending: "shy_start"),"#,
                r#"End(id: "sad", ending: "shy_start"),
        Line(id: "nurse", text: (de: "Der Druck!", en: "Her pressure!")),
        Effects(id: "treat", effects: [Order(Norepinephrine(dose: 0.1))]),
        Resume(id: "back"),"#,
            );
        let compiled = compile_scene(&scene);
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        compiled.library.unwrap()
    }

    #[test]
    fn an_alarm_interrupts_and_the_story_resumes_where_it_was() {
        let lib = interrupted_library();
        let mut patient = Case::new();
        let mut story = StoryState::new(&lib, &mut patient).unwrap();
        story.advance(&lib, &mut patient).unwrap();
        assert_eq!(story.cursor.node, "answer");
        assert!(!story.interrupt(&lib, &mut patient, Alarm::HrHigh).unwrap());
        assert!(story.interrupt(&lib, &mut patient, Alarm::MapLow).unwrap());
        assert_eq!(line_id(&story, &lib), "nurse");
        assert!(
            !story.interrupt(&lib, &mut patient, Alarm::MapLow).unwrap(),
            "no interrupt breaks into another"
        );
        story.advance(&lib, &mut patient).unwrap();
        assert_eq!(story.cursor.node, "answer", "back at the choice");
        assert_eq!(
            story.visits_of(&story.cursor.clone()),
            1,
            "not entered twice"
        );
        assert_eq!(story.interrupted, None);
        patient.wait(10);
        assert!(patient.body.norepinephrine > 0.0, "the nurse's order runs");
        assert!(
            !story.interrupt(&lib, &mut patient, Alarm::MapLow).unwrap(),
            "its condition: only once"
        );
    }

    #[test]
    fn moods_are_set_by_effects_and_kept() {
        let scene = SCENE.replace(
            r#"effects: [Add("trust", 2), Set("brave", true)]"#,
            r#"effects: [Add("trust", 2), Set("brave", true), Mood("roland", "relieved")]"#,
        );
        let compiled = compile_scene(&scene);
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        let lib = compiled.library.unwrap();
        let mut patient = Case::new();
        let mut story = StoryState::new(&lib, &mut patient).unwrap();
        assert_eq!(story.mood("roland"), Mood::Neutral);
        story.advance(&lib, &mut patient).unwrap();
        story.choose(&lib, &mut patient, "greet").unwrap();
        assert_eq!(story.mood("roland"), Mood::Relieved);
        assert_eq!(story.mood("vladi"), Mood::Neutral);
        let unknown = compile_scene(&SCENE.replace(
            r#"Set("brave", true)]"#,
            r#"Set("brave", true), Mood("rolnd", "angry")]"#,
        ));
        assert!(unknown.has_errors(), "an unknown character is an error");
    }

    #[test]
    fn a_resume_without_an_interrupt_is_an_error() {
        let lib = interrupted_library();
        let mut patient = Case::new();
        let mut story = StoryState::at(&lib, &mut patient, NodeRef::new("s1", "nurse")).unwrap();
        assert!(matches!(
            story.advance(&lib, &mut patient),
            Err(StoryError::NothingToResume(_))
        ));
    }

    #[test]
    fn scenes_treat_the_patient_and_branch_on_her_vitals() {
        let scene = SCENE.replace(
            r#"Branch(id: "check", cases: [(when: Is("brave"), goto: "good")], otherwise: "poor"),"#,
            r#"Effects(id: "check", effects: [Order(Lactate(point_of_care: true)), Wait(120)]),
               Branch(id: "check2", cases: [(when: All([Vital("map", "<", 65), Known("lactate"), Vital("lactate", ">", 4)]), goto: "good")], otherwise: "poor"),"#,
        );
        let compiled = compile_scene(&scene);
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        let lib = compiled.library.unwrap();
        let mut patient = Case::new();
        let mut story = StoryState::new(&lib, &mut patient).unwrap();
        story.advance(&lib, &mut patient).unwrap();
        story.choose(&lib, &mut patient, "greet").unwrap();
        assert_eq!(patient.body.minute, 120, "two hours passed");
        assert_eq!(patient.labs.lactate(), Some((4.1, 0)));
        assert_eq!(
            line_id(&story, &lib),
            "good",
            "untreated, her MAP fell below 65"
        );
    }
}
