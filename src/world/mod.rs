//! The world on screen: the camera, and the rooms and their people drawn
//! from their data.

mod figure;
mod room;
mod shapes;

use bevy::camera::ScalingMode;
use bevy::prelude::*;

pub use figure::{Part, STANDING_HEIGHT, figure};
pub use room::{Character, Prop, Room};
pub use shapes::outline;

/// The width of the room canvas, in world units.
pub const CANVAS_WIDTH: f32 = 1280.0;
/// The height of the room canvas, in world units.
pub const CANVAS_HEIGHT: f32 = 720.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera)
        .add_plugins(room::plugin);
}

/// The camera shows the whole canvas in any window: wider windows see more
/// at the sides, taller ones more above and below.
fn spawn_camera(mut commands: Commands) {
    commands.spawn((
        Name::new("Camera"),
        Camera2d,
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: ScalingMode::AutoMin {
                min_width: CANVAS_WIDTH,
                min_height: CANVAS_HEIGHT,
            },
            ..OrthographicProjection::default_2d()
        }),
    ));
}
