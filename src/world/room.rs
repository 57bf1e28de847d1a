//! The room the story is in, drawn from its props in `rooms.ron`, with the
//! scene's cast at the room's places: one `Room` entity with a child per
//! prop and a `Character` child per person seen. It is rebuilt when the
//! story moves to another room or cast, a mood changes, or the data
//! changes (hot reload). The speaker stands out; the others dim a little.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::sprite_render::AlphaMode2d;

use super::figure::{figure, lying_figure};
use super::shapes::{MeshBuilder, linear};
use crate::content::{
    ContentStatus, LookDef, ModsFound, Mood, PlaceDef, PropDef, PropShape, RoomDef,
};
use crate::screen::Screen;
use crate::story::{CurrentBeat, Story};

/// The depth between one part of a figure and the next, enough for the
/// depth buffer to tell them apart.
const PART_DEPTH: f32 = 0.0004;
/// The depth a figure takes: room for a hundred parts.
const FIGURE_DEPTH: f32 = 100.0 * PART_DEPTH;

/// How much the characters who do not speak are dimmed.
const LISTENER_TINT: f32 = 0.8;

/// A room on screen.
#[derive(Component, Debug)]
pub struct Room {
    /// Its id in `rooms.ron`.
    pub id: String,
}

/// Marks a room that is an operating theatre, where surgical phases run.
#[derive(Component, Debug)]
pub struct OperatingRoom;

/// A picture in the room (an SVG prop). The room's shapes are drawn
/// together, a few meshes for all of them.
#[derive(Component, Debug)]
pub struct Picture;

/// A character standing (or lying) in the room.
#[derive(Component, Debug)]
pub struct Character {
    /// Their id in `characters.ron`.
    pub id: String,
    /// How they feel, as drawn.
    pub mood: Mood,
    /// Their own material, tinted when they do not speak.
    tint: Handle<ColorMaterial>,
}

/// What the stage shows: the room (by id, in the content of a generation:
/// a reload is a new one) and who is where, feeling what. Compared every
/// frame, so it holds no more than that.
#[derive(Clone, Debug, PartialEq)]
struct Stage {
    room: String,
    generation: u32,
    cast: Vec<(String, LookDef, Mood, PlaceDef)>,
}

/// The stage on screen.
#[derive(Resource, Default)]
struct Shown(Option<Stage>);

/// The two materials the props share, white, the colours being in the
/// meshes' vertices: opaque for solid props, blended for see-through ones.
#[derive(Resource)]
struct PropMaterial {
    opaque: Handle<ColorMaterial>,
    blended: Handle<ColorMaterial>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Shown>()
        .add_systems(Startup, make_material)
        .add_systems(
            Update,
            (show_room, highlight_speaker)
                .chain()
                .run_if(in_state(Screen::Playing)),
        )
        .add_systems(OnExit(Screen::Playing), |mut shown: ResMut<Shown>| {
            shown.0 = None;
        });
}

fn make_material(mut commands: Commands, mut materials: ResMut<Assets<ColorMaterial>>) {
    let mut white = |alpha_mode| {
        materials.add(ColorMaterial {
            color: Color::WHITE,
            alpha_mode,
            ..default()
        })
    };
    commands.insert_resource(PropMaterial {
        opaque: white(AlphaMode2d::Opaque),
        blended: white(AlphaMode2d::Blend),
    });
}

/// The stage of the scene the story is in: its room, and those of its
/// cast who are in the room and seen: each at the place of the role the
/// scene's `positions` give, the others at the free places in order.
fn current_stage(story: &Story, generation: u32) -> Option<Stage> {
    let (library, state, scene) = (story.library()?, story.state()?, story.scene()?);
    let room = library.rooms.get(&scene.def.room)?;
    let role_of = |id: &String| scene.def.positions.get(id);
    let place_of_role = |role: &String| room.places.iter().find(|p| p.role.as_ref() == Some(role));
    let mut free = room.places.iter().filter(|place| {
        !scene
            .def
            .positions
            .values()
            .any(|role| place.role.as_ref() == Some(role))
    });
    // Places are handed out over the whole seen cast, those in the room
    // at the start first, so that nobody moves when somebody comes or goes.
    let mut seen: Vec<(&String, LookDef)> = scene
        .def
        .cast
        .iter()
        .filter_map(|id| Some((id, library.look_in(&scene.def.id, id)?)))
        .collect();
    seen.sort_by_key(|(id, _)| scene.def.offstage.contains(id));
    let cast = seen
        .into_iter()
        .filter_map(|(id, look)| {
            let place = match role_of(id) {
                Some(role) => place_of_role(role)?,
                None => free.next()?,
            };
            Some((id, look, place))
        })
        .filter(|(id, _, _)| state.is_present(library, id))
        .map(|(id, look, place)| (id.clone(), look, state.mood(id), place.clone()))
        .collect();
    Some(Stage {
        room: room.id.clone(),
        generation,
        cast,
    })
}

