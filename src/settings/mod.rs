//! The player's preferences, kept apart from saved games, and where they
//! are stored; the game's message that changes them is in `plugin`.

mod change;
#[cfg(feature = "game")]
mod plugin;
#[cfg(feature = "game")]
pub use plugin::ChangeSetting;
#[cfg(feature = "game")]
pub(super) use plugin::plugin;
#[cfg(feature = "game")]
mod store;
#[cfg(all(feature = "game", target_arch = "wasm32"))]
pub use store::STORAGE_KEY;
#[cfg(feature = "game")]
pub use store::SettingsStore;

pub use change::{AUTO_DELAYS, Setting, TEXT_SPEEDS, UI_SCALES, VolumeOf};

#[cfg(feature = "game")]
use bevy::prelude::Resource;
use serde::{Deserialize, Serialize};

use crate::content::Lang;

/// How fast lines are typed out, in characters per second, by default.
pub const DEFAULT_TEXT_SPEED: f32 = 45.0;

/// The player's preferences. A file written before a field existed still
/// reads: what it lacks takes its default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "game", derive(Resource))]
#[serde(default)]
pub struct Settings {
    /// The language of the story and the menus.
    pub lang: Lang,
    /// Characters typed per second in the dialogue box.
    pub text_speed: f32,
    /// Seconds that reading on by itself waits after a line is typed out.
    pub auto_delay: f32,
    /// Whether monitor alarms flash; off, they stay lit.
    pub flash_alarms: bool,
    /// The volume of everything, 0 to 1.
    pub volume: f32,
    /// The monitor's beeps and alarms, 0 to 1 (times `volume`).
    pub monitor_volume: f32,
    /// The rooms' background sound, 0 to 1 (times `volume`).
    pub ambience_volume: f32,
    /// Whether the edges of rooms and people are smoothed.
    pub edges: EdgeSmoothing,
    /// How much time decisions give.
    pub timers: TimerMode,
    /// How large the overlay's text and controls are, on top of the size
    /// that fits the window: 1 as designed.
    pub ui_scale: f32,
    /// Dark panels, white text, a strong accent and thick outlines.
    pub high_contrast: bool,
    /// Nothing fades, flashes or types out: lines appear whole.
    pub reduced_motion: bool,
    /// The whole screen (in the browser, the page's canvas) or a window.
    pub fullscreen: bool,
}

/// Whether the edges of rooms and people are smoothed (4× multisampling):
/// nearly free on a graphics card, about half the frame rate on a software
/// renderer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EdgeSmoothing {
    /// On with a graphics card, off when the picture is drawn in software.
    #[default]
    Auto,
    /// Always smoothed.
    On,
    /// Never smoothed.
    Off,
}

impl EdgeSmoothing {
    /// Every choice, in the order the menu shows them.
    pub const ALL: [EdgeSmoothing; 3] =
        [EdgeSmoothing::Auto, EdgeSmoothing::On, EdgeSmoothing::Off];

    /// Whether edges are smoothed on a renderer that draws in software
    /// (`software`) or on a graphics card.
    pub fn smooths(self, software: bool) -> bool {
        match self {
            EdgeSmoothing::Auto => !software,
            EdgeSmoothing::On => true,
            EdgeSmoothing::Off => false,
        }
    }
}

/// How much time timed decisions give the player.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimerMode {
    /// The time the scene gives.
    #[default]
    Normal,
    /// Twice that.
    Relaxed,
    /// No countdown: the game waits, and the patient's time stands still
    /// while a decision is open.
    Off,
}

impl TimerMode {
    /// Every mode, in the order the settings offer them.
    pub const ALL: [TimerMode; 3] = [TimerMode::Normal, TimerMode::Relaxed, TimerMode::Off];

    /// How many real seconds a decision of `seconds` gives; none when the
    /// game waits.
    pub fn seconds(self, seconds: f32) -> Option<f32> {
        match self {
            TimerMode::Normal => Some(seconds),
            TimerMode::Relaxed => Some(seconds * 2.0),
            TimerMode::Off => None,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: Lang::De,
            text_speed: DEFAULT_TEXT_SPEED,
            auto_delay: 1.5,
            flash_alarms: true,
            volume: 0.8,
            monitor_volume: 0.8,
            ambience_volume: 0.6,
            edges: EdgeSmoothing::Auto,
            timers: TimerMode::Normal,
            ui_scale: 1.0,
            high_contrast: false,
            reduced_motion: false,
            fullscreen: false,
        }
    }
}

#[cfg(all(test, feature = "game"))]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_round_trip_through_their_file() {
        let dir = std::env::temp_dir().join(format!("famulant-settings-{}", std::process::id()));
        let file = SettingsStore::file(dir.join("settings.ron"));
        assert_eq!(file.read(), Settings::default());
        let chosen = Settings {
            lang: Lang::En,
            text_speed: 80.0,
            auto_delay: 3.0,
            flash_alarms: false,
            volume: 0.5,
            monitor_volume: 1.0,
            ambience_volume: 0.0,
            edges: EdgeSmoothing::Off,
            timers: TimerMode::Relaxed,
            ui_scale: 1.25,
            high_contrast: true,
            reduced_motion: true,
            fullscreen: true,
        };
        file.write(&chosen).unwrap();
        assert_eq!(file.read(), chosen);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn edges_are_smoothed_automatically_only_on_a_graphics_card() {
        assert!(EdgeSmoothing::Auto.smooths(false));
        assert!(!EdgeSmoothing::Auto.smooths(true));
        assert!(EdgeSmoothing::On.smooths(true));
        assert!(!EdgeSmoothing::Off.smooths(false));
        // A file from before the choice had three values still reads, with
        // the old field ignored.
        let old: Settings = ron::from_str("(lang: En, smooth_edges: false)").unwrap();
        assert_eq!(old.lang, Lang::En);
        assert_eq!(old.edges, EdgeSmoothing::Auto);
    }
}
