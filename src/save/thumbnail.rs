//! A small picture of the screen when a game was saved, for the Load
//! screen: RGB pixels, stored in the save as base64 text.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A thumbnail's width in pixels; its height keeps the screen's shape.
pub const THUMBNAIL_WIDTH: u32 = 192;

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
    /// A thumbnail [`THUMBNAIL_WIDTH`] wide of a picture `width × height`
    /// in RGBA (four bytes a pixel), each of its pixels the average of
    /// the block it covers.
    pub fn of_rgba(width: u32, height: u32, rgba: &[u8]) -> Option<Thumbnail> {
        if width == 0 || height == 0 || rgba.len() < (width * height * 4) as usize {
            return None;
        }
        let small_w = THUMBNAIL_WIDTH.min(width);
        let small_h = (height * small_w / width).max(1);
        let mut rgb = Vec::with_capacity((small_w * small_h * 3) as usize);
        for y in 0..small_h {
            let (top, bottom) = (
                y * height / small_h,
                ((y + 1) * height / small_h).max(y * height / small_h + 1),
            );
            for x in 0..small_w {
                let (left, right) = (
                    x * width / small_w,
                    ((x + 1) * width / small_w).max(x * width / small_w + 1),
                );
                let mut sum = [0u32; 3];
                for yy in top..bottom {
                    for xx in left..right {
                        let at = ((yy * width + xx) * 4) as usize;
                        for (channel, total) in sum.iter_mut().enumerate() {
                            *total += u32::from(rgba[at + channel]);
                        }
                    }
                }
                let count = (bottom - top) * (right - left);
                rgb.extend(sum.map(|total| (total / count) as u8));
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
    fn a_thumbnail_averages_blocks_and_survives_its_text() {
        // 384×2, left half black, right half white, opaque.
        let (w, h) = (384, 2);
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
        assert_eq!((thumb.width, thumb.height), (192, 1));
        assert!(thumb.is_whole());
        assert_eq!(&thumb.rgb[..3], &[0, 0, 0]);
        assert_eq!(&thumb.rgb[thumb.rgb.len() - 3..], &[255, 255, 255]);
        let text = ron::to_string(&thumb).unwrap();
        assert_eq!(ron::from_str::<Thumbnail>(&text).unwrap(), thumb);
        assert!(Thumbnail::of_rgba(4, 4, &[0; 8]).is_none(), "too few bytes");
    }
}
