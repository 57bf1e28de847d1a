//! The case around the body: when things were done, which results are back,
//! and the outcome estimate at the end.

use serde::{Deserialize, Serialize};

use super::physiology::{Intervention, Physiology};
use super::scores::{Labs, septic_shock};

/// Minutes until a point-of-care lactate is back.
pub const POINT_OF_CARE_MINUTES: u32 = 5;
/// Minutes until a lab lactate is back.
pub const LAB_LACTATE_MINUTES: u32 = 45;
/// Minutes until the blood panel (CRP, blood count, sodium, creatinine,
/// glucose) is back.
pub const PANEL_MINUTES: u32 = 60;
/// Blood culture yield when drawn before antibiotics (Cheng 2019).
pub const CULTURE_YIELD_BEFORE: f64 = 0.314;
/// Blood culture yield when drawn after antibiotics (Cheng 2019).
pub const CULTURE_YIELD_AFTER: f64 = 0.194;

/// A result that has come back.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum LabResult {
    /// A lactate, mmol/L, as it was when drawn.
    Lactate {
        /// The value.
        value: f64,
        /// When it was drawn.
        drawn_at: u32,
    },
    /// The blood panel from arrival.
    Panel(Labs),
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
struct Pending {
    ready_at: u32,
    result: LabResult,
}

/// One patient's course: the body, the orders' times and the results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// The body.
    pub body: Physiology,
    /// When antibiotics were first given.
    pub antibiotics_at: Option<u32>,
    /// Whether the patient was in septic shock when antibiotics began.
    pub shock_before_antibiotics: bool,
    /// When the first incision was made.
    pub incision_at: Option<u32>,
    /// When blood cultures were drawn, and whether before antibiotics.
    pub cultures: Option<(u32, bool)>,
    /// Results that are back, oldest first.
    pub results: Vec<LabResult>,
    pending: Vec<Pending>,
}

impl Default for Case {
    fn default() -> Self {
        Self::new()
    }
}

impl Case {
    /// A new case: Frau Bram on arrival, her blood panel sent.
    pub fn new() -> Self {
        Self {
            body: Physiology::arrival(),
            antibiotics_at: None,
            shock_before_antibiotics: false,
            incision_at: None,
            cultures: None,
            results: Vec::new(),
            pending: vec![Pending {
                ready_at: PANEL_MINUTES,
                result: LabResult::Panel(Labs::ADMISSION),
            }],
        }
    }

    /// Carries out an order, noting its time; false when it cannot be done.
    pub fn order(&mut self, intervention: Intervention) -> bool {
        let now = self.body.minute;
        let vitals = self.body.vitals();
        if !self.body.order(intervention) {
            return false;
        }
        match intervention {
            Intervention::Antibiotics { .. } if self.antibiotics_at.is_none() => {
                self.antibiotics_at = Some(now);
                let on_pressor = self.body.norepinephrine > 0.01;
                self.shock_before_antibiotics =
                    septic_shock(on_pressor, vitals.map, vitals.lactate);
            }
            Intervention::BloodCultures if self.cultures.is_none() => {
                self.cultures = Some((now, self.antibiotics_at.is_none()));
            }
            Intervention::Lactate { point_of_care } => {
                let delay = if point_of_care {
                    POINT_OF_CARE_MINUTES
                } else {
                    LAB_LACTATE_MINUTES
                };
                self.pending.push(Pending {
                    ready_at: now + delay,
                    result: LabResult::Lactate {
                        value: vitals.lactate,
                        drawn_at: now,
                    },
                });
            }
            Intervention::Surgery { .. } if self.incision_at.is_none() => {
                self.incision_at = Some(now);
            }
            _ => {}
        }
        true
    }

    /// One simulated minute; results whose time has come arrive.
    pub fn step(&mut self) {
        self.body.step();
        let now = self.body.minute;
        let (ready, waiting): (Vec<Pending>, Vec<Pending>) =
            self.pending.drain(..).partition(|p| p.ready_at <= now);
        self.pending = waiting;
        self.results.extend(ready.into_iter().map(|p| p.result));
    }

    /// The latest lactate that is back, with when it was drawn.
    pub fn known_lactate(&self) -> Option<(f64, u32)> {
        self.results.iter().rev().find_map(|r| match r {
            LabResult::Lactate { value, drawn_at } => Some((*value, *drawn_at)),
            LabResult::Panel(_) => None,
        })
    }

    /// The blood panel, once it is back.
    pub fn known_labs(&self) -> Option<Labs> {
        self.results.iter().find_map(|r| match r {
            LabResult::Panel(labs) => Some(*labs),
            LabResult::Lactate { .. } => None,
        })
    }

    /// The chance that the blood cultures grow the organism.
    pub fn culture_yield(&self) -> Option<f64> {
        self.cultures.map(|(_, before)| {
            if before {
                CULTURE_YIELD_BEFORE
            } else {
                CULTURE_YIELD_AFTER
            }
        })
    }

    /// The estimated probability of death, 0–1, for the case as it stands:
    /// 19 % after surgery within 6 h (Nawijn 2020), raised by each hour
    /// antibiotics came after the first (Kumar 2006 in shock, Seymour 2017
    /// otherwise), by incision after 6 h (odds ratio 2.3) and by organ
    /// injury. Without antibiotics or surgery so far, the delay counts up
    /// to now.
    pub fn outcome(&self) -> f64 {
        if !self.body.alive {
            return 1.0;
        }
        let now = self.body.minute;
        let hours = |minutes: u32| f64::from(minutes) / 60.0;
        let antibiotics = hours(self.antibiotics_at.unwrap_or(now));
        let odds_ratio: f64 = if self.shock_before_antibiotics || self.antibiotics_at.is_none() {
            1.119
        } else {
            1.04
        };
        let late_incision = self.incision_at.is_none_or(|t| t > 6 * 60);
        let logit = (0.19f64 / 0.81).ln()
            + odds_ratio.ln() * (antibiotics - 1.0).max(0.0)
            + if late_incision { 2.3f64.ln() } else { 0.0 }
            + 3.0 * self.body.injury;
        1.0 / (1.0 + (-logit).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_after_their_delays() {
        let mut case = Case::new();
        case.order(Intervention::Lactate {
            point_of_care: true,
        });
        case.order(Intervention::Lactate {
            point_of_care: false,
        });
        for _ in 0..4 {
            case.step();
        }
        assert_eq!(case.known_lactate(), None);
        case.step();
        assert_eq!(case.known_lactate(), Some((4.1, 0)));
        for _ in 5..59 {
            case.step();
        }
        assert_eq!(case.known_labs(), None);
        case.step();
        assert_eq!(case.known_labs(), Some(Labs::ADMISSION));
    }

    #[test]
    fn cultures_after_antibiotics_yield_less() {
        let mut before = Case::new();
        before.order(Intervention::BloodCultures);
        before.order(Intervention::Antibiotics { adequate: true });
        let mut after = Case::new();
        after.order(Intervention::Antibiotics { adequate: true });
        after.order(Intervention::BloodCultures);
        assert_eq!(before.culture_yield(), Some(CULTURE_YIELD_BEFORE));
        assert_eq!(after.culture_yield(), Some(CULTURE_YIELD_AFTER));
    }

    #[test]
    fn early_antibiotics_and_surgery_estimate_nineteen_percent() {
        let mut case = Case::new();
        case.order(Intervention::Antibiotics { adequate: true });
        case.order(Intervention::Surgery { minutes: 60 });
        assert!((case.outcome() - 0.19).abs() < 1e-9, "{}", case.outcome());
    }
}
