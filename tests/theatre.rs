//! The operation and its decisions, headless through the real plugins and
//! the shipped scenes: a good and a poor way through the theatre, timers
//! that run out into their declared outcome, the pressure alarm after
//! induction, and decision timers switched off.

mod common;

use common::{TestGame, copy_of_scenes};
use famulant::content::Target;
use famulant::content::Value;
use famulant::patient::Alarm;
use famulant::settings::{Settings, TimerMode};
use famulant::story::{CurrentBeat, ShowChoices, StartAt};

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
    assert!(game.countdown().is_none());
    assert_eq!(choices(&game).at, asked.at, "the decision is still open");
    assert_eq!(game.expired(), 0, "and never runs out");

    // Timers turned on while the decision is open: it gets its full
    // countdown from then.
    set_timers(&mut game, TimerMode::Normal);
    game.update();
    let timer = game.countdown().expect("a countdown once timers are on");
    assert_eq!(timer.at, asked.at);
    assert_eq!(Some(timer.total), asked.seconds);
    assert!(timer.remaining > 0.9 * timer.total, "{timer:?}");
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
    let timer = game.countdown().unwrap();
    assert_eq!(timer.total, declared * 2.0);
    // Switching to Normal mid-decision keeps the share of time left.
    game.wait(declared * 0.5);
    set_timers(&mut game, TimerMode::Normal);
    game.update();
    let timer = game.countdown().unwrap();
    assert_eq!(timer.total, declared);
    assert!(
        (timer.fraction_left() - 0.75).abs() < 0.05,
        "a quarter of the relaxed time was used: {timer:?}"
    );
}

/// A small operation in the shipped theatre: prepare (resuscitate, or
/// straight on, or let the time run out), then induction as a phase with the
/// pressure alarm as interrupt.
const INDUCTION: &str = r#"(
    id: "test_or",
    title: (de: "Test", en: "Test"),
    room: "operating_room",
    cast: ["bram", "roland", "anaesthetist"],
    positions: {"bram": "patient", "roland": "surgeon", "anaesthetist": "anaesthetist"},
    monitor: "bedside",
    interrupts: [(alarm: "map_low", goto: "alarm")],
    phases: [(id: "induction", name: (de: "Einleitung", en: "Induction"), minutes: 10, seconds: 5.0, start: [Order(Induction)])],
    nodes: [
        Choice(
            id: "prepare",
            options: [
                (id: "resus", text: (de: "Erst stabilisieren.", en: "Stabilise first."),
                    effects: [Order(Crystalloid(ml: 1000, over_min: 10)), Order(Norepinephrine(dose: 0.2)), Wait(15)], goto: "induce"),
                (id: "straight", text: (de: "Sofort einleiten.", en: "Induce now."), goto: "induce"),
            ],
            timer: (seconds: 3.0, on_timeout: Goto(effects: [Set("hesitated", true)], goto: "induce")),
        ),
        Phase(id: "induce", phase: "induction", next: "done"),
        End(id: "done", ending: "induced"),
        Line(id: "alarm", speaker: "anaesthetist", text: (de: "Der Druck fällt!", en: "Her pressure is falling!")),
        Resume(id: "back"),
    ],
)"#;

/// The game with only the small operation (and the shipped characters and
/// rooms), at its first choice.
fn induction_game(tag: &str) -> TestGame {
    let dir = copy_of_scenes(tag);
    std::fs::write(
        dir.join("index.ron"),
        r#"(format: 1, start: "@test_or", scenes: ["test_or.ron"], variables: {"hesitated": false})"#,
    )
    .unwrap();
    std::fs::write(dir.join("test_or.ron"), INDUCTION).unwrap();
    let mut game = TestGame::with_scenes(&dir, false);
    game.start();
    assert_eq!(choices(&game).at.node, "prepare");
    game
}

/// Runs frames until the story ends, pressing on at lines.
fn run_to_end(game: &mut TestGame) -> String {
    for _ in 0..400 {
        match game.beat() {
            CurrentBeat::Ended(end) => return end.ending,
            CurrentBeat::Line(_) => game.advance(),
            _ => game.wait(0.1),
        }
    }
    panic!("no end; on screen: {:?}", game.beat());
}

