//! SVG pictures as textures: a Bevy asset loader that rasterises `.svg`
//! files when they are loaded (and reloaded, when a modder saves one), and
//! the pictures that failed, with file, line and column, for the problems
//! panel until they are fixed.

use bevy::asset::io::Reader;
use bevy::asset::{
    AssetLoadError, AssetLoadFailedEvent, AssetLoader, LoadContext, RenderAssetUsages,
};
use bevy::image::Image;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use bevy::asset::AssetPath;

use crate::content::{
    ContentStatus, Diagnostic, Library, ModFolders, ModsFound, PropShape, parse_svg, rasterise,
};

/// Pictures that could not be loaded, by asset, as diagnostics.
#[derive(Resource, Debug, Default)]
pub struct ArtProblems(pub Vec<(AssetId<Image>, Diagnostic)>);

/// Every picture the rooms use, held loaded: drawn once when the content
/// arrives, not again each time a room is entered.
#[derive(Resource, Default)]
struct Pictures(Vec<Handle<Image>>);

pub(super) fn plugin(app: &mut App) {
    let folders = (app.world().get_resource::<ModFolders>())
        .cloned()
        .unwrap_or_default();
    app.register_asset_loader(SvgLoader { folders })
        .init_resource::<ModFolders>()
        .init_resource::<ArtProblems>()
        .init_resource::<Pictures>()
        .add_systems(
            Update,
            (
                keep_pictures.run_if(resource_changed::<ContentStatus>),
                note_art_problems,
            ),
        );
}

/// Loads the pictures of all rooms of the content now playable (and lets
/// go of those no longer used).
fn keep_pictures(
    status: Res<ContentStatus>,
    mods: Res<ModsFound>,
    server: Res<AssetServer>,
    mut pictures: ResMut<Pictures>,
) {
    let Some(library) = status.library() else {
        return;
    };
    pictures.0 = picture_assets(library, &mods)
        .map(|path| server.load(path))
        .collect();
}

/// The asset paths of the pictures the rooms use: in the assets folder, or
/// in the folder of the mod that brought the room.
fn picture_assets<'a>(
    library: &'a Library,
    mods: &'a ModsFound,
) -> impl Iterator<Item = String> + 'a {
    library.rooms.values().flat_map(move |room| {
        (room.props.iter()).filter_map(move |prop| match &prop.shape {
            PropShape::Image(path, _, _) => Some(mods.picture(room, path)),
            _ => None,
        })
    })
}

/// A picture that could not be read, as the diagnostic that says why.
#[derive(Debug)]
pub struct SvgError(Diagnostic);

impl std::fmt::Display for SvgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for SvgError {}

/// Reads an `.svg` file into a texture.
#[derive(TypePath)]
struct SvgLoader {
    /// How diagnostics name the files of the mods folders.
    folders: ModFolders,
}

impl AssetLoader for SvgLoader {
    type Asset = Image;
    type Settings = ();
    type Error = SvgError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<Image, SvgError> {
        let shown = self.folders.shown(load_context.path());
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await.map_err(|err| {
            SvgError(Diagnostic::error(
                &shown,
                crate::content::Pos::START,
                format!("cannot read: {err}"),
            ))
        })?;
        let raster = rasterise(&parse_svg(&shown, &bytes).map_err(SvgError)?);
        Ok(Image::new(
            Extent3d {
                width: raster.width,
                height: raster.height,
                depth_or_array_layers: 1,
            },
            TextureDimension::D2,
            raster.rgba,
            TextureFormat::Rgba8UnormSrgb,
            RenderAssetUsages::RENDER_WORLD,
        ))
    }

    fn extensions(&self) -> &[&str] {
        &["svg"]
    }
}

/// Keeps [`ArtProblems`] up to date: a failed load adds its diagnostic
/// (once a file), a successful (re)load of the same picture removes it, and
/// so does a change of the rooms that leaves the picture unused.
fn note_art_problems(
    mut failed: MessageReader<AssetLoadFailedEvent<Image>>,
    mut events: MessageReader<AssetEvent<Image>>,
    mut problems: ResMut<ArtProblems>,
    status: Res<ContentStatus>,
    mods: Res<ModsFound>,
    folders: Res<ModFolders>,
) {
    for event in events.read() {
        if let AssetEvent::LoadedWithDependencies { id } | AssetEvent::Modified { id } = event
            && problems.0.iter().any(|(p, _)| p == id)
        {
            problems.0.retain(|(p, _)| p != id);
        }
    }
    if status.is_changed()
        && !problems.0.is_empty()
        && let Some(library) = status.library()
    {
        let in_use: Vec<String> = picture_assets(library, &mods)
            .map(|path| folders.shown(&AssetPath::from(path)))
            .collect();
        problems.0.retain(|(_, d)| in_use.contains(&d.file));
    }
    for failure in failed.read() {
        let ours = match &failure.error {
            AssetLoadError::AssetLoaderError(err) => err.error().downcast_ref::<SvgError>(),
            _ => None,
        };
        let diagnostic = match ours {
            Some(err) => err.0.clone(),
            None => Diagnostic::error(
                &folders.shown(&failure.path),
                crate::content::Pos::START,
                failure.error.to_string(),
            ),
        };
        problems
            .0
            .retain(|(p, d)| *p != failure.id && d.file != diagnostic.file);
        problems.0.push((failure.id, diagnostic));
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::content::{Pos, register_source};

    /// A headless app with the scenes source at `dir` and the picture
    /// loader.
    fn app(dir: &std::path::Path) -> App {
        let mut app = App::new();
        register_source(&mut app, dir);
        app.add_plugins((MinimalPlugins, AssetPlugin::default()))
            .init_asset::<Image>()
            .init_resource::<ContentStatus>()
            .init_resource::<ModsFound>()
            .add_plugins(plugin);
        app
    }

    /// Updates until `done` holds, for at most ten seconds.
    fn until(app: &mut App, done: impl Fn(&World) -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            app.update();
            if done(app.world()) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    }

    #[test]
    fn a_picture_loads_as_a_texture_and_a_broken_one_is_a_problem() {
        let root = std::env::temp_dir().join(format!("famulant-art-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let (dir, art) = (root.join("scenes"), root.join("assets/art"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::create_dir_all(&art).unwrap();
        std::fs::write(
            art.join("good.svg"),
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20"><rect width="30" height="20" fill="#3f8f8a"/></svg>"##,
        )
        .unwrap();
        std::fs::write(
            art.join("broken.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\">\n  <g>\n</svg>\n",
        )
        .unwrap();
        let mut app = app(&dir);
        let server = app.world().resource::<AssetServer>().clone();
        let good: Handle<Image> = server.load("art/good.svg");
        let broken: Handle<Image> = server.load("art/broken.svg");
        let id = good.id();
        assert!(until(&mut app, |world| world
            .resource::<Assets<Image>>()
            .get(id)
            .is_some()));
        let image = app.world().resource::<Assets<Image>>().get(id).unwrap();
        assert_eq!((image.width(), image.height()), (60, 40));
        assert!(until(&mut app, |world| !world
            .resource::<ArtProblems>()
            .0
            .is_empty()));
        let problems = &app.world().resource::<ArtProblems>().0;
        assert_eq!(problems.len(), 1, "{problems:?}");
        let (failed, diagnostic) = &problems[0];
        assert_eq!(*failed, broken.id());
        assert_eq!(diagnostic.file, "assets/art/broken.svg");
        assert_eq!(diagnostic.pos, Pos { line: 3, col: 1 });
        let _ = std::fs::remove_dir_all(&root);
    }
}
