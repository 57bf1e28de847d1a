//! Pictures of the screen for saves: once a new beat has been on screen
//! for a moment with no menu page over it, the window is captured and
//! shrunk to a thumbnail that saves of that beat take.

use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;
use bevy::render::view::window::screenshot::{Screenshot, ScreenshotCaptured};

use super::plugin::{ScreenThumbnail, ThumbnailsTaken};
use super::thumbnail::Thumbnail;
use crate::screen::Screen;
use crate::story::{BeatId, Story};
use crate::ui::menu::Menu;

/// Seconds after a new beat before the screen is captured: the room has
/// faded in and the line begun.
const SETTLE_SECONDS: f32 = 1.0;

pub(crate) fn plugin(app: &mut App) {
    app.insert_resource(ThumbnailsTaken).add_systems(
        Update,
        capture_after_new_beat.run_if(in_state(Screen::Playing)),
    );
}

/// The beat last captured, and since when the one shown is waiting.
#[derive(Default)]
struct Captured {
    beat: Option<BeatId>,
    waiting: Option<(BeatId, f32)>,
}

/// Asks for a picture of the window once a new beat has been shown for
/// [`SETTLE_SECONDS`] with no menu page over it.
fn capture_after_new_beat(
    story: Res<Story>,
    menu: Res<Menu>,
    time: Res<Time<Real>>,
    mut captured: Local<Captured>,
    mut commands: Commands,
) {
    let Some(beat) = story.beat_id() else {
        return;
    };
    let now = time.elapsed_secs();
    if Some(beat) == captured.beat {
        return;
    }
    // A menu page would be in the picture: wait until it closes.
    if menu.is_open() {
        captured.waiting = None;
        return;
    }
    match captured.waiting {
        Some((waiting, since)) if waiting == beat => {
            if now - since >= SETTLE_SECONDS {
                captured.beat = Some(beat);
                captured.waiting = None;
                commands.spawn(Screenshot::primary_window()).observe(
                    move |captured: On<ScreenshotCaptured>, thumbnail: ResMut<ScreenThumbnail>| {
                        keep_thumbnail(beat, &captured, thumbnail);
                    },
                );
            }
        }
        _ => captured.waiting = Some((beat, now)),
    }
}

/// Shrinks the captured window, showing `beat`, to the thumbnail the next
/// save takes.
fn keep_thumbnail(
    beat: BeatId,
    captured: &ScreenshotCaptured,
    mut thumbnail: ResMut<ScreenThumbnail>,
) {
    let image = &captured.image;
    let Some(data) = &image.data else {
        return;
    };
    let rgba: Vec<u8> = match image.texture_descriptor.format {
        TextureFormat::Bgra8Unorm | TextureFormat::Bgra8UnormSrgb => data
            .chunks_exact(4)
            .flat_map(|p| [p[2], p[1], p[0], p[3]])
            .collect(),
        TextureFormat::Rgba8Unorm | TextureFormat::Rgba8UnormSrgb => data.clone(),
        other => {
            warn!("no thumbnail from a screen in {other:?}");
            return;
        }
    };
    if let Some(picture) = Thumbnail::of_rgba(image.width(), image.height(), &rgba) {
        thumbnail.0 = Some((beat, picture));
    }
}
