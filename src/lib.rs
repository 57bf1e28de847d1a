//! Famulant: a narrative hospital game.
//!
//! [`GamePlugin`] is the headless core (content, story, settings, screens)
//! that tests drive under `MinimalPlugins`; [`PresentationPlugin`] adds the
//! window's egui overlay. The rules themselves (`content`, `story::StoryState`,
//! `cli`) are plain Rust.

mod audio;
pub mod cli;
pub mod clock;
pub mod content;
pub mod measure;
mod pacing;
pub mod patient;
pub mod screen;
pub mod settings;
pub mod story;
mod ui;
#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::page_command;
pub mod world;

use std::path::{Path, PathBuf};

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;

use crate::content::Lang;
use crate::screen::Screen;
use crate::settings::{Settings, SettingsStore};

/// The headless core of the game: everything but drawing.
pub struct GamePlugin;

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((
            screen::plugin,
            settings::plugin,
            content::plugin,
            clock::plugin,
            patient::plugin,
            story::plugin,
        ));
    }
}

/// The window's presentation: camera, egui overlay, menus.
pub struct PresentationPlugin;

impl Plugin for PresentationPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((world::plugin, ui::plugin, audio::plugin, pacing::plugin));
        #[cfg(target_arch = "wasm32")]
        app.add_plugins(web::plugin);
    }
}

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
    /// Measure frame times for this many seconds, print them and quit.
    pub measure_frames: Option<f32>,
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

/// Opens the game window and plays until the player quits.
pub fn run(options: LaunchOptions) -> AppExit {
    let mut app = App::new();
    app.add_plugins(measure::first_frame_plugin);
    content::register_source(&mut app, &absolute(&options.scenes));
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Famulant".into(),
                    resolution: (1280, 720).into(),
                    // In the browser: the page's canvas, as large as the page.
                    canvas: Some("#famulant".into()),
                    fit_canvas_to_parent: true,
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                watch_for_changes_override: Some(cfg!(not(target_arch = "wasm32"))),
                // Content has no .meta files; asking for them costs a 404
                // per file in the browser.
                meta_check: AssetMetaCheck::Never,
                ..default()
            }),
    )
    .add_plugins((GamePlugin, PresentationPlugin));

    let store = SettingsStore::default_location();
    let mut settings = store.as_ref().map(SettingsStore::read).unwrap_or_default();
    if let Some(lang) = options.lang {
        settings.lang = lang;
    }
    app.insert_resource(settings);
    if let Some(store) = store {
        app.insert_resource(store);
    }
    if let Some(seconds) = options.measure_frames {
        app.add_plugins(measure::plugin)
            .insert_resource(measure::FrameMeasure::for_seconds(seconds));
    }
    if let Some(start) = options.start {
        app.insert_resource(story::StartAt(start));
    }
    if options.autostart {
        app.world_mut()
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Playing);
    }
    app.run()
}

/// A windowless app with the game's core, for tests and tools. The scenes
/// are read from `scenes`, and reloaded when they change if `watch` is set;
/// nothing is saved to disk.
pub fn headless_app(scenes: &Path, watch: bool) -> App {
    let mut app = App::new();
    content::register_source(&mut app, &absolute(scenes));
    app.add_plugins((
        MinimalPlugins,
        AssetPlugin {
            watch_for_changes_override: Some(watch),
            ..default()
        },
        bevy::state::app::StatesPlugin,
        GamePlugin,
    ));
    app.insert_resource(Settings::default());
    app
}

/// Makes a path absolute against the working folder, so that the asset
/// source does not resolve it against Bevy's own base path.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}
