//! Putting the content files together into a [`Library`], from a folder on
//! disk (the command line) or from loaded assets (the game).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::art::parse_svg;
use super::diagnostic::{self, Diagnostic, Pos};
use super::format::{CharacterDef, Declares, Manifest, PropShape, RoomDef, SceneDef};
use super::library::Library;
use super::limits::{outside_folder, read_inside};
use super::locate::Seg;
use super::mods::ModDef;
use super::parse::{ContentFile, parse};
use super::review::ReviewDef;
use super::validate::{is_picture_path, validate};

/// The manifest's file name within the scenes folder.
pub const MANIFEST_FILE: &str = "index.ron";
/// The characters' file name within the scenes folder.
pub const CHARACTERS_FILE: &str = "characters.ron";
/// The rooms' file name within the scenes folder.
pub const ROOMS_FILE: &str = "rooms.ron";

/// A file as it came from disk or the asset server: parsed, or why not.
pub type Loaded<T> = Result<ContentFile<T>, Diagnostic>;

/// Every content file of a story, each parsed.
#[derive(Clone, Debug)]
pub struct ContentSet {
    /// `index.ron`.
    pub manifest: ContentFile<Manifest>,
    /// The `mod.ron` of each mod loaded over the story, in load order.
    pub mods: Vec<ContentFile<ModDef>>,
    /// `characters.ron`, then each mod's characters file: where two
    /// declare an id, the later one's character is played.
    pub characters: Vec<ContentFile<Vec<CharacterDef>>>,
    /// `rooms.ron`, then each mod's rooms file, layered as characters are.
    pub rooms: Vec<ContentFile<Vec<RoomDef>>>,
    /// The scenes: the manifest's in its order, less those a mod replaces,
    /// then each mod's.
    pub scenes: Vec<ContentFile<SceneDef>>,
    /// The case review's words, when the manifest names a file for them.
    pub review: Option<ContentFile<ReviewDef>>,
}

impl ContentSet {
    /// The files that declare variables, relationships and endings: the
    /// manifest, then each mod's `mod.ron`, each with its name.
    pub fn declarers(&self) -> impl Iterator<Item = (&str, &dyn Declares)> {
        std::iter::once((
            self.manifest.path.as_str(),
            &self.manifest.value as &dyn Declares,
        ))
        .chain(
            self.mods
                .iter()
                .map(|m| (m.path.as_str(), &m.value as &dyn Declares)),
        )
    }
}

/// The outcome of loading content: the library when it has no errors, and
/// every diagnostic found (warnings also come with a library).
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    /// The playable story, when there were no errors.
    pub library: Option<Library>,
    /// Errors and warnings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Adds diagnostics found elsewhere; errors among them take the
    /// library away.
    pub(crate) fn with(mut self, more: Vec<Diagnostic>) -> Self {
        self.diagnostics.extend(more);
        diagnostic::sort(&mut self.diagnostics);
        if self.has_errors() {
            self.library = None;
        }
        self
    }

    /// No library, for these reasons.
    pub(crate) fn failed(mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostic::sort(&mut diagnostics);
        Self {
            library: None,
            diagnostics,
        }
    }
}

/// Checks `set` and builds its library when it has no errors.
pub(crate) fn compile_set(set: &ContentSet) -> Compiled {
    let mut diagnostics = validate(set);
    diagnostic::sort(&mut diagnostics);
    let library = (!diagnostics.iter().any(Diagnostic::is_error)).then(|| Library::build(set));
    Compiled {
        library,
        diagnostics,
    }
}

/// The story's own files put together, before any mod; or every file
/// that could not be read or parsed.
pub(crate) fn story_set(
    manifest: Loaded<Manifest>,
    characters: Loaded<Vec<CharacterDef>>,
    rooms: Loaded<Vec<RoomDef>>,
    scenes: Vec<Loaded<SceneDef>>,
    review: Option<Loaded<ReviewDef>>,
) -> Result<ContentSet, Vec<Diagnostic>> {
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut parsed = Vec::new();
    for scene in scenes {
        match scene {
            Ok(file) => parsed.push(file),
            Err(err) => errors.push(err),
        }
    }
    let review = match review.transpose() {
        Ok(review) => review,
        Err(err) => {
            errors.push(err);
            None
        }
    };
    let (manifest, characters, rooms) = match (manifest, characters, rooms) {
        (Ok(m), Ok(c), Ok(r)) if errors.is_empty() => (m, c, r),
        (m, c, r) => {
            errors.extend(m.err());
            errors.extend(c.err());
            errors.extend(r.err());
            return Err(errors);
        }
    };
    Ok(ContentSet {
        manifest,
        mods: Vec::new(),
        characters: vec![characters],
        rooms: vec![rooms],
        scenes: parsed,
        review,
    })
}