#[test]
fn induction_without_resuscitation_raises_the_pressure_alarm_during_the_phase() {
    let mut game = induction_game("induction-straight");
    game.choose("straight");
    let CurrentBeat::Phase(phase) = game.beat() else {
        panic!("the induction phase, got {:?}", game.beat());
    };
    assert_eq!((phase.minutes, phase.left), (10, 10));
    // The phase takes the patient's time in real time: ten minutes in five
    // seconds, and the interrupt comes at the minute her pressure falls.
    game.update_until("the pressure alarm", |world| {
        matches!(world.resource::<CurrentBeat>(), CurrentBeat::Line(line) if line.at.node == "alarm")
    });
    let case = game.patient();
    assert!(case.vitals.map < 65.0, "{:?}", case.vitals);
    assert!(game.alarms().contains(&Alarm::MapLow));
    let interrupted_at = case.body.minute;
    assert!(
        interrupted_at < 10,
        "during the phase, at minute {interrupted_at}"
    );
    game.wait(3.0);
    assert_eq!(
        game.patient().body.minute,
        interrupted_at,
        "the phase waits while the interrupt is read"
    );
    game.advance();
    let CurrentBeat::Phase(phase) = game.beat() else {
        panic!("back in the phase, got {:?}", game.beat());
    };
    assert_eq!(phase.left, 10 - interrupted_at, "it goes on where it was");
    assert_eq!(run_to_end(&mut game), "induced");
    assert_eq!(
        game.patient().body.minute,
        10,
        "the phase took its ten minutes"
    );
}

#[test]
fn induction_after_resuscitation_raises_no_alarm() {
    let mut game = induction_game("induction-resus");
    game.choose("resus");
    assert_eq!(run_to_end(&mut game), "induced");
    let case = game.patient();
    assert!(
        !game.alarms().contains(&Alarm::MapLow),
        "{:?} with {:?}",
        game.alarms(),
        case.vitals
    );
    assert_eq!(
        case.body.minute, 25,
        "15 minutes of preparation, 10 of induction"
    );
    assert!(!game.line_ids().contains(&"alarm".to_owned()));
    // The story is over: her clock is held.
    let story = game.app.world().resource::<famulant::story::Story>();
    assert!(!story.session().unwrap().clock_runs());
    game.wait(5.0);
    assert_eq!(game.patient().body.minute, 25);
}

#[test]
fn a_decision_left_to_run_out_takes_its_declared_outcome() {
    let mut game = induction_game("induction-timeout");
    game.wait(3.5);
    assert_eq!(game.expired(), 1);
    assert_eq!(game.var("hesitated"), Value::Bool(true));
    assert!(
        matches!(game.beat(), CurrentBeat::Phase(_) | CurrentBeat::Line(_)),
        "on to the induction: {:?}",
        game.beat()
    );
    let state = game
        .app
        .world()
        .resource::<famulant::story::Story>()
        .state()
        .cloned()
        .unwrap();
    assert!(state.choice_log.last().unwrap().timed_out);
}

