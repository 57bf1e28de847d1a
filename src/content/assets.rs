//! Scene files as Bevy assets: one loader per content type, read from the
//! `scenes://` asset source, compiled with the mods the player has on into
//! a [`Library`] whenever a file or a mod arrives or changes on disk, or
//! the player's choice of mods changes.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::path::Path;
use std::sync::Arc;

#[cfg(target_arch = "wasm32")]
use bevy::asset::io::AssetSourceBuilder;
use bevy::asset::io::{AssetSourceId, Reader};
use bevy::asset::{AssetLoader, LoadContext, LoadState, UntypedAssetId};
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use serde::de::DeserializeOwned;

use super::diagnostic::Diagnostic;
use super::format::{CharacterDef, Manifest, RoomDef, SceneDef};
use super::library::Library;
use super::limits::outside_folder;
use super::load::{
    CHARACTERS_FILE, Loaded, MANIFEST_FILE, ROOMS_FILE, assets_beside, story_set,
    unreadable_review, unreadable_scene,
};
use super::mod_assets::{ModAsset, ModFolders, ModHandles, ModsFound, mods_read, note_mods};
use super::mods::{ModChoices, ModReport, ModState, Modded, compile_modded};
use super::parse::parse;
use super::review::ReviewDef;

/// The asset source that holds the scene files.
pub const SCENES_SOURCE: &str = "scenes";

pub(crate) fn plugin(app: &mut App) {
    app.init_asset::<ManifestAsset>()
        .init_asset::<CharactersAsset>()
        .init_asset::<RoomsAsset>()
        .init_asset::<SceneAsset>()
        .init_asset::<ReviewAsset>()
        .register_asset_loader(RonLoader::<ManifestAsset>::default())
        .register_asset_loader(RonLoader::<CharactersAsset>::default())
        .register_asset_loader(RonLoader::<RoomsAsset>::default())
        .register_asset_loader(RonLoader::<SceneAsset>::default())
        .register_asset_loader(RonLoader::<ReviewAsset>::default())
        .init_resource::<ContentStatus>()
        .add_plugins(super::mod_assets::plugin)
        .add_systems(Startup, load_content)
        .add_systems(PreUpdate, (request_listed_scenes, compile_content).chain());
}

/// Registers the `scenes://` asset source at `dir`, and Bevy's default
/// source (pictures named without a source, `art/or_lamp.svg`) at the
/// assets folder beside it. Must run before Bevy's `AssetPlugin` is added.
///
/// On the desktop every file is read through [`confined::source`], which
/// keeps to its folder and to the size limits; in the browser the files are
/// fetched from the address the game was served from.
pub fn register_source(app: &mut App, dir: &Path) {
    for (name, dir) in [
        (AssetSourceId::from(SCENES_SOURCE), dir.to_path_buf()),
        (AssetSourceId::Default, assets_beside(dir)),
    ] {
        #[cfg(not(target_arch = "wasm32"))]
        let source = super::confined::source(&dir, super::confined::Confine::Folder);
        #[cfg(target_arch = "wasm32")]
        let source = AssetSourceBuilder::platform_default(&dir.to_string_lossy(), None);
        app.register_asset_source(name, source);
    }
}

/// Where the story's content stands.
#[derive(Resource, Clone, Debug, Default)]
pub enum ContentStatus {
    /// Files are still arriving.
    #[default]
    Loading,
    /// The story is playable.
    Ready {
        /// The story.
        library: Arc<Library>,
        /// Problems that do not stop play.
        warnings: Vec<Diagnostic>,
        /// Counts up with every successful (re)load.
        generation: u32,
    },
    /// The files have errors; play waits until they are fixed.
    Broken(Vec<Diagnostic>),
}

impl ContentStatus {
    /// The library, when the content is playable.
    pub fn library(&self) -> Option<&Arc<Library>> {
        match self {
            ContentStatus::Ready { library, .. } => Some(library),
            _ => None,
        }
    }
}

