//! A character as flat shapes, from their look and mood: shoes, legs, body
//! and clothes, arms, head, hair and a face whose brows, eyes and mouth
//! follow the mood, with a posture to match. Plain data, drawn by the room
//! as meshes.

use bevy::math::Vec2;

use super::shapes::linear;
use crate::content::{HairStyle, LookDef, Mood, Outfit, PropShape};

/// The figures are drawn at this size against the units below.
const SCALE: f32 = 0.8;

/// Where the head turns, above the shoulders.
const NECK: Vec2 = Vec2::new(0.0, 262.0);

/// One shape of a figure, placed against the figure's origin: the feet of
/// one standing, the middle of the body of one lying.
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

/// A convex rounded rectangle `w` × `h` about its centre, corners of
/// radius `r`.
fn rounded(w: f32, h: f32, r: f32) -> PropShape {
    let r = r.min(w / 2.0).min(h / 2.0);
    let corners = [
        (w / 2.0 - r, h / 2.0 - r, 0.0),
        (-w / 2.0 + r, h / 2.0 - r, 90.0),
        (-w / 2.0 + r, -h / 2.0 + r, 180.0),
        (w / 2.0 - r, -h / 2.0 + r, 270.0),
    ];
    let points = corners
        .iter()
        .flat_map(|&(cx, cy, start): &(f32, f32, f32)| {
            (0..=4).map(move |k| {
                let a = (start + k as f32 * 22.5).to_radians();
                (cx + r * a.cos(), cy + r * a.sin())
            })
        })
        .collect();
    PropShape::Polygon(points)
}

/// A limb from `a` to `b`, `wa` wide at `a` and `wb` at `b`: a trapezoid
/// with its origin at `a`.
fn limb(a: Vec2, b: Vec2, wa: f32, wb: f32) -> PropShape {
    let along = (b - a).normalize_or(Vec2::NEG_Y);
    let across = along.perp();
    let d = b - a;
    let p = |v: Vec2| (v.x, v.y);
    PropShape::Polygon(vec![
        p(across * wa / 2.0),
        p(-across * wa / 2.0),
        p(d - across * wb / 2.0),
        p(d + across * wb / 2.0),
    ])
}

/// The colours a look is drawn in.
struct Palette {
    skin: [f32; 4],
    hair: [f32; 4],
    clothes: [f32; 4],
    /// Legs (trousers, or bare legs under a gown).
    legs: [f32; 4],
    /// The outermost layer of the upper body: coat, scrubs, gown, clothes.
    upper: [f32; 4],
    /// Sleeves reach the wrists (coat, casual) or stop above the elbow.
    long_sleeves: bool,
}

impl Palette {
    fn of(look: &LookDef) -> Palette {
        let skin = colour(&look.skin);
        let clothes = colour(&look.clothes);
        let (legs, upper, long_sleeves) = match look.outfit {
            Outfit::Coat => (shade(clothes, 0.6), colour("#f3f5f6"), true),
            Outfit::Scrubs => (clothes, clothes, false),
            Outfit::Gown => (skin, clothes, false),
            Outfit::Casual => (shade(clothes, 0.55), clothes, true),
        };
        Palette {
            skin,
            hair: colour(&look.hair),
            clothes,
            legs,
            upper,
            long_sleeves,
        }
    }
}

/// Where the arms go for a mood, given the shoulder: the elbow and the
/// hand, for the figure's right side (x mirrored for the left); hands that
/// meet in front or rest on the hips are placed against the body, the
/// others against the shoulder.
fn arm_pose(mood: Mood, shoulder: Vec2) -> (Vec2, Vec2) {
    let s = shoulder;
    match mood {
        // Hanging loosely.
        Mood::Neutral => (s + Vec2::new(5.0, -62.0), s + Vec2::new(7.0, -120.0)),
        Mood::Relieved => (s + Vec2::new(6.0, -62.0), s + Vec2::new(10.0, -118.0)),
        // Hands clasped in front of the belly.
        Mood::Worried => (s + Vec2::new(3.0, -60.0), Vec2::new(9.0, 150.0)),
        // Hands on the hips, elbows out.
        Mood::Angry => (s + Vec2::new(30.0, -48.0), Vec2::new(s.x - 4.0, 142.0)),
        // Hanging, shoulders dropped.
        Mood::Tired => (s + Vec2::new(2.0, -64.0), s + Vec2::new(1.0, -124.0)),
    }
}

