//! Her vitals over the whole case, one point every few simulated minutes,
//! for the chart of the case review. Small on purpose: it travels in every
//! snapshot and save.

use serde::{Deserialize, Serialize};

use super::physiology::Vitals;

/// Simulated minutes between two points of the trend.
pub const TREND_INTERVAL: u32 = 5;

/// Her vitals at one minute, rounded to what a chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// Minutes since arrival.
    pub minute: u32,
    /// Mean arterial pressure, mmHg.
    pub map: f32,
    /// Heart rate, /min.
    pub hr: f32,
    /// Oxygen saturation, %.
    pub spo2: f32,
    /// Core temperature, °C.
    pub temp: f32,
    /// Blood lactate, mmol/L: the body's own value, measured or not (the
    /// measurements are the lab results, with the minute they were drawn).
    pub lactate: f32,
    /// Urine output, mL/kg/h.
    pub urine: f32,
}

impl TrendPoint {
    /// The point for `vitals` at `minute`.
    fn of(minute: u32, vitals: &Vitals) -> TrendPoint {
        /// To `digits` decimals, so that a save holds `64.8`, not `64.83459`.
        fn round(value: f64, digits: i32) -> f32 {
            let scale = 10f64.powi(digits);
            ((value * scale).round() / scale) as f32
        }
        TrendPoint {
            minute,
            map: round(vitals.map, 1),
            hr: round(vitals.hr, 1),
            spo2: round(vitals.spo2, 1),
            temp: round(vitals.temp, 1),
            lactate: round(vitals.lactate, 2),
            urine: round(vitals.urine, 2),
        }
    }
}

/// The trend of a case: a point at arrival, then one every
/// [`TREND_INTERVAL`] minutes while she lives, and one at the minute she
/// died.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Trend(Vec<TrendPoint>);

impl Trend {
    /// Notes the vitals at `minute` if a point is due then: on the interval,
    /// or at `death`, the minute she died. Each minute is noted once.
    pub fn note(&mut self, minute: u32, vitals: &Vitals, death: bool) {
        let due = minute.is_multiple_of(TREND_INTERVAL) || death;
        if due && self.0.last().is_none_or(|last| last.minute < minute) {
            self.0.push(TrendPoint::of(minute, vitals));
        }
    }

    /// Every point, oldest first.
    pub fn points(&self) -> &[TrendPoint] {
        &self.0
    }

    /// The last point at or before `minute`, if any.
    pub fn at(&self, minute: u32) -> Option<&TrendPoint> {
        let after = self.0.partition_point(|p| p.minute <= minute);
        after.checked_sub(1).map(|i| &self.0[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patient::Physiology;

    #[test]
    fn points_come_on_the_interval_and_at_death_rounded() {
        let vitals = Physiology::arrival().vitals();
        let mut trend = Trend::default();
        for minute in 0..=12 {
            trend.note(minute, &vitals, false);
        }
        trend.note(12, &vitals, false);
        trend.note(13, &vitals, true);
        let minutes: Vec<u32> = trend.points().iter().map(|p| p.minute).collect();
        assert_eq!(minutes, [0, 5, 10, 13]);
        let first = trend.points()[0];
        assert_eq!(first.lactate, 4.1);
        assert_eq!(f64::from(first.map), (vitals.map * 10.0).round() / 10.0);
        assert_eq!(trend.at(9).map(|p| p.minute), Some(5));
        assert_eq!(trend.at(100).map(|p| p.minute), Some(13));
    }

    #[test]
    fn a_point_reads_back_from_ron_as_written() {
        let mut trend = Trend::default();
        trend.note(0, &Physiology::arrival().vitals(), false);
        let text = ron::to_string(&trend).unwrap();
        assert!(text.len() < 80, "{text}");
        assert_eq!(ron::from_str::<Trend>(&text).unwrap(), trend);
    }
}
