//! Reading a mod's files: its `mod.ron`, then what it lists, each through
//! the same reader, which keeps to the mod's folder.

use std::path::{Path, PathBuf};

use super::format::{MOD_FILE, ModDef};
use crate::content::diagnostic::{Diagnostic, Pos};
use crate::content::format::{CharacterDef, RoomDef, SceneDef};
use crate::content::limits::{outside_folder, read_inside};
use crate::content::load::{Loaded, check_pictures, refused};
use crate::content::locate::Seg;
use crate::content::parse::parse;

/// A mod's files as read: its `mod.ron`, and the scene, characters and
/// rooms files it names, each parsed or why not; and what is wrong with
/// the pictures its rooms name.
#[derive(Clone, Debug)]
pub struct ModFiles {
    /// How diagnostics name the mod's folder.
    pub shown: String,
    /// `mod.ron`.
    pub def: Loaded<ModDef>,
    /// The scene files it lists, in its order.
    pub scenes: Vec<Loaded<SceneDef>>,
    /// Its characters file, if it names one.
    pub characters: Option<Loaded<Vec<CharacterDef>>>,
    /// Its rooms file, if it names one.
    pub rooms: Option<Loaded<Vec<RoomDef>>>,
    /// What is wrong with its pictures.
    pub pictures: Vec<Diagnostic>,
}

impl ModFiles {
    /// Every file of the mod that could not be read or parsed, and every
    /// broken picture.
    pub fn problems(&self) -> Vec<Diagnostic> {
        let mut found: Vec<Diagnostic> = self.def.as_ref().err().cloned().into_iter().collect();
        found.extend(self.scenes.iter().filter_map(|s| s.as_ref().err().cloned()));
        found.extend(
            self.characters
                .as_ref()
                .and_then(|c| c.as_ref().err().cloned()),
        );
        found.extend(self.rooms.as_ref().and_then(|r| r.as_ref().err().cloned()));
        found.extend(self.pictures.iter().cloned());
        found
    }
}

/// Reads a mod whose files come from `read`, given a name relative to the
/// mod's folder; `shown` is how diagnostics name that folder.
pub fn read_mod(shown: &str, read: impl Fn(&str) -> std::io::Result<String>) -> ModFiles {
    let shown = shown.trim_end_matches('/').to_owned();
    let path_of = |name: &str| format!("{shown}/{name}");
    let listed = |name: &str| {
        outside_folder(name)
            .map_or_else(|| read(name), refused)
            .map_err(|err| {
                Diagnostic::error(&path_of(name), Pos::START, format!("cannot read: {err}"))
            })
    };
    let def = listed(MOD_FILE).and_then(|text| parse::<ModDef>(&path_of(MOD_FILE), &text));
    let Ok(mod_def) = &def else {
        return ModFiles {
            shown,
            def,
            scenes: Vec::new(),
            characters: None,
            rooms: None,
            pictures: Vec::new(),
        };
    };
    let value = &mod_def.value;
    // A listed file that cannot be read is an error where `mod.ron` names it.
    let named = |name: &str, at: &[Seg]| {
        outside_folder(name)
            .map_or_else(|| read(name), refused)
            .map_err(|err| {
                Diagnostic::error(
                    &mod_def.path,
                    mod_def.located.pos_of(at),
                    format!("cannot read `{name}`: {err}"),
                )
                .with_hint(
                    "the files a mod names are relative to the folder that holds its mod.ron",
                )
            })
    };
    let scenes = (value.scenes.iter().enumerate())
        .map(|(i, name)| {
            named(name, &[Seg::Field("scenes"), Seg::Index(i)])
                .and_then(|text| parse(&path_of(name), &text))
        })
        .collect();
    let characters = (value.characters.as_deref()).map(|name| {
        named(name, &[Seg::Field("characters")]).and_then(|text| parse(&path_of(name), &text))
    });
    let rooms: Option<Loaded<Vec<RoomDef>>> = (value.rooms.as_deref()).map(|name| {
        named(name, &[Seg::Field("rooms")]).and_then(|text| parse(&path_of(name), &text))
    });
    let pictures = match &rooms {
        Some(Ok(rooms)) => check_pictures(
            rooms,
            &read,
            &path_of,
            "a mod's pictures are relative to the folder that holds its mod.ron",
        ),
        _ => Vec::new(),
    };
    ModFiles {
        shown: shown.clone(),
        def,
        scenes,
        characters,
        rooms,
        pictures,
    }
}

/// The mods in the folder `dir`: each folder in it with a `mod.ron`, in
/// the order of their names, read from disk (keeping to each folder).
pub fn find_mods(dir: &Path) -> Vec<ModFiles> {
    mod_folders(dir)
        .iter()
        .map(|folder| read_mod(&folder.to_string_lossy(), |name| read_inside(folder, name)))
        .collect()
}

/// The folders in `dir` that hold a `mod.ron`, in the order of their names.
pub fn mod_folders(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut folders: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join(MOD_FILE).is_file())
        .collect();
    folders.sort();
    folders
}
