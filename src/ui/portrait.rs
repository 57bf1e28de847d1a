//! The speaker's portrait at the left of the dialogue box while they say a
//! line: their head and shoulders, drawn from the same figure as in the
//! room, with the same mood. Inside the box, it covers nothing of the room.

use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, Pos2, Rect, epaint};

use crate::story::Story;
use crate::world::{Part, figure, outline};

/// The portrait's size, in points.
const SIZE: f32 = 128.0;
/// How much of the figure it shows, in canvas units from the top of the
/// head down.
const SPAN: f32 = 110.0;
/// Behind the figure: a little lighter than the dialogue box.
const BACKDROP: Color32 = Color32::from_rgb(52, 60, 70);

/// Shows the portrait of `speaker` (when they have a look) in `ui`, in the
/// scene's dress and with their mood, followed by a gap.
pub(super) fn speaker_portrait(ui: &mut egui::Ui, story: &Story, speaker: Option<&str>) {
    let (Some(id), Some(library), Some(state)) = (speaker, story.library(), story.state()) else {
        return;
    };
    let Some(look) = library.look_in(&state.cursor.scene, id) else {
        return;
    };
    let parts = figure(&look, state.mood(id));
    let (rect, _) = ui.allocate_exact_size(egui::vec2(SIZE, SIZE), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 10.0, BACKDROP);
    paint(&painter, rect.shrink(4.0), &parts);
    painter.rect_stroke(
        rect,
        10.0,
        egui::Stroke::new(1.0, Color32::from_white_alpha(40)),
        egui::StrokeKind::Inside,
    );
    ui.add_space(18.0);
}

/// An sRGB egui colour from linear RGBA.
fn colour(c: [f32; 4]) -> Color32 {
    let srgb = Color::LinearRgba(LinearRgba::new(c[0], c[1], c[2], c[3])).to_srgba();
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color32::from_rgba_unmultiplied(
        byte(srgb.red),
        byte(srgb.green),
        byte(srgb.blue),
        byte(srgb.alpha),
    )
}

/// Paints the figure's upper part into `rect`: the top of the head at the
/// top, [`SPAN`] units down to the bottom.
fn paint(painter: &egui::Painter, rect: Rect, parts: &[Part]) {
    let top = parts
        .iter()
        .flat_map(|p| outline(&p.shape).into_iter().map(move |q| p.at.y + q[1]))
        .fold(f32::MIN, f32::max);
    let scale = rect.height() / SPAN;
    let to_screen = |x: f32, y: f32| {
        Pos2::new(
            rect.center().x + x * scale,
            rect.top() + (top + 6.0 - y) * scale,
        )
    };
    for part in parts {
        let points = outline(&part.shape);
        let (sin, cos) = part.rotate.to_radians().sin_cos();
        let placed: Vec<(f32, f32)> = points
            .iter()
            .map(|q| {
                (
                    part.at.x + q[0] * cos - q[1] * sin,
                    part.at.y + q[0] * sin + q[1] * cos,
                )
            })
            .collect();
        let (low, high) = points.iter().fold((f32::MAX, f32::MIN), |(lo, hi), q| {
            (lo.min(q[1]), hi.max(q[1]))
        });
        let span = (high - low).max(f32::EPSILON);
        let mut mesh = epaint::Mesh::default();
        for (q, (x, y)) in points.iter().zip(&placed) {
            let t = (q[1] - low) / span;
            let c: [f32; 4] =
                std::array::from_fn(|i| part.bottom[i] + (part.top[i] - part.bottom[i]) * t);
            mesh.colored_vertex(to_screen(*x, *y), colour(c));
        }
        for i in 1..placed.len().saturating_sub(1) as u32 {
            mesh.add_triangle(0, i, i + 1);
        }
        painter.add(egui::Shape::mesh(mesh));
    }
}