/// A content type with its asset wrapper.
trait ContentAsset: Asset + TypePath + Sized {
    type Def: DeserializeOwned + Send + Sync;
    fn wrap(loaded: Loaded<Self::Def>) -> Self;
}

macro_rules! content_asset {
    ($(#[$doc:meta])* $name:ident, $def:ty) => {
        $(#[$doc])*
        #[derive(Asset, TypePath, Debug)]
        pub struct $name(Loaded<$def>);
        impl ContentAsset for $name {
            type Def = $def;
            fn wrap(loaded: Loaded<$def>) -> Self {
                Self(loaded)
            }
        }
    };
}

content_asset!(
    /// `index.ron`, parsed.
    ManifestAsset,
    Manifest
);
content_asset!(
    /// `characters.ron`, parsed.
    CharactersAsset,
    Vec<CharacterDef>
);
content_asset!(
    /// `rooms.ron`, parsed.
    RoomsAsset,
    Vec<RoomDef>
);
content_asset!(
    /// One scene file, parsed.
    SceneAsset,
    SceneDef
);
content_asset!(
    /// The case review's words, parsed.
    ReviewAsset,
    ReviewDef
);

/// Reads a RON content file into its asset. A syntax error is not a load
/// failure: it is kept as a diagnostic so that the game can show it.
#[derive(TypePath)]
struct RonLoader<A>(PhantomData<fn() -> A>);

impl<A> Default for RonLoader<A> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<A: ContentAsset> AssetLoader for RonLoader<A> {
    type Asset = A;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<A, Self::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        let shown = shown_path(load_context.path().path());
        let loaded = match std::str::from_utf8(&bytes) {
            Ok(text) => parse::<A::Def>(&shown, text),
            Err(err) => Err(Diagnostic::error(
                &shown,
                super::Pos::START,
                format!("the file is not UTF-8 text: {err}"),
            )),
        };
        Ok(A::wrap(loaded))
    }

    fn extensions(&self) -> &[&str] {
        &["ron"]
    }
}

/// How diagnostics name a file of the scenes source.
fn shown_path(path: &Path) -> String {
    format!("{SCENES_SOURCE}/{}", path.to_string_lossy())
}

/// The handles that keep the content loaded.
#[derive(Resource)]
struct ContentHandles {
    manifest: Handle<ManifestAsset>,
    characters: Handle<CharactersAsset>,
    rooms: Handle<RoomsAsset>,
    /// Scene handles by file name, for the files the manifest lists.
    scenes: HashMap<String, Handle<SceneAsset>>,
    /// The review file the manifest names, by its name.
    review: Option<(String, Handle<ReviewAsset>)>,
    /// Set when anything arrived or changed since the last compile.
    dirty: bool,
    generation: u32,
}

fn load_content(mut commands: Commands, server: Res<AssetServer>) {
    let path = |name: &str| format!("{SCENES_SOURCE}://{name}");
    commands.insert_resource(ContentHandles {
        manifest: server.load(path(MANIFEST_FILE)),
        characters: server.load(path(CHARACTERS_FILE)),
        rooms: server.load(path(ROOMS_FILE)),
        scenes: HashMap::new(),
        review: None,
        dirty: true,
        generation: 0,
    });
}

/// What happened to the content's files since the last frame.
#[derive(SystemParam)]
struct FileEvents<'w, 's> {
    manifest: MessageReader<'w, 's, AssetEvent<ManifestAsset>>,
    characters: MessageReader<'w, 's, AssetEvent<CharactersAsset>>,
    rooms: MessageReader<'w, 's, AssetEvent<RoomsAsset>>,
    scenes: MessageReader<'w, 's, AssetEvent<SceneAsset>>,
    review: MessageReader<'w, 's, AssetEvent<ReviewAsset>>,
    mods: MessageReader<'w, 's, AssetEvent<ModAsset>>,
    failures: MessageReader<'w, 's, bevy::asset::UntypedAssetLoadFailedEvent>,
    choices: Res<'w, ModChoices>,
}

impl FileEvents<'_, '_> {
    /// Whether the manifest changed, and whether any file did (or failed).
    fn changes(&mut self) -> (bool, bool) {
        let manifest = self.manifest.read().any(is_change);
        let any = manifest
            | self.characters.read().any(is_change)
            | self.rooms.read().any(is_change)
            | self.scenes.read().any(is_change)
            | self.review.read().any(is_change)
            | self.mods.read().any(is_change)
            | (self.failures.read().count() > 0)
            | self.choices.is_changed();
        (manifest, any)
    }
}

/// Starts loading every scene file the manifest lists, and the review file
/// it names, and notes changes.
fn request_listed_scenes(
    server: Res<AssetServer>,
    mut handles: ResMut<ContentHandles>,
    manifests: Res<Assets<ManifestAsset>>,
    mut events: FileEvents,
) {
    let (manifest_changed, changed) = events.changes();
    handles.dirty |= changed;
    if !manifest_changed {
        return;
    }
    let Some(ManifestAsset(Ok(manifest))) = manifests.get(&handles.manifest) else {
        return;
    };
    let listed: Vec<String> = (manifest.value.scenes.iter())
        .filter(|name| outside_folder(name).is_none())
        .cloned()
        .collect();
    handles.scenes.retain(|name, _| listed.contains(name));
    for name in listed {
        handles
            .scenes
            .entry(name.clone())
            .or_insert_with(|| server.load(format!("{SCENES_SOURCE}://{name}")));
    }
    let review = (manifest.value.review.clone()).filter(|name| outside_folder(name).is_none());
    if handles.review.as_ref().map(|(name, _)| name) != review.as_ref() {
        handles.review = review.map(|name| {
            let handle = server.load(format!("{SCENES_SOURCE}://{name}"));
            (name, handle)
        });
    }
}

/// Whether an asset event means new content (not merely "dependencies loaded").
fn is_change<A: Asset>(event: &AssetEvent<A>) -> bool {
    matches!(
        event,
        AssetEvent::Added { .. } | AssetEvent::Modified { .. } | AssetEvent::Removed { .. }
    )
}

/// The content files as they arrived.
#[derive(SystemParam)]
struct ContentAssets<'w> {
    manifests: Res<'w, Assets<ManifestAsset>>,
    characters: Res<'w, Assets<CharactersAsset>>,
    rooms: Res<'w, Assets<RoomsAsset>>,
    scenes: Res<'w, Assets<SceneAsset>>,
    reviews: Res<'w, Assets<ReviewAsset>>,
}

