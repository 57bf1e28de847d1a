//! The baseline for the frame-time benchmark (`benches/frames.sh`): an empty
//! Bevy window with bevy_egui, the game's window size and features, one
//! egui label, measured like the game.
//!
//! `cargo run --release --example empty_window -- SECONDS`

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};
use famulant::measure::{self, FrameMeasure};

fn main() -> AppExit {
    // In the browser (no arguments) it runs until the page closes.
    let seconds_by_default = if cfg!(target_arch = "wasm32") {
        f32::INFINITY
    } else {
        10.0
    };
    let seconds = std::env::args()
        .nth(1)
        .and_then(|s| s.parse::<f32>().ok())
        .unwrap_or(seconds_by_default);
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "Famulant".into(),
                resolution: (1280, 720).into(),
                ..default()
            }),
            ..default()
        }))
        .add_plugins((
            EguiPlugin::default(),
            measure::first_frame_plugin,
            measure::plugin,
        ))
        .insert_resource(FrameMeasure::for_seconds(seconds))
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, label)
        .run()
}

fn label(mut contexts: EguiContexts) -> Result {
    egui::Area::new(egui::Id::new("label")).show(contexts.ctx_mut()?, |ui| {
        ui.label("empty");
    });
    Ok(())
}
