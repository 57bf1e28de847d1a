//! The session in the game: the resource that holds it, and thin systems
//! that begin games, follow reloaded content, and feed the session the
//! player's input and the frame's time. What it shows is announced by
//! `announce`.

use std::sync::Arc;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::announce;
use super::messages::{
    Advance, ChoiceMade, DecisionExpired, NewGame, RelationshipChanged, RollBack, ShowChoices,
    ShowLine, ShowPhase, StoryEnded,
};
use super::runner::StoryState;
use super::session::{Countdown, Session, Snapshot};
use crate::content::{ContentStatus, Library, NodeRef, RoomDef, Scene, Target};
use crate::patient::{ApplyIntervention, Case, Patient, unchosen_seed};
use crate::screen::Screen;
use crate::settings::{Settings, TimerMode};

/// The story's systems, in this order each frame.
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StorySystems {
    /// New content is taken, and a new game begun when asked for.
    Begin,
    /// The player's input and the timer setting reach the session.
    Input,
    /// The frame's time passes for the session.
    Time,
    /// What happened and what the story shows are announced.
    Announce,
}

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<ShowLine>()
        .add_message::<ShowChoices>()
        .add_message::<StoryEnded>()
        .add_message::<Advance>()
        .add_message::<ChoiceMade>()
        .add_message::<DecisionExpired>()
        .add_message::<NewGame>()
        .add_message::<ShowPhase>()
        .add_message::<RelationshipChanged>()
        .add_message::<RollBack>()
        .init_resource::<Story>()
        .init_resource::<CurrentBeat>()
        .init_resource::<NewPatient>()
        .init_resource::<announce::Shown>()
        .configure_sets(
            Update,
            (
                StorySystems::Begin,
                (StorySystems::Input, StorySystems::Time).run_if(in_state(Screen::Playing)),
                StorySystems::Announce,
            )
                .chain(),
        )
        .add_systems(OnEnter(Screen::Playing), announce::show_again)
        .add_systems(OnExit(Screen::Playing), announce::clear_beat)
        .add_systems(
            Update,
            (
                (follow_content, new_game, begin)
                    .chain()
                    .in_set(StorySystems::Begin),
                (
                    follow_timer_setting.run_if(resource_changed::<Settings>),
                    apply_input,
                )
                    .chain()
                    .in_set(StorySystems::Input),
                pass_time.in_set(StorySystems::Time),
                (
                    announce::faults,
                    announce::notices,
                    announce::beat.run_if(in_state(Screen::Playing)),
                    announce::case,
                )
                    .chain()
                    .in_set(StorySystems::Announce),
            ),
        );
}

/// The game being played: the content, and the session once a game began.
#[derive(Resource, Default)]
pub struct Story {
    library: Option<Arc<Library>>,
    generation: u32,
    session: Option<Session>,
    /// Counts the games begun or loaded, so that a new one is shown afresh.
    game: u64,
    /// Whether the game being played was loaded from a save.
    loaded: bool,
    /// Why no game could begin (its start does not exist).
    failed_start: Option<String>,
    /// The story new games are of: a mod's own by its id, or the main one.
    chosen: Option<String>,
}

impl Story {
    /// The library being played, once content is ready.
    pub fn library(&self) -> Option<&Arc<Library>> {
        self.library.as_ref()
    }

    /// The running game, once one has begun.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// The running game, to feed it.
    pub(super) fn session_mut(&mut self) -> Option<&mut Session> {
        self.session.as_mut()
    }

    /// Which game this is: it counts up with every game begun or loaded.
    pub fn game(&self) -> u64 {
        self.game
    }

    /// Whether a game is in progress and can go on.
    pub fn in_progress(&self) -> bool {
        self.session.is_some() && self.fault().is_none()
    }

    /// Which beat is on screen, once a game has begun.
    pub fn beat_id(&self) -> Option<BeatId> {
        let session = self.session.as_ref()?;
        Some(BeatId {
            game: self.game,
            revision: session.revision(),
        })
    }

    /// Whether the game being played was loaded from a save, rather than
    /// begun.
    pub fn loaded(&self) -> bool {
        self.loaded
    }

    /// Plays `session` from now on; `loaded` from a save.
    fn play(&mut self, session: Session, loaded: bool) {
        self.session = Some(session);
        self.failed_start = None;
        self.game += 1;
        self.loaded = loaded;
    }

    /// Goes on from a saved game over the content being played, with the
    /// player's timer setting. Returns the node it was saved at when the
    /// content changed since and the story had to move from it; an error
    /// while no content is loaded.
    pub fn load(
        &mut self,
        snapshot: Snapshot,
        timers: TimerMode,
    ) -> Result<Option<NodeRef>, NotReady> {
        let library = self.library.clone().ok_or(NotReady)?;
        let saved_at = snapshot.story.cursor.clone();
        let session = Session::restore(library, snapshot, timers);
        let moved = (session.story().cursor != saved_at).then_some(saved_at);
        self.play(session, true);
        Ok(moved)
    }

    /// The story's state, once a game has begun.
    pub fn state(&self) -> Option<&StoryState> {
        self.session.as_ref().map(Session::story)
    }

    /// The scene the story is in.
    pub fn scene(&self) -> Option<&Scene> {
        self.session.as_ref().and_then(Session::scene)
    }

    /// The room of the scene the story is in.
    pub fn room(&self) -> Option<&RoomDef> {
        let session = self.session.as_ref()?;
        let scene = session.scene()?;
        session.library().rooms.get(&scene.def.room)
    }

    /// The countdown of the timed choice being shown, if it runs.
    pub fn countdown(&self) -> Option<&Countdown> {
        self.session.as_ref().and_then(Session::countdown)
    }

