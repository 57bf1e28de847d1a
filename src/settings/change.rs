//! One change of one setting, and its range: what the settings screen asks
//! for and the game applies, clamped, in one place.

use std::ops::RangeInclusive;

use super::{EdgeSmoothing, Settings, TimerMode};
use crate::content::Lang;

/// The text speeds offered, in characters per second.
pub const TEXT_SPEEDS: RangeInclusive<f32> = 15.0..=120.0;
/// The seconds reading on by itself may wait after a line.
pub const AUTO_DELAYS: RangeInclusive<f32> = 0.5..=5.0;
/// The sizes of the overlay offered, as a share of its designed size.
pub const UI_SCALES: RangeInclusive<f32> = 0.85..=1.5;
/// Every volume's range.
const VOLUMES: RangeInclusive<f32> = 0.0..=1.0;

/// Which volume a [`Setting::Volume`] sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VolumeOf {
    /// Everything.
    All,
    /// The monitor's beeps and alarms.
    Monitor,
    /// The rooms' background sound.
    Ambience,
}

/// A new value for one of the [`Settings`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Setting {
    /// The language of the story and the menus.
    Language(Lang),
    /// Characters typed per second, within [`TEXT_SPEEDS`].
    TextSpeed(f32),
    /// Seconds reading on by itself waits, within [`AUTO_DELAYS`].
    AutoDelay(f32),
    /// How much time decisions give.
    Timers(TimerMode),
    /// Whether monitor alarms flash.
    FlashAlarms(bool),
    /// The overlay's size, within [`UI_SCALES`].
    UiScale(f32),
    /// The high-contrast look, on or off.
    HighContrast(bool),
    /// Less motion, on or off.
    ReducedMotion(bool),
    /// The whole screen, or a window.
    Fullscreen(bool),
    /// Whether edges are smoothed.
    Edges(EdgeSmoothing),
    /// A volume, 0 to 1.
    Volume(VolumeOf, f32),
}

impl Settings {
    /// Applies `setting`, a number clamped to its range (one that is no
    /// number at all is ignored); returns whether anything changed.
    pub fn apply(&mut self, setting: Setting) -> bool {
        match setting {
            Setting::Language(lang) => replace(&mut self.lang, lang),
            Setting::TextSpeed(speed) => set_within(&mut self.text_speed, speed, TEXT_SPEEDS),
            Setting::AutoDelay(delay) => set_within(&mut self.auto_delay, delay, AUTO_DELAYS),
            Setting::Timers(mode) => replace(&mut self.timers, mode),
            Setting::FlashAlarms(on) => replace(&mut self.flash_alarms, on),
            Setting::UiScale(scale) => set_within(&mut self.ui_scale, scale, UI_SCALES),
            Setting::HighContrast(on) => replace(&mut self.high_contrast, on),
            Setting::ReducedMotion(on) => replace(&mut self.reduced_motion, on),
            Setting::Fullscreen(on) => replace(&mut self.fullscreen, on),
            Setting::Edges(edges) => replace(&mut self.edges, edges),
            Setting::Volume(which, level) => set_within(self.volume_mut(which), level, VOLUMES),
        }
    }

    /// The volume `which`.
    pub fn volume_of(&self, which: VolumeOf) -> f32 {
        match which {
            VolumeOf::All => self.volume,
            VolumeOf::Monitor => self.monitor_volume,
            VolumeOf::Ambience => self.ambience_volume,
        }
    }

    fn volume_mut(&mut self, which: VolumeOf) -> &mut f32 {
        match which {
            VolumeOf::All => &mut self.volume,
            VolumeOf::Monitor => &mut self.monitor_volume,
            VolumeOf::Ambience => &mut self.ambience_volume,
        }
    }

