//! Thin systems that run the [`StoryState`] inside the app: they feed it the
//! player's input and the decision clock, and announce what it shows.

use std::sync::Arc;

use bevy::prelude::*;

use super::bedside::Bedside;
use super::messages::{
    Advance, ChoiceMade, DecisionExpired, NewGame, OfferedOption, RelationshipChanged, ShowChoices,
    ShowLine, ShowPhase, StoryEnded,
};
use super::runner::{Beat, StoryError, StoryState};
use crate::clock::SimClock;
use crate::content::{ContentStatus, Lab, Library, NodeDef, NodeRef, Target, Timeout, Vital};
use crate::patient::{AlarmRaised, Case, Chart, Intervention, Patient, PatientChart};
use crate::screen::Screen;
use crate::settings::{Settings, TimerMode};

/// The patient entity as the story reads and treats her.
type ThePatient<'w, 's> = Single<'w, 's, PatientChart, With<Patient>>;

/// The story being played.
#[derive(Resource, Default)]
pub struct Story {
    library: Option<Arc<Library>>,
    generation: u32,
    state: Option<StoryState>,
    /// Set when the story moved and must announce its new beat.
    moved: bool,
    /// What went wrong, if the story cannot go on.
    pub fault: Option<String>,
}

impl Story {
    /// The library being played, once content is ready.
    pub fn library(&self) -> Option<&Arc<Library>> {
        self.library.as_ref()
    }

    /// The story's state, once a game has begun.
    pub fn state(&self) -> Option<&StoryState> {
        self.state.as_ref()
    }

    /// Forgets the game being played, so the next visit to the playing
    /// screen begins a new one.
    pub fn reset(&mut self) {
        self.state = None;
        self.fault = None;
    }

    /// The library and the story of a game in progress that can go on.
    fn in_play(&mut self) -> Option<(Arc<Library>, &mut StoryState)> {
        if self.fault.is_some() {
            return None;
        }
        let library = self.library.clone()?;
        Some((library, self.state.as_mut()?))
    }

    fn record(&mut self, result: Result<(), StoryError>) {
        match result {
            Ok(()) => self.moved = true,
            Err(err) => {
                error!("story: {err}");
                self.fault = Some(err.to_string());
            }
        }
    }
}

/// What is on screen now, for the overlay to draw.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub enum CurrentBeat {
    /// Nothing yet.
    #[default]
    Nothing,
    /// A line.
    Line(ShowLine),
    /// A choice.
    Choices(ShowChoices),
    /// A phase of an operation, with its minutes left kept current.
    Phase(ShowPhase),
    /// The end.
    Ended(StoryEnded),
}

/// The patient and her clock, as the story in the game reaches them.
struct Ward<'a> {
    chart: Chart<'a>,
    clock: &'a mut SimClock,
}

impl<'a> Ward<'a> {
    fn new(patient: &'a mut ThePatient, clock: &'a mut SimClock) -> Self {
        Ward {
            chart: patient.chart(),
            clock,
        }
    }
}

impl Bedside for Ward<'_> {
    fn vital(&self, vital: Vital) -> f64 {
        self.chart.vital(vital)
    }

    fn knows(&self, lab: Lab) -> bool {
        self.chart.knows(lab)
    }

    fn order(&mut self, intervention: Intervention) {
        self.chart.order(intervention);
    }

    fn wait(&mut self, minutes: u32) {
        self.chart.wait(minutes);
    }

    fn pace(&mut self, minutes_per_second: f32) {
        self.clock.set_pace(minutes_per_second);
    }
}

/// The countdown of a timed choice an alarm's interrupt broke into, stopped
/// until the story resumes it.
#[derive(Resource, Clone, Debug, PartialEq)]
pub(super) struct ParkedTimer(DecisionTimer);

/// Where new games begin instead of the manifest's start: a scene being
/// tried out (`famulant play --start @scene`).
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct StartAt(pub Target);

/// The countdown of the timed choice being shown.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct DecisionTimer {
    /// The choice.
    pub at: NodeRef,
    /// Its length in seconds as the scene gives it.
    pub declared: f32,
    /// Its length in seconds with the player's timer setting.
    pub total: f32,
    /// Seconds left.
    pub remaining: f32,
}

