//! Frau Bram's body: a deterministic model of sepsis from a necrotising
//! soft-tissue infection, stepped one simulated minute at a time.
//!
//! It follows the reference model in the clinical design notes: a necrotic
//! source feeds a systemic bacterial burden, which drives inflammation and
//! vasoplegia; fluids, norepinephrine, antibiotics and debridement act where
//! they act in a real patient. Every coefficient marked there as a design
//! choice is a constant here, and `tests/` checks the trajectories it must
//! reproduce.

use serde::{Deserialize, Serialize};

use super::variation::Variation;

/// The patient's weight in kilograms (fluid doses are per kilogram).
pub const WEIGHT_KG: f64 = 65.0;

/// A medical order.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Intervention {
    /// Blood cultures are drawn (no effect on the body; their yield falls
    /// when drawn after antibiotics).
    BloodCultures,
    /// Lactate is measured: a point-of-care result in about 5 minutes, or a
    /// lab result in 30–60.
    Lactate {
        /// Point of care rather than the lab.
        point_of_care: bool,
    },
    /// A crystalloid infusion.
    Crystalloid {
        /// Volume in millilitres.
        ml: f64,
        /// Over how many minutes.
        over_min: u32,
    },
    /// Antibiotics are started.
    Antibiotics {
        /// Broad-spectrum and covering the likely organisms.
        adequate: bool,
    },
    /// Norepinephrine at this dose in µg/kg/min (0 stops it).
    Norepinephrine {
        /// The dose.
        dose: f64,
    },
    /// Vasopressin at 0.03 U/min, added to norepinephrine in shock that
    /// needs 0.25 µg/kg/min or more (SSC 2021), or stopped.
    Vasopressin {
        /// On or off.
        on: bool,
    },
    /// Hydrocortisone 200 mg a day, for shock that needs norepinephrine of
    /// 0.25 µg/kg/min or more for hours (SSC 2021): the vascular tone
    /// recovers a little faster while it runs.
    Hydrocortisone,
    /// Supplemental oxygen on or off.
    Oxygen {
        /// On or off.
        on: bool,
    },
    /// Paracetamol: lowers the temperature set-point by 1 °C for 4 hours.
    Paracetamol,
    /// Induction of anaesthesia.
    Induction,
    /// An operation of this length, start to end in one order; a radical
    /// debridement takes effect at its end.
    Surgery {
        /// Its length in minutes.
        minutes: u32,
    },
    /// The first cut of an operation (the patient is anaesthetised).
    Incision,
    /// Anaesthesia or sedation ends and the breathing tube comes out: she
    /// is awake again, as far as her circulation lets her be.
    Extubation,
    /// The necrotic tissue is cut away now, as far as `extent` says.
    Debridement {
        /// How much is taken.
        extent: Extent,
    },
    /// Bleeding of `ml` millilitres spread over `over_min` minutes.
    BloodLoss {
        /// Volume in millilitres.
        ml: f64,
        /// Over how many minutes.
        over_min: u32,
    },
}

/// How much a debridement takes. The shares are **[design]**: the reference
/// model's operation removes 90 % of the source and 40 % of the burden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Extent {
    /// Only what is clearly dead; doubtful tissue stays for a planned second
    /// look: 65 % of the source, 25 % of the burden.
    Limited,
    /// All necrotic fascia and tissue, to bleeding healthy tissue: 90 % of
    /// the source, 40 % of the burden.
    Radical,
    /// The limb: 98 % of the source, 45 % of the burden.
    Amputation,
}

impl Extent {
    /// The shares of the source and of the burden that remain afterwards.
    fn remaining(self) -> (f64, f64) {
        match self {
            Extent::Limited => (0.35, 0.75),
            Extent::Radical => (0.1, 0.6),
            Extent::Amputation => (0.02, 0.55),
        }
    }
}

/// How awake the patient is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mentation {
    /// Alert and oriented.
    Alert,
    /// New confusion.
    Confused,
    /// Under general anaesthesia.
    Anaesthetised,
    /// Dead.
    Dead,
}

