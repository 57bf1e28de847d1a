//! Where the intents take the highlight down a menu page: its items one
//! under another, up and down round and round; left and right change the
//! highlighted item's value, Enter takes it.

use super::Intent;

/// What the player asks of a menu page's highlighted item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ask {
    /// Enter: press the button, or go on to the next value.
    Take,
    /// Left: the value before, or less.
    Less,
    /// Right: the next value, or more.
    More,
}

/// Where one frame's `intents` take the highlight on a page of `count`
/// items while item `highlighted` is lit, and what they ask of an item
/// (the first ask if several): the item highlighted after them, and the
/// ask with its item.
pub(crate) fn navigate_list(
    highlighted: usize,
    count: usize,
    intents: &[Intent],
) -> (usize, Option<(usize, Ask)>) {
    let n = count.max(1);
    let mut at = highlighted.min(n - 1);
    for intent in intents {
        let ask = match intent {
            Intent::Down => {
                at = (at + 1) % n;
                continue;
            }
            Intent::Up => {
                at = (at + n - 1) % n;
                continue;
            }
            Intent::Confirm => Ask::Take,
            Intent::Left => Ask::Less,
            Intent::Right => Ask::More,
            _ => continue,
        };
        if count > 0 {
            return (at, Some((at, ask)));
        }
    }
    (at, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Intent::*;

    #[test]
    fn up_and_down_go_round_and_round() {
        assert_eq!(navigate_list(0, 4, &[Down]), (1, None));
        assert_eq!(navigate_list(3, 4, &[Down]), (0, None));
        assert_eq!(navigate_list(0, 4, &[Up]), (3, None));
        assert_eq!(navigate_list(1, 4, &[Down, Down, Up]), (2, None));
    }

    #[test]
    fn enter_takes_and_left_and_right_change_the_item_highlighted() {
        assert_eq!(navigate_list(2, 4, &[Confirm]), (2, Some((2, Ask::Take))));
        assert_eq!(
            navigate_list(0, 4, &[Down, Left]),
            (1, Some((1, Ask::Less)))
        );
        assert_eq!(
            navigate_list(1, 4, &[Right, Confirm]),
            (1, Some((1, Ask::More)))
        );
    }

    #[test]
    fn other_intents_leave_a_page_alone() {
        let others = [Number(1), Continue, Hints, Back, Pause, Fullscreen];
        assert_eq!(navigate_list(1, 4, &others), (1, None));
    }

    #[test]
    fn a_highlight_past_the_end_comes_back_onto_the_page() {
        // The page lost items since (a game to continue no longer exists).
        assert_eq!(navigate_list(5, 3, &[]), (2, None));
        assert_eq!(navigate_list(5, 3, &[Confirm]), (2, Some((2, Ask::Take))));
        assert_eq!(navigate_list(0, 0, &[Down, Confirm]), (0, None));
    }
}
