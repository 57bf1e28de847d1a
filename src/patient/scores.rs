//! Clinical scores as the literature defines them: NEWS2 (Royal College of
//! Physicians 2017), qSOFA and septic shock (Sepsis-3, Singer 2016), and
//! LRINEC (Wong 2004).

use serde::{Deserialize, Serialize};

use super::physiology::{Mentation, Vitals};

/// The clinical response NEWS2 asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum News2Band {
    /// 0–4: ward-based response.
    Low,
    /// A single parameter scoring 3: urgent ward-based review.
    LowMedium,
    /// 5–6: urgent review, sepsis alert.
    Medium,
    /// 7 or more: emergency response.
    High,
}

/// A NEWS2 total with its band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct News2 {
    /// The total, 0–20.
    pub total: u32,
    /// The response band.
    pub band: News2Band,
}

/// NEWS2 from the vitals, with SpO2 on scale 1.
pub fn news2(v: &Vitals) -> News2 {
    let rr = match v.rr {
        r if r <= 8.0 => 3,
        r if r < 12.0 => 1,
        r if r < 21.0 => 0,
        r if r < 25.0 => 2,
        _ => 3,
    };
    let spo2 = match v.spo2 {
        s if s < 92.0 => 3,
        s if s < 94.0 => 2,
        s if s < 96.0 => 1,
        _ => 0,
    };
    let oxygen = if v.on_oxygen { 2 } else { 0 };
    let sbp = match v.sbp {
        s if s <= 90.0 => 3,
        s if s < 101.0 => 2,
        s if s < 111.0 => 1,
        s if s < 220.0 => 0,
        _ => 3,
    };
    let pulse = match v.hr {
        h if h <= 40.0 => 3,
        h if h < 51.0 => 1,
        h if h < 91.0 => 0,
        h if h < 111.0 => 1,
        h if h < 131.0 => 2,
        _ => 3,
    };
    let consciousness = if v.mentation == Mentation::Alert {
        0
    } else {
        3
    };
    let temp = match v.temp {
        t if t <= 35.0 => 3,
        t if t < 36.05 => 1,
        t if t < 38.05 => 0,
        t if t < 39.05 => 1,
        _ => 2,
    };
    let parts = [rr, spo2, oxygen, sbp, pulse, consciousness, temp];
    let total: u32 = parts.iter().sum();
    let band = match total {
        t if t >= 7 => News2Band::High,
        t if t >= 5 => News2Band::Medium,
        _ if parts.contains(&3) => News2Band::LowMedium,
        _ => News2Band::Low,
    };
    News2 { total, band }
}

/// qSOFA: one point each for RR ≥ 22, altered mentation, SBP ≤ 100.
pub fn qsofa(v: &Vitals) -> u32 {
    u32::from(v.rr >= 22.0) + u32::from(v.mentation != Mentation::Alert) + u32::from(v.sbp <= 100.0)
}

/// Septic shock by Sepsis-3: a vasopressor is needed to hold MAP ≥ 65 and
/// lactate is above 2 mmol/L, despite fluids.
pub fn septic_shock(on_vasopressor: bool, map: f64, lactate: f64) -> bool {
    (on_vasopressor || map < 65.0) && lactate > 2.0
}

/// The laboratory values LRINEC is computed from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Labs {
    /// C-reactive protein, mg/L.
    pub crp: f64,
    /// White cells, ×10³/µL.
    pub wbc: f64,
    /// Haemoglobin, g/dL.
    pub hb: f64,
    /// Sodium, mmol/L.
    pub sodium: f64,
    /// Creatinine, mg/dL.
    pub creatinine: f64,
    /// Glucose, mg/dL.
    pub glucose: f64,
}

impl Labs {
    /// Frau Bram's admission labs (a design choice giving LRINEC 8).
    pub const ADMISSION: Labs = Labs {
        crp: 280.0,
        wbc: 22.0,
        hb: 12.0,
        sodium: 131.0,
        creatinine: 1.4,
        glucose: 144.0,
    };
}

/// The LRINEC score, 0–13: ≤ 5 low, 6–7 intermediate, ≥ 8 high risk. A low
/// score does not rule a necrotising infection out.
pub fn lrinec(labs: &Labs) -> u32 {
    let crp = if labs.crp >= 150.0 { 4 } else { 0 };
    let wbc = match labs.wbc {
        w if w < 15.0 => 0,
        w if w <= 25.0 => 1,
        _ => 2,
    };
    let hb = match labs.hb {
        h if h > 13.5 => 0,
        h if h >= 11.0 => 1,
        _ => 2,
    };
    let sodium = if labs.sodium < 135.0 { 2 } else { 0 };
    let creatinine = if labs.creatinine > 1.6 { 2 } else { 0 };
    let glucose = if labs.glucose > 180.0 { 1 } else { 0 };
    crp + wbc + hb + sodium + creatinine + glucose
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vitals() -> Vitals {
        Vitals {
            map: 90.0,
            sbp: 120.0,
            dbp: 75.0,
            hr: 80.0,
            rr: 16.0,
            spo2: 97.0,
            temp: 37.0,
            lactate: 1.0,
            urine: 1.0,
            on_oxygen: false,
            mentation: Mentation::Alert,
        }
    }

    #[test]
    fn a_healthy_adult_scores_zero() {
        assert_eq!(
            news2(&vitals()),
            News2 {
                total: 0,
                band: News2Band::Low
            }
        );
        assert_eq!(qsofa(&vitals()), 0);
    }

    #[test]
    fn news2_follows_the_rcp_chart_at_its_edges() {
        let with = |f: fn(&mut Vitals)| {
            let mut v = vitals();
            f(&mut v);
            news2(&v).total
        };
        assert_eq!(with(|v| v.rr = 21.0), 2);
        assert_eq!(with(|v| v.rr = 25.0), 3);
        assert_eq!(with(|v| v.spo2 = 93.0), 2);
        assert_eq!(with(|v| v.on_oxygen = true), 2);
        assert_eq!(with(|v| v.sbp = 100.0), 2);
        assert_eq!(with(|v| v.sbp = 90.0), 3);
        assert_eq!(with(|v| v.hr = 131.0), 3);
        assert_eq!(with(|v| v.hr = 91.0), 1);
        assert_eq!(with(|v| v.temp = 39.1), 2);
        assert_eq!(with(|v| v.temp = 38.1), 1);
        assert_eq!(with(|v| v.mentation = Mentation::Confused), 3);
        let single_three = {
            let mut v = vitals();
            v.mentation = Mentation::Confused;
            news2(&v).band
        };
        assert_eq!(single_three, News2Band::LowMedium);
    }

    #[test]
    fn frau_bram_on_arrival_needs_an_emergency_response() {
        let v = crate::patient::Physiology::arrival().vitals();
        let score = news2(&v);
        assert!(score.total >= 7, "{score:?} from {v:?}");
        assert_eq!(score.band, News2Band::High);
        assert!(qsofa(&v) >= 2);
    }

    #[test]
    fn lrinec_of_the_admission_labs_is_eight() {
        assert_eq!(lrinec(&Labs::ADMISSION), 8);
        let normal = Labs {
            crp: 10.0,
            wbc: 8.0,
            hb: 14.0,
            sodium: 140.0,
            creatinine: 0.9,
            glucose: 100.0,
        };
        assert_eq!(lrinec(&normal), 0);
    }

    #[test]
    fn shock_needs_both_pressure_support_and_lactate() {
        assert!(septic_shock(true, 70.0, 3.0));
        assert!(!septic_shock(true, 70.0, 1.8));
        assert!(!septic_shock(false, 80.0, 4.0));
    }
}
