//! The Surviving Sepsis Campaign's hour-1 bundle (Levy 2018, SSC 2021) and
//! source control for a necrotising soft-tissue infection (surgery within
//! 6 h, Nawijn 2020), checked against one patient's course: each element
//! with when it was done, by when it was due, and whether that was in time.
//!
//! Time zero is her arrival, as the campaign counts from triage. Where the
//! campaign leaves a time open, the choice is marked **[design]**.

use super::case::Case;
use super::physiology::{Extent, Intervention, WEIGHT_KG};

/// The hour of the bundle, in minutes.
pub const HOUR_ONE: u32 = 60;
/// A raised first lactate is measured again within this many minutes of
/// the first (2–4 h, Levy 2018).
pub const LACTATE_REPEAT_WITHIN: u32 = 240;
/// A lactate above this (mmol/L) is measured again.
pub const LACTATE_RAISED: f64 = 2.0;
/// A lactate at or above this (mmol/L) calls for 30 mL/kg of crystalloid.
pub const LACTATE_FLUIDS: f64 = 4.0;
/// Crystalloid for hypotension or a lactate of 4, mL per kg.
pub const FLUID_ML_PER_KG: f64 = 30.0;
/// The mean arterial pressure the bundle holds, mmHg.
pub const MAP_TARGET: f64 = 65.0;
/// Norepinephrine is due within this many minutes of the pressure falling
/// below 65 during or after fluids **[design]**: the bundle's hour, counted
/// from then.
pub const PRESSOR_WITHIN: u32 = 60;
/// The first incision is due within this many minutes of arrival.
pub const SOURCE_CONTROL_WITHIN: u32 = 6 * 60;

/// An element of the bundle, or source control.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Element {
    /// Lactate measured within the hour.
    Lactate,
    /// A raised lactate measured again within 4 h.
    LactateRepeat,
    /// Blood cultures drawn before antibiotics.
    Cultures,
    /// Broad-spectrum antibiotics within the hour.
    Antibiotics,
    /// 30 mL/kg crystalloid within the hour of hypotension or a lactate of 4.
    Fluids,
    /// Norepinephrine when the pressure stays below 65 during or after
    /// fluids.
    Norepinephrine,
    /// The first incision within 6 h: source control.
    Incision,
}

impl Element {
    /// Every element, in the order the review lists them.
    pub const ALL: [Element; 7] = [
        Element::Lactate,
        Element::LactateRepeat,
        Element::Cultures,
        Element::Antibiotics,
        Element::Fluids,
        Element::Norepinephrine,
        Element::Incision,
    ];

    /// Its name in finding ids (`antibiotics_late`).
    pub fn name(self) -> &'static str {
        match self {
            Element::Lactate => "lactate",
            Element::LactateRepeat => "lactate_repeat",
            Element::Cultures => "cultures",
            Element::Antibiotics => "antibiotics",
            Element::Fluids => "fluids",
            Element::Norepinephrine => "norepinephrine",
            Element::Incision => "incision",
        }
    }
}

/// How an element went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Done in time.
    Met,
    /// Done, but after it was due (cultures: after the antibiotics).
    Late,
    /// Not done although it was due.
    Missed,
    /// Not called for in this course.
    NotNeeded,
}

impl Status {
    /// The statuses a finding names, in order.
    pub const FOUND: [Status; 3] = [Status::Met, Status::Late, Status::Missed];

    /// Its name in finding ids; none for an element not called for.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Status::Met => Some("met"),
            Status::Late => Some("late"),
            Status::Missed => Some("missed"),
            Status::NotNeeded => None,
        }
    }
}

/// One element as this course met it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BundleItem {
    /// Which element.
    pub element: Element,
    /// When it was done, in minutes since arrival.
    pub done_at: Option<u32>,
    /// By when it was due (cultures: when the antibiotics began); none when
    /// it was not called for, or has no time of its own.
    pub due_by: Option<u32>,
    /// In time, late or missed.
    pub status: Status,
}

