//! Frames on demand. A story game is read far more than it moves, and it
//! runs on laptops and phones: while nothing on screen moves, the game
//! draws only when the player does something (and once a second, for
//! content reloaded from disk); while something moves (a line being typed,
//! the monitor's traces, a countdown, a phase, a fade, a notice), at most
//! [`MOVING_FPS`] frames a second.
//!
//! Whatever animates says so each frame with [`Motion::keep_moving`]; the
//! pace of the next frames follows in [`Last`].

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

use crate::clock::SimClock;
use crate::content::ContentStatus;
use crate::screen::Screen;

/// Frames a second while something moves.
pub const MOVING_FPS: f64 = 30.0;
/// The longest the game sleeps while nothing moves and the player does
/// nothing.
pub const STILL_WAKE: Duration = Duration::from_secs(1);

/// Whether anything on screen moves this frame.
#[derive(Resource, Debug, Default)]
pub struct Motion {
    moving: bool,
}

impl Motion {
    /// Something on screen moves: the next frame is due soon.
    pub fn keep_moving(&mut self) {
        self.moving = true;
    }
}

/// Frames are paced unless something else (the frame-time benchmark) set
/// how the window updates.
#[derive(Resource, Debug)]
pub struct Paced;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Motion>()
        .insert_resource(Paced)
        .add_systems(
            Last,
            (
                loading_moves.run_if(content_loading),
                clock_moves.run_if(in_state(Screen::Playing)),
                pace.run_if(resource_exists::<Paced>),
            )
                .chain(),
        );
}

fn content_loading(status: Res<ContentStatus>) -> bool {
    matches!(*status, ContentStatus::Loading)
}

/// Files arriving are no window events: look for them often while loading.
fn loading_moves(mut motion: ResMut<Motion>) {
    motion.keep_moving();
}

/// The patient's clock running is motion: her numbers change, and the
/// game's time must not be stretched by sleeping (Bevy lets at most a
/// quarter of a second of game time pass in one frame).
fn clock_moves(clock: Res<SimClock>, mut motion: ResMut<Motion>) {
    if clock.pace() > 0.0 && !clock.paused() {
        motion.keep_moving();
    }
}

/// How the window updates: `moving` or still.
fn update_mode(moving: bool) -> UpdateMode {
    if moving {
        UpdateMode::reactive(Duration::from_secs_f64(1.0 / MOVING_FPS))
    } else {
        UpdateMode::reactive(STILL_WAKE)
    }
}

fn pace(mut motion: ResMut<Motion>, settings: Option<ResMut<WinitSettings>>) {
    let mode = update_mode(std::mem::take(&mut motion.moving));
    let Some(mut settings) = settings else {
        return;
    };
    // Focused or not, the same: a story's clock may run while the player
    // looks elsewhere.
    if settings.focused_mode != mode || settings.unfocused_mode != mode {
        settings.focused_mode = mode;
        settings.unfocused_mode = mode;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn still_screens_sleep_and_moving_ones_are_capped() {
        let UpdateMode::Reactive { wait, .. } = update_mode(false) else {
            panic!("a still screen waits for input");
        };
        assert_eq!(wait, STILL_WAKE);
        let UpdateMode::Reactive { wait, .. } = update_mode(true) else {
            panic!("a moving screen is capped, not drawn flat out");
        };
        assert!((wait.as_secs_f64() - 1.0 / 30.0).abs() < 1e-9);
    }

    #[test]
    fn motion_is_asked_for_again_every_frame() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, bevy::state::app::StatesPlugin, plugin))
            .init_state::<Screen>()
            .init_resource::<SimClock>()
            .insert_resource(ContentStatus::Broken(Vec::new()))
            .insert_resource(WinitSettings::game());
        app.world_mut().resource_mut::<Motion>().keep_moving();
        app.update();
        let moving = update_mode(true);
        assert_eq!(app.world().resource::<WinitSettings>().focused_mode, moving);
        assert_eq!(
            app.world().resource::<WinitSettings>().unfocused_mode,
            moving
        );
        app.update();
        let still = update_mode(false);
        assert_eq!(app.world().resource::<WinitSettings>().focused_mode, still);
    }

    #[test]
    fn the_patients_running_clock_keeps_frames_coming_while_playing() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, bevy::state::app::StatesPlugin, plugin))
            .init_state::<Screen>()
            .init_resource::<SimClock>()
            .insert_resource(ContentStatus::Broken(Vec::new()))
            .insert_resource(WinitSettings::game());
        app.world_mut().resource_mut::<SimClock>().set_pace(0.5);
        app.update();
        let mode = |app: &App| app.world().resource::<WinitSettings>().focused_mode;
        assert_eq!(
            mode(&app),
            update_mode(false),
            "on the title screen it does not run"
        );
        app.world_mut()
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Playing);
        app.update();
        assert_eq!(mode(&app), update_mode(true));
        app.world_mut().resource_mut::<SimClock>().set_paused(true);
        app.update();
        assert_eq!(
            mode(&app),
            update_mode(false),
            "paused, her time stands still"
        );
    }
}
