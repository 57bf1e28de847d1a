//! Laying mods over the story, one after another: each that works is kept,
//! each that does not is left out with its errors.

use std::collections::HashMap;

use super::read::ModFiles;
use crate::content::diagnostic::{self, Diagnostic, Pos};
use crate::content::load::{Compiled, ContentSet, compile_set};
use crate::content::locate::Seg;
use crate::content::parse::ContentFile;
use crate::content::text::LocalizedText;
use crate::content::validate::validate;

/// The story with every mod that works laid over it, and what became of
/// each mod.
#[derive(Clone, Debug, Default)]
pub struct Modded {
    /// The story and the mods that work: its library, and its diagnostics
    /// (those of the mods left out are in their reports).
    pub compiled: Compiled,
    /// Each mod, in load order.
    pub mods: Vec<ModReport>,
}

impl Modded {
    /// Every diagnostic: the story's with the working mods', then each
    /// mod's left out.
    pub fn all_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.compiled
            .diagnostics
            .iter()
            .chain(self.mods.iter().flat_map(|m| match &m.state {
                ModState::Broken(errors) => errors.as_slice(),
                _ => &[],
            }))
    }
}

/// What became of one mod.
#[derive(Clone, Debug, PartialEq)]
pub struct ModReport {
    /// Its id (its folder's name when `mod.ron` cannot be read).
    pub id: String,
    /// Its name, from `mod.ron`.
    pub name: Option<LocalizedText>,
    /// Its version, from `mod.ron`.
    pub version: Option<String>,
    /// How diagnostics name its folder.
    pub shown: String,
    /// Whether it is laid over the story.
    pub state: ModState,
}

/// Whether a mod is laid over the story.
#[derive(Clone, Debug, PartialEq)]
pub enum ModState {
    /// It is.
    On,
    /// It is left out, for these errors.
    Broken(Vec<Diagnostic>),
    /// The player turned it off.
    Off,
    /// It was not tried: the story's own files have errors.
    Untried,
}

/// Lays `mods` that are on (each is paired with whether it is) over the
/// story `story` (its files put together, or why they cannot be;
/// `pictures` are the problems of its pictures), in order.
pub fn compile_modded(
    story: Result<ContentSet, Vec<Diagnostic>>,
    pictures: Vec<Diagnostic>,
    mods: Vec<(ModFiles, bool)>,
) -> Modded {
    let untried = |mods: &[(ModFiles, bool)]| {
        let state = |on: bool| if on { ModState::Untried } else { ModState::Off };
        mods.iter().map(|(m, on)| report(m, state(*on))).collect()
    };
    let set = match story {
        Ok(set) => set,
        Err(errors) => {
            return Modded {
                compiled: Compiled::failed(errors).with(pictures),
                mods: untried(&mods),
            };
        }
    };
    let story = compile_set(&set).with(pictures.clone());
    if story.library.is_none() {
        return Modded {
            compiled: story,
            mods: untried(&mods),
        };
    }
    let mut layered = Layered {
        set,
        replaced: HashMap::new(),
        conflicts: Vec::new(),
    };
    let mut reports = Vec::new();
    for (files, on) in &mods {
        let state = match on.then(|| layered.try_to_lay(files)) {
            None => ModState::Off,
            Some(Ok(())) => ModState::On,
            Some(Err(errors)) => ModState::Broken(errors),
        };
        reports.push(report(files, state));
    }
    let mut compiled = compile_set(&layered.set).with(pictures);
    compiled.diagnostics.extend(layered.conflicts);
    diagnostic::sort(&mut compiled.diagnostics);
    Modded {
        compiled,
        mods: reports,
    }
}

/// A mod's report: its id, name and version from `mod.ron` where it can
/// be read.
fn report(files: &ModFiles, state: ModState) -> ModReport {
    let def = files.def.as_ref().ok().map(|file| &file.value);
    let folder = files.shown.rsplit('/').next().unwrap_or(&files.shown);
    ModReport {
        id: def.map_or_else(|| folder.to_owned(), |d| d.id.clone()),
        name: def.map(|d| d.name.clone()),
        version: def.map(|d| d.version.clone()),
        shown: files.shown.clone(),
        state,
    }
}

