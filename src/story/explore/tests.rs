//! The explorer on small stories: every path of the test story, a node
//! whose condition never holds, a choice with nothing to offer, a loop
//! without a way out, random runs, and alarms that break in on a reader
//! who hesitates.

use std::sync::Arc;

use super::*;
use crate::content::Library;
use crate::content::fixtures::{MANIFEST, SCENE, compile_files, compile_scene};

fn library(scene: &str) -> Arc<Library> {
    let compiled = compile_scene(scene);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    Arc::new(compiled.library.expect("compiles"))
}

/// Explored for the reference patient alone, so that every path is played
/// once a pace.
fn explored(scene: &str) -> Report {
    let options = Options {
        patients: 1,
        ..Options::default()
    };
    explore(library(scene), &options).expect("the story starts")
}

#[test]
fn every_path_of_the_test_story_is_played_at_every_pace() {
    let report = explored(SCENE);
    println!("{report}");
    assert!(report.is_clean(), "{report}");
    assert_eq!(report.walks.len(), 3);
    for walk in &report.walks {
        assert_eq!(walk.coverage, Coverage::EveryPath { patients: 1 });
        // Greet, mumble, or let the time run out (which mumbles); the
        // secret option is never offered.
        assert_eq!(walk.tally.playthroughs, 3, "{}", walk.pace.name);
        assert_eq!(walk.tally.endings["good_start"], 1);
        assert_eq!(walk.tally.endings["shy_start"], 2);
    }
    assert!(report.endings_missed().is_empty());
    assert_eq!(report.census.choices, 1);
    assert_eq!(report.census.timed_choices, 1);
}

#[test]
fn every_path_is_played_for_each_patient() {
    let options = Options {
        patients: 3,
        paces: vec![Pace::FAST],
        ..Options::default()
    };
    let report = explore(library(SCENE), &options).unwrap();
    let walk = &report.walks[0];
    assert_eq!(walk.coverage, Coverage::EveryPath { patients: 3 });
    assert_eq!(walk.tally.playthroughs, 9);
    assert_eq!(walk.tally.distinct.len(), 3, "the same three ways each");
    // The reference patient is played first, and equal times keep the
    // first.
    let shortest = walk.tally.shortest.as_ref().unwrap();
    assert_eq!(shortest.patient, None);
}

#[test]
fn reading_time_follows_the_words_and_the_countdown() {
    let report = explored(SCENE);
    let typical = &report.walk("typical").unwrap().tally;
    let shortest = typical.shortest.as_ref().unwrap();
    // "Guten Morgen." 2 words: 0.6 s + 0.5 s; the choice's 3 words and 5 s
    // to think, cut to 4.5 s of its 5-second countdown; "Mutig." 0.3 s +
    // 0.5 s.
    assert!((shortest.seconds - 6.4).abs() < 1e-4, "{shortest:?}");
    assert_eq!(shortest.path, ["answer=greet"]);
    assert_eq!(
        (shortest.choices, shortest.timed, shortest.lines),
        (1, 1, 2)
    );
    let longest = typical.longest.as_ref().unwrap();
    // Letting the time run out costs the last 0.5 s of the countdown.
    assert!((longest.seconds - 6.9).abs() < 1e-4, "{longest:?}");
    assert_eq!(longest.path, ["answer=(time ran out)"]);
    assert_eq!(longest.timeouts, 1);
}

#[test]
fn a_node_whose_condition_never_holds_is_reported_unreached() {
    let scene = SCENE.replace(
        r#"Branch(id: "check", cases: [(when: Is("brave"), goto: "good")], otherwise: "poor"),"#,
        r#"Branch(id: "check", cases: [(when: Var("trust", ">", 5), goto: "never"), (when: Is("brave"), goto: "good")], otherwise: "poor"),
        Line(id: "never", text: (de: "Nie.", en: "Never."), next: "done"),"#,
    );
    let report = explored(&scene);
    assert_eq!(report.unreached, ["s1.never"]);
    assert!(report.dead_ends.is_empty(), "{report}");
    assert!(!report.is_clean());
    assert!(
        report
            .to_string()
            .contains("nodes never reached: 1 of 8\n  s1.never\n")
    );
}

#[test]
fn a_choice_with_nothing_to_offer_is_a_dead_end() {
    let scene = SCENE.replace(
        r#"Line(id: "poor", speaker: "vladi", text: (de: "Leise.", en: "Quiet."), next: "sad"),"#,
        r#"Choice(id: "poor", options: [(id: "bold", text: (de: "Mutig", en: "Bold"), when: Is("brave"), goto: "sad")]),"#,
    );
    let report = explored(&scene);
    assert_eq!(report.dead_ends.len(), 1, "{report}");
    let dead_end = &report.dead_ends[0];
    assert_eq!(
        dead_end.found.dead_end,
        DeadEnd::Fault(StoryError::NoOptions(crate::content::NodeRef::new(
            "s1", "poor"
        )))
    );
    assert_eq!(dead_end.paces, ["fast", "typical", "slow"]);
    // Mumbling and letting the time run out, at each pace.
    assert_eq!(dead_end.found.paths, 6);
    assert!(!report.is_clean());
    assert_eq!(
        report.endings_missed(),
        ["shy_start"],
        "only through `poor`"
    );
    assert_eq!(report.unreached, ["s1.sad"]);
}

