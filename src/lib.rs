//! Famulant: a narrative hospital game.
//!
//! The rules are plain Rust and build without Bevy (`--no-default-features`):
//! `content` (the scene format, its loading and checking), `story` (the
//! runner and the [`story::Session`] that owns a running game), `patient`
//! (physiology, scores, alarms), `clock`, `settings` and the command-line
//! tools in `cli`. With the `game` feature, [`GamePlugin`] is the headless
//! core (content, story, settings, screens) that tests drive under
//! `MinimalPlugins`, and [`PresentationPlugin`] adds the window's egui
//! overlay, the drawn world and the sound.

#[cfg(feature = "game")]
mod audio;
pub mod cli;
pub mod clock;
pub mod content;
#[cfg(feature = "game")]
pub mod measure;
#[cfg(feature = "game")]
mod pacing;
pub mod patient;
#[cfg(feature = "game")]
pub mod reading;
pub mod save;
#[cfg(feature = "game")]
pub mod screen;
pub mod settings;
pub mod story;
#[cfg(feature = "game")]
mod ui;
#[cfg(all(feature = "game", target_arch = "wasm32"))]
mod web;
#[cfg(all(feature = "game", target_arch = "wasm32"))]
pub use web::page_command;
#[cfg(feature = "game")]
pub mod world;

use std::path::PathBuf;

#[cfg(feature = "game")]
mod game;
#[cfg(feature = "game")]
pub use game::{GamePlugin, PresentationPlugin, headless_app, headless_app_with_mods, run};

use crate::content::Lang;

/// How the game is launched.
#[derive(Clone, Debug, Default)]
pub struct LaunchOptions {
    /// The folder holding `index.ron` and the scene files.
    pub scenes: PathBuf,
    /// The language, overriding the saved setting.
    pub lang: Option<Lang>,
    /// Skip the title screen and begin a new game at once.
    pub autostart: bool,
    /// Where a new game begins instead of the manifest's start.
    pub start: Option<content::Target>,
    /// The patient seed of every new game; without one each draws its own.
    pub seed: Option<u64>,
    /// Measure frame times for this many seconds, print them and quit.
    pub measure_frames: Option<f32>,
    /// The folders mods are found in, in the order they are searched.
    pub mods: Vec<PathBuf>,
}

/// Where the player's mods are: `mods/` in the working folder (else
/// beside the executable), then `mods/` in the game's data folder
/// (`$XDG_DATA_HOME/famulant/mods` on Linux). None in the browser.
pub fn player_mod_folders() -> Vec<PathBuf> {
    if cfg!(target_arch = "wasm32") {
        return Vec::new();
    }
    let here = PathBuf::from("mods");
    let beside = if here.is_dir() {
        Some(here)
    } else {
        std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.join("mods")))
    };
    beside
        .into_iter()
        .chain(data_dir().map(|dir| dir.join("mods")))
        .collect()
}

/// The game's data folder, where there is one.
pub fn data_dir() -> Option<PathBuf> {
    #[cfg(not(target_arch = "wasm32"))]
    return save::Storage::data_dir();
    #[cfg(target_arch = "wasm32")]
    return None;
}

/// Where the scenes are when the command line does not say: `scenes/` in
/// the working folder, else beside the executable.
pub fn default_scenes_dir() -> PathBuf {
    let here = PathBuf::from("scenes");
    if here.join("index.ron").is_file() {
        return here;
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("scenes")))
        .unwrap_or(here)
}
