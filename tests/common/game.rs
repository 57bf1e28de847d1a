//! A headless game for integration tests: the real plugins under
//! `MinimalPlugins`, the real scene files, and helpers that read like what
//! a player does.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use famulant::content::{ContentStatus, Library, Value};
use famulant::patient::{Alarm, AlarmRaised, Case, Patient};
use famulant::save::{Found, Saves, SeenLines, Storage};
use famulant::story::{
    Advance, ChoiceMade, Countdown, CurrentBeat, DecisionExpired, NewGame, NewPatient, ShowChoices,
    ShowLine, Story,
};
use famulant::{headless_app, headless_app_with_mods};

use super::shipped_scenes;

/// How much game time passes per update.
pub const FRAME: Duration = Duration::from_millis(100);

/// Everything the story showed, in order.
#[derive(Resource, Default)]
struct Transcript {
    lines: Vec<ShowLine>,
    expired: usize,
    alarms: Vec<Alarm>,
}

fn record(
    mut transcript: ResMut<Transcript>,
    mut lines: MessageReader<ShowLine>,
    mut expired: MessageReader<DecisionExpired>,
    mut alarms: MessageReader<AlarmRaised>,
) {
    transcript.lines.extend(lines.read().cloned());
    transcript.expired += expired.read().count();
    transcript.alarms.extend(alarms.read().map(|a| a.alarm));
}

/// The game, headless.
pub struct TestGame {
    pub app: App,
}

impl TestGame {
    /// The game with the shipped scenes, content loaded, on the title screen.
    pub fn new() -> Self {
        Self::with_scenes(&shipped_scenes(), false)
    }

    /// The game with the scenes in `dir`, reloading them on change if
    /// `watch`; new games have the reference patient, whose numbers tests
    /// know.
    pub fn with_scenes(dir: &Path, watch: bool) -> Self {
        Self::with_app(headless_app(dir, watch))
    }

    /// The game with the shipped scenes and the mods of the folder `mods`
    /// laid over them, all on, reloading scenes and mods on change if
    /// `watch`.
    pub fn with_mods(mods: &Path, watch: bool) -> Self {
        Self::with_app(headless_app_with_mods(
            &shipped_scenes(),
            vec![mods.to_owned()],
            watch,
        ))
    }

    fn with_app(mut app: App) -> Self {
        app.insert_resource(TimeUpdateStrategy::ManualDuration(FRAME))
            .insert_resource(NewPatient::Reference)
            .init_resource::<Transcript>()
            .add_systems(PostUpdate, record);
        let mut game = Self { app };
        game.update_until("content loaded", |world| {
            !matches!(world.resource::<ContentStatus>(), ContentStatus::Loading)
        });
        game
    }

    /// The game with the shipped scenes, keeping its saves and its record
    /// of lines read in folder `dir`, as the game does in the player's
    /// data folder.
    pub fn with_saves(dir: &Path) -> Self {
        let mut game = Self::new();
        game.keep_saves_in(dir);
        game
    }

    /// Keeps this game's saves and record of lines read in folder `dir`.
    pub fn keep_saves_in(&mut self, dir: &Path) {
        let saves = Saves::open(Storage::folder(dir.join("saves")));
        let (seen, problem) = SeenLines::open(Storage::folder(dir));
        assert_eq!(problem, None);
        let (found, problem) = Found::open(Storage::folder(dir));
        assert_eq!(problem, None);
        self.app
            .insert_resource(saves)
            .insert_resource(seen)
            .insert_resource(found);
    }

    /// Runs one frame.
    pub fn update(&mut self) {
        self.app.update();
    }

