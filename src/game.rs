//! The game in Bevy: the headless core, the window's presentation, and the
//! apps that run them.

use std::path::{Path, PathBuf};

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;

use crate::screen::Screen;
use crate::settings::{Settings, SettingsStore};
use crate::{LaunchOptions, content, measure, patient, reading, save, screen, settings, story};
use crate::{audio, pacing, ui, world};

/// The headless core of the game: everything but drawing.
pub struct GamePlugin;

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((
            screen::plugin,
            settings::plugin,
            content::plugin,
            patient::plugin,
            story::plugin,
            save::plugin,
            reading::plugin,
        ));
    }
}

/// The window's presentation: camera, egui overlay, menus.
pub struct PresentationPlugin;

impl Plugin for PresentationPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((
            world::plugin,
            ui::plugin,
            audio::plugin,
            pacing::plugin,
            save::capture_plugin,
        ));
        #[cfg(target_arch = "wasm32")]
        app.add_plugins(crate::web::plugin);
    }
}

/// Opens the game window and plays until the player quits.
pub fn run(options: LaunchOptions) -> AppExit {
    let store = SettingsStore::default_location();
    let mut settings = store.as_ref().map(SettingsStore::read).unwrap_or_default();
    if let Some(lang) = options.lang {
        settings.lang = lang;
    }
    // The browser grants the whole screen only just after a click or a
    // key: the page opens in its window, whatever the last visit chose.
    if cfg!(target_arch = "wasm32") {
        settings.fullscreen = false;
    }
    let mut app = App::new();
    app.add_plugins(measure::first_frame_plugin);
    content::register_source(&mut app, &absolute(&options.scenes));
    content::register_mod_sources(&mut app, options.mods.clone());
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Famulant".into(),
                    resolution: (1280, 720).into(),
                    mode: ui::window_mode(settings.fullscreen),
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
    app.insert_resource(settings);
    if let Some(store) = store {
        app.insert_resource(store);
    }
    save::open_default_storage(&mut app);
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(data) = save::Storage::data_dir() {
        content::open_mod_choices(&mut app, save::Storage::folder(data));
    }
    if let Some(seconds) = options.measure_frames {
        app.add_plugins(measure::plugin)
            .insert_resource(measure::FrameMeasure::for_seconds(seconds));
    }
    if let Some(start) = options.start {
        app.insert_resource(story::StartAt(start));
    }
    if let Some(seed) = options.seed {
        app.insert_resource(story::NewPatient::Seeded(seed));
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
    headless_app_with_mods(scenes, Vec::new(), watch)
}

/// A windowless app as [`headless_app`] gives, with the mods found in
/// `mods` (folders of mods) laid over the story, all on.
pub fn headless_app_with_mods(scenes: &Path, mods: Vec<PathBuf>, watch: bool) -> App {
    let mut app = App::new();
    content::register_source(&mut app, &absolute(scenes));
    content::register_mod_sources(&mut app, mods);
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
