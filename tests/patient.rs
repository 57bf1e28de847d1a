//! The patient in the running game: who she is in a new game, her
//! simulated clock, the emergency department's orders reaching her and her
//! vitals answering, alarms raised as messages, a scene that reacts to an
//! alarm and resumes, and her numbers choosing the way, all in the shipped
//! chapter 2.

mod common;

use bevy::prelude::*;
use common::{TestGame, copy_of_scenes};
use famulant::patient::{Alarm, ApplyIntervention, Intervention, Variation};
use famulant::story::{CurrentBeat, NewGame, NewPatient, Story};

/// Plays chapter 1 taking the first option everywhere, up to the
/// emergency department, where Roland asks what to do about the
/// antibiotic.
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
    for _ in 0..300 {
        match game.beat() {
            CurrentBeat::Choices(c) if c.at.node == node => return game,
            CurrentBeat::Line(l) if l.at.node == node => return game,
            CurrentBeat::Choices(c) => game.choose(&c.options[0].id.clone()),
            CurrentBeat::Line(_) => game.advance(),
            other => panic!("unexpected {other:?}"),
        }
    }
    panic!("{node} was never reached");
}

/// Whether a line whose id begins with `prefix` was shown.
fn shown(game: &TestGame, prefix: &str) -> bool {
    game.line_ids().iter().any(|l| l.starts_with(prefix))
}

#[test]
fn patient_time_runs_at_the_scenes_pace_and_stops_with_the_pause() {
    // At a line, which waits as long as the player reads.
    let mut game = to_node("e_sascha");
    let before = game.patient().body.minute;
    game.wait(20.0);
    let after = game.patient().body.minute;
    // The scene runs her time at a quarter of a minute per second.
    assert!(
        (4..=6).contains(&(after - before)),
        "{before} -> {after} in 20 s"
    );
    game.app.world_mut().resource_mut::<Time<Virtual>>().pause();
    game.wait(20.0);
    assert_eq!(game.patient().body.minute, after, "paused, time stands");
}