/// The diagnostic for a scene file the manifest lists but that cannot be read.
pub fn unreadable_scene(manifest: &ContentFile<Manifest>, index: usize, why: &str) -> Diagnostic {
    let name = &manifest.value.scenes[index];
    let pos = manifest
        .located
        .pos_of(&[Seg::Field("scenes"), Seg::Index(index)]);
    Diagnostic::error(
        &manifest.path,
        pos,
        format!("cannot read scene file `{name}`: {why}"),
    )
    .with_hint("the names in `scenes` are relative to the folder that holds index.ron")
}

/// The diagnostic for the review file the manifest names but that cannot
/// be read.
pub fn unreadable_review(manifest: &ContentFile<Manifest>, why: &str) -> Diagnostic {
    let name = manifest.value.review.as_deref().unwrap_or_default();
    let pos = manifest.located.pos_of(&[Seg::Field("review")]);
    Diagnostic::error(
        &manifest.path,
        pos,
        format!("cannot read the review file `{name}`: {why}"),
    )
    .with_hint("the name in `review` is relative to the folder that holds index.ron")
}

/// The name of the folder beside the scenes folder that holds the game's
/// pictures (under `art/`), fonts and look: rooms name their pictures
/// relative to it.
pub const ASSETS_FOLDER: &str = "assets";

/// Reads and checks every content file in `dir` (a folder holding
/// `index.ron`), with the pictures of the assets folder beside it. `shown`
/// is how diagnostics name that folder.
pub fn load_dir(dir: &Path, shown: &str) -> Compiled {
    let (set, pictures) = read_story_dir(dir, shown);
    match set {
        Ok(set) => compile_set(&set),
        Err(errors) => Compiled::failed(errors),
    }
    .with(pictures)
}

/// The story's files in the folder `dir` (named `shown` in diagnostics),
/// with the pictures of the assets folder beside it, as [`read_story`]
/// gives them.
pub fn read_story_dir(
    dir: &Path,
    shown: &str,
) -> (Result<ContentSet, Vec<Diagnostic>>, Vec<Diagnostic>) {
    let assets = assets_beside(dir);
    read_story(
        shown,
        &|name| read_inside(dir, name),
        &Art {
            shown: &assets_beside(Path::new(shown)).to_string_lossy(),
            read: &|name| read_inside(&assets, name),
        },
    )
}

/// The assets folder beside the scenes folder `dir`.
pub fn assets_beside(dir: &Path) -> PathBuf {
    let dir = dir.components().as_path();
    match dir.parent() {
        Some(parent) if dir.file_name().is_some() => parent.join(ASSETS_FOLDER),
        _ => dir.join("..").join(ASSETS_FOLDER),
    }
}

/// Where a story's pictures are read from: the assets folder, named
/// `shown` in diagnostics, and how its files are read.
pub struct Art<'a> {
    /// How diagnostics name the folder.
    pub shown: &'a str,
    /// Reads a file, given its name relative to the folder.
    pub read: &'a dyn Fn(&str) -> std::io::Result<String>,
}

