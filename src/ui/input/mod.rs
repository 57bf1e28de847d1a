//! What the player asks by keyboard or gamepad, read once a frame as a few
//! plain intents ([`Intents`]). Which key or button means what is decided
//! here alone ([`keys`], [`pad`]), and so is where the intents take a
//! highlight: among a choice's options ([`grid`]) and down a menu page
//! ([`list`]). The mouse and touch are egui's.
//!
//! | intent | keys | gamepad |
//! | --- | --- | --- |
//! | Up, Down, Left, Right | arrows (held: repeated) | d-pad or left stick (held: repeated) |
//! | Number(1–9) | 1–9 | – |
//! | Confirm | Enter | South (A, ✕) |
//! | Continue | Space | – |
//! | Hints | H | North (Y, △) |
//! | Back | Escape | East (B, ○) |
//! | Pause | – | Start |
//! | Fullscreen | F11 | – |
//! | QuickSave | F5 | – |
//! | QuickLoad | F9 | – |
//! | StepBack | Backspace | left shoulder (LB, L1) |
//! | History | Page Up, mouse wheel up | Select (Back, Share) |
//! | ToggleSkip | Tab | – |
//! | HoldingSkip | Ctrl held | right shoulder held (RB, R1) |
//! | ToggleAuto | A | West (X, □) |

mod grid;
mod keys;
mod list;
mod pad;

use bevy::input::gamepad::Gamepad;
use bevy::prelude::*;
use bevy_egui::{EguiInput, EguiPreUpdateSet};

pub(crate) use grid::{Grid, navigate_all};
pub(crate) use list::{Ask, navigate_list};

use crate::pacing::Motion;

/// What a key or a button asks of a menu or the dialogue box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Intent {
    /// Arrow down, d-pad or stick down: the row below.
    Down,
    /// Arrow up: the row above.
    Up,
    /// Arrow right: the next option, or more of a value.
    Right,
    /// Arrow left: the option before, or less of a value.
    Left,
    /// A number key, 1 to 9: the option with that number.
    Number(usize),
    /// Enter or South: take what is highlighted, or go on.
    Confirm,
    /// Space: go on reading; it never picks an option.
    Continue,
    /// H or North: show or hide the options' medical hints.
    Hints,
    /// Escape or East: close the menu page on top; while playing with none
    /// open, open the pause menu.
    Back,
    /// Start: while playing, open the pause menu, or close every page.
    Pause,
    /// F11: the whole screen, or a window.
    Fullscreen,
    /// F5: save into the quicksave.
    QuickSave,
    /// F9: load the quicksave.
    QuickLoad,
    /// Backspace: back to the line or choice before.
    StepBack,
    /// Page Up or the mouse wheel turned up: the history.
    History,
    /// Tab: skipping lines read before on or off.
    ToggleSkip,
    /// Ctrl or the right shoulder is held: skip lines read before while
    /// it is (this comes every frame it is held).
    HoldingSkip,
    /// A: lines go on by themselves, or no longer.
    ToggleAuto,
}

impl Intent {
    /// Whether a held key's repeats count: only the arrows', so holding
    /// Enter through lines cannot pick an option.
    fn repeats(self) -> bool {
        matches!(
            self,
            Intent::Down | Intent::Up | Intent::Right | Intent::Left
        )
    }
}

/// This frame's intents, keys' and gamepads', in the order they apply.
/// Whoever acts on one takes it, so that nothing after acts on it again:
/// the menu takes Back and Pause, the page on top (or, with none open, the
/// screen) takes the rest.
#[derive(Resource, Debug, Default)]
pub(crate) struct Intents(Vec<Intent>);

impl Intents {
    /// Takes every intent left this frame.
    pub(crate) fn take(&mut self) -> Vec<Intent> {
        std::mem::take(&mut self.0)
    }

    /// This frame's intents, as a test sets them.
    #[cfg(test)]
    pub(crate) fn new(intents: Vec<Intent>) -> Intents {
        Intents(intents)
    }

    /// Takes `intent` if it came this frame; whether it did.
    pub(crate) fn take_one(&mut self, intent: Intent) -> bool {
        let before = self.0.len();
        self.0.retain(|i| *i != intent);
        self.0.len() != before
    }
}

/// Whether `intents` ask to go on: Enter or Space.
pub(super) fn goes_on(intents: &[Intent]) -> bool {
    intents
        .iter()
        .any(|intent| matches!(intent, Intent::Confirm | Intent::Continue))
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Intents>().add_systems(
        PreUpdate,
        (read_keys, read_pads)
            .chain()
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    );
}

/// This frame's intents begin with the keys pressed (and Ctrl held).
fn read_keys(
    inputs: Query<&EguiInput>,
    keyboard: Res<ButtonInput<KeyCode>>,
    mut intents: ResMut<Intents>,
) {
    let ctrl = keyboard.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    intents.0 = inputs
        .iter()
        .flat_map(|input| keys::intents_in(&input.events, ctrl))
        .collect();
}

/// The gamepads' intents follow: every connected pad's buttons, and the
/// direction the first that holds one holds, repeated while held.
fn read_pads(
    pads: Query<&Gamepad>,
    time: Res<Time<Real>>,
    mut held: Local<pad::Held>,
    mut intents: ResMut<Intents>,
    mut motion: ResMut<Motion>,
) {
    let direction = pads.iter().find_map(pad::direction);
    intents.0.extend(held.step(direction, time.delta_secs()));
    for gamepad in &pads {
        intents.0.extend(pad::button_intents(gamepad));
    }
    if held.holding() {
        motion.keep_moving();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_and_space_go_on() {
        assert!(goes_on(&[Intent::Confirm]));
        assert!(goes_on(&[Intent::Down, Intent::Continue]));
        assert!(!goes_on(&[Intent::Number(1), Intent::Hints]));
    }

    #[test]
    fn an_intent_taken_is_gone_for_everyone_after() {
        let mut intents = Intents(vec![Intent::Back, Intent::Down, Intent::Confirm]);
        assert!(intents.take_one(Intent::Back));
        assert!(!intents.take_one(Intent::Back));
        assert_eq!(intents.take(), [Intent::Down, Intent::Confirm]);
        assert_eq!(intents.take(), []);
    }

    #[test]
    fn a_gamepad_gives_the_intents_its_keys_would() {
        use bevy::input::gamepad::GamepadButton;
        let mut app = App::new();
        app.add_plugins(MinimalPlugins)
            .init_resource::<Intents>()
            .init_resource::<Motion>()
            .init_resource::<ButtonInput<KeyCode>>()
            .add_systems(Update, (read_keys, read_pads).chain());
        let mut pad = Gamepad::default();
        pad.digital_mut().press(GamepadButton::South);
        pad.digital_mut().press(GamepadButton::DPadDown);
        pad.analog_mut().set(GamepadButton::DPadDown, 1.0);
        let pad = app.world_mut().spawn(pad).id();
        app.update();
        let intents = app.world_mut().resource_mut::<Intents>().take();
        assert_eq!(intents, [Intent::Down, Intent::Confirm]);
        // Held, not pressed again: nothing until the direction repeats.
        app.world_mut()
            .get_mut::<Gamepad>(pad)
            .unwrap()
            .digital_mut()
            .clear();
        app.update();
        assert_eq!(app.world_mut().resource_mut::<Intents>().take(), []);
    }
}
