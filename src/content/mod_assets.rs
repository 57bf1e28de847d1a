//! Mods in the game: each mods folder is an asset source (`mods0://`,
//! `mods1://`, …) that keeps every mod to its own folder; each mod's files
//! are read as one asset from its `mod.ron`, which Bevy reads again when
//! any file it read changes (hot reload); the player's choice of mods,
//! kept in `mods.ron`; and what became of each mod at the last compile.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io;
use std::path::PathBuf;

use bevy::asset::io::{AssetReaderError, Reader};
use bevy::asset::{AssetLoader, AssetPath, LoadContext, LoadState, ReadAssetBytesError};
use bevy::prelude::*;

use super::RoomDef;
use super::load::ASSETS_FOLDER;
use super::mods::{
    CHOICES_FILE, MOD_FILE, ModChoices, ModFiles, ModReport, ModState, mod_folders, read_mod,
};
use crate::save::Storage;

/// The asset source of the mods folder at `index` in [`ModFolders`].
fn source_name(index: usize) -> String {
    format!("mods{index}")
}

/// The folders mods are found in, as given (and shown in diagnostics), in
/// the order they are searched: none in the browser. A folder made after
/// the game started is searched at the next start.
#[derive(Resource, Clone, Debug, Default)]
pub struct ModFolders(pub Vec<PathBuf>);

impl ModFolders {
    /// How diagnostics name the file at `path` of an asset source: a mods
    /// folder's file by the folder as given, a picture of the game's by
    /// the assets folder, any other by its source.
    pub fn shown(&self, path: &AssetPath) -> String {
        let folder = match path.source().as_str() {
            None => ASSETS_FOLDER.to_owned(),
            Some(source) => (self.0.iter().enumerate())
                .find(|(i, _)| source_name(*i) == source)
                .map_or_else(
                    || source.to_owned(),
                    |(_, folder)| folder.to_string_lossy().trim_end_matches('/').to_owned(),
                ),
        };
        format!("{folder}/{}", path.path().to_string_lossy())
    }
}

/// Registers an asset source for each of `folders` that exists, each mod
/// kept to its own folder. Must run before Bevy's `AssetPlugin` is added.
pub fn register_mod_sources(app: &mut App, folders: Vec<PathBuf>) {
    #[cfg(not(target_arch = "wasm32"))]
    for (i, folder) in folders.iter().enumerate().filter(|(_, f)| f.is_dir()) {
        let dir = std::path::absolute(folder).unwrap_or_else(|_| folder.clone());
        app.register_asset_source(
            source_name(i),
            super::confined::source(&dir, super::confined::Confine::EachFolder),
        );
    }
    app.insert_resource(ModFolders(folders));
}

/// Reads the player's choice of mods from the game's data folder and keeps
/// it there when it changes. Without it the choices last a session.
#[cfg(not(target_arch = "wasm32"))]
pub fn open_mod_choices(app: &mut App, data: Storage) {
    let text = data.read(CHOICES_FILE).unwrap_or_else(|err| {
        warn!("cannot read {}: {err}", data.describe(CHOICES_FILE));
        None
    });
    app.insert_resource(ModChoices::from_ron(text.as_deref()))
        .insert_resource(ChoicesStore(data));
}

/// Where the player's choice of mods is kept.
#[derive(Resource)]
struct ChoicesStore(Storage);

/// A change the player asks for on the Mods screen.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum ModsRequest {
    /// Turn the mod with this id off when it is on, and on when it is off.
    Toggle {
        /// The mod's id.
        id: String,
    },
    /// Lay the mod with this id on one place later or earlier.
    Shift {
        /// The mod's id.
        id: String,
        /// Later, or earlier.
        later: bool,
    },
}

/// What became of each mod found at the last compile, in load order, and
/// the asset folder of each mod laid on, by its id.
#[derive(Resource, Clone, Debug, Default)]
pub struct ModsFound {
    /// Each mod found, in load order.
    pub reports: Vec<ModReport>,
    /// The asset path of the folder of each mod laid on (such as
    /// `mods0://pforte`), by its id.
    folders: HashMap<String, String>,
}

