//! Rollback: back to a line or choice with everything as it was then, and
//! a different choice there plays exactly as a fresh game that made it.

use std::sync::Arc;

use super::history::Event;
use super::session::{Session, Snapshot};
use crate::content::Library;
use crate::content::fixtures::{TEAM_MANIFEST as MANIFEST, compile_files};
use crate::settings::TimerMode;

/// A morning at pace 1: two lines, a timed choice, a phase and an end.
const MORNING: &str = r#"(
    id: "s1",
    title: (de: "Morgen", en: "Morning"),
    room: "office",
    cast: ["roland", "vladi"],
    phases: [
        (id: "dressing", name: (de: "Verband", en: "Dressing"), minutes: 20, seconds: 10.0),
    ],
    nodes: [
        Effects(id: "begin", effects: [Pace(1.0)]),
        Line(id: "hello", speaker: "roland", text: (de: "Guten Morgen.", en: "Good morning.")),
        Line(id: "coffee", speaker: "vladi", text: (de: "Kaffee?", en: "Coffee?")),
        Choice(
            id: "answer",
            prompt: (de: "Antworten?", en: "Answer?"),
            options: [
                (id: "greet", text: (de: "Grüßen", en: "Greet"), effects: [Add("trust", 2)], goto: "dress"),
                (id: "mumble", text: (de: "Murmeln", en: "Mumble"), effects: [Add("friction", 2)], goto: "dress"),
            ],
            timer: (seconds: 60.0, on_timeout: Take("mumble")),
        ),
        Phase(id: "dress", phase: "dressing"),
        End(id: "done", ending: "dressed"),
    ],
)"#;

fn morning() -> Arc<Library> {
    let compiled = compile_files(&[("index.ron", MANIFEST), ("s1.ron", MORNING)]);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    Arc::new(compiled.library.expect("compiles"))
}

fn at_the_choice() -> Session {
    let mut session = Session::new(morning(), TimerMode::Normal).unwrap();
    session.tick(4.0).unwrap();
    session.advance().unwrap();
    session.tick(3.0).unwrap();
    session.advance().unwrap();
    assert_eq!(session.story().cursor.node, "answer");
    session
}

fn answer(session: &mut Session, option: &str) {
    let at = session.story().cursor.clone();
    session.tick(12.0).unwrap();
    session.choose(&at, option).unwrap();
    session.tick(3.0).unwrap();
}

#[test]
fn going_back_over_a_choice_and_choosing_otherwise_is_a_fresh_game_with_that_choice() {
    let mut fresh = at_the_choice();
    answer(&mut fresh, "mumble");

    let mut rolled = at_the_choice();
    answer(&mut rolled, "greet");
    assert_eq!(rolled.story().cursor.node, "dress");
    assert!(rolled.roll_back(), "back from the phase to the choice");
    assert_eq!(rolled.story().cursor.node, "answer");
    assert_eq!(
        rolled.countdown().unwrap().remaining,
        60.0,
        "its time as then"
    );
    answer(&mut rolled, "mumble");

    assert_eq!(rolled.snapshot(), fresh.snapshot());
    assert_eq!(rolled.story().var("trust"), fresh.story().var("trust"));
}

#[test]
fn backspace_returns_to_the_line_before_with_her_vitals_as_they_were() {
    let mut session = Session::new(morning(), TimerMode::Normal).unwrap();
    session.tick(4.0).unwrap();
    let on_hello = session.snapshot();
    session.advance().unwrap();
    session.tick(9.0).unwrap();
    assert!(session.case().body.minute > on_hello.case.body.minute);
    assert!(session.roll_back());
    assert_eq!(session.story().cursor.node, "hello");
    // As when the line was shown: before the four seconds read on it.
    let shown = Session::new(morning(), TimerMode::Normal)
        .unwrap()
        .snapshot();
    assert_eq!(session.snapshot(), shown);
    assert!(!session.roll_back(), "nothing before the first line");
}

#[test]
fn the_history_keeps_lines_choices_and_her_minutes_and_links_back() {
    let mut session = at_the_choice();
    answer(&mut session, "greet");
    session.advance().unwrap();
    let entries = session.history().entries();
    let kinds: Vec<String> = entries
        .iter()
        .filter_map(|e| match &e.event {
            Event::Line(at) | Event::Phase(at) | Event::Ended(at) => Some(at.node.clone()),
            Event::Choice { option, .. } => option.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ["hello", "coffee", "greet", "dress", "done"]);
    let minutes: Vec<u32> = entries.iter().map(|e| e.minute).collect();
    assert!(minutes.windows(2).all(|m| m[0] <= m[1]), "{minutes:?}");
    // "Back to here" from the choice's entry.
    let choice = entries
        .iter()
        .position(|e| matches!(e.event, Event::Choice { .. }))
        .unwrap();
    let mark = session.history().mark_of(choice).unwrap();
    assert!(session.roll_back_to(mark));
    assert_eq!(session.story().cursor.node, "answer");
    assert_eq!(session.history().entries().len(), choice);
}

#[test]
fn a_restored_game_keeps_its_history_and_goes_back_no_further_than_its_beat() {
    let session = at_the_choice();
    let saved = Snapshot::from_ron(&session.snapshot().to_ron()).unwrap();
    let mut restored = Session::restore(morning(), saved, TimerMode::Normal);
    assert_eq!(restored.history().entries(), session.history().entries());
    assert!(
        !restored.roll_back(),
        "the choice it shows is the first mark"
    );
    answer(&mut restored, "greet");
    assert!(restored.roll_back(), "back to that choice");
    assert_eq!(restored.story().cursor.node, "answer");
}

#[test]
fn a_session_that_keeps_no_history_plays_the_same_story_without_one() {
    let mut none = at_the_choice();
    none.keep_no_history();
    assert!(
        none.history().entries().is_empty(),
        "what it had is forgotten"
    );
    answer(&mut none, "greet");
    assert!(none.history().entries().is_empty());
    assert!(!none.roll_back());
    let mut full = at_the_choice();
    answer(&mut full, "greet");
    assert!(!full.history().entries().is_empty());
    assert_eq!(none.story(), full.story());
    assert_eq!(none.case(), full.case());
}
