//! The egui overlay: title screen, dialogue box, choices and timers, pause
//! menu and the list of content problems. It reads state and writes
//! messages; it decides nothing.

mod backdrop;
mod dialogue;
mod pause;
mod problems;
mod strings;
mod style;
mod title;

use bevy::prelude::*;
use bevy_egui::EguiPlugin;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .add_systems(Startup, spawn_camera)
        .add_plugins((
            style::plugin,
            backdrop::plugin,
            title::plugin,
            dialogue::plugin,
            pause::plugin,
            problems::plugin,
        ));
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn((Name::new("Camera"), Camera2d));
}
