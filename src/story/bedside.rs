//! What the story can read from the patient and do to her: the seam between
//! the story runner and the patient model.

use crate::content::{Lab, Vital};
use crate::patient::{Case, Intervention, news2, qsofa};

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
}

impl Bedside for Case {
    fn vital(&self, vital: Vital) -> f64 {
        let v = self.body.vitals();
        match vital {
            Vital::Map => v.map,
            Vital::Sbp => v.sbp,
            Vital::Dbp => v.dbp,
            Vital::Hr => v.hr,
            Vital::Rr => v.rr,
            Vital::Spo2 => v.spo2,
            Vital::Temp => v.temp,
            Vital::Lactate => self.known_lactate().map_or(0.0, |(value, _)| value),
            Vital::Urine => v.urine,
            Vital::News2 => f64::from(news2(&v).total),
            Vital::Qsofa => f64::from(qsofa(&v)),
            Vital::Minute => f64::from(self.body.minute),
        }
    }

    fn knows(&self, lab: Lab) -> bool {
        match lab {
            Lab::Lactate => self.known_lactate().is_some(),
            Lab::Labs => self.known_labs().is_some(),
        }
    }

    fn order(&mut self, intervention: Intervention) {
        Case::order(self, intervention);
    }

    fn wait(&mut self, minutes: u32) {
        for _ in 0..minutes {
            self.step();
        }
    }
}
