//! The egui overlay: title screen, dialogue box, choices and timers, pause
//! menu and the list of content problems. It reads state and writes
//! messages; it decides nothing.

mod backdrop;
mod dialogue;
mod input;
mod monitor;
mod notices;
mod pause;
mod portrait;
mod problems;
mod strings;
mod style;
mod theatre;
mod title;
mod transition;
mod waveform;

use bevy::prelude::*;
use bevy_egui::EguiPlugin;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default()).add_plugins((
        style::plugin,
        backdrop::plugin,
        title::plugin,
        dialogue::plugin,
        monitor::plugin,
        notices::plugin,
        pause::plugin,
        problems::plugin,
        theatre::plugin,
        transition::plugin,
    ));
}
