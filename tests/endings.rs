//! Whole playthroughs of the shipped story, headless through the session,
//! as a player reads it, with the reference patient: the careful player,
//! whose Frau Bram recovers and sees Lena; and her refusal that stands,
//! where she dies in the model, the monitor's asystole alarm breaks in and
//! the story goes on through her death to the farewell. The ending each
//! reaches is one that index.ron declares, with a title in both languages.

mod playthrough;

use famulant::content::{Lang, NodeDef, Value};
use famulant::patient::{Alarm, Extent};
use famulant::story::Event;
use playthrough::Pick::{RunOut, Take};
use playthrough::{BUNDLE, Picks, Playthrough, STEADY_MORNING, Step, new_game};

/// The operation now (Roland trusts him and agrees), the truth about Lena,
/// her own decision on the leg, Lena on his mind.
const OPERATE_NOW: Picks = &[
    ("d_key", Take("a_now")),
    ("d_lena", Take("l_truth")),
    ("d_amp", Take("am_own")),
    ("d_personal", Take("p_lena")),
];

/// Theatre done honestly and early: the touched mask and the missing mark
/// said, noradrenaline up and volume running while they stand by scrubbed
/// (induction once her mean is over 65), every grey piece of fascia out,
/// the tired arms said.
const HONEST_THEATRE: Picks = &[
    ("sc_breach", Take("br_say")),
    ("sc_nerves", Take("nv_honest")),
    ("t_mark", Take("mk_say")),
    ("t_dispute", Take("d_both")),
    ("t_extent", Take("x_radical")),
    ("t_arms_choice", Take("ar_say")),
];

/// The evening and day two, honest with her and with Lena: the truth on
/// the phone to Lena, the night job told to Brandt, the night at the
/// hospital, the promise to his father kept; she asks about her leg and
/// her fear, Lena is prepared and answered truthfully; Roland's offer
/// taken; the closing word for the team.
const HONEST_DAYS: Picks = &[
    ("i_lena_choice", Take("lt_truth")),
    ("ev_c_brandt", Take("tell")),
    ("ev_c_night", Take("stay")),
    ("c_promise", Take("keep")),
    ("c_dad", Take("promise")),
    ("c_wake", Take("yes")),
    ("c_fear", Take("honest")),
    ("c_prep", Take("honest")),
    ("c_lena", Take("honest_good")),
    ("c_offer", Take("yes")),
    ("c_future", Take("sure")),
    ("c_epi", Take("team")),
];

/// Chapter 1 played for the family: asleep on the bench, Mum's call taken
/// and the drive to dialysis promised, Dad's voice waited for, Roland's
/// question left to run out, a bluff to Ines, Herr Albers told he may not
/// leave, Kessler answered cheekily, the scores trusted, the night job
/// told, antibiotics for everything.
const FAMILY_MORNING: Picks = &[
    ("c_wait", Take("w_bench")),
    ("c_mother", Take("pick_up")),
    ("c_dialysis", Take("promise")),
    ("c_papa", RunOut),
    ("c_qsofa", RunOut),
    ("c_scrub", Take("s_bluff")),
    ("c_albers", Take("a_forbid")),
    ("c_kessler", Take("k_cheeky")),
    ("c_wendt", Take("w_clear")),
    ("c_confide", Take("tell")),
    ("c_think", Take("t_abx")),
];

/// The emergency department with nothing that wins Roland over: the
/// antibiotic hung without asking, 30 mL/kg, erysipelas, "it'll be fine";
/// Kessler's question deferred to Roland.
const PLAIN_EMERGENCY: Picks = &[
    ("e_orders", Take("o_give")),
    ("e_fluids", Take("f_full")),
    ("e_diagnosis", Take("dx_erysipelas")),
    ("e_reassure", Take("r_soothe")),
    ("d_kessler_choice", Take("k_defer")),
];

/// Her refusal: asked what becomes of Lena, Vladi tells her she need not
/// sign now, and she does not; afterwards he offers to call her sister. In
/// the ICU he asks her what she fears most and listens; she refuses again.
const HER_REFUSAL: Picks = &[
    ("d_key", Take("a_now")),
    ("d_lena", Take("l_delay")),
    ("d_after", Take("af_katrin")),
    ("i_talk", Take("tk_listen")),
];

/// The evening and the next morning beside her: the night job told to
/// Brandt, the night at the hospital, the promise to his father kept; at
/// the farewell he is there for Lena, tells her what he thought, and will
/// come back to surgery.
const STAYING_BY_HER: Picks = &[
    ("ev_c_brandt", Take("tell")),
    ("ev_c_night", Take("stay")),
    ("c_promise", Take("keep")),
    ("c_dad", Take("promise")),
    ("f_c_present", Take("yes")),
    ("f_c_lena", Take("thought")),
    ("f_c_future", Take("come_back")),
];

/// The ending reached is declared in index.ron with a title in German and
/// in English.
fn assert_declared(game: &Playthrough) {
    let ending = game.ending();
    let library = game.session.library();
    let declared = library
        .endings
        .iter()
        .find(|e| e.id == ending)
        .unwrap_or_else(|| panic!("`{ending}` is not declared in index.ron"));
    for lang in [Lang::De, Lang::En] {
        let title = declared.title.get(lang);
        assert!(
            !title.trim().is_empty(),
            "`{ending}` has a title in {lang:?}"
        );
    }
}

