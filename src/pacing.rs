//! Frames on demand. A story game is read far more than it moves, and it
//! runs on laptops and phones: while nothing on screen moves, the game
//! draws only when the player does something (and every [`STILL_WAKE`],
//! for content reloaded from disk, or every [`PAD_WAKE`] while a gamepad,
//! which wakes no window, is connected); while something moves (a line being typed,
//! the monitor's traces, a countdown, a phase, a fade, a notice), at most
//! [`MOVING_FPS`] frames a second.
//!
//! Whatever animates says so each frame with [`Motion::keep_moving`]; the
//! pace of the next frames follows in [`Last`]. Sleeping does not slow the
//! game's clocks: one frame may carry a whole [`STILL_WAKE`] of game time
//! (Bevy's default is a quarter of a second), so the patient's time, which
//! runs on in some scenes while the player reads, keeps its pace.

use std::time::Duration;

use bevy::input::gamepad::Gamepad;
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiInput, EguiPreUpdateSet, egui};

use crate::content::ContentStatus;

/// Frames a second while something moves.
pub const MOVING_FPS: f64 = 30.0;
/// The longest the game sleeps while nothing moves and the player does
/// nothing: a second, so that a scene file saved meanwhile shows soon. (In
/// the browser four seconds lost taps on a phone: a tap there seems not to
/// wake the game, only to wait for its next frame.)
pub const STILL_WAKE: Duration = Duration::from_secs(1);

/// How often a still screen looks for a gamepad's buttons while one is
/// connected: a press answered within a twentieth of a second.
pub const PAD_WAKE: Duration = Duration::from_millis(50);

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
        .add_systems(Startup, let_a_frame_carry_a_sleep)
        .add_systems(
            PreUpdate,
            pass_on_only_changed_modifiers
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(
            Last,
            (
                loading_moves.run_if(content_loading),
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

/// bevy_egui tells egui the keyboard's modifiers (Shift, Ctrl, …) every
/// frame, changed or not, and egui asks for the next frame at once after
/// any input: a still screen would be drawn flat out. Only changes are
/// passed on.
fn pass_on_only_changed_modifiers(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut known: Local<HashMap<Entity, egui::Modifiers>>,
) {
    for (context, mut input) in &mut inputs {
        let known = known.entry(context).or_default();
        input.events.retain(|event| match event {
            egui::Event::ModifiersChanged(modifiers) => {
                let changed = modifiers != known;
                *known = *modifiers;
                changed
            }
            _ => true,
        });
    }
}

/// The first frame after a sleep carries all the game time slept.
fn let_a_frame_carry_a_sleep(mut time: ResMut<Time<Virtual>>) {
    time.set_max_delta(STILL_WAKE + Duration::from_millis(250));
}

/// How the window updates: `moving` or still; woken by the player's input
/// to the window, not by the mouse moving over other windows. A gamepad
/// wakes no window: while one is connected (`pad`), a still screen looks
/// for its buttons every [`PAD_WAKE`].
fn update_mode(moving: bool, pad: bool) -> UpdateMode {
    if moving {
        UpdateMode::reactive_low_power(Duration::from_secs_f64(1.0 / MOVING_FPS))
    } else if pad {
        UpdateMode::reactive_low_power(PAD_WAKE)
    } else {
        UpdateMode::reactive_low_power(STILL_WAKE)
    }
}

fn pace(
    mut motion: ResMut<Motion>,
    settings: Option<ResMut<WinitSettings>>,
    pads: Query<(), With<Gamepad>>,
) {
    let mode = update_mode(std::mem::take(&mut motion.moving), !pads.is_empty());
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
        let UpdateMode::Reactive { wait, .. } = update_mode(false, false) else {
            panic!("a still screen waits for input");
        };
        assert_eq!(wait, STILL_WAKE);
        let UpdateMode::Reactive { wait, .. } = update_mode(true, false) else {
            panic!("a moving screen is capped, not drawn flat out");
        };
        assert!((wait.as_secs_f64() - 1.0 / 30.0).abs() < 1e-9);
        let UpdateMode::Reactive { wait, .. } = update_mode(false, true) else {
            panic!("a still screen with a gamepad waits for it");
        };
        assert_eq!(wait, PAD_WAKE);
    }

    #[test]
    fn motion_is_asked_for_again_every_frame() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, plugin))
            .insert_resource(ContentStatus::Broken(Vec::new()))
            .insert_resource(WinitSettings::game());
        app.world_mut().resource_mut::<Motion>().keep_moving();
        app.update();
        let moving = update_mode(true, false);
        assert_eq!(app.world().resource::<WinitSettings>().focused_mode, moving);
        assert_eq!(
            app.world().resource::<WinitSettings>().unfocused_mode,
            moving
        );
        app.update();
        let still = update_mode(false, false);
        assert_eq!(app.world().resource::<WinitSettings>().focused_mode, still);
    }

    #[test]
    fn a_frame_after_a_sleep_carries_the_whole_sleep_of_game_time() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, plugin))
            .insert_resource(ContentStatus::Broken(Vec::new()));
        app.update();
        let carried = app.world().resource::<Time<Virtual>>().max_delta();
        assert!(carried > STILL_WAKE, "{carried:?}");
    }

    #[test]
    fn only_changes_of_the_modifier_keys_reach_egui() {
        let mut app = App::new();
        app.add_systems(Update, pass_on_only_changed_modifiers);
        let context = app.world_mut().spawn(EguiInput::default()).id();
        let frame = |app: &mut App, events: Vec<egui::Event>| {
            app.world_mut()
                .get_mut::<EguiInput>(context)
                .unwrap()
                .events = events;
            app.update();
            app.world()
                .get::<EguiInput>(context)
                .unwrap()
                .events
                .clone()
        };
        let none = egui::Event::ModifiersChanged(egui::Modifiers::NONE);
        let shift = egui::Event::ModifiersChanged(egui::Modifiers::SHIFT);
        let key = egui::Event::Text("a".to_owned());
        assert_eq!(frame(&mut app, vec![none.clone()]), vec![]);
        assert_eq!(frame(&mut app, vec![key.clone(), none.clone()]), vec![key]);
        assert_eq!(frame(&mut app, vec![shift.clone()]), vec![shift.clone()]);
        assert_eq!(frame(&mut app, vec![shift]), vec![]);
        assert_eq!(frame(&mut app, vec![none.clone()]), vec![none]);
    }
}