    /// What went wrong, if the story cannot go on.
    pub fn fault(&self) -> Option<String> {
        let fault = self.session.as_ref().and_then(Session::fault);
        fault.map(ToString::to_string).or(self.failed_start.clone())
    }

    /// Forgets the game being played, so the next visit to the playing
    /// screen begins a new one.
    pub fn reset(&mut self) {
        self.session = None;
        self.failed_start = None;
    }
}

/// The beat on screen, told apart from every other: the game (see
/// [`Story::game`]) and the session's revision. It changes whenever the
/// story shows something new, and when a game is begun or loaded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct BeatId {
    /// Which game.
    pub game: u64,
    /// The session's revision in it.
    pub revision: u64,
}

/// The content is not loaded yet, so no game can be loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotReady;

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

/// Where new games begin instead of the manifest's start: a scene being
/// tried out (`famulant play --start @scene`), also when a mod's story of
/// its own is asked for.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct StartAt(pub Target);

/// Which Frau Bram new games have.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NewPatient {
    /// Each new game draws its own patient seed.
    #[default]
    Drawn,
    /// Every new game has the patient of this seed (`famulant --seed N`).
    Seeded(u64),
    /// Every new game has the reference patient of the clinical notes, as
    /// tests that expect her numbers need.
    Reference,
}

impl NewPatient {
    /// The patient seed of a game begun now; none for the reference
    /// patient. A drawn seed mixes the time of day and the real time since
    /// launch into std's randomly keyed hasher, which has no random keys in
    /// the browser.
    fn seed(self, real: &Time<Real>) -> Option<u64> {
        match self {
            NewPatient::Drawn => {
                let now = chrono::Utc::now().timestamp_micros();
                Some(unchosen_seed((now, real.elapsed())))
            }
            NewPatient::Seeded(seed) => Some(seed),
            NewPatient::Reference => None,
        }
    }
}

/// Takes new or changed content; a game in progress follows it.
fn follow_content(status: Res<ContentStatus>, mut story: ResMut<Story>) {
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
    story.failed_start = None;
    if let Some(session) = &mut story.session {
        session.rebase(library.clone());
    }
}

/// Forgets any game in progress and opens the playing screen, where
/// [`begin`] starts the story afresh.
fn new_game(
    mut requests: MessageReader<NewGame>,
    mut story: ResMut<Story>,
    mut screen: ResMut<NextState<Screen>>,
) {
    if let Some(request) = requests.read().last() {
        story.reset();
        story.chosen.clone_from(&request.story);
        screen.set(Screen::Playing);
    }
}

/// How a new game begins: where, with which patient, with which timers.
#[derive(SystemParam)]
struct Beginning<'w> {
    settings: Res<'w, Settings>,
    start_at: Option<Res<'w, StartAt>>,
    patient: Res<'w, NewPatient>,
    real: Res<'w, Time<Real>>,
}

/// Begins a new game on the playing screen once content is ready.
fn begin(mut story: ResMut<Story>, screen: Res<State<Screen>>, beginning: Beginning) {
    if *screen.get() != Screen::Playing || story.session.is_some() || story.failed_start.is_some() {
        return;
    }
    let Some(library) = story.library.clone() else {
        return;
    };
    let timers = beginning.settings.timers;
    let seed = beginning.patient.seed(&beginning.real);
    let begun = match &beginning.start_at {
        Some(at) => Session::starting_at(library, &at.0, timers, seed),
        None => Session::of_story(library, story.chosen.as_deref(), timers, seed),
    };
    match begun {
        Ok(session) => story.play(session, false),
        Err(err) => story.failed_start = Some(err.to_string()),
    }
}

/// Applies a change of the timer setting to the countdown running now.
fn follow_timer_setting(settings: Res<Settings>, mut story: ResMut<Story>) {
    if let Some(session) = story.session_mut() {
        session.set_timer_mode(settings.timers);
    }
}

/// What the player and the rest of the game ask of the story.
#[derive(SystemParam)]
struct Requests<'w, 's> {
    advances: MessageReader<'w, 's, Advance>,
    choices: MessageReader<'w, 's, ChoiceMade>,
    orders: MessageReader<'w, 's, ApplyIntervention>,
    rollbacks: MessageReader<'w, 's, RollBack>,
}

/// Hands the player's input and the game's orders to the session. What
/// goes wrong stays in the session as its fault, which `announce` logs and
/// the problems panel shows.
fn apply_input(mut requests: Requests, mut story: ResMut<Story>) {
    let Some(session) = story.session_mut() else {
        requests.advances.clear();
        requests.choices.clear();
        requests.orders.clear();
        requests.rollbacks.clear();
        return;
    };
    for rollback in requests.rollbacks.read() {
        let went = match rollback {
            RollBack::Step => session.roll_back(),
            RollBack::To(mark) => session.roll_back_to(*mark),
        };
        if !went {
            info!("nothing to go back to");
        }
    }
    for _ in requests.advances.read() {
        let _ = session.advance();
    }
    for choice in requests.choices.read() {
        let _ = session.choose(&choice.at, &choice.option);
    }
    for ApplyIntervention(order) in requests.orders.read() {
        if !session.order(*order) {
            warn!("the order {order:?} could not be carried out");
        }
    }
}

/// Lets the frame's (virtual) time pass for the session: the pause menu
/// stops it.
fn pass_time(time: Res<Time>, mut story: ResMut<Story>) {
    if let Some(session) = story.session_mut() {
        let _ = session.tick(time.delta_secs());
    }
}

/// The patient entity's case, to show the session's.
pub(super) type PatientCase<'w, 's> = Single<'w, 's, &'static mut Case, With<Patient>>;
