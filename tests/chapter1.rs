//! Chapters 1 and 2 played headless through the real plugins and the
//! shipped scene files, as a player would: the morning's choices and what
//! they set, a timed choice left to run out, and the decision to operate:
//! Roland's ruling on Vladi's argument as far as he trusts him, Frau Bram's
//! consent to the operation and, apart from it, to an amputation, and her
//! refusal.

mod common;

use bevy::prelude::NextState;
use common::TestGame;
use famulant::content::{NodeDef, Timeout, Value};
use famulant::story::{ChoiceRecord, CurrentBeat, ShowChoices, Story};

use Value::{Bool, Int};

/// Chapter 1 played steadily: coffee at the kiosk and an honest word to
/// the stranger there, Mum's call declined, the qSOFA criteria known,
/// supervision asked for at the scrub sink, Herr Albers asked why, Kessler
/// answered calmly, Frau Wendt's leak seen, the night job told, the qSOFA
/// counted on the phone.
const STEADY_MORNING: &[Option<&str>] = &[
    Some("w_kiosk"),
    Some("k_honest"),
    Some("decline"),
    Some("q_right"),
    Some("s_ask"),
    Some("a_why"),
    Some("k_steady"),
    Some("w_leak"),
    Some("tell"),
    Some("t_qsofa"),
];

/// Chapter 1 played for the family: asleep on the bench, Mum's call taken
/// and the drive to dialysis promised, Dad's voice waited for until the
/// meeting has begun, Roland's question left to run out, a bluff to Ines,
/// Herr Albers told he may not leave, Kessler answered cheekily, the
/// scores trusted, the night job told, antibiotics for everything.
const FAMILY_MORNING: &[Option<&str>] = &[
    Some("w_bench"),
    Some("pick_up"),
    Some("promise"),
    None,
    None,
    Some("s_bluff"),
    Some("a_forbid"),
    Some("k_cheeky"),
    Some("w_clear"),
    Some("tell"),
    Some("t_abx"),
];

/// The emergency department done well: one question about her allergy,
/// 30 mL/kg, the diagnosis named, the truth about the operation and Lena.
const GOOD_EMERGENCY: &[Option<&str>] = &[
    Some("o_ask"),
    Some("f_full"),
    Some("dx_nsti"),
    Some("r_honest"),
];

/// The emergency department with nothing that wins Roland over, her
/// circulation kept as well filled: the antibiotic hung without asking,
/// 30 mL/kg, erysipelas, "it'll be fine".
const PLAIN_EMERGENCY: &[Option<&str>] = &[
    Some("o_give"),
    Some("f_full"),
    Some("dx_erysipelas"),
    Some("r_soothe"),
];

/// A new game played from the start with `parts` of decisions in order.
fn played(parts: &[&[Option<&str>]]) -> TestGame {
    let mut game = TestGame::new();
    game.start();
    for decisions in parts {
        game.decide(decisions);
    }
    game
}

/// Plays from the start, picking with `pick` at every choice, until the
/// story leaves chapters 1 and 2; returns the ids of the choices passed
/// and the scene reached.
fn play_the_first_day(
    game: &mut TestGame,
    pick: impl Fn(&ShowChoices) -> String,
) -> (Vec<String>, String) {
    game.start();
    let mut passed = Vec::new();
    for _ in 0..1000 {
        if !game.scene().starts_with("ch1_") && !game.scene().starts_with("ch2_") {
            return (passed, game.scene());
        }
        match game.beat() {
            CurrentBeat::Line(_) => game.advance(),
            CurrentBeat::Choices(choices) => {
                passed.push(choices.at.node.clone());
                game.choose(&pick(&choices));
            }
            other => panic!("expected lines and choices in chapters 1 and 2, got {other:?}"),
        }
    }
    panic!("chapter 2 not left after 1000 beats");
}

fn first(choices: &ShowChoices) -> String {
    choices.options[0].id.clone()
}

fn last(choices: &ShowChoices) -> String {
    choices.options.last().unwrap().id.clone()
}

