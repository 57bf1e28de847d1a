//! The game's sounds, synthesised: the pulse oximeter's beep (its pitch
//! falls with the saturation, as real monitors do), alarm melodies by
//! priority after IEC 60601-1-8 (high: two bursts of five pulses; medium:
//! three pulses), and a quiet room tone.

/// Samples per second of every sound.
pub const SAMPLE_RATE: u32 = 44_100;

/// The beep's pitch at 100 % saturation, in hertz.
const BEEP_AT_100: f32 = 880.0;
/// The lowest saturation the beep's pitch follows.
pub const LOWEST_PITCHED_SPO2: u32 = 75;

/// The beep's pitch for a saturation: one semitone lower per percent below
/// 100, down to [`LOWEST_PITCHED_SPO2`].
pub fn beep_pitch(spo2: f64) -> f32 {
    let below = (100.0 - spo2).clamp(0.0, f64::from(100 - LOWEST_PITCHED_SPO2)) as f32;
    BEEP_AT_100 * 2f32.powf(-below / 12.0)
}

/// A tone of `freq` hertz for `seconds`, with soft edges and a touch of its
/// octave, at peak `gain`.
pub fn tone(freq: f32, seconds: f32, gain: f32) -> Vec<f32> {
    let n = (seconds * SAMPLE_RATE as f32) as usize;
    let edge = (0.006 * SAMPLE_RATE as f32) as usize;
    (0..n)
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let phase = std::f32::consts::TAU * freq * t;
            let envelope = (i.min(n - 1 - i) as f32 / edge as f32).min(1.0);
            gain * envelope * (0.8 * phase.sin() + 0.2 * (2.0 * phase).sin())
        })
        .collect()
}

/// Silence for `seconds`.
fn rest(seconds: f32) -> Vec<f32> {
    vec![0.0; (seconds * SAMPLE_RATE as f32) as usize]
}

/// The monitor's beep at this saturation.
pub fn beep(spo2: f64) -> Vec<f32> {
    tone(beep_pitch(spo2), 0.07, 0.5)
}

/// A high-priority alarm: two bursts of five pulses (C5 A5 F5 – A5 F5).
pub fn alarm_high() -> Vec<f32> {
    let notes = [523.3, 880.0, 698.5, 880.0, 698.5];
    let mut out = Vec::new();
    for burst in 0..2 {
        for note in notes {
            out.extend(tone(note, 0.12, 0.45));
            out.extend(rest(0.06));
        }
        if burst == 0 {
            out.extend(rest(0.35));
        }
    }
    out
}

/// A medium-priority alarm: three pulses (C5 A5 F5).
pub fn alarm_medium() -> Vec<f32> {
    let mut out = Vec::new();
    for note in [523.3, 880.0, 698.5] {
        out.extend(tone(note, 0.18, 0.35));
        out.extend(rest(0.1));
    }
    out
}

/// A four-second room tone to loop: a soft ventilation hiss (smoothed
/// noise from a fixed seed) over a low electrical hum of `hum` hertz.
pub fn room_tone(hum: f32) -> Vec<f32> {
    let n = 4 * SAMPLE_RATE as usize;
    let mut state: u32 = 0x9e37_79b9;
    let mut smooth = 0.0f32;
    let samples: Vec<f32> = (0..n)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let white = (state as f32 / u32::MAX as f32) * 2.0 - 1.0;
            smooth += 0.03 * (white - smooth);
            let t = i as f32 / SAMPLE_RATE as f32;
            0.5 * smooth + 0.05 * (std::f32::consts::TAU * hum * t).sin()
        })
        .collect();
    // Cross-fade the ends so that the loop does not click.
    let fade = SAMPLE_RATE as usize / 10;
    let mut looped = samples[..n - fade].to_vec();
    for i in 0..fade {
        let k = i as f32 / fade as f32;
        looped[i] = looped[i] * k + samples[n - fade + i] * (1.0 - k);
    }
    looped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_beep_falls_a_semitone_per_percent() {
        assert_eq!(beep_pitch(100.0), 880.0);
        assert!((beep_pitch(88.0) - 440.0).abs() < 0.01, "an octave at 88 %");
        assert_eq!(beep_pitch(50.0), beep_pitch(f64::from(LOWEST_PITCHED_SPO2)));
    }

    #[test]
    fn sounds_are_bounded_and_as_long_as_they_should_be() {
        for (name, sound, seconds) in [
            ("beep", beep(95.0), 0.07),
            ("high", alarm_high(), 2.15),
            ("medium", alarm_medium(), 0.84),
            ("room", room_tone(50.0), 3.9),
        ] {
            let length = sound.len() as f32 / SAMPLE_RATE as f32;
            assert!((length - seconds).abs() < 0.01, "{name}: {length} s");
            assert!(
                sound.iter().all(|s| s.is_finite() && s.abs() <= 1.0),
                "{name}"
            );
            assert!(sound.iter().any(|s| s.abs() > 0.01), "{name} is not silent");
        }
    }
}
