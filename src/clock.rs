//! Simulated patient time: how many patient minutes pass per real second
//! while the player reads or decides. Scenes set the pace (`Pace(1.0)` in a
//! tense moment, `Pace(0)` to stop); story effects such as `Wait(30)` move
//! time on their own. The story session decides when the clock may run at
//! all (not during a phase, which runs its own minutes, nor while a
//! decision waits for a player who turned timers off).

use serde::{Deserialize, Serialize};

/// The fastest pace a scene may set, in simulated minutes per real second.
pub const MAX_PACE: f32 = 60.0;

/// The simulated clock of the patient.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredClock")]
pub struct SimClock {
    pace: f32,
    carry: f32,
}

/// A clock as a save holds it, any numbers at all.
#[derive(Deserialize)]
struct StoredClock {
    pace: f32,
    carry: f32,
}

/// A clock read from a save is brought into range: a damaged save's pace
/// of 10²⁶ would otherwise make one tick's minutes run without end.
impl From<StoredClock> for SimClock {
    fn from(stored: StoredClock) -> Self {
        let mut clock = SimClock::default();
        clock.set_pace(stored.pace);
        if (0.0..1.0).contains(&stored.carry) {
            clock.carry = stored.carry;
        }
        clock
    }
}

impl SimClock {
    /// Simulated minutes per real second; 0 when time only moves with the
    /// story.
    pub fn pace(&self) -> f32 {
        self.pace
    }

    /// Sets the pace, in simulated minutes per real second (clamped to
    /// 0..=[`MAX_PACE`]). A fraction of a minute already counted is kept.
    pub fn set_pace(&mut self, minutes_per_second: f32) {
        self.pace = if minutes_per_second.is_finite() {
            minutes_per_second.clamp(0.0, MAX_PACE)
        } else {
            0.0
        };
    }

    /// Counts `seconds` of real time and returns the whole simulated minutes
    /// now due.
    pub fn tick(&mut self, seconds: f32) -> u32 {
        if self.pace <= 0.0 || !seconds.is_finite() || seconds <= 0.0 {
            return 0;
        }
        self.carry += seconds * self.pace;
        let due = self.carry.floor();
        self.carry -= due;
        due as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_clock_lets_no_time_pass() {
        let mut clock = SimClock::default();
        assert_eq!(clock.tick(10.0), 0);
    }

    #[test]
    fn minutes_come_due_at_the_pace_and_fractions_carry_over() {
        let mut clock = SimClock::default();
        clock.set_pace(2.0);
        let due: u32 = (0..4).map(|_| clock.tick(0.25)).sum();
        assert_eq!(due, 2, "two minutes in one second at pace 2");
        clock.set_pace(0.5);
        assert_eq!(clock.tick(1.0), 0, "half a minute");
        assert_eq!(clock.tick(1.0), 1, "the halves add up");
    }

    #[test]
    fn a_clock_read_from_a_damaged_save_is_in_range() {
        // The save the fuzz test found, which hung at the next tick.
        let clock: SimClock =
            ron::from_str("(pace: 99999999999999999999999999, carry: 0.0)").unwrap();
        assert_eq!(clock.pace(), MAX_PACE);
        let mut clock: SimClock = ron::from_str("(pace: 1.0, carry: 1e30)").unwrap();
        assert_eq!(
            clock.tick(1.0),
            1,
            "no minutes carried over but this second's"
        );
        let clock: SimClock = ron::from_str("(pace: NaN, carry: -inf)").unwrap();
        assert_eq!(clock, SimClock::default());
    }

    #[test]
    fn the_pace_stays_in_its_range() {
        let mut clock = SimClock::default();
        clock.set_pace(1000.0);
        assert_eq!(clock.pace(), MAX_PACE);
        clock.set_pace(-3.0);
        assert_eq!(clock.pace(), 0.0);
        clock.set_pace(f32::NAN);
        assert_eq!(clock.pace(), 0.0);
    }
}
