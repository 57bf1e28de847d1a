//! The player's preferences, kept apart from saved games.

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::content::Lang;

/// How fast lines are typed out, in characters per second, by default.
pub const DEFAULT_TEXT_SPEED: f32 = 45.0;

/// The player's preferences.
#[derive(Resource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The language of the story and the menus.
    pub lang: Lang,
    /// Characters typed per second in the dialogue box.
    pub text_speed: f32,
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
            flash_alarms: true,
            volume: 0.8,
            monitor_volume: 0.8,
            ambience_volume: 0.6,
            edges: EdgeSmoothing::Auto,
            timers: TimerMode::Normal,
        }
    }
}

/// Where the settings are kept between runs: a RON file on the desktop,
/// the same text in the browser's `localStorage`. Without this resource (in
/// tests) they live only as long as the app.
#[derive(Resource, Clone, Debug)]
pub struct SettingsStore {
    #[cfg(not(target_arch = "wasm32"))]
    path: PathBuf,
}

impl SettingsStore {
    /// The settings file at `path`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn file(path: PathBuf) -> SettingsStore {
        SettingsStore { path }
    }

    /// The usual place: `$XDG_CONFIG_HOME/famulant/settings.ron`, else
    /// `~/.config/famulant/settings.ron`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn default_location() -> Option<SettingsStore> {
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
        Some(SettingsStore::file(
            base.join("famulant").join("settings.ron"),
        ))
    }

    /// The page's `localStorage`, when the browser allows it.
    #[cfg(target_arch = "wasm32")]
    pub fn default_location() -> Option<SettingsStore> {
        crate::web::local_storage().map(|_| SettingsStore {})
    }

    /// Reads the settings; defaults when none are stored or they are
    /// unreadable.
    pub fn read(&self) -> Settings {
        match self.read_text() {
            Some(text) => ron::from_str(&text).unwrap_or_else(|err| {
                warn!("ignoring unreadable settings in {self}: {err}");
                Settings::default()
            }),
            None => Settings::default(),
        }
    }

    /// Stores the settings.
    pub fn write(&self, settings: &Settings) -> std::io::Result<()> {
        let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        self.write_text(&text)
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn read_text(&self) -> Option<String> {
        std::fs::read_to_string(&self.path).ok()
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn write_text(&self, text: &str) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&self.path, text)
    }

    #[cfg(target_arch = "wasm32")]
    fn read_text(&self) -> Option<String> {
        crate::web::local_storage()?
            .get_item(STORAGE_KEY)
            .ok()
            .flatten()
    }

    #[cfg(target_arch = "wasm32")]
    fn write_text(&self, text: &str) -> std::io::Result<()> {
        crate::web::local_storage()
            .ok_or_else(|| std::io::Error::other("localStorage is not available"))?
            .set_item(STORAGE_KEY, text)
            .map_err(|err| std::io::Error::other(format!("{err:?}")))
    }
}

/// The `localStorage` key of the settings in the browser.
#[cfg(target_arch = "wasm32")]
pub const STORAGE_KEY: &str = "famulant.settings";

impl std::fmt::Display for SettingsStore {
    #[cfg(not(target_arch = "wasm32"))]
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())
    }

    #[cfg(target_arch = "wasm32")]
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "localStorage[{STORAGE_KEY:?}]")
    }
}

/// The player picked a language.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct SetLanguage(pub Lang);

/// Which volume a [`SetVolume`] sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VolumeOf {
    /// Everything.
    All,
    /// The monitor's beeps and alarms.
    Monitor,
    /// The rooms' background sound.
    Ambience,
}

/// The player moved a volume slider.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct SetVolume(pub VolumeOf, pub f32);

/// The player turned flashing alarms on or off.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct SetAlarmFlashing(pub bool);

/// The player picked whether edges are smoothed.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct SetSmoothEdges(pub EdgeSmoothing);

/// The player picked how much time decisions give.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct SetTimers(pub TimerMode);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Settings>()
        .add_message::<SetLanguage>()
        .add_message::<SetAlarmFlashing>()
        .add_message::<SetVolume>()
        .add_message::<SetSmoothEdges>()
        .add_message::<SetTimers>()
        .add_systems(
            Update,
            (
                (
                    set_language,
                    set_alarm_flashing,
                    set_volume,
                    set_smooth_edges,
                    set_timers,
                ),
                save_changed_settings.run_if(resource_changed::<Settings>),
            )
                .chain(),
        );
}

fn set_timers(mut requests: MessageReader<SetTimers>, mut settings: ResMut<Settings>) {
    if let Some(SetTimers(mode)) = requests.read().last()
        && settings.timers != *mode
    {
        settings.timers = *mode;
    }
}

fn set_language(mut requests: MessageReader<SetLanguage>, mut settings: ResMut<Settings>) {
    if let Some(SetLanguage(lang)) = requests.read().last()
        && settings.lang != *lang
    {
        settings.lang = *lang;
    }
}

fn set_alarm_flashing(
    mut requests: MessageReader<SetAlarmFlashing>,
    mut settings: ResMut<Settings>,
) {
    if let Some(SetAlarmFlashing(on)) = requests.read().last()
        && settings.flash_alarms != *on
    {
        settings.flash_alarms = *on;
    }
}

fn set_smooth_edges(mut requests: MessageReader<SetSmoothEdges>, mut settings: ResMut<Settings>) {
    if let Some(SetSmoothEdges(edges)) = requests.read().last()
        && settings.edges != *edges
    {
        settings.edges = *edges;
    }
}

fn set_volume(mut requests: MessageReader<SetVolume>, mut settings: ResMut<Settings>) {
    for SetVolume(which, value) in requests.read() {
        let value = value.clamp(0.0, 1.0);
        let slot = match which {
            VolumeOf::All => &mut settings.volume,
            VolumeOf::Monitor => &mut settings.monitor_volume,
            VolumeOf::Ambience => &mut settings.ambience_volume,
        };
        if *slot != value {
            *slot = value;
        }
    }
}

fn save_changed_settings(settings: Res<Settings>, store: Option<Res<SettingsStore>>) {
    if settings.is_added() {
        return;
    }
    if let Some(store) = store
        && let Err(err) = store.write(&settings)
    {
        warn!("could not save settings to {}: {err}", *store);
    }
}

#[cfg(test)]
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
            flash_alarms: false,
            volume: 0.5,
            monitor_volume: 1.0,
            ambience_volume: 0.0,
            edges: EdgeSmoothing::Off,
            timers: TimerMode::Relaxed,
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
