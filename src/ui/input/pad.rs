//! Which gamepad button means what: the buttons pressed this frame and the
//! direction held on the d-pad or the left stick, as the same intents the
//! keys give. A direction held repeats, as an arrow key held does.

use bevy::input::gamepad::{Gamepad, GamepadButton};
use bevy::math::Vec2;

use super::Intent;

/// Each button with its intent (the d-pad is read as a direction, with the
/// stick): South is Enter, East is Escape, Start opens or closes the menu,
/// North shows the options' hints, West turns auto on or off, the left
/// shoulder goes back a line, Select opens the history.
const BUTTONS: [(GamepadButton, Intent); 7] = [
    (GamepadButton::North, Intent::Hints),
    (GamepadButton::South, Intent::Confirm),
    (GamepadButton::East, Intent::Back),
    (GamepadButton::Start, Intent::Pause),
    (GamepadButton::West, Intent::ToggleAuto),
    (GamepadButton::LeftTrigger, Intent::StepBack),
    (GamepadButton::Select, Intent::History),
];

/// The button that skips lines read before while it is held.
const SKIP: GamepadButton = GamepadButton::RightTrigger;

/// How far the stick leans before it counts as a direction, 0 to 1.
const LEAN: f32 = 0.5;
/// Seconds a direction is held before it repeats.
const FIRST_REPEAT: f32 = 0.4;
/// Seconds between its repeats.
const REPEAT: f32 = 0.12;

/// The intents of the buttons `pad` pressed this frame, in the order of
/// [`BUTTONS`].
pub(super) fn button_intents(pad: &Gamepad) -> Vec<Intent> {
    let mut intents: Vec<Intent> = BUTTONS
        .iter()
        .filter(|(button, _)| pad.just_pressed(*button))
        .map(|(_, intent)| *intent)
        .collect();
    if pad.pressed(SKIP) {
        intents.push(Intent::HoldingSkip);
    }
    intents
}

/// The direction `pad` holds: its d-pad, else its left stick where it
/// leans far enough, along the axis it leans most.
pub(super) fn direction(pad: &Gamepad) -> Option<Intent> {
    let dpad = pad.dpad();
    let towards = if dpad != Vec2::ZERO {
        dpad
    } else {
        pad.left_stick()
    };
    if towards.length() < LEAN {
        None
    } else if towards.x.abs() > towards.y.abs() {
        Some(if towards.x > 0.0 {
            Intent::Right
        } else {
            Intent::Left
        })
    } else {
        Some(if towards.y > 0.0 {
            Intent::Up
        } else {
            Intent::Down
        })
    }
}

/// The direction held, and the seconds until it repeats.
#[derive(Debug, Default)]
pub(super) struct Held {
    direction: Option<Intent>,
    wait: f32,
}

impl Held {
    /// The direction's intent when `direction` is held `seconds` after the
    /// last frame: once when it is first held, then again after
    /// [`FIRST_REPEAT`] and every [`REPEAT`].
    pub(super) fn step(&mut self, direction: Option<Intent>, seconds: f32) -> Option<Intent> {
        if direction != self.direction {
            self.direction = direction;
            self.wait = FIRST_REPEAT;
            return direction;
        }
        self.wait -= seconds;
        if direction.is_some() && self.wait <= 0.0 {
            self.wait = REPEAT;
            return direction;
        }
        None
    }

    /// Whether a direction is held: the game must keep its frames coming
    /// for the repeats.
    pub(super) fn holding(&self) -> bool {
        self.direction.is_some()
    }
}

#[cfg(test)]
mod tests {
    use bevy::input::gamepad::GamepadAxis;

    use super::*;

    fn pad_pressing(buttons: &[GamepadButton]) -> Gamepad {
        let mut pad = Gamepad::default();
        for button in buttons {
            pad.digital_mut().press(*button);
            pad.analog_mut().set(*button, 1.0);
        }
        pad
    }

    fn pad_leaning(x: f32, y: f32) -> Gamepad {
        let mut pad = Gamepad::default();
        pad.analog_mut().set(GamepadAxis::LeftStickX, x);
        pad.analog_mut().set(GamepadAxis::LeftStickY, y);
        pad
    }

    #[test]
    fn the_buttons_mean_what_their_keys_mean() {
        use GamepadButton::*;
        let pad = pad_pressing(&[Start, East, South, North, West, Select, LeftTrigger]);
        use Intent::*;
        assert_eq!(
            button_intents(&pad),
            [Hints, Confirm, Back, Pause, ToggleAuto, StepBack, History]
        );
        // The skip button counts every frame it is held.
        let mut held = pad_pressing(&[RightTrigger]);
        held.digital_mut().clear();
        held.digital_mut().press(RightTrigger);
        assert_eq!(button_intents(&held), [HoldingSkip]);
        assert_eq!(button_intents(&pad_pressing(&[])), []);
    }

    #[test]
    fn a_button_held_counts_once() {
        let mut pad = pad_pressing(&[GamepadButton::South]);
        pad.digital_mut().clear();
        assert!(pad.pressed(GamepadButton::South));
        assert_eq!(button_intents(&pad), []);
    }

    #[test]
    fn the_dpad_and_the_stick_give_directions() {
        use GamepadButton::*;
        assert_eq!(direction(&pad_pressing(&[DPadUp])), Some(Intent::Up));
        assert_eq!(direction(&pad_pressing(&[DPadLeft])), Some(Intent::Left));
        assert_eq!(direction(&pad_leaning(0.0, -0.9)), Some(Intent::Down));
        assert_eq!(direction(&pad_leaning(0.8, 0.3)), Some(Intent::Right));
        assert_eq!(direction(&pad_leaning(0.2, 0.3)), None, "barely leaning");
        assert_eq!(direction(&Gamepad::default()), None);
    }

    #[test]
    fn a_direction_held_repeats_after_a_while() {
        let mut held = Held::default();
        let down = Some(Intent::Down);
        assert_eq!(held.step(down, 0.0), down, "at once");
        assert_eq!(held.step(down, 0.2), None);
        assert_eq!(held.step(down, 0.21), down, "after FIRST_REPEAT");
        assert_eq!(held.step(down, 0.05), None);
        assert_eq!(held.step(down, 0.08), down, "then every REPEAT");
        assert!(held.holding());
        assert_eq!(held.step(None, 0.1), None, "let go");
        assert!(!held.holding());
        assert_eq!(held.step(Some(Intent::Up), 0.1), Some(Intent::Up));
        assert_eq!(held.step(down, 0.01), down, "another direction at once");
    }

    #[test]
    fn a_long_frame_repeats_once_not_for_every_repeat_it_missed() {
        let mut held = Held::default();
        let right = Some(Intent::Right);
        held.step(right, 0.0);
        assert_eq!(held.step(right, 3.0), right);
        assert_eq!(held.step(right, 0.01), None);
    }
}
