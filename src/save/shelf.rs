//! The save slots: an autosave, a quicksave and twelve numbered slots, what
//! each holds, and reading and writing them. A save that cannot be read is
//! reported and kept: writing to its slot first moves it aside.

use super::file::{SaveFile, SaveInfo};
use super::storage::Storage;

/// How many numbered slots the Save and Load screens offer.
pub const NUMBERED_SLOTS: u8 = 12;

/// Where a game is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// Written at the start of every scene and at every choice.
    Auto,
    /// Written by F5, read by F9.
    Quick,
    /// One of the numbered slots, 1 to [`NUMBERED_SLOTS`].
    Numbered(u8),
}

impl Slot {
    /// Every slot: the autosave, the quicksave, then the numbered ones.
    pub fn all() -> impl Iterator<Item = Slot> {
        [Slot::Auto, Slot::Quick]
            .into_iter()
            .chain((1..=NUMBERED_SLOTS).map(Slot::Numbered))
    }

    /// Its file's name.
    pub fn file_name(self) -> String {
        match self {
            Slot::Auto => "auto.ron".to_owned(),
            Slot::Quick => "quick.ron".to_owned(),
            Slot::Numbered(n) => format!("slot-{n:02}.ron"),
        }
    }
}

/// What a slot holds.
#[derive(Clone, Debug, PartialEq)]
pub enum SlotState {
    /// Nothing.
    Empty,
    /// A game, described.
    Saved(SaveInfo),
    /// A file that cannot be loaded, and why, in words.
    Unreadable(String),
}

/// Why a slot could not be loaded, in words for the player.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The saved games in one storage, and what each slot holds.
#[derive(Debug)]
#[cfg_attr(feature = "game", derive(bevy::prelude::Resource))]
pub struct Saves {
    storage: Storage,
    listing: Vec<(Slot, SlotState)>,
    revision: u64,
}

impl Saves {
    /// The saves in `storage`, each slot looked at.
    pub fn open(storage: Storage) -> Saves {
        let mut saves = Saves {
            storage,
            listing: Vec::new(),
            revision: 0,
        };
        saves.refresh();
        saves
    }

    /// Looks at every slot again.
    pub fn refresh(&mut self) {
        self.listing = Slot::all()
            .map(|slot| (slot, self.state_of(slot)))
            .collect();
        self.revision += 1;
    }

    /// Looks at `slot` again, after it was written.
    fn refresh_slot(&mut self, slot: Slot) {
        let state = self.state_of(slot);
        if let Some((_, held)) = self.listing.iter_mut().find(|(s, _)| *s == slot) {
            *held = state;
        }
        self.revision += 1;
    }

    /// Counts up whenever what a slot holds may have changed.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Every slot and what it holds, in [`Slot::all`]'s order.
    pub fn listing(&self) -> &[(Slot, SlotState)] {
        &self.listing
    }

    /// What `slot` holds.
    pub fn slot(&self, slot: Slot) -> &SlotState {
        self.listing
            .iter()
            .find_map(|(s, state)| (*s == slot).then_some(state))
            .unwrap_or(&SlotState::Empty)
    }

    /// The slot saved last, if any holds a game.
    pub fn newest(&self) -> Option<Slot> {
        self.listing
            .iter()
            .filter_map(|(slot, state)| match state {
                SlotState::Saved(info) => Some((info.saved_at, *slot)),
                _ => None,
            })
            .max_by_key(|(at, _)| *at)
            .map(|(_, slot)| slot)
    }

    /// The game in `slot`.
    pub fn load(&self, slot: Slot) -> Result<SaveFile, LoadError> {
        let name = slot.file_name();
        let place = self.storage.describe(&name);
        match self.storage.read(&name) {
            Ok(Some(text)) => SaveFile::from_ron(&text)
                .map_err(|why| LoadError(format!("{place} cannot be loaded: {why}"))),
            Ok(None) => Err(LoadError(format!("{place} holds no save"))),
            Err(err) => Err(LoadError(format!("{place} cannot be read: {err}"))),
        }
    }

    /// Writes `save` into `slot`. A save there that cannot be read is
    /// moved aside first and kept; the answer then says where.
    pub fn save(&mut self, slot: Slot, save: &SaveFile) -> std::io::Result<Option<String>> {
        let name = slot.file_name();
        let set_aside = match self.slot(slot) {
            SlotState::Unreadable(_) => Some(self.storage.set_aside(&name, "unreadable")?),
            _ => None,
        };
        let written = self.storage.write(&name, &save.to_ron());
        self.refresh_slot(slot);
        written.map(|()| set_aside)
    }

    /// The text of the save in `slot`, to export as a file.
    pub fn export(&self, slot: Slot) -> Option<String> {
        self.storage.read(&slot.file_name()).ok().flatten()
    }

    /// Stores the save `text` (an exported file) in `slot`, when it is one
    /// this game can load.
    pub fn import(&mut self, slot: Slot, text: &str) -> Result<Option<String>, LoadError> {
        let save = SaveFile::from_ron(text)
            .map_err(|why| LoadError(format!("the file cannot be loaded: {why}")))?;
        self.save(slot, &save)
            .map_err(|err| LoadError(format!("it could not be stored: {err}")))
    }

    fn state_of(&self, slot: Slot) -> SlotState {
        match self.storage.read(&slot.file_name()) {
            Ok(None) => SlotState::Empty,
            Ok(Some(text)) => match SaveFile::from_ron(&text) {
                Ok(save) => SlotState::Saved(save.about),
                Err(why) => SlotState::Unreadable(why.to_string()),
            },
            Err(err) => SlotState::Unreadable(err.to_string()),
        }
    }
}
