//! Vector pictures for rooms: SVG files in the scenes folder, read with
//! `usvg` (errors name the file, line and column) and rasterised with
//! `resvg` into straight-alpha sRGB pixels for a texture.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, Tree};

use super::diagnostic::{Diagnostic, Pos};
use resvg::usvg::roxmltree;

use super::limits::{MAX_PICTURE_BYTES, MAX_PICTURE_ELEMENTS, too_large};

/// Pixels per SVG unit when rasterising: a picture drawn in world units
/// stays sharp up to a 2560 × 1440 window.
pub const RASTER_SCALE: f32 = 2.0;

/// The largest texture side rasterised; bigger pictures are scaled down to
/// fit (WebGL2 guarantees 2048).
pub const MAX_SIDE: u32 = 2048;

/// A picture as pixels, row by row from the top, four bytes (RGBA, sRGB,
/// not premultiplied) each.
#[derive(Clone, Debug, PartialEq)]
pub struct Raster {
    /// Pixels across.
    pub width: u32,
    /// Pixels down.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
}

/// Reads an SVG file. `shown` is how a diagnostic names it. A picture may
/// have [`MAX_PICTURE_BYTES`] and [`MAX_PICTURE_ELEMENTS`] elements (each
/// `<use>` counted as the copy it makes) at the most, and no DTD (whose
/// entities could make a small file huge).
pub fn parse_svg(shown: &str, bytes: &[u8]) -> Result<Tree, Diagnostic> {
    let refused =
        |pos: Pos, why: String, hint: &str| Diagnostic::error(shown, pos, why).with_hint(hint);
    const SIMPLER: &str = "simplify the picture: rooms draw it a few hundred points wide";
    if let Some(why) = too_large(bytes.len(), MAX_PICTURE_BYTES) {
        return Err(refused(Pos::START, why, SIMPLER));
    }
    let text = std::str::from_utf8(bytes).map_err(|err| {
        refused(
            Pos::START,
            format!("the file is not UTF-8 text: {err}"),
            "save the picture as UTF-8",
        )
    })?;
    let xml = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_PICTURE_ELEMENTS as u32,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, xml).map_err(|err| {
        let at = err.pos();
        let pos = Pos {
            line: at.row as usize,
            col: at.col as usize,
        };
        refused(pos, format!("not a readable SVG file: {err}"), SVG_HINT)
    })?;
    let elements = expanded_elements(&doc);
    if elements > MAX_PICTURE_ELEMENTS {
        let why = format!(
            "the picture has {elements} elements counting what `<use>` copies; a picture may have {MAX_PICTURE_ELEMENTS} at the most"
        );
        return Err(refused(Pos::START, why, SIMPLER));
    }
    // `<image>` is not drawn: neither files (they would be read from
    // anywhere, and not reloaded) nor embedded data.
    let options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    Tree::from_xmltree(&doc, &options).map_err(|err| {
        refused(
            Pos::START,
            format!("not a usable SVG picture: {err}"),
            SVG_HINT,
        )
    })
}

/// What a picture that cannot be read should be.
const SVG_HINT: &str = "pictures are SVG files with a size (`width` and `height`, or a `viewBox`); text and embedded images are not drawn";

/// How many elements `doc` draws with every `<use>` replaced by a copy of
/// what it names, counted up to a little past the limit (a chain of uses
/// that each copy several others grows exponentially).
fn expanded_elements(doc: &roxmltree::Document) -> usize {
    let by_id: std::collections::HashMap<&str, roxmltree::Node> = (doc.descendants())
        .filter_map(|node| node.attribute("id").map(|id| (id, node)))
        .collect();
    let mut memo = std::collections::HashMap::new();
    count_elements(doc.root_element(), &by_id, &mut memo, 0)
}

/// The elements of `node` with its uses copied, memoised by node; a use
/// deeper than 32 (a loop, or absurd nesting) counts as over the limit.
fn count_elements<'a>(
    node: roxmltree::Node<'a, 'a>,
    by_id: &std::collections::HashMap<&str, roxmltree::Node<'a, 'a>>,
    memo: &mut std::collections::HashMap<roxmltree::NodeId, usize>,
    depth: usize,
) -> usize {
    if depth > 32 {
        return MAX_PICTURE_ELEMENTS + 1;
    }
    if let Some(count) = memo.get(&node.id()) {
        return *count;
    }
    let mut count = 1usize;
    for child in node.children().filter(roxmltree::Node::is_element) {
        count = count.saturating_add(count_elements(child, by_id, memo, depth + 1));
    }
    if node.has_tag_name((SVG_NS, "use")) {
        let href = node
            .attribute("href")
            .or_else(|| node.attribute((XLINK_NS, "href")));
        if let Some(target) = href
            .and_then(|h| h.strip_prefix('#'))
            .and_then(|id| by_id.get(id))
        {
            count = count.saturating_add(count_elements(*target, by_id, memo, depth + 1));
        }
    }
    let count = count.min(MAX_PICTURE_ELEMENTS + 1);
    memo.insert(node.id(), count);
    count
}

/// SVG's XML namespace.
const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// XLink's, for the `xlink:href` of older files.
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";

