//! The overlay's look as data: `assets/ui/theme.ron` (colours for the
//! usual look and for high contrast, and text sizes), built into the game
//! and read once.

use std::sync::LazyLock;

use bevy_egui::egui::{Color32, Stroke};
use serde::Deserialize;

use super::style::Palette;
use crate::content::{parse, parse_rgba};

/// The look the game is built with.
pub(super) fn theme() -> &'static Theme {
    static THEME: LazyLock<Theme> = LazyLock::new(|| {
        read(include_str!("../../assets/ui/theme.ron")).unwrap_or_else(|err| panic!("{err}"))
    });
    &THEME
}

/// The overlay's look.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Theme {
    /// The usual colours.
    pub usual: Palette,
    /// The colours with high contrast.
    pub high_contrast: Palette,
    /// The text sizes, in points at 1280×720.
    pub text_sizes: TextSizes,
}

/// The text sizes of egui's text styles, in points.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TextSizes {
    pub heading: f32,
    pub body: f32,
    pub button: f32,
    pub small: f32,
    pub monospace: f32,
}

/// `theme.ron` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeDef {
    usual: PaletteDef,
    high_contrast: PaletteDef,
    text_sizes: TextSizes,
}

/// A palette as written: colours as `#rrggbb` or `#rrggbbaa`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PaletteDef {
    panel: String,
    text: String,
    muted: String,
    accent: String,
    option: String,
    lit: String,
    outline: String,
    outline_width: f32,
}

/// Reads a theme's text; an error names the line and column, or the
/// colour that is not one.
fn read(text: &str) -> Result<Theme, String> {
    let file = parse::<ThemeDef>("assets/ui/theme.ron", text).map_err(|d| d.to_string())?;
    let def = file.value;
    Ok(Theme {
        usual: palette(&def.usual)?,
        high_contrast: palette(&def.high_contrast)?,
        text_sizes: def.text_sizes,
    })
}

fn palette(def: &PaletteDef) -> Result<Palette, String> {
    Ok(Palette {
        panel: colour(&def.panel)?,
        text: colour(&def.text)?,
        muted: colour(&def.muted)?,
        accent: colour(&def.accent)?,
        option: colour(&def.option)?,
        lit: colour(&def.lit)?,
        outline: Stroke::new(def.outline_width, colour(&def.outline)?),
    })
}

fn colour(text: &str) -> Result<Color32, String> {
    let [r, g, b, a] =
        parse_rgba(text).ok_or_else(|| format!("assets/ui/theme.ron: `{text}` is not a colour"))?;
    Ok(Color32::from_rgba_unmultiplied(r, g, b, a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_theme_reads_and_keeps_text_readable() {
        let theme = theme();
        for palette in [theme.usual, theme.high_contrast] {
            assert_eq!(palette.text.a(), 255, "text is opaque");
            assert!(palette.panel.a() > 200, "panels hide what is behind them");
        }
        assert!(theme.text_sizes.body >= 16.0);
        assert_eq!(
            theme.usual.panel,
            Color32::from_rgba_premultiplied(18, 24, 33, 238)
        );
    }

    #[test]
    fn a_broken_theme_says_where() {
        let err = read("(usual: (panel: 3))").unwrap_err();
        assert!(err.starts_with("assets/ui/theme.ron:1:"), "{err}");
        let text = include_str!("../../assets/ui/theme.ron").replace("#5ca0dc", "blue");
        assert!(read(&text).unwrap_err().contains("`blue` is not a colour"));
    }
}