/// The decisions made so far, oldest first.
fn choice_log(game: &TestGame) -> Vec<ChoiceRecord> {
    let story = game.app.world().resource::<Story>();
    story.state().unwrap().choice_log.clone()
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
fn the_chapter_opens_in_german_with_its_first_line() {
    let mut game = TestGame::new();
    game.start();
    let CurrentBeat::Line(line) = game.beat() else {
        panic!("the chapter opens with a line");
    };
    assert_eq!(line.at.scene, "ch1_morning");
    let text = line.text.get(famulant::content::Lang::De);
    assert!(
        text.chars().any(|c| "äöüÄÖÜß".contains(c)),
        "umlauts in the first line: {text}"
    );
}

#[test]
fn the_first_and_the_last_options_lead_out_of_the_first_day_different_ways() {
    let mut first_path = TestGame::new();
    let (choices_a, reached_a) = play_the_first_day(&mut first_path, first);
    let mut last_path = TestGame::new();
    let (choices_b, reached_b) = play_the_first_day(&mut last_path, last);

    // Told the truth, she consents and goes to theatre; held the door open
    // ("you don't have to sign now"), she refuses and goes to intensive care.
    assert_eq!(reached_a, "ch3_scrub");
    assert_eq!(first_path.var("op_consent"), Bool(true));
    assert_eq!(reached_b, "ch3_icu");
    assert_eq!(last_path.var("refused_until_night"), Bool(true));
    for choices in [&choices_a, &choices_b] {
        assert!(
            choices.len() >= 15,
            "fifteen decisions or more: {choices:?}"
        );
    }
    let vars = |game: &TestGame| {
        let story = game.app.world().resource::<Story>();
        story.state().unwrap().variables.clone()
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

#[test]
fn the_steady_morning_earns_trust_and_hears_it() {
    let mut game = played(&[STEADY_MORNING]);
    game.advance_until_scene("ch2_emergency");
    assert_vars(
        &game,
        &[
            ("roland_trust", Int(5)),
            ("vladi_confidence", Int(5)),
            ("kessler_regard", Int(1)),
            ("team_cohesion", Int(2)),
            ("family_strain", Int(2)),
            ("knew_qsofa", Bool(true)),
            ("confided_in_roland", Bool(true)),
            ("answered_mother", Bool(false)),
            ("promised_father", Bool(false)),
            ("late_first_day", Bool(false)),
            ("late_start_granted", Bool(false)),
        ],
    );
    assert_lines(
        &game,
        &[
            "kiosk_honest_reply",
            "declined",
            "mt_open",
            "mt_know_honest",
            "q_right_reply",
            "s_ask_reply",
            "r_wendt_q_knew",
            "w_leak_reply",
            "r_marion_good",
            "cl_m_leak",
            "cl_albers_why",
            "cl_tell_reply",
            "t_qsofa_reply",
            "cl_phone_off",
            "cl_warm",
        ],
        &[
            "bench",
            "mt_late",
            "r_marion_bad",
            "cl_ines_bluff",
            "cl_stern",
        ],
    );
    assert_eq!(game.expired(), 0);
}

#[test]
fn the_family_morning_runs_late_and_hesitates() {
    let mut game = played(&[FAMILY_MORNING]);
    game.advance_until_scene("ch2_emergency");
    assert_eq!(
        game.expired(),
        2,
        "Dad's call and the qSOFA question ran out"
    );
    assert_vars(
        &game,
        &[
            ("roland_trust", Int(-1)),
            ("vladi_confidence", Int(-3)),
            ("kessler_regard", Int(-4)),
            ("team_cohesion", Int(1)),
            ("family_strain", Int(-1)),
            ("answered_mother", Bool(true)),
            ("promised_father", Bool(true)),
            ("late_first_day", Bool(true)),
            ("bluffed_scrub", Bool(true)),
            ("confided_in_roland", Bool(true)),
            ("late_start_granted", Bool(true)),
            ("knew_qsofa", Bool(false)),
        ],
    );
    assert_lines(
        &game,
        &[
            "call_promise",
            "papa1",
            "late_run",
            "mt_late",
            "mt_know_bench",
            "q_stammer_reply",
            "r_rules_cold",
            "r_marion_bad",
            "cl_buzz_job",
            "cl_roland_ask_bench",
            "cl_dialysis_vladi",
            "cl_ines_bluff",
            "cl_stern",
        ],
        &[
            "declined",
            "papa_skipped",
            "mt_open",
            "cl_phone_off",
            "cl_warm",
        ],
    );
    // Without the qSOFA criteria and with little confidence left, the
    // reasoned answer on the phone is not offered.
    let think = choice_log(&game)
        .into_iter()
        .find(|r| r.at.node == "c_think")
        .expect("Roland asked what he thinks");
    assert_eq!(think.option.as_deref(), Some("t_abx"));
    let timed: Vec<_> = choice_log(&game)
        .into_iter()
        .filter(|r| r.timed_out)
        .collect();
    assert_eq!(timed[0].at.node, "c_papa");
    assert_eq!(timed[0].option, None, "hesitation goes on to Dad's voice");
    assert_eq!(timed[1].at.node, "c_qsofa");
    assert_eq!(
        timed[1].option.as_deref(),
        Some("q_stammer"),
        "the declared outcome"
    );
}

/// Plays `morning` and `emergency`, answers Kessler with `kessler` and
/// gives Vladi's view `argument`; returns the game at the next choice,
/// once Roland has ruled.
fn ruled(
    morning: &[Option<&str>],
    emergency: &[Option<&str>],
    kessler: &str,
    argument: &str,
) -> TestGame {
    let mut game = played(&[morning, emergency, &[Some(kessler)]]);
    let asked = game.advance_until_choice();
    assert_eq!(asked.at.node, "d_key", "Roland asks for Vladi's view");
    game.choose(argument);
    game.advance_until_choice();
    game
}

#[test]
fn roland_rules_on_vladis_argument_as_far_as_he_trusts_him() {
    // Trusted, the argument to stabilise first wins: twenty minutes in
    // the emergency department for an arterial line.
    let trusted = ruled(STEADY_MORNING, GOOD_EMERGENCY, "k_facts", "a_stabilise");
    assert_eq!(trusted.var("roland_trust"), Int(5));
    assert_lines(
        &trusted,
        &["d_r_stab_agree", "d_art_line"],
        &["d_r_now_override_stab"],
    );
    assert_vars(&trusted, &[("vladi_argued", Int(2)), ("op_timing", Int(2))]);
    assert!(matches!(trusted.beat(), CurrentBeat::Choices(c) if c.at.node == "d_lena"));

    // Not trusted, the same argument is overruled: she goes up at once.
    // Vladi objects in front of the patient, and that is a clash.
    let mut doubted = ruled(FAMILY_MORNING, PLAIN_EMERGENCY, "k_defer", "a_stabilise");
    assert_eq!(doubted.var("roland_trust"), Int(0));
    assert_lines(&doubted, &["d_r_now_override_stab"], &["d_r_stab_agree"]);
    doubted.choose("c_object");
    doubted.advance_until_choice();
    assert_vars(
        &doubted,
        &[
            ("vladi_argued", Int(2)),
            ("op_timing", Int(1)),
            ("clash_with_roland", Bool(true)),
            ("roland_trust", Int(-2)),
        ],
    );
    assert_lines(
        &doubted,
        &["d_clash_reply", "d_now_brandt"],
        &["d_art_line"],
    );

    // Trusted, the argument to operate now wins too: she goes up at once.
    let now = ruled(STEADY_MORNING, GOOD_EMERGENCY, "k_facts", "a_now");
    assert_lines(&now, &["d_r_now_agree"], &["d_r_stab_agree", "d_art_line"]);
    assert_vars(&now, &[("vladi_argued", Int(1)), ("op_timing", Int(1))]);
    assert_eq!(now.var("clash_with_roland"), Bool(false));
}

#[test]
fn she_consents_to_the_operation_and_apart_from_it_to_an_amputation() {
    // The truth about the weeks it will take; her own decision on the leg.
    let mut game = played(&[
        STEADY_MORNING,
        GOOD_EMERGENCY,
        &[
            Some("k_facts"),
            Some("a_now"),
            Some("l_truth"),
            Some("am_own"),
            Some("p_lena"),
        ],
    ]);
    game.advance_until_scene("ch3_scrub");
    assert_vars(
        &game,
        &[
            ("op_consent", Bool(true)),
            ("amputation_consent", Bool(true)),
            ("lena_told_truth", Bool(true)),
            ("lena_number_given", Bool(true)),
            ("refused_until_night", Bool(false)),
        ],
    );
    assert_lines(
        &game,
        &[
            "d_ak4",
            "d_truth_bram",
            "d_amp_yes",
            "d_signed",
            "d_final_four",
        ],
        &["d_amp_no", "d_refuse_consequences"],
    );

    // A soothing lie, which Roland corrects; and her no to the leg stands.
    let mut game = played(&[
        STEADY_MORNING,
        GOOD_EMERGENCY,
        &[
            Some("k_facts"),
            Some("a_now"),
            Some("l_lie"),
            Some("am_right"),
            Some("p_lena"),
        ],
    ]);
    game.advance_until_scene("ch3_scrub");
    assert_vars(
        &game,
        &[
            ("op_consent", Bool(true)),
            ("amputation_consent", Bool(false)),
            ("lena_told_truth", Bool(false)),
        ],
    );
    assert_lines(
        &game,
        &["d_lie_roland", "d_amp_no", "d_amp_no_form", "d_signed"],
        &["d_amp_yes", "d_refuse_consequences"],
    );
}

#[test]
fn her_refusal_stands_and_she_goes_to_intensive_care_unoperated() {
    // "You don't have to sign now": Vladi holds the door open, she goes
    // through it, and Roland respects a competent refusal.
    let mut game = played(&[
        FAMILY_MORNING,
        PLAIN_EMERGENCY,
        &[Some("k_defer"), Some("a_now"), Some("l_delay")],
    ]);
    let after = game.advance_until_choice();
    assert_eq!(after.at.node, "d_after", "Roland and Vladi, alone");
    assert_vars(
        &game,
        &[
            ("op_consent", Bool(false)),
            ("amputation_consent", Bool(false)),
            ("op_timing", Int(0)),
            ("refused_until_night", Bool(true)),
            ("clash_with_roland", Bool(true)),
        ],
    );
    game.choose("af_katrin");
    game.advance_until_scene("ch3_icu");
    assert_eq!(game.scene(), "ch3_icu");
    assert_lines(
        &game,
        &[
            "d_delay_reply",
            "d_refuse_bram",
            "d_refuse_brandt",
            "d_rc_door",
            "d_af_katrin",
        ],
        &["d_signed", "d_final_plain"],
    );
    assert_eq!(game.var("operated"), Bool(false));
    assert_eq!(game.patient().treatment.incision_at, None);
}

#[test]
fn left_without_an_answer_she_consents_only_if_she_already_trusts_him() {
    // Silence at her question: Roland answers. She gave Vladi the school's
    // number and trusts him, so she consents.
    let mut trusting = played(&[
        STEADY_MORNING,
        GOOD_EMERGENCY,
        &[Some("k_facts"), Some("a_now"), None],
    ]);
    let next = trusting.advance_until_choice();
    assert_eq!(next.at.node, "d_amp", "on to the leg");
    assert_vars(
        &trusting,
        &[
            ("op_consent", Bool(true)),
            ("lena_told_truth", Bool(false)),
            ("bram_trust", Int(1)),
        ],
    );
    assert_lines(
        &trusting,
        &["d_lena_silent", "d_lena_roland", "d_silent_consent"],
        &["d_silent_refuse"],
    );

    // Soothed and never asked for the number, she refuses until tonight.
    let mut wary = played(&[
        FAMILY_MORNING,
        PLAIN_EMERGENCY,
        &[Some("k_defer"), Some("a_now"), None],
    ]);
    wary.advance_until_scene("ch3_icu");
    assert_vars(
        &wary,
        &[
            ("op_consent", Bool(false)),
            ("refused_until_night", Bool(true)),
            ("lena_number_given", Bool(false)),
        ],
    );
    assert_lines(
        &wary,
        &["d_lena_silent", "d_silent_refuse", "d_refuse_quiet"],
        &["d_silent_consent", "d_rc_door"],
    );
    for game in [&trusting, &wary] {
        let record = choice_log(game).pop().expect("decisions were made");
        assert_eq!(record.at.node, "d_lena", "her question was the last");
        assert!(record.timed_out && record.option.is_none(), "{record:?}");
    }
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