/// The parts of a standing figure, back to front, feet at (0, 0).
pub fn figure(look: &LookDef, mood: Mood) -> Vec<Part> {
    let c = Palette::of(look);
    let dark = colour("#2a2624");
    let b = look.build;
    let mut parts = Vec::new();
    let mut add = |shape, x, y, top, bottom| parts.push(Part::new(shape, x, y, top, bottom));
    if look.hair_style == HairStyle::Long {
        add(
            rounded(76.0, 100.0, 30.0),
            0.0,
            284.0,
            c.hair,
            shade(c.hair, 0.8),
        );
    }
    // Shoes and legs, a little apart and narrowing to the ankles.
    for side in [-1.0, 1.0] {
        add(rounded(38.0, 14.0, 7.0), side * 18.0 * b, 7.0, dark, dark);
        add(
            limb(
                Vec2::new(side * 15.0 * b, 142.0),
                Vec2::new(side * 17.0 * b, 12.0),
                30.0 * b,
                22.0,
            ),
            side * 15.0 * b,
            142.0,
            c.legs,
            shade(c.legs, 0.8),
        );
    }
    // Body and clothes; the shoulders drop when tired.
    let slump = if mood == Mood::Tired { 5.0 } else { 0.0 };
    add(
        rounded(98.0 * b, 128.0 - slump, 22.0),
        0.0,
        194.0 - slump / 2.0,
        c.clothes,
        shade(c.clothes, 0.85),
    );
    match look.outfit {
        Outfit::Coat => {
            let coat_shadow = colour("#d6dce0");
            add(
                rounded(112.0 * b, 178.0 - slump, 24.0),
                0.0,
                170.0 - slump / 2.0,
                c.upper,
                coat_shadow,
            );
            // The shirt in the coat's opening, lapels either side.
            add(
                PropShape::Polygon(vec![(-17.0, 0.0), (17.0, 0.0), (0.0, -56.0)]),
                0.0,
                258.0 - slump,
                c.clothes,
                shade(c.clothes, 0.9),
            );
            for side in [-1.0f32, 1.0] {
                add(
                    PropShape::Polygon(vec![
                        (0.0, 0.0),
                        (side * 6.0, 0.0),
                        (side * 24.0, -40.0),
                        (side * 4.0, -62.0),
                    ]),
                    side * 16.0,
                    258.0 - slump,
                    coat_shadow,
                    shade(coat_shadow, 0.93),
                );
            }
            // A breast pocket with a pen.
            add(
                rounded(28.0, 22.0, 3.0),
                -32.0 * b,
                214.0,
                coat_shadow,
                coat_shadow,
            );
            let pen = colour("#5a86b8");
            add(rounded(5.0, 18.0, 2.0), -36.0 * b, 226.0, pen, pen);
        }
        Outfit::Scrubs => add(
            PropShape::Polygon(vec![(-15.0, 0.0), (15.0, 0.0), (0.0, -26.0)]),
            0.0,
            258.0 - slump,
            c.skin,
            shade(c.skin, 0.95),
        ),
        Outfit::Gown => {
            add(
                rounded(104.0 * b, 152.0 - slump, 22.0),
                0.0,
                183.0 - slump / 2.0,
                c.clothes,
                shade(c.clothes, 0.85),
            );
            // A small print of dots, as hospital gowns have.
            let dot = shade(c.clothes, 0.8);
            for (x, y) in [(-24.0, 230.0), (14.0, 212.0), (-8.0, 186.0), (26.0, 160.0)] {
                add(PropShape::Ellipse(7.0, 7.0), x * b, y, dot, dot);
            }
        }
        Outfit::Casual => {}
    }
    // Arms: upper arm, forearm and hand, posed for the mood.
    let half_width = if look.outfit == Outfit::Coat {
        52.0
    } else {
        45.0
    } * b;
    for side in [-1.0f32, 1.0] {
        let shoulder = Vec2::new(half_width, 244.0 - slump);
        let (elbow, hand) = arm_pose(mood, shoulder);
        let m = |v: Vec2| Vec2::new(v.x * side, v.y);
        arm(&mut parts, m(shoulder), m(elbow), m(hand), &c);
    }
    // Neck, head, hair, face: turned together for the mood.
    let head_start = parts.len();
    let mut add = |shape, x, y, top, bottom| parts.push(Part::new(shape, x, y, top, bottom));
    add(
        rounded(24.0, 22.0, 6.0),
        0.0,
        261.0,
        shade(c.skin, 0.88),
        c.skin,
    );
    for side in [-1.0, 1.0] {
        add(
            PropShape::Ellipse(12.0, 18.0),
            side * 31.0,
            300.0,
            shade(c.skin, 0.92),
            shade(c.skin, 0.85),
        );
    }
    add(
        PropShape::Ellipse(64.0, 78.0),
        0.0,
        300.0,
        c.skin,
        shade(c.skin, 0.92),
    );
    match look.hair_style {
        HairStyle::Short => {
            add(PropShape::Ellipse(68.0, 42.0), 0.0, 326.0, c.hair, c.hair);
            add(PropShape::Ellipse(26.0, 18.0), -18.0, 318.0, c.hair, c.hair);
        }
        HairStyle::Long => {
            add(PropShape::Ellipse(70.0, 44.0), 0.0, 325.0, c.hair, c.hair);
            for side in [-1.0, 1.0] {
                add(
                    rounded(14.0, 56.0, 7.0),
                    side * 29.0,
                    296.0,
                    c.hair,
                    shade(c.hair, 0.85),
                );
            }
        }
        HairStyle::Bun => {
            add(PropShape::Ellipse(68.0, 42.0), 0.0, 326.0, c.hair, c.hair);
            add(PropShape::Ellipse(30.0, 28.0), 0.0, 350.0, c.hair, c.hair);
        }
        HairStyle::Bald => {
            for side in [-1.0, 1.0] {
                add(
                    PropShape::Ellipse(12.0, 22.0),
                    side * 30.0,
                    304.0,
                    c.hair,
                    c.hair,
                );
            }
        }
        HairStyle::Cap => {
            add(
                PropShape::Ellipse(70.0, 40.0),
                0.0,
                330.0,
                c.clothes,
                c.clothes,
            );
            add(
                rounded(70.0, 12.0, 4.0),
                0.0,
                318.0,
                shade(c.clothes, 0.85),
                shade(c.clothes, 0.85),
            );
        }
    }
    face(&mut parts, mood, c.skin);
    // Posture: the head tilts and drops with the mood.
    let (tilt, drop): (f32, f32) = match mood {
        Mood::Neutral | Mood::Relieved => (0.0, 0.0),
        Mood::Worried => (7.0, 3.0),
        Mood::Angry => (-4.0, 2.0),
        Mood::Tired => (-6.0, 9.0),
    };
    let (sin, cos) = tilt.to_radians().sin_cos();
    for part in &mut parts[head_start..] {
        let d = part.at - NECK;
        part.at = NECK + Vec2::new(d.x * cos - d.y * sin, d.x * sin + d.y * cos) - Vec2::Y * drop;
        part.rotate += tilt;
    }
    sized(parts, look)
}

