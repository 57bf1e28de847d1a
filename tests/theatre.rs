//! The operation and its decisions, headless through the real plugins and
//! the shipped scenes: a good and a poor way through the theatre, timers
//! that run out into their declared outcome, the pressure alarm after
//! induction, and decision timers switched off.

mod common;

use bevy::prelude::*;
use common::TestGame;
use famulant::content::Target;
use famulant::settings::{Settings, TimerMode};
use famulant::story::{CurrentBeat, DecisionTimer, ShowChoices, StartAt};

/// The game, beginning new games at `start` (`@scene.node`).
fn game_at(start: &str) -> TestGame {
    let mut game = TestGame::new();
    game.app
        .insert_resource(StartAt(Target::parse(start).expect("a target")));
    game
}

fn set_timers(game: &mut TestGame, mode: TimerMode) {
    game.app.world_mut().resource_mut::<Settings>().timers = mode;
}

fn choices(game: &TestGame) -> ShowChoices {
    match game.beat() {
        CurrentBeat::Choices(choices) => choices,
        other => panic!("expected a choice, got {other:?}"),
    }
}

#[test]
fn with_timers_off_the_patient_waits_while_a_decision_is_open() {
    let mut game = game_at("@ch2_emergency");
    set_timers(&mut game, TimerMode::Off);
    game.start();
    let asked = game.advance_until_choice();
    assert_eq!(asked.at.node, "e_orders", "a timed choice in a paced scene");
    assert!(asked.seconds.is_some(), "the scene gives it a timer");
    let before = game.patient().body.minute;
    game.wait(60.0);
    assert_eq!(
        game.patient().body.minute,
        before,
        "no patient time passes while the player decides"
    );
    assert!(game.app.world().get_resource::<DecisionTimer>().is_none());
    assert_eq!(choices(&game).at, asked.at, "the decision is still open");
    assert_eq!(game.expired(), 0, "and never runs out");

    // The same minute later with timers on: her time runs at the pace.
    set_timers(&mut game, TimerMode::Normal);
    game.choose(&asked.options[0].id);
    let line_minute = game.patient().body.minute;
    game.wait(10.0);
    assert!(
        game.patient().body.minute > line_minute,
        "time runs again once no decision is open"
    );
}

#[test]
fn relaxed_timers_give_twice_the_time() {
    let mut game = game_at("@ch2_emergency");
    set_timers(&mut game, TimerMode::Relaxed);
    game.start();
    let asked = game.advance_until_choice();
    let declared = asked.seconds.expect("a timed choice");
    let timer = game.app.world().resource::<DecisionTimer>().clone();
    assert_eq!(timer.total, declared * 2.0);
    // Switching to Normal mid-decision keeps the share of time left.
    game.wait(declared * 0.5);
    set_timers(&mut game, TimerMode::Normal);
    game.update();
    let timer = game.app.world().resource::<DecisionTimer>().clone();
    assert_eq!(timer.total, declared);
    assert!(
        (timer.fraction_left() - 0.75).abs() < 0.05,
        "a quarter of the relaxed time was used: {timer:?}"
    );
}