/// How far the running phase has come in real time.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub(super) struct PhaseRun {
    /// Simulated minutes counted but not yet run.
    carry: f32,
    /// The player asked to finish the phase now.
    hurry: bool,
}

impl DecisionTimer {
    /// The countdown as the timer setting `mode` makes it, keeping the
    /// share of time left; none when the game waits.
    fn with_setting(&self, mode: TimerMode) -> Option<DecisionTimer> {
        let total = mode.seconds(self.declared)?;
        Some(DecisionTimer {
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

/// Takes new or changed content: keeps the story where it is when that node
/// still exists, else goes back to the start of its scene.
pub(super) fn follow_content(
    status: Res<ContentStatus>,
    mut story: ResMut<Story>,
    mut patient: ThePatient,
    mut clock: ResMut<SimClock>,
) {
    let ContentStatus::Ready {
        library,
        generation,
        ..
    } = &*status
    else {
        return;
    };
    if story.generation == *generation {
        return;
    }
    story.generation = *generation;
    story.library = Some(library.clone());
    story.fault = None;
    let Some(state) = &mut story.state else {
        return;
    };
    for (name, value) in &library.variables {
        state.variables.entry(name.clone()).or_insert(*value);
    }
    // An interrupted node that is gone: the interrupt resumes at the start
    // of its scene.
    if let Some(back) = &state.interrupted
        && library.node(back).is_none()
    {
        state.interrupted = library
            .scene(&back.scene)
            .and_then(|s| s.def.nodes.first())
            .map(|n| NodeRef::new(&back.scene, n.id()));
    }
    if library.node(&state.cursor).is_none() {
        let scene_start = library
            .scene(&state.cursor.scene)
            .and_then(|s| s.def.nodes.first())
            .map(|n| NodeRef::new(&state.cursor.scene, n.id()));
        let restart = scene_start.unwrap_or_else(|| library.start.clone());
        info!("the story's node is gone after a reload; continuing at {restart}");
        let variables = state.variables.clone();
        let mut ward = Ward::new(&mut patient, &mut clock);
        match StoryState::at(library, &mut ward, restart) {
            Ok(mut fresh) => {
                fresh.variables = variables;
                story.state = Some(fresh);
            }
            Err(err) => story.fault = Some(err.to_string()),
        }
    }
    story.moved = true;
}

/// Forgets any game in progress, gives the patient a new case and opens the
/// playing screen, where [`begin`] starts the story afresh.
pub(super) fn new_game(
    mut commands: Commands,
    mut requests: MessageReader<NewGame>,
    mut story: ResMut<Story>,
    patient: Single<Entity, With<Patient>>,
    mut screen: ResMut<NextState<Screen>>,
) {
    if requests.read().count() > 0 {
        commands.remove_resource::<DecisionTimer>();
        commands.remove_resource::<ParkedTimer>();
        commands.insert_resource(SimClock::default());
        commands.entity(*patient).insert(Case::new());
        story.reset();
        screen.set(Screen::Playing);
    }
}

/// Announces the current beat again when the playing screen opens.
pub(super) fn reannounce(mut story: ResMut<Story>) {
    story.moved = true;
}

/// Begins a new story on the playing screen once content is ready.
pub(super) fn begin(
    mut story: ResMut<Story>,
    mut patient: ThePatient,
    mut clock: ResMut<SimClock>,
    start_at: Option<Res<StartAt>>,
) {
    if story.state.is_some() || story.fault.is_some() {
        return;
    }
    let Some(library) = story.library.clone() else {
        return;
    };
    let mut ward = Ward::new(&mut patient, &mut clock);
    let start = match start_at {
        Some(at) => match library.resolve(&library.start.scene, &at.0) {
            Some(start) => start,
            None => {
                story.fault = Some(format!("the start `{}` does not exist", at.0));
                return;
            }
        },
        None => library.start.clone(),
    };
    match StoryState::at(&library, &mut ward, start) {
        Ok(state) => {
            story.state = Some(state);
            story.fault = None;
            story.moved = true;
        }
        Err(err) => story.fault = Some(err.to_string()),
    }
}

/// Applies the player's input: advancing lines and choosing options.
pub(super) fn apply_input(
    mut story: ResMut<Story>,
    mut advances: MessageReader<Advance>,
    mut choices: MessageReader<ChoiceMade>,
    mut patient: ThePatient,
    mut clock: ResMut<SimClock>,
    mut hurry: ResMut<PhaseRun>,
) {
    let Some((library, state)) = story
        .in_play()
        .filter(|_| !(advances.is_empty() && choices.is_empty()))
    else {
        advances.clear();
        choices.clear();
        return;
    };
    let mut ward = Ward::new(&mut patient, &mut clock);
    let mut results = Vec::new();
    for _ in advances.read() {
        // A second press while the next beat is a choice is no error; at a
        // phase it finishes the phase.
        match state.beat(&library, &ward) {
            Ok(Beat::Line { .. }) => results.push(state.advance(&library, &mut ward)),
            Ok(Beat::Phase { .. }) => hurry.hurry = true,
            _ => {}
        }
    }
    for choice in choices.read() {
        // An option whose condition stopped holding a moment ago (her
        // vitals moved) is no longer offered: the pick is ignored.
        let offered = match state.beat(&library, &ward) {
            Ok(Beat::Choice { at, options, .. }) => {
                at == choice.at && options.iter().any(|o| o.id == choice.option)
            }
            _ => false,
        };
        if offered {
            results.push(state.choose(&library, &mut ward, &choice.option));
        }
    }
    for result in results {
        story.record(result);
    }
}

/// Counts down the timed choice and takes its outcome when time is up.
pub(super) fn tick_timer(
    time: Res<Time>,
    mut story: ResMut<Story>,
    timer: Option<ResMut<DecisionTimer>>,
    mut expired: MessageWriter<DecisionExpired>,
    mut patient: ThePatient,
    mut clock: ResMut<SimClock>,
) {
    let Some(mut timer) = timer else { return };
    let Some((library, state)) = story.in_play() else {
        return;
    };
    // While an alarm's interrupt runs, the choice it broke into waits with
    // its countdown stopped.
    if state.cursor != timer.at || timer.remaining <= 0.0 {
        return;
    }
    timer.remaining -= time.delta_secs();
    if timer.remaining > 0.0 {
        return;
    }
    let taken = match library.node(&timer.at) {
        Some(NodeDef::Choice {
            options,
            timer: Some(t),
            ..
        }) => match &t.on_timeout {
            Timeout::Take(id) => options.iter().find(|o| &o.id == id).map(|o| o.text.clone()),
            Timeout::Goto { .. } => None,
        },
        _ => None,
    };
    let mut ward = Ward::new(&mut patient, &mut clock);
    let result = state.time_out(&library, &mut ward);
    if result.is_ok() {
        expired.write(DecisionExpired {
            at: timer.at.clone(),
            taken,
        });
    }
    story.record(result);
}

/// Lets the running phase's minutes pass in real time (all at once when the
/// player hurries it), one by one so that an alarm stops it at its minute.
pub(super) fn run_phase(
    time: Res<Time>,
    mut story: ResMut<Story>,
    mut run: ResMut<PhaseRun>,
    mut current: ResMut<CurrentBeat>,
    mut patient: ThePatient,
    mut clock: ResMut<SimClock>,
) {
    let Some((library, state)) = story.in_play() else {
        return;
    };
    let mut ward = Ward::new(&mut patient, &mut clock);
    let Ok(Beat::Phase {
        at, phase, left, ..
    }) = state.beat(&library, &ward)
    else {
        *run = PhaseRun::default();
        return;
    };
    // Hurried, the phase runs all its minutes now; an alarm stops it at its
    // minute, and it hurries on next frame unless the alarm took the story
    // elsewhere.
    let due = if run.hurry {
        run.carry = 0.0;
        left
    } else {
        run.carry += time.delta_secs() * phase.minutes as f32 / phase.real_seconds();
        let due = run.carry.floor();
        run.carry -= due;
        due as u32
    };
    let mut result = Ok(());
    for _ in 0..due {
        if !ward.chart.alarms.is_empty() {
            break;
        }
        if let Err(err) = state.work(&library, &mut ward) {
            result = Err(err);
            break;
        }
        if state.cursor != at {
            break;
        }
    }
    if state.cursor != at || result.is_err() {
        *run = PhaseRun::default();
        story.record(result);
    } else if let (CurrentBeat::Phase(shown), Some(running)) = (&mut *current, &state.phase) {
        shown.left = running.left;
    }
}

/// Applies a change of the timer setting to the countdown running now.
pub(super) fn follow_timer_setting(
    mut commands: Commands,
    settings: Res<Settings>,
    timer: Option<ResMut<DecisionTimer>>,
    parked: Option<Res<ParkedTimer>>,
    beat: Res<CurrentBeat>,
) {
    match timer {
        Some(mut timer) => match timer.with_setting(settings.timers) {
            Some(rescaled) => *timer = rescaled,
            None => commands.remove_resource::<DecisionTimer>(),
        },
        // A timed choice shown while timers were off gets its whole
        // countdown when they are turned on (one parked by an interrupt
        // gets its own back when the story returns to it).
        None => {
            if let CurrentBeat::Choices(show) = &*beat
                && parked.is_none()
                && let Some(declared) = show.seconds
                && let Some(total) = settings.timers.seconds(declared)
            {
                commands.insert_resource(DecisionTimer {
                    at: show.at.clone(),
                    declared,
                    total,
                    remaining: total,
                });
            }
        }
    }
}

/// Lets the scene react to the alarms the patient raised: a nurse or the
/// anaesthetist interrupts.
pub(super) fn react_to_alarms(
    mut alarms: MessageReader<AlarmRaised>,
    mut story: ResMut<Story>,
    mut patient: ThePatient,
    mut clock: ResMut<SimClock>,
) {
    let Some((library, state)) = story.in_play().filter(|_| !alarms.is_empty()) else {
        alarms.clear();
        return;
    };
    let mut ward = Ward::new(&mut patient, &mut clock);
    let mut results = Vec::new();
    for raised in alarms.read() {
        match state.interrupt(&library, &mut ward, raised.alarm) {
            Ok(true) => {
                info!("{:?} interrupts the story: {}", raised.alarm, state.cursor);
                results.push(Ok(()));
            }
            Ok(false) => {}
            Err(err) => results.push(Err(err)),
        }
    }
    for result in results {
        story.record(result);
    }
}

/// Offers a choice's options anew when the patient's vitals changed which
/// of them hold (run when her vitals changed).
pub(super) fn refresh_offer(
    mut story: ResMut<Story>,
    current: Res<CurrentBeat>,
    mut chart: ThePatient,
) {
    let CurrentBeat::Choices(shown) = &*current else {
        return;
    };
    let (Some(library), Some(state)) = (&story.library, &story.state) else {
        return;
    };
    let Ok(Beat::Choice { at, options, .. }) = state.beat(library, &chart.chart()) else {
        // No longer a choice that can be shown (none of its options holds
        // and it has no timer): announcing reports the fault.
        story.moved = true;
        return;
    };
    let same = at == shown.at
        && options.len() == shown.options.len()
        && options
            .iter()
            .zip(&shown.options)
            .all(|(o, s)| o.id == s.id);
    if !same {
        story.moved = true;
    }
}

/// Announces the story's new beat after it moved.
#[allow(clippy::too_many_arguments)]
pub(super) fn announce(
    mut commands: Commands,
    mut story: ResMut<Story>,
    mut patient: ThePatient,
    mut current: ResMut<CurrentBeat>,
    mut lines: MessageWriter<ShowLine>,
    mut choices: MessageWriter<ShowChoices>,
    mut phases: MessageWriter<ShowPhase>,
    mut ended: MessageWriter<StoryEnded>,
    mut relationships: MessageWriter<RelationshipChanged>,
    (running, parked, settings): (
        Option<Res<DecisionTimer>>,
        Option<Res<ParkedTimer>>,
        Res<Settings>,
    ),
) {
    if !std::mem::take(&mut story.moved) {
        return;
    }
    let story = &mut *story;
    let (Some(library), Some(state)) = (&story.library, &mut story.state) else {
        return;
    };
    for change in state.news.drain(..) {
        if let Some(r) = library.relationships.get(&change.id) {
            relationships.write(RelationshipChanged {
                id: change.id,
                name: r.name.clone(),
                delta: change.delta,
                rising_is_worse: r.rising_is_worse,
            });
        }
    }
    let state = &*state;
    let beat = match state.beat(library, &patient.chart()) {
        Ok(beat) => beat,
        Err(err) => {
            error!("story: {err}");
            story.fault = Some(err.to_string());
            return;
        }
    };
    // The same choice announced again (after the title screen or a reload)
    // keeps its countdown. A choice an alarm broke into keeps it parked,
    // stopped, until the interrupt resumes it. Anything else starts afresh.
    let choice_at = match &beat {
        Beat::Choice { at, .. } => Some(at),
        _ => None,
    };
    let same_choice = running.as_ref().is_some_and(|t| Some(&t.at) == choice_at);
    let mut resumed = false;
    if !same_choice {
        commands.remove_resource::<DecisionTimer>();
        if let Some(t) = running.filter(|t| state.interrupted.as_ref() == Some(&t.at)) {
            commands.insert_resource(ParkedTimer(t.clone()));
        }
        if let Some(ParkedTimer(t)) = parked.as_deref() {
            if Some(&t.at) == choice_at {
                // The setting may have changed while the interrupt ran.
                if let Some(t) = t.with_setting(settings.timers) {
                    commands.insert_resource(t);
                }
                commands.remove_resource::<ParkedTimer>();
                resumed = true;
            } else if state.interrupted.as_ref() != Some(&t.at) {
                commands.remove_resource::<ParkedTimer>();
            }
        }
    }
    *current = match beat {
        Beat::Line { at, speaker, text } => {
            let line = ShowLine {
                at,
                speaker: speaker.map(str::to_owned),
                text: text.clone(),
            };
            lines.write(line.clone());
            CurrentBeat::Line(line)
        }
        Beat::Choice {
            at,
            speaker,
            prompt,
            options,
            timer,
        } => {
            if let Some(timer) = timer.filter(|_| !same_choice && !resumed) {
                // With timers off a choice that offers nothing (its options
                // all wait on conditions) would wait for ever: its declared
                // outcome comes at once instead, and is shown as such.
                let total = match settings.timers.seconds(timer.seconds) {
                    Some(total) => Some(total),
                    None if options.is_empty() => Some(f32::MIN_POSITIVE),
                    None => None,
                };
                if let Some(total) = total {
                    commands.insert_resource(DecisionTimer {
                        at: at.clone(),
                        declared: timer.seconds,
                        total,
                        remaining: total,
                    });
                }
            }
            let show = ShowChoices {
                at,
                speaker: speaker.map(str::to_owned),
                prompt: prompt.cloned(),
                options: options
                    .into_iter()
                    .map(|o| OfferedOption {
                        id: o.id.clone(),
                        text: o.text.clone(),
                        hint: o.hint.clone(),
                    })
                    .collect(),
                seconds: timer.map(|t| t.seconds),
            };
            choices.write(show.clone());
            CurrentBeat::Choices(show)
        }
        Beat::Phase {
            at,
            phase,
            speaker,
            text,
            left,
        } => {
            let show = ShowPhase {
                at,
                name: phase.name.clone(),
                speaker: speaker.map(str::to_owned),
                text: text.cloned(),
                minutes: phase.minutes,
                left,
            };
            phases.write(show.clone());
            CurrentBeat::Phase(show)
        }
        Beat::End { ending, .. } => {
            let end = StoryEnded {
                ending: ending.to_owned(),
            };
            ended.write(end.clone());
            CurrentBeat::Ended(end)
        }
    };
}

/// Stops the patient's clock while the story cannot go on (a fault, content
/// errors) or is over, while a phase runs the minutes itself, and while a
/// decision waits for a player who turned timers off.
pub(super) fn hold_clock(
    story: Res<Story>,
    current: Res<CurrentBeat>,
    settings: Res<Settings>,
    mut clock: ResMut<SimClock>,
) {
    let waiting = match &*current {
        CurrentBeat::Phase(_) => true,
        CurrentBeat::Choices(_) => settings.timers == TimerMode::Off,
        _ => false,
    };
    let halted = waiting
        || story.fault.is_some()
        || story.library.is_none()
        || story
            .state
            .as_ref()
            .zip(story.library.as_ref())
            .is_some_and(|(state, library)| state.ending(library).is_some());
    if clock.paused() != halted {
        clock.set_paused(halted);
    }
}

/// Clears what was shown when the player leaves the playing screen. A
/// running countdown stays, stopped, for when the player continues.
pub(super) fn clear_beat(mut current: ResMut<CurrentBeat>) {
    *current = CurrentBeat::Nothing;
}
