//! The lines a player has read, in any game: skipping goes over these and
//! stops at the first line not read before. Kept apart from saves, so that
//! it outlives new games and restarts.

use std::collections::BTreeSet;

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
        let (lines, problem) = match storage.read(FILE) {
            Ok(None) => (BTreeSet::new(), None),
            Ok(Some(text)) => match ron::from_str(&text) {
                Ok(lines) => (lines, None),
                Err(err) => {
                    let kept = storage.set_aside(FILE, "unreadable");
                    let note = match kept {
                        Ok(kept) => format!(
                            "the record of lines read was unreadable ({err}); kept as {kept}"
                        ),
                        Err(io) => format!(
                            "the record of lines read was unreadable ({err}) and could not be set aside: {io}"
                        ),
                    };
                    (BTreeSet::new(), Some(note))
                }
            },
            Err(err) => (
                BTreeSet::new(),
                Some(format!("the record of lines read could not be read: {err}")),
            ),
        };
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
        match &self.storage {
            Some(storage) => storage.write(
                FILE,
                &ron::to_string(&self.lines).map_err(std::io::Error::other)?,
            ),
            None => Ok(()),
        }
    }
}