#[test]
fn a_loop_without_a_way_out_is_a_dead_end() {
    let scene = SCENE.replace(
        r#"Line(id: "poor", speaker: "vladi", text: (de: "Leise.", en: "Quiet."), next: "sad"),"#,
        r#"Line(id: "poor", speaker: "vladi", text: (de: "Leise.", en: "Quiet.")),
        Branch(id: "again", cases: [(when: Var("trust", ">", 5), goto: "sad")], otherwise: "poor"),"#,
    );
    let report = explored(&scene);
    assert_eq!(report.dead_ends.len(), 1, "{report}");
    let found = &report.dead_ends[0].found;
    assert_eq!(
        found.dead_end,
        DeadEnd::Loop(crate::content::NodeRef::new("s1", "poor"))
    );
    assert_eq!(
        found.first.lines,
        MAX_BEATS - 1,
        "every beat but the choice"
    );
    assert_eq!(report.unreached, ["s1.sad"]);
    assert_eq!(report.endings_missed(), ["shy_start"]);
}

#[test]
fn too_many_paths_give_way_to_seeded_random_runs() {
    let options = Options {
        paths: 2,
        paces: vec![Pace::TYPICAL],
        ..Options::default()
    };
    let run = || explore(library(SCENE), &options).unwrap();
    let report = run();
    let walk = &report.walks[0];
    assert_eq!(
        walk.coverage,
        Coverage::Random {
            seed: 1,
            abandoned: 3
        }
    );
    assert_eq!(walk.tally.playthroughs, 2);
    assert_eq!(walk.tally.endings, run().walks[0].tally.endings, "seeded");
    let shortest = walk.tally.shortest.as_ref().unwrap();
    assert!(shortest.patient.is_some(), "each run a patient of its own");
    let many = Options {
        paths: 2,
        seed: 7,
        ..options.clone()
    };
    let other = explore(library(SCENE), &many).unwrap();
    assert!(matches!(
        other.walks[0].coverage,
        Coverage::Random { seed: 7, .. }
    ));
}

/// A ward round where her time runs a minute a second, with a pressure
/// alarm that sends Vladi to check on her.
const WARD: &str = r#"(
    id: "s1",
    title: (de: "Visite", en: "Round"),
    room: "office",
    cast: ["roland", "vladi"],
    interrupts: [(alarm: "map_low", when: Not(Visited("alarm")), goto: "alarm")],
    nodes: [
        Effects(id: "begin", effects: [Pace(1.0)]),
        Line(id: "hello", speaker: "roland", text: (de: "Guten Morgen.", en: "Good morning.")),
        Choice(
            id: "answer",
            options: [
                (id: "greet", text: (de: "Grüßen", en: "Greet"), goto: "done"),
                (id: "mumble", text: (de: "Murmeln", en: "Mumble"), goto: "done"),
            ],
            timer: (seconds: 60.0, on_timeout: Take("mumble")),
        ),
        End(id: "done", ending: "dressed"),
        Line(id: "alarm", speaker: "vladi", text: (de: "Der Druck!", en: "Her pressure!")),
        Resume(id: "back"),
    ],
)"#;

#[test]
fn an_alarm_breaks_in_on_a_reader_who_lets_the_time_run() {
    let compiled = compile_files(&[("index.ron", MANIFEST), ("s1.ron", WARD)]);
    let library = Arc::new(compiled.library.expect("compiles"));
    let options = Options {
        patients: 1,
        ..Options::default()
    };
    let report = explore(library, &options).unwrap();
    assert!(report.is_clean(), "{report}");
    for walk in &report.walks {
        // Her pressure falls below 65 after about half an hour: only the
        // sixty seconds of a countdown let run out give her that long, and
        // the choice is asked again after the alarm: greet, mumble, or let
        // the time run out and then greet, mumble or let it run out again.
        let tally = &walk.tally;
        assert_eq!(tally.endings["dressed"], 5, "{}", walk.pace.name);
        let longest = tally.longest.as_ref().unwrap();
        assert_eq!(longest.lines, 2, "the alarm's line: {longest:?}");
        assert!(longest.patient_minutes >= 60, "{longest:?}");
        assert!(tally.reached.contains("s1.alarm"));
    }
}