/// The steps in `scene` at which the character `who` speaks.
fn spoken_by<'g>(game: &'g Playthrough, scene: &str, who: &str) -> Vec<&'g Step> {
    let library = game.session.library();
    game.in_scene(scene)
        .into_iter()
        .filter(|step| {
            matches!(library.node(&step.at), Some(NodeDef::Line { speaker: Some(s), .. }) if s == who)
        })
        .collect()
}

#[test]
fn the_careful_player_sees_her_recover_and_meet_lena() {
    let game = Playthrough::to_end(
        new_game(None),
        &[
            STEADY_MORNING,
            BUNDLE,
            OPERATE_NOW,
            HONEST_THEATRE,
            HONEST_DAYS,
        ],
    );
    assert_eq!(game.ending(), "recovered");
    assert_declared(&game);

    // The hour-1 bundle: cultures, then the antibiotic within the hour of
    // her arrival; the incision within three hours; a radical debridement.
    let case = game.case();
    let treatment = &case.treatment;
    eprintln!(
        "recovered: {treatment:?}, minute {}, lactate {:.2}, outcome {:.3}",
        case.body.minute,
        case.vitals.lactate,
        case.outcome()
    );
    let antibiotics = treatment.antibiotics_at.expect("antibiotics");
    assert!(antibiotics <= 60, "antibiotics at minute {antibiotics}");
    assert!(
        matches!(treatment.cultures, Some((_, true))),
        "cultures first"
    );
    let incision = treatment.incision_at.expect("operated");
    assert!(incision <= 3 * 60, "incision at minute {incision}");
    assert_eq!(treatment.debridement, Some(Extent::Radical));
    assert_eq!(game.var("debridement"), Value::Int(2));
    assert_eq!(game.var("amputated"), Value::Bool(false));
    assert_eq!(game.var("night_relook"), Value::Bool(false));

    // She lives, her lactate cleared, with the estimate of good care.
    assert!(case.body.alive);
    assert!(case.vitals.lactate < 2.0, "{:?}", case.vitals);
    assert!(case.outcome() < 0.25, "outcome {:.3}", case.outcome());

    // Honest with her, and he stays in surgery.
    assert_eq!(game.var("lena_told_truth"), Value::Bool(true));
    assert_eq!(game.var("vladi_quits"), Value::Bool(false));
    // Lena at her bedside on day two, her mother alive and awake.
    let lena = spoken_by(&game, "ch5_ward", "daughter");
    assert!(!lena.is_empty(), "Lena speaks on the ward");
    assert!(lena.iter().all(|step| step.case.body.alive));
}

#[test]
fn a_refusal_that_stands_ends_in_her_death_and_the_story_plays_on_through_it() {
    let game = Playthrough::to_end(
        new_game(None),
        &[FAMILY_MORNING, PLAIN_EMERGENCY, HER_REFUSAL, STAYING_BY_HER],
    );
    assert_eq!(game.ending(), "death");
    assert_declared(&game);

    // Never operated: she refused, was asked again that evening, and
    // refused again.
    assert_eq!(game.var("op_consent"), Value::Bool(false));
    assert_eq!(game.var("refused_until_night"), Value::Bool(true));
    assert_eq!(game.var("operated"), Value::Bool(false));
    assert_eq!(game.case().treatment.incision_at, None);
    for node in ["i_offer_again", "i_offer_no"] {
        assert!(game.saw("ch3_icu", node), "{:?}", game.nodes_in("ch3_icu"));
    }

    // The model lets her die, and the monitor says so.
    assert!(!game.case().body.alive);
    let died = game
        .events()
        .find(|(_, event)| **event == Event::Alarm(Alarm::Asystole))
        .map(|(minute, _)| minute)
        .expect("the asystole alarm");
    eprintln!(
        "death: the asystole alarm at minute {died}; the story ends at minute {} in {}",
        game.case().body.minute,
        game.session.story().cursor
    );
    let first_dead = game
        .steps
        .iter()
        .position(|s| !s.case.body.alive)
        .expect("a step after her death");
    assert!(
        game.steps[..first_dead]
            .iter()
            .all(|s| s.case.body.minute <= died)
    );

    // The scene she died in answers the alarm: its asystole interrupt
    // was taken.
    let library = game.session.library();
    let scene = &game.steps[first_dead].at.scene;
    let interrupt = library
        .scene(scene)
        .unwrap()
        .def
        .interrupts
        .iter()
        .find(|i| i.alarm == Alarm::Asystole)
        .unwrap_or_else(|| panic!("{scene} answers asystole"));
    let handler = library.resolve(scene, &interrupt.goto).unwrap();
    assert!(
        game.session.story().visits_of(&handler) > 0,
        "{handler} after her death in {scene}"
    );

    // The story goes on through her death: the farewell, with Lena, to its
    // end.
    let after: Vec<&Step> = game.steps[first_dead..].iter().collect();
    assert!(after.len() >= 20, "{} steps after her death", after.len());
    assert!(!game.in_scene("ch5_farewell").is_empty());
    assert_eq!(game.session.story().cursor.scene, "ch5_farewell");
    assert!(!spoken_by(&game, "ch5_farewell", "daughter").is_empty());
}
