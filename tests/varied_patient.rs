//! Every Frau Bram a game can draw keeps what the clinical reference
//! claims of her qualitatively (shared design notes, section 3): no
//! treatment, fluids alone and antibiotics alone do not save her; the
//! hour-1 bundle with surgery within 3 hours does, and clears her lactate;
//! surgery 7 hours later costs more. Checked for 200 game seeds and for
//! every corner of the ranges the patient is drawn from, over a simulated
//! day from the shipped scenario files.

use std::ops::RangeInclusive;
use std::path::Path;

use famulant::content::parse;
use famulant::patient::{Case, Scenario, Variation};

const DAY: u32 = 24 * 60;

/// A shipped scenario, run for a whole day.
fn scenario(name: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/scenarios")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut scenario: Scenario = parse(name, &text).unwrap().value;
    scenario.minutes = DAY;
    scenario
}

/// What a day of one scenario showed.
struct Course {
    /// The minute she died, if she did.
    death: Option<u32>,
    /// The first minute her lactate was below 2 mmol/L.
    lactate_normal: Option<u32>,
    /// Her lowest lactate up to minute 510 (the late incision).
    lowest_lactate_before_late_incision: f64,
    /// The source at minute 90 and at minute 510 (the two incisions).
    source_at_incisions: (f64, f64),
    /// The case at the end.
    end: Case,
}

fn run(scenario: &Scenario, patient: Variation) -> Course {
    let mut course = Course {
        death: None,
        lactate_normal: None,
        lowest_lactate_before_late_incision: f64::INFINITY,
        source_at_incisions: (0.0, 0.0),
        end: Case::new(),
    };
    course.end = scenario.run_on(patient, |case| {
        let (minute, body) = (case.body.minute, &case.body);
        if !body.alive {
            course.death.get_or_insert(minute);
        }
        if body.vitals().lactate < 2.0 {
            course.lactate_normal.get_or_insert(minute);
        }
        if minute <= 510 {
            let lowest = &mut course.lowest_lactate_before_late_incision;
            *lowest = lowest.min(body.vitals().lactate);
        }
        match minute {
            90 => course.source_at_incisions.0 = body.source,
            510 => course.source_at_incisions.1 = body.source,
            _ => {}
        }
    });
    course
}

/// The five scenarios of the clinical reference.
struct Scenarios {
    none: Scenario,
    antibiotics_only: Scenario,
    fluids_only: Scenario,
    bundle_early_surgery: Scenario,
    bundle_late_surgery: Scenario,
}

impl Scenarios {
    fn shipped() -> Self {
        Scenarios {
            none: scenario("a_no_treatment.ron"),
            antibiotics_only: scenario("b_antibiotics_only.ron"),
            fluids_only: scenario("c_fluids_only.ron"),
            bundle_early_surgery: scenario("d_bundle_and_early_surgery.ron"),
            bundle_late_surgery: scenario("e_bundle_late_surgery.ron"),
        }
    }

    /// Checks the qualitative claims for one patient; `who` names her.
    fn hold_for(&self, patient: Variation, who: &str) {
        for (treatment, scenario) in [
            ("no treatment", &self.none),
            ("antibiotics alone", &self.antibiotics_only),
            ("fluids alone", &self.fluids_only),
        ] {
            let course = run(scenario, patient);
            assert!(course.death.is_some(), "{who}: survives {treatment}");
            assert_eq!(course.end.outcome(), 1.0, "{who}: {treatment}");
        }
        let early = run(&self.bundle_early_surgery, patient);
        assert_eq!(early.death, None, "{who}: dies despite the bundle");
        assert!(
            early.lactate_normal.is_some_and(|m| m <= 9 * 60),
            "{who}: lactate normal at {:?} on the bundle",
            early.lactate_normal
        );
        let late = run(&self.bundle_late_surgery, patient);
        assert_eq!(late.death, None, "{who}: dies of late surgery");
        assert!(
            late.lowest_lactate_before_late_incision >= 2.5,
            "{who}: lactate down to {} before the late incision",
            late.lowest_lactate_before_late_incision
        );
        assert!(
            late.source_at_incisions.1 > early.source_at_incisions.0,
            "{who}: a larger source at the late incision"
        );
        assert!(
            early.end.outcome() < late.end.outcome(),
            "{who}: late surgery estimated no worse"
        );
    }
}

#[test]
fn every_drawn_patient_keeps_the_qualitative_course() {
    let scenarios = Scenarios::shipped();
    for seed in 0..200 {
        scenarios.hold_for(Variation::drawn(seed), &format!("seed {seed}"));
    }
}

#[test]
fn every_corner_of_the_ranges_keeps_the_qualitative_course() {
    let scenarios = Scenarios::shipped();
    let ends = |range: RangeInclusive<f64>| [*range.start(), *range.end()];
    for source_growth in ends(Variation::SOURCE_GROWTH) {
        for burden_growth in ends(Variation::BURDEN_GROWTH) {
            for inflammatory_response in ends(Variation::INFLAMMATORY_RESPONSE) {
                for fluid_response in ends(Variation::FLUID_RESPONSE) {
                    for pressor_sensitivity in ends(Variation::PRESSOR_SENSITIVITY) {
                        let patient = Variation {
                            source_growth,
                            burden_growth,
                            inflammatory_response,
                            fluid_response,
                            pressor_sensitivity,
                        };
                        scenarios.hold_for(patient, &format!("{patient:?}"));
                    }
                }
            }
        }
    }
}

#[test]
fn patients_differ_where_a_player_sees_it() {
    // Untreated, the pressure falls below 65 at different minutes; on fluids
    // alone it holds for different times.
    let scenarios = Scenarios::shipped();
    let first_below_65 = |scenario: &Scenario, after: u32, seed: u64| {
        let mut first = None;
        scenario.run_on(Variation::drawn(seed), |case| {
            if case.body.minute > after && case.body.vitals().map < 65.0 {
                first.get_or_insert(case.body.minute);
            }
        });
        first.unwrap()
    };
    let untreated: Vec<u32> = (0..50)
        .map(|seed| first_below_65(&scenarios.none, 0, seed))
        .collect();
    let after_fluids: Vec<u32> = (0..50)
        .map(|seed| first_below_65(&scenarios.fluids_only, 60, seed))
        .collect();
    let spread = |minutes: &[u32]| minutes.iter().max().unwrap() - minutes.iter().min().unwrap();
    assert!(spread(&untreated) >= 10, "untreated: {untreated:?}");
    assert!(
        spread(&after_fluids) >= 30,
        "after fluids: {after_fluids:?}"
    );
}

#[test]
fn she_arrives_the_same_in_every_game() {
    let reference = Case::new().vitals;
    for seed in 0..50 {
        assert_eq!(Case::of(Variation::drawn(seed)).vitals, reference);
    }
}
