//! Saves as files in the browser, where they otherwise live inside the
//! page's `localStorage`: exported as downloads, imported from a file the
//! player picks. On the desktop saves are files in the saves folder
//! already.

use bevy::prelude::*;

use super::plugin::{ExportSave, ImportSave, PickSaveFile, SaveNews, SaveSystems};
use super::shelf::{NUMBERED_SLOTS, Saves, Slot, SlotState};
use crate::web::{download, pick_file as open_picker, take_picked};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (export, pick_file, take_picked_file).before(SaveSystems::Load),
    );
}

/// Offers the saves asked for as downloads.
fn export(
    mut requests: MessageReader<ExportSave>,
    saves: Option<Res<Saves>>,
    mut news: MessageWriter<SaveNews>,
) {
    for ExportSave(slot) in requests.read() {
        let Some(text) = saves.as_ref().and_then(|saves| saves.export(*slot)) else {
            continue;
        };
        let name = format!("famulant-{}", slot.file_name());
        if let Err(err) = download(&name, &text) {
            news.write(SaveNews::Failed(err));
        }
    }
}

/// Opens the browser's file picker when asked.
fn pick_file(mut requests: MessageReader<PickSaveFile>, mut news: MessageWriter<SaveNews>) {
    if requests.read().count() > 0
        && let Err(err) = open_picker()
    {
        news.write(SaveNews::Failed(err));
    }
}

/// Imports a file the player picked into the first empty numbered slot;
/// with none empty, nothing is overwritten and the player is told.
fn take_picked_file(
    saves: Option<Res<Saves>>,
    mut imports: MessageWriter<ImportSave>,
    mut news: MessageWriter<SaveNews>,
) {
    let (Some(text), Some(saves)) = (take_picked(), saves) else {
        return;
    };
    let empty = saves
        .listing()
        .iter()
        .find(|(slot, state)| matches!(slot, Slot::Numbered(_)) && *state == SlotState::Empty);
    match empty {
        Some((slot, _)) => {
            imports.write(ImportSave { slot: *slot, text });
        }
        None => {
            news.write(SaveNews::Failed(format!(
                "all {NUMBERED_SLOTS} slots hold a game: save over one you no longer need first"
            )));
        }
    }
}
