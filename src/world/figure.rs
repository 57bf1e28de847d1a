//! A character as flat shapes, from their look and mood: shoes, legs, body
//! and clothes, arms, head, hair and a face whose brows, eyes and mouth
//! follow the mood, with a posture to match. Plain data, drawn by the room
//! as meshes.

use bevy::math::Vec2;

use super::shapes::linear;
use crate::content::{HairStyle, LookDef, Mood, Outfit, PropShape};

/// The figures are drawn at this size against the units below.
const SCALE: f32 = 0.8;

/// How tall an average adult stands, in canvas units.
pub const STANDING_HEIGHT: f32 = 340.0 * SCALE;

/// Where the head turns, above the shoulders.
const NECK: Vec2 = Vec2::new(0.0, 262.0);

/// One shape of a figure, with its feet at (0, 0).
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// The outline.
    pub shape: PropShape,
    /// Its centre (or a polygon's origin).
    pub at: Vec2,
    /// The colour at its top, linear RGBA.
    pub top: [f32; 4],
    /// The colour at its bottom.
    pub bottom: [f32; 4],
    /// Turned by this many degrees, anticlockwise.
    pub rotate: f32,
}

impl Part {
    /// An unturned part at (x, y).
    fn new(shape: PropShape, x: f32, y: f32, top: [f32; 4], bottom: [f32; 4]) -> Part {
        Part {
            shape,
            at: Vec2::new(x, y),
            top,
            bottom,
            rotate: 0.0,
        }
    }
}

/// Darker by `factor` (0–1), keeping opacity.
fn shade(c: [f32; 4], factor: f32) -> [f32; 4] {
    [c[0] * factor, c[1] * factor, c[2] * factor, c[3]]
}

fn colour(text: &str) -> [f32; 4] {
    linear(text).unwrap_or([1.0, 0.0, 1.0, 1.0])
}

