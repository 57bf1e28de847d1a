//! The runner in an operating room: phases that take the patient's time,
//! alarms that interrupt them, relationships and who is in the room.

use super::runner::{Beat, RelationshipChange, StoryState};
use crate::content::fixtures::{TEAM_MANIFEST as MANIFEST, compile_files};
use crate::content::{Library, NodeRef, Value};
use crate::patient::{Alarm, Case, Extent};

const THEATRE: &str = r#"(
    id: "s1",
    title: (de: "OP", en: "Theatre"),
    room: "office",
    cast: ["roland", "vladi"],
    offstage: ["vladi"],
    interrupts: [(alarm: "map_low", goto: "alarm")],
    phases: [
        (id: "induction", name: (de: "Einleitung", en: "Induction"), minutes: 10, start: [Order(Induction)]),
        (id: "debride", name: (de: "Debridement", en: "Debridement"), minutes: 30,
            start: [Order(BloodLoss(ml: 300, over_min: 30))], done: [Order(Debridement(extent: Radical)), Add("friction", 5)]),
    ],
    nodes: [
        Effects(id: "begin", effects: [Enter("vladi")]),
        Phase(id: "p_induction", phase: "induction", text: (de: "Sie schläft ein.", en: "She falls asleep.")),
        Phase(id: "p_debride", phase: "debride"),
        Effects(id: "leave", effects: [Leave("vladi"), Add("friction", -1)]),
        End(id: "done", ending: "operated"),
        Line(id: "alarm", speaker: "roland", text: (de: "Druck!", en: "Pressure!")),
        Resume(id: "back"),
    ],
)"#;

fn library() -> Library {
    let compiled = compile_files(&[("index.ron", MANIFEST), ("s1.ron", THEATRE)]);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    compiled.library.expect("compiles")
}

fn phase_left(story: &StoryState, library: &Library, patient: &Case) -> (String, u32) {
    match story.beat(library, patient).unwrap() {
        Beat::Phase { at, left, .. } => (at.node, left),
        other => panic!("expected a phase, got {other:?}"),
    }
}

#[test]
fn a_phase_takes_its_minutes_then_applies_its_end() {
    let lib = library();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    assert_eq!(
        phase_left(&story, &lib, &patient),
        ("p_induction".into(), 10)
    );
    assert!(
        patient.body.induction > 0.9,
        "the phase's start effects ran"
    );
    for minute in 1..=9 {
        assert!(story.run_phase_minute(&lib, &mut patient).unwrap());
        assert_eq!(phase_left(&story, &lib, &patient).1, 10 - minute);
    }
    assert_eq!(patient.body.minute, 9);
    story.run_phase_minute(&lib, &mut patient).unwrap();
    assert_eq!(phase_left(&story, &lib, &patient), ("p_debride".into(), 30));
    assert!(story.phases_done.contains("induction"));
    let source = patient.body.source;
    let volume = patient.body.volume;
    for _ in 0..30 {
        story.run_phase_minute(&lib, &mut patient).unwrap();
    }
    assert_eq!(patient.body.minute, 40);
    assert!(
        patient.body.source < source * 0.15,
        "the radical debridement took the source: {source} -> {}",
        patient.body.source
    );
    assert!(patient.body.volume < volume, "she lost blood");
    assert_eq!(patient.treatment.debridement, Some(Extent::Radical));
    assert_eq!(story.ending(&lib), Some("operated"));
}

#[test]
fn an_alarm_interrupts_a_phase_which_then_goes_on_where_it_was() {
    let lib = library();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    for _ in 0..4 {
        story.run_phase_minute(&lib, &mut patient).unwrap();
    }
    assert!(story.interrupt(&lib, &mut patient, Alarm::MapLow).unwrap());
    assert!(matches!(
        story.beat(&lib, &patient).unwrap(),
        Beat::Line { .. }
    ));
    assert!(
        !story.run_phase_minute(&lib, &mut patient).unwrap(),
        "the phase waits while the interrupt runs"
    );
    assert_eq!(patient.body.minute, 4);
    story.advance(&lib, &mut patient).unwrap();
    assert_eq!(
        phase_left(&story, &lib, &patient),
        ("p_induction".into(), 6)
    );
    assert_eq!(
        story.visits_of(&NodeRef::new("s1", "p_induction")),
        1,
        "resumed, not begun again"
    );
}

