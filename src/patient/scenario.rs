//! Scenarios: a timed list of orders run without a window, as
//! `famulant sim SCENARIO.ron` does, one CSV row per simulated minute.

use std::io::Write;

use serde::Deserialize;

use super::case::Case;
use super::physiology::Intervention;
use super::scores::news2;
use super::variation::Variation;

/// A scenario file: how long to run and what to order when.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The last minute simulated.
    pub minutes: u32,
    /// The orders, each at its minute.
    #[serde(default)]
    pub events: Vec<ScenarioEvent>,
}

/// One order at one minute.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioEvent {
    /// Minutes after arrival.
    pub minute: u32,
    /// The order.
    pub action: Intervention,
}

/// The CSV header `famulant sim` prints.
pub const CSV_HEADER: &str = "minute,map,sbp,dbp,hr,rr,spo2,temp,lactate,urine,news2,alive";

impl Scenario {
    /// Runs the scenario on the reference patient and calls `row` with the
    /// case at every minute from 0 to `minutes`, after that minute's orders
    /// were given. Returns the case at the end.
    pub fn run(&self, row: impl FnMut(&Case)) -> Case {
        self.run_on(Variation::REFERENCE, row)
    }

    /// Runs the scenario, as [`Scenario::run`] does, on the patient
    /// `variation` describes.
    pub fn run_on(&self, variation: Variation, mut row: impl FnMut(&Case)) -> Case {
        let mut case = Case::of(variation);
        let mut events: Vec<ScenarioEvent> = self.events.clone();
        events.sort_by_key(|e| e.minute);
        let mut next = events.iter().peekable();
        for minute in 0..=self.minutes {
            while let Some(event) = next.next_if(|e| e.minute <= minute) {
                case.order(event.action);
            }
            row(&case);
            if minute < self.minutes {
                case.step();
            }
        }
        case
    }

    /// Runs the scenario on the patient `variation` describes and writes
    /// the CSV with [`CSV_HEADER`].
    pub fn write_csv(&self, variation: Variation, out: &mut dyn Write) -> std::io::Result<Case> {
        writeln!(out, "{CSV_HEADER}")?;
        let mut failure = Ok(());
        let case = self.run_on(variation, |case| {
            if failure.is_err() {
                return;
            }
            let v = case.body.vitals();
            failure = writeln!(
                out,
                "{},{:.1},{:.1},{:.1},{:.1},{:.1},{:.1},{:.2},{:.2},{:.2},{},{}",
                case.body.minute,
                v.map,
                v.sbp,
                v.dbp,
                v.hr,
                v.rr,
                v.spo2,
                v.temp,
                v.lactate,
                v.urine,
                news2(&v).total,
                u8::from(case.body.alive)
            );
        });
        failure.map(|()| case)
    }
}
