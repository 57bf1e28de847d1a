//! The case review in the headless game: a story played to an ending, the
//! review's screen opened as the end box's button opens it, and the review
//! it shows: a small story with known orders and times, and the shipped
//! story played by its first options (whatever its text says).

mod common;

use std::path::PathBuf;

use bevy::prelude::*;
use common::TestGame;
use famulant::content::Lang;
use famulant::patient::{Element, Status, finding_ids};
use famulant::screen::Screen;
use famulant::story::{CaseReview, CurrentBeat, Review};

/// A story with one decision: treat at once or wait for the lab; then
/// fluids, two hours, the incision and half an hour more.
const SCENE: &str = r#"(
    id: "care",
    title: (de: "Notaufnahme", en: "Emergency"),
    room: "office",
    cast: ["roland", "vladi"],
    nodes: [
        Line(id: "hello", speaker: "roland", text: (de: "Frau Bram ist da.", en: "Mrs Bram is here.")),
        Choice(id: "first", options: [
            (id: "treat", text: (de: "Sofort behandeln", en: "Treat at once"),
                effects: [Order(BloodCultures), Order(Lactate(point_of_care: true)), Order(Antibiotics(adequate: true)), Add("trust", 2)],
                goto: "care"),
            (id: "wait_lab", text: (de: "Aufs Labor warten", en: "Wait for the lab"),
                effects: [Wait(90), Order(Antibiotics(adequate: true)), Order(BloodCultures)],
                goto: "care"),
        ]),
        Effects(id: "care", effects: [Order(Crystalloid(ml: 1950, over_min: 60)), Wait(120), Order(Incision), Wait(30)]),
        Line(id: "after", speaker: "roland", text: (de: "Das war's.", en: "That's it.")),
        End(id: "done", ending: "operated"),
    ],
)"#;

const REVIEW: &str = r#"(
    speaker: "roland",
    findings: [
        (finding: "antibiotics_late", remarks: [
            (when: Var("trust", ">=", 2), text: (de: "Spät, aber bemerkt.", en: "Late, but noticed.")),
            (text: (de: "Zu spät.", en: "Too late.")),
        ]),
    ],
    endings: [
        (ending: "operated", remarks: [
            (text: (de: "Gut gemacht.", en: "Well done.")),
        ]),
    ],
)"#;

/// The small story in a folder of its own.
fn story_folder(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("famulant-review-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let files = [
        (
            "index.ron",
            r#"(format: 1, start: "@care", scenes: ["care.ron"], variables: { "trust": 0 }, review: "review.ron",
                endings: [(id: "operated", title: (de: "Operiert", en: "Operated on"))])"#,
        ),
        (
            "characters.ron",
            r##"[
                (id: "roland", name: (de: "Roland", en: "Roland"), role: (de: "Chefarzt", en: "Head of surgery"), color: "#80b0ff"),
                (id: "vladi", name: (de: "Vladi", en: "Vladi"), role: (de: "Famulant", en: "Student"), color: "#ffd080"),
            ]"##,
        ),
        (
            "rooms.ron",
            r##"[(id: "office", name: (de: "Büro", en: "Office"), color: "#d0d8e0")]"##,
        ),
        ("care.ron", SCENE),
        ("review.ron", REVIEW),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

/// Opens the case review as the end box's button does, and returns the
/// review it shows.
fn open_review(game: &mut TestGame) -> Review {
    game.app
        .world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::CaseReview);
    game.update();
    let screen = *game.app.world().resource::<State<Screen>>().get();
    assert_eq!(screen, Screen::CaseReview);
    let review = game.app.world().resource::<CaseReview>().0.clone();
    review.expect("the ended game is reviewed")
}

fn status(review: &Review, element: Element) -> (Option<u32>, Status) {
    let item = review.bundle.iter().find(|i| i.element == element).unwrap();
    (item.done_at, item.status)
}

#[test]
fn waiting_for_the_lab_shows_late_antibiotics_in_the_review() {
    let mut game = TestGame::with_scenes(&story_folder("wait"), false);
    game.start();
    game.advance_until_choice();
    game.choose("wait_lab");
    assert_eq!(game.advance_until_end(), "operated");
    let review = open_review(&mut game);
    assert_eq!(review.ending, "operated");
    assert_eq!(review.title.as_ref().unwrap().get(Lang::De), "Operiert");
    assert_eq!(
        status(&review, Element::Antibiotics),
        (Some(90), Status::Late)
    );
    assert_eq!(status(&review, Element::Cultures), (Some(90), Status::Late));
    assert_eq!(status(&review, Element::Lactate), (None, Status::Missed));
    assert_eq!(status(&review, Element::Incision), (Some(210), Status::Met));
    assert_eq!(review.minutes, 240);
    let said: Vec<&str> = review
        .remarks
        .iter()
        .map(|r| r.text.get(Lang::En))
        .collect();
    assert_eq!(said, ["Too late.", "Well done."]);
    // Back to the title screen, the game is still there to continue.
    game.app
        .world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Title);
    game.update();
    assert!(
        game.app
            .world()
            .resource::<famulant::story::Story>()
            .in_progress()
    );
}

#[test]
fn treating_at_once_meets_the_hour_and_leaves_only_the_closing_word() {
    let mut game = TestGame::with_scenes(&story_folder("treat"), false);
    game.start();
    game.advance_until_choice();
    game.choose("treat");
    game.advance_until_end();
    let review = open_review(&mut game);
    assert_eq!(
        status(&review, Element::Antibiotics),
        (Some(0), Status::Met)
    );
    assert_eq!(status(&review, Element::Fluids), (Some(0), Status::Met));
    assert!((review.outcome - 0.19).abs() < 0.01, "{}", review.outcome);
    let about: Vec<&str> = review.remarks.iter().map(|r| r.about.as_str()).collect();
    assert_eq!(about, ["operated"], "nothing late to remark on");
    let trend = game.patient().trend;
    assert_eq!(trend.points().last().map(|p| p.minute), Some(150));
}

/// Plays the game on screen by its first options until the story ends;
/// returns the ending.
fn play_first_options(game: &mut TestGame) -> String {
    for _ in 0..3000 {
        match game.beat() {
            CurrentBeat::Ended(end) => return end.ending,
            CurrentBeat::Choices(choices) => match choices.options.first() {
                Some(first) => game.choose(&first.id.clone()),
                None => game.wait(0.5),
            },
            CurrentBeat::Line(_) | CurrentBeat::Phase(_) => game.advance(),
            CurrentBeat::Nothing => game.update(),
        }
    }
    panic!("no ending within 3000 beats");
}

#[test]
fn the_shipped_story_played_to_an_ending_is_reviewed_whole() {
    let mut game = TestGame::new();
    game.start();
    let ending = play_first_options(&mut game);
    let review = open_review(&mut game);
    assert_eq!(review.ending, ending);
    assert!(review.title.is_some(), "the manifest names {ending}");
    let elements: Vec<Element> = review.bundle.iter().map(|i| i.element).collect();
    assert_eq!(elements, Element::ALL);
    assert!((0.0..=1.0).contains(&review.outcome), "{}", review.outcome);
    let known = finding_ids();
    assert!(review.findings().iter().all(|f| known.contains(f)));
    assert_eq!(
        review.remarks.last().map(|r| r.about.as_str()),
        Some(ending.as_str()),
        "Roland closes on the ending"
    );
    let trend = game.patient().trend;
    assert!(!trend.points().is_empty());
    assert!(trend.points().last().unwrap().minute <= review.minutes);
}