    /// These settings with every number within its range, as a file edited
    /// by hand may not have them; one that is no number takes its default.
    pub fn within_ranges(self) -> Settings {
        let default = Settings::default();
        let fix = |value: f32, fallback: f32, range| {
            clamp(if value.is_finite() { value } else { fallback }, range)
        };
        Settings {
            text_speed: fix(self.text_speed, default.text_speed, TEXT_SPEEDS),
            auto_delay: fix(self.auto_delay, default.auto_delay, AUTO_DELAYS),
            ui_scale: fix(self.ui_scale, default.ui_scale, UI_SCALES),
            volume: fix(self.volume, default.volume, VOLUMES),
            monitor_volume: fix(self.monitor_volume, default.monitor_volume, VOLUMES),
            ambience_volume: fix(self.ambience_volume, default.ambience_volume, VOLUMES),
            ..self
        }
    }
}

fn clamp(value: f32, range: RangeInclusive<f32>) -> f32 {
    value.clamp(*range.start(), *range.end())
}

/// Sets `slot` to `value`; whether it changed.
fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    let changed = *slot != value;
    *slot = value;
    changed
}

/// Sets `slot` to `value` clamped to `range`, unless `value` is no number;
/// whether it changed.
fn set_within(slot: &mut f32, value: f32, range: RangeInclusive<f32>) -> bool {
    value.is_finite() && replace(slot, clamp(value, range))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_applied_and_says_whether_it_changed_anything() {
        let mut settings = Settings::default();
        assert!(settings.apply(Setting::Language(Lang::En)));
        assert!(!settings.apply(Setting::Language(Lang::En)));
        assert!(settings.apply(Setting::Fullscreen(true)));
        assert!(settings.apply(Setting::Timers(TimerMode::Off)));
        assert!(settings.apply(Setting::Volume(VolumeOf::Monitor, 0.25)));
        assert_eq!(settings.monitor_volume, 0.25);
        assert_eq!(settings.volume_of(VolumeOf::Monitor), 0.25);
        assert_eq!(
            (settings.lang, settings.fullscreen, settings.timers),
            (Lang::En, true, TimerMode::Off)
        );
    }

    #[test]
    fn numbers_are_clamped_to_their_ranges_and_non_numbers_ignored() {
        let mut settings = Settings::default();
        settings.apply(Setting::AutoDelay(60.0));
        assert_eq!(settings.auto_delay, 5.0);
        settings.apply(Setting::UiScale(0.1));
        assert_eq!(settings.ui_scale, 0.85);
        settings.apply(Setting::TextSpeed(1000.0));
        assert_eq!(settings.text_speed, 120.0);
        settings.apply(Setting::Volume(VolumeOf::All, -1.0));
        assert_eq!(settings.volume, 0.0);
        assert!(!settings.apply(Setting::Volume(VolumeOf::All, f32::NAN)));
        assert!(!settings.apply(Setting::UiScale(f32::INFINITY)));
        assert_eq!((settings.volume, settings.ui_scale), (0.0, 0.85));
    }

    #[test]
    fn an_old_or_hand_edited_file_reads_within_the_ranges() {
        // Written before auto-reading, the scale and the rest existed.
        let old: Settings = ron::from_str("(lang: En, text_speed: 60.0, volume: 0.5)").unwrap();
        assert_eq!(
            (old.lang, old.text_speed, old.volume),
            (Lang::En, 60.0, 0.5)
        );
        let default = Settings::default();
        assert_eq!(old.auto_delay, default.auto_delay);
        assert_eq!(old.ui_scale, 1.0);
        assert!(!old.high_contrast && !old.reduced_motion && !old.fullscreen);
        let edited: Settings =
            ron::from_str("(ui_scale: 9.0, auto_delay: 0.0, text_speed: inf, volume: 2.0)")
                .unwrap();
        let fixed = edited.within_ranges();
        assert_eq!(fixed.ui_scale, 1.5);
        assert_eq!(fixed.auto_delay, 0.5);
        assert_eq!(fixed.text_speed, default.text_speed);
        assert_eq!(fixed.volume, 1.0);
        assert_eq!(default.clone().within_ranges(), default);
    }
}
