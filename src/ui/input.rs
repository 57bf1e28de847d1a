//! The keys the title screen and the dialogue box answer to, read as a few
//! plain intents, and where those take the keyboard's highlight among a
//! choice's options. Which key means what is decided here alone.

use bevy_egui::egui::{self, Key};

/// What a key asks of a menu or the dialogue box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Intent {
    /// Arrow down: the row below.
    Down,
    /// Arrow up: the row above.
    Up,
    /// Arrow right: the next option.
    Right,
    /// Arrow left: the option before.
    Left,
    /// A number key, 1 to 9: the option with that number.
    Number(usize),
    /// Enter: take what is highlighted, or go on.
    Confirm,
    /// Space: go on reading; it never picks an option.
    Continue,
    /// H: show or hide the options' medical hints.
    Hints,
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

/// Each key with its intent, in the order the intents of one frame apply:
/// the highlight moves before anything is picked, and a lower number is
/// picked before a higher one or Enter.
const KEYS: [(Key, Intent); 16] = [
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

/// The intents of the keys pressed this frame, each once, in the order of
/// [`KEYS`].
pub(super) fn read(ctx: &egui::Context) -> Vec<Intent> {
    ctx.input(intents_in)
}

fn intents_in(input: &egui::InputState) -> Vec<Intent> {
    KEYS.iter()
        .filter(|(key, intent)| went_down(input, *key, intent.repeats()))
        .map(|(_, intent)| *intent)
        .collect()
}

/// Whether `key` went down this frame, or repeated if `repeats` counts.
fn went_down(input: &egui::InputState, key: Key, repeats: bool) -> bool {
    input.events.iter().any(|event| {
        matches!(event, egui::Event::Key { key: k, pressed: true, repeat, .. }
            if *k == key && (repeats || !*repeat))
    })
}

/// Whether `intents` ask to go on: Enter or Space.
pub(super) fn goes_on(intents: &[Intent]) -> bool {
    intents
        .iter()
        .any(|intent| matches!(intent, Intent::Confirm | Intent::Continue))
}

/// A choice's options, `columns` to a row, numbered from the top left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Grid {
    /// How many options.
    pub count: usize,
    /// How many to a row, at least one.
    pub columns: usize,
}

/// What one intent does among a choice's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Nav {
    /// Nothing: the intent means nothing here.
    Stay,
    /// The highlight moves to this option.
    Highlight(usize),
    /// This option, one that exists, is picked.
    Pick(usize),
}

/// Where `intent` takes the keyboard among `grid`'s options while option
/// `highlighted` is lit: down and up go by rows, right and left by options,
/// round and round; a number picks its option, Enter the highlighted one.
pub(super) fn navigate(highlighted: usize, grid: Grid, intent: Intent) -> Nav {
    let n = grid.count.max(1);
    let step = match intent {
        Intent::Down => grid.columns,
        Intent::Up => n - grid.columns % n,
        Intent::Right => 1,
        Intent::Left => n - 1,
        Intent::Number(number) => return pick(number.wrapping_sub(1), grid),
        Intent::Confirm => return pick(highlighted, grid),
        Intent::Continue | Intent::Hints => return Nav::Stay,
    };
    Nav::Highlight((highlighted + step) % n)
}

/// Picks option `index` if there is one.
fn pick(index: usize, grid: Grid) -> Nav {
    if index < grid.count {
        Nav::Pick(index)
    } else {
        Nav::Stay
    }
}

