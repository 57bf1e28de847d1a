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

use crate::content::{Diagnostic, SCENES_SOURCE, parse_svg, rasterise};

/// Pictures that could not be loaded, by asset, as diagnostics.
#[derive(Resource, Debug, Default)]
pub struct ArtProblems(pub Vec<(AssetId<Image>, Diagnostic)>);

pub(super) fn plugin(app: &mut App) {
    app.register_asset_loader(SvgLoader)
        .init_resource::<ArtProblems>()
        .add_systems(Update, note_art_problems);
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
struct SvgLoader;

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
        let shown = format!("{SCENES_SOURCE}/{}", load_context.path().path().display());
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

/// Keeps [`ArtProblems`] up to date: a failed load adds its diagnostic, a
/// successful (re)load of the same picture removes it.
fn note_art_problems(
    mut failed: MessageReader<AssetLoadFailedEvent<Image>>,
    mut events: MessageReader<AssetEvent<Image>>,
    mut problems: ResMut<ArtProblems>,
) {
    for event in events.read() {
        if let AssetEvent::LoadedWithDependencies { id } | AssetEvent::Modified { id } = event
            && problems.0.iter().any(|(p, _)| p == id)
        {
            problems.0.retain(|(p, _)| p != id);
        }
    }
    for failure in failed.read() {
        let ours = match &failure.error {
            AssetLoadError::AssetLoaderError(err) => err.error().downcast_ref::<SvgError>(),
            _ => None,
        };
        let diagnostic = match ours {
            Some(err) => err.0.clone(),
            None => Diagnostic::error(
                &failure.path.to_string(),
                crate::content::Pos::START,
                failure.error.to_string(),
            ),
        };
        problems.0.retain(|(p, _)| *p != failure.id);
        problems.0.push((failure.id, diagnostic));
    }
}
