//! The overlay's look: text sizes and colours, set once per context, and a
//! zoom that makes the overlay as large against the window at any size as
//! it is at 1280×720.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::{self, FontId, TextStyle};
use bevy_egui::{EguiContext, EguiContexts, EguiPreUpdateSet, EguiPrimaryContextPass};

/// The dialogue box's fill.
pub const PANEL_FILL: egui::Color32 = egui::Color32::from_rgba_premultiplied(18, 24, 33, 238);
/// Body text.
pub const TEXT: egui::Color32 = egui::Color32::from_rgb(236, 238, 242);
/// Quieter text: hints, narration.
pub const MUTED: egui::Color32 = egui::Color32::from_rgb(160, 170, 185);
/// The accent of highlighted options.
pub const ACCENT: egui::Color32 = egui::Color32::from_rgb(92, 160, 220);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        install_font
            .after(EguiPreUpdateSet::InitContexts)
            .before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(EguiPrimaryContextPass, (apply_style, fit_to_window));
}

/// The overlay's one font, Ubuntu Light: it has every letter the story and
/// the menus use (German, English, typographic quotes and dashes). egui's
/// other default fonts (two emoji fonts and a monospace one) are left out
/// of the build: 0.6 MB less for the browser to download.
fn font_definitions() -> egui::FontDefinitions {
    const UBUNTU: &str = "Ubuntu-Light";
    let mut fonts = egui::FontDefinitions::empty();
    fonts.font_data.insert(
        UBUNTU.to_owned(),
        egui::FontData::from_static(epaint_default_fonts::UBUNTU_LIGHT).into(),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.insert(family, vec![UBUNTU.to_owned()]);
    }
    fonts
}

/// Gives each new egui context the font, before its first pass lays out
/// any text.
fn install_font(mut contexts: Query<&mut EguiContext, Added<EguiContext>>) {
    for mut context in &mut contexts {
        context.get_mut().set_fonts(font_definitions());
    }
}

/// A bar `size` large, filled from the left to `share` (0–1) in `colour`
/// on a faint track.
pub fn bar(ui: &mut egui::Ui, size: egui::Vec2, share: f32, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let radius = size.y / 2.0;
    ui.painter()
        .rect_filled(rect, radius, egui::Color32::from_white_alpha(25));
    let mut filled = rect;
    filled.set_width(rect.width() * share.clamp(0.0, 1.0));
    ui.painter().rect_filled(filled, radius, colour);
}

/// The smallest zoom: text smaller than this is hard to read on a phone
/// (body text 16 px), and options too small for a finger.
const MIN_ZOOM: f32 = 0.75;

/// The overlay's zoom for a window of this logical size: 1 at 1280×720,
/// larger or smaller with the window, so that the layout keeps its place;
/// never below [`MIN_ZOOM`], where the layout gets less room instead.
fn zoom_for(width: f32, height: f32) -> f32 {
    (width / 1280.0).min(height / 720.0).clamp(MIN_ZOOM, 3.0)
}

/// Whether the overlay has less room than the 1280×720 it is laid out for
/// (a phone, a small window): panels shrink and options grow for a finger.
pub fn cramped(ctx: &egui::Context) -> bool {
    let screen = ctx.content_rect();
    screen.width() < 1200.0 || screen.height() < 680.0
}

fn fit_to_window(
    mut contexts: EguiContexts,
    window: Single<&Window, With<PrimaryWindow>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let zoom = zoom_for(window.width(), window.height());
    if (ctx.zoom_factor() - zoom).abs() > 0.005 {
        ctx.set_zoom_factor(zoom);
    }
    Ok(())
}

fn apply_style(mut contexts: EguiContexts, mut done: Local<bool>) -> Result {
    if *done {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    *done = true;
    ctx.set_theme(egui::Theme::Dark);
    // The zoom follows the window; egui's own Ctrl +/- would be undone at
    // once.
    ctx.options_mut(|options| options.zoom_with_keyboard = false);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::proportional(30.0)),
            (TextStyle::Body, FontId::proportional(21.0)),
            (TextStyle::Button, FontId::proportional(20.0)),
            (TextStyle::Small, FontId::proportional(15.0)),
            (TextStyle::Monospace, FontId::monospace(15.0)),
        ]
        .into();
        style.visuals = egui::Visuals::dark();
        style.visuals.override_text_color = Some(TEXT);
        style.spacing.button_padding = egui::vec2(14.0, 8.0);
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_has_every_letter_the_story_and_the_menus_use() {
        // egui counts a letter as drawable when a font before the last
        // (the one it falls back to) has it: Hack, last, is that fallback.
        let mut fonts = font_definitions();
        fonts.font_data.insert(
            "fallback".to_owned(),
            egui::FontData::from_static(epaint_default_fonts::HACK_REGULAR).into(),
        );
        if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
            family.push("fallback".to_owned());
        }
        let ctx = egui::Context::default();
        ctx.set_fonts(fonts);
        // Fonts set before a pass are in use from that pass on.
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        // The overlay's own words, the checker's, which it shows, and the story's.
        let mut text = [
            include_str!("strings.rs"),
            include_str!("monitor.rs"),
            include_str!("theatre.rs"),
            include_str!("dialogue/mod.rs"),
            include_str!("dialogue/choices.rs"),
            include_str!("dialogue/ended.rs"),
            include_str!("dialogue/frame.rs"),
            include_str!("dialogue/line.rs"),
            include_str!("dialogue/phase.rs"),
            include_str!("dialogue/place.rs"),
            include_str!("notices.rs"),
            include_str!("pause.rs"),
            include_str!("problems.rs"),
            include_str!("title.rs"),
        ]
        .concat();
        for (dir, extension) in [("src/content/validate", "rs"), ("scenes", "ron")] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for file in std::fs::read_dir(dir).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_some_and(|ext| ext == extension) {
                    text += &std::fs::read_to_string(path).unwrap();
                }
            }
        }
        let font = egui::FontId::proportional(20.0);
        let missing: std::collections::BTreeSet<char> = text
            .chars()
            .filter(|c| !c.is_control())
            .filter(|c| !ctx.fonts_mut(|fonts| fonts.has_glyph(&font, *c)))
            .collect();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }

    #[test]
    fn the_overlay_grows_and_shrinks_with_the_window() {
        assert_eq!(zoom_for(1280.0, 720.0), 1.0);
        assert_eq!(zoom_for(1920.0, 1080.0), 1.5);
        assert_eq!(zoom_for(1024.0, 768.0), 0.8, "4:3 is bound by its width");
        assert_eq!(zoom_for(390.0, 844.0), 0.75, "a phone keeps text legible");
        assert_eq!(zoom_for(844.0, 390.0), 0.75, "also on its side");
    }
}
