//! Laboratory results: what was sent, when it comes back, what is known.

use serde::{Deserialize, Serialize};

use super::scores::Labs;

/// Minutes until a point-of-care lactate is back.
pub const POINT_OF_CARE_MINUTES: u32 = 5;
/// Minutes until a lab lactate is back.
pub const LAB_LACTATE_MINUTES: u32 = 45;
/// Minutes until the blood panel (CRP, blood count, sodium, creatinine,
/// glucose) is back.
pub const PANEL_MINUTES: u32 = 60;

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

/// The patient's results: those back, and those still in the lab.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabResults {
    /// Results that are back, oldest first.
    pub back: Vec<LabResult>,
    pending: Vec<Pending>,
}

impl Default for LabResults {
    fn default() -> Self {
        Self::on_arrival()
    }
}

impl LabResults {
    /// Nothing back yet; the admission blood panel is in the lab.
    pub fn on_arrival() -> Self {
        Self {
            back: Vec::new(),
            pending: vec![Pending {
                ready_at: PANEL_MINUTES,
                result: LabResult::Panel(Labs::ADMISSION),
            }],
        }
    }

    /// Sends a lactate drawn at `now` with this value.
    pub fn send_lactate(&mut self, now: u32, value: f64, point_of_care: bool) {
        let delay = if point_of_care {
            POINT_OF_CARE_MINUTES
        } else {
            LAB_LACTATE_MINUTES
        };
        self.pending.push(Pending {
            ready_at: now.saturating_add(delay),
            result: LabResult::Lactate {
                value,
                drawn_at: now,
            },
        });
    }

    /// Takes in the results whose time has come by minute `now`; returns
    /// them.
    pub fn arrive(&mut self, now: u32) -> Vec<LabResult> {
        let (ready, waiting): (Vec<Pending>, Vec<Pending>) =
            self.pending.drain(..).partition(|p| p.ready_at <= now);
        self.pending = waiting;
        let arrived: Vec<LabResult> = ready.into_iter().map(|p| p.result).collect();
        self.back.extend(arrived.iter().copied());
        arrived
    }

    /// The latest lactate that is back, with when it was drawn.
    pub fn lactate(&self) -> Option<(f64, u32)> {
        self.back.iter().rev().find_map(|r| match r {
            LabResult::Lactate { value, drawn_at } => Some((*value, *drawn_at)),
            LabResult::Panel(_) => None,
        })
    }

    /// Every lactate drawn, back or still in the lab, as (minute drawn,
    /// value), oldest first.
    pub fn lactate_draws(&self) -> Vec<(u32, f64)> {
        let back = self.back.iter();
        let pending = self.pending.iter().map(|p| &p.result);
        let mut draws: Vec<(u32, f64)> = back
            .chain(pending)
            .filter_map(|r| match r {
                LabResult::Lactate { value, drawn_at } => Some((*drawn_at, *value)),
                LabResult::Panel(_) => None,
            })
            .collect();
        draws.sort_by_key(|(drawn_at, _)| *drawn_at);
        draws
    }

    /// The blood panel, once it is back.
    pub fn panel(&self) -> Option<Labs> {
        self.back.iter().find_map(|r| match r {
            LabResult::Panel(labs) => Some(*labs),
            LabResult::Lactate { .. } => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_after_their_delays() {
        let mut labs = LabResults::on_arrival();
        labs.send_lactate(0, 4.1, true);
        labs.send_lactate(0, 4.1, false);
        labs.arrive(4);
        assert_eq!(labs.lactate(), None);
        labs.arrive(5);
        assert_eq!(labs.lactate(), Some((4.1, 0)));
        assert_eq!(labs.back.len(), 1);
        labs.arrive(59);
        assert_eq!(labs.panel(), None);
        labs.arrive(60);
        assert_eq!(labs.panel(), Some(Labs::ADMISSION));
        assert_eq!(labs.back.len(), 3, "the lab lactate came back at 45");
    }

    #[test]
    fn a_lactate_drawn_at_the_last_minute_comes_back_then() {
        let mut labs = LabResults::on_arrival();
        labs.send_lactate(u32::MAX, 4.1, true);
        labs.arrive(u32::MAX);
        assert_eq!(labs.lactate(), Some((4.1, u32::MAX)));
    }

    #[test]
    fn every_lactate_drawn_is_listed_back_or_not() {
        let mut labs = LabResults::on_arrival();
        labs.send_lactate(30, 3.2, false);
        labs.send_lactate(10, 4.1, true);
        labs.arrive(20);
        assert_eq!(labs.lactate_draws(), [(10, 4.1), (30, 3.2)]);
    }
}
