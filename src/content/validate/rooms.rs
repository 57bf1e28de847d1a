//! The rooms, `rooms.ron`: ids, names, colours, ambience, places and the
//! props drawn in them.

use std::collections::HashSet;

use super::Checker;
use super::path::Path;
use crate::content::format::{AmbienceDef, PlaceDef, PropDef, PropShape, RoomDef};
use crate::content::limits::outside_folder;
use crate::content::parse::ContentFile;
use crate::content::parse_rgba;

/// The rooms of one file: the story's `rooms.ron` or a mod's.
type RoomsFile = ContentFile<Vec<RoomDef>>;

/// Checks each rooms file: the story's, then each mod's.
pub(super) fn check(checker: &mut Checker) {
    let set = checker.set;
    for file in &set.rooms {
        rooms(checker, file);
    }
}

/// One rooms file: ids unique within it, and each room sound.
fn rooms(checker: &mut Checker, file: &RoomsFile) {
    let mut ids = HashSet::new();
    for (i, room) in file.value.iter().enumerate() {
        let at = Path::root().index(i);
        checker.id(file, &at.field("id"), &room.id, "room");
        if !ids.insert(room.id.as_str()) {
            checker
                .error(
                    file,
                    &at.field("id"),
                    format!("room id `{}` is already used", room.id),
                )
                .hint("room ids must be unique");
        }
        checker.text(file, &at.field("name"), &room.name, "the name");
        checker.color(file, &at.field("color"), &room.color);
        ambience(checker, file, &at.field("ambience"), &room.ambience);
        place_roles(checker, file, &at.field("places"), &room.places);
        for (k, prop_def) in room.props.iter().enumerate() {
            prop(checker, file, &at.field("props").index(k), prop_def);
        }
    }
}

/// The background sound: a level from 0 to 1, a hum of 20 to 400 Hz.
fn ambience(checker: &mut Checker, file: &RoomsFile, at: &Path, ambience: &AmbienceDef) {
    if !(0.0..=1.0).contains(&ambience.level) {
        checker
            .error(
                file,
                &at.field("level"),
                format!("an ambience level of {}", ambience.level),
            )
            .hint("the level runs from 0 (silent) to 1");
    }
    if !(20.0..=400.0).contains(&ambience.hum) {
        checker
            .error(
                file,
                &at.field("hum"),
                format!("a hum of {} Hz", ambience.hum),
            )
            .hint("the hum's pitch runs from 20 to 400 Hz");
    }
}

/// No two places of a room have the same role.
fn place_roles(checker: &mut Checker, file: &RoomsFile, at: &Path, places: &[PlaceDef]) {
    let mut roles = HashSet::new();
    for (k, place) in places.iter().enumerate() {
        let Some(role) = &place.role else { continue };
        if !roles.insert(role.as_str()) {
            checker
                .error(
                    file,
                    &at.index(k).field("role"),
                    format!("the role `{role}` is already a place of this room"),
                )
                .hint("each place's role is unique in its room");
        }
    }
}

/// A prop's colours and its shape.
fn prop(checker: &mut Checker, file: &RoomsFile, at: &Path, prop: &PropDef) {
    for (field, colour) in [
        ("color", Some(&prop.color)),
        ("bottom", prop.bottom.as_ref()),
    ] {
        if let Some(colour) = colour.filter(|c| parse_rgba(c).is_none()) {
            checker
                .error(
                    file,
                    &at.field(field),
                    format!("`{colour}` is not a colour"),
                )
                .hint("write colours as \"#rrggbb\", or \"#rrggbbaa\" with opacity");
        }
    }
    if matches!(prop.shape, PropShape::Image(..)) && prop.bottom.is_some() {
        checker
            .warning(
                file,
                &at.field("bottom"),
                "a picture has no bottom colour".to_owned(),
            )
            .hint("`color` tints a picture as a whole; `bottom` is left unused");
    }
    shape(checker, file, &at.field("shape"), &prop.shape);
}

/// A shape's size and outline, and where a picture comes from.
fn shape(checker: &mut Checker, file: &RoomsFile, at: &Path, shape: &PropShape) {
    if let Some(problem) = shape_problem(shape) {
        checker.error(file, at, problem).hint(
            "sizes are positive; a polygon has at least three points, in order round a convex outline (split other outlines into several)",
        );
    } else if let PropShape::Image(path, _, _) = shape
        && !is_picture_path(path)
    {
        checker
            .error(file, at, format!("`{path}` is not a picture's path"))
            .hint("pictures are SVG files in the assets folder beside the scenes folder (a mod's in its own folder), named relative to it with `/`, such as \"art/or_lamp.svg\"");
    }
}

/// What is wrong with a shape's size or outline, if anything.
fn shape_problem(shape: &PropShape) -> Option<String> {
    match shape {
        PropShape::Rect(w, h) | PropShape::Ellipse(w, h) if !(*w > 0.0 && *h > 0.0) => {
            Some(format!("a shape {w} wide and {h} high"))
        }
        PropShape::Polygon(points) if points.len() < 3 => {
            Some(format!("a polygon of {} points", points.len()))
        }
        PropShape::Polygon(points) if !convex(points) => {
            Some("a polygon that is not convex".to_owned())
        }
        PropShape::Image(_, w, h) if !(*w > 0.0 && *h > 0.0) => {
            Some(format!("a picture {w} wide and {h} high"))
        }
        _ => None,
    }
}

/// Whether `path` names an SVG file inside the scenes folder.
pub fn is_picture_path(path: &str) -> bool {
    path.ends_with(".svg") && !path.contains('#') && outside_folder(path).is_none()
}

