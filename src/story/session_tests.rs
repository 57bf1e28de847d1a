//! The session: countdowns that park and resume around interrupts, the
//! timer setting, reloads, and snapshots that restore exactly, on a small
//! story and on the shipped one.

use std::sync::Arc;

use super::runner::Beat;
use super::session::{Notice, Session, Snapshot};
use crate::content::fixtures::{TEAM_MANIFEST as MANIFEST, compile_files};
use crate::content::{Library, NodeRef, load_dir};
use crate::patient::{Alarm, Variation};
use crate::settings::TimerMode;

/// A ward round at pace 1: a line, a timed choice the pressure alarm breaks
/// into, and a phase.
const WARD: &str = r#"(
    id: "s1",
    title: (de: "Visite", en: "Round"),
    room: "office",
    cast: ["roland", "vladi"],
    interrupts: [(alarm: "map_low", when: Not(Visited("alarm")), goto: "alarm")],
    phases: [
        (id: "dressing", name: (de: "Verband", en: "Dressing"), minutes: 20, seconds: 10.0, done: [Add("friction", 1)]),
    ],
    nodes: [
        Effects(id: "begin", effects: [Pace(1.0)]),
        Line(id: "hello", speaker: "roland", text: (de: "Guten Morgen.", en: "Good morning.")),
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
        Line(id: "alarm", speaker: "vladi", text: (de: "Der Druck!", en: "Her pressure!")),
        Resume(id: "back"),
    ],
)"#;

fn ward() -> Arc<Library> {
    let compiled = compile_files(&[("index.ron", MANIFEST), ("s1.ron", WARD)]);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    Arc::new(compiled.library.expect("compiles"))
}

fn node(session: &Session) -> String {
    session.story().cursor.node.clone()
}

#[test]
fn a_countdown_waits_while_an_alarm_interrupts_and_comes_back_with_its_time() {
    let mut session = Session::new(ward(), TimerMode::Normal).unwrap();
    session.advance().unwrap();
    assert_eq!(node(&session), "answer");
    assert_eq!(session.countdown().unwrap().remaining, 60.0);
    // Untreated, her pressure falls below 65 after about half an hour: at
    // pace 1, after about half a minute of the choice's minute.
    session.tick(20.0).unwrap();
    assert_eq!(node(&session), "answer");
    assert_eq!(session.countdown().unwrap().remaining, 40.0);
    let mut left_before_alarm = 0.0;
    for _ in 0..20 {
        left_before_alarm = session.countdown().unwrap().remaining;
        session.tick(1.0).unwrap();
        if node(&session) == "alarm" {
            break;
        }
    }
    assert_eq!(node(&session), "alarm", "the pressure alarm interrupts");
    let minute = session.case().body.minute;
    let notices = session.take_notices();
    let alarms: Vec<_> = notices
        .iter()
        .filter_map(|n| match n {
            Notice::Alarm(raised) => Some(raised.alarm),
            _ => None,
        })
        .collect();
    assert!(alarms.contains(&Alarm::MapLow), "{alarms:?}");
    assert!(
        notices.contains(&Notice::Interrupted {
            alarm: Alarm::MapLow,
            at: NodeRef::new("s1", "answer")
        }),
        "{notices:?}"
    );
    assert!(
        session.countdown().is_none(),
        "parked while the line is read"
    );
    session.tick(30.0).unwrap();
    assert_eq!(node(&session), "alarm", "no countdown runs at the line");
    assert_eq!(session.case().body.minute, minute + 30, "her time does");
    session.advance().unwrap();
    assert_eq!(node(&session), "answer", "back at the choice");
    assert_eq!(
        session.countdown().unwrap().remaining,
        left_before_alarm,
        "its own seconds left"
    );
}

#[test]
fn a_countdown_that_runs_out_takes_the_declared_option_and_says_so() {
    let mut session = Session::new(ward(), TimerMode::Relaxed).unwrap();
    session.advance().unwrap();
    session.take_notices();
    assert_eq!(session.countdown().unwrap().total, 120.0, "relaxed: twice");
    session.let_time_run_out().unwrap();
    // The alarm interrupted first, after about half an hour.
    assert_eq!(node(&session), "alarm");
    session.advance().unwrap();
    session.let_time_run_out().unwrap();
    assert_eq!(node(&session), "dress");
    let notices = session.take_notices();
    assert!(
        notices.contains(&Notice::Expired {
            at: NodeRef::new("s1", "answer"),
            taken: Some("mumble".into())
        }),
        "{notices:?}"
    );
    assert!(
        notices
            .iter()
            .any(|n| matches!(n, Notice::Relationship(c) if c.id == "friction" && c.delta == 2)),
        "{notices:?}"
    );
}