/// The parts scaled to the look's height.
fn sized(mut parts: Vec<Part>, look: &LookDef) -> Vec<Part> {
    let scale = look.height * SCALE;
    for part in &mut parts {
        part.at *= scale;
        part.shape = scaled(&part.shape, scale);
    }
    parts
}

/// An arm from the shoulder through the elbow to the hand: sleeve, skin
/// where the sleeve ends, rounded joints.
fn arm(parts: &mut Vec<Part>, shoulder: Vec2, elbow: Vec2, hand: Vec2, c: &Palette) {
    let sleeve = c.upper;
    let forearm = if c.long_sleeves { sleeve } else { c.skin };
    let mut add =
        |shape, at: Vec2, top, bottom| parts.push(Part::new(shape, at.x, at.y, top, bottom));
    add(PropShape::Ellipse(26.0, 26.0), shoulder, sleeve, sleeve);
    add(
        limb(shoulder, elbow, 25.0, 21.0),
        shoulder,
        sleeve,
        shade(sleeve, 0.9),
    );
    add(PropShape::Ellipse(20.0, 20.0), elbow, forearm, forearm);
    add(
        limb(elbow, hand, 19.0, 16.0),
        elbow,
        forearm,
        shade(forearm, 0.9),
    );
    if !c.long_sleeves {
        // The short sleeve's hem.
        let hem = shoulder.lerp(elbow, 0.55);
        add(
            limb(hem, hem.lerp(elbow, 0.2), 27.0, 26.0),
            hem,
            sleeve,
            shade(sleeve, 0.85),
        );
    }
    add(
        PropShape::Ellipse(20.0, 22.0),
        hand,
        c.skin,
        shade(c.skin, 0.9),
    );
}

