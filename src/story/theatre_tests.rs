//! The runner in an operating room shaped like the story's: the WHO
//! sign-in while she is awake, induction, the pressure alarm that the scene
//! answers only once she is under and that interrupts a running phase, the
//! debridement that records its extent, relationships and who is in the
//! room.

use super::runner::{Beat, RelationshipChange, StoryState};
use crate::content::fixtures::compile_files;
use crate::content::{Library, NodeRef, Value};
use crate::patient::{Alarm, Case, Extent};

/// The story's variables for the operation, and the friction between
/// Roland and Vladi (0 to 3).
const MANIFEST: &str = r#"(
    format: 1,
    start: "@s1",
    scenes: ["s1.ron"],
    variables: { "operated": false, "debridement": 0, "amputated": false, "amputation_consent": false },
    relationships: [
        (id: "friction", name: (de: "Reibung", en: "Friction"), between: ["roland", "vladi"], min: 0, max: 3, rising_is_worse: true),
    ],
)"#;

/// The operation in small: sign-in (three minutes, she is awake), induction
/// (ten), the incision, a radical debridement (thirty) or, only with her
/// consent, an amputation; the pressure alarm is answered from induction
/// on, once.
const THEATRE: &str = r#"(
    id: "s1",
    title: (de: "OP", en: "Theatre"),
    room: "office",
    cast: ["roland", "vladi"],
    offstage: ["vladi"],
    interrupts: [(alarm: "map_low", when: All([Visited("p_induction"), Not(Visited("alarm"))]), goto: "alarm")],
    phases: [
        (id: "sign_in", name: (de: "Sign-in", en: "Sign-in"), minutes: 3),
        (id: "induction", name: (de: "Einleitung", en: "Induction"), minutes: 10, start: [Order(Induction)]),
        (id: "debridement_radical", name: (de: "Debridement", en: "Debridement"), minutes: 30,
            start: [Set("debridement", 2), Order(BloodLoss(ml: 300, over_min: 30))],
            done: [Order(Debridement(extent: Radical)), Add("friction", 5)]),
        (id: "amputation", name: (de: "Debridement", en: "Debridement"), minutes: 45, optional: true,
            start: [Set("debridement", 3)],
            done: [Order(Debridement(extent: Amputation)), Set("amputated", true)]),
    ],
    nodes: [
        Effects(id: "begin", effects: [Enter("vladi")]),
        Phase(id: "p_sign_in", phase: "sign_in", text: (de: "Name, Geburtsdatum, Eingriff?", en: "Name, date of birth, procedure?")),
        Phase(id: "p_induction", phase: "induction", text: (de: "Sie schläft ein.", en: "She falls asleep.")),
        Effects(id: "incision", effects: [Set("operated", true), Order(Incision)]),
        Branch(id: "extent", cases: [(when: Is("amputation_consent"), goto: "p_amputation")], otherwise: "p_debride"),
        Phase(id: "p_debride", phase: "debridement_radical", next: "leave"),
        Phase(id: "p_amputation", phase: "amputation"),
        Effects(id: "leave", effects: [Leave("vladi"), Add("friction", -1)]),
        End(id: "done", ending: "operated"),
        Line(id: "alarm", speaker: "roland", text: (de: "Druck!", en: "Pressure!")),
        Resume(id: "back"),
    ],
)"#;

fn library_of(scene: &str) -> Library {
    let compiled = compile_files(&[("index.ron", MANIFEST), ("s1.ron", scene)]);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    compiled.library.expect("compiles")
}

fn library() -> Library {
    library_of(THEATRE)
}

fn phase_left(story: &StoryState, library: &Library, patient: &Case) -> (String, u32) {
    match story.beat(library, patient).unwrap() {
        Beat::Phase { at, left, .. } => (at.node, left),
        other => panic!("expected a phase, got {other:?}"),
    }
}

/// Runs `minutes` minutes of whatever phases come.
fn run_minutes(story: &mut StoryState, library: &Library, patient: &mut Case, minutes: u32) {
    for _ in 0..minutes {
        story.run_phase_minute(library, patient).unwrap();
    }
}

#[test]
fn the_sign_in_runs_while_she_is_awake_and_induction_follows() {
    let lib = library();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    assert_eq!(phase_left(&story, &lib, &patient), ("p_sign_in".into(), 3));
    run_minutes(&mut story, &lib, &mut patient, 2);
    assert_eq!(phase_left(&story, &lib, &patient).1, 1);
    assert_eq!(patient.body.induction, 0.0, "awake through the sign-in");
    run_minutes(&mut story, &lib, &mut patient, 1);
    assert!(story.phases_done.contains("sign_in"));
    assert_eq!(
        phase_left(&story, &lib, &patient),
        ("p_induction".into(), 10)
    );
    assert!(
        patient.body.induction > 0.9,
        "the induction's start effects ran"
    );
    assert_eq!(patient.body.minute, 3);
}

