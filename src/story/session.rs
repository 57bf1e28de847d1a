//! The running story as one plain value: the story state, Frau Bram's case
//! and her clock, the countdown of a timed choice (parked while an alarm's
//! interrupt runs), the running phase's minutes, and what happened that the
//! player should be told. Hosts (the game, `play --text`, tests) feed it
//! input and real time and read what it shows; none of them holds a rule.
//!
//! A session is deterministic: the same input and the same seconds give the
//! same story and the same vitals. It snapshots to a versioned RON value
//! that names content by id only, and restores to the identical state.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::history::{Entry, Event, History};
use super::runner::{Beat, RelationshipChange, StoryError, StoryState};
use crate::content::{Library, NodeDef, NodeRef, Scene, Target};
use crate::patient::{Alarm, Case, Intervention, RaisedAlarm, Variation};
use crate::settings::TimerMode;

/// The version of the snapshot format; a snapshot of another version is
/// refused rather than misread.
pub const SNAPSHOT_VERSION: u32 = 1;

/// The countdown of the timed choice being shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Countdown {
    /// The choice.
    pub at: NodeRef,
    /// Its length in seconds as the scene gives it.
    pub declared: f32,
    /// Its length in seconds with the player's timer setting.
    pub total: f32,
    /// Seconds left.
    pub remaining: f32,
}

impl Countdown {
    /// A full countdown for the choice at `at`, as the timer setting makes
    /// it; none when the game waits.
    fn start(at: NodeRef, declared: f32, mode: TimerMode) -> Option<Countdown> {
        let total = mode.seconds(declared)?;
        Some(Countdown {
            at,
            declared,
            total,
            remaining: total,
        })
    }

    /// The countdown as the timer setting `mode` makes it, keeping the
    /// share of time left; none when the game waits.
    fn with_setting(&self, mode: TimerMode) -> Option<Countdown> {
        let total = mode.seconds(self.declared)?;
        if total == self.total {
            return Some(self.clone());
        }
        Some(Countdown {
            total,
            remaining: self.fraction_left() * total,
            ..self.clone()
        })
    }

    /// The share of time left, from 1 down to 0.
    pub fn fraction_left(&self) -> f32 {
        (self.remaining / self.total).clamp(0.0, 1.0)
    }
}

/// Something that happened besides the beat, for the player to be told.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A monitor alarm went off.
    Alarm(RaisedAlarm),
    /// An alarm's interrupt broke into the story.
    Interrupted {
        /// The alarm.
        alarm: Alarm,
        /// The line, choice or phase it broke into, to come back to.
        at: NodeRef,
    },
    /// A relationship changed.
    Relationship(RelationshipChange),
    /// A timed choice ran out and its declared outcome was taken.
    Expired {
        /// The choice.
        at: NodeRef,
        /// The option taken for the player (its id); none when the story
        /// went on without one.
        taken: Option<String>,
    },
}

/// A session at rest, as saved: content by id only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// [`SNAPSHOT_VERSION`] when it was taken.
    pub version: u32,
    /// The game's patient seed; none for the reference patient (and in
    /// saves from before patients varied). Her physiology itself is in
    /// `case`, so a restored game has the identical patient.
    #[serde(default)]
    pub seed: Option<u64>,
    /// The story.
    pub story: StoryState,
    /// The patient, her clock included.
    pub case: Case,
    /// The countdown of the choice being shown.
    pub countdown: Option<Countdown>,
    /// The countdown of a choice an interrupt broke into.
    pub parked: Option<Countdown>,
    /// Simulated minutes of the running phase counted but not yet run.
    pub phase_carry: f32,
    /// What happened so far, oldest first (empty in the marks rollback
    /// returns to, which keep the state alone).
    #[serde(default)]
    pub history: Vec<Entry>,
}