/// The parts of a figure, back to front.
pub fn figure(look: &LookDef, mood: Mood) -> Vec<Part> {
    let skin = colour(&look.skin);
    let hair = colour(&look.hair);
    let clothes = colour(&look.clothes);
    let coat = colour("#f3f5f6");
    let coat_shadow = colour("#d6dce0");
    let dark = colour("#2a2624");
    let b = look.build;
    let mut parts = Vec::new();
    let mut add = |shape, x, y, top, bottom| parts.push(Part::new(shape, x, y, top, bottom));
    let (legs, upper) = match look.outfit {
        Outfit::Coat => (shade(clothes, 0.6), coat),
        Outfit::Scrubs => (clothes, clothes),
        Outfit::Gown => (skin, clothes),
        Outfit::Casual => (shade(clothes, 0.55), clothes),
    };
    if look.hair_style == HairStyle::Long {
        add(
            PropShape::Rect(74.0, 96.0),
            0.0,
            286.0,
            hair,
            shade(hair, 0.8),
        );
    }
    // Shoes and legs.
    for side in [-1.0, 1.0] {
        add(
            PropShape::Ellipse(36.0, 14.0),
            side * 18.0 * b,
            7.0,
            dark,
            dark,
        );
        add(
            PropShape::Rect(26.0 * b, 132.0),
            side * 16.0 * b,
            76.0,
            legs,
            shade(legs, 0.8),
        );
    }
    // Body and clothes.
    add(
        PropShape::Rect(98.0 * b, 124.0),
        0.0,
        196.0,
        clothes,
        shade(clothes, 0.85),
    );
    match look.outfit {
        Outfit::Coat => {
            add(
                PropShape::Rect(112.0 * b, 176.0),
                0.0,
                172.0,
                coat,
                coat_shadow,
            );
            add(
                PropShape::Polygon(vec![(-16.0, 0.0), (16.0, 0.0), (0.0, -52.0)]),
                0.0,
                258.0,
                clothes,
                shade(clothes, 0.9),
            );
            add(
                PropShape::Rect(16.0, 10.0),
                -30.0 * b,
                226.0,
                colour("#5a86b8"),
                colour("#5a86b8"),
            );
        }
        Outfit::Scrubs => add(
            PropShape::Polygon(vec![(-14.0, 0.0), (14.0, 0.0), (0.0, -22.0)]),
            0.0,
            258.0,
            skin,
            skin,
        ),
        Outfit::Gown => add(
            PropShape::Rect(104.0 * b, 150.0),
            0.0,
            184.0,
            clothes,
            shade(clothes, 0.85),
        ),
        Outfit::Casual => {}
    }
    // Arms and hands, against the body (or the coat).
    let half_width = if look.outfit == Outfit::Coat {
        56.0
    } else {
        49.0
    } * b;
    for side in [-1.0f32, 1.0] {
        parts_arm(&mut add, side * (half_width + 9.0), upper, skin);
    }
    // Neck, head, hair, face: turned together for the mood.
    let head_start = parts.len();
    let mut add = |shape, x, y, top, bottom| parts.push(Part::new(shape, x, y, top, bottom));
    add(
        PropShape::Rect(24.0, 20.0),
        0.0,
        262.0,
        shade(skin, 0.9),
        skin,
    );
    add(
        PropShape::Ellipse(64.0, 78.0),
        0.0,
        300.0,
        skin,
        shade(skin, 0.92),
    );
    match look.hair_style {
        HairStyle::Short | HairStyle::Long => {
            add(PropShape::Ellipse(68.0, 42.0), 0.0, 326.0, hair, hair)
        }
        HairStyle::Bun => {
            add(PropShape::Ellipse(68.0, 42.0), 0.0, 326.0, hair, hair);
            add(PropShape::Ellipse(30.0, 28.0), 0.0, 350.0, hair, hair);
        }
        HairStyle::Bald => {
            for side in [-1.0, 1.0] {
                add(
                    PropShape::Ellipse(12.0, 22.0),
                    side * 30.0,
                    304.0,
                    hair,
                    hair,
                );
            }
        }
        HairStyle::Cap => {
            add(PropShape::Ellipse(70.0, 40.0), 0.0, 330.0, clothes, clothes);
            add(
                PropShape::Rect(70.0, 12.0),
                0.0,
                318.0,
                shade(clothes, 0.85),
                shade(clothes, 0.85),
            );
        }
    }
    face(&mut parts, mood);
    // Posture: the head tilts and drops with the mood.
    let (tilt, drop): (f32, f32) = match mood {
        Mood::Neutral | Mood::Relieved => (0.0, 0.0),
        Mood::Worried => (7.0, 3.0),
        Mood::Angry => (-4.0, 4.0),
        Mood::Tired => (-6.0, 8.0),
    };
    let (sin, cos) = tilt.to_radians().sin_cos();
    for part in &mut parts[head_start..] {
        let d = part.at - NECK;
        part.at = NECK + Vec2::new(d.x * cos - d.y * sin, d.x * sin + d.y * cos) - Vec2::Y * drop;
        part.rotate += tilt;
    }
    let scale = look.height * SCALE;
    for part in &mut parts {
        part.at *= scale;
        part.shape = scaled(&part.shape, scale);
    }
    parts
}

fn parts_arm(
    add: &mut impl FnMut(PropShape, f32, f32, [f32; 4], [f32; 4]),
    x: f32,
    sleeve: [f32; 4],
    skin: [f32; 4],
) {
    add(
        PropShape::Rect(22.0, 118.0),
        x,
        196.0,
        sleeve,
        shade(sleeve, 0.88),
    );
    add(
        PropShape::Ellipse(22.0, 24.0),
        x,
        130.0,
        skin,
        shade(skin, 0.9),
    );
}