#[test]
fn roland_finds_all_done_but_the_antibiotic_and_one_question_clears_it() {
    let mut game = to_the_emergency();
    // Sascha's work after Roland's call: cultures, a lactate, fluids; the
    // antibiotic held back over the allergy on her admission sheet.
    let case = game.patient();
    assert_eq!(
        case.treatment.cultures.map(|(_, before)| before),
        Some(true)
    );
    assert!(case.labs.lactate().is_some(), "the lactate is back");
    assert!(shown(&game, "e_lactate_") && !shown(&game, "e_lactate_pending"));
    assert!(case.body.fluids > 0.0, "the first half litre runs");
    assert_eq!(case.treatment.antibiotics_at, None);

    game.choose("o_ask");
    assert_eq!(game.line_ids().last().unwrap(), "e_allergy_story");
    let asked = game.patient().body.minute;
    game.advance();
    assert_eq!(game.line_ids().last().unwrap(), "e_allergy_reply");
    let case = game.patient();
    assert!(
        case.treatment
            .antibiotics_at
            .is_some_and(|at| at <= asked + 1),
        "meropenem as soon as she has answered: {:?} after minute {asked}",
        case.treatment.antibiotics_at
    );
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
fn the_hour_one_bundle_holds_her_pressure_and_she_goes_up_at_once() {
    let mut game = to_the_emergency();
    let arrived = game.patient();
    game.decide(&[
        Some("o_ask"),
        Some("f_full"),
        Some("dx_nsti"),
        Some("r_honest"),
    ]);
    game.advance_until_scene("ch2_decision");

    let case = game.patient();
    assert!(
        !game.alarms().contains(&Alarm::MapLow),
        "{:?}",
        game.alarms()
    );
    assert!(
        case.vitals.map >= 65.0 && case.vitals.map > arrived.vitals.map,
        "her pressure answers the fluids: {} -> {}",
        arrived.vitals.map,
        case.vitals.map
    );
    assert!(
        case.vitals.lactate < arrived.vitals.lactate,
        "her lactate falls: {} -> {}",
        arrived.vitals.lactate,
        case.vitals.lactate
    );
    // Her 30 mL/kg still running: more than Sascha's and a second half litre.
    assert!(case.body.fluids > 1.2, "{} L given", case.body.fluids);
    assert!(
        case.treatment.antibiotics_at.unwrap() <= 60,
        "within the hour"
    );
    assert_eq!(
        case.treatment.cultures.map(|(_, before)| before),
        Some(true)
    );
    // The branch on her vitals: her pressure holds, no shock.
    assert!(shown(&game, "e_holding"), "{:?}", game.line_ids());
    assert!(!shown(&game, "e_shock") && !shown(&game, "e_map_alarm"));

    // Stable without noradrenaline: Roland takes her up at once, as Vladi
    // argues, with the arterial line put in upstairs.
    game.decide(&[Some("k_facts"), Some("a_now")]);
    game.advance_until_choice();
    assert!(shown(&game, "d_brandt_holding") && shown(&game, "d_r_now_agree"));
    assert!(!shown(&game, "d_art_line"));
    assert_eq!(game.var("op_timing"), famulant::content::Value::Int(1));
    assert_eq!(game.patient().body.norepinephrine, 0.0);
}

#[test]
fn left_waiting_her_pressure_falls_the_alarm_interrupts_and_the_story_resumes() {
    let mut game = to_the_emergency();
    let arrived = game.patient().body.minute;
    // Twelve minutes on hold with her GP, and only half a litre more.
    game.decide(&[Some("o_wait"), Some("f_small")]);
    let CurrentBeat::Line(reading) = game.beat() else {
        panic!("Roland's reply, got {:?}", game.beat());
    };
    // The player lingers over Roland's reply while her pressure falls.
    for _ in 0..8_000 {
        if matches!(game.beat(), CurrentBeat::Line(l) if l.at.node == "e_map_alarm") {
            break;
        }
        game.update();
    }
    // The alarm went off, and the scene's interrupt broke in.
    assert_eq!(game.line_ids().last().unwrap(), "e_map_alarm");
    assert!(
        game.alarms().contains(&Alarm::MapLow),
        "{:?}",
        game.alarms()
    );
    assert!(game.patient().vitals.map < 65.0);
    game.advance();
    assert_eq!(game.line_ids().last().unwrap(), "e_map_sascha");
    game.advance();
    game.choose("m_norepinephrine");
    assert_eq!(game.line_ids().last().unwrap(), "e_map_right");
    game.advance();
    // The interrupt over, the story resumes where the alarm broke in.
    assert_eq!(game.beat(), CurrentBeat::Line(reading));
    game.wait(10.0);
    assert!(
        game.patient().body.norepinephrine > 0.0,
        "noradrenaline runs"
    );

    game.decide(&[Some("dx_nsti"), Some("r_honest")]);
    game.advance_until_scene("ch2_decision");
    let lines = game.line_ids();
    assert_eq!(
        lines.iter().filter(|l| *l == "e_map_alarm").count(),
        1,
        "the interrupt comes once"
    );
    // Noradrenaline for a mean of 65 and a raised lactate: septic shock.
    assert!(shown(&game, "e_shock"), "{lines:?}");
    assert!(!shown(&game, "e_holding"), "{lines:?}");
    let case = game.patient();
    assert!(
        case.body.fluids <= 1.0 + 1e-6,
        "{} L given",
        case.body.fluids
    );
    assert_eq!(
        case.treatment.cultures.map(|(_, before)| before),
        Some(true)
    );
    assert!(
        case.treatment.antibiotics_at.unwrap() >= arrived + 12,
        "antibiotics late"
    );

    // On noradrenaline she does not go up without an arterial line, whatever
    // Vladi argues: Roland keeps her in the emergency department first.
    game.decide(&[Some("k_facts"), Some("a_now")]);
    game.advance_until_choice();
    assert!(shown(&game, "d_brandt_pressor") && shown(&game, "d_art_line"));
    assert!(!shown(&game, "d_r_now_agree"));
    assert_eq!(game.var("op_timing"), famulant::content::Value::Int(2));
}

#[test]
fn an_alarm_during_a_timed_choice_stops_its_countdown_until_the_story_resumes() {
    // The first orders with the longest timer allowed, so that her pressure
    // falls while the player still hesitates (at a quarter of a minute per
    // second, below 65 after about four minutes of hesitation).
    let dir = copy_of_scenes("interrupted-timer");
    let file = dir.join("ch2_emergency.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let orders = text.find("id: \"e_orders\"").expect("the orders");
    let timer = orders + text[orders..].find("seconds: 15,").expect("its timer");
    let text = format!("{}seconds: 300,{}", &text[..timer], &text[timer + 12..]);
    std::fs::write(&file, text).unwrap();
    let mut game = to_node_in(TestGame::with_scenes(&dir, false), "e_orders");
    let remaining = |game: &TestGame| game.countdown().map(|t| t.remaining);
    assert_eq!(remaining(&game), Some(300.0));
    let shown_at = game.patient().body.minute;
    // Hesitate until the alarm breaks in, noting the countdown.
    let mut left: f32 = 300.0;
    while matches!(game.beat(), CurrentBeat::Choices(c) if c.at.node == "e_orders") {
        left = remaining(&game).expect("the countdown runs");
        game.update();
    }
    assert_eq!(game.line_ids().last().unwrap(), "e_map_alarm");
    let hesitated = (game.patient().body.minute - shown_at) as f32;
    assert!(
        ((300.0 - left) * 0.25 - hesitated).abs() <= 1.0,
        "{left} s were left after {hesitated} of her minutes"
    );
    assert_eq!(remaining(&game), None, "no countdown under the interrupt");
    game.wait(5.0);
    game.advance();
    assert_eq!(remaining(&game), None, "nor while Sascha speaks");
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
    game.app.world_mut().write_message(NewGame::default());
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
