//! Property test: whatever is ordered, in whatever order, for 24 simulated
//! hours, every value stays finite and within physiological bounds, and
//! nothing panics. 10,000 random courses from a fixed seed.

use famulant::patient::{Case, Intervention, news2};
// SmallRng's sequence may change with a new version of rand: the courses
// are random, not chosen, and every one of them must hold.
use rand::rngs::SmallRng;
use rand::{RngExt, SeedableRng};

const COURSES: usize = 10_000;
const MINUTES: u32 = 24 * 60;

fn random_order(rng: &mut SmallRng) -> Intervention {
    match rng.random_range(0..10) {
        0 => Intervention::BloodCultures,
        1 => Intervention::Lactate {
            point_of_care: rng.random_bool(0.5),
        },
        2 => Intervention::Crystalloid {
            // Sometimes absurd: the model must hold anyway.
            ml: rng.random_range(-500.0..8000.0),
            over_min: rng.random_range(0..240),
        },
        3 => Intervention::Antibiotics {
            adequate: rng.random_bool(0.5),
        },
        4 => Intervention::Norepinephrine {
            dose: rng.random_range(-0.5..3.0),
        },
        5 => Intervention::Oxygen {
            on: rng.random_bool(0.5),
        },
        6 => Intervention::Paracetamol,
        7 => Intervention::Induction,
        8 => Intervention::Surgery {
            minutes: rng.random_range(0..600),
        },
        _ => Intervention::Norepinephrine { dose: f64::NAN },
    }
}

#[test]
fn every_course_stays_finite_and_in_bounds() {
    let mut rng = SmallRng::seed_from_u64(0x00fa_0017);
    for course in 0..COURSES {
        let mut case = Case::new();
        let orders = rng.random_range(0..30);
        let mut schedule: Vec<(u32, Intervention)> = (0..orders)
            .map(|_| (rng.random_range(0..MINUTES), random_order(&mut rng)))
            .collect();
        schedule.sort_by_key(|(minute, _)| *minute);
        let mut next = schedule.iter().peekable();
        for minute in 0..MINUTES {
            while let Some((_, order)) = next.next_if(|(m, _)| *m <= minute) {
                case.order(*order);
            }
            case.step();
            let v = case.body.vitals();
            let checks = [
                ("map", v.map, 0.0, 200.0),
                ("sbp", v.sbp, 0.0, 250.0),
                ("dbp", v.dbp, 0.0, 200.0),
                ("hr", v.hr, 20.0, 220.0),
                ("rr", v.rr, 4.0, 60.0),
                ("spo2", v.spo2, 40.0, 100.0),
                ("temp", v.temp, 30.0, 43.0),
                ("lactate", v.lactate, 0.0, 30.0),
                ("urine", v.urine, 0.0, 5.0),
                ("injury", case.body.injury, 0.0, 2.0),
                ("volume", case.body.volume, -10.0, 50.0),
                ("outcome", case.outcome(), 0.0, 1.0),
            ];
            for (name, value, low, high) in checks {
                assert!(
                    value.is_finite() && (low..=high).contains(&value),
                    "course {course}, minute {minute}: {name} = {value} with orders {schedule:?}"
                );
            }
            assert!(news2(&v).total <= 20);
        }
    }
}
