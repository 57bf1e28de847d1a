//! What the story can read from the patient and do to her: the seam between
//! the story runner and the patient model.

use crate::content::{Lab, Vital};
use crate::patient::{Case, Intervention, LabResults, news2, qsofa};

/// The patient as the story sees her.
pub trait Bedside {
    /// A vital sign or score now.
    fn vital(&self, vital: Vital) -> f64;
    /// Whether a result is back.
    fn knows(&self, lab: Lab) -> bool;
    /// Whether the patient is alive.
    fn alive(&self) -> bool;
    /// Gives a medical order.
    fn order(&mut self, intervention: Intervention);
    /// Lets simulated minutes pass.
    fn wait(&mut self, minutes: u32);
    /// Lets the patient's time run on its own at this many simulated
    /// minutes per real second, while the player reads or decides.
    fn pace(&mut self, minutes_per_second: f32);
}

/// A vital sign or score as conditions read it.
fn read(vital: Vital, case: &Case) -> f64 {
    let v = &case.vitals;
    match vital {
        Vital::Map => v.map,
        Vital::Sbp => v.sbp,
        Vital::Dbp => v.dbp,
        Vital::Hr => v.hr,
        Vital::Rr => v.rr,
        Vital::Spo2 => v.spo2,
        Vital::Temp => v.temp,
        Vital::Lactate => case.labs.lactate().map_or(0.0, |(value, _)| value),
        Vital::Urine => v.urine,
        Vital::News2 => f64::from(news2(v).total),
        Vital::Qsofa => f64::from(qsofa(v)),
        Vital::Minute => f64::from(case.body.minute),
        Vital::Outcome => case.treatment.outcome(&case.body),
    }
}

/// Whether a result is back.
fn known(lab: Lab, labs: &LabResults) -> bool {
    match lab {
        Lab::Lactate => labs.lactate().is_some(),
        Lab::Labs => labs.panel().is_some(),
    }
}

impl Bedside for Case {
    fn vital(&self, vital: Vital) -> f64 {
        read(vital, self)
    }

    fn alive(&self) -> bool {
        self.body.alive
    }

    fn knows(&self, lab: Lab) -> bool {
        known(lab, &self.labs)
    }

    fn order(&mut self, intervention: Intervention) {
        Case::order(self, intervention);
    }

    fn wait(&mut self, minutes: u32) {
        Case::wait(self, minutes);
    }

    fn pace(&mut self, minutes_per_second: f32) {
        self.clock.set_pace(minutes_per_second);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_reads_whether_she_lives_and_her_outcome_estimate() {
        let mut case = Case::new();
        assert!(case.alive());
        let at_arrival = case.vital(Vital::Outcome);
        case.wait(90);
        let late = case.vital(Vital::Outcome);
        assert!(
            late > at_arrival,
            "half an hour past the first without antibiotics: {late}"
        );
        assert_eq!(late, case.treatment.outcome(&case.body));
        case.wait(12 * 60);
        assert!(!case.alive(), "untreated, she dies within hours");
        assert_eq!(case.vital(Vital::Outcome), 1.0);
    }
}
