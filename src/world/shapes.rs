//! Meshes for room props: rectangles, ellipses and convex polygons with a
//! colour per vertex, running from the top colour to the bottom one.

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, Mesh, PrimitiveTopology};
use bevy::prelude::*;

use crate::content::{PropShape, parse_rgba};

/// Segments round an ellipse.
const ELLIPSE_SEGMENTS: usize = 48;

/// A colour from `#rrggbb` or `#rrggbbaa`, as linear RGBA for vertices.
pub fn linear(text: &str) -> Option<[f32; 4]> {
    let [r, g, b, a] = parse_rgba(text)?;
    Some(Color::srgba_u8(r, g, b, a).to_linear().to_f32_array())
}

/// The outline's points, relative to its centre or origin.
pub fn outline(shape: &PropShape) -> Vec<[f32; 2]> {
    match shape {
        PropShape::Rect(w, h) => {
            let (x, y) = (w / 2.0, h / 2.0);
            vec![[-x, -y], [x, -y], [x, y], [-x, y]]
        }
        PropShape::Ellipse(w, h) => (0..ELLIPSE_SEGMENTS)
            .map(|i| {
                let angle = std::f32::consts::TAU * i as f32 / ELLIPSE_SEGMENTS as f32;
                [w / 2.0 * angle.cos(), h / 2.0 * angle.sin()]
            })
            .collect(),
        PropShape::Polygon(points) => points.iter().map(|(x, y)| [*x, *y]).collect(),
        PropShape::Image(_, w, h) => outline(&PropShape::Rect(*w, *h)),
    }
}

/// Shapes gathered into one mesh, so that a whole figure or a room's
/// solid props are one draw: each shape a triangle fan, each vertex
/// coloured by its height between the shape's `top` colour (at its highest
/// point) and its `bottom` one.
#[derive(Default)]
pub struct MeshBuilder {
    positions: Vec<[f32; 3]>,
    colours: Vec<[f32; 4]>,
    indices: Vec<u32>,
}

impl MeshBuilder {
    /// Adds a shape centred (or, a polygon, with its origin) at `at`,
    /// turned by `rotate` degrees anticlockwise about that point.
    pub fn add(
        &mut self,
        shape: &PropShape,
        at: Vec3,
        rotate: f32,
        top: [f32; 4],
        bottom: [f32; 4],
    ) {
        let points = outline(shape);
        let (low, high) = points.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
            (lo.min(p[1]), hi.max(p[1]))
        });
        let span = (high - low).max(f32::EPSILON);
        let (sin, cos) = rotate.to_radians().sin_cos();
        let first = self.positions.len() as u32;
        for p in &points {
            let t = (p[1] - low) / span;
            self.colours.push(std::array::from_fn(|i| {
                bottom[i] + (top[i] - bottom[i]) * t
            }));
            self.positions.push([
                at.x + p[0] * cos - p[1] * sin,
                at.y + p[0] * sin + p[1] * cos,
                at.z,
            ]);
        }
        let n = points.len() as u32;
        self.indices
            .extend((1..n.saturating_sub(1)).flat_map(|i| [first, first + i, first + i + 1]));
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// The mesh of everything added, drawn in the order added.
    pub fn build(self) -> Mesh {
        Mesh::new(
            PrimitiveTopology::TriangleList,
            RenderAssetUsages::default(),
        )
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, self.positions)
        .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, self.colours)
        .with_inserted_indices(Indices::U32(self.indices))
    }
}

#[cfg(test)]
mod tests {
    use bevy::mesh::VertexAttributeValues;

    use super::*;

    fn colours(mesh: &Mesh) -> Vec<[f32; 4]> {
        match mesh.attribute(Mesh::ATTRIBUTE_COLOR) {
            Some(VertexAttributeValues::Float32x4(c)) => c.clone(),
            other => panic!("colours: {other:?}"),
        }
    }

    fn mesh_of(shapes: &[(PropShape, Vec3, f32)], top: [f32; 4], bottom: [f32; 4]) -> Mesh {
        let mut builder = MeshBuilder::default();
        for (shape, at, rotate) in shapes {
            builder.add(shape, *at, *rotate, top, bottom);
        }
        builder.build()
    }

    fn positions(mesh: &Mesh) -> Vec<[f32; 3]> {
        match mesh.attribute(Mesh::ATTRIBUTE_POSITION) {
            Some(VertexAttributeValues::Float32x3(p)) => p.clone(),
            other => panic!("positions: {other:?}"),
        }
    }

    #[test]
    fn a_rectangle_runs_from_its_top_colour_to_its_bottom_colour() {
        let white = [1.0; 4];
        let black = [0.0, 0.0, 0.0, 1.0];
        let mesh = mesh_of(
            &[(PropShape::Rect(200.0, 100.0), Vec3::ZERO, 0.0)],
            white,
            black,
        );
        assert_eq!(mesh.count_vertices(), 4);
        assert_eq!(mesh.indices().unwrap().len(), 6, "two triangles");
        // Bottom-left, bottom-right, top-right, top-left.
        assert_eq!(colours(&mesh), vec![black, black, white, white]);
    }

    #[test]
    fn shapes_gathered_in_one_mesh_keep_their_places_turns_and_depths() {
        let c = [0.5; 4];
        let mesh = mesh_of(
            &[
                (
                    PropShape::Ellipse(80.0, 40.0),
                    Vec3::new(0.0, 0.0, 1.0),
                    0.0,
                ),
                (
                    PropShape::Polygon(vec![(0.0, 0.0), (10.0, 0.0), (5.0, 8.0)]),
                    Vec3::new(100.0, 50.0, 2.0),
                    90.0,
                ),
            ],
            c,
            c,
        );
        assert_eq!(mesh.count_vertices(), ELLIPSE_SEGMENTS + 3);
        let indices: Vec<usize> = mesh.indices().unwrap().iter().collect();
        assert_eq!(indices.len(), 3 * (ELLIPSE_SEGMENTS - 2) + 3);
        // The triangle's indices point at its own vertices, after the fan's.
        assert!(
            indices[3 * (ELLIPSE_SEGMENTS - 2)..]
                .iter()
                .all(|&i| i >= ELLIPSE_SEGMENTS)
        );
        let p = positions(&mesh);
        let [x, y, z] = p[ELLIPSE_SEGMENTS + 1];
        // (10, 0) turned a quarter anticlockwise is (0, 10).
        assert!(
            (x - 100.0).abs() < 1e-4 && (y - 60.0).abs() < 1e-4,
            "{x} {y}"
        );
        assert_eq!(z, 2.0);
        assert_eq!(p[0][2], 1.0);
    }

    #[test]
    fn colours_with_opacity_are_read() {
        let [_, _, _, a] = linear("#ffffff80").unwrap();
        assert!((a - 128.0 / 255.0).abs() < 1e-6);
        assert_eq!(linear("#fff"), None);
    }
}