/// What drawing a room takes: the props' shared materials, the pictures'
/// loader, and the meshes and materials made.
#[derive(SystemParam)]
struct Brushes<'w> {
    material: Res<'w, PropMaterial>,
    server: Res<'w, AssetServer>,
    /// Where the pictures of rooms that mods bring are.
    mods: Res<'w, ModsFound>,
    materials: ResMut<'w, Assets<ColorMaterial>>,
    meshes: ResMut<'w, Assets<Mesh>>,
}

/// Draws the story's stage when it is not the one on screen.
fn show_room(
    mut commands: Commands,
    story: Res<Story>,
    status: Res<ContentStatus>,
    mut shown: ResMut<Shown>,
    rooms: Query<Entity, With<Room>>,
    mut brushes: Brushes,
) {
    let ContentStatus::Ready { generation, .. } = *status else {
        return;
    };
    let Some(stage) = current_stage(&story, generation) else {
        return;
    };
    if shown.0.as_ref() == Some(&stage) {
        return;
    }
    // The room as this generation of the content has it (the story may
    // take a new generation a frame later; its cast is compared anew then).
    let Some(room) = status
        .library()
        .and_then(|library| library.rooms.get(&stage.room))
    else {
        return;
    };
    for entity in &rooms {
        commands.entity(entity).despawn();
    }
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
        .insert_if(OperatingRoom, || room.operating)
        .with_children(|parent| {
            brushes.props(parent, room);
            brushes.cast(parent, &stage.cast);
        });
    shown.0 = Some(stage);
}

impl Brushes<'_> {
    /// The room's props, in as few meshes as their layers allow.
    fn props(&mut self, parent: &mut ChildSpawnerCommands, room: &RoomDef) {
        for layer in props_in_layers(room) {
            match layer {
                Layer::Solid(builder) => parent.spawn((
                    Name::new("solid props"),
                    Mesh2d(self.meshes.add(builder.build())),
                    MeshMaterial2d(self.material.opaque.clone()),
                    Transform::default(),
                )),
                Layer::SeeThrough(z, builder) => parent.spawn((
                    Name::new(format!("see-through props from layer {z}")),
                    Mesh2d(self.meshes.add(builder.build())),
                    MeshMaterial2d(self.material.blended.clone()),
                    Transform::from_xyz(0.0, 0.0, z),
                )),
                Layer::Picture(prop, z, [r, g, b, a]) => {
                    let PropShape::Image(path, w, h) = &prop.shape else {
                        unreachable!("pictures are image props");
                    };
                    parent.spawn((
                        Name::new(prop.name.clone().unwrap_or_else(|| path.clone())),
                        Picture,
                        Sprite {
                            image: self.server.load(self.mods.picture(room, path)),
                            custom_size: Some(Vec2::new(*w, *h)),
                            color: Color::linear_rgba(r, g, b, a),
                            ..default()
                        },
                        Transform::from_xyz(prop.at.0, prop.at.1, z)
                            .with_rotation(Quat::from_rotation_z(prop.rotate.to_radians())),
                    ))
                }
            };
        }
    }

    /// The people in the room, each at their place, one mesh each with a
    /// material of their own to tint.
    fn cast(
        &mut self,
        parent: &mut ChildSpawnerCommands,
        cast: &[(String, LookDef, Mood, PlaceDef)],
    ) {
        for (k, (id, look, mood, place)) in cast.iter().enumerate() {
            // Those on the same layer stand one behind the other, each
            // figure's parts (one depth step each) within its own slice.
            let ahead = cast[..k]
                .iter()
                .filter(|(_, _, _, other)| other.layer == place.layer)
                .count() as f32;
            let tint = self.materials.add(ColorMaterial {
                color: Color::WHITE,
                alpha_mode: AlphaMode2d::Opaque,
                ..default()
            });
            let parts = if place.lying {
                lying_figure(look, *mood)
            } else {
                figure(look, *mood)
            };
            let mut body = MeshBuilder::default();
            for (i, part) in parts.iter().enumerate() {
                body.add(
                    &part.shape,
                    part.at.extend(i as f32 * PART_DEPTH),
                    part.rotate,
                    part.top,
                    part.bottom,
                );
            }
            parent.spawn((
                Name::new(id.clone()),
                Character {
                    id: id.clone(),
                    mood: *mood,
                    tint: tint.clone(),
                },
                Mesh2d(self.meshes.add(body.build())),
                MeshMaterial2d(tint),
                Transform::from_xyz(place.at.0, place.at.1, place.layer + ahead * FIGURE_DEPTH),
            ));
        }
    }
}

