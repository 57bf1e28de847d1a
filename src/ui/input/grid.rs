//! Where the intents take the highlight among a choice's options: a grid
//! of them, numbered from the top left.

use super::Intent;

/// A choice's options, `columns` to a row, numbered from the top left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Grid {
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
        _ => return Nav::Stay,
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
pub(crate) fn navigate_all(
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
