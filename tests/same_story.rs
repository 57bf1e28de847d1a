//! The game and `play --text` drive one session: the same decisions give
//! the same transcript (lines, choices, alarms, relationships, vitals, the
//! ending and every variable) in the headless game as in the terminal, on
//! the shipped story, by several ways through it.

mod common;

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use common::{TestGame, shipped_scenes};
use famulant::cli::{Pick, TextGame, Transcript, play_text};
use famulant::content::{Lang, MonitorView, load_dir};
use famulant::patient::{AlarmRaised, RaisedAlarm};
use famulant::story::{
    Advance, ChoiceMade, CurrentBeat, Notice, RelationshipChange, RelationshipChanged, Story,
};

/// What the game told the player besides the beat, in order.
#[derive(Resource, Default)]
struct Told(Vec<Notice>);

fn listen(
    mut alarms: MessageReader<AlarmRaised>,
    mut changes: MessageReader<RelationshipChanged>,
    mut told: ResMut<Told>,
) {
    told.0.extend(alarms.read().map(|a| {
        Notice::Alarm(RaisedAlarm {
            minute: a.minute,
            alarm: a.alarm,
        })
    }));
    told.0.extend(changes.read().map(|c| {
        Notice::Relationship(RelationshipChange {
            id: c.id.clone(),
            delta: c.delta,
        })
    }));
}

/// The game, headless, where no time passes but what a decision lets run
/// out.
fn still_game() -> TestGame {
    let mut game = TestGame::new();
    game.app
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::ZERO))
        .init_resource::<Told>()
        .add_systems(PostUpdate, listen);
    game.app
        .world_mut()
        .resource_mut::<Time<Virtual>>()
        .set_max_delta(Duration::from_secs(3600));
    game.start();
    game
}

/// One frame in which `seconds` pass.
fn frame(game: &mut TestGame, seconds: f32) {
    let step = Duration::from_secs_f32(seconds);
    game.app
        .insert_resource(TimeUpdateStrategy::ManualDuration(step));
    game.update();
    game.app
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::ZERO));
}

/// Whether the scene the game is in shows her monitor, where text play
/// prints her vitals.
fn at_her_monitor(game: &TestGame) -> bool {
    let story = game.app.world().resource::<Story>();
    story
        .scene()
        .is_some_and(|s| s.def.monitor != MonitorView::None)
}

/// Plays the story in the headless game with `picks`, writing what it shows
/// as `play --text` would; and whether an alarm's interrupt broke into a
/// running phase of the operation.
fn play_in_game(picks: &[Pick]) -> (String, bool) {
    let mut game = still_game();
    let library = game.library();
    let mut out = Vec::new();
    let mut transcript = Transcript::new(&mut out, Lang::En);
    let mut picks: VecDeque<Pick> = picks.iter().copied().collect();
    let mut scene = String::new();
    let mut phase_interrupted = false;
    for _ in 0..5_000 {
        let told = std::mem::take(&mut game.app.world_mut().resource_mut::<Told>().0);
        for notice in &told {
            transcript.notice(notice, &library).unwrap();
        }
        let story = game.app.world().resource::<Story>();
        phase_interrupted |= story.state().unwrap().interrupted_phase.is_some();
        if story.state().unwrap().cursor.scene != scene {
            scene = story.state().unwrap().cursor.scene.clone();
            transcript.scene(story.scene().unwrap()).unwrap();
        }
        match game.beat() {
            CurrentBeat::Line(line) => {
                transcript
                    .say(&library, line.speaker.as_deref(), &line.text)
                    .unwrap();
                game.app.world_mut().write_message(Advance);
                game.update();
            }
            CurrentBeat::Choices(choices) => {
                if let Some(prompt) = &choices.prompt {
                    transcript
                        .say(&library, choices.speaker.as_deref(), prompt)
                        .unwrap();
                }
                let texts = choices.options.iter().map(|o| &o.text);
                transcript.options(texts, choices.seconds).unwrap();
                let pick = picks.pop_front().expect("enough decisions");
                transcript.decision(pick).unwrap();
                let last = choices.options.len().saturating_sub(1);
                let option = match (pick, choices.seconds) {
                    (Pick::Timeout, Some(_)) => None,
                    (Pick::Timeout, None) => Some(0),
                    (Pick::Last, _) => Some(last),
                    (Pick::Number(n), _) => Some(n - 1),
                };
                match option.and_then(|i| choices.options.get(i)) {
                    Some(option) => {
                        game.app.world_mut().write_message(ChoiceMade {
                            at: choices.at.clone(),
                            option: option.id.clone(),
                        });
                        game.update();
                    }
                    None => {
                        let left = game.countdown().expect("a countdown runs").remaining;
                        frame(&mut game, left);
                    }
                }
                if at_her_monitor(&game) {
                    transcript.vitals(&game.patient()).unwrap();
                }
            }
            CurrentBeat::Phase(phase) => {
                if phase.left == phase.minutes {
                    transcript.phase(&phase.name, phase.minutes).unwrap();
                    if let Some(text) = &phase.text {
                        transcript
                            .say(&library, phase.speaker.as_deref(), text)
                            .unwrap();
                    }
                }
                game.app.world_mut().write_message(Advance);
                game.update();
                let story = game.app.world().resource::<Story>();
                if story.state().unwrap().cursor != phase.at && at_her_monitor(&game) {
                    transcript.vitals(&game.patient()).unwrap();
                }
            }
            CurrentBeat::Ended(end) => {
                let story = game.app.world().resource::<Story>();
                let variables = story.state().unwrap().variables.clone();
                transcript
                    .end(&end.ending, &game.patient(), &variables)
                    .unwrap();
                return (String::from_utf8(out).unwrap(), phase_interrupted);
            }
            CurrentBeat::Nothing => panic!("nothing on screen"),
        }
    }
    panic!("the story did not end");
}