#[test]
fn the_pressure_alarm_is_answered_only_once_she_is_under() {
    let lib = library();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    assert!(
        !story.interrupt(&lib, &mut patient, Alarm::MapLow).unwrap(),
        "before induction a low pressure is the scene's own business"
    );
    assert_eq!(phase_left(&story, &lib, &patient), ("p_sign_in".into(), 3));
    run_minutes(&mut story, &lib, &mut patient, 4);
    assert!(story.interrupt(&lib, &mut patient, Alarm::MapLow).unwrap());
    story.advance(&lib, &mut patient).unwrap();
    assert_eq!(phase_left(&story, &lib, &patient).0, "p_induction");
    assert!(
        !story.interrupt(&lib, &mut patient, Alarm::MapLow).unwrap(),
        "answered once"
    );
}

#[test]
fn an_alarm_interrupts_a_phase_which_then_goes_on_where_it_was() {
    let lib = library();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    run_minutes(&mut story, &lib, &mut patient, 3 + 4);
    assert_eq!(
        phase_left(&story, &lib, &patient),
        ("p_induction".into(), 6)
    );
    assert!(story.interrupt(&lib, &mut patient, Alarm::MapLow).unwrap());
    assert!(matches!(
        story.beat(&lib, &patient).unwrap(),
        Beat::Line { .. }
    ));
    assert!(
        !story.run_phase_minute(&lib, &mut patient).unwrap(),
        "the phase waits while the interrupt runs"
    );
    assert_eq!(patient.body.minute, 7);
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
    // Brandt asks for five minutes to stabilise her before they go on.
    let scene = THEATRE
        .replace(
            r#"phases: ["#,
            r#"phases: [
        (id: "stabilise", name: (de: "Stabilisieren", en: "Stabilise"), minutes: 5),"#,
        )
        .replace(
            r#"Resume(id: "back"),"#,
            r#"Phase(id: "hold", phase: "stabilise"),
        Resume(id: "back"),"#,
        );
    let lib = library_of(&scene);
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    run_minutes(&mut story, &lib, &mut patient, 3 + 4);
    assert!(story.interrupt(&lib, &mut patient, Alarm::MapLow).unwrap());
    story.advance(&lib, &mut patient).unwrap();
    assert_eq!(phase_left(&story, &lib, &patient), ("hold".into(), 5));
    run_minutes(&mut story, &lib, &mut patient, 5);
    assert_eq!(
        phase_left(&story, &lib, &patient),
        ("p_induction".into(), 6),
        "back in the induction with its minutes left"
    );
    assert_eq!(story.visits_of(&NodeRef::new("s1", "p_induction")), 1);
}

#[test]
fn the_debridement_records_its_extent_as_it_begins_and_takes_the_source_when_done() {
    let lib = library();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    run_minutes(&mut story, &lib, &mut patient, 3 + 10);
    assert_eq!(story.var("operated"), Value::Bool(true), "the incision");
    assert_eq!(phase_left(&story, &lib, &patient), ("p_debride".into(), 30));
    assert_eq!(story.var("debridement"), Value::Int(2), "set as it begins");
    assert_eq!(patient.treatment.debridement, None, "not done yet");
    let (source, volume) = (patient.body.source, patient.body.volume);
    run_minutes(&mut story, &lib, &mut patient, 30);
    assert_eq!(patient.body.minute, 43);
    assert!(
        patient.body.source < source * 0.15,
        "the radical debridement took the source: {source} -> {}",
        patient.body.source
    );
    assert!(patient.body.volume < volume, "she lost blood");
    assert_eq!(patient.treatment.debridement, Some(Extent::Radical));
    assert_eq!(story.var("amputated"), Value::Bool(false));
    assert!(!story.phases_done.contains("amputation"), "without consent");
    assert_eq!(story.ending(&lib), Some("operated"));
}

#[test]
fn the_amputation_runs_only_where_the_story_goes_and_records_the_leg() {
    let lib = library();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    story
        .variables
        .insert("amputation_consent".into(), Value::Bool(true));
    run_minutes(&mut story, &lib, &mut patient, 3 + 10);
    assert_eq!(
        phase_left(&story, &lib, &patient),
        ("p_amputation".into(), 45)
    );
    assert_eq!(story.var("debridement"), Value::Int(3));
    assert_eq!(story.var("amputated"), Value::Bool(false), "not yet");
    run_minutes(&mut story, &lib, &mut patient, 45);
    assert_eq!(story.var("amputated"), Value::Bool(true));
    assert_eq!(patient.treatment.debridement, Some(Extent::Amputation));
    assert!(!story.phases_done.contains("debridement_radical"));
}

#[test]
fn relationships_stay_in_their_range_and_report_their_changes() {
    let lib = library();
    let mut patient = Case::new();
    let mut story = StoryState::new(&lib, &mut patient).unwrap();
    assert_eq!(story.var("friction"), Value::Int(0));
    run_minutes(&mut story, &lib, &mut patient, 3 + 10 + 30);
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
    run_minutes(&mut story, &lib, &mut patient, 3 + 10 + 30);
    assert!(!story.is_present(&lib, "vladi"), "Leave sent him out");
    assert!(!story.is_present(&lib, "ines"), "not in the cast");
}

#[test]
fn theatre_data_is_checked() {
    let broken = THEATRE
        .replace(
            r#"phase: "debridement_radical","#,
            r#"phase: "debridment","#,
        )
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