/// The story with the mods laid on so far.
struct Layered {
    set: ContentSet,
    /// Which mod replaced a scene, character or room (by kind and id).
    replaced: HashMap<(&'static str, String), String>,
    /// Two mods replacing the same thing: warnings for the later one.
    conflicts: Vec<Diagnostic>,
}

impl Layered {
    /// Lays the mod of `files` over what is laid so far, if its files can
    /// be read and the story still has no errors with it; else its errors.
    fn try_to_lay(&mut self, files: &ModFiles) -> Result<(), Vec<Diagnostic>> {
        let problems = files.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        let candidate = laid(&self.set, files);
        let mut errors: Vec<Diagnostic> = validate(&candidate)
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        if let Some(earlier) = self
            .set
            .mods
            .iter()
            .find(|m| Ok(&m.value.id) == files.def.as_ref().map(|d| &d.value.id))
        {
            let def = files.def.as_ref().expect("no problems");
            errors.push(
                Diagnostic::error(
                    &def.path,
                    def.located.pos_of(&[Seg::Field("id")]),
                    format!("a mod with the id `{}` is already laid on", def.value.id),
                )
                .with_hint(format!("{} has it; mod ids are unique", earlier.path)),
            );
        }
        if !errors.is_empty() {
            diagnostic::sort(&mut errors);
            return Err(errors);
        }
        self.note_replacements(files);
        self.set = candidate;
        Ok(())
    }

    /// Notes what the mod replaces, warning where an earlier mod replaced
    /// it already.
    fn note_replacements(&mut self, files: &ModFiles) {
        let Ok(def) = &files.def else { return };
        let id = &def.value.id;
        for (kind, thing, at) in replacements(&self.set, files) {
            if let Some(earlier) = self.replaced.insert((kind, thing.clone()), id.clone()) {
                self.conflicts.push(
                    Diagnostic::warning(&at.file, at.pos, format!("the mod `{earlier}` replaces the {kind} `{thing}` too"))
                        .with_hint(format!("`{id}` is laid on later, so its {kind} is the one played; change the load order to play the other")),
                );
            }
        }
    }
}

/// A place in a file: where a mod names what it replaces.
struct At {
    file: String,
    pos: Pos,
}

/// Where `file` has the value at `path`.
fn at<T>(file: &ContentFile<T>, path: &[Seg]) -> At {
    At {
        file: file.path.clone(),
        pos: file.located.pos_of(path),
    }
}

/// What the mod of `files` replaces of `set`: the kind and id of each
/// scene, character and room whose id `set` has already, and where the
/// mod names it.
fn replacements(set: &ContentSet, files: &ModFiles) -> Vec<(&'static str, String, At)> {
    let mut found = Vec::new();
    for scene in files.scenes.iter().flatten() {
        if set.scenes.iter().any(|s| s.value.id == scene.value.id) {
            found.push((
                "scene",
                scene.value.id.clone(),
                at(scene, &[Seg::Field("id")]),
            ));
        }
    }
    if let Some(Ok(characters)) = &files.characters {
        found.extend(layered_ids("character", &set.characters, characters, |c| {
            &c.id
        }));
    }
    if let Some(Ok(rooms)) = &files.rooms {
        found.extend(layered_ids("room", &set.rooms, rooms, |r| &r.id));
    }
    found
}

/// The entries of the mod's file `theirs` whose id one of `ours` (the
/// story's file and earlier mods') has already: each as a `kind`, id and
/// where the mod names it.
fn layered_ids<T>(
    kind: &'static str,
    ours: &[ContentFile<Vec<T>>],
    theirs: &ContentFile<Vec<T>>,
    id: impl Fn(&T) -> &String,
) -> Vec<(&'static str, String, At)> {
    let known = |wanted: &String| {
        ours.iter()
            .any(|file| file.value.iter().any(|o| id(o) == wanted))
    };
    (theirs.value.iter().enumerate())
        .filter(|(_, entry)| known(id(entry)))
        .map(|(i, entry)| {
            (
                kind,
                id(entry).clone(),
                at(theirs, &[Seg::Index(i), Seg::Field("id")]),
            )
        })
        .collect()
}

/// `set` with the mod of `files` laid over it (whose files all parsed):
/// its scenes replacing those of the same id, its characters and rooms
/// layered on, its `mod.ron` added to the declarations.
fn laid(set: &ContentSet, files: &ModFiles) -> ContentSet {
    let mut set = set.clone();
    for scene in files.scenes.iter().flatten() {
        set.scenes.retain(|s| s.value.id != scene.value.id);
        set.scenes.push(scene.clone());
    }
    set.characters
        .extend(files.characters.iter().flatten().cloned());
    if let (Some(Ok(rooms)), Ok(def)) = (&files.rooms, &files.def) {
        let mut rooms = rooms.clone();
        for room in &mut rooms.value {
            room.from_mod = Some(def.value.id.clone());
        }
        set.rooms.push(rooms);
    }
    set.mods.extend(files.def.iter().cloned());
    set
}
