//! The case: the body, its vitals, the orders' times, the results and the
//! patient's clock, as one owned value that gives orders and lets time pass.

use serde::{Deserialize, Serialize};

use super::alarms::{Alarm, RaisedAlarms, crossed};
use super::labs::{LabResult, LabResults};
use super::physiology::{Extent, Intervention, Physiology, Vitals};
use super::scores::septic_shock;
use super::variation::Variation;
use crate::clock::SimClock;

/// Blood culture yield when drawn before antibiotics (Cheng 2019).
pub const CULTURE_YIELD_BEFORE: f64 = 0.314;
/// Blood culture yield when drawn after antibiotics (Cheng 2019).
pub const CULTURE_YIELD_AFTER: f64 = 0.194;

/// When the orders that decide the outcome were given.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Treatment {
    /// When antibiotics were first given.
    pub antibiotics_at: Option<u32>,
    /// Whether the patient was in septic shock when antibiotics began.
    pub shock_before_antibiotics: bool,
    /// When the first incision was made.
    pub incision_at: Option<u32>,
    /// When blood cultures were drawn, and whether before antibiotics.
    pub cultures: Option<(u32, bool)>,
    /// How far the first debridement went.
    #[serde(default)]
    pub debridement: Option<Extent>,
}

impl Treatment {
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
    /// otherwise), by incision after 6 h or a limited debridement (odds
    /// ratio 2.3) and by organ injury. Without antibiotics or surgery so far, the delay counts up
    /// to now.
    pub fn outcome(&self, body: &Physiology) -> f64 {
        if !body.alive {
            return 1.0;
        }
        let now = body.minute;
        let hours = |minutes: u32| f64::from(minutes) / 60.0;
        let antibiotics = hours(self.antibiotics_at.unwrap_or(now));
        let odds_ratio: f64 = if self.shock_before_antibiotics || self.antibiotics_at.is_none() {
            1.119
        } else {
            1.04
        };
        // A limited debridement leaves doubtful tissue for the second look:
        // source control is incomplete until then, counted like a late
        // operation **[design]**.
        let late_incision = self.incision_at.is_none_or(|t| t > 6 * 60)
            || self.debridement == Some(Extent::Limited);
        let logit = (0.19f64 / 0.81).ln()
            + odds_ratio.ln() * (antibiotics - 1.0).max(0.0)
            + if late_incision { 2.3f64.ln() } else { 0.0 }
            + 3.0 * body.injury;
        1.0 / (1.0 + (-logit).exp())
    }
}

/// One patient's whole course: the body, its vitals, the orders' times,
/// the results, the alarms not yet taken and the patient's clock. The story
/// session owns one; `famulant sim` runs one on its own. Orders and time go
/// through its methods so that the times, results, vitals and alarms always
/// follow the body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// The body.
    pub body: Physiology,
    /// The vitals as of the last change, kept equal to the body's.
    pub vitals: Vitals,
    /// The orders' times.
    pub treatment: Treatment,
    /// The results.
    pub labs: LabResults,
    /// Alarms raised and not yet taken.
    pub alarms: RaisedAlarms,
    /// How fast her time runs while nobody waits for the story.
    pub clock: SimClock,
    /// Orders carried out and results come back, not yet taken.
    #[serde(default)]
    pub events: ClinicalEvents,
}

/// Something clinical that happened to the patient, for her history.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum ClinicalEvent {
    /// An order was carried out.
    Ordered(Intervention),
    /// A result came back.
    ResultBack(LabResult),
}

/// Clinical events with their minutes, oldest first, until taken.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClinicalEvents(Vec<(u32, ClinicalEvent)>);

impl ClinicalEvents {
    /// Takes the events, oldest first, leaving none.
    pub fn take(&mut self) -> Vec<(u32, ClinicalEvent)> {
        std::mem::take(&mut self.0)
    }
}

impl Default for Case {
    fn default() -> Self {
        Self::new()
    }
}

impl Case {
    /// A new case: Frau Bram on arrival, her blood panel sent; the
    /// reference patient.
    pub fn new() -> Self {
        Self::of(Variation::REFERENCE)
    }

    /// A new case of the patient `variation` describes, on arrival, her
    /// blood panel sent.
    pub fn of(variation: Variation) -> Self {
        let body = Physiology::arrival_of(variation);
        Self {
            vitals: body.vitals(),
            body,
            treatment: Treatment::default(),
            labs: LabResults::on_arrival(),
            alarms: RaisedAlarms::default(),
            clock: SimClock::default(),
            events: ClinicalEvents::default(),
        }
    }

    /// The estimated probability of death, 0–1 (see [`Treatment::outcome`]).
    pub fn outcome(&self) -> f64 {
        self.treatment.outcome(&self.body)
    }

    /// Carries out an order, noting its time; false when it cannot be done.
    pub fn order(&mut self, intervention: Intervention) -> bool {
        let now = self.body.minute;
        let before = self.body.vitals();
        if !self.body.order(intervention) {
            return false;
        }
        self.events
            .0
            .push((now, ClinicalEvent::Ordered(intervention)));
        let t = &mut self.treatment;
        match intervention {
            Intervention::Antibiotics { .. } if t.antibiotics_at.is_none() => {
                t.antibiotics_at = Some(now);
                let on_pressor = self.body.norepinephrine > 0.01;
                t.shock_before_antibiotics = septic_shock(on_pressor, before.map, before.lactate);
            }
            Intervention::BloodCultures if t.cultures.is_none() => {
                t.cultures = Some((now, t.antibiotics_at.is_none()));
            }
            Intervention::Lactate { point_of_care } => {
                self.labs.send_lactate(now, before.lactate, point_of_care);
            }
            Intervention::Debridement { extent } => {
                t.incision_at.get_or_insert(now);
                t.debridement.get_or_insert(extent);
            }
            Intervention::Surgery { .. } | Intervention::Incision if t.incision_at.is_none() => {
                t.incision_at = Some(now);
            }
            _ => {}
        }
        self.settle(before);
        true
    }