impl Snapshot {
    /// The snapshot as RON text.
    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .expect("a snapshot has only serialisable parts")
    }

    /// Reads a snapshot written by [`Snapshot::to_ron`].
    pub fn from_ron(text: &str) -> Result<Snapshot, String> {
        /// The version alone, read before the rest, whose shape it names.
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        let Version { version } = ron::from_str(text).map_err(|e| e.to_string())?;
        if version != SNAPSHOT_VERSION {
            return Err(format!(
                "the snapshot has version {version}; this game reads version {SNAPSHOT_VERSION}"
            ));
        }
        ron::from_str(text).map_err(|e| e.to_string())
    }
}

/// What the player is shown, to tell whether it changed: the node, how
/// often it was entered, and the options offered.
type Shown = Option<(NodeRef, u32, Vec<String>)>;

/// The running story.
#[derive(Clone, Debug)]
pub struct Session {
    library: Arc<Library>,
    seed: Option<u64>,
    story: StoryState,
    case: Case,
    countdown: Option<Countdown>,
    parked: Option<Countdown>,
    phase_carry: f32,
    timers: TimerMode,
    fault: Option<StoryError>,
    shown: Shown,
    revision: u64,
    notices: Vec<Notice>,
    history: History,
    /// Whether the next beat shown gets its entry in the history; not the
    /// beat a restored session shows again.
    log_shown: bool,
}

impl Session {
    /// A new game at the library's start, Frau Bram on arrival as the
    /// reference patient of the clinical notes.
    pub fn new(library: Arc<Library>, timers: TimerMode) -> Result<Session, StoryError> {
        let start = library.start.clone();
        Self::at_node(library, start, timers, None)
    }

    /// A new game at the library's start whose Frau Bram is the patient of
    /// `seed` (see [`Variation::drawn`]): the same seed, the same patient.
    pub fn seeded(
        library: Arc<Library>,
        timers: TimerMode,
        seed: u64,
    ) -> Result<Session, StoryError> {
        let start = library.start.clone();
        Self::at_node(library, start, timers, Some(seed))
    }

    /// A new game of the story `story`: a mod's story of its own, by the
    /// mod's id, or the main story (none); with the patient of `seed`
    /// (without one, the reference patient).
    pub fn of_story(
        library: Arc<Library>,
        story: Option<&str>,
        timers: TimerMode,
        seed: Option<u64>,
    ) -> Result<Session, StoryError> {
        let start = library
            .start_of(story)
            .ok_or_else(|| StoryError::UnknownStory(story.unwrap_or_default().to_owned()))?;
        Self::at_node(library, start, timers, seed)
    }

    /// A new game that begins at `start` (a scene being tried out), read
    /// from the start's scene, with the patient of `seed` (without one, the
    /// reference patient).
    pub fn starting_at(
        library: Arc<Library>,
        start: &Target,
        timers: TimerMode,
        seed: Option<u64>,
    ) -> Result<Session, StoryError> {
        let at = library
            .resolve(&library.start.scene, start)
            .ok_or_else(|| StoryError::UnknownTarget {
                from: library.start.clone(),
                target: start.to_string(),
            })?;
        Self::at_node(library, at, timers, seed)
    }

    fn at_node(
        library: Arc<Library>,
        start: NodeRef,
        timers: TimerMode,
        seed: Option<u64>,
    ) -> Result<Session, StoryError> {
        let mut case = Case::of(Variation::of_seed(seed));
        let story = StoryState::at(&library, &mut case, start)?;
        let mut session = Session {
            library,
            seed,
            story,
            case,
            countdown: None,
            parked: None,
            phase_carry: 0.0,
            timers,
            fault: None,
            shown: None,
            revision: 0,
            notices: Vec::new(),
            history: History::default(),
            log_shown: true,
        };
        session.settle();
        session.result()?;
        Ok(session)
    }