impl ModsFound {
    /// The asset path of the picture `path` that a prop of `room` names:
    /// in the folder of the mod that brought the room, else in the assets
    /// folder (Bevy's default source).
    pub fn picture(&self, room: &RoomDef, path: &str) -> String {
        match room.from_mod.as_ref().and_then(|id| self.folders.get(id)) {
            Some(folder) => format!("{folder}/{path}"),
            None => path.to_owned(),
        }
    }
}

/// A mod's files, read as one asset from its `mod.ron`, and the files it
/// names that did not exist then.
#[derive(Asset, TypePath, Debug)]
pub(super) struct ModAsset {
    files: ModFiles,
    missing: Vec<String>,
}

/// A mod found in a mods folder: its asset, the asset path of its folder
/// and the folder on disk.
pub(super) struct ModHandle {
    pub handle: Handle<ModAsset>,
    pub folder: String,
    disk: PathBuf,
}

/// The mods found when the game started, folder by folder, each folder's
/// by name.
#[derive(Resource, Default)]
pub(super) struct ModHandles(pub Vec<ModHandle>);

pub(super) fn plugin(app: &mut App) {
    let folders = (app.world().get_resource::<ModFolders>())
        .cloned()
        .unwrap_or_default();
    app.init_asset::<ModAsset>()
        .register_asset_loader(ModLoader { folders })
        .init_resource::<ModFolders>()
        .init_resource::<ModChoices>()
        .init_resource::<ModsFound>()
        .init_resource::<ModHandles>()
        .add_message::<ModsRequest>()
        .add_systems(Startup, load_mods)
        .add_systems(Update, (apply_requests, reload_when_missing_files_appear));
}

/// Starts loading every mod in the mods folders: each folder in them that
/// holds a `mod.ron` (but one whose name has a `#`, which asset paths
/// cannot name).
fn load_mods(folders: Res<ModFolders>, server: Res<AssetServer>, mut handles: ResMut<ModHandles>) {
    for (i, dir) in folders.0.iter().enumerate() {
        for disk in mod_folders(dir) {
            let Some(name) = disk.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name.contains('#') {
                warn!(
                    "the mod folder {} is skipped: its name has a `#`",
                    disk.display()
                );
                continue;
            }
            let folder = format!("{}://{name}", source_name(i));
            handles.0.push(ModHandle {
                handle: server.load(format!("{folder}/{MOD_FILE}")),
                folder,
                disk,
            });
        }
    }
}

/// Reads a mod again once a file it names that did not exist does: Bevy
/// reloads a mod when a file it read changes, and this one was never read.
/// Looks once a second.
fn reload_when_missing_files_appear(
    time: Res<Time>,
    mut every: Local<Option<Timer>>,
    handles: Res<ModHandles>,
    assets: Res<Assets<ModAsset>>,
    server: Res<AssetServer>,
) {
    let every = every.get_or_insert_with(|| Timer::from_seconds(1.0, TimerMode::Repeating));
    if !every.tick(time.delta()).just_finished() {
        return;
    }
    for found in &handles.0 {
        let Some(asset) = assets.get(&found.handle) else {
            continue;
        };
        if asset
            .missing
            .iter()
            .any(|name| found.disk.join(name).is_file())
        {
            server.reload(format!("{}/{MOD_FILE}", found.folder));
        }
    }
}

/// The files of each mod found, as read, in the order found; `None` while
/// one is still on its way. A mod whose `mod.ron` cannot be read at all is
/// there with that error.
pub(super) fn mods_read(
    server: &AssetServer,
    handles: &ModHandles,
    assets: &Assets<ModAsset>,
    folders: &ModFolders,
) -> Option<Vec<ModFiles>> {
    (handles.0.iter())
        .map(|found| match server.load_state(found.handle.id()) {
            // A failed reload keeps the old asset: the failure counts.
            LoadState::Failed(err) => {
                let shown = folders.shown(&AssetPath::parse(&found.folder));
                Some(read_mod(&shown, |_| Err(io::Error::other(err.to_string()))))
            }
            _ => assets.get(&found.handle).map(|asset| asset.files.clone()),
        })
        .collect()
}

