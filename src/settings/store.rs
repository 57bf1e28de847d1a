//! Where the settings are kept between runs.

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;

use bevy::prelude::*;

use super::Settings;

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

    /// Reads the settings, each number within its range; defaults when
    /// none are stored or they are unreadable.
    pub fn read(&self) -> Settings {
        match self.read_text() {
            Some(text) => ron::from_str(&text).map_or_else(
                |err| {
                    warn!("ignoring unreadable settings in {self}: {err}");
                    Settings::default()
                },
                Settings::within_ranges,
            ),
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