    /// One simulated minute: the body changes, results whose time has come
    /// arrive, and alarms whose threshold was crossed are raised.
    pub fn step(&mut self) {
        let before = self.body.vitals();
        self.body.step();
        let now = self.body.minute;
        let arrived = self.labs.arrive(now).into_iter();
        let results = arrived.map(|result| (now, ClinicalEvent::ResultBack(result)));
        self.events.0.extend(results);
        self.settle(before);
    }

    /// Lets `minutes` simulated minutes pass.
    pub fn wait(&mut self, minutes: u32) {
        for _ in 0..minutes {
            self.step();
        }
    }

    /// Updates the vitals after a change and raises the alarms it crossed.
    fn settle(&mut self, before: Vitals) {
        let was_alive = before.mentation != super::Mentation::Dead;
        let after = self.body.vitals();
        for alarm in Alarm::ALL {
            if crossed(alarm, (&before, was_alive), (&after, self.body.alive)) {
                self.alarms.raise(self.body.minute, alarm);
            }
        }
        self.vitals = after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lactate_order_comes_back_with_the_value_when_drawn() {
        let mut case = Case::new();
        case.order(Intervention::Lactate {
            point_of_care: true,
        });
        case.wait(4);
        assert_eq!(case.labs.lactate(), None, "not back after 4 minutes");
        case.step();
        assert_eq!(case.labs.lactate(), Some((4.1, 0)));
    }

    #[test]
    fn cultures_after_antibiotics_yield_less() {
        let mut before = Case::new();
        before.order(Intervention::BloodCultures);
        before.order(Intervention::Antibiotics { adequate: true });
        let mut after = Case::new();
        after.order(Intervention::Antibiotics { adequate: true });
        after.order(Intervention::BloodCultures);
        assert_eq!(before.treatment.culture_yield(), Some(CULTURE_YIELD_BEFORE));
        assert_eq!(after.treatment.culture_yield(), Some(CULTURE_YIELD_AFTER));
    }

    #[test]
    fn early_antibiotics_and_surgery_estimate_nineteen_percent() {
        let mut case = Case::new();
        case.order(Intervention::Antibiotics { adequate: true });
        case.order(Intervention::Surgery { minutes: 60 });
        assert!((case.outcome() - 0.19).abs() < 1e-9, "{}", case.outcome());
    }

    #[test]
    fn the_vitals_follow_the_body_and_crossings_raise_alarms() {
        let mut case = Case::new();
        for _ in 0..120 {
            case.step();
            assert_eq!(case.vitals, case.body.vitals());
        }
        let raised = case.alarms.take();
        let map_low: Vec<_> = raised.iter().filter(|r| r.alarm == Alarm::MapLow).collect();
        assert_eq!(map_low.len(), 1, "{raised:?}");
        assert!(
            (30..=40).contains(&map_low[0].minute),
            "untreated, MAP falls below 65 after about 34 min: {raised:?}"
        );
        assert!(case.alarms.take().is_empty(), "taken once");
    }

    #[test]
    fn induction_can_raise_the_pressure_alarm_at_once() {
        // Given fluids to a MAP above 65, then induction drops the tone.
        let mut case = Case::new();
        case.order(Intervention::Crystalloid {
            ml: 1950.0,
            over_min: 60,
        });
        for _ in 0..20 {
            case.step();
        }
        assert!(case.vitals.map >= 65.0, "{:?}", case.vitals);
        case.alarms.take();
        case.order(Intervention::Induction);
        case.step();
        assert!(
            case.alarms.take().iter().any(|r| r.alarm == Alarm::MapLow),
            "{:?}",
            case.vitals
        );
    }

    /// MAP one minute after induction at minute 70, after `orders` at 0.
    fn map_after_induction(orders: &[Intervention]) -> f64 {
        let mut case = Case::new();
        for order in orders {
            case.order(*order);
        }
        for _ in 0..70 {
            case.step();
        }
        let before = case.vitals.map;
        case.order(Intervention::Induction);
        case.step();
        before - case.vitals.map
    }

    #[test]
    fn induction_drops_the_pressure_more_in_empty_vessels() {
        let filled = map_after_induction(&[Intervention::Crystalloid {
            ml: 1950.0,
            over_min: 60,
        }]);
        let empty = map_after_induction(&[Intervention::Norepinephrine { dose: 0.1 }]);
        assert!(
            empty > filled * 1.5,
            "drop filled {filled:.1}, under-filled {empty:.1} mmHg"
        );
    }

    #[test]
    fn a_limited_debridement_counts_as_incomplete_source_control() {
        let outcome = |extent| {
            let mut case = Case::new();
            case.order(Intervention::Antibiotics { adequate: true });
            for _ in 0..90 {
                case.step();
            }
            case.order(Intervention::Debridement { extent });
            for _ in 0..30 {
                case.step();
            }
            (case.outcome(), case.body.source)
        };
        let (radical, radical_left) = outcome(Extent::Radical);
        let (limited, limited_left) = outcome(Extent::Limited);
        let (amputation, amputation_left) = outcome(Extent::Amputation);
        assert!((radical - 0.19).abs() < 0.01, "{radical}");
        assert!(limited > 0.3, "{limited}");
        assert!(
            amputation <= radical + 0.01,
            "{amputation} against {radical}"
        );
        assert!(amputation_left < radical_left && radical_left < limited_left);
    }
}
