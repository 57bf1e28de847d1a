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
    }
}

/// The mesh of a prop: its outline as a triangle fan, each vertex coloured
/// by its height between `top` (at the highest point) and `bottom`.
pub fn prop_mesh(shape: &PropShape, top: [f32; 4], bottom: [f32; 4]) -> Mesh {
    let points = outline(shape);
    let (low, high) = points.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
        (lo.min(p[1]), hi.max(p[1]))
    });
    let span = (high - low).max(f32::EPSILON);
    let colours: Vec<[f32; 4]> = points
        .iter()
        .map(|p| {
            let t = (p[1] - low) / span;
            std::array::from_fn(|i| bottom[i] + (top[i] - bottom[i]) * t)
        })
        .collect();
    let positions: Vec<[f32; 3]> = points.iter().map(|p| [p[0], p[1], 0.0]).collect();
    let uvs: Vec<[f32; 2]> = points
        .iter()
        .map(|p| [0.5, 1.0 - (p[1] - low) / span])
        .collect();
    let normals = vec![[0.0, 0.0, 1.0]; points.len()];
    let n = points.len() as u32;
    let indices: Vec<u32> = (1..n.saturating_sub(1))
        .flat_map(|i| [0, i, i + 1])
        .collect();
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, normals)
    .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, uvs)
    .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, colours)
    .with_inserted_indices(Indices::U32(indices))
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

    #[test]
    fn a_rectangle_runs_from_its_top_colour_to_its_bottom_colour() {
        let white = [1.0; 4];
        let black = [0.0, 0.0, 0.0, 1.0];
        let mesh = prop_mesh(&PropShape::Rect(200.0, 100.0), white, black);
        assert_eq!(mesh.count_vertices(), 4);
        assert_eq!(mesh.indices().unwrap().len(), 6, "two triangles");
        // Bottom-left, bottom-right, top-right, top-left.
        assert_eq!(colours(&mesh), vec![black, black, white, white]);
    }

    #[test]
    fn an_ellipse_and_a_polygon_are_fans() {
        let c = [0.5; 4];
        let ellipse = prop_mesh(&PropShape::Ellipse(80.0, 40.0), c, c);
        assert_eq!(ellipse.count_vertices(), ELLIPSE_SEGMENTS);
        assert_eq!(ellipse.indices().unwrap().len(), 3 * (ELLIPSE_SEGMENTS - 2));
        let triangle = prop_mesh(
            &PropShape::Polygon(vec![(0.0, 0.0), (10.0, 0.0), (5.0, 8.0)]),
            c,
            c,
        );
        assert_eq!(triangle.indices().unwrap().len(), 3);
    }

    #[test]
    fn colours_with_opacity_are_read() {
        let [_, _, _, a] = linear("#ffffff80").unwrap();
        assert!((a - 128.0 / 255.0).abs() < 1e-6);
        assert_eq!(linear("#fff"), None);
    }
}
