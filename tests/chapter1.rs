//! Chapter 1 played headless through the real plugins and the shipped scene
//! files: different paths, their effects on the story variables, and a
//! timed choice left to run out.

mod common;

use bevy::prelude::NextState;
use common::TestGame;
use famulant::content::{NodeDef, Timeout, Value};
use famulant::story::{CurrentBeat, ShowChoices, Story};

/// Plays from the start to the operating theatre, picking with `pick` at
/// every choice; returns the ids of the choices passed and the scene
/// reached.
fn play(game: &mut TestGame, pick: impl Fn(&ShowChoices) -> String) -> (Vec<String>, String) {
    game.start();
    let mut passed = Vec::new();
    for _ in 0..100 {
        if game.scene() == "ch3_theatre" {
            return (passed, game.scene());
        }
        match game.beat() {
            CurrentBeat::Ended(end) => return (passed, end.ending),
            CurrentBeat::Line(_) | CurrentBeat::Phase(_) => game.advance(),
            CurrentBeat::Choices(choices) => {
                passed.push(choices.at.node.clone());
                let option = pick(&choices);
                game.choose(&option);
            }
            CurrentBeat::Nothing => panic!("nothing on screen"),
        }
    }
    panic!("no end after 100 beats");
}

fn first(choices: &ShowChoices) -> String {
    choices.options[0].id.clone()
}

fn last(choices: &ShowChoices) -> String {
    choices.options.last().unwrap().id.clone()
}

#[test]
fn the_chapter_opens_in_german_with_its_first_line() {
    let mut game = TestGame::new();
    game.start();
    let CurrentBeat::Line(line) = game.beat() else {
        panic!("the chapter opens with a line");
    };
    let text = line.text.get(famulant::content::Lang::De);
    assert!(
        text.chars().any(|c| "äöüÄÖÜß".contains(c)),
        "umlauts in the first line: {text}"
    );
}

#[test]
fn two_paths_reach_the_end_with_different_variables() {
    let mut first_path = TestGame::new();
    let (choices_a, ending_a) = play(&mut first_path, first);
    let mut last_path = TestGame::new();
    let (choices_b, ending_b) = play(&mut last_path, last);

    assert_eq!(ending_a, "ch3_theatre");
    assert_eq!(ending_b, "ch3_theatre");
    assert!(
        choices_a.len() >= 3,
        "at least three decisions: {choices_a:?}"
    );
    assert!(
        choices_b.len() >= 3,
        "at least three decisions: {choices_b:?}"
    );
    let vars = |game: &TestGame| {
        game.app
            .world()
            .resource::<Story>()
            .state()
            .unwrap()
            .variables
            .clone()
    };
    assert_ne!(
        vars(&first_path),
        vars(&last_path),
        "the choices change the story variables"
    );
    assert_ne!(
        first_path.transcript(),
        last_path.transcript(),
        "the choices are heard in the dialogue"
    );
}

#[test]
fn a_timed_choice_left_alone_takes_its_declared_outcome() {
    let mut game = TestGame::new();
    game.start();
    let library = game.library();
    // Go on with the first option until a timed choice comes up.
    let (choice, seconds) = loop {
        let choices = game.advance_until_choice();
        if let Some(seconds) = choices.seconds {
            break (choices, seconds);
        }
        game.choose(&choices.options[0].id);
    };
    let before = game
        .app
        .world()
        .resource::<Story>()
        .state()
        .unwrap()
        .clone();

    game.wait(seconds * 0.5);
    assert_eq!(
        game.beat(),
        CurrentBeat::Choices(choice.clone()),
        "still deciding halfway"
    );
    assert_eq!(game.expired(), 0);
    game.wait(seconds * 0.5 + 0.3);
    assert_eq!(game.expired(), 1, "the timer ran out");

    // The outcome is exactly what the scene declares for hesitation.
    let Some(NodeDef::Choice {
        timer: Some(timer), ..
    }) = library.node(&choice.at)
    else {
        panic!("{} is a timed choice", choice.at);
    };
    let mut expected = before.clone();
    let mut patient = game.patient();
    expected.time_out(&library, &mut patient).unwrap();
    let after = game
        .app
        .world()
        .resource::<Story>()
        .state()
        .unwrap()
        .clone();
    assert_eq!(after.cursor, expected.cursor);
    assert_eq!(after.variables, expected.variables);
    let record = after.choice_log.last().unwrap();
    assert!(record.timed_out);
    if let Timeout::Take(option) = &timer.on_timeout {
        assert_eq!(record.option.as_ref(), Some(option));
    }
    assert_ne!(after.variables, before.variables, "hesitation has a cost");
}

/// Plays by option id; `None` lets the timer run out.
fn play_by_ids(game: &mut TestGame, picks: &[Option<&str>]) -> String {
    game.start();
    for pick in picks {
        let choices = game.advance_until_choice();
        match pick {
            Some(option) => game.choose(option),
            None => {
                let seconds = choices.seconds.expect("a timed choice");
                game.wait(seconds + 0.3);
                assert!(!matches!(game.beat(), CurrentBeat::Choices(c) if c.at == choices.at));
            }
        }
    }
    game.advance_until_scene("ch2_emergency");
    game.scene()
}

