//! `mod.ron`: what a mod is called, what it is made for, and the files
//! and declarations it brings.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::content::format::{EndingDef, RelationshipDef, Target, Value, declares_by_fields};
use crate::content::text::LocalizedText;

/// The name of a mod's description file, at the top of its folder.
pub const MOD_FILE: &str = "mod.ron";

/// A mod's `mod.ron`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModDef {
    /// The format version the mod's files are written in; must be
    /// [`crate::content::FORMAT_VERSION`].
    pub format: u32,
    /// The mod's id: lowercase letters, digits and `_`, unique among mods.
    pub id: String,
    /// What players see it called.
    pub name: LocalizedText,
    /// The mod's own version, as its authors number it.
    pub version: String,
    /// Who made it.
    #[serde(default)]
    pub authors: Vec<String>,
    /// What it adds or changes, for the Mods screen.
    pub description: LocalizedText,
    /// The game version it was made for, such as `"0.1"`: a mod for a
    /// later version is refused.
    pub game: String,
    /// Its scene files, relative to its folder: a scene with the id of a
    /// shipped one replaces it, any other is added.
    #[serde(default)]
    pub scenes: Vec<String>,
    /// Its characters file, if it has one: a character with the id of a
    /// shipped one replaces it, any other is added.
    #[serde(default)]
    pub characters: Option<String>,
    /// Its rooms file, if it has one, replacing and adding as characters do.
    #[serde(default)]
    pub rooms: Option<String>,
    /// Variables it adds, with their starting values.
    #[serde(default)]
    pub variables: BTreeMap<String, Value>,
    /// Relationships it adds.
    #[serde(default)]
    pub relationships: Vec<RelationshipDef>,
    /// Endings it adds.
    #[serde(default)]
    pub endings: Vec<EndingDef>,
    /// Where a story of its own begins (`@scene` or `@scene.node`), if it
    /// brings one: the title screen offers it as a new game, named as the
    /// mod, beside the main story.
    #[serde(default)]
    pub start: Option<Target>,
}

declares_by_fields!(ModDef);