/// The mods as they arrived, and the player's choice of them.
#[derive(SystemParam)]
struct ModsRead<'w> {
    assets: Res<'w, Assets<ModAsset>>,
    handles: Res<'w, ModHandles>,
    folders: Res<'w, ModFolders>,
    choices: Res<'w, ModChoices>,
    outcome: ResMut<'w, ModsFound>,
}

/// The review file `manifest` names, as it arrived or why it cannot be
/// read; none without one; `Err` while it is still on its way.
fn take_review(
    server: &AssetServer,
    handles: &ContentHandles,
    reviews: &Assets<ReviewAsset>,
    manifest: &Loaded<Manifest>,
) -> Result<Option<Loaded<ReviewDef>>, StillLoading> {
    let Ok(manifest) = manifest else {
        return Ok(None);
    };
    let Some(named) = &manifest.value.review else {
        return Ok(None);
    };
    if let Some(why) = outside_folder(named) {
        return Ok(Some(Err(unreadable_review(manifest, why))));
    }
    let handle = match &handles.review {
        Some((name, handle)) if name == named => handle,
        _ => return Err(StillLoading), // not requested yet
    };
    match reviews.get(handle) {
        Some(asset) => Ok(Some(asset.0.clone())),
        None => match server.load_state(handle.id()) {
            LoadState::Failed(err) => Ok(Some(Err(unreadable_review(manifest, &err.to_string())))),
            _ => Err(StillLoading),
        },
    }
}