/// What a monitor and a bedside look show.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vitals {
    /// Mean arterial pressure, mmHg.
    pub map: f64,
    /// Systolic pressure, mmHg.
    pub sbp: f64,
    /// Diastolic pressure, mmHg.
    pub dbp: f64,
    /// Heart rate, /min.
    pub hr: f64,
    /// Respiratory rate, /min.
    pub rr: f64,
    /// Oxygen saturation, %.
    pub spo2: f64,
    /// Core temperature, °C.
    pub temp: f64,
    /// Blood lactate, mmol/L (the true value; what is known comes from labs).
    pub lactate: f64,
    /// Urine output, mL/kg/h.
    pub urine: f64,
    /// Whether supplemental oxygen is on.
    pub on_oxygen: bool,
    /// How awake.
    pub mentation: Mentation,
}

/// An infusion (or a bleed) running now.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
struct Infusion {
    /// Litres per minute.
    rate: f64,
    /// Minutes left.
    minutes_left: u32,
}

impl Infusion {
    /// `ml` millilitres (up to 5 L) spread evenly over `over_min` minutes
    /// (1 to a day); none for nothing.
    fn spread(ml: f64, over_min: u32) -> Option<Infusion> {
        let litres = clean(ml, 0.0, 5000.0) / 1000.0;
        let minutes = over_min.clamp(1, 24 * 60);
        (litres > 0.0).then(|| Infusion {
            rate: litres / f64::from(minutes),
            minutes_left: minutes,
        })
    }
}

/// The whole state of the body, plus the orders running on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Physiology {
    /// Minutes since arrival. They stop counting at `u32::MAX` rather than
    /// overflow: a damaged save may hold any number.
    pub minute: u32,
    /// Necrotic source, 0–1.
    pub source: f64,
    /// Systemic bacterial and toxin burden, 0–1.5.
    pub burden: f64,
    /// Inflammation and vasoplegia, 0–1.
    pub inflammation: f64,
    /// Effective intravascular volume against normal, litres.
    pub volume: f64,
    /// Norepinephrine effect, µg/kg/min.
    pub norepinephrine: f64,
    /// Vasopressin effect, 0–1 (1 at the full 0.03 U/min).
    #[serde(default)]
    pub vasopressin: f64,
    /// Antibiotic activity, 0–1.
    pub antibiotics: f64,
    /// Lactate, mmol/L.
    pub lactate: f64,
    /// Core temperature, °C.
    pub temp: f64,
    /// Crystalloid given so far, litres.
    pub fluids: f64,
    /// What is left of the induction's drop in vascular tone, 0–1.
    pub induction: f64,
    /// Organ injury, 0–1; death at 1.
    pub injury: f64,
    /// Alive or not; after death the state freezes.
    pub alive: bool,
    /// How she differs from the reference patient (the reference in saves
    /// from before patients varied).
    #[serde(default)]
    variation: Variation,
    vitals: Vitals,
    orders: Orders,
}

/// The treatment running on the patient.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Orders {
    antibiotic_quality: f64,
    infusions: Vec<Infusion>,
    bleeding: Vec<Infusion>,
    norepinephrine_dose: f64,
    #[serde(default)]
    vasopressin: bool,
    #[serde(default)]
    hydrocortisone: bool,
    oxygen: bool,
    antipyretic_until: Option<u32>,
    anaesthetised: bool,
    surgery_ends: Option<u32>,
}

impl Default for Physiology {
    fn default() -> Self {
        Self::arrival()
    }
}

impl Physiology {
    /// Frau Bram as she arrives in the emergency department: the reference
    /// patient of the clinical notes.
    pub fn arrival() -> Self {
        Self::arrival_of(Variation::REFERENCE)
    }

    /// Frau Bram as she arrives, differing from the reference as
    /// `variation` says; her arrival vitals are the reference's.
    pub fn arrival_of(variation: Variation) -> Self {
        let mut body = Self {
            minute: 0,
            source: 0.50,
            burden: 0.65,
            inflammation: 0.50,
            volume: -0.80,
            norepinephrine: 0.0,
            vasopressin: 0.0,
            antibiotics: 0.0,
            lactate: 4.1,
            temp: 39.0,
            fluids: 0.0,
            induction: 0.0,
            injury: 0.0,
            alive: true,
            variation,
            vitals: Vitals {
                map: 0.0,
                sbp: 0.0,
                dbp: 0.0,
                hr: 0.0,
                rr: 0.0,
                spo2: 0.0,
                temp: 0.0,
                lactate: 0.0,
                urine: 0.0,
                on_oxygen: false,
                mentation: Mentation::Alert,
            },
            orders: Orders::default(),
        };
        body.vitals = body.derive();
        body
    }