/// Asserts that the lines `seen` were shown and the lines `unseen` were not.
fn assert_lines(game: &TestGame, seen: &[&str], unseen: &[&str]) {
    let lines = game.line_ids();
    for id in seen {
        assert!(
            lines.iter().any(|l| l == id),
            "`{id}` shown; lines: {lines:?}"
        );
    }
    for id in unseen {
        assert!(
            !lines.iter().any(|l| l == id),
            "`{id}` not shown; lines: {lines:?}"
        );
    }
}

fn assert_vars(game: &TestGame, expected: &[(&str, Value)]) {
    for (name, value) in expected {
        assert_eq!(game.var(name), *value, "{name}");
    }
}

#[test]
fn the_steady_path_earns_trust_and_hears_it() {
    let mut game = TestGame::new();
    let ending = play_by_ids(
        &mut game,
        &[
            Some("decline"),
            Some("q_right"),
            Some("s_ask"),
            Some("tell"),
            Some("t_qsofa"),
        ],
    );
    assert_eq!(ending, "ch2_emergency", "chapter 1 leads to the emergency");
    use Value::{Bool, Int};
    assert_vars(
        &game,
        &[
            ("roland_trust", Int(4)),
            ("vladi_confidence", Int(2)),
            ("team_cohesion", Int(1)),
            ("family_strain", Int(2)),
            ("knew_qsofa", Bool(true)),
            ("confided_in_roland", Bool(true)),
            ("answered_mother", Bool(false)),
            ("late_first_day", Bool(false)),
        ],
    );
    assert_lines(
        &game,
        &[
            "declined",
            "mt_open",
            "q_right_reply",
            "s_ask_reply",
            "cl_phone_off",
            "cl_warm",
        ],
        &["mt_late", "cl_stern", "cl_ines_bluff"],
    );
    let transcript = game.transcript();
    assert!(
        transcript.contains("roland: ") && transcript.contains("Chance"),
        "{transcript}"
    );
}

#[test]
fn the_family_path_runs_late_and_hesitates() {
    let mut game = TestGame::new();
    let ending = play_by_ids(
        &mut game,
        &[
            Some("pick_up"),
            Some("promise"),
            None,
            Some("s_bluff"),
            Some("tell"),
            Some("t_abx"),
        ],
    );
    assert_eq!(ending, "ch2_emergency", "chapter 1 leads to the emergency");
    assert_eq!(game.expired(), 1, "the qSOFA question ran out");
    use Value::{Bool, Int};
    assert_vars(
        &game,
        &[
            ("roland_trust", Int(-1)),
            ("vladi_confidence", Int(0)),
            ("team_cohesion", Int(0)),
            ("family_strain", Int(-1)),
            ("answered_mother", Bool(true)),
            ("promised_father", Bool(true)),
            ("late_first_day", Bool(true)),
            ("bluffed_scrub", Bool(true)),
            ("thursday_late_start", Bool(true)),
            ("knew_qsofa", Bool(false)),
        ],
    );
    assert_lines(
        &game,
        &[
            "call_promise",
            "late_run",
            "mt_late",
            "q_stammer_reply",
            "cl_thursday_roland",
            "cl_ines_bluff",
            "cl_stern",
        ],
        &["declined", "mt_open", "cl_warm"],
    );
    let log = &game
        .app
        .world()
        .resource::<Story>()
        .state()
        .unwrap()
        .choice_log;
    let timed = log
        .iter()
        .find(|r| r.timed_out)
        .expect("one decision timed out");
    assert_eq!(timed.at.node, "c_qsofa");
    assert_eq!(
        timed.option.as_deref(),
        Some("q_stammer"),
        "the declared outcome"
    );
}

#[test]
fn a_stale_pick_for_a_choice_no_longer_shown_is_ignored() {
    let mut game = TestGame::new();
    game.start();
    let first = game.advance_until_choice();
    let option = first.options[0].id.clone();
    game.choose(&option);
    // The same pick again, as a double click would send it.
    game.app
        .world_mut()
        .write_message(famulant::story::ChoiceMade {
            at: first.at.clone(),
            option,
        });
    game.update();
    game.update();
    let story = game.app.world().resource::<Story>();
    assert_eq!(story.fault(), None);
    assert_eq!(story.state().unwrap().choice_log.len(), 1);
}

#[test]
fn leaving_for_the_title_keeps_a_running_countdown() {
    use famulant::screen::Screen;
    let mut game = TestGame::new();
    game.start();
    let timed = loop {
        let choices = game.advance_until_choice();
        if choices.seconds.is_some() {
            break choices;
        }
        game.choose(&choices.options[0].id);
    };
    game.wait(3.0);
    let left = game.countdown().unwrap().remaining;
    let go = |game: &mut TestGame, screen| {
        game.app
            .world_mut()
            .resource_mut::<NextState<Screen>>()
            .set(screen);
        game.update();
        game.update();
    };
    go(&mut game, Screen::Title);
    game.wait(5.0);
    go(&mut game, Screen::Playing);
    let timer = game.countdown().unwrap();
    assert_eq!(timer.at, timed.at);
    assert!(
        timer.remaining <= left && timer.remaining > left - 0.5,
        "{} of {left} left",
        timer.remaining
    );
}