/// A file is still on its way.
struct StillLoading;

/// Compiles the content once every file has arrived or failed.
fn compile_content(
    server: Res<AssetServer>,
    mut handles: ResMut<ContentHandles>,
    assets: ContentAssets,
    mut mods: ModsRead,
    mut status: ResMut<ContentStatus>,
) {
    if !handles.dirty {
        return;
    }
    // A file that failed to load (it does not exist, say) becomes a diagnostic.
    let failed = |id: UntypedAssetId, name: &str| match server.load_state(id) {
        LoadState::Failed(err) => Some(Diagnostic::error(
            &format!("{SCENES_SOURCE}/{name}"),
            super::Pos::START,
            format!("cannot read: {err}"),
        )),
        _ => None,
    };
    macro_rules! take {
        ($assets:expr, $handle:expr, $name:expr) => {
            match $assets.get(&$handle) {
                Some(asset) => asset.0.clone(),
                None => match failed($handle.id().untyped(), $name) {
                    Some(err) => Err(err),
                    None => return, // still loading
                },
            }
        };
    }
    let manifest = take!(assets.manifests, handles.manifest, MANIFEST_FILE);
    let characters = take!(assets.characters, handles.characters, CHARACTERS_FILE);
    let rooms = take!(assets.rooms, handles.rooms, ROOMS_FILE);
    let mut listed = Vec::new();
    if let Ok(manifest) = &manifest {
        for (i, name) in manifest.value.scenes.iter().enumerate() {
            if let Some(why) = outside_folder(name) {
                listed.push(Err(unreadable_scene(manifest, i, why)));
                continue;
            }
            let Some(handle) = handles.scenes.get(name) else {
                return; // not requested yet
            };
            let loaded = match assets.scenes.get(handle) {
                Some(asset) => asset.0.clone(),
                None => match server.load_state(handle.id()) {
                    LoadState::Failed(err) => Err(unreadable_scene(manifest, i, &err.to_string())),
                    _ => return,
                },
            };
            listed.push(loaded);
        }
    }
    let Ok(review) = take_review(&server, &handles, &assets.reviews, &manifest) else {
        return;
    };
    let Some(mod_files) = mods_read(&server, &mods.handles, &mods.assets, &mods.folders) else {
        return;
    };
    handles.dirty = false;
    let found: Vec<(String, String)> = (mod_files.iter().zip(&mods.handles.0))
        .map(|(files, found)| (files.shown.clone(), found.folder.clone()))
        .collect();
    let Modded {
        compiled,
        mods: reports,
    } = compile_modded(
        story_set(manifest, characters, rooms, listed, review),
        Vec::new(),
        mods.choices.arrange(mod_files),
    );
    tell_mods(&reports);
    note_mods(&mut mods.outcome, reports, &found);
    let (library, diagnostics) = (compiled.library, compiled.diagnostics);
    *status = match library {
        Some(library) => {
            handles.generation += 1;
            for warning in &diagnostics {
                warn!("{warning}");
            }
            info!("story content loaded (generation {})", handles.generation);
            ContentStatus::Ready {
                library: Arc::new(library),
                warnings: diagnostics,
                generation: handles.generation,
            }
        }
        None => {
            for d in &diagnostics {
                error!("{d}");
            }
            ContentStatus::Broken(diagnostics)
        }
    };
}

/// Logs which mods are laid on and which are left out, with why.
fn tell_mods(reports: &[ModReport]) {
    for report in reports {
        match &report.state {
            ModState::On => info!("mod `{}` laid on", report.id),
            ModState::Broken(errors) => {
                error!(
                    "mod `{}` left out for {} error(s):",
                    report.id,
                    errors.len()
                );
                for error in errors {
                    error!("{error}");
                }
            }
            ModState::Off | ModState::Untried => {}
        }
    }
}