/// What a room's props become on screen, so that they cost few draws: all
/// solid shapes in one mesh (the depth buffer keeps their order; front to
/// back, so that hidden pixels are not shaded), see-through shapes in one
/// mesh for each run between pictures (drawn back to front, sorted with
/// the pictures by depth), and each picture a sprite.
enum Layer<'a> {
    Solid(MeshBuilder),
    SeeThrough(f32, MeshBuilder),
    /// A picture prop, its depth and its tint (linear RGBA).
    Picture(&'a PropDef, f32, [f32; 4]),
}

/// A room's props as [`Layer`]s. A prop's depth is its layer, later props
/// in the file a little in front of earlier ones on the same layer.
fn props_in_layers(room: &RoomDef) -> Vec<Layer<'_>> {
    let mut props: Vec<(f32, &PropDef)> = room
        .props
        .iter()
        .enumerate()
        .map(|(i, prop)| (prop.layer + i as f32 * 0.001, prop))
        .collect();
    props.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Props with their colours; unreadable colours are reported by `check`.
    let shapes: Vec<_> = props
        .iter()
        .filter_map(|&(z, prop)| {
            let top = linear(&prop.color)?;
            let bottom = linear(prop.bottom.as_deref().unwrap_or(&prop.color))?;
            let at = Vec3::new(prop.at.0, prop.at.1, z);
            let picture = matches!(prop.shape, PropShape::Image(..));
            let opaque = top[3] >= 1.0 && bottom[3] >= 1.0;
            Some((prop, at, top, bottom, picture, opaque))
        })
        .collect();
    let mut solid = MeshBuilder::default();
    for &(prop, at, top, bottom, picture, opaque) in shapes.iter().rev() {
        if opaque && !picture {
            solid.add(&prop.shape, at, prop.rotate, top, bottom);
        }
    }
    let mut layers = Vec::new();
    let mut see_through: Option<(f32, MeshBuilder)> = None;
    for (prop, at, top, bottom, picture, opaque) in shapes {
        if picture {
            layers.extend(see_through.take().map(|(z, b)| Layer::SeeThrough(z, b)));
            layers.push(Layer::Picture(prop, at.z, top));
        } else if !opaque {
            let (base, builder) = see_through.get_or_insert_with(|| (at.z, MeshBuilder::default()));
            let at = at - Vec3::Z * *base;
            builder.add(&prop.shape, at, prop.rotate, top, bottom);
        }
    }
    layers.extend(see_through.map(|(z, b)| Layer::SeeThrough(z, b)));
    if !solid.is_empty() {
        layers.push(Layer::Solid(solid));
    }
    layers
}

