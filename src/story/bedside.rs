//! What the story can read from the patient and do to her: the seam between
//! the story runner and the patient model.

use crate::content::{Lab, Vital};
use crate::patient::{Case, Intervention, LabResults, Physiology, Vitals, news2, qsofa};

/// The patient as the story sees her.
pub trait Bedside {
    /// A vital sign or score now.
    fn vital(&self, vital: Vital) -> f64;
    /// Whether a result is back.
    fn knows(&self, lab: Lab) -> bool;
    /// Gives a medical order.
    fn order(&mut self, intervention: Intervention);
    /// Lets simulated minutes pass.
    fn wait(&mut self, minutes: u32);
    /// Lets the patient's time run on its own at this many simulated
    /// minutes per real second, while the player reads or decides.
    fn pace(&mut self, minutes_per_second: f32);
}

/// A vital sign or score as conditions read it.
fn read(vital: Vital, body: &Physiology, v: &Vitals, labs: &LabResults) -> f64 {
    match vital {
        Vital::Map => v.map,
        Vital::Sbp => v.sbp,
        Vital::Dbp => v.dbp,
        Vital::Hr => v.hr,
        Vital::Rr => v.rr,
        Vital::Spo2 => v.spo2,
        Vital::Temp => v.temp,
        Vital::Lactate => labs.lactate().map_or(0.0, |(value, _)| value),
        Vital::Urine => v.urine,
        Vital::News2 => f64::from(news2(v).total),
        Vital::Qsofa => f64::from(qsofa(v)),
        Vital::Minute => f64::from(body.minute),
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
        read(vital, &self.body, &self.vitals, &self.labs)
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
