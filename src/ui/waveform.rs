//! The monitor's moving traces: an ECG-like and a pleth wave sampled at a
//! fixed rate, their speed following the heart rate, drawn as a sweep that
//! overwrites the oldest samples as real monitors do.

/// Samples per second of a trace.
pub const SAMPLE_RATE: f32 = 250.0;
/// Seconds a trace spans across the screen.
pub const SWEEP_SECONDS: f32 = 4.0;
/// Samples across the screen.
const SAMPLES: usize = (SAMPLE_RATE * SWEEP_SECONDS) as usize;

/// A bell curve around `centre` with width `width`, 1 at its peak.
fn bump(x: f32, centre: f32, width: f32) -> f32 {
    let d = (x - centre) / width;
    (-0.5 * d * d).exp()
}

/// Where the R peak lies in a beat, in seconds from its start.
const R_PEAK: f32 = 0.2;

/// An ECG lead II `t` seconds into a beat of `period` seconds: P wave, QRS
/// complex and T wave with their real durations (the QRS about 80 ms, the
/// QT interval shortening as the rate rises); the R peak is 1.
pub fn ecg(t: f32, period: f32) -> f32 {
    let t_wave = R_PEAK + 0.2 * period.sqrt().min(1.2);
    0.12 * bump(t, R_PEAK - 0.12, 0.02) - 0.12 * bump(t, R_PEAK - 0.025, 0.008)
        + bump(t, R_PEAK, 0.010)
        - 0.22 * bump(t, R_PEAK + 0.025, 0.009)
        + 0.28 * bump(t, t_wave, 0.04)
}

/// A pleth (finger pulse oximeter) wave `t` seconds into a beat of `period`
/// seconds: a steep upstroke after the R wave, a dicrotic notch, a slow
/// fall; the peak is about 1.
pub fn pleth(t: f32, period: f32) -> f32 {
    let phase = t / period;
    bump(phase, 0.48, 0.07) + 0.32 * bump(phase, 0.70, 0.07)
}

/// A sweeping trace: the newest sample is written at the cursor, which
/// moves right and wraps around.
#[derive(Clone, Debug)]
pub struct Trace {
    samples: Vec<f32>,
    cursor: usize,
    phase: f32,
    carry: f32,
}

impl Default for Trace {
    fn default() -> Self {
        Self {
            samples: vec![0.0; SAMPLES],
            cursor: 0,
            phase: 0.0,
            carry: 0.0,
        }
    }
}

impl Trace {
    /// Writes the samples for `seconds` of a wave of `shape` (seconds into
    /// the beat, seconds per beat) beating `per_minute` times a minute,
    /// scaled by `amplitude`. A rate of 0 is a flat line.
    pub fn advance(
        &mut self,
        seconds: f32,
        per_minute: f32,
        amplitude: f32,
        shape: fn(f32, f32) -> f32,
    ) {
        if !(seconds.is_finite() && seconds > 0.0) {
            return;
        }
        // A long stall (the window hidden) redraws at most one sweep.
        self.carry += seconds.min(SWEEP_SECONDS) * SAMPLE_RATE;
        let beats_per_sample = (per_minute.max(0.0) / 60.0) / SAMPLE_RATE;
        let period = 60.0 / per_minute.max(1.0);
        while self.carry >= 1.0 {
            self.carry -= 1.0;
            self.phase = (self.phase + beats_per_sample).fract();
            self.samples[self.cursor] = if per_minute > 0.0 {
                amplitude * shape(self.phase * period, period)
            } else {
                0.0
            };
            self.cursor = (self.cursor + 1) % SAMPLES;
        }
    }

    /// The samples from left to right, with the index the next one is
    /// written at.
    pub fn samples(&self) -> (&[f32], usize) {
        (&self.samples, self.cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the R peaks (rising through 0.5) in a full sweep.
    fn peaks(trace: &Trace) -> usize {
        let (samples, cursor) = trace.samples();
        let ordered: Vec<f32> = samples[cursor..]
            .iter()
            .chain(&samples[..cursor])
            .copied()
            .collect();
        ordered
            .windows(2)
            .filter(|w| w[0] < 0.5 && w[1] >= 0.5)
            .count()
    }

    #[test]
    fn the_ecg_beats_at_the_heart_rate() {
        for (rate, expected) in [(40.0, 3), (60.0, 4), (120.0, 8), (150.0, 10), (180.0, 12)] {
            let mut trace = Trace::default();
            // Frames of about 1/60 s, for one sweep of four seconds.
            for _ in 0..240 {
                trace.advance(1.0 / 60.0, rate, 1.0, ecg);
            }
            let found = peaks(&trace);
            assert!(
                found.abs_diff(expected) <= 1,
                "{rate}/min: {found} beats in 4 s"
            );
        }
    }

    #[test]
    fn no_heart_rate_is_a_flat_line() {
        let mut trace = Trace::default();
        trace.advance(2.0, 80.0, 1.0, ecg);
        trace.advance(SWEEP_SECONDS, 0.0, 1.0, ecg);
        assert!(trace.samples().0.iter().all(|s| *s == 0.0));
    }

    #[test]
    fn the_shapes_peak_where_they_should() {
        assert!((ecg(R_PEAK, 0.5) - 1.0).abs() < 0.05);
        assert!(ecg(0.0, 0.5).abs() < 0.01, "the baseline is flat");
        assert!(
            ecg(0.6, 1.0).abs() < 0.01,
            "and flat again after the T wave"
        );
        assert!(pleth(0.48, 1.0) > 0.95 && pleth(0.1, 1.0) < 0.05);
    }
}