/// Brows, eyes and mouth for the mood.
fn face(parts: &mut Vec<Part>, mood: Mood) {
    let dark = colour("#2a2624");
    let lips = colour("#8a3f3f");
    let (brow_angle, brow_y, eye_h) = match mood {
        Mood::Neutral => (0.0, 316.0, 9.0),
        Mood::Worried => (16.0, 318.0, 9.0),
        Mood::Angry => (-18.0, 313.0, 7.0),
        Mood::Relieved => (6.0, 318.0, 8.0),
        Mood::Tired => (-4.0, 313.0, 3.0),
    };
    for side in [-1.0f32, 1.0] {
        parts.push(Part {
            shape: PropShape::Ellipse(7.0, eye_h),
            at: Vec2::new(side * 12.0, 303.0),
            top: dark,
            bottom: dark,
            rotate: 0.0,
        });
        parts.push(Part {
            shape: PropShape::Rect(15.0, 3.0),
            at: Vec2::new(side * 12.0, brow_y),
            top: dark,
            bottom: dark,
            // The inner ends rise (worried) or fall (angry) together.
            rotate: -side * brow_angle,
        });
    }
    let mouth = match mood {
        Mood::Neutral => PropShape::Rect(16.0, 3.0),
        Mood::Angry => PropShape::Rect(18.0, 3.5),
        Mood::Worried => {
            PropShape::Polygon(vec![(-5.0, 2.0), (5.0, 2.0), (9.0, -2.0), (-9.0, -2.0)])
        }
        Mood::Relieved => {
            PropShape::Polygon(vec![(-11.0, 2.0), (11.0, 2.0), (5.0, -4.0), (-5.0, -4.0)])
        }
        Mood::Tired => PropShape::Rect(12.0, 2.5),
    };
    parts.push(Part {
        shape: mouth,
        at: Vec2::new(0.0, 283.0),
        top: lips,
        bottom: lips,
        rotate: 0.0,
    });
}

fn scaled(shape: &PropShape, k: f32) -> PropShape {
    match shape {
        PropShape::Rect(w, h) => PropShape::Rect(w * k, h * k),
        PropShape::Ellipse(w, h) => PropShape::Ellipse(w * k, h * k),
        PropShape::Polygon(points) => {
            PropShape::Polygon(points.iter().map(|(x, y)| (x * k, y * k)).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look() -> LookDef {
        LookDef {
            outfit: Outfit::Coat,
            clothes: "#3a5a7a".into(),
            skin: "#e8c4a0".into(),
            hair: "#5a4636".into(),
            hair_style: HairStyle::Short,
            height: 1.0,
            build: 1.0,
        }
    }

    fn top_of(parts: &[Part]) -> f32 {
        parts
            .iter()
            .map(|p| match &p.shape {
                PropShape::Rect(_, h) | PropShape::Ellipse(_, h) => p.at.y + h / 2.0,
                PropShape::Polygon(points) => {
                    p.at.y + points.iter().map(|q| q.1).fold(f32::MIN, f32::max)
                }
            })
            .fold(f32::MIN, f32::max)
    }

    #[test]
    fn a_figure_stands_on_its_feet_and_is_as_tall_as_its_look() {
        let parts = figure(&look(), Mood::Neutral);
        let top = top_of(&parts);
        assert!(
            (STANDING_HEIGHT - 10.0..STANDING_HEIGHT + 10.0).contains(&top),
            "{top}"
        );
        let tall = LookDef {
            height: 1.1,
            ..look()
        };
        assert!((top_of(&figure(&tall, Mood::Neutral)) - top * 1.1).abs() < 0.5);
    }

    #[test]
    fn moods_show_in_the_face_and_the_posture() {
        let neutral = figure(&look(), Mood::Neutral);
        for mood in [Mood::Worried, Mood::Angry, Mood::Relieved, Mood::Tired] {
            let other = figure(&look(), mood);
            assert_eq!(other.len(), neutral.len(), "{mood:?}");
            assert_ne!(other, neutral, "{mood:?} looks different");
        }
        // Worried brows rise at the inner ends: the left brow turns
        // anticlockwise.
        let brows = |parts: &[Part]| -> Vec<f32> {
            parts
                .iter()
                .filter(|p| matches!(p.shape, PropShape::Rect(w, h) if (w / h - 5.0).abs() < 1e-3))
                .map(|p| p.rotate)
                .collect()
        };
        let worried = brows(&figure(&look(), Mood::Worried));
        assert!(worried[0] > 0.0 && worried[1] < 0.0, "{worried:?}");
    }
}
