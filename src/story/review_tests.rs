//! The case review of games played through the session: the bundle read
//! from the history, the remarks picked by the story's state, the ending's
//! title, and the decisions the chart marks.

use std::sync::Arc;

use super::history::Event;
use super::review::{Review, timeline};
use super::session::Session;
use crate::content::fixtures::{REVIEW, REVIEW_MANIFEST, compile_files};
use crate::content::{Lang, NodeRef};
use crate::patient::{Element, Status};
use crate::settings::TimerMode;

/// A first decision: treat at once (the bundle in the first minute), or
/// wait 90 minutes for the lab; then 30 mL/kg, two hours, the incision
/// and half an hour more; the brave end after treating at once.
const CARE: &str = r#"(
    id: "s1",
    title: (de: "Notaufnahme", en: "Emergency"),
    room: "office",
    cast: ["roland", "vladi"],
    nodes: [
        Line(id: "hello", speaker: "roland", text: (de: "Frau Bram ist da.", en: "Mrs Bram is here.")),
        Choice(id: "first", options: [
            (id: "treat", text: (de: "Sofort behandeln", en: "Treat at once"),
                effects: [Order(BloodCultures), Order(Lactate(point_of_care: true)), Order(Antibiotics(adequate: true)), Set("brave", true), Add("trust", 2)],
                goto: "care"),
            (id: "wait_lab", text: (de: "Aufs Labor warten", en: "Wait for the lab"),
                effects: [Wait(90), Order(Antibiotics(adequate: true)), Order(BloodCultures)],
                goto: "care"),
        ]),
        Effects(id: "care", effects: [Order(Crystalloid(ml: 1950, over_min: 60)), Wait(120), Order(Incision), Wait(30)]),
        Branch(id: "check", cases: [(when: Is("brave"), goto: "good")], otherwise: "sad"),
        Line(id: "good", speaker: "roland", text: (de: "Gut.", en: "Good."), next: "done"),
        End(id: "done", ending: "good_start"),
        End(id: "sad", ending: "shy_start"),
    ],
)"#;

/// The care story played to its end with `option` taken first.
fn played(option: &str) -> Session {
    let compiled = compile_files(&[
        ("index.ron", REVIEW_MANIFEST),
        ("s1.ron", CARE),
        ("review.ron", REVIEW),
    ]);
    assert!(
        compiled.diagnostics.is_empty(),
        "{:#?}",
        compiled.diagnostics
    );
    let library = Arc::new(compiled.library.unwrap());
    let mut session = Session::new(library, TimerMode::Off).unwrap();
    session.advance().unwrap();
    session
        .choose(&NodeRef::new("s1", "first"), option)
        .unwrap();
    while session.ending().is_none() {
        session.advance().unwrap();
    }
    session
}

fn status(review: &Review, element: Element) -> (Option<u32>, Status) {
    let item = review.bundle.iter().find(|i| i.element == element).unwrap();
    (item.done_at, item.status)
}

#[test]
fn no_review_before_the_end() {
    let library = compile_files(&[
        ("index.ron", REVIEW_MANIFEST),
        ("s1.ron", CARE),
        ("review.ron", REVIEW),
    ])
    .library
    .unwrap();
    let session = Session::new(Arc::new(library), TimerMode::Off).unwrap();
    assert_eq!(Review::of(&session), None);
}

#[test]
fn treating_at_once_meets_the_hour_and_brings_the_good_end() {
    let review = Review::of(&played("treat")).unwrap();
    assert_eq!(review.ending, "good_start");
    assert_eq!(review.title.as_ref().unwrap().get(Lang::En), "A good start");
    assert_eq!(
        status(&review, Element::Antibiotics),
        (Some(0), Status::Met)
    );
    assert_eq!(status(&review, Element::Cultures), (Some(0), Status::Met));
    assert_eq!(status(&review, Element::Lactate), (Some(0), Status::Met));
    assert_eq!(status(&review, Element::Fluids), (Some(0), Status::Met));
    assert_eq!(status(&review, Element::Incision), (Some(120), Status::Met));
    assert_eq!(review.minutes, 150);
    assert!(review.alive);
    assert!((review.outcome - 0.19).abs() < 0.01, "{}", review.outcome);
    // Nothing about the hour is late; the brave end is praised.
    let said: Vec<(&str, &str)> = review
        .remarks
        .iter()
        .map(|r| (r.about.as_str(), r.text.get(Lang::De)))
        .collect();
    assert_eq!(said, [("good_start", "Mutig.")]);
    assert_eq!(review.speaker.as_deref(), Some("roland"));
}

#[test]
fn waiting_for_the_lab_is_late_and_the_remarks_say_so() {
    let review = Review::of(&played("wait_lab")).unwrap();
    assert_eq!(review.ending, "shy_start");
    assert_eq!(
        status(&review, Element::Antibiotics),
        (Some(90), Status::Late)
    );
    assert_eq!(status(&review, Element::Cultures), (Some(90), Status::Late));
    assert_eq!(status(&review, Element::Lactate), (None, Status::Missed));
    assert_eq!(status(&review, Element::Fluids), (Some(90), Status::Late));
    assert_eq!(status(&review, Element::Incision), (Some(210), Status::Met));
    assert!(review.outcome > 0.19, "{}", review.outcome);
    let findings = review.findings();
    assert!(
        findings.contains(&"antibiotics_late".to_owned()),
        "{findings:?}"
    );
    // Trust stayed at 0: the plain remark, not the warmer one; the quiet
    // ending has a title and nothing to add.
    let said: Vec<(&str, &str)> = review
        .remarks
        .iter()
        .map(|r| (r.about.as_str(), r.text.get(Lang::En)))
        .collect();
    assert_eq!(
        said,
        [
            ("cultures_late", "Cultures first."),
            ("antibiotics_late", "Late, Mr Petrenko.")
        ]
    );
}

#[test]
fn the_timeline_marks_the_decisions_of_her_care_orders_and_alarms() {
    let session = played("wait_lab");
    let marked = timeline(session.history().entries());
    let decisions = marked
        .iter()
        .filter(|e| matches!(e.event, Event::Choice { .. }))
        .count();
    assert_eq!(decisions, 1, "the decision at minute 0 gave orders");
    assert!(marked.iter().any(|e| matches!(e.event, Event::Alarm(_))));
    let minutes: Vec<u32> = marked.iter().map(|e| e.minute).collect();
    assert!(minutes.is_sorted(), "{minutes:?}");
    assert!(!marked.iter().any(|e| matches!(e.event, Event::Line(_))));
}