/// [`navigate`] through one frame's `intents` in order: the option
/// highlighted after them, and the option picked, the first if several.
pub(super) fn navigate_all(
    mut highlighted: usize,
    grid: Grid,
    intents: &[Intent],
) -> (usize, Option<usize>) {
    for intent in intents {
        match navigate(highlighted, grid, *intent) {
            Nav::Stay => {}
            Nav::Highlight(option) => highlighted = option,
            Nav::Pick(option) => return (highlighted, Some(option)),
        }
    }
    (highlighted, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIVE_IN_TWO_COLUMNS: Grid = Grid {
        count: 5,
        columns: 2,
    };
    const THREE_IN_ONE_COLUMN: Grid = Grid {
        count: 3,
        columns: 1,
    };

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
        let mut input = egui::InputState::default();
        input.events = events;
        intents_in(&input)
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
    fn enter_and_space_go_on() {
        assert!(goes_on(&[Intent::Confirm]));
        assert!(goes_on(&[Intent::Down, Intent::Continue]));
        assert!(!goes_on(&[Intent::Number(1), Intent::Hints]));
    }

    #[test]
    fn arrows_go_by_rows_and_by_options_round_and_round() {
        let grid = FIVE_IN_TWO_COLUMNS;
        assert_eq!(navigate(0, grid, Intent::Down), Nav::Highlight(2));
        assert_eq!(navigate(4, grid, Intent::Down), Nav::Highlight(1));
        assert_eq!(navigate(2, grid, Intent::Up), Nav::Highlight(0));
        assert_eq!(navigate(0, grid, Intent::Up), Nav::Highlight(3));
        assert_eq!(navigate(4, grid, Intent::Right), Nav::Highlight(0));
        assert_eq!(navigate(0, grid, Intent::Left), Nav::Highlight(4));
        let column = THREE_IN_ONE_COLUMN;
        assert_eq!(navigate(2, column, Intent::Down), Nav::Highlight(0));
        assert_eq!(navigate(0, column, Intent::Up), Nav::Highlight(2));
    }

    #[test]
    fn one_option_or_none_stays_highlighted() {
        for count in [0, 1] {
            let grid = Grid { count, columns: 1 };
            for arrow in [Intent::Down, Intent::Up, Intent::Right, Intent::Left] {
                assert_eq!(navigate(0, grid, arrow), Nav::Highlight(0));
            }
        }
    }

    #[test]
    fn numbers_and_enter_pick_only_options_that_exist() {
        let grid = THREE_IN_ONE_COLUMN;
        assert_eq!(navigate(0, grid, Intent::Number(1)), Nav::Pick(0));
        assert_eq!(navigate(0, grid, Intent::Number(3)), Nav::Pick(2));
        assert_eq!(navigate(0, grid, Intent::Number(4)), Nav::Stay);
        assert_eq!(navigate(1, grid, Intent::Confirm), Nav::Pick(1));
        // Fewer options than before, the highlight left behind.
        assert_eq!(navigate(5, grid, Intent::Confirm), Nav::Stay);
        let none = Grid {
            count: 0,
            columns: 1,
        };
        assert_eq!(navigate(0, none, Intent::Confirm), Nav::Stay);
    }

    #[test]
    fn space_and_hints_do_not_navigate() {
        let grid = THREE_IN_ONE_COLUMN;
        assert_eq!(navigate(1, grid, Intent::Continue), Nav::Stay);
        assert_eq!(navigate(1, grid, Intent::Hints), Nav::Stay);
    }

    #[test]
    fn a_frame_moves_the_highlight_before_it_picks() {
        let grid = FIVE_IN_TWO_COLUMNS;
        let enter_after_down = [Intent::Down, Intent::Confirm];
        assert_eq!(navigate_all(1, grid, &enter_after_down), (3, Some(3)));
        let number_before_enter = [Intent::Right, Intent::Number(5), Intent::Confirm];
        assert_eq!(navigate_all(0, grid, &number_before_enter), (1, Some(4)));
        let number_out_of_range = [Intent::Number(9), Intent::Confirm];
        assert_eq!(navigate_all(2, grid, &number_out_of_range), (2, Some(2)));
        assert_eq!(navigate_all(2, grid, &[Intent::Hints]), (2, None));
        assert_eq!(navigate_all(7, grid, &[]), (7, None));
    }
}
