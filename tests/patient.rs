//! The patient in the running game: who she is in a new game, her simulated
//! clock, orders sent as messages, alarms raised as messages, a scene that
//! reacts to an alarm and conditions on her vitals choosing the way, all in
//! the shipped chapter 2.

mod common;

use bevy::prelude::*;
use common::{TestGame, copy_of_scenes};
use famulant::patient::{Alarm, ApplyIntervention, Intervention, Variation};
use famulant::story::{CurrentBeat, NewGame, NewPatient, Story};

/// Plays chapter 1 taking the first option everywhere, up to the
/// emergency department, where Roland asks for the first orders.
fn to_the_emergency() -> TestGame {
    to_node("e_orders")
}

/// Plays chapter 1 taking the first option everywhere, up to `node`.
fn to_node(node: &str) -> TestGame {
    to_node_in(TestGame::new(), node)
}

/// Plays `game` from its start, taking the first option everywhere, up to
/// `node`.
fn to_node_in(mut game: TestGame, node: &str) -> TestGame {
    game.start();
    for _ in 0..200 {
        match game.beat() {
            CurrentBeat::Choices(c) if c.at.node == node => return game,
            CurrentBeat::Line(l) if l.at.node == node => return game,
            CurrentBeat::Choices(c) => game.choose(&c.options[0].id.clone()),
            CurrentBeat::Line(_) => game.advance(),
            other => panic!("unexpected {other:?}"),
        }
    }
    panic!("the emergency department was never reached");
}

/// Reads lines and takes `picks` (by id, in order) until the emergency
/// department is left; returns the scene the story went on to.
fn play_on(game: &mut TestGame, picks: &[&str]) -> String {
    let mut picks = picks.iter();
    for _ in 0..200 {
        if game.scene() != "ch2_emergency" {
            return game.scene();
        }
        match game.beat() {
            CurrentBeat::Ended(end) => return end.ending,
            CurrentBeat::Line(_) | CurrentBeat::Phase(_) => game.advance(),
            CurrentBeat::Choices(c) => {
                let pick = picks
                    .next()
                    .unwrap_or_else(|| panic!("no pick left for {}", c.at));
                game.choose(pick);
            }
            CurrentBeat::Nothing => panic!("nothing on screen"),
        }
    }
    panic!("no end");
}

#[test]
fn patient_time_runs_at_the_scenes_pace_and_stops_with_the_pause() {
    // At a line, which waits as long as the player reads.
    let mut game = to_node("e_sascha");
    let before = game.patient().body.minute;
    game.wait(20.0);
    let after = game.patient().body.minute;
    // The scene runs her time at half a minute per second.
    assert!(
        (9..=11).contains(&(after - before)),
        "{before} -> {after} in 20 s"
    );
    game.app.world_mut().resource_mut::<Time<Virtual>>().pause();
    game.wait(20.0);
    assert_eq!(game.patient().body.minute, after, "paused, time stands");
}

#[test]
fn orders_sent_as_messages_reach_the_patient() {
    let mut game = to_the_emergency();
    assert_eq!(game.patient().treatment.antibiotics_at, None);
    game.app
        .world_mut()
        .write_message(ApplyIntervention(Intervention::Antibiotics {
            adequate: true,
        }));
    game.update();
    let case = game.patient();
    assert_eq!(case.treatment.antibiotics_at, Some(case.body.minute));
}

#[test]
fn the_hour_one_bundle_holds_her_pressure_and_raises_no_pressure_alarm() {
    let mut game = to_the_emergency();
    game.choose("o_bundle");
    // An hour of her time passes while Roland's answer is read.
    game.wait(120.0);
    assert!(game.patient().body.minute >= 60);
    let ending = play_on(&mut game, &["dx_nsti", "r_honest"]);
    assert_eq!(ending, "ch3_theatre");
    let lines = game.line_ids();
    assert!(lines.contains(&"e_holding".to_owned()), "{lines:?}");
    assert!(!lines.contains(&"e_shock".to_owned()), "{lines:?}");
    assert!(
        !game.alarms().contains(&Alarm::MapLow),
        "{:?}",
        game.alarms()
    );
    let case = game.patient();
    assert!(case.vitals.map >= 65.0, "{:?}", case.vitals);
    assert_eq!(
        case.treatment.cultures.map(|(_, before)| before),
        Some(true)
    );
}