/// Notes what became of each mod at a compile, and where the pictures of
/// those laid on are.
pub(super) fn note_mods(mods: &mut ModsFound, reports: Vec<ModReport>, found: &[(String, String)]) {
    mods.folders = (reports.iter())
        .filter(|report| report.state == ModState::On)
        .filter_map(|report| {
            let (_, folder) = found.iter().find(|(shown, _)| *shown == report.shown)?;
            Some((report.id.clone(), folder.clone()))
        })
        .collect();
    mods.reports = reports;
}

/// Carries out the player's requests from the Mods screen, keeping the
/// choices in the data folder.
fn apply_requests(
    mut requests: MessageReader<ModsRequest>,
    mut choices: ResMut<ModChoices>,
    found: Res<ModsFound>,
    store: Option<Res<ChoicesStore>>,
) {
    let mut order = ModChoices::load_order(&found.reports);
    let mut changed = false;
    for request in requests.read() {
        match request {
            ModsRequest::Toggle { id } => choices.toggle(id),
            ModsRequest::Shift { id, later } => {
                choices.shift(&order, id, *later);
                order.clone_from(&choices.order);
            }
        }
        changed = true;
    }
    if let (true, Some(store)) = (changed, store)
        && let Err(err) = store.0.write(CHOICES_FILE, &choices.to_ron())
    {
        warn!("cannot keep the choice of mods: {err}");
    }
}

/// Reads a mod's `mod.ron` and every file it names (scene files,
/// characters, rooms and the pictures they name) into one asset. Each file
/// read is a dependency of the asset, so saving any of them reads the mod
/// again.
#[derive(TypePath)]
struct ModLoader {
    folders: ModFolders,
}

/// A file as read for [`read_mod`]: its text, or why not.
type FileText = Result<String, String>;

fn text_of(bytes: Result<Vec<u8>, String>) -> FileText {
    bytes.and_then(|bytes| String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".into()))
}

impl AssetLoader for ModLoader {
    type Asset = ModAsset;
    type Settings = ();
    type Error = io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<ModAsset, io::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        let here = load_context.path().clone_owned();
        let source = here.source().as_str().unwrap_or_default().to_owned();
        let folder = (here.path().parent())
            .map(|folder| folder.to_string_lossy().into_owned())
            .unwrap_or_default();
        let shown = self
            .folders
            .shown(&AssetPath::from(format!("{source}://{folder}")));
        let mut files: HashMap<String, FileText> =
            HashMap::from([(MOD_FILE.to_owned(), text_of(Ok(bytes)))]);
        let mut missing = Vec::new();
        // `read_mod` names the files it needs as it goes: read those it
        // asked for that are not read yet, until it asks for no new one.
        loop {
            let wanted = RefCell::new(Vec::new());
            let read = read_mod(&shown, |name| match files.get(name) {
                Some(text) => text.clone().map_err(io::Error::other),
                None => {
                    wanted.borrow_mut().push(name.to_owned());
                    Err(io::Error::other("not read yet"))
                }
            });
            let wanted = wanted.into_inner();
            if wanted.is_empty() {
                return Ok(ModAsset {
                    files: read,
                    missing,
                });
            }
            for name in wanted {
                let path = AssetPath::from(format!("{source}://{folder}/{name}"));
                let bytes = load_context.read_asset_bytes(path).await;
                if let Err(ReadAssetBytesError::AssetReaderError(AssetReaderError::NotFound(_))) =
                    &bytes
                {
                    missing.push(name.clone());
                }
                files.insert(name, text_of(bytes.map_err(|err| err.to_string())));
            }
        }
    }

    fn extensions(&self) -> &[&str] {
        &["ron"]
    }
}