/// Plays the story in the terminal with `picks`; and whether a timer ran
/// out.
fn play_in_terminal(picks: &[Pick]) -> (String, bool) {
    let dir = shipped_scenes();
    let library = Arc::new(load_dir(&dir, "scenes").library.unwrap());
    let mut out = Vec::new();
    let none = &mut "".as_bytes();
    let end = play_text(
        library,
        Lang::En,
        picks,
        &TextGame::default(),
        none,
        false,
        &mut out,
    )
    .unwrap();
    let timed_out = end.story().choice_log.iter().any(|c| c.timed_out);
    (String::from_utf8(out).unwrap(), timed_out)
}

/// What one way through the story showed.
struct Played {
    /// The transcript, the same both ways.
    transcript: String,
    /// Whether an alarm's interrupt broke into a phase.
    phase_interrupted: bool,
    /// Whether a timer ran out.
    timed_out: bool,
}

/// `pattern` over and over, enough for the whole story.
fn picks(pattern: &[Pick]) -> Vec<Pick> {
    pattern.iter().copied().cycle().take(400).collect()
}

/// The transcript with the notices of one moment (alarms, relationships)
/// in a fixed order: the game sends them as messages of different kinds,
/// which keep their order within a kind only, and shows them together.
fn notices_sorted(transcript: &str) -> String {
    let is_notice = |line: &str| line.starts_with("alarm:") || line.starts_with("relationship:");
    let mut out = Vec::new();
    let mut moment: Vec<&str> = Vec::new();
    for line in transcript.lines() {
        if is_notice(line) {
            moment.push(line);
            continue;
        }
        moment.sort();
        out.append(&mut moment);
        out.push(line);
    }
    moment.sort();
    out.append(&mut moment);
    out.join("\n")
}

/// Plays `pattern` both ways and checks that the transcripts are the same.
fn same_both_ways(pattern: &[Pick]) -> Played {
    let picks = picks(pattern);
    let (terminal, timed_out) = play_in_terminal(&picks);
    let (game, phase_interrupted) = play_in_game(&picks);
    let (terminal, game) = (notices_sorted(&terminal), notices_sorted(&game));
    let first_difference = terminal.lines().zip(game.lines()).position(|(a, b)| a != b);
    assert_eq!(
        terminal, game,
        "{pattern:?}: the first difference is at line {first_difference:?}"
    );
    Played {
        transcript: terminal,
        phase_interrupted,
        timed_out,
    }
}

#[test]
fn the_first_option_every_time() {
    same_both_ways(&[Pick::Number(1)]);
}

#[test]
fn little_fluid_and_straight_to_theatre_with_an_alarm_during_induction() {
    // Chapter 1 by its first options (eleven decisions); in the emergency
    // department her GP phoned about the allergy (4) and half a litre more
    // rather than 30 mL/kg (2); in the decision no word from Vladi (4), so
    // Roland sends her up at once, her circulation never filled; then the
    // first option to the end.
    let first = Pick::Number(1);
    let mut pattern = vec![first; 11];
    pattern.extend([Pick::Number(4), Pick::Number(2), first, first, first]);
    pattern.push(Pick::Number(4));
    pattern.extend(picks(&[first]));
    let played = same_both_ways(&pattern);
    assert!(
        played.phase_interrupted,
        "her pressure falls during induction and the anaesthetist breaks in"
    );
}

#[test]
fn the_last_option_every_time() {
    same_both_ways(&[Pick::Last]);
}

#[test]
fn every_timer_left_to_run_out() {
    let played = same_both_ways(&[Pick::Timeout]);
    assert!(played.timed_out, "{}", played.transcript);
}

#[test]
fn hesitating_and_deciding_by_turns() {
    same_both_ways(&[Pick::Timeout, Pick::Number(1), Pick::Last]);
}
