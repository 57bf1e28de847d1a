//! What the player has found of the story in every game (see
//! [`Progress`]), kept in `progress.ron` apart from the saves, so that the
//! flowchart and chapter select outlive new games and restarts.

use super::record;
use super::storage::Storage;
use crate::story::{Progress, Session};

/// The file the record is kept in.
const FILE: &str = "progress.ron";

/// The progress over every game, and where it is kept.
#[derive(Debug, Default)]
#[cfg_attr(feature = "game", derive(bevy::prelude::Resource))]
pub struct Found {
    progress: Progress,
    storage: Option<Storage>,
    unstored: bool,
}

impl Found {
    /// The record kept in `storage`; empty when there is none. One that
    /// cannot be read is set aside, kept, and begun anew.
    pub fn open(storage: Storage) -> (Found, Option<String>) {
        let (progress, problem) = record::open(&storage, FILE, "the record of the story found");
        let found = Found {
            progress,
            storage: Some(storage),
            unstored: false,
        };
        (found, problem)
    }

    /// What has been found.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Notes what `session` reached; `entered` when it has just entered the
    /// scene it is in. Whether anything was new.
    pub fn note(&mut self, session: &Session, entered: bool) -> bool {
        let mut new = self.progress.note(session);
        if entered {
            new |= self.progress.note_entry(session);
        }
        self.unstored |= new;
        new
    }

    /// Writes the record to its storage if it changed since it was last
    /// written.
    pub fn store(&mut self) -> std::io::Result<()> {
        if self.unstored {
            record::store(self.storage.as_ref(), FILE, &self.progress)?;
            self.unstored = false;
        }
        Ok(())
    }
}
