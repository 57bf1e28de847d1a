//! The lines a player has read, in any game: skipping goes over these and
//! stops at the first line not read before. Kept apart from saves, so that
//! it outlives new games and restarts.

use std::collections::BTreeSet;

use super::record;
use super::storage::Storage;
use crate::content::NodeRef;

/// The file the record is kept in.
const FILE: &str = "seen.ron";

/// Every line read, as `scene.node`.
#[derive(Debug, Default)]
#[cfg_attr(feature = "game", derive(bevy::prelude::Resource))]
pub struct SeenLines {
    lines: BTreeSet<String>,
    storage: Option<Storage>,
}

impl SeenLines {
    /// The record kept in `storage`; empty when there is none. One that
    /// cannot be read is set aside, kept, and started anew.
    pub fn open(storage: Storage) -> (SeenLines, Option<String>) {
        let (lines, problem) = record::open(&storage, FILE, "the record of lines read");
        let storage = Some(storage);
        (SeenLines { lines, storage }, problem)
    }

    /// Whether the line at `at` was read before.
    pub fn contains(&self, at: &NodeRef) -> bool {
        self.lines.contains(&at.to_string())
    }

    /// Notes that the line at `at` was read; whether it is new.
    pub fn insert(&mut self, at: &NodeRef) -> bool {
        self.lines.insert(at.to_string())
    }

    /// Writes the record to its storage, if it has one.
    pub fn store(&self) -> std::io::Result<()> {
        record::store(self.storage.as_ref(), FILE, &self.lines)
    }
}
