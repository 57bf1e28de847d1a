//! The room the story is in, drawn from its props in `rooms.ron`: one
//! `Room` entity with a child per prop. It is rebuilt when the story moves
//! to another room and when the room's data changes (hot reload).

use bevy::prelude::*;
use bevy::sprite_render::AlphaMode2d;

use super::shapes::{linear, prop_mesh};
use crate::content::RoomDef;
use crate::screen::Screen;
use crate::story::Story;

/// A room on screen.
#[derive(Component, Debug)]
pub struct Room {
    /// Its id in `rooms.ron`.
    pub id: String,
}

/// One shape of the room's picture.
#[derive(Component, Debug)]
pub struct Prop;

/// The room on screen and the data it was drawn from.
#[derive(Resource, Default)]
struct Shown(Option<RoomDef>);

/// The one material every prop shares: white, blended; the colours are in
/// the meshes' vertices.
#[derive(Resource)]
struct PropMaterial(Handle<ColorMaterial>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Shown>()
        .add_systems(Startup, make_material)
        .add_systems(Update, show_room.run_if(in_state(Screen::Playing)))
        .add_systems(OnExit(Screen::Playing), |mut shown: ResMut<Shown>| {
            shown.0 = None;
        });
}

fn make_material(mut commands: Commands, mut materials: ResMut<Assets<ColorMaterial>>) {
    let material = materials.add(ColorMaterial {
        color: Color::WHITE,
        alpha_mode: AlphaMode2d::Blend,
        ..default()
    });
    commands.insert_resource(PropMaterial(material));
}

/// The room of the scene the story is in.
fn current_room(story: &Story) -> Option<&RoomDef> {
    let (library, state) = (story.library()?, story.state()?);
    let scene = library.scene(&state.cursor.scene)?;
    library.rooms.get(&scene.def.room)
}

/// Draws the story's room when it is not the one on screen, or when its data
/// changed.
fn show_room(
    mut commands: Commands,
    story: Res<Story>,
    mut shown: ResMut<Shown>,
    rooms: Query<Entity, With<Room>>,
    material: Res<PropMaterial>,
    mut meshes: ResMut<Assets<Mesh>>,
) {
    let Some(room) = current_room(&story) else {
        return;
    };
    if shown.0.as_ref() == Some(room) {
        return;
    }
    for entity in &rooms {
        commands.entity(entity).despawn();
    }
    shown.0 = Some(room.clone());
    commands
        .spawn((
            Name::new(format!("Room {}", room.id)),
            Room {
                id: room.id.clone(),
            },
            Transform::default(),
            Visibility::default(),
            DespawnOnExit(Screen::Playing),
        ))
        .with_children(|parent| {
            for (i, prop) in room.props.iter().enumerate() {
                let (Some(top), Some(bottom)) = (
                    linear(&prop.color),
                    linear(prop.bottom.as_deref().unwrap_or(&prop.color)),
                ) else {
                    continue; // reported by `check`
                };
                let name = prop.name.clone().unwrap_or_else(|| format!("prop {i}"));
                // Later props in the file lie in front of earlier ones on
                // the same layer.
                let z = prop.layer + i as f32 * 0.001;
                parent.spawn((
                    Name::new(name),
                    Prop,
                    Mesh2d(meshes.add(prop_mesh(&prop.shape, top, bottom))),
                    MeshMaterial2d(material.0.clone()),
                    Transform::from_xyz(prop.at.0, prop.at.1, z)
                        .with_rotation(Quat::from_rotation_z(prop.rotate.to_radians())),
                ));
            }
        });
}
