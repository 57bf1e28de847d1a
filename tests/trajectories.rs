//! The patient model reproduces the trajectories of the clinical reference
//! (shared design notes, section 3), run from the shipped scenario files as
//! `famulant sim` runs them.

use std::path::Path;
use std::process::Command;

use famulant::content::parse;
use famulant::patient::{Case, Scenario, Vitals};

/// One minute of a run.
struct Row {
    minute: u32,
    vitals: Vitals,
    alive: bool,
    source: f64,
}

/// Runs a shipped scenario; returns every minute and the final case.
fn run(name: &str) -> (Vec<Row>, Case) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/scenarios")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let scenario: Scenario = parse(name, &text).unwrap().value;
    let mut rows = Vec::new();
    let case = scenario.run(|case| {
        rows.push(Row {
            minute: case.body.minute,
            vitals: case.body.vitals(),
            alive: case.body.alive,
            source: case.body.source,
        })
    });
    (rows, case)
}

fn at(rows: &[Row], minute: u32) -> &Row {
    &rows[minute as usize]
}

fn first_minute(rows: &[Row], what: impl Fn(&Row) -> bool) -> Option<u32> {
    rows.iter().find(|r| what(r)).map(|r| r.minute)
}

fn death(rows: &[Row]) -> Option<f64> {
    first_minute(rows, |r| !r.alive).map(|m| f64::from(m) / 60.0)
}

fn near(value: f64, target: f64, tolerance: f64) -> bool {
    (value - target).abs() <= tolerance
}

#[test]
fn a_without_treatment_she_dies_within_hours() {
    let (rows, case) = run("a_no_treatment.ron");
    let below = first_minute(&rows, |r| r.vitals.map < 65.0).unwrap();
    assert!((25..=45).contains(&below), "MAP < 65 at {below} min");
    let two_hours = at(&rows, 120).vitals;
    assert!(near(two_hours.map, 58.0, 4.0), "MAP {}", two_hours.map);
    assert!(near(two_hours.hr, 143.0, 8.0), "HR {}", two_hours.hr);
    assert!(
        near(two_hours.lactate, 5.7, 1.0),
        "lactate {}",
        two_hours.lactate
    );
    let died = death(&rows).expect("she dies");
    assert!((4.5..=6.5).contains(&died), "death at {died:.2} h");
    assert_eq!(case.outcome(), 1.0);
}

#[test]
fn b_antibiotics_alone_cannot_control_the_source() {
    let (rows, _) = run("b_antibiotics_only.ron");
    let below = first_minute(&rows, |r| r.vitals.map < 65.0).unwrap();
    assert!(below <= 60, "MAP < 65 at {below} min");
    assert!(
        rows[below as usize..].iter().all(|r| r.vitals.map < 65.0),
        "MAP never recovers above 65"
    );
    assert!(at(&rows, 240).vitals.lactate > 6.0, "lactate past 6 by 4 h");
    let died = death(&rows).expect("she dies");
    assert!((8.0..=13.0).contains(&died), "death at {died:.2} h");
}

#[test]
fn c_fluids_alone_help_for_an_hour() {
    let (rows, _) = run("c_fluids_only.ron");
    let arrival = at(&rows, 0).vitals.map;
    assert!(
        near(at(&rows, 60).vitals.map, 81.0, 4.0),
        "MAP at 60 min {}",
        at(&rows, 60).vitals.map
    );
    assert!(
        near(at(&rows, 120).vitals.map, arrival, 4.0),
        "MAP back near {arrival} by 120 min"
    );
    let below = first_minute(&rows[61..], |r| r.vitals.map < 65.0).unwrap();
    assert!(
        (130..=170).contains(&below),
        "MAP < 65 again at {below} min"
    );
    assert!(death(&rows).expect("she dies") <= 10.0);
}