/// Whether the points go round a convex outline, in either direction.
fn convex(points: &[(f32, f32)]) -> bool {
    let n = points.len();
    let mut sign = 0.0f32;
    let mut turned = 0.0f32;
    for i in 0..n {
        let (a, b, c) = (points[i], points[(i + 1) % n], points[(i + 2) % n]);
        let (u, v) = ((b.0 - a.0, b.1 - a.1), (c.0 - b.0, c.1 - b.1));
        let cross = u.0 * v.1 - u.1 * v.0;
        if cross.abs() > f32::EPSILON {
            if sign != 0.0 && cross.signum() != sign {
                return false;
            }
            sign = cross.signum();
        }
        turned += cross.atan2(u.0 * v.0 + u.1 * v.1);
    }
    // Turning the same way at every corner, a star goes round twice.
    sign != 0.0 && turned.abs() < 3.0 * std::f32::consts::PI
}

#[cfg(test)]
mod tests {
    use crate::content::fixtures::{SCENE, compile_files};

    #[test]
    fn a_star_is_not_convex() {
        let square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)];
        assert!(super::convex(&square));
        let star: Vec<(f32, f32)> = (0..5)
            .map(|k| {
                let angle = k as f32 * 4.0 * std::f32::consts::PI / 5.0;
                (angle.cos(), angle.sin())
            })
            .collect();
        assert!(
            !super::convex(&star),
            "a pentagram turns one way but twice round"
        );
    }

    #[test]
    fn room_props_are_checked() {
        let rooms = r##"[
    (id: "office", name: (de: "Büro", en: "Office"), color: "#d0d8e0", props: [
        (name: "wall", shape: Rect(1280, 720), at: (0, 0), color: "#d0d8e0", bottom: "#c0c8d0"),
        (name: "glass", shape: Rect(100, 100), at: (0, 0), color: "#ffffff80"),
        (name: "bad", shape: Rect(0, 100), at: (0, 0), color: "#fff"),
        (name: "dent", shape: Polygon([(0, 0), (10, 0), (5, 2), (10, 10), (0, 10)]), at: (0, 0), color: "#000000"),
    ]),
]"##;
        let compiled = compile_files(&[("rooms.ron", rooms), ("s1.ron", SCENE)]);
        let errs: Vec<String> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(errs.len(), 3, "{errs:#?}");
        assert!(errs[0].starts_with("scenes/rooms.ron:5:30:"), "{errs:#?}");
        assert!(errs[0].contains("a shape 0 wide and 100 high"), "{errs:#?}");
        assert!(errs[1].starts_with("scenes/rooms.ron:5:63:"), "{errs:#?}");
        assert!(errs[1].contains("`#fff` is not a colour"), "{errs:#?}");
        assert!(errs[2].starts_with("scenes/rooms.ron:6:"), "{errs:#?}");
        assert!(errs[2].contains("not convex"), "{errs:#?}");
    }

    #[test]
    fn pictures_are_read_and_their_errors_placed() {
        let rooms = r##"[
    (id: "office", name: (de: "Büro", en: "Office"), color: "#d0d8e0", props: [
        (name: "lamp", shape: Image("art/lamp.svg", 200, 100), at: (0, 0)),
        (name: "again", shape: Image("art/lamp.svg", 100, 50), at: (50, 0), color: "#ffd0d0"),
        (name: "gone", shape: Image("art/gone.svg", 10, 10), at: (0, 0)),
        (name: "broken", shape: Image("art/broken.svg", 10, 10), at: (0, 0)),
        (name: "outside", shape: Image("../secret.svg", 10, 10), at: (0, 0)),
        (name: "flat", shape: Image("art/lamp.svg", 0, 10), at: (0, 0)),
    ]),
]"##;
        let lamp = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="200" height="100" fill="#eee"/></svg>"##;
        let broken =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n<g>\n</svg>\n";
        let compiled = compile_files(&[
            ("rooms.ron", rooms),
            ("s1.ron", SCENE),
            ("art/lamp.svg", lamp),
            ("art/broken.svg", broken),
        ]);
        let errs: Vec<String> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(errs.len(), 4, "{errs:#?}");
        assert!(compiled.library.is_none());
        assert!(errs[0].starts_with("assets/art/broken.svg:3:"), "{errs:#?}");
        assert!(errs[1].starts_with("scenes/rooms.ron:5:"), "{errs:#?}");
        assert!(
            errs[1].contains("cannot read the picture `art/gone.svg`"),
            "{errs:#?}"
        );
        assert!(errs[2].starts_with("scenes/rooms.ron:7:"), "{errs:#?}");
        assert!(
            errs[2].contains("`../secret.svg` is not a picture's path"),
            "{errs:#?}"
        );
        assert!(errs[3].starts_with("scenes/rooms.ron:8:"), "{errs:#?}");
        assert!(
            errs[3].contains("a picture 0 wide and 10 high"),
            "{errs:#?}"
        );
        let fine = compile_files(&[
            (
                "rooms.ron",
                &rooms
                    .replace("(name: \"gone\"", "// (")
                    .replace("(name: \"broken\"", "// (")
                    .replace("(name: \"outside\"", "// (")
                    .replace("(name: \"flat\"", "// ("),
            ),
            ("s1.ron", SCENE),
            ("art/lamp.svg", lamp),
        ]);
        assert!(fine.diagnostics.is_empty(), "{:#?}", fine.diagnostics);
        assert!(fine.library.is_some());
    }
}
