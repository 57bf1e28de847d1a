//! Which mods the player has turned on, and in what order they are laid
//! over the story: `mods.ron` in the game's data folder, written by the
//! Mods screen and read by `famulant mods`.
//!
//! ```ron
//! (order: ["pforte", "night_shift"], off: ["night_shift"])
//! ```

use serde::{Deserialize, Serialize};

use super::layer::ModReport;
use super::read::ModFiles;

/// The name of the player's choice of mods in the data folder.
pub const CHOICES_FILE: &str = "mods.ron";

/// The player's choice of mods: an order and those turned off.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "game", derive(bevy::prelude::Resource))]
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

    /// The choices as `mods.ron` holds them.
    pub fn to_ron(&self) -> String {
        let pretty = ron::ser::PrettyConfig::new().depth_limit(1);
        ron::ser::to_string_pretty(self, pretty).expect("ids and lists serialise")
    }

    /// Turns the mod `id` off when it is on, and on when it is off.
    pub fn toggle(&mut self, id: &str) {
        if self.off.iter().any(|off| off == id) {
            self.off.retain(|off| off != id);
        } else {
            self.off.push(id.to_owned());
        }
    }

    /// The ids to keep an order by, of `reports` in their load order now:
    /// those of mods whose `mod.ron` can be read (the others have no id of
    /// their own).
    pub fn load_order(reports: &[ModReport]) -> Vec<String> {
        (reports.iter())
            .filter(|report| report.name.is_some())
            .map(|report| report.id.clone())
            .collect()
    }

    /// Moves the mod `id` one place earlier (`later` false) or later in
    /// `order`, the ids of the mods found in their load order now.
    pub fn shift(&mut self, order: &[String], id: &str, later: bool) {
        let mut order = order.to_vec();
        if let Some(at) = order.iter().position(|o| o == id) {
            let to = if later { at + 1 } else { at.wrapping_sub(1) };
            if to < order.len() {
                order.swap(at, to);
            }
        }
        self.order = order;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|id| (*id).to_owned()).collect()
    }

    #[test]
    fn turning_a_mod_off_and_on_again_leaves_no_trace() {
        let mut choices = ModChoices::default();
        choices.toggle("pforte");
        assert_eq!(choices.off, ids(&["pforte"]));
        choices.toggle("pforte");
        assert_eq!(choices, ModChoices::default());
    }

    #[test]
    fn a_mod_moves_one_place_and_not_past_either_end() {
        let found = ids(&["a", "b", "c"]);
        let mut choices = ModChoices::default();
        choices.shift(&found, "c", false);
        assert_eq!(choices.order, ids(&["a", "c", "b"]));
        choices.shift(&choices.order.clone(), "a", false);
        assert_eq!(choices.order, ids(&["a", "c", "b"]));
        choices.shift(&choices.order.clone(), "b", true);
        assert_eq!(choices.order, ids(&["a", "c", "b"]));
        choices.shift(&choices.order.clone(), "a", true);
        assert_eq!(choices.order, ids(&["c", "a", "b"]));
    }

    #[test]
    fn a_mod_whose_mod_ron_cannot_be_read_keeps_no_place_in_the_order() {
        let report = |id: &str, readable: bool| ModReport {
            id: id.to_owned(),
            name: readable.then(crate::content::LocalizedText::default),
            version: None,
            shown: format!("mods/{id}"),
            state: super::super::ModState::On,
        };
        let reports = [
            report("a", true),
            report("folder", false),
            report("b", true),
        ];
        assert_eq!(ModChoices::load_order(&reports), ids(&["a", "b"]));
    }

    #[test]
    fn the_choices_are_read_back_as_written() {
        let choices = ModChoices {
            order: ids(&["b", "a"]),
            off: ids(&["a"]),
        };
        assert_eq!(ModChoices::from_ron(Some(&choices.to_ron())), choices);
    }
}
