//! The keys and buttons that act anywhere in the story, when no menu page
//! is open: quicksave and quickload, back a line, the history, skip and
//! auto. Their intents become the game's messages here; which key gives
//! which intent is decided in `input`.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::input::{Intent, Intents};
use super::menu::{Menu, Page};
use crate::reading::ReadingRequest;
use crate::save::{LoadFrom, SaveTo, Slot};
use crate::screen::Screen;
use crate::story::RollBack;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, answer_shortcuts);
}

/// Where the shortcuts lead.
#[derive(SystemParam)]
struct Shortcuts<'w> {
    save: MessageWriter<'w, SaveTo>,
    load: MessageWriter<'w, LoadFrom>,
    rollback: MessageWriter<'w, RollBack>,
    reading: MessageWriter<'w, ReadingRequest>,
    menu: ResMut<'w, Menu>,
}

/// What a shortcut does: the message it sends, or the page it opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shortcut {
    /// Save into the quicksave.
    Save,
    /// Load the quicksave.
    Load,
    /// Back a line or choice.
    Back,
    /// Open the history.
    History,
    /// Skip or auto on or off.
    Reading(ReadingRequest),
}

/// The shortcut `intent` is, on the playing screen or (only quickload) on
/// the title.
fn shortcut(intent: Intent, playing: bool) -> Option<Shortcut> {
    let shortcut = match intent {
        Intent::QuickLoad => return Some(Shortcut::Load),
        Intent::QuickSave => Shortcut::Save,
        Intent::StepBack => Shortcut::Back,
        Intent::History => Shortcut::History,
        Intent::ToggleSkip => Shortcut::Reading(ReadingRequest::ToggleSkip),
        Intent::ToggleAuto => Shortcut::Reading(ReadingRequest::ToggleAuto),
        _ => return None,
    };
    playing.then_some(shortcut)
}

/// Takes this frame's shortcuts, while no menu page is open, and does what
/// they ask; tells reading when the skip key is held down or let go.
fn answer_shortcuts(
    mut intents: ResMut<Intents>,
    screen: Res<State<Screen>>,
    mut held: Local<bool>,
    mut to: Shortcuts,
) {
    let playing = *screen.get() == Screen::Playing;
    let holding = playing && !to.menu.is_open() && intents.take_one(Intent::HoldingSkip);
    if holding != *held {
        *held = holding;
        to.reading.write(ReadingRequest::SkipHeld(holding));
    }
    if to.menu.is_open() {
        return;
    }
    let asked: Vec<Shortcut> = [
        Intent::QuickSave,
        Intent::QuickLoad,
        Intent::StepBack,
        Intent::History,
        Intent::ToggleSkip,
        Intent::ToggleAuto,
    ]
    .into_iter()
    .filter(|intent| intents.take_one(*intent))
    .filter_map(|intent| shortcut(intent, playing))
    .collect();
    for shortcut in asked {
        match shortcut {
            Shortcut::Save => {
                to.save.write(SaveTo(Slot::Quick));
            }
            Shortcut::Load => {
                to.load.write(LoadFrom(Slot::Quick));
            }
            Shortcut::Back => {
                to.rollback.write(RollBack::Step);
            }
            Shortcut::History => to.menu.open(Page::History),
            Shortcut::Reading(request) => {
                to.reading.write(request);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_quickload_works_on_the_title() {
        assert_eq!(shortcut(Intent::QuickLoad, false), Some(Shortcut::Load));
        for intent in [Intent::QuickSave, Intent::StepBack, Intent::History] {
            assert_eq!(shortcut(intent, false), None);
        }
        assert_eq!(shortcut(Intent::StepBack, true), Some(Shortcut::Back));
        assert_eq!(shortcut(Intent::Confirm, true), None);
    }
}