/// What to do at a choice: take this option, or let the time run out.
enum Pick {
    Take(&'static str),
    RunOut,
}

/// Plays from the emergency department to the end of the day in real game
/// time, reading each line for five seconds (the patient's time runs at the
/// scenes' pace meanwhile) and letting phases run at theirs, deciding by
/// `picks` (by choice id; the first option elsewhere). Returns the ending.
fn play_day(game: &mut TestGame, picks: &[(&str, Pick)]) -> String {
    game.start();
    for _ in 0..2000 {
        match game.beat() {
            CurrentBeat::Ended(end) => return end.ending,
            CurrentBeat::Line(_) => {
                game.wait(5.0);
                if matches!(game.beat(), CurrentBeat::Line(_)) {
                    game.advance();
                }
            }
            CurrentBeat::Phase(_) => game.wait(0.5),
            CurrentBeat::Choices(choices) => {
                match picks.iter().find(|(at, _)| *at == choices.at.node) {
                    Some((_, Pick::RunOut)) => {
                        let expired = game.expired();
                        game.update_until("the timer to run out", |w| {
                            *w.resource::<CurrentBeat>() != CurrentBeat::Choices(choices.clone())
                        });
                        assert_eq!(game.expired(), expired + 1, "at {}", choices.at);
                    }
                    Some((_, Pick::Take(option))) => game.choose(option),
                    None => game.choose(&choices.options[0].id.clone()),
                }
            }
            CurrentBeat::Nothing => panic!("nothing on screen"),
        }
    }
    panic!("no end; on screen: {:?}", game.beat());
}

#[test]
fn a_good_and_a_poor_way_through_the_operation_end_far_apart() {
    // Good: the hour-1 bundle, resuscitation and operation together, a
    // radical debridement.
    let mut good = game_at("@ch2_emergency");
    let ending = play_day(
        &mut good,
        &[
            ("e_orders", Pick::Take("o_bundle")),
            ("t_dispute", Pick::Take("d_both")),
            ("t_map_choice", Pick::Take("mp_pressor")),
            ("t_extent", Pick::Take("x_radical")),
        ],
    );
    assert_eq!(ending, "day_one_complete");
    // Poor: the same emergency care, then no word in the dispute (Roland
    // goes straight on, her fluids wearing off and no pressor running),
    // hesitation when her pressure falls after induction, a limited
    // debridement.
    let mut poor = game_at("@ch2_emergency");
    let ending = play_day(
        &mut poor,
        &[
            ("e_orders", Pick::Take("o_bundle")),
            ("t_dispute", Pick::RunOut),
            ("t_map_choice", Pick::RunOut),
            ("t_extent", Pick::Take("x_limited")),
        ],
    );
    assert_eq!(ending, "day_one_complete");

    let (good, good_lines, poor, poor_lines) = (
        good.patient(),
        good.line_ids(),
        poor.patient(),
        poor.line_ids(),
    );
    let (g, p) = (good.vitals, poor.vitals);
    for (name, case) in [("good", &good), ("poor", &poor)] {
        let v = case.vitals;
        eprintln!(
            "{name}: minute {} map {:.0} hr {:.0} lactate {:.2} temp {:.1} source {:.3} outcome {:.3}",
            case.body.minute,
            v.map,
            v.hr,
            v.lactate,
            v.temp,
            case.body.source,
            case.outcome()
        );
    }
    assert!(good.body.alive && poor.body.alive);
    assert!(
        poor.outcome() > good.outcome() + 0.1,
        "outcome estimates: good {:.3}, poor {:.3}",
        good.outcome(),
        poor.outcome()
    );
    assert!(good.outcome() < 0.25, "{}", good.outcome());
    assert!(
        p.lactate > g.lactate + 0.3,
        "lactate {} vs {}",
        g.lactate,
        p.lactate
    );
    assert!(p.hr > g.hr + 5.0, "heart rate {} vs {}", g.hr, p.hr);
    assert!(
        poor.body.source > 2.0 * good.body.source,
        "necrotic source left: {} vs {}",
        good.body.source,
        poor.body.source
    );
    // The course is told as the model gives it.
    assert!(good_lines.contains(&"i_good".to_owned()), "{good_lines:?}");
    assert!(poor_lines.contains(&"i_slow".to_owned()), "{poor_lines:?}");
    // The poor way heard the alarm after induction and Brandt acting
    // alone; the good way had no alarm in theatre.
    assert!(
        poor_lines.contains(&"t_map_brandt".to_owned()),
        "{poor_lines:?}"
    );
    assert!(poor_lines.contains(&"t_map_alone".to_owned()));
    assert!(
        !good_lines.contains(&"t_map_brandt".to_owned()),
        "{good_lines:?}"
    );
}

#[test]
fn an_option_that_depends_on_her_vitals_appears_while_the_choice_is_open() {
    let dir = copy_of_scenes("vitals-option");
    std::fs::write(
        dir.join("index.ron"),
        r#"(format: 1, start: "@test_offer", scenes: ["test_offer.ron"])"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("test_offer.ron"),
        r#"(
    id: "test_offer",
    title: (de: "Test", en: "Test"),
    room: "emergency",
    cast: ["roland"],
    nodes: [
        Effects(id: "start", effects: [Pace(10.0)]),
        Choice(
            id: "watch",
            options: [
                (id: "wait", text: (de: "Warten.", en: "Wait."), goto: "done"),
                (id: "pressor", text: (de: "Noradrenalin.", en: "Norepinephrine."), when: Vital("map", "<", 65), goto: "done"),
            ],
        ),
        End(id: "done", ending: "seen"),
    ],
)"#,
    )
    .unwrap();
    let mut game = TestGame::with_scenes(&dir, false);
    game.start();
    let offered = |game: &TestGame| -> Vec<String> {
        choices(game).options.iter().map(|o| o.id.clone()).collect()
    };
    assert_eq!(offered(&game), ["wait"], "her pressure holds at first");
    // Untreated, her MAP falls below 65 after about half an hour: three
    // seconds at ten minutes a second.
    game.update_until("the pressor to be offered", |world| {
        matches!(world.resource::<CurrentBeat>(), CurrentBeat::Choices(c) if c.options.len() == 2)
    });
    assert!(game.patient().vitals.map < 65.0);
    assert_eq!(offered(&game), ["wait", "pressor"]);
    game.choose("pressor");
    assert_eq!(run_to_end(&mut game), "seen");
}
