//! Saving, loading, rolling back and skipping in the headless game, with
//! the shipped story: a game saved at any moment and loaded in a new run
//! plays on exactly as the one that went on; the autosave follows scenes
//! and choices; Backspace goes back; lines read are skipped in a later
//! run and the first new one stops the skipping; auto reads on by itself
//! and waits at a choice; a saved game keeps its patient.

mod common;

use std::path::PathBuf;

use bevy::prelude::{AppExit, State};
use common::TestGame;
use famulant::content::NodeRef;
use famulant::patient::{Variation, Vitals};
use famulant::reading::ReadingRequest;
use famulant::save::{Found, LoadFrom, PlayChapter, SaveNews, SaveTo, Saves, Slot, SlotState};
use famulant::screen::Screen;
use famulant::story::{Advance, Beat, ChoiceMade, CurrentBeat, NewPatient, RollBack, Story};

/// What the game told of saving and loading since this was last asked.
fn save_news(game: &mut TestGame) -> Vec<SaveNews> {
    let mut news = game
        .app
        .world_mut()
        .resource_mut::<bevy::ecs::message::Messages<SaveNews>>();
    news.drain().collect()
}

fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("famulant-saves-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Where a game is saved.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Moment {
    MidLine,
    TimedChoice,
    RunningPhase,
    Interrupt,
}

impl Moment {
    fn holds(self, game: &TestGame) -> bool {
        let story = game.app.world().resource::<Story>();
        let session = story.session().expect("a game runs");
        let state = session.story();
        match (self, game.beat()) {
            (Moment::MidLine, CurrentBeat::Line(_)) => {
                state.interrupted.is_none() && session.case().body.minute > 0
            }
            (Moment::TimedChoice, CurrentBeat::Choices(_)) => {
                session.countdown().is_some_and(|c| c.remaining < c.total)
            }
            (Moment::RunningPhase, CurrentBeat::Phase(phase)) => phase.left < phase.minutes,
            (Moment::Interrupt, _) => state.interrupted.is_some(),
            _ => false,
        }
    }

    /// The player who gets there: one who reads a line in half a second
    /// and takes the first option; for an alarm's interrupt, one who takes
    /// the second (in the emergency department, half a litre more rather
    /// than 30 mL/kg) and reads slowly, so that her pressure falls while
    /// the story is read.
    fn player(self) -> Player {
        match self {
            Moment::Interrupt => Player {
                option: 1,
                reading: 10.0,
                choices_seen: 0,
            },
            _ => Player {
                option: 0,
                reading: 0.5,
                choices_seen: 0,
            },
        }
    }
}

/// How a player plays.
#[derive(Clone, Copy, Debug)]
struct Player {
    /// Which option they take (the first if there are fewer).
    option: usize,
    /// How many seconds they read a line.
    reading: f32,
    /// How many times they were shown a choice.
    choices_seen: u32,
}

/// What the session shows, whether or not the screen has drawn it yet.
enum Shown {
    Line,
    Choice {
        at: NodeRef,
        options: Vec<String>,
        timed: bool,
    },
    Phase,
    End,
}

fn shown(game: &TestGame) -> (Shown, String) {
    let story = game.app.world().resource::<Story>();
    let session = story.session().expect("a game runs");
    let beat = session.beat().expect("the story goes on");
    let what = format!(
        "{} {:?}",
        beat.at(),
        session.countdown().map(|c| c.remaining)
    );
    let shown = match beat {
        Beat::Line { .. } => Shown::Line,
        Beat::Choice {
            at, options, timer, ..
        } => Shown::Choice {
            at,
            options: options.iter().map(|o| o.id.clone()).collect(),
            timed: timer.is_some(),
        },
        Beat::Phase { .. } => Shown::Phase,
        Beat::End { .. } => Shown::End,
    };
    (shown, what)
}