/// Draws a picture at [`RASTER_SCALE`] pixels per unit (less if it would
/// exceed [`MAX_SIDE`]).
pub fn rasterise(tree: &Tree) -> Raster {
    let size = tree.size();
    let longest = size.width().max(size.height());
    let scale = RASTER_SCALE.min(MAX_SIDE as f32 / longest);
    let side = |units: f32| ((units * scale).ceil() as u32).clamp(1, MAX_SIDE);
    let (width, height) = (side(size.width()), side(size.height()));
    let mut pixmap = Pixmap::new(width, height).expect("sides are at least one pixel");
    resvg::render(
        tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let mut rgba: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    bleed(&mut rgba, width as usize, height as usize);
    Raster {
        width,
        height,
        rgba,
    }
}

/// Gives fully transparent pixels next to drawn ones the colour of such a
/// neighbour (still transparent), so that a picture filtered between
/// pixels gets no dark fringe from the black of "nothing".
fn bleed(rgba: &mut [u8], width: usize, height: usize) {
    let source = rgba.to_vec();
    let drawn = |x: usize, y: usize| source[(y * width + x) * 4 + 3] > 0;
    for y in 0..height {
        for x in 0..width {
            if drawn(x, y) {
                continue;
            }
            let neighbours = [
                (x.wrapping_sub(1), y),
                (x + 1, y),
                (x, y.wrapping_sub(1)),
                (x, y + 1),
            ];
            if let Some((nx, ny)) = neighbours
                .into_iter()
                .find(|&(nx, ny)| nx < width && ny < height && drawn(nx, ny))
            {
                let (to, from) = ((y * width + x) * 4, (ny * width + nx) * 4);
                rgba[to..to + 3].copy_from_slice(&source[from..from + 3]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="4" viewBox="0 0 10 4">
  <rect x="0" y="0" width="5" height="4" fill="#ff0000"/>
  <rect x="5" y="0" width="5" height="4" fill="#0000ff" fill-opacity="0.5"/>
</svg>"##;

    #[test]
    fn a_picture_too_large_a_dtd_or_uses_that_multiply_are_refused() {
        let padded = format!("{SQUARE}{}", " ".repeat(MAX_PICTURE_BYTES));
        let err = parse_svg("art/big.svg", padded.as_bytes()).unwrap_err();
        assert!(err.message.contains("bytes"), "{err}");
        let dtd = r#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">&a;</svg>"#;
        assert!(parse_svg("art/dtd.svg", dtd.as_bytes()).is_err());
        // Each group uses the one before it ten times: 10^6 copies.
        let mut svg = String::from(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect id="g0" width="1" height="1"/>"#,
        );
        for level in 1..=6 {
            svg.push_str(&format!(r#"<g id="g{level}">"#));
            for _ in 0..10 {
                svg.push_str(&format!(r##"<use href="#g{}"/>"##, level - 1));
            }
            svg.push_str("</g>");
        }
        svg.push_str("</svg>");
        let err = parse_svg("art/bomb.svg", svg.as_bytes()).unwrap_err();
        assert!(
            err.message.contains("counting what `<use>` copies"),
            "{err}"
        );
    }

    fn pixel(raster: &Raster, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * raster.width + x) * 4) as usize;
        raster.rgba[i..i + 4].try_into().unwrap()
    }

    #[test]
    fn a_picture_is_drawn_at_twice_its_size_with_straight_alpha() {
        let raster = rasterise(&parse_svg("art/square.svg", SQUARE.as_bytes()).unwrap());
        assert_eq!((raster.width, raster.height), (20, 8));
        assert_eq!(raster.rgba.len(), 20 * 8 * 4);
        assert_eq!(pixel(&raster, 2, 2), [255, 0, 0, 255]);
        // Half see-through blue keeps its full colour, not a darkened one.
        let [r, g, b, a] = pixel(&raster, 17, 5);
        assert_eq!((r, g), (0, 0));
        assert!(b >= 254, "blue {b}");
        assert!((127..=128).contains(&a), "alpha {a}");
    }

    #[test]
    fn transparent_pixels_beside_a_shape_take_its_colour_not_black() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="1"><rect width="2" height="1" fill="#ff8000"/></svg>"##;
        let raster = rasterise(&parse_svg("edge.svg", svg.as_bytes()).unwrap());
        // Pixels 0-3 drawn, 4 beside them, 5-7 far off.
        assert_eq!(pixel(&raster, 4, 0), [255, 128, 0, 0]);
        assert_eq!(pixel(&raster, 7, 0), [0, 0, 0, 0]);
    }

    #[test]
    fn embedded_and_linked_images_are_not_drawn() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="2" height="2">
  <image width="2" height="2" xlink:href="/etc/hostname"/>
  <image width="2" height="2" xlink:href="data:image/svg+xml;utf8,&lt;svg xmlns='http://www.w3.org/2000/svg' width='2' height='2'&gt;&lt;rect width='2' height='2' fill='red'/&gt;&lt;/svg&gt;"/>
</svg>"##;
        let raster = rasterise(&parse_svg("images.svg", svg.as_bytes()).unwrap());
        assert!(raster.rgba.iter().all(|&b| b == 0), "nothing drawn");
    }

    #[test]
    fn a_huge_picture_is_scaled_down_to_fit_a_texture() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="1000"/>"#;
        let raster = rasterise(&parse_svg("big.svg", svg.as_bytes()).unwrap());
        assert_eq!((raster.width, raster.height), (MAX_SIDE, 512));
    }

    #[test]
    fn a_broken_file_is_reported_at_its_line_and_column() {
        let broken = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n  <rect width=\"4\" height=\"4\">\n</svg>";
        let err = parse_svg("scenes/art/broken.svg", broken.as_bytes()).unwrap_err();
        assert_eq!(err.file, "scenes/art/broken.svg");
        assert_eq!(err.pos, Pos { line: 3, col: 1 }, "{err}");
        assert!(err.message.contains("not a readable SVG"), "{err}");
    }

    #[test]
    fn a_picture_of_no_size_is_refused() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="0" height="10"/>"#;
        let err = parse_svg("x.svg", svg).unwrap_err();
        assert_eq!(err.pos, Pos::START);
        assert!(err.message.contains("size"), "{err}");
    }
}
