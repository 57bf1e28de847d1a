//! The world on screen: the camera, and the rooms and their people drawn
//! from their data.

mod art;
mod figure;
mod room;
mod shapes;

use bevy::camera::ScalingMode;
use bevy::prelude::*;
use bevy::render::renderer::RenderAdapterInfo;
use wgpu_types::DeviceType;

use crate::settings::Settings;

pub use art::ArtProblems;
pub use figure::{Part, figure};
pub use room::{Character, OperatingRoom, Picture, Room};
pub use shapes::outline;

/// The width of the room canvas, in world units.
pub const CANVAS_WIDTH: f32 = 1280.0;
/// The height of the room canvas, in world units.
pub const CANVAS_HEIGHT: f32 = 720.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera)
        .add_systems(Update, smooth_edges.run_if(resource_changed::<Settings>))
        .add_plugins((art::plugin, room::plugin));
}

/// Smooth edges (4× multisampling) as the settings say: cheap on a graphics
/// card, about half the frame rate on a software renderer, where the
/// automatic setting leaves them off.
fn smooth_edges(
    settings: Res<Settings>,
    adapter: Option<Res<RenderAdapterInfo>>,
    mut cameras: Query<&mut Msaa, With<Camera2d>>,
) {
    let software = adapter.is_some_and(|info| draws_in_software(&info));
    let wanted = if settings.edges.smooths(software) {
        Msaa::Sample4
    } else {
        Msaa::Off
    };
    for mut msaa in &mut cameras {
        if *msaa != wanted {
            *msaa = wanted;
        }
    }
}

/// Whether the renderer is a CPU rasteriser (Mesa's llvmpipe, SwiftShader
/// in a browser without a graphics card).
fn draws_in_software(info: &RenderAdapterInfo) -> bool {
    let name = info.name.to_lowercase();
    info.device_type == DeviceType::Cpu
        || ["llvmpipe", "softpipe", "swiftshader", "software"]
            .iter()
            .any(|soft| name.contains(soft))
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
