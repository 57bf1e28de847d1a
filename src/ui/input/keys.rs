//! Which key means what: the keys pressed this frame, read from egui's
//! input, as intents.

use bevy_egui::egui::{self, Key};

use super::Intent;

/// Each key with its intent, in the order the intents of one frame apply:
/// the highlight moves before anything is picked, and a lower number is
/// picked before a higher one or Enter.
const KEYS: [(Key, Intent); 24] = [
    (Key::F11, Intent::Fullscreen),
    (Key::F5, Intent::QuickSave),
    (Key::F9, Intent::QuickLoad),
    (Key::Backspace, Intent::StepBack),
    (Key::PageUp, Intent::History),
    (Key::Tab, Intent::ToggleSkip),
    (Key::A, Intent::ToggleAuto),
    (Key::Escape, Intent::Back),
    (Key::H, Intent::Hints),
    (Key::ArrowDown, Intent::Down),
    (Key::ArrowUp, Intent::Up),
    (Key::ArrowRight, Intent::Right),
    (Key::ArrowLeft, Intent::Left),
    (Key::Num1, Intent::Number(1)),
    (Key::Num2, Intent::Number(2)),
    (Key::Num3, Intent::Number(3)),
    (Key::Num4, Intent::Number(4)),
    (Key::Num5, Intent::Number(5)),
    (Key::Num6, Intent::Number(6)),
    (Key::Num7, Intent::Number(7)),
    (Key::Num8, Intent::Number(8)),
    (Key::Num9, Intent::Number(9)),
    (Key::Enter, Intent::Confirm),
    (Key::Space, Intent::Continue),
];

/// The intents of the keys pressed in `events`, each once, in the order of
/// [`KEYS`]; then History if the mouse wheel turned up, and HoldingSkip
/// while Ctrl is held.
pub(super) fn intents_in(events: &[egui::Event], ctrl_held: bool) -> Vec<Intent> {
    let mut intents: Vec<Intent> = KEYS
        .iter()
        .filter(|(key, intent)| went_down(events, *key, intent.repeats()))
        .map(|(_, intent)| *intent)
        .collect();
    if wheel_up(events) && !intents.contains(&Intent::History) {
        intents.push(Intent::History);
    }
    if ctrl_held {
        intents.push(Intent::HoldingSkip);
    }
    intents
}

/// Whether the mouse wheel turned up (away from the player) in `events`
/// by at least a notch: a line, or a touchpad's 24 points, not its jitter.
fn wheel_up(events: &[egui::Event]) -> bool {
    events.iter().any(|event| match event {
        egui::Event::MouseWheel { unit, delta, .. } => match unit {
            egui::MouseWheelUnit::Point => delta.y >= 24.0,
            egui::MouseWheelUnit::Line | egui::MouseWheelUnit::Page => delta.y >= 1.0,
        },
        _ => false,
    })
}

/// Whether `key` went down in `events`, or repeated if `repeats` counts.
fn went_down(events: &[egui::Event], key: Key, repeats: bool) -> bool {
    events.iter().any(|event| {
        matches!(event, egui::Event::Key { key: k, pressed: true, repeat, .. }
            if *k == key && (repeats || !*repeat))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key, repeat: bool) -> egui::Event {
        egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat,
            modifiers: egui::Modifiers::NONE,
        }
    }

    fn intents_of(events: Vec<egui::Event>) -> Vec<Intent> {
        intents_in(&events, false)
    }

    #[test]
    fn keys_are_read_in_the_order_they_apply() {
        let events = vec![
            key(Key::Enter, false),
            key(Key::Num3, false),
            key(Key::ArrowDown, false),
            key(Key::Num1, false),
            key(Key::H, false),
        ];
        use Intent::*;
        assert_eq!(
            intents_of(events),
            [Hints, Down, Number(1), Number(3), Confirm]
        );
    }

    #[test]
    fn only_the_arrows_repeat() {
        let held = [Key::ArrowUp, Key::Enter, Key::Space, Key::Num2, Key::H];
        let events = held.iter().map(|k| key(*k, true)).collect();
        assert_eq!(intents_of(events), [Intent::Up]);
    }

    #[test]
    fn a_key_let_go_or_pressed_twice_counts_once() {
        let released = egui::Event::Key {
            key: Key::Enter,
            physical_key: None,
            pressed: false,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        };
        assert_eq!(intents_of(vec![released]), []);
        let twice = vec![key(Key::Space, false), key(Key::Space, false)];
        assert_eq!(intents_of(twice), [Intent::Continue]);
    }

    #[test]
    fn escape_goes_back_and_f11_switches_the_screen_once_a_press() {
        let events = vec![key(Key::Escape, false), key(Key::F11, false)];
        assert_eq!(intents_of(events), [Intent::Fullscreen, Intent::Back]);
        let held = vec![key(Key::Escape, true), key(Key::F11, true)];
        assert_eq!(intents_of(held), []);
    }

    #[test]
    fn saving_going_back_and_skipping_have_their_keys() {
        use Intent::*;
        let events = vec![
            key(Key::F5, false),
            key(Key::F9, false),
            key(Key::Backspace, false),
            key(Key::Tab, false),
            key(Key::A, false),
        ];
        assert_eq!(
            intents_in(&events, true),
            [
                QuickSave,
                QuickLoad,
                StepBack,
                ToggleSkip,
                ToggleAuto,
                HoldingSkip
            ]
        );
        let wheel = egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, 1.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
        };
        assert_eq!(intents_in(&[wheel], false), [History]);
    }
}