    /// How she differs from the reference patient.
    pub fn variation(&self) -> &Variation {
        &self.variation
    }

    /// The vitals as of the last step.
    pub fn vitals(&self) -> Vitals {
        self.vitals
    }

    /// Whether an operation is under way.
    pub fn in_surgery(&self) -> bool {
        self.orders.surgery_ends.is_some()
    }

    /// Carries out an order now. Returns false when it cannot be done (an
    /// operation while one is under way, anything after death).
    pub fn order(&mut self, intervention: Intervention) -> bool {
        if !self.alive {
            return false;
        }
        let orders = &mut self.orders;
        match intervention {
            Intervention::BloodCultures | Intervention::Lactate { .. } => {}
            Intervention::Crystalloid { ml, over_min } => {
                orders.infusions.extend(Infusion::spread(ml, over_min));
            }
            Intervention::Antibiotics { adequate } => {
                let quality = if adequate { 1.0 } else { 0.4 };
                orders.antibiotic_quality = orders.antibiotic_quality.max(quality);
            }
            Intervention::Norepinephrine { dose } => {
                orders.norepinephrine_dose = clean(dose, 0.0, 1.0);
            }
            Intervention::Vasopressin { on } => orders.vasopressin = on,
            Intervention::Hydrocortisone => orders.hydrocortisone = true,
            Intervention::Oxygen { on } => orders.oxygen = on,
            Intervention::Paracetamol => {
                orders.antipyretic_until = Some(self.minute.saturating_add(240))
            }
            Intervention::Induction => {
                self.induction = 1.0;
                orders.anaesthetised = true;
            }
            Intervention::Surgery { minutes } => {
                if orders.surgery_ends.is_some() {
                    return false;
                }
                orders.anaesthetised = true;
                orders.surgery_ends = Some(self.minute.saturating_add(minutes.clamp(1, 24 * 60)));
            }
            Intervention::Incision => orders.anaesthetised = true,
            Intervention::Extubation => orders.anaesthetised = false,
            Intervention::Debridement { extent } => {
                orders.anaesthetised = true;
                let (source, burden) = extent.remaining();
                self.source *= source;
                self.burden *= burden;
            }
            Intervention::BloodLoss { ml, over_min } => {
                orders.bleeding.extend(Infusion::spread(ml, over_min));
            }
        }
        true
    }

