//! Content: the scene file format, its parsing and validation, and the
//! Bevy assets that load it and reload it when a file changes (with the
//! `game` feature).

mod art;
#[cfg(feature = "game")]
mod assets;
#[cfg(all(feature = "game", not(target_arch = "wasm32")))]
mod confined;
mod diagnostic;
#[cfg(test)]
pub(crate) mod fixtures;
mod format;
mod library;
mod limits;
mod load;
mod locate;
#[cfg(feature = "game")]
mod mod_assets;
mod mods;
mod parse;
mod review;
mod text;
mod validate;

pub use art::{Raster, parse_svg, rasterise};
#[cfg(feature = "game")]
pub use assets::{ContentStatus, SCENES_SOURCE, register_source};
pub use diagnostic::{Diagnostic, Pos, Severity};
pub use format::{
    AmbienceDef, BranchCase, CharacterDef, CmpOp, Condition, DressDef, Effect, EndingDef,
    FORMAT_VERSION, HairStyle, InterruptDef, Lab, LookDef, Manifest, MonitorView, Mood, NodeDef,
    OptionDef, Outfit, PhaseDef, PlaceDef, PropDef, PropShape, RelationshipDef, RoomDef, SceneDef,
    Target, Timeout, TimerDef, Value, Vital, is_valid_id,
};
pub use library::{Library, NodeRef, Scene, StoryStart};
pub use load::{
    Art, Compiled, ContentSet, assets_beside, compile_with, load_dir, read_story, read_story_dir,
};
#[cfg(all(feature = "game", not(target_arch = "wasm32")))]
pub use mod_assets::open_mod_choices;
#[cfg(feature = "game")]
pub use mod_assets::{ModFolders, ModsFound, ModsRequest, register_mod_sources};
// Public for the robustness test, which reads any text with it.
pub use locate::{Located, Seg, locate};
pub use mods::{
    CHOICES_FILE, MOD_FILE, ModChoices, ModDef, ModFiles, ModReport, ModState, Modded,
    compile_modded, find_mods, read_mod,
};
pub use parse::{ContentFile, parse};
pub use review::{EndingRemarks, FindingRemarks, RemarkDef, ReviewDef};
pub use text::{Lang, LocalizedText};
pub use validate::{MAX_OPTIONS, MAX_TIMER_SECONDS};

#[cfg(feature = "game")]
pub(super) use assets::plugin;

/// Parses a colour written as `#rrggbb` into its red, green and blue parts.
pub fn parse_color(text: &str) -> Option<[u8; 3]> {
    match parse_rgba(text)? {
        [r, g, b, _] if text.len() == 7 => Some([r, g, b]),
        _ => None,
    }
}

/// Reads `#rrggbb` (opaque) or `#rrggbbaa`.
pub fn parse_rgba(text: &str) -> Option<[u8; 4]> {
    let hex = text.strip_prefix('#')?;
    if !matches!(hex.len(), 6 | 8) || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    let alpha = if hex.len() == 8 { part(6)? } else { 255 };
    Some([part(0)?, part(2)?, part(4)?, alpha])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_hex_triplets() {
        assert_eq!(parse_color("#3a6eA5"), Some([0x3a, 0x6e, 0xa5]));
        assert_eq!(parse_color("3a6ea5"), None);
        assert_eq!(parse_color("#3a6ea"), None);
        assert_eq!(parse_color("#3a6eg5"), None);
        assert_eq!(
            parse_color("#3a6ea580"),
            None,
            "no opacity where none belongs"
        );
        assert_eq!(parse_rgba("#3a6ea580"), Some([0x3a, 0x6e, 0xa5, 0x80]));
        assert_eq!(parse_rgba("#3a6ea5"), Some([0x3a, 0x6e, 0xa5, 255]));
    }
}