impl<'a> Art<'a> {
    /// Pictures read through `read`, as the story's files are: for content
    /// held in memory, where a picture's name cannot be taken for a scene
    /// file's.
    pub fn within(read: &'a dyn Fn(&str) -> std::io::Result<String>) -> Art<'a> {
        Art {
            shown: ASSETS_FOLDER,
            read,
        }
    }
}

/// Reads and checks content whose files, and pictures, come from `read`,
/// given a file name relative to the scenes folder (or, for a picture, to
/// the assets folder): for content held in memory. `shown` is how
/// diagnostics name the scenes folder.
pub fn compile_with(shown: &str, read: impl Fn(&str) -> std::io::Result<String>) -> Compiled {
    let (set, pictures) = read_story(shown, &read, &Art::within(&read));
    match set {
        Ok(set) => compile_set(&set),
        Err(errors) => Compiled::failed(errors),
    }
    .with(pictures)
}

/// The story's own files read through `read` and put together (or every
/// file that could not be read or parsed), and what is wrong with the
/// pictures its rooms name, read from `art`.
pub fn read_story(
    shown: &str,
    read: &impl Fn(&str) -> std::io::Result<String>,
    art: &Art,
) -> (Result<ContentSet, Vec<Diagnostic>>, Vec<Diagnostic>) {
    let shown = shown.trim_end_matches('/');
    let path_of = |name: &str| format!("{shown}/{name}");
    let load = |name: &str| {
        read(name).map(|text| (path_of(name), text)).map_err(|err| {
            Diagnostic::error(&path_of(name), Pos::START, format!("cannot read: {err}"))
        })
    };
    let manifest = load(MANIFEST_FILE).and_then(|(path, text)| parse::<Manifest>(&path, &text));
    let scenes = match &manifest {
        Ok(manifest) => manifest
            .value
            .scenes
            .iter()
            .enumerate()
            .map(
                |(i, name)| match outside_folder(name).map_or_else(|| read(name), refused) {
                    Ok(text) => parse::<SceneDef>(&path_of(name), &text),
                    Err(err) => Err(unreadable_scene(manifest, i, &err.to_string())),
                },
            )
            .collect(),
        Err(_) => Vec::new(),
    };
    let review = manifest.as_ref().ok().and_then(|manifest| {
        let name = manifest.value.review.as_deref()?;
        Some(
            match outside_folder(name).map_or_else(|| read(name), refused) {
                Ok(text) => parse::<ReviewDef>(&path_of(name), &text),
                Err(err) => Err(unreadable_review(manifest, &err.to_string())),
            },
        )
    });
    let rooms = load(ROOMS_FILE).and_then(|(path, text)| parse(&path, &text));
    let pictures = match &rooms {
        Ok(rooms) => check_pictures(
            rooms,
            art.read,
            &|name| format!("{}/{name}", art.shown),
            "a picture's path is relative to the assets folder beside the scenes folder",
        ),
        Err(_) => Vec::new(),
    };
    let characters = load(CHARACTERS_FILE).and_then(|(path, text)| parse(&path, &text));
    (
        story_set(manifest, characters, rooms, scenes, review),
        pictures,
    )
}

/// The error of reading a file whose name leads out of the folder: it is
/// not read at all.
pub(crate) fn refused(why: &str) -> std::io::Result<String> {
    Err(std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        why,
    ))
}

/// Reads each SVG picture the rooms use, once: a file that cannot be read
/// is an error at the prop that names it, a broken picture an error at its
/// line and column in the picture's file.
pub(crate) fn check_pictures(
    rooms: &ContentFile<Vec<RoomDef>>,
    read: &dyn Fn(&str) -> std::io::Result<String>,
    path_of: &dyn Fn(&str) -> String,
    hint: &str,
) -> Vec<Diagnostic> {
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for (i, room) in rooms.value.iter().enumerate() {
        for (k, prop) in room.props.iter().enumerate() {
            let PropShape::Image(path, _, _) = &prop.shape else {
                continue;
            };
            // A path that is not a picture's is reported by `validate`.
            if !is_picture_path(path) || !seen.insert(path.as_str()) {
                continue;
            }
            match read(path) {
                Ok(text) => found.extend(parse_svg(&path_of(path), text.as_bytes()).err()),
                Err(err) => {
                    let at = rooms.located.pos_of(&[
                        Seg::Index(i),
                        Seg::Field("props"),
                        Seg::Index(k),
                        Seg::Field("shape"),
                    ]);
                    found.push(
                        Diagnostic::error(
                            &rooms.path,
                            at,
                            format!("cannot read the picture `{path}`: {err}"),
                        )
                        .with_hint(hint),
                    );
                }
            }
        }
    }
    found
}
