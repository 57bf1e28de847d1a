//! Which mods the player has turned on, and in what order they are laid
//! over the story: `mods.ron` in the game's data folder, written by the
//! Mods screen and read by `famulant mods`.
//!
//! ```ron
//! (order: ["pforte", "night_shift"], off: ["night_shift"])
//! ```

use serde::{Deserialize, Serialize};

use super::read::ModFiles;

/// The name of the player's choice of mods in the data folder.
pub const CHOICES_FILE: &str = "mods.ron";

/// The player's choice of mods: an order and those turned off.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ModChoices {
    /// Mod ids in the order they are laid on; mods not named come after,
    /// in the order of their folders' names.
    pub order: Vec<String>,
    /// Mod ids turned off.
    pub off: Vec<String>,
}

impl ModChoices {
    /// Reads `mods.ron`'s text; none (all on, in folder order) when there
    /// is none or it cannot be read.
    pub fn from_ron(text: Option<&str>) -> ModChoices {
        text.and_then(|text| ron::from_str(text).ok())
            .unwrap_or_default()
    }

    /// `found` in the order chosen, each with whether it is on. A mod whose
    /// `mod.ron` cannot be read is on (so that its errors are shown) and
    /// keeps its place among those not named.
    pub fn arrange(&self, found: Vec<ModFiles>) -> Vec<(ModFiles, bool)> {
        let place = |files: &ModFiles| {
            let id = files.def.as_ref().ok().map(|def| def.value.id.as_str());
            let at = id.and_then(|id| self.order.iter().position(|o| o == id));
            (at.is_none(), at.unwrap_or(0))
        };
        let mut found = found;
        found.sort_by_key(|files| place(files));
        found
            .into_iter()
            .map(|files| {
                let off =
                    (files.def.as_ref().ok()).is_some_and(|def| self.off.contains(&def.value.id));
                (files, !off)
            })
            .collect()
    }
}
