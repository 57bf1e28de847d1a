//! The egui overlay: title screen, dialogue box, choices and timers, pause
//! menu and the list of content problems. It reads state and writes
//! messages; it decides nothing.

mod backdrop;
mod dialogue;
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

use bevy::platform::time::Instant;
use bevy::prelude::*;
use bevy_egui::EguiPlugin;

/// When the game was launched, to report how long the first frame took.
#[derive(Resource, Clone, Copy, Debug)]
pub struct LaunchedAt(pub Instant);

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .add_systems(Last, log_first_frame)
        .add_plugins((
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

/// Logs the time from launch to the first frame. Rendering runs one update
/// behind the game logic, so the first frame is on screen when the second
/// update ends.
fn log_first_frame(launched: Option<Res<LaunchedAt>>, mut updates: Local<u32>) {
    *updates += 1;
    if *updates == 2
        && let Some(launched) = launched
    {
        info!("first frame after {} ms", launched.0.elapsed().as_millis());
    }
}