/// The parts of a figure lying on the back, head to the left, seen from
/// the side, its middle at (0, 0) on the mattress: head in profile on the
/// pillow, body, an arm along it, feet pointing up under the blanket.
pub fn lying_figure(look: &LookDef, mood: Mood) -> Vec<Part> {
    let c = Palette::of(look);
    let dark = colour("#2a2624");
    let lips = colour("#8a3f3f");
    let b = look.build;
    let mut parts = Vec::new();
    let mut add = |shape, x, y, top, bottom| parts.push(Part::new(shape, x, y, top, bottom));
    // Hair spread on the pillow behind the head.
    match look.hair_style {
        HairStyle::Long => add(
            rounded(96.0, 44.0, 20.0),
            -196.0,
            4.0,
            c.hair,
            shade(c.hair, 0.85),
        ),
        HairStyle::Bun | HairStyle::Short => {
            add(PropShape::Ellipse(66.0, 50.0), -180.0, 10.0, c.hair, c.hair)
        }
        HairStyle::Cap => add(
            PropShape::Ellipse(66.0, 50.0),
            -180.0,
            10.0,
            c.clothes,
            c.clothes,
        ),
        HairStyle::Bald => {}
    }
    // Legs and feet, the toes up.
    add(
        limb(
            Vec2::new(10.0, -2.0),
            Vec2::new(160.0, -4.0),
            30.0 * b,
            20.0,
        ),
        10.0,
        -2.0,
        c.legs,
        shade(c.legs, 0.85),
    );
    add(
        rounded(16.0, 28.0, 7.0),
        166.0,
        6.0,
        c.skin,
        shade(c.skin, 0.9),
    );
    // Body: the chest a little higher than the belly.
    add(
        PropShape::Polygon(vec![
            (-118.0, -14.0),
            (20.0, -14.0),
            (26.0, 4.0),
            (16.0, 22.0 * b),
            (-40.0, 28.0 * b),
            (-104.0, 30.0 * b),
            (-122.0, 12.0),
        ]),
        0.0,
        0.0,
        c.upper,
        shade(c.upper, 0.85),
    );
    // Neck and head in profile, face up.
    add(
        rounded(34.0, 30.0, 8.0),
        -132.0,
        6.0,
        c.skin,
        shade(c.skin, 0.9),
    );
    let head = Vec2::new(-168.0, 14.0);
    add(
        PropShape::Ellipse(74.0, 64.0),
        head.x,
        head.y,
        c.skin,
        shade(c.skin, 0.9),
    );
    add(
        PropShape::Ellipse(12.0, 16.0),
        head.x - 4.0,
        head.y - 2.0,
        shade(c.skin, 0.85),
        shade(c.skin, 0.8),
    );
    // Hair over the crown.
    match look.hair_style {
        HairStyle::Bald => {}
        HairStyle::Cap => add(
            PropShape::Ellipse(36.0, 60.0),
            head.x - 24.0,
            head.y,
            c.clothes,
            c.clothes,
        ),
        _ => add(
            PropShape::Ellipse(34.0, 60.0),
            head.x - 26.0,
            head.y,
            c.hair,
            c.hair,
        ),
    }
    // Nose, eye, brow and mouth along the top of the head.
    add(
        PropShape::Polygon(vec![(-6.0, 0.0), (7.0, 0.0), (1.0, 11.0)]),
        head.x + 4.0,
        head.y + 29.0,
        c.skin,
        c.skin,
    );
    let closed = matches!(mood, Mood::Tired | Mood::Relieved);
    let eye = if closed {
        rounded(9.0, 2.5, 1.0)
    } else {
        PropShape::Ellipse(7.0, 7.0)
    };
    add(eye, head.x - 8.0, head.y + 22.0, dark, dark);
    let brow_tilt = match mood {
        Mood::Worried => 14.0,
        Mood::Angry => -14.0,
        _ => 0.0,
    };
    parts.push(Part {
        shape: rounded(12.0, 3.0, 1.0),
        at: Vec2::new(head.x - 12.0, head.y + 29.0),
        top: dark,
        bottom: dark,
        rotate: brow_tilt,
    });
    parts.push(Part {
        shape: rounded(3.0, 9.0, 1.0),
        at: Vec2::new(head.x + 20.0, head.y + 22.0),
        top: lips,
        bottom: lips,
        rotate: if mood == Mood::Worried { 20.0 } else { 0.0 },
    });
    // The near arm along the body.
    let shoulder = Vec2::new(-100.0, 14.0);
    let elbow = Vec2::new(-36.0, 8.0);
    let hand = Vec2::new(22.0, 10.0);
    arm(&mut parts, shoulder, elbow, hand, &c);
    sized(parts, look)
}