#[test]
fn a_phase_run_by_the_interrupt_does_not_restart_the_interrupted_one() {
    let scene = THEATRE
        .replace(
            r#"phases: ["#,
            r#"phases: [
        (id: "pause", name: (de: "Pause", en: "Pause"), minutes: 5),"#,
        )
        .replace(
            r#"Resume(id: "back"),"#,
            r#"Phase(id: "hold", phase: "pause"),
        Resume(id: "back"),"#,
        );
    let compiled = compile_files(&[("index.ron", MANIFEST), ("s1.ron", &scene)]);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    let lib = compiled.library.unwrap();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    for _ in 0..4 {
        story.run_phase_minute(&lib, &mut patient).unwrap();
    }
    assert!(story.interrupt(&lib, &mut patient, Alarm::MapLow).unwrap());
    story.advance(&lib, &mut patient).unwrap();
    assert_eq!(phase_left(&story, &lib, &patient), ("hold".into(), 5));
    for _ in 0..5 {
        story.run_phase_minute(&lib, &mut patient).unwrap();
    }
    assert_eq!(
        phase_left(&story, &lib, &patient),
        ("p_induction".into(), 6),
        "back in the induction with its minutes left"
    );
    assert_eq!(story.visits_of(&NodeRef::new("s1", "p_induction")), 1);
}

#[test]
fn relationships_stay_in_their_range_and_report_their_changes() {
    let lib = library();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    assert_eq!(story.var("friction"), Value::Int(0));
    for _ in 0..40 {
        story.run_phase_minute(&lib, &mut patient).unwrap();
    }
    assert_eq!(
        story.var("friction"),
        Value::Int(2),
        "5 clamped to 3, then -1"
    );
    assert_eq!(
        story.relationship_changes,
        vec![
            RelationshipChange {
                id: "friction".into(),
                delta: 3
            },
            RelationshipChange {
                id: "friction".into(),
                delta: -1
            },
        ]
    );
}

#[test]
fn the_cast_comes_and_goes() {
    let lib = library();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    assert!(story.is_present(&lib, "roland"));
    assert!(story.is_present(&lib, "vladi"), "Enter brought him in");
    for _ in 0..40 {
        story.run_phase_minute(&lib, &mut patient).unwrap();
    }
    assert!(!story.is_present(&lib, "vladi"), "Leave sent him out");
    assert!(!story.is_present(&lib, "ines"), "not in the cast");
}

#[test]
fn theatre_data_is_checked() {
    let broken = THEATRE
        .replace(r#"phase: "debride")"#, r#"phase: "debridment")"#)
        .replace(r#"Enter("vladi")"#, r#"Enter("ines")"#)
        .replace("minutes: 10,", "minutes: 0,")
        .replace(
            r#"offstage: ["vladi"],"#,
            r#"offstage: ["vladi"], dress: {"ines": (outfit: "scrubs", clothes: "blue")},"#,
        );
    let compiled = compile_files(&[("index.ron", MANIFEST), ("s1.ron", &broken)]);
    let errors: Vec<String> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
    for expected in [
        "unknown phase `debridment`",
        "`ines` is not in the scene's cast",
        "a phase of 0 minutes",
        "`ines` is dressed but not in the cast",
        "`blue` is not a colour",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{expected}: {errors:#?}"
        );
    }
    let bad_manifest = MANIFEST.replace("min: 0, max: 3", "min: 4, max: 3");
    let compiled = compile_files(&[("index.ron", &bad_manifest), ("s1.ron", THEATRE)]);
    assert!(
        compiled
            .diagnostics
            .iter()
            .any(|d| d.to_string().contains("a start of 0 in the range 4..=3")),
        "{:?}",
        compiled.diagnostics
    );
}