#[test]
fn waiting_for_the_lab_lets_her_pressure_fall_and_sascha_interrupts() {
    let mut game = to_the_emergency();
    game.choose("o_wait_labs");
    // Her pressure fell below 65 during the wait: the alarm went off, and
    // the scene's interrupt brought Sascha in before Roland's reply.
    assert!(
        game.alarms().contains(&Alarm::MapLow),
        "{:?}",
        game.alarms()
    );
    let CurrentBeat::Line(line) = game.beat() else {
        panic!("Sascha's line, got {:?}", game.beat());
    };
    assert_eq!(line.at.node, "e_map_alarm");
    assert!(game.patient().vitals.map < 65.0);
    game.advance();
    game.choose("m_norepinephrine");
    assert_eq!(game.line_ids().last().unwrap(), "e_map_right");
    game.advance();
    // The interrupt over, the story resumes where the alarm broke in.
    assert_eq!(game.line_ids().last().unwrap(), "e_wait_reply");
    game.wait(10.0);
    assert!(
        game.patient().body.norepinephrine > 0.0,
        "norepinephrine runs"
    );
    let ending = play_on(&mut game, &["dx_nsti", "r_honest"]);
    assert_eq!(ending, "ch3_theatre");
    let lines = game.line_ids();
    assert_eq!(
        lines.iter().filter(|l| *l == "e_map_alarm").count(),
        1,
        "the interrupt comes once"
    );
    // Still below 65 when Roland looks: the branch on her vitals says shock.
    assert!(lines.contains(&"e_shock".to_owned()), "{lines:?}");
    assert!(!lines.contains(&"e_holding".to_owned()), "{lines:?}");
    let case = game.patient();
    assert_eq!(
        case.treatment.cultures.map(|(_, before)| before),
        Some(true)
    );
    assert!(
        case.treatment.antibiotics_at.unwrap() >= 45,
        "antibiotics late"
    );
}

#[test]
fn an_alarm_during_a_timed_choice_stops_its_countdown_until_the_story_resumes() {
    // The first orders with a long timer, so that her pressure falls while
    // the player still hesitates (at pace 0.5, below 65 after about 70 s).
    let dir = copy_of_scenes("interrupted-timer");
    let file = dir.join("ch2_emergency.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replacen("seconds: 20,", "seconds: 300,", 1);
    std::fs::write(&file, text).unwrap();
    let mut game = to_node_in(TestGame::with_scenes(&dir, false), "e_orders");
    let remaining = |game: &TestGame| game.countdown().map(|t| t.remaining);
    // Hesitate until the alarm breaks in, noting the countdown.
    let mut left: f32 = 300.0;
    while matches!(game.beat(), CurrentBeat::Choices(c) if c.at.node == "e_orders") {
        left = remaining(&game).expect("the countdown runs");
        game.update();
    }
    assert_eq!(game.line_ids().last().unwrap(), "e_map_alarm");
    assert!((200.0..240.0).contains(&left), "{left} s were left");
    assert_eq!(remaining(&game), None, "no countdown under the interrupt");
    game.wait(5.0);
    game.advance();
    // The interrupt's own timed choice has its own countdown.
    assert_eq!(remaining(&game), Some(10.0));
    game.choose("m_norepinephrine");
    game.advance();
    let CurrentBeat::Choices(choices) = game.beat() else {
        panic!("back at the orders, got {:?}", game.beat());
    };
    assert_eq!(choices.at.node, "e_orders");
    let resumed = remaining(&game).expect("the countdown is back");
    assert!(
        (left - resumed).abs() <= 0.11,
        "it goes on from {left} s, not afresh: {resumed}"
    );
    game.wait(1.0);
    assert!(remaining(&game).unwrap() < resumed);
    std::fs::remove_dir_all(dir).unwrap();
}

/// The patient seed of the game being played.
fn seed(game: &TestGame) -> Option<u64> {
    let story = game.app.world().resource::<Story>();
    story.session().expect("a game runs").seed()
}

/// Begins another game, as the title screen's button does.
fn new_game(game: &mut TestGame) {
    let before = game.app.world().resource::<Story>().game();
    game.app.world_mut().write_message(NewGame);
    game.update_until("the new game", |world| {
        let story = world.resource::<Story>();
        story.game() > before && story.session().is_some()
    });
}

#[test]
fn each_new_game_draws_its_own_patient_unless_a_seed_is_given() {
    let mut game = TestGame::new();
    game.app.insert_resource(NewPatient::Drawn);
    game.start();
    let first = seed(&game).expect("a drawn seed");
    let variation = *game.patient().body.variation();
    assert_eq!(variation, Variation::drawn(first), "the entity's case");
    new_game(&mut game);
    let second = seed(&game).expect("a drawn seed");
    assert_ne!(first, second, "each game draws its own");

    game.app.insert_resource(NewPatient::Seeded(9));
    new_game(&mut game);
    assert_eq!(seed(&game), Some(9), "`famulant --seed 9`");
    game.update();
    assert_eq!(*game.patient().body.variation(), Variation::drawn(9));

    game.app.insert_resource(NewPatient::Reference);
    new_game(&mut game);
    assert_eq!(seed(&game), None, "as tests ask");
    game.update();
    assert_eq!(*game.patient().body.variation(), Variation::REFERENCE);
}