/// Brows, eyes, nose, mouth and cheeks for the mood.
fn face(parts: &mut Vec<Part>, mood: Mood, skin: [f32; 4]) {
    let dark = colour("#2a2624");
    let lips = colour("#8a3f3f");
    let (brow_angle, brow_y, eye_h) = match mood {
        Mood::Neutral => (0.0, 316.0, 9.0),
        Mood::Worried => (16.0, 318.0, 9.0),
        Mood::Angry => (-18.0, 313.0, 7.0),
        Mood::Relieved => (6.0, 318.0, 8.0),
        Mood::Tired => (-4.0, 313.0, 3.0),
    };
    let nose = shade(skin, 0.86);
    parts.push(Part::new(rounded(8.0, 14.0, 4.0), 0.0, 293.0, skin, nose));
    if mood == Mood::Relieved {
        let cheek = mix(skin, colour("#e27d7d"), 0.35);
        for side in [-1.0f32, 1.0] {
            parts.push(Part::new(
                PropShape::Ellipse(12.0, 8.0),
                side * 20.0,
                290.0,
                cheek,
                cheek,
            ));
        }
    }
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
        at: Vec2::new(0.0, 281.0),
        top: lips,
        bottom: lips,
        rotate: 0.0,
    });
}

/// `a` blended towards `b` by `t`.
fn mix(a: [f32; 4], b: [f32; 4], t: f32) -> [f32; 4] {
    std::array::from_fn(|i| a[i] + (b[i] - a[i]) * t)
}

fn scaled(shape: &PropShape, k: f32) -> PropShape {
    match shape {
        PropShape::Rect(w, h) => PropShape::Rect(w * k, h * k),
        PropShape::Ellipse(w, h) => PropShape::Ellipse(w * k, h * k),
        PropShape::Polygon(points) => {
            PropShape::Polygon(points.iter().map(|(x, y)| (x * k, y * k)).collect())
        }
        PropShape::Image(path, w, h) => PropShape::Image(path.clone(), w * k, h * k),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How tall an average adult stands, in canvas units.
    const STANDING_HEIGHT: f32 = 340.0 * SCALE;

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
                PropShape::Rect(_, h) | PropShape::Ellipse(_, h) | PropShape::Image(_, _, h) => {
                    p.at.y + h / 2.0
                }
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

    #[test]
    fn arms_follow_the_mood() {
        let lowest_hand = |mood| {
            figure(&look(), mood)
                .iter()
                .filter(|p| p.shape == scaled(&PropShape::Ellipse(20.0, 22.0), SCALE))
                .map(|p| p.at)
                .collect::<Vec<_>>()
        };
        let hanging = lowest_hand(Mood::Neutral);
        let clasped = lowest_hand(Mood::Worried);
        assert_eq!(hanging.len(), 2);
        // Worried hands meet in front of the belly; hanging ones hang wide.
        assert!(clasped[1].x - clasped[0].x < 20.0, "{clasped:?}");
        assert!(hanging[1].x - hanging[0].x > 80.0, "{hanging:?}");
        // On the hips the elbows stand out further than the hands.
        let angry = figure(&look(), Mood::Angry);
        let widest = angry.iter().map(|p| p.at.x.abs()).fold(0.0f32, f32::max);
        assert!(widest > hanging[1].x + 10.0, "{widest}");
    }

    #[test]
    fn a_lying_figure_is_long_and_low_with_its_head_to_the_left() {
        let gown = LookDef {
            outfit: Outfit::Gown,
            hair_style: HairStyle::Long,
            ..look()
        };
        let parts = lying_figure(&gown, Mood::Neutral);
        let xs = parts.iter().map(|p| p.at.x);
        let (left, right) = xs.fold((f32::MAX, f32::MIN), |(l, r), x| (l.min(x), r.max(x)));
        let top = top_of(&parts);
        assert!(
            right - left > 4.0 * top,
            "long: {left}..{right}, {top} high"
        );
        assert!(top < 0.25 * STANDING_HEIGHT, "low: {top}");
        // The head (the biggest ellipse) is at the left end.
        let head = parts
            .iter()
            .find(|p| p.shape == scaled(&PropShape::Ellipse(74.0, 64.0), SCALE))
            .expect("a head");
        assert!(head.at.x < left + 0.3 * (right - left), "{:?}", head.at);
        // Asleep (tired) the eyes close: no round eye is left.
        let round_eye = scaled(&PropShape::Ellipse(7.0, 7.0), SCALE);
        assert!(parts.iter().any(|p| p.shape == round_eye));
        assert!(
            !lying_figure(&gown, Mood::Tired)
                .iter()
                .any(|p| p.shape == round_eye)
        );
    }
}