impl BundleItem {
    /// The finding it makes, as review files name it
    /// (`antibiotics_late`); none when it was not called for.
    pub fn finding(&self) -> Option<String> {
        let status = self.status.name()?;
        Some(format!("{}_{status}", self.element.name()))
    }

    fn judged(element: Element, done_at: Option<u32>, due_by: u32) -> BundleItem {
        let status = match done_at {
            Some(done) if done <= due_by => Status::Met,
            Some(_) => Status::Late,
            None => Status::Missed,
        };
        BundleItem {
            element,
            done_at,
            due_by: Some(due_by),
            status,
        }
    }

    fn not_needed(element: Element, done_at: Option<u32>) -> BundleItem {
        BundleItem {
            element,
            done_at,
            due_by: None,
            status: Status::NotNeeded,
        }
    }
}

/// The finding a first debridement of this extent makes
/// (`debridement_radical`).
pub fn debridement_finding(extent: Extent) -> &'static str {
    match extent {
        Extent::Limited => "debridement_limited",
        Extent::Radical => "debridement_radical",
        Extent::Amputation => "debridement_amputation",
    }
}

/// Every finding a review can make, as review files name them.
pub fn finding_ids() -> Vec<String> {
    let bundle = Element::ALL.iter().flat_map(|element| {
        Status::FOUND
            .iter()
            .filter_map(move |status| Some(format!("{}_{}", element.name(), status.name()?)))
    });
    let extents = [Extent::Limited, Extent::Radical, Extent::Amputation];
    bundle
        .chain(extents.map(|e| debridement_finding(e).to_owned()))
        .collect()
}

/// What the bundle is checked against: her case (trend, labs, the orders'
/// times), every order with its minute, and the minutes her pressure fell
/// below 65 (the monitor's alarm).
#[derive(Clone, Copy, Debug)]
pub struct Course<'a> {
    /// The case at its end.
    pub case: &'a Case,
    /// Every order carried out, with its minute, oldest first.
    pub orders: &'a [(u32, Intervention)],
    /// The minutes the mean pressure fell below 65.
    pub map_low: &'a [u32],
}