    /// One simulated minute.
    pub fn step(&mut self) {
        if !self.alive {
            self.minute = self.minute.saturating_add(1);
            return;
        }
        let orders = &mut self.orders;
        let her = self.variation;
        // Antibiotics build up activity over about a quarter of an hour.
        let a = &mut self.antibiotics;
        *a += (orders.antibiotic_quality - *a) / 15.0;
        let a = *a;
        let (s, b) = (self.source, self.burden);
        let spread = 0.004 * her.source_growth * s * (1.0 - s) * (1.0 - 0.5 * a);
        self.source = (s + spread).clamp(0.0, 1.0);
        let growth = her.burden_growth * (0.004 * b * (1.0 - b / 1.5));
        let seeding = her.burden_growth * (0.014 * s);
        self.burden = (b + growth + seeding - 0.012 * a * b - 0.0015 * b).clamp(0.0, 1.5);
        let b = self.burden;
        let target = b * b / (b * b + 0.55 * 0.55);
        // Hydrocortisone shortens the time to shock reversal (Annane 2018,
        // Venkatesh 2018: about a day sooner) **[design]**: the vasoplegia
        // recedes a quarter faster while it runs.
        let lag = match (target > self.inflammation, orders.hydrocortisone) {
            (true, _) => 90.0 / her.inflammatory_response,
            (false, false) => 200.0,
            (false, true) => 150.0,
        };
        self.inflammation =
            (self.inflammation + (target - self.inflammation) / lag).clamp(0.0, 1.0);
        let i = self.inflammation;

        let rate: f64 = orders.infusions.iter().map(|f| f.rate).sum();
        // Saturating: a damaged save may hold one with no minutes left.
        for infusion in &mut orders.infusions {
            infusion.minutes_left = infusion.minutes_left.saturating_sub(1);
        }
        orders.infusions.retain(|f| f.minutes_left > 0);
        let loss: f64 = orders.bleeding.iter().map(|f| f.rate).sum();
        for bleed in &mut orders.bleeding {
            bleed.minutes_left = bleed.minutes_left.saturating_sub(1);
        }
        orders.bleeding.retain(|f| f.minutes_left > 0);
        let redistribution = 40.0 * her.fluid_response;
        self.volume += rate * her.fluid_response
            - loss
            - (self.volume - (-1.6 * i + 0.25 * self.fluids)) / redistribution;
        self.fluids += rate;
        self.norepinephrine += (orders.norepinephrine_dose - self.norepinephrine) / 5.0;
        let vasopressin = if orders.vasopressin { 1.0 } else { 0.0 };
        self.vasopressin += (vasopressin - self.vasopressin) / 10.0;
        self.induction *= (-1.0f64 / 20.0).exp();

        let vitals = self.derive();
        let map = vitals.map;
        let hypo = ((70.0 - map) / 20.0).max(0.0);
        let clearance = ((map - 40.0) / 30.0).clamp(0.25, 1.0);
        let k = std::f64::consts::LN_2 / 45.0;
        self.lactate += k * (1.0 + 3.0 * i + 6.0 * hypo.powf(1.5)) - k * clearance * self.lactate;
        let minute = self.minute;
        let antipyretic = self
            .orders
            .antipyretic_until
            .is_some_and(|end| minute < end);
        let set_point = (37.0 + 4.0 * i).min(40.5)
            - if antipyretic { 1.0 } else { 0.0 }
            - if map < 50.0 { 2.0 } else { 0.0 };
        self.temp += (set_point - self.temp) / 60.0;
        // Severe vasoplegia that lasts injures the organs even while
        // vasopressors hold the pressure: refractory septic shock with the
        // source left in place ends in multi-organ failure **[design]**.
        self.injury += 0.00025 * (65.0 - map).max(0.0)
            + 0.00015 * (self.lactate - 4.0).max(0.0)
            + 0.02 * (i - 0.7).max(0.0);

        self.minute = self.minute.saturating_add(1);
        let orders = &mut self.orders;
        if orders.surgery_ends.is_some_and(|end| self.minute >= end) {
            // Debridement: most of the necrotic source and part of the
            // burden are removed, at the price of some blood.
            orders.surgery_ends = None;
            orders.anaesthetised = false;
            let (source, burden) = Extent::Radical.remaining();
            self.source *= source;
            self.burden *= burden;
            self.volume -= 0.4;
        }
        self.vitals = self.derive();
        if self.injury >= 1.0 || self.vitals.map < 35.0 {
            self.alive = false;
            self.vitals.mentation = Mentation::Dead;
        }
    }