/// The `player` reads a line, lets every timed choice run for a second and
/// a half and takes their option, watches phases, and hesitates longer at
/// every third timed choice. Returns what was shown.
fn play_a_little(game: &mut TestGame, player: &mut Player) -> String {
    let (beat, what) = shown(game);
    match beat {
        Shown::Line => {
            game.wait(player.reading);
            game.app.world_mut().write_message(Advance);
            game.update();
        }
        Shown::Choice { at, options, timed } => {
            game.wait(1.5);
            player.choices_seen += 1;
            let still = game.app.world().resource::<Story>().state().unwrap().cursor == at;
            if !(timed && player.choices_seen.is_multiple_of(3)) && still {
                let option = options.get(player.option).unwrap_or(&options[0]).clone();
                game.app
                    .world_mut()
                    .write_message(ChoiceMade { at, option });
                game.update();
            }
        }
        Shown::Phase => game.wait(1.0),
        Shown::End => game.update(),
    }
    what
}

/// What the game shows over the next steps, and her vitals after each.
fn play_on(game: &mut TestGame, mut player: Player, steps: usize) -> Vec<(String, Vitals)> {
    (0..steps)
        .map(|_| {
            let shown = play_a_little(game, &mut player);
            (shown, game.patient().vitals)
        })
        .collect()
}

