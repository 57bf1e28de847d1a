//! Monitor alarms: a threshold crossed between two readings raises one.

use serde::{Deserialize, Serialize};

use super::physiology::Vitals;

/// An alarm the bedside monitor raises. Scene files name them as
/// `"map_low"`, `"spo2_low"`, `"hr_high"`, `"rr_high"`, `"temp_high"` and
/// `"asystole"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Alarm {
    /// Mean arterial pressure below 65 mmHg, the Sepsis-3 target.
    MapLow,
    /// Oxygen saturation below 90 %.
    Spo2Low,
    /// Heart rate above 130 /min.
    HrHigh,
    /// Respiratory rate of 25 /min or more.
    RrHigh,
    /// Temperature of 39.1 °C or more.
    TempHigh,
    /// The heart has stopped.
    Asystole,
}

impl Alarm {
    /// Every alarm.
    pub const ALL: [Alarm; 6] = [
        Alarm::MapLow,
        Alarm::Spo2Low,
        Alarm::HrHigh,
        Alarm::RrHigh,
        Alarm::TempHigh,
        Alarm::Asystole,
    ];

    /// Whether the alarm calls for action at once (a red alarm) rather than
    /// soon (a yellow one), as IEC 60601-1-8 ranks them.
    pub fn urgent(self) -> bool {
        matches!(self, Alarm::MapLow | Alarm::Spo2Low | Alarm::Asystole)
    }

    /// Whether these vitals are in this alarm's range.
    pub fn active(self, v: &Vitals, alive: bool) -> bool {
        match self {
            Alarm::MapLow => v.map < 65.0,
            Alarm::Spo2Low => v.spo2 < 90.0,
            Alarm::HrHigh => v.hr > 130.0,
            Alarm::RrHigh => v.rr >= 25.0,
            Alarm::TempHigh => v.temp >= 39.1,
            Alarm::Asystole => !alive,
        }
    }
}

/// Whether `alarm` became active between two readings (vitals, alive): it
/// fires once when its threshold is crossed, not again while it stays
/// crossed.
pub fn crossed(alarm: Alarm, before: (&Vitals, bool), after: (&Vitals, bool)) -> bool {
    !alarm.active(before.0, before.1) && alarm.active(after.0, after.1)
}

/// An alarm and the simulated minute it was raised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaisedAlarm {
    /// Minutes since arrival.
    pub minute: u32,
    /// Which alarm.
    pub alarm: Alarm,
}

/// Alarms raised and not yet announced to the rest of the game.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaisedAlarms(Vec<RaisedAlarm>);

impl RaisedAlarms {
    /// Notes an alarm.
    pub fn raise(&mut self, minute: u32, alarm: Alarm) {
        self.0.push(RaisedAlarm { minute, alarm });
    }

    /// Whether none is waiting.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The alarms raised since the last call, oldest first.
    pub fn take(&mut self) -> Vec<RaisedAlarm> {
        std::mem::take(&mut self.0)
    }
}

/// The alarms active for these vitals, urgent ones first.
pub fn active(v: &Vitals, alive: bool) -> Vec<Alarm> {
    let mut on: Vec<Alarm> = Alarm::ALL
        .into_iter()
        .filter(|a| a.active(v, alive))
        .collect();
    on.sort_by_key(|a| !a.urgent());
    on
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patient::Physiology;

    #[test]
    fn an_untreated_fall_in_pressure_raises_the_map_alarm_once() {
        let mut body = Physiology::arrival();
        let mut raised = Vec::new();
        for _ in 0..120 {
            let before = (body.vitals(), body.alive);
            body.step();
            let after = (body.vitals(), body.alive);
            raised.extend(
                Alarm::ALL
                    .into_iter()
                    .filter(|a| crossed(*a, (&before.0, before.1), (&after.0, after.1))),
            );
        }
        assert_eq!(
            raised.iter().filter(|a| **a == Alarm::MapLow).count(),
            1,
            "{raised:?}"
        );
        assert!(raised.contains(&Alarm::HrHigh), "{raised:?}");
    }

    #[test]
    fn no_alarm_without_a_crossing() {
        let v = Physiology::arrival().vitals();
        for alarm in Alarm::ALL {
            assert!(!crossed(alarm, (&v, true), (&v, true)), "{alarm:?}");
            let stopped = crossed(alarm, (&v, true), (&v, false));
            assert_eq!(stopped, alarm == Alarm::Asystole, "{alarm:?}");
        }
    }
}