#[test]
fn with_timers_off_a_decision_waits_and_so_does_her_time() {
    let mut session = Session::new(ward(), TimerMode::Off).unwrap();
    session.advance().unwrap();
    assert!(session.countdown().is_none());
    assert!(!session.clock_runs());
    let minute = session.case().body.minute;
    session.tick(100.0).unwrap();
    assert_eq!(session.case().body.minute, minute);
    assert_eq!(node(&session), "answer");
    session.set_timer_mode(TimerMode::Normal);
    assert_eq!(
        session.countdown().unwrap().remaining,
        60.0,
        "turned on, the whole countdown"
    );
    session.tick(30.0).unwrap();
    session.set_timer_mode(TimerMode::Relaxed);
    assert_eq!(
        session.countdown().unwrap().remaining,
        60.0,
        "half of 120 s: the share left is kept"
    );
}

#[test]
fn a_phase_runs_its_minutes_in_real_time_or_at_once_when_hurried() {
    let mut session = Session::new(ward(), TimerMode::Normal).unwrap();
    session.advance().unwrap();
    session
        .choose(&NodeRef::new("s1", "answer"), "greet")
        .unwrap();
    assert_eq!(node(&session), "dress");
    let minute = session.case().body.minute;
    session.tick(5.0).unwrap();
    assert_eq!(session.story().phase.as_ref().unwrap().left, 10, "half");
    assert_eq!(session.case().body.minute, minute + 10);
    session.advance().unwrap();
    assert_eq!(session.ending(), Some("dressed"));
    assert_eq!(session.case().body.minute, minute + 20);
}

/// A damaged save of a running phase with more minutes left than the phase
/// has (`left: 4294967295`): the phase runs no longer than it is.
#[test]
fn a_restored_phase_runs_no_longer_than_the_phase_is() {
    let mut session = Session::new(ward(), TimerMode::Normal).unwrap();
    session.advance().unwrap();
    session
        .choose(&NodeRef::new("s1", "answer"), "greet")
        .unwrap();
    session.tick(1.0).unwrap();
    let mut snapshot = session.snapshot();
    snapshot
        .story
        .phase
        .as_mut()
        .expect("the dressing runs")
        .left = u32::MAX;
    let minute = session.case().body.minute;
    let mut restored = Session::restore(ward(), snapshot, TimerMode::Normal);
    // Through the pressure alarm's interrupt, back to the phase, to its end.
    while restored.ending().is_none() && restored.case().body.minute <= minute + 20 {
        restored.advance().unwrap();
    }
    assert_eq!(restored.ending(), Some("dressed"));
}

#[test]
fn picks_for_a_choice_not_shown_or_an_option_not_offered_are_ignored() {
    let mut session = Session::new(ward(), TimerMode::Normal).unwrap();
    let revision = session.revision();
    session
        .choose(&NodeRef::new("s1", "answer"), "greet")
        .unwrap();
    assert_eq!(node(&session), "hello");
    assert_eq!(session.revision(), revision, "nothing new to show");
    session.advance().unwrap();
    assert!(session.revision() > revision);
    session
        .choose(&NodeRef::new("s1", "answer"), "secret")
        .unwrap();
    assert_eq!(node(&session), "answer");
}

/// The ward story with each `from` replaced by its `to`.
fn ward_with(changes: &[(&str, &str)]) -> Arc<Library> {
    let changed = changes
        .iter()
        .fold(WARD.to_owned(), |text, (from, to)| text.replace(from, to));
    let compiled = compile_files(&[("index.ron", MANIFEST), ("s1.ron", &changed)]);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    Arc::new(compiled.library.unwrap())
}