    /// Runs frames until `done` holds; panics after ten seconds of real time.
    pub fn update_until(&mut self, what: &str, done: impl Fn(&World) -> bool) {
        let start = Instant::now();
        while !done(self.app.world()) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what}"
            );
            self.app.update();
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// A copy of the patient's case, from her entity.
    pub fn patient(&mut self) -> Case {
        let world = self.app.world_mut();
        let mut query = world.query_filtered::<&Case, With<Patient>>();
        query.single(world).expect("one patient").clone()
    }

    /// The countdown of the timed choice being shown, if it runs.
    pub fn countdown(&self) -> Option<Countdown> {
        self.app.world().resource::<Story>().countdown().cloned()
    }

    /// The story's content, once loaded.
    pub fn library(&self) -> Arc<Library> {
        let story = self.app.world().resource::<Story>();
        story.library().expect("content is loaded").clone()
    }

    /// The content status.
    pub fn status(&self) -> &ContentStatus {
        self.app.world().resource::<ContentStatus>()
    }

    /// Starts a new game as the title screen's button does, and runs until
    /// the first line is shown.
    pub fn start(&mut self) {
        self.app.world_mut().write_message(NewGame::default());
        self.update_until("the first beat", |w| {
            *w.resource::<CurrentBeat>() != CurrentBeat::Nothing
        });
    }

    /// What is on screen.
    pub fn beat(&self) -> CurrentBeat {
        self.app.world().resource::<CurrentBeat>().clone()
    }

    /// Reads lines until a choice is shown, and returns it.
    pub fn advance_until_choice(&mut self) -> ShowChoices {
        for _ in 0..500 {
            match self.beat() {
                CurrentBeat::Choices(choices) => return choices,
                CurrentBeat::Line(_) => self.advance(),
                other => panic!("expected a choice ahead, got {other:?}"),
            }
        }
        panic!("no choice within 500 lines");
    }

    /// Reads lines until the story shows something of `scene`.
    pub fn advance_until_scene(&mut self, scene: &str) {
        for _ in 0..500 {
            match self.beat() {
                CurrentBeat::Line(line) if line.at.scene == scene => return,
                CurrentBeat::Choices(choices) if choices.at.scene == scene => return,
                CurrentBeat::Line(_) => self.advance(),
                other => panic!("expected lines up to {scene}, got {other:?}"),
            }
        }
        panic!("{scene} not reached within 500 lines");
    }

    /// The scene the story is in.
    pub fn scene(&self) -> String {
        let state = self.app.world().resource::<Story>().state().cloned();
        state.expect("a game in progress").cursor.scene
    }

    /// Reads lines until the story ends, and returns the ending.
    pub fn advance_until_end(&mut self) -> String {
        for _ in 0..500 {
            match self.beat() {
                CurrentBeat::Ended(end) => return end.ending,
                CurrentBeat::Line(_) => self.advance(),
                other => panic!("expected the end ahead, got {other:?}"),
            }
        }
        panic!("no end within 500 lines");
    }

    /// Presses on from the line shown, as Space does.
    pub fn advance(&mut self) {
        let before = self.beat();
        self.app.world_mut().write_message(Advance);
        self.update_until("the next beat", |w| *w.resource::<CurrentBeat>() != before);
    }

    /// Picks an option of the choice shown, by id.
    pub fn choose(&mut self, option: &str) {
        let CurrentBeat::Choices(choices) = self.beat() else {
            panic!("no choice is shown; on screen: {:?}", self.beat());
        };
        assert!(
            choices.options.iter().any(|o| o.id == option),
            "`{option}` is not offered at {}; offered: {:?}",
            choices.at,
            choices.options.iter().map(|o| &o.id).collect::<Vec<_>>()
        );
        let before = self.beat();
        self.app.world_mut().write_message(ChoiceMade {
            at: choices.at.clone(),
            option: option.to_owned(),
        });
        self.update_until("the beat after the choice", |w| {
            *w.resource::<CurrentBeat>() != before
        });
    }

    /// Reads on and makes `decisions` in order, each at the next choice:
    /// an option by its id, or `None` to let the choice's timer run out.
    /// Stops on the beat after the last decision.
    pub fn decide(&mut self, decisions: &[Option<&str>]) {
        for decision in decisions {
            let choices = self.advance_until_choice();
            match decision {
                Some(option) => self.choose(option),
                None => {
                    let seconds = choices
                        .seconds
                        .unwrap_or_else(|| panic!("{} has no timer to let run out", choices.at));
                    self.wait(seconds + 0.3);
                    assert!(
                        !matches!(self.beat(), CurrentBeat::Choices(c) if c.at == choices.at),
                        "the time of {} ran out",
                        choices.at
                    );
                }
            }
        }
    }

    /// Lets `seconds` of game time pass.
    pub fn wait(&mut self, seconds: f32) {
        let frames = (seconds / FRAME.as_secs_f32()).ceil() as usize;
        for _ in 0..frames {
            self.update();
        }
    }

    /// A story variable.
    pub fn var(&self, name: &str) -> Value {
        self.app
            .world()
            .resource::<Story>()
            .state()
            .expect("a game is running")
            .var(name)
    }

    /// Every line shown so far, in German, as `speaker: text`.
    pub fn transcript(&self) -> String {
        self.app
            .world()
            .resource::<Transcript>()
            .lines
            .iter()
            .map(|l| {
                format!(
                    "{}: {}\n",
                    l.speaker.as_deref().unwrap_or("-"),
                    l.text.get(famulant::content::Lang::De)
                )
            })
            .collect()
    }

    /// Every alarm raised so far, in order.
    pub fn alarms(&self) -> Vec<Alarm> {
        self.app.world().resource::<Transcript>().alarms.clone()
    }

    /// The ids of every line shown so far.
    pub fn line_ids(&self) -> Vec<String> {
        self.app
            .world()
            .resource::<Transcript>()
            .lines
            .iter()
            .map(|l| l.at.node.clone())
            .collect()
    }

    /// How many timed choices ran out.
    pub fn expired(&self) -> usize {
        self.app.world().resource::<Transcript>().expired
    }
}