#[test]
fn d_the_bundle_and_early_surgery_save_her() {
    let (rows, case) = run("d_bundle_and_early_surgery.ron");
    assert!(rows.iter().all(|r| r.alive), "no death");
    assert!(
        rows.iter().all(|r| r.vitals.map >= 60.0),
        "MAP ≥ 60 throughout"
    );
    let normal = first_minute(&rows, |r| r.vitals.lactate < 2.0).unwrap();
    assert!(
        (360..=540).contains(&normal),
        "lactate < 2 from {normal} min"
    );
    assert!(
        rows[normal as usize..=540]
            .iter()
            .all(|r| r.vitals.lactate < 2.0),
        "and stays there"
    );
    assert!(at(&rows, 480).vitals.hr < 95.0, "HR < 95 by 8 h");
    assert!(
        at(&rows, 540).vitals.temp < 38.5,
        "temperature < 38.5 by 9 h"
    );
    assert!(
        near(case.outcome(), 0.19, 0.03),
        "outcome {}",
        case.outcome()
    );
}

#[test]
fn e_late_surgery_survives_at_a_price() {
    let (rows_d, case_d) = run("d_bundle_and_early_surgery.ron");
    let (rows, case) = run("e_bundle_late_surgery.ron");
    assert!(rows.iter().all(|r| r.alive), "she survives");
    let incision = 510;
    assert!(
        rows[..=incision].iter().all(|r| r.vitals.lactate >= 2.5),
        "lactate ≥ 2.5 until surgery"
    );
    assert!(
        at(&rows, 510).source > at(&rows_d, 90).source,
        "a larger source at incision than in D"
    );
    assert!(
        (0.30..=0.40).contains(&case.outcome()),
        "outcome {}",
        case.outcome()
    );
    assert!(case.outcome() > case_d.outcome());
}

#[test]
fn the_outcome_estimate_ranks_the_scenarios() {
    let outcome = |name| run(name).1.outcome();
    let d = outcome("d_bundle_and_early_surgery.ron");
    let e = outcome("e_bundle_late_surgery.ron");
    for worst in [
        "a_no_treatment.ron",
        "b_antibiotics_only.ron",
        "c_fluids_only.ron",
    ] {
        assert!(outcome(worst) > e, "{worst} is worse than E");
    }
    assert!(d < e);
}

fn famulant(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_famulant"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn famulant_sim_prints_one_csv_row_per_minute() {
    let (code, out, err) = famulant(&["sim", "tests/scenarios/d_bundle_and_early_surgery.ron"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "minute,map,sbp,dbp,hr,rr,spo2,temp,lactate,urine,news2,alive"
    );
    assert_eq!(lines.len(), 1 + 721, "minutes 0 to 720");
    assert!(lines[1].starts_with("0,66.5,"), "{}", lines[1]);
    assert!(lines[721].starts_with("720,") && lines[721].ends_with(",1"));
}

#[test]
fn famulant_sim_freezes_the_rows_after_death() {
    let (_, out, _) = famulant(&["sim", "tests/scenarios/a_no_treatment.ron"]);
    let dead: Vec<&str> = out.lines().skip(1).filter(|l| l.ends_with(",0")).collect();
    assert!(dead.len() > 100);
    let values = |line: &str| line.split_once(',').unwrap().1.to_owned();
    assert!(
        dead.iter().all(|l| values(l) == values(dead[0])),
        "values freeze after death"
    );
}

#[test]
fn a_bad_scenario_file_is_named_with_its_place_and_exit_code_2() {
    let dir = std::env::temp_dir().join(format!("famulant-bad-scenario-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.ron");
    std::fs::write(
        &file,
        "(\n  minutes: 60,\n  events: [(minute: 5, action: Morphine(mg: 5))],\n)\n",
    )
    .unwrap();
    let (code, _, err) = famulant(&["sim", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with(&format!("{}:3:", file.display())), "{err}");
    assert!(err.contains("Morphine"), "{err}");
}
