//! A small picture of the screen when a game was saved, for the Load
//! screen: RGB pixels, stored in the save as base64 text.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A thumbnail's size in pixels: 16:9, as the Load screen shows it.
pub const THUMBNAIL_SIZE: (u32, u32) = (160, 90);

/// A small picture: `width × height` pixels, three bytes (red, green,
/// blue) each, row by row from the top.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thumbnail {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The pixels.
    #[serde(serialize_with = "to_base64", deserialize_with = "from_base64")]
    pub rgb: Vec<u8>,
}

impl Thumbnail {
    /// A [`THUMBNAIL_SIZE`] thumbnail of a picture `width × height` in RGBA
    /// (four bytes a pixel): its middle, cut to 16:9 (a phone held upright
    /// loses its top and bottom), each pixel the average of the block it
    /// covers.
    pub fn of_rgba(width: u32, height: u32, rgba: &[u8]) -> Option<Thumbnail> {
        if width == 0 || height == 0 || rgba.len() < (width * height * 4) as usize {
            return None;
        }
        let (small_w, small_h) = THUMBNAIL_SIZE;
        let (cut_w, cut_h) = if width * 9 > height * 16 {
            (height * 16 / 9, height)
        } else {
            (width, width * 9 / 16)
        };
        let (left, top) = ((width - cut_w) / 2, (height - cut_h) / 2);
        let block = |i: u32, small: u32, cut: u32, from: u32| {
            let start = from + i * cut / small;
            (start, (from + (i + 1) * cut / small).max(start + 1))
        };
        let mut rgb = Vec::with_capacity((small_w * small_h * 3) as usize);
        for y in 0..small_h {
            let rows = block(y, small_h, cut_h, top);
            for x in 0..small_w {
                let columns = block(x, small_w, cut_w, left);
                rgb.extend(average(rgba, width, rows, columns));
            }
        }
        Some(Thumbnail {
            width: small_w,
            height: small_h,
            rgb,
        })
    }

    /// Whether its pixels fill its size exactly.
    pub fn is_whole(&self) -> bool {
        self.rgb.len() == (self.width * self.height * 3) as usize
    }
}

/// The average colour of the pixels in `rows` × `columns` (each a range
/// `(start, end)`) of an RGBA picture `width` wide.
fn average(rgba: &[u8], width: u32, rows: (u32, u32), columns: (u32, u32)) -> [u8; 3] {
    let mut sum = [0u32; 3];
    for y in rows.0..rows.1 {
        for x in columns.0..columns.1 {
            let at = ((y * width + x) * 4) as usize;
            for (channel, total) in sum.iter_mut().enumerate() {
                *total += u32::from(rgba[at + channel]);
            }
        }
    }
    let count = (rows.1 - rows.0) * (columns.1 - columns.0);
    sum.map(|total| (total / count) as u8)
}

fn to_base64<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&STANDARD.encode(bytes))
}

fn from_base64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    let text = String::deserialize(deserializer)?;
    STANDARD.decode(text).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thumbnail_averages_blocks_cuts_to_16_9_and_survives_its_text() {
        // 320×360, left half black, right half white, opaque: cut to
        // 320×180 from its middle.
        let (w, h) = (320, 360);
        let rgba: Vec<u8> = (0..w * h)
            .flat_map(|i| {
                if i % w < w / 2 {
                    [0, 0, 0, 255]
                } else {
                    [255, 255, 255, 255]
                }
            })
            .collect();
        let thumb = Thumbnail::of_rgba(w, h, &rgba).unwrap();
        assert_eq!((thumb.width, thumb.height), THUMBNAIL_SIZE);
        assert!(thumb.is_whole());
        assert_eq!(&thumb.rgb[..3], &[0, 0, 0]);
        assert_eq!(&thumb.rgb[thumb.rgb.len() - 3..], &[255, 255, 255]);
        let text = ron::to_string(&thumb).unwrap();
        assert_eq!(ron::from_str::<Thumbnail>(&text).unwrap(), thumb);
        assert!(Thumbnail::of_rgba(4, 4, &[0; 8]).is_none(), "too few bytes");
    }
}