#[test]
fn a_reload_keeps_the_story_where_it_is_or_goes_back_to_its_scene() {
    let mut session = Session::new(ward(), TimerMode::Normal).unwrap();
    session.advance().unwrap();
    session.tick(10.0).unwrap();
    let revision = session.revision();
    session.rebase(ward());
    assert_eq!(node(&session), "answer");
    assert!(
        session.revision() > revision,
        "shown again, with the new text"
    );
    assert_eq!(
        session.countdown().unwrap().remaining,
        50.0,
        "its time kept"
    );
    // A longer timer in the file: the countdown starts again with it.
    session.rebase(ward_with(&[("seconds: 60.0", "seconds: 90.0")]));
    assert_eq!(session.countdown().unwrap().remaining, 90.0);
    // No timer any more: no countdown.
    let untimed = r#"timer: (seconds: 60.0, on_timeout: Take("mumble")),"#;
    session.rebase(ward_with(&[(untimed, "")]));
    assert!(session.countdown().is_none());
    session
        .choose(&NodeRef::new("s1", "answer"), "greet")
        .unwrap();
    let trust = session.story().var("trust");
    session.rebase(ward_with(&[(r#""dress""#, r#""bandage""#)]));
    assert_eq!(
        node(&session),
        "hello",
        "its node is gone: the scene's first line"
    );
    assert_eq!(
        session.story().var("trust"),
        trust,
        "the variables are kept"
    );
}

#[test]
fn a_reload_that_removes_the_interrupted_line_resumes_at_the_scene_start() {
    let mut session = Session::new(ward(), TimerMode::Normal).unwrap();
    session.advance().unwrap();
    session.tick(40.0).unwrap();
    assert_eq!(node(&session), "alarm");
    session.rebase(ward_with(&[(r#"id: "answer""#, r#"id: "reply""#)]));
    assert_eq!(
        node(&session),
        "alarm",
        "the interrupt's line is still there"
    );
    session.advance().unwrap();
    assert_eq!(node(&session), "hello", "back at the start of the scene");
}

#[test]
fn a_choice_the_story_comes_back_to_gets_a_new_countdown() {
    // 20 s at pace 1: over before her pressure falls below 65.
    let again = ward_with(&[
        ("seconds: 60.0", "seconds: 20.0"),
        (
            r#"on_timeout: Take("mumble")"#,
            r#"on_timeout: Goto(effects: [Add("friction", 1)], goto: "answer")"#,
        ),
    ]);
    let mut session = Session::new(again, TimerMode::Normal).unwrap();
    session.advance().unwrap();
    session.tick(10.0).unwrap();
    let revision = session.revision();
    session.let_time_run_out().unwrap();
    assert_eq!(node(&session), "answer", "asked again");
    assert!(session.revision() > revision, "and shown again");
    assert_eq!(session.countdown().unwrap().remaining, 20.0, "in full");
    session.tick(1.0).unwrap();
    assert_eq!(session.story().choice_log.len(), 1, "it ran out once");
    assert_eq!(session.story().var("friction").to_string(), "1");
}

// Snapshots of the shipped story.

/// The shipped story.
fn shipped() -> Arc<Library> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenes");
    let compiled = load_dir(std::path::Path::new(dir), "scenes");
    Arc::new(compiled.library.expect("the shipped story compiles"))
}

/// A player who reads a little, lets every other timed choice run out and
/// takes the first option of the rest. Returns what happened at this step.
fn step(session: &mut Session, choices_seen: &mut u32) -> Option<String> {
    let step = match session.beat().unwrap() {
        Beat::Line { at, .. } => Step::Read(at),
        Beat::Choice { at, options, .. } => {
            let first = options.first().map(|o| o.id.clone());
            match (session.countdown(), first) {
                (Some(_), _) if *choices_seen % 2 == 1 => Step::Wait(at),
                (_, Some(first)) => Step::Choose(at, first),
                (_, None) => Step::Wait(at),
            }
        }
        Beat::Phase { at, .. } => Step::Watch(at),
        Beat::End { .. } => return None,
    };
    let said = step.to_string();
    match step {
        Step::Read(_) => {
            session.tick(0.7).unwrap();
            session.advance().unwrap();
        }
        Step::Choose(at, option) => {
            *choices_seen += 1;
            session.tick(1.3).unwrap();
            session.choose(&at, &option).unwrap();
        }
        Step::Wait(at) => {
            session.tick(1.3).unwrap();
            if session.story().cursor != at {
                *choices_seen += 1;
            }
        }
        Step::Watch(_) => session.tick(2.0).unwrap(),
    }
    let notices = session.take_notices();
    Some(format!("{said} {notices:?}"))
}

/// What the player does at a beat.
enum Step {
    Read(NodeRef),
    Choose(NodeRef, String),
    Wait(NodeRef),
    Watch(NodeRef),
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Step::Read(at) => write!(f, "read {at}"),
            Step::Choose(at, option) => write!(f, "choose {at} {option}"),
            Step::Wait(at) => write!(f, "wait at {at}"),
            Step::Watch(at) => write!(f, "watch {at}"),
        }
    }
}

/// Plays on to the end: what happened, and the session at the end.
fn play_on(mut session: Session, mut choices_seen: u32) -> (Vec<String>, Snapshot) {
    let mut said = Vec::new();
    for _ in 0..20_000 {
        if session.ending().is_some() {
            return (said, session.snapshot());
        }
        said.extend(step(&mut session, &mut choices_seen));
    }
    panic!("the story did not end: {:?}", session.story().cursor);
}

/// Where a snapshot is taken.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Moment {
    MidLine,
    TimedChoice,
    RunningPhase,
    Interrupt,
}

impl Moment {
    fn holds(self, session: &Session) -> bool {
        let story = session.story();
        match (self, session.beat().unwrap()) {
            (Moment::MidLine, Beat::Line { .. }) => {
                story.interrupted.is_none() && session.case().body.minute > 0
            }
            (Moment::TimedChoice, Beat::Choice { .. }) => {
                session.countdown().is_some_and(|c| c.remaining < c.total)
            }
            (Moment::RunningPhase, Beat::Phase { phase, left, .. }) => left < phase.minutes,
            (Moment::Interrupt, _) => story.interrupted.is_some(),
            _ => false,
        }
    }
}

#[test]
fn a_snapshot_restores_the_identical_game_at_every_kind_of_moment() {
    for moment in [
        Moment::MidLine,
        Moment::TimedChoice,
        Moment::RunningPhase,
        Moment::Interrupt,
    ] {
        // Where the shipped story's alarms come depends on how the player
        // treats her; the ward's alarm comes at a known line.
        let (library, mut session) = match moment {
            Moment::Interrupt => (ward(), ward_at_the_alarm(TimerMode::Normal)),
            _ => {
                let library = shipped();
                (
                    library.clone(),
                    Session::new(library, TimerMode::Normal).unwrap(),
                )
            }
        };
        let mut choices_seen = 0;
        let mut found = false;
        for _ in 0..20_000 {
            if session.ending().is_some() {
                break;
            }
            if moment.holds(&session) {
                found = true;
                break;
            }
            step(&mut session, &mut choices_seen);
        }
        assert!(found, "the story reaches {moment:?}");
        session.take_notices();
        let text = session.snapshot().to_ron();
        let snapshot = Snapshot::from_ron(&text).unwrap();
        assert_eq!(snapshot, session.snapshot(), "{moment:?}: RON is exact");
        let restored = Session::restore(library.clone(), snapshot, TimerMode::Normal);
        assert_eq!(restored.snapshot(), session.snapshot(), "{moment:?}");
        let (played, end) = play_on(session, choices_seen);
        let (replayed, restored_end) = play_on(restored, choices_seen);
        assert_eq!(played, replayed, "{moment:?}: the same story after");
        assert_eq!(end, restored_end, "{moment:?}: the same end, to the digit");
    }
}

/// The ward at the pressure alarm's line, its choice's countdown parked.
fn ward_at_the_alarm(timers: TimerMode) -> Session {
    let mut session = Session::new(ward(), timers).unwrap();
    session.advance().unwrap();
    session.tick(10.0).unwrap();
    session.tick(30.0).unwrap();
    assert_eq!(node(&session), "alarm");
    session
}

#[test]
fn a_snapshot_inside_an_interrupt_keeps_the_parked_countdown() {
    let session = ward_at_the_alarm(TimerMode::Normal);
    let text = session.snapshot().to_ron();
    let mut restored = Session::restore(
        ward(),
        Snapshot::from_ron(&text).unwrap(),
        TimerMode::Normal,
    );
    let mut original = session;
    for session in [&mut original, &mut restored] {
        session.tick(3.0).unwrap();
        session.advance().unwrap();
        session.tick(7.5).unwrap();
    }
    assert_eq!(node(&original), "answer");
    assert_eq!(original.snapshot(), restored.snapshot());
    assert_eq!(original.countdown().unwrap().remaining, 42.5);
}

#[test]
fn a_snapshot_restored_with_another_timer_setting_follows_it() {
    // A countdown running: twice as long, the share left kept.
    let mut session = Session::new(ward(), TimerMode::Normal).unwrap();
    session.advance().unwrap();
    session.tick(15.0).unwrap();
    let relaxed = Session::restore(ward(), session.snapshot(), TimerMode::Relaxed);
    let countdown = relaxed.countdown().unwrap();
    assert_eq!((countdown.total, countdown.remaining), (120.0, 90.0));
    let off = Session::restore(ward(), session.snapshot(), TimerMode::Off);
    assert!(
        off.countdown().is_none() && !off.clock_runs(),
        "the game waits"
    );
    // A countdown parked: rescaled when the story comes back to it.
    let parked = ward_at_the_alarm(TimerMode::Normal);
    let mut relaxed = Session::restore(ward(), parked.snapshot(), TimerMode::Relaxed);
    relaxed.advance().unwrap();
    assert_eq!(relaxed.countdown().unwrap().total, 120.0);
}

#[test]
fn a_snapshot_of_another_version_is_refused() {
    let session = Session::new(ward(), TimerMode::Normal).unwrap();
    let text = session
        .snapshot()
        .to_ron()
        .replace("version: 1", "version: 99");
    let err = Snapshot::from_ron(&text).unwrap_err();
    assert!(err.contains("version 99"), "{err}");
}

#[test]
fn a_seeded_game_has_its_own_patient_and_restores_her_identically() {
    let mut session = Session::seeded(ward(), TimerMode::Normal, 42).unwrap();
    assert_eq!(session.seed(), Some(42));
    assert_eq!(*session.case().body.variation(), Variation::drawn(42));
    session.advance().unwrap();
    session.tick(20.0).unwrap();
    let snapshot = Snapshot::from_ron(&session.snapshot().to_ron()).unwrap();
    assert_eq!(snapshot.seed, Some(42));
    let mut restored = Session::restore(ward(), snapshot, TimerMode::Normal);
    assert_eq!(restored.seed(), Some(42));
    for session in [&mut session, &mut restored] {
        session.tick(30.0).unwrap();
        session.advance().unwrap();
        session.tick(5.0).unwrap();
    }
    assert_eq!(restored.snapshot(), session.snapshot(), "to the digit");
    assert!(session.roll_back());
    assert_eq!(*session.case().body.variation(), Variation::drawn(42));
}

#[test]
fn the_same_seed_gives_the_same_patient_and_another_seed_another() {
    // At the timed choice her minutes pass at pace 1 until the pressure
    // alarm breaks in.
    let minutes_to_the_alarm = |session: Result<Session, _>| {
        let mut session: Session = session.unwrap();
        session.advance().unwrap();
        for _ in 0..60 {
            session.tick(1.0).unwrap();
            if node(&session) == "alarm" {
                return session.case().body.minute;
            }
        }
        panic!("no alarm within the choice's minute");
    };
    let seeded = |seed| minutes_to_the_alarm(Session::seeded(ward(), TimerMode::Normal, seed));
    let reference = minutes_to_the_alarm(Session::new(ward(), TimerMode::Normal));
    assert_eq!(seeded(3), seeded(3));
    let minutes: Vec<u32> = (0..20).map(seeded).collect();
    assert!(
        minutes.iter().any(|m| *m < reference) && minutes.iter().any(|m| *m > reference),
        "her pressure falls below 65 at minute {reference} for the reference, {minutes:?} for seeds"
    );
}

#[test]
fn a_snapshot_from_before_patients_varied_restores_the_reference_patient() {
    let mut session = Session::new(ward(), TimerMode::Normal).unwrap();
    session.advance().unwrap();
    session.tick(10.0).unwrap();
    let text = session.snapshot().to_ron();
    // Version 1 as it was written before: no seed, no variation.
    let start = text
        .find("variation: (")
        .expect("the body has her variation");
    let end = start + text[start..].find("),").unwrap() + 2;
    let old = format!("{}{}", &text[..start], &text[end..]).replace("seed: None,", "");
    assert!(!old.contains("seed") && !old.contains("variation"), "{old}");
    let restored = Session::restore(ward(), Snapshot::from_ron(&old).unwrap(), TimerMode::Normal);
    assert_eq!(restored.seed(), None);
    assert_eq!(*restored.case().body.variation(), Variation::REFERENCE);
    assert_eq!(restored.snapshot(), session.snapshot());
}