impl Course<'_> {
    /// Each element of the bundle, then source control, as this course met
    /// them.
    pub fn assess(&self) -> Vec<BundleItem> {
        Element::ALL.map(|element| self.item(element)).to_vec()
    }

    fn item(&self, element: Element) -> BundleItem {
        match element {
            Element::Lactate => self.lactate(),
            Element::LactateRepeat => self.lactate_repeat(),
            Element::Cultures => self.cultures(),
            Element::Antibiotics => {
                let given =
                    self.first(|o| matches!(o, Intervention::Antibiotics { adequate: true }));
                BundleItem::judged(element, given, HOUR_ONE)
            }
            Element::Fluids => self.fluids(),
            Element::Norepinephrine => self.norepinephrine(),
            Element::Incision => {
                let cut = self.case.treatment.incision_at;
                BundleItem::judged(element, cut, SOURCE_CONTROL_WITHIN)
            }
        }
    }

    /// The minute of the first order that `is` picks.
    fn first(&self, is: impl Fn(&Intervention) -> bool) -> Option<u32> {
        self.orders
            .iter()
            .find(|(_, order)| is(order))
            .map(|(minute, _)| *minute)
    }

    fn lactate(&self) -> BundleItem {
        let first = self.case.labs.lactate_draws().first().map(|(at, _)| *at);
        BundleItem::judged(Element::Lactate, first, HOUR_ONE)
    }

    /// A raised first lactate is measured again within 4 h. Never measured,
    /// her own lactate on arrival says whether it was raised.
    fn lactate_repeat(&self) -> BundleItem {
        let draws = self.case.labs.lactate_draws();
        let arrival = self
            .case
            .trend
            .points()
            .first()
            .map(|p| f64::from(p.lactate));
        let (first_at, first) = match draws.first() {
            Some((at, value)) => (Some(*at), Some(*value)),
            None => (None, arrival),
        };
        let again =
            first_at.and_then(|first_at| draws.iter().map(|(at, _)| *at).find(|at| *at > first_at));
        if first.is_none_or(|value| value <= LACTATE_RAISED) {
            return BundleItem::not_needed(Element::LactateRepeat, again);
        }
        let due = first_at
            .unwrap_or(HOUR_ONE)
            .saturating_add(LACTATE_REPEAT_WITHIN);
        BundleItem::judged(Element::LactateRepeat, again, due)
    }

    /// Drawn before the first antibiotic (of any spectrum: each lowers the
    /// yield).
    fn cultures(&self) -> BundleItem {
        let treatment = &self.case.treatment;
        let status = match treatment.cultures {
            Some((_, true)) => Status::Met,
            Some((_, false)) => Status::Late,
            None => Status::Missed,
        };
        BundleItem {
            element: Element::Cultures,
            done_at: treatment.cultures.map(|(at, _)| at),
            due_by: treatment.antibiotics_at,
            status,
        }
    }

    /// 30 mL/kg within the hour from the first sign that calls for it:
    /// hypotension or a lactate of 4. Done when the crystalloid ordered
    /// reaches 30 mL/kg.
    fn fluids(&self) -> BundleItem {
        let needed = FLUID_ML_PER_KG * WEIGHT_KG;
        let mut ordered = 0.0;
        let reached = self.orders.iter().find_map(|(minute, order)| {
            if let Intervention::Crystalloid { ml, .. } = order {
                ordered += ml;
            }
            (ordered >= needed - 0.5).then_some(*minute)
        });
        let trend = self.case.trend.points().iter();
        let sign = trend
            .filter(|p| f64::from(p.map) < MAP_TARGET || f64::from(p.lactate) >= LACTATE_FLUIDS)
            .map(|p| p.minute)
            .chain(self.map_low.iter().copied())
            .min();
        match sign {
            Some(onset) => {
                BundleItem::judged(Element::Fluids, reached, onset.saturating_add(HOUR_ONE))
            }
            None => BundleItem::not_needed(Element::Fluids, reached),
        }
    }

    /// Due within [`PRESSOR_WITHIN`] of the pressure falling below 65 once
    /// fluids began (or at all, without fluids); given before that, it held
    /// the pressure and counts as met.
    fn norepinephrine(&self) -> BundleItem {
        let pressor =
            self.first(|o| matches!(o, Intervention::Norepinephrine { dose } if *dose > 0.0));
        let fluids_from = self
            .first(|o| matches!(o, Intervention::Crystalloid { .. }))
            .unwrap_or(0);
        let trend = self.case.trend.points().iter();
        let low = trend
            .filter(|p| p.minute >= fluids_from && f64::from(p.map) < MAP_TARGET)
            .map(|p| p.minute)
            .chain(self.map_low.iter().copied().filter(|m| *m >= fluids_from))
            .min();
        match (low, pressor) {
            (Some(low), _) => BundleItem::judged(
                Element::Norepinephrine,
                pressor,
                low.saturating_add(PRESSOR_WITHIN),
            ),
            (None, Some(_)) => BundleItem {
                status: Status::Met,
                ..BundleItem::not_needed(Element::Norepinephrine, pressor)
            },
            (None, None) => BundleItem::not_needed(Element::Norepinephrine, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patient::Alarm;

    /// Her course over `minutes` with `orders` given at their minutes, and
    /// the bundle as it met them.
    fn assessed(orders: &[(u32, Intervention)], minutes: u32) -> Vec<BundleItem> {
        let mut case = Case::new();
        let mut given = Vec::new();
        let mut map_low = Vec::new();
        for minute in 0..=minutes {
            for (at, order) in orders.iter().filter(|(at, _)| *at == minute) {
                case.order(*order);
                given.push((*at, *order));
            }
            if minute < minutes {
                case.step();
            }
            let raised = case.alarms.take();
            map_low.extend(
                raised
                    .iter()
                    .filter(|r| r.alarm == Alarm::MapLow)
                    .map(|r| r.minute),
            );
        }
        let course = Course {
            case: &case,
            orders: &given,
            map_low: &map_low,
        };
        course.assess()
    }

    fn item(items: &[BundleItem], element: Element) -> BundleItem {
        *items.iter().find(|i| i.element == element).unwrap()
    }

    const POC_LACTATE: Intervention = Intervention::Lactate {
        point_of_care: true,
    };
    const ANTIBIOTICS: Intervention = Intervention::Antibiotics { adequate: true };
    const ALL_FLUIDS: Intervention = Intervention::Crystalloid {
        ml: 1950.0,
        over_min: 60,
    };

    fn summary(item: BundleItem) -> (Option<u32>, Option<u32>, Status) {
        (item.done_at, item.due_by, item.status)
    }

    #[test]
    fn lactate_is_measured_within_the_hour() {
        let at = |minute| {
            summary(item(
                &assessed(&[(minute, POC_LACTATE)], 100),
                Element::Lactate,
            ))
        };
        assert_eq!(at(10), (Some(10), Some(60), Status::Met));
        assert_eq!(at(90), (Some(90), Some(60), Status::Late));
        let none = item(&assessed(&[], 100), Element::Lactate);
        assert_eq!(summary(none), (None, Some(60), Status::Missed));
    }

    #[test]
    fn a_raised_lactate_is_measured_again_within_four_hours() {
        let again = |second: Option<u32>| {
            // Antibiotics keep her alive past 5 h (scenario B).
            let mut orders = vec![(10, POC_LACTATE), (10, ANTIBIOTICS)];
            orders.extend(second.map(|at| (at, POC_LACTATE)));
            summary(item(&assessed(&orders, 320), Element::LactateRepeat))
        };
        assert_eq!(again(Some(130)), (Some(130), Some(250), Status::Met));
        assert_eq!(again(Some(300)), (Some(300), Some(250), Status::Late));
        assert_eq!(again(None), (None, Some(250), Status::Missed));
        let never = item(&assessed(&[], 10), Element::LactateRepeat);
        assert_eq!(
            summary(never),
            (None, Some(300), Status::Missed),
            "her 4.1 on arrival called for it"
        );
    }

    #[test]
    fn a_normal_first_lactate_needs_no_second() {
        // The reference bundle (scenario D): her lactate is below 2 by 8 h.
        let orders = [
            (5, ALL_FLUIDS),
            (20, ANTIBIOTICS),
            (70, Intervention::Norepinephrine { dose: 0.1 }),
            (90, Intervention::Induction),
            (90, Intervention::Surgery { minutes: 90 }),
            (480, POC_LACTATE),
        ];
        let items = assessed(&orders, 500);
        let again = item(&items, Element::LactateRepeat);
        assert_eq!(again.status, Status::NotNeeded);
        assert_eq!(item(&items, Element::Lactate).status, Status::Late);
    }

    #[test]
    fn cultures_come_before_the_antibiotics() {
        let cultures = |orders: &[(u32, Intervention)]| {
            summary(item(&assessed(orders, 30), Element::Cultures))
        };
        let before = [(5, Intervention::BloodCultures), (10, ANTIBIOTICS)];
        assert_eq!(cultures(&before), (Some(5), Some(10), Status::Met));
        let after = [(5, ANTIBIOTICS), (10, Intervention::BloodCultures)];
        assert_eq!(cultures(&after), (Some(10), Some(5), Status::Late));
        assert_eq!(
            cultures(&[(5, ANTIBIOTICS)]),
            (None, Some(5), Status::Missed)
        );
    }

    #[test]
    fn broad_spectrum_antibiotics_come_within_the_hour() {
        let at = |orders: &[(u32, Intervention)]| {
            summary(item(&assessed(orders, 120), Element::Antibiotics))
        };
        assert_eq!(at(&[(20, ANTIBIOTICS)]), (Some(20), Some(60), Status::Met));
        assert_eq!(
            at(&[(100, ANTIBIOTICS)]),
            (Some(100), Some(60), Status::Late)
        );
        let narrow = [(20, Intervention::Antibiotics { adequate: false })];
        assert_eq!(
            at(&narrow),
            (None, Some(60), Status::Missed),
            "not broad-spectrum"
        );
    }

    #[test]
    fn thirty_millilitres_a_kilo_within_the_hour_of_a_lactate_of_four() {
        // Her lactate is 4.1 on arrival: the fluids are due by 60 minutes.
        let fluids =
            |orders: &[(u32, Intervention)]| summary(item(&assessed(orders, 120), Element::Fluids));
        assert_eq!(fluids(&[(5, ALL_FLUIDS)]), (Some(5), Some(60), Status::Met));
        let bolus = |ml| Intervention::Crystalloid { ml, over_min: 15 };
        let in_two = [(10, bolus(500.0)), (90, bolus(1450.0))];
        assert_eq!(fluids(&in_two), (Some(90), Some(60), Status::Late));
        assert_eq!(
            fluids(&[(10, bolus(1000.0))]),
            (None, Some(60), Status::Missed)
        );
    }

    #[test]
    fn norepinephrine_follows_a_pressure_below_65_after_fluids() {
        // After 30 mL/kg alone her pressure falls below 65 again near
        // 150 minutes (scenario C).
        let pressor = |at: Option<u32>| {
            let mut orders = vec![(5, ALL_FLUIDS)];
            orders.extend(at.map(|at| (at, Intervention::Norepinephrine { dose: 0.1 })));
            item(&assessed(&orders, 300), Element::Norepinephrine)
        };
        let missed = pressor(None);
        let due = missed.due_by.expect("called for");
        assert!((190..=250).contains(&due), "due {due}");
        assert_eq!(missed.status, Status::Missed);
        assert_eq!(
            summary(pressor(Some(due - 10))),
            (Some(due - 10), Some(due), Status::Met)
        );
        assert_eq!(
            summary(pressor(Some(due + 30))),
            (Some(due + 30), Some(due), Status::Late)
        );
        let early = pressor(Some(70));
        assert_eq!((early.done_at, early.status), (Some(70), Status::Met));
    }

    #[test]
    fn the_incision_comes_within_six_hours() {
        let cut = |orders: &[(u32, Intervention)]| {
            summary(item(&assessed(orders, 430), Element::Incision))
        };
        // Antibiotics alone keep her alive past 7 h (scenario B).
        let incision = |at| [(10, ANTIBIOTICS), (at, Intervention::Incision)];
        assert_eq!(cut(&incision(200)), (Some(200), Some(360), Status::Met));
        assert_eq!(cut(&incision(420)), (Some(420), Some(360), Status::Late));
        assert_eq!(cut(&[(10, ANTIBIOTICS)]), (None, Some(360), Status::Missed));
    }

    #[test]
    fn findings_are_named_by_element_and_status() {
        let items = assessed(&[(100, ANTIBIOTICS)], 120);
        let findings: Vec<String> = items.iter().filter_map(BundleItem::finding).collect();
        assert!(
            findings.contains(&"antibiotics_late".to_owned()),
            "{findings:?}"
        );
        assert!(findings.contains(&"incision_missed".to_owned()));
        let ids = finding_ids();
        assert_eq!(ids.len(), 7 * 3 + 3);
        assert!(findings.iter().all(|f| ids.contains(f)));
        assert!(ids.contains(&"debridement_limited".to_owned()));
    }
}
