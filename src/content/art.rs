//! Vector pictures for rooms: SVG files in the scenes folder, read with
//! `usvg` (errors name the file, line and column) and rasterised with
//! `resvg` into straight-alpha sRGB pixels for a texture.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, Tree};

use super::diagnostic::{Diagnostic, Pos};
use super::limits::{MAX_PICTURE_SIDE, too_large};

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

/// Reads an SVG file. `shown` is how a diagnostic names it.
pub fn parse_svg(shown: &str, bytes: &[u8]) -> Result<Tree, Diagnostic> {
    if let Some(why) = too_large(shown, bytes.len()) {
        return Err(Diagnostic::error(shown, Pos::START, why)
            .with_hint("simplify the picture: rooms draw it a few hundred points wide"));
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
    let tree = Tree::from_data(bytes, &options).map_err(|err| {
        let (pos, message) = match &err {
            usvg::Error::ParsingFailed(xml) => {
                let at = xml.pos();
                (
                    Pos {
                        line: at.row as usize,
                        col: at.col as usize,
                    },
                    format!("not a readable SVG file: {xml}"),
                )
            }
            other => (Pos::START, format!("not a usable SVG picture: {other}")),
        };
        Diagnostic::error(shown, pos, message).with_hint(
            "pictures are SVG files with a size (`width` and `height`, or a `viewBox`); text and embedded images are not drawn",
        )
    })?;
    let size = tree.size();
    if size.width().max(size.height()) > MAX_PICTURE_SIDE {
        return Err(Diagnostic::error(
            shown,
            Pos::START,
            format!(
                "the picture is {} by {} units; a side may have {MAX_PICTURE_SIDE} at the most",
                size.width(),
                size.height()
            ),
        )
        .with_hint("give the `<svg>` a smaller `width` and `height` or `viewBox`: rooms scale pictures to the size they name"));
    }
    Ok(tree)
}

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
    fn a_picture_too_large_in_bytes_or_units_is_refused() {
        let padded = format!("{SQUARE}{}", " ".repeat(crate::content::MAX_PICTURE_BYTES));
        let err = parse_svg("art/big.svg", padded.as_bytes()).unwrap_err();
        assert!(err.message.contains("bytes"), "{err}");
        let huge = SQUARE.replace(
            r#"width="10" height="4" viewBox="0 0 10 4""#,
            r#"width="100000" height="4""#,
        );
        let err = parse_svg("art/huge.svg", huge.as_bytes()).unwrap_err();
        assert!(err.message.contains("100000 by 4"), "{err}");
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