    /// The vitals that follow from the state.
    fn derive(&self) -> Vitals {
        let i = self.inflammation;
        let n = self.norepinephrine;
        // Induction drops the tone more the emptier the vessels: up to
        // three times as much in a patient 1 L short **[design]**.
        let empty = 1.0 + 2.0 * (-self.volume).clamp(0.0, 1.0);
        // Vasopressin at 0.03 U/min acts like about another 0.1 µg/kg/min of
        // norepinephrine on top of what runs (VASST: it spares roughly that
        // much) **[design]**; on receptors of its own, whatever her
        // sensitivity to norepinephrine.
        let n = self.variation.pressor_sensitivity * n + 0.1 * self.vasopressin;
        let svr = 1.0 - 0.40 * i + 0.45 * n / (n + 0.2) - 0.15 * self.induction * empty;
        let co = (1.0 + 0.2 * self.volume.clamp(-2.0, 0.3)) * (1.0 + 0.2 * i);
        let map = 90.0 * svr.max(0.2) * co.max(0.2);
        let pulse_pressure = 40.0 + 10.0 * i;
        let hr =
            (72.0 + 40.0 * i + (80.0 - map).max(0.0) + 8.0 * (self.temp - 37.0)).clamp(30.0, 165.0);
        let rr = (14.0 + 8.0 * i + 2.0 * (self.lactate - 1.5).max(0.0)).min(40.0);
        let oxygen = if self.orders.oxygen { 3.0 } else { 0.0 };
        let spo2 =
            (98.0 - 6.0 * i - 2.0 * i * (self.fluids - 4.0).max(0.0) + oxygen).clamp(50.0, 100.0);
        let urine = ((map - 50.0) / 20.0).clamp(0.0, 1.0) * (1.0 - 0.5 * i);
        let mentation = if self.orders.anaesthetised {
            Mentation::Anaesthetised
        } else if map < 60.0 || self.lactate >= 5.0 || i >= 0.7 {
            Mentation::Confused
        } else {
            Mentation::Alert
        };
        Vitals {
            map,
            sbp: map + 2.0 * pulse_pressure / 3.0,
            // Near death the pulse pressure collapses with the mean.
            dbp: (map - pulse_pressure / 3.0).max(map * 0.5),
            hr,
            rr,
            spo2,
            temp: self.temp,
            lactate: self.lactate,
            urine,
            on_oxygen: self.orders.oxygen,
            mentation,
        }
    }
}

/// A finite number within bounds (NaN becomes the lower bound).
fn clean(value: f64, low: f64, high: f64) -> f64 {
    if value.is_nan() {
        low
    } else {
        value.clamp(low, high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Frau Bram in shock on norepinephrine at 0.3, `minutes` after arrival,
    /// with `extra` ordered too.
    fn on_norepinephrine(extra: &[Intervention], minutes: u32) -> Physiology {
        let mut body = Physiology::arrival();
        body.order(Intervention::Norepinephrine { dose: 0.3 });
        for order in extra {
            body.order(*order);
        }
        for _ in 0..minutes {
            body.step();
        }
        body
    }

    /// The save the fuzz test found: her minute at `u32::MAX`, where the
    /// next step overflowed.
    #[test]
    fn a_patient_at_the_last_minute_goes_on_without_overflow() {
        let mut body = Physiology::arrival();
        body.minute = u32::MAX;
        body.order(Intervention::Paracetamol);
        body.order(Intervention::Surgery { minutes: 60 });
        body.step();
        assert_eq!(body.minute, u32::MAX);
        body.alive = false;
        body.step();
        assert_eq!(body.minute, u32::MAX);
    }

    #[test]
    fn an_infusion_with_no_minutes_left_ends_without_overflow() {
        // As a damaged save can hold one (fuzz input save:24432).
        let mut body = Physiology::arrival();
        body.orders.infusions.push(Infusion {
            rate: 0.01,
            minutes_left: 0,
        });
        body.step();
        assert!(body.orders.infusions.is_empty());
    }

    #[test]
    fn vasopressin_raises_the_pressure_that_norepinephrine_alone_holds() {
        let alone = on_norepinephrine(&[], 30).vitals().map;
        let both = on_norepinephrine(&[Intervention::Vasopressin { on: true }], 30)
            .vitals()
            .map;
        assert!(both > alone + 2.0, "{alone} then {both}");
        let mut stopped = on_norepinephrine(&[Intervention::Vasopressin { on: true }], 30);
        stopped.order(Intervention::Vasopressin { on: false });
        for _ in 0..60 {
            stopped.step();
        }
        assert!(stopped.vasopressin < 0.01, "{}", stopped.vasopressin);
    }

    #[test]
    fn hydrocortisone_lets_the_vasoplegia_recede_sooner_once_the_source_is_out() {
        let recovering = |extra: &[Intervention]| {
            let mut body = on_norepinephrine(extra, 60);
            body.order(Intervention::Antibiotics { adequate: true });
            body.order(Intervention::Debridement {
                extent: Extent::Radical,
            });
            for _ in 0..360 {
                body.step();
            }
            body.inflammation
        };
        let without = recovering(&[]);
        let with = recovering(&[Intervention::Hydrocortisone]);
        assert!(with < without - 0.01, "{without} then {with}");
    }
}