/// Lets the speaker stand out: the others are dimmed while someone speaks.
fn highlight_speaker(
    beat: Res<CurrentBeat>,
    characters: Query<&Character>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let speaker = match &*beat {
        CurrentBeat::Line(line) => line.speaker.as_deref(),
        CurrentBeat::Choices(choices) => choices.speaker.as_deref(),
        _ => None,
    };
    for character in &characters {
        let tint = match speaker {
            Some(id) if id != character.id => LISTENER_TINT,
            _ => 1.0,
        };
        let colour = Color::srgb(tint, tint, tint);
        if let Some(material) = materials.get(&character.tint)
            && material.color != colour
            && let Some(mut material) = materials.get_mut(&character.tint)
        {
            material.color = colour;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::content::Target;
    use crate::story::StartAt;

    /// The game's core, headless, with the room drawn (meshes and sprites
    /// as assets, nothing rendered), started at `start`, run until the room
    /// stands.
    fn stage_at(start: &str) -> App {
        let scenes = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenes");
        let mut app = crate::headless_app(&scenes, false);
        app.init_asset::<Mesh>()
            .init_asset::<ColorMaterial>()
            .init_asset::<Image>()
            .add_plugins(plugin)
            .insert_resource(StartAt(Target::parse(start).unwrap()));
        app.world_mut()
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Playing);
        let begun = Instant::now();
        while app.world_mut().query::<&Room>().iter(app.world()).count() == 0 {
            assert!(begun.elapsed() < Duration::from_secs(10), "no room");
            app.update();
        }
        app
    }

    fn count<F: bevy::ecs::query::QueryFilter>(app: &mut App) -> usize {
        app.world_mut()
            .query_filtered::<Entity, F>()
            .iter(app.world())
            .count()
    }

    #[test]
    fn the_theatre_stands_with_its_team_and_its_pictures() {
        let mut app = stage_at("@ch3_theatre");
        let rooms: Vec<String> = app
            .world_mut()
            .query::<&Room>()
            .iter(app.world())
            .map(|room| room.id.clone())
            .collect();
        assert_eq!(rooms, ["operating_room"]);
        assert_eq!(count::<With<OperatingRoom>>(&mut app), 1);
        // Everybody the scene shows at first stands there, each one mesh.
        let mut cast: Vec<String> = app
            .world_mut()
            .query_filtered::<&Character, With<Mesh2d>>()
            .iter(app.world())
            .map(|c| c.id.clone())
            .collect();
        cast.sort();
        let story = app.world().resource::<Story>();
        let (library, state) = (story.library().unwrap(), story.state().unwrap());
        let scene = story.scene().unwrap();
        let mut seen: Vec<String> = scene
            .def
            .cast
            .iter()
            .filter(|id| state.is_present(library, id))
            .filter(|id| library.look_in(&scene.def.id, id).is_some())
            .cloned()
            .collect();
        seen.sort();
        assert_eq!(cast, seen);
        assert!(cast.contains(&"bram".to_owned()));
        // The lamp and the anaesthesia machine are pictures; every other
        // shape is in a few meshes, not one entity each.
        let pictures: Vec<String> = app
            .world_mut()
            .query_filtered::<&Name, (With<Picture>, With<Sprite>)>()
            .iter(app.world())
            .map(|name| name.to_string())
            .collect();
        assert!(pictures.contains(&"lamp".to_owned()), "{pictures:?}");
        assert!(pictures.contains(&"anaesthesia machine".to_owned()));
        let props = app.world().resource::<Story>().library().unwrap().rooms["operating_room"]
            .props
            .len();
        let meshes = count::<(With<Mesh2d>, Without<Character>)>(&mut app);
        assert!(
            meshes <= 4 && props > 15,
            "{meshes} meshes for {props} props"
        );
    }

    #[test]
    fn every_figure_fits_its_depth_slice() {
        let scenes = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenes");
        let library = crate::content::load_dir(&scenes, "scenes").library.unwrap();
        for character in library.characters.values() {
            let Some(look) = &character.look else {
                continue;
            };
            for mood in [
                Mood::Neutral,
                Mood::Worried,
                Mood::Angry,
                Mood::Relieved,
                Mood::Tired,
            ] {
                for parts in [figure(look, mood), lying_figure(look, mood)] {
                    assert!(
                        parts.len() as f32 * PART_DEPTH < FIGURE_DEPTH,
                        "{}",
                        character.id
                    );
                }
            }
        }
    }

    #[test]
    fn solid_shapes_go_front_to_back_and_see_through_ones_between_pictures() {
        let room: RoomDef = crate::content::parse(
            "rooms.ron",
            r##"(id: "r", name: (de: "R", en: "R"), color: "#000000", props: [
                (shape: Rect(10, 10), at: (0, 0), color: "#ffffff"),
                (shape: Rect(10, 10), at: (0, 0), color: "#ffffff80", layer: 1),
                (shape: Image("art/a.svg", 10, 10), at: (0, 0), layer: 2),
                (shape: Rect(10, 10), at: (0, 0), color: "#ffffff80", layer: 3),
                (shape: Rect(10, 10), at: (0, 0), color: "#ffffff80", layer: 3.5),
                (shape: Rect(10, 10), at: (0, 0), color: "#ffffff", layer: 4),
            ])"##,
        )
        .unwrap()
        .value;
        let layers = props_in_layers(&room);
        let kinds: Vec<String> = layers
            .iter()
            .map(|layer| match layer {
                Layer::Solid(_) => "solid".to_owned(),
                Layer::SeeThrough(z, _) => format!("see-through from {z:.3}"),
                Layer::Picture(_, z, _) => format!("picture at {z:.3}"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "see-through from 1.001",
                "picture at 2.002",
                "see-through from 3.003",
                "solid"
            ]
        );
        let Some(Layer::Solid(solid)) = layers.into_iter().last() else {
            unreachable!("the solid mesh comes last")
        };
        let mesh = solid.build();
        let depths: Vec<f32> = match mesh.attribute(Mesh::ATTRIBUTE_POSITION) {
            Some(bevy::mesh::VertexAttributeValues::Float32x3(p)) => {
                p.iter().map(|v| v[2]).collect()
            }
            _ => unreachable!(),
        };
        // The front shape (layer 4) first, the back one (layer 0) last.
        assert!(depths.first() > depths.last(), "{depths:?}");
    }
}