    /// The session as it stands, its history included, to save.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            history: self.history.entries().to_vec(),
            ..self.state()
        }
    }

    /// The session as it stands without its history, to go back to.
    fn state(&self) -> Snapshot {
        Snapshot {
            version: SNAPSHOT_VERSION,
            seed: self.seed,
            story: self.story.clone(),
            case: self.case.clone(),
            countdown: self.countdown.clone(),
            parked: self.parked.clone(),
            phase_carry: self.phase_carry,
            history: Vec::new(),
        }
    }

    /// A session restored from `snapshot` over `library`, with the player's
    /// timer setting; content changed since is followed as after a reload.
    /// Its history goes on from the snapshot's; rollback reaches back to
    /// the beat it shows.
    pub fn restore(library: Arc<Library>, snapshot: Snapshot, timers: TimerMode) -> Session {
        // The beat shown again has its entry already, unless the content
        // changed under it and the story moves.
        let log_shown =
            snapshot.history.is_empty() || library.node(&snapshot.story.cursor).is_none();
        let Snapshot {
            seed,
            story,
            case,
            countdown,
            parked,
            phase_carry,
            history,
            ..
        } = snapshot;
        let mut session = Session {
            library: library.clone(),
            seed,
            story,
            case,
            countdown: countdown.and_then(|c| c.with_setting(timers)),
            parked,
            phase_carry,
            timers,
            fault: None,
            shown: None,
            revision: 0,
            notices: Vec::new(),
            history: History::from_entries(history),
            log_shown,
        };
        session.rebase(library);
        session
    }

    /// What happened so far, and the marks rollback returns to.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Records no history from now on and forgets what it holds: no
    /// entries and no marks to roll back to. For a host that neither shows
    /// the history nor rolls back (the explorer), which then copies no state
    /// at each line and clones sessions without a history.
    pub fn keep_no_history(&mut self) {
        self.history.stop_recording();
    }

    /// Goes back one step: to the line or choice before the one shown (or
    /// to the one a phase or an ending came after), everything as it was
    /// then. False when there is nothing to go back to.
    pub fn roll_back(&mut self) -> bool {
        let Some(last) = self.history.last_mark() else {
            return false;
        };
        let shown = self.shown.as_ref().map(|(at, visits, _)| (at, *visits));
        let on_last = self
            .history
            .mark(last)
            .is_some_and(|mark| Some((&mark.shown.0, mark.shown.1)) == shown);
        let target = if on_last {
            last.checked_sub(1)
        } else {
            Some(last)
        };
        target.is_some_and(|mark| self.roll_back_to(mark))
    }

    /// Goes back to mark `mark` of the history (see
    /// [`History::mark_of`]): the session as it was when that line or
    /// choice was shown, with what came after forgotten, so the player can
    /// choose differently. False when that mark is not kept.
    pub fn roll_back_to(&mut self, mark: usize) -> bool {
        let Some(state) = self.history.cut_back_to(mark) else {
            return false;
        };
        self.story = state.story;
        self.case = state.case;
        // The countdown as it was, in the player's timer setting.
        self.countdown = state.countdown.and_then(|c| c.with_setting(self.timers));
        self.parked = state.parked;
        self.phase_carry = state.phase_carry;
        self.fault = None;
        self.notices.clear();
        self.shown = None;
        self.log_shown = true;
        self.settle();
        true
    }

    /// The content being played.
    pub fn library(&self) -> &Arc<Library> {
        &self.library
    }

    /// The game's patient seed; none for the reference patient.
    pub fn seed(&self) -> Option<u64> {
        self.seed
    }

    /// The story's state.
    pub fn story(&self) -> &StoryState {
        &self.story
    }

    /// Frau Bram's case.
    pub fn case(&self) -> &Case {
        &self.case
    }

    /// The scene the story is in.
    pub fn scene(&self) -> Option<&Scene> {
        self.story.scene(&self.library)
    }

    /// What the story shows now.
    pub fn beat(&self) -> Result<Beat<'_>, StoryError> {
        self.story.beat(&self.library, &self.case)
    }

    /// The ending reached, once the story is over.
    pub fn ending(&self) -> Option<&str> {
        self.story.ending(&self.library)
    }

    /// The countdown of the timed choice being shown, if it runs.
    pub fn countdown(&self) -> Option<&Countdown> {
        self.countdown.as_ref()
    }

    /// What went wrong, if the story cannot go on.
    pub fn fault(&self) -> Option<&StoryError> {
        self.fault.as_ref()
    }

    /// Counts up whenever the beat is new or changed and must be shown
    /// (again); a host shows the beat when this differs from what it last
    /// showed.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// What happened since the last call, oldest first.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    /// Whether Frau Bram's own time runs with real time now: while the
    /// player reads or decides (with timers on), not while a phase runs its
    /// minutes, a decision waits for a player who turned timers off, the
    /// story is over or cannot go on.
    pub fn clock_runs(&self) -> bool {
        if self.fault.is_some() {
            return false;
        }
        match self.story.node(&self.library) {
            Some(NodeDef::Line { .. }) => true,
            Some(NodeDef::Choice { .. }) => self.timers != TimerMode::Off,
            _ => false,
        }
    }

    /// Goes on from the line being read; at a running phase, lets its
    /// minutes run now (an alarm's interrupt stops it at its minute).
    /// Anywhere else nothing happens.
    pub fn advance(&mut self) -> Result<(), StoryError> {
        if self.fault.is_none() {
            match self.story.node(&self.library) {
                Some(NodeDef::Line { .. }) => {
                    let result = self.story.advance(&self.library, &mut self.case);
                    self.record(result);
                }
                Some(NodeDef::Phase { .. }) => self.finish_phase(),
                _ => {}
            }
        }
        self.settle();
        self.result()
    }

    /// Takes `option` of the choice at `at`. A pick for a choice no longer
    /// shown (a double click, a key pressed as the timer ran out) or an
    /// option no longer offered (her vitals moved a moment ago) is ignored.
    pub fn choose(&mut self, at: &NodeRef, option: &str) -> Result<(), StoryError> {
        let offered = matches!(self.beat(), Ok(Beat::Choice { at: shown, options, .. })
            if shown == *at && options.iter().any(|o| o.id == option));
        if offered && self.fault.is_none() {
            // Decided: a way back to this choice starts a new countdown.
            self.countdown = None;
            let minute = self.case.body.minute;
            let result = self.story.choose(&self.library, &mut self.case, option);
            if result.is_ok() {
                let event = Event::Choice {
                    at: at.clone(),
                    option: Some(option.to_owned()),
                    timed_out: false,
                };
                self.history.push(minute, event);
            }
            self.record(result);
        }
        self.settle();
        self.result()
    }

    /// Lets the time of the choice being shown run out now: the seconds
    /// left pass for Frau Bram as they would while the player hesitates.
    /// Without a countdown (timers off) its outcome comes at once.
    pub fn let_time_run_out(&mut self) -> Result<(), StoryError> {
        match &self.countdown {
            Some(countdown) => {
                let seconds = countdown.remaining.max(f32::MIN_POSITIVE);
                self.tick(seconds)
            }
            None => {
                if matches!(
                    self.story.node(&self.library),
                    Some(NodeDef::Choice { timer: Some(_), .. })
                ) {
                    self.expire();
                }
                self.settle();
                self.result()
            }
        }
    }

    /// Gives a medical order from outside the story; false when it cannot
    /// be carried out.
    pub fn order(&mut self, intervention: Intervention) -> bool {
        let done = self.case.order(intervention);
        self.settle();
        done
    }

    /// Applies the player's timer setting to the countdown running now. A
    /// timed choice shown while timers were off gets its whole countdown.
    pub fn set_timer_mode(&mut self, mode: TimerMode) {
        if mode == self.timers {
            return;
        }
        self.timers = mode;
        self.countdown = self.countdown.take().and_then(|c| c.with_setting(mode));
        self.start_countdown();
    }

    /// Lets `seconds` of real time pass: Frau Bram's minutes at the scene's
    /// pace, the countdown of the choice being shown, the running phase's
    /// minutes. Alarms interrupt at the minute they go off.
    pub fn tick(&mut self, seconds: f32) -> Result<(), StoryError> {
        if self.fault.is_some() || !seconds.is_finite() || seconds <= 0.0 {
            return self.result();
        }
        // These seconds belong to the beat shown when they began: a beat
        // the story moves to meanwhile starts with the next tick.
        let shown = self.story.cursor.clone();
        let (minute, told) = (self.case.body.minute, self.notices.len());
        self.run_clock(seconds);
        if self.story.cursor == shown {
            self.run_countdown(seconds);
        }
        if self.story.cursor == shown {
            self.run_phase(seconds);
        }
        // Most frames only count down: nothing to bring up to date then.
        let moved = self.story.cursor != shown || self.fault.is_some();
        if moved || self.case.body.minute != minute || self.notices.len() != told {
            self.settle();
        }
        self.result()
    }

    /// Takes new or changed content: keeps the story where it is when that
    /// node still exists, else goes back to the start of its scene (or of
    /// the story); new variables get their starting values.
    pub fn rebase(&mut self, library: Arc<Library>) {
        self.library = library;
        self.fault = None;
        let library = self.library.clone();
        for (name, value) in &library.variables {
            self.story.variables.entry(name.clone()).or_insert(*value);
        }
        // An interrupted node that is gone: the interrupt resumes at the
        // start of its scene.
        if let Some(back) = &self.story.interrupted
            && library.node(back).is_none()
        {
            self.story.interrupted = library.resolve(&back.scene, &Target::scene_start());
        }
        if library.node(&self.story.cursor).is_none() {
            let restart = library
                .resolve(&self.story.cursor.scene, &Target::scene_start())
                .unwrap_or(library.start.clone());
            let variables = self.story.variables.clone();
            match StoryState::at(&library, &mut self.case, restart) {
                Ok(fresh) => {
                    self.story = fresh;
                    self.story.variables = variables;
                }
                Err(err) => self.fault = Some(err),
            }
        }
        self.countdown = self.countdown.take().filter(|c| self.timer_unchanged(c));
        self.parked = self.parked.take().filter(|c| self.timer_unchanged(c));
        self.settle();
        // Shown again with the new text, whether or not it moved.
        self.revision += 1;
    }

    /// Whether the choice of `countdown` still has the timer it was started
    /// with (a reload may have changed or removed it).
    fn timer_unchanged(&self, countdown: &Countdown) -> bool {
        matches!(self.library.node(&countdown.at),
            Some(NodeDef::Choice { timer: Some(timer), .. }) if timer.seconds == countdown.declared)
    }

    /// Frau Bram's minutes at the scene's pace, one by one.
    fn run_clock(&mut self, seconds: f32) {
        if !self.clock_runs() {
            return;
        }
        for _ in 0..self.case.clock.tick(seconds) {
            if !self.clock_runs() {
                break;
            }
            self.case.step();
            self.take_alarms();
        }
    }

    /// Counts down the choice being shown and takes its outcome when time is
    /// up.
    fn run_countdown(&mut self, seconds: f32) {
        let Some(countdown) = &mut self.countdown else {
            return;
        };
        if countdown.at != self.story.cursor || self.fault.is_some() {
            return;
        }
        countdown.remaining -= seconds;
        if countdown.remaining <= 0.0 {
            self.expire();
        }
    }

    /// Takes the declared outcome of the choice being shown.
    fn expire(&mut self) {
        // Run out: a way back to this choice starts a new countdown.
        self.countdown = None;
        let at = self.story.cursor.clone();
        let result = self.story.time_out(&self.library, &mut self.case);
        if result.is_ok() {
            // The choice log says which option was taken, if any.
            let taken = self.story.choice_log.last().and_then(|c| c.option.clone());
            let event = Event::Choice {
                at: at.clone(),
                option: taken.clone(),
                timed_out: true,
            };
            self.history.push(self.case.body.minute, event);
            self.notices.push(Notice::Expired { at, taken });
        }
        self.record(result);
    }

    /// Lets the running phase's minutes pass in real time, one by one so
    /// that an alarm stops it at its minute.
    fn run_phase(&mut self, seconds: f32) {
        // Most ticks fall on a line or a choice: no beat to build then.
        let at_phase = matches!(self.story.node(&self.library), Some(NodeDef::Phase { .. }));
        let Some(Ok(Beat::Phase { at, phase, .. })) = at_phase.then(|| self.beat()) else {
            self.phase_carry = 0.0;
            return;
        };
        let minutes_per_second = phase.minutes as f32 / phase.real_seconds();
        self.phase_carry += seconds * minutes_per_second;
        let due = self.phase_carry.floor();
        self.phase_carry -= due;
        for _ in 0..due as u32 {
            if !self.run_phase_minute(&at) {
                self.phase_carry = 0.0;
                break;
            }
        }
    }

    /// Runs the phase being shown to its end, unless an alarm's interrupt
    /// takes the story elsewhere first.
    fn finish_phase(&mut self) {
        let at = self.story.cursor.clone();
        self.phase_carry = 0.0;
        while self.run_phase_minute(&at) {}
    }

    /// One minute of the phase at `at`; false once the story is no longer
    /// there (the phase ended, an interrupt came) or cannot go on.
    fn run_phase_minute(&mut self, at: &NodeRef) -> bool {
        if self.story.cursor != *at || self.fault.is_some() {
            return false;
        }
        let result = self
            .story
            .run_phase_minute(&self.library, &mut self.case)
            .map(|_| ());
        self.record(result);
        self.take_alarms();
        self.story.cursor == *at && self.fault.is_none()
    }

    /// Tells of the alarms Frau Bram raised and lets the scene's interrupts
    /// answer them; orders given there may raise more.
    fn take_alarms(&mut self) {
        self.take_relationship_changes();
        loop {
            self.take_clinical_events();
            let raised = self.case.alarms.take();
            if raised.is_empty() {
                return;
            }
            for alarm in raised {
                self.history.push(alarm.minute, Event::Alarm(alarm.alarm));
                self.notices.push(Notice::Alarm(alarm));
                if self.fault.is_none() {
                    let at = self.story.cursor.clone();
                    match self
                        .story
                        .interrupt(&self.library, &mut self.case, alarm.alarm)
                    {
                        Ok(true) => self.notices.push(Notice::Interrupted {
                            alarm: alarm.alarm,
                            at,
                        }),
                        Ok(false) => {}
                        Err(err) => self.record(Err(err)),
                    }
                }
            }
            self.take_relationship_changes();
        }
    }

    /// Notes the orders carried out and the results come back.
    fn take_clinical_events(&mut self) {
        for (minute, event) in self.case.events.take() {
            self.history.push(minute, Event::Clinical(event));
        }
    }

    fn take_relationship_changes(&mut self) {
        let changes = std::mem::take(&mut self.story.relationship_changes);
        self.notices
            .extend(changes.into_iter().map(Notice::Relationship));
    }

    /// Brings everything after a move of the story up to date: alarms and
    /// their interrupts, the countdown, and whether the beat must be shown.
    fn settle(&mut self) {
        self.take_alarms();
        self.park_or_resume_countdown();
        self.start_countdown();
        // A fault shows nothing new: the host reads it from `fault`.
        if let Some(shown) = self.shown_now()
            && self.shown.as_ref() != Some(&shown)
        {
            let (at, visits, _) = &shown;
            let new_beat = self
                .shown
                .as_ref()
                .is_none_or(|(a, v, _)| (a, v) != (at, visits));
            self.shown = Some(shown);
            self.revision += 1;
            if new_beat {
                self.note_shown();
            }
        }
    }

    /// Notes the beat newly shown in the history: a line or a choice gets a
    /// mark to roll back to; a line, a phase and an ending get an entry
    /// (a choice gets its entry when it is decided).
    fn note_shown(&mut self) {
        let log = std::mem::replace(&mut self.log_shown, true);
        let Some((at, visits, _)) = &self.shown else {
            return;
        };
        let (at, visits) = (at.clone(), *visits);
        let event = match self.story.node(&self.library) {
            Some(NodeDef::Line { .. }) => {
                self.add_mark(&at, visits);
                Event::Line(at)
            }
            Some(NodeDef::Choice { .. }) => {
                self.add_mark(&at, visits);
                return;
            }
            Some(NodeDef::Phase { .. }) => Event::Phase(at),
            Some(NodeDef::End { .. }) => Event::Ended(at),
            _ => return,
        };
        if log {
            self.history.push(self.case.body.minute, event);
        }
    }

    /// Keeps the session as it is, to roll back to the beat at `at` shown
    /// for the `visits`th time, unless no history is kept.
    fn add_mark(&mut self, at: &NodeRef, visits: u32) {
        if self.history.records() {
            let state = self.state();
            self.history.add_mark((at.clone(), visits), state);
        }
    }

    /// The countdown of a choice no longer shown waits, stopped, while an
    /// interrupt broke into it and comes back with the story; otherwise it
    /// is dropped.
    fn park_or_resume_countdown(&mut self) {
        let cursor = &self.story.cursor;
        let interrupted = self.story.interrupted.as_ref();
        if let Some(countdown) = self.countdown.take_if(|c| c.at != *cursor)
            && interrupted == Some(&countdown.at)
        {
            self.parked = Some(countdown);
        }
        if let Some(parked) = self.parked.take_if(|p| interrupted != Some(&p.at))
            && parked.at == *cursor
        {
            // The setting may have changed while the interrupt ran.
            self.countdown = parked.with_setting(self.timers);
        }
    }

    /// A timed choice just shown gets its countdown. With timers off one
    /// that offers nothing (its options all wait on conditions) would wait
    /// for ever: its declared outcome comes at once instead.
    fn start_countdown(&mut self) {
        let timed = matches!(
            self.story.node(&self.library),
            Some(NodeDef::Choice { timer: Some(_), .. })
        );
        if !timed || self.countdown.is_some() || self.fault.is_some() {
            return;
        }
        let Ok(Beat::Choice {
            at,
            options,
            timer: Some(timer),
            ..
        }) = self.beat()
        else {
            return;
        };
        let countdown = Countdown::start(at.clone(), timer.seconds, self.timers).or_else(|| {
            options.is_empty().then_some(Countdown {
                at,
                declared: timer.seconds,
                total: f32::MIN_POSITIVE,
                remaining: f32::MIN_POSITIVE,
            })
        });
        self.countdown = countdown;
    }

    /// What the player is shown now; none when the story cannot show
    /// anything (then it has a fault).
    fn shown_now(&mut self) -> Shown {
        if self.fault.is_some() {
            return None;
        }
        let shown = match self.beat() {
            Ok(Beat::Choice { at, options, .. }) => {
                let ids = options.iter().map(|o| o.id.clone()).collect();
                Ok((at, ids))
            }
            Ok(Beat::Line { at, .. } | Beat::Phase { at, .. } | Beat::End { at, .. }) => {
                Ok((at, Vec::new()))
            }
            Err(err) => Err(err),
        };
        match shown {
            Ok((at, ids)) => {
                let visits = self.story.visits_of(&at);
                Some((at, visits, ids))
            }
            Err(err) => {
                self.fault = Some(err);
                None
            }
        }
    }

    fn record(&mut self, result: Result<(), StoryError>) {
        if let Err(err) = result {
            self.fault.get_or_insert(err);
        }
    }

    fn result(&self) -> Result<(), StoryError> {
        match &self.fault {
            Some(err) => Err(err.clone()),
            None => Ok(()),
        }
    }
}