#[test]
fn a_game_saved_at_any_moment_loads_in_a_new_run_and_plays_on_the_same() {
    for moment in [
        Moment::MidLine,
        Moment::TimedChoice,
        Moment::RunningPhase,
        Moment::Interrupt,
    ] {
        let dir = scratch(&format!("{moment:?}"));
        let mut game = TestGame::with_saves(&dir);
        game.start();
        let mut player = moment.player();
        let mut steps = 0;
        while !moment.holds(&game) {
            play_a_little(&mut game, &mut player);
            steps += 1;
            assert!(steps < 2000, "{moment:?} never came");
        }
        // Saved as the frame ends; the next frames are the same in both.
        game.app.world_mut().write_message(SaveTo(Slot::Quick));
        game.update();
        let saved_minute = game.patient().body.minute;
        let went_on = play_on(&mut game, player, 40);

        let mut again = TestGame::with_saves(&dir);
        // Load takes effect before the frame's input and time, as the save
        // was taken after them.
        again.app.world_mut().write_message(LoadFrom(Slot::Quick));
        again.update();
        assert_eq!(again.patient().body.minute, saved_minute, "{moment:?}");
        let loaded = play_on(&mut again, player, 40);
        let differ = went_on.iter().zip(&loaded).position(|(a, b)| a != b);
        if let Some(i) = differ {
            panic!(
                "{moment:?}: step {i} differs:\n{:?}\n{:?}",
                went_on[i], loaded[i]
            );
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn the_autosave_follows_scenes_and_choices_and_continue_finds_it() {
    let dir = scratch("auto");
    let mut game = TestGame::with_saves(&dir);
    game.start();
    let saves = game.app.world().resource::<Saves>();
    let SlotState::Saved(first) = saves.slot(Slot::Auto) else {
        panic!("a new game is autosaved at its first scene");
    };
    assert_eq!(first.scene, game.scene());
    let choice = game.advance_until_choice();
    game.update();
    let saves = game.app.world().resource::<Saves>();
    let auto = saves.load(Slot::Auto).unwrap();
    assert_eq!(auto.game.story.cursor, choice.at, "saved at the choice");
    assert_eq!(saves.newest(), Some(Slot::Auto));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_damaged_save_is_reported_and_left_as_it_was() {
    let dir = scratch("damaged");
    std::fs::create_dir_all(dir.join("saves")).unwrap();
    std::fs::write(dir.join("saves/quick.ron"), "(version: 1, about: (").unwrap();
    let mut game = TestGame::with_saves(&dir);
    game.app.world_mut().write_message(LoadFrom(Slot::Quick));
    game.update();
    let news = save_news(&mut game);
    assert!(
        matches!(&news[..], [SaveNews::Failed(why)] if why.contains("quick.ron cannot be loaded")),
        "{news:?}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("saves/quick.ron")).unwrap(),
        "(version: 1, about: ("
    );
    assert_eq!(
        *game.app.world().resource::<State<Screen>>().get(),
        Screen::Title
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn backspace_goes_back_to_the_line_before() {
    let mut game = TestGame::new();
    game.start();
    let first = game.beat();
    game.advance();
    game.advance();
    assert_ne!(game.beat(), first);
    game.app.world_mut().write_message(RollBack::Step);
    game.update();
    game.app.world_mut().write_message(RollBack::Step);
    game.update();
    let (CurrentBeat::Line(now), CurrentBeat::Line(then)) = (game.beat(), first) else {
        panic!("lines on screen");
    };
    assert_eq!(now.at, then.at);
    assert_eq!(game.patient().body.minute, 0, "her time as then");
}

#[test]
fn lines_read_in_an_earlier_run_are_skipped_up_to_the_first_new_one() {
    let dir = scratch("skip");
    let mut game = TestGame::with_saves(&dir);
    game.start();
    for _ in 0..3 {
        game.advance();
    }
    let CurrentBeat::Line(fourth) = game.beat() else {
        panic!("the story opens with four lines");
    };
    // The player quits: the record of lines read is kept.
    game.app.world_mut().write_message(AppExit::Success);
    game.update();
    drop(game);

    let mut again = TestGame::with_saves(&dir);
    again.start();
    again
        .app
        .world_mut()
        .write_message(ReadingRequest::SkipHeld(true));
    again.wait(2.0);
    // The fourth line was shown, so it counts as read; the fifth stops it.
    let CurrentBeat::Line(stopped) = again.beat() else {
        panic!("skipping stops at a line: {:?}", again.beat());
    };
    assert_ne!(stopped.at, fourth.at);
    let read = again.line_ids();
    assert_eq!(
        read.len(),
        5,
        "four lines read before, then the new one: {read:?}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn auto_reads_on_once_a_line_is_typed_out_and_waits_at_a_choice() {
    let mut game = TestGame::new();
    game.start();
    let CurrentBeat::Line(first) = game.beat() else {
        panic!("the story opens with a line");
    };
    game.app
        .world_mut()
        .write_message(ReadingRequest::ToggleAuto);
    game.wait(0.5);
    assert_eq!(game.line_ids().len(), 1, "not before the line is typed out");
    let mut seconds = 0.0;
    while !matches!(game.beat(), CurrentBeat::Choices(_)) {
        game.wait(0.5);
        seconds += 0.5;
        assert!(seconds < 120.0, "auto never reached a choice");
    }
    let read = game.line_ids();
    assert!(read.len() > 2 && read[0] == first.at.node, "{read:?}");
    let choice = game.beat();
    game.wait(2.0);
    assert_eq!(game.beat(), choice, "auto does not choose");
}

#[test]
fn loading_a_game_leaves_the_autosave_as_it_was() {
    let dir = scratch("load-keeps-auto");
    let mut game = TestGame::with_saves(&dir);
    game.start();
    game.advance();
    game.app.world_mut().write_message(SaveTo(Slot::Quick));
    game.update();
    game.advance_until_choice();
    game.update();
    drop(game);
    let autosave = std::fs::read_to_string(dir.join("saves/auto.ron")).unwrap();

    let mut again = TestGame::with_saves(&dir);
    again.app.world_mut().write_message(LoadFrom(Slot::Quick));
    again.wait(1.0);
    assert!(
        matches!(again.beat(), CurrentBeat::Line(_)),
        "the quicksave is played"
    );
    let after = std::fs::read_to_string(dir.join("saves/auto.ron")).unwrap();
    assert!(
        after == autosave,
        "the autosave was overwritten by the loaded game"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_save_whose_line_is_gone_from_the_scenes_goes_on_at_its_scene_start_and_says_so() {
    let dir = scratch("moved");
    let mut game = TestGame::with_saves(&dir);
    game.start();
    let CurrentBeat::Line(start) = game.beat() else {
        panic!("the story opens with a line");
    };
    game.advance();
    game.advance();
    let CurrentBeat::Line(saved) = game.beat() else {
        panic!("a line");
    };
    assert_eq!(saved.at.scene, start.at.scene, "still in the first scene");
    game.app.world_mut().write_message(SaveTo(Slot::Quick));
    game.update();
    drop(game);

    // The scenes change: that line gets another id.
    let scenes = common::copy_of_scenes("moved-save");
    let file = scenes.join(format!("{}.ron", saved.at.scene));
    let text = std::fs::read_to_string(&file).unwrap();
    let id = format!("\"{}\"", saved.at.node);
    assert_eq!(text.matches(&id).count(), 1, "{id} only as the line's id");
    let moved = format!("\"{}_moved\"", saved.at.node);
    std::fs::write(&file, text.replace(&id, &moved)).unwrap();
    let mut again = TestGame::with_scenes(&scenes, false);
    again.keep_saves_in(&dir);
    again.app.world_mut().write_message(LoadFrom(Slot::Quick));
    again.update();
    let news = save_news(&mut again);
    assert!(
        news.contains(&SaveNews::Moved(saved.at.clone())),
        "{news:?}"
    );
    again.update();
    let CurrentBeat::Line(now) = again.beat() else {
        panic!("a line");
    };
    assert_eq!(now.at, start.at, "the scene's start");
    std::fs::remove_dir_all(dir).unwrap();
    std::fs::remove_dir_all(scenes).unwrap();
}

#[test]
fn a_chapter_plays_again_from_where_the_first_game_entered_it_also_after_a_restart() {
    let dir = scratch("chapters");
    let mut game = TestGame::with_saves(&dir);
    game.start();
    game.advance_until_scene("ch1_arrival");
    let entered = game
        .app
        .world()
        .resource::<Story>()
        .session()
        .unwrap()
        .snapshot();
    game.advance();
    game.app.world_mut().write_message(AppExit::Success);
    game.update();
    drop(game);

    let mut again = TestGame::with_saves(&dir);
    let found = again.app.world().resource::<Found>().progress().clone();
    assert!(found.chapter("ch1_morning").is_some() && found.chapter("ch1_arrival").is_some());
    assert!(found.chapter("ch1_meeting").is_none(), "not reached");
    assert!(!found.completed(), "no ending yet");
    again
        .app
        .world_mut()
        .write_message(PlayChapter("ch1_arrival".into()));
    again.update_until("the chapter is played", |world| {
        *world.resource::<State<Screen>>().get() == Screen::Playing
    });
    again.update();
    let session = again
        .app
        .world()
        .resource::<Story>()
        .session()
        .unwrap()
        .snapshot();
    assert_eq!(session.story.cursor, entered.story.cursor);
    assert_eq!(session.case, entered.case);
    assert!(
        session.history.len() <= 1,
        "the chapter begins a history of its own"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_saved_game_keeps_its_patient() {
    let dir = scratch("patient");
    let mut game = TestGame::with_saves(&dir);
    game.app.insert_resource(NewPatient::Drawn);
    game.start();
    game.advance();
    let story = game.app.world().resource::<Story>();
    let seed = story.session().unwrap().seed().expect("a drawn seed");
    game.app.world_mut().write_message(SaveTo(Slot::Quick));
    game.update();
    drop(game);

    let mut again = TestGame::with_saves(&dir);
    again.app.world_mut().write_message(LoadFrom(Slot::Quick));
    again.wait(1.0);
    let story = again.app.world().resource::<Story>();
    assert_eq!(story.session().unwrap().seed(), Some(seed));
    assert_eq!(*again.patient().body.variation(), Variation::drawn(seed));
    std::fs::remove_dir_all(dir).unwrap();
}
