//! The overlay's look: text sizes and colours, set per context when the
//! settings change (the usual look or high contrast, motion or none), and
//! a zoom that makes the overlay as large against the window at any size as
//! it is at 1280×720, times the size the player chose.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::{self, Color32, FontId, Stroke, TextStyle};
use bevy_egui::{EguiContext, EguiContexts, EguiPreUpdateSet, EguiPrimaryContextPass};

use super::theme::theme;
use crate::settings::Settings;

/// The colours of the overlay's panels, text and highlights, and the
/// outline of panels and options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Panels and the dialogue box.
    pub panel: Color32,
    /// Body text.
    pub text: Color32,
    /// Quieter text: hints, narration, labels.
    pub muted: Color32,
    /// Highlights, progress, the running step.
    pub accent: Color32,
    /// A button or option not highlighted.
    pub option: Color32,
    /// A button or option highlighted.
    pub lit: Color32,
    /// The outline of panels and options not highlighted.
    pub outline: Stroke,
}

impl Palette {
    /// The outline of a highlighted button or option: the accent, thicker.
    pub fn lit_outline(&self) -> Stroke {
        Stroke::new(self.outline.width + 1.0, self.accent)
    }

    /// The fill of a button or option, `lit` when highlighted.
    pub fn fill(&self, lit: bool) -> Color32 {
        if lit { self.lit } else { self.option }
    }

    /// The outline of a button or option, `lit` when highlighted.
    pub fn stroke(&self, lit: bool) -> Stroke {
        if lit {
            self.lit_outline()
        } else {
            self.outline
        }
    }
}

/// The palette in use in `ctx`.
pub fn palette(ctx: &egui::Context) -> Palette {
    ctx.data(|data| data.get_temp(palette_id()))
        .unwrap_or(theme().usual)
}

fn palette_id() -> egui::Id {
    egui::Id::new("famulant palette")
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        install_font
            .after(EguiPreUpdateSet::InitContexts)
            .before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(EguiPrimaryContextPass, (apply_style, fit_to_window));
}

/// The overlay's one font, Ubuntu Light (`assets/fonts`, under the Ubuntu
/// Font Licence beside it): it has every letter the story and the menus
/// use (German, English, typographic quotes and dashes). egui's other
/// default fonts (two emoji fonts and a monospace one) are left out of the
/// build: 0.6 MB less for the browser to download.
fn font_definitions() -> egui::FontDefinitions {
    const UBUNTU: &str = "Ubuntu-Light";
    let mut fonts = egui::FontDefinitions::empty();
    fonts.font_data.insert(
        UBUNTU.to_owned(),
        egui::FontData::from_static(include_bytes!("../../assets/fonts/Ubuntu-Light.ttf")).into(),
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

/// The overlay's zoom for a window of this logical size at the player's
/// `scale`: at scale 1, 1 at 1280×720, larger or smaller with the window, so
/// that the layout keeps its place; never below [`MIN_ZOOM`], where the
/// layout gets less room instead.
fn zoom_for(width: f32, height: f32, scale: f32) -> f32 {
    let fit = (width / 1280.0).min(height / 720.0).clamp(MIN_ZOOM, 3.0);
    (fit * scale).max(MIN_ZOOM)
}

/// Whether the overlay has less room than the 1280×720 it is laid out for
/// (a phone, a small window, a large scale): panels shrink and options
/// grow for a finger.
pub fn cramped(ctx: &egui::Context) -> bool {
    let screen = ctx.content_rect();
    screen.width() < 1200.0 || screen.height() < 680.0
}

fn fit_to_window(
    mut contexts: EguiContexts,
    window: Single<&Window, With<PrimaryWindow>>,
    settings: Res<Settings>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let zoom = zoom_for(window.width(), window.height(), settings.ui_scale);
    if (ctx.zoom_factor() - zoom).abs() > 0.005 {
        ctx.set_zoom_factor(zoom);
    }
    Ok(())
}

/// Sets the look when it is new or the settings changed it.
fn apply_style(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut applied: Local<Option<Look>>,
) -> Result {
    let look = Look::of(&settings);
    if *applied == Some(look) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    *applied = Some(look);
    ctx.set_theme(egui::Theme::Dark);
    // The zoom follows the window; egui's own Ctrl +/- would be undone at
    // once.
    ctx.options_mut(|options| options.zoom_with_keyboard = false);
    ctx.data_mut(|data| data.insert_temp(palette_id(), look.palette()));
    ctx.all_styles_mut(|style| look.apply_to(style));
    Ok(())
}

/// What of the settings the look follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Look {
    high_contrast: bool,
    reduced_motion: bool,
}

impl Look {
    fn of(settings: &Settings) -> Look {
        Look {
            high_contrast: settings.high_contrast,
            reduced_motion: settings.reduced_motion,
        }
    }

    fn palette(self) -> Palette {
        if self.high_contrast {
            theme().high_contrast
        } else {
            theme().usual
        }
    }

    /// Text sizes, colours, outlines and egui's own motion.
    fn apply_to(self, style: &mut egui::Style) {
        let sizes = theme().text_sizes;
        style.text_styles = [
            (TextStyle::Heading, FontId::proportional(sizes.heading)),
            (TextStyle::Body, FontId::proportional(sizes.body)),
            (TextStyle::Button, FontId::proportional(sizes.button)),
            (TextStyle::Small, FontId::proportional(sizes.small)),
            (TextStyle::Monospace, FontId::monospace(sizes.monospace)),
        ]
        .into();
        style.visuals = visuals(&self.palette(), self.high_contrast);
        style.spacing.button_padding = egui::vec2(14.0, 8.0);
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        if self.reduced_motion {
            style.animation_time = 0.0;
            style.scroll_animation = egui::style::ScrollAnimation::none();
        } else {
            let usual = egui::Style::default();
            style.animation_time = usual.animation_time;
            style.scroll_animation = usual.scroll_animation;
        }
    }
}

/// egui's own widgets in `palette`; with high contrast, thick outlines and
/// the accent on what the pointer is over.
fn visuals(palette: &Palette, high_contrast: bool) -> egui::Visuals {
    let mut visuals = egui::Visuals::dark();
    visuals.override_text_color = Some(palette.text);
    visuals.selection.bg_fill = palette.lit;
    visuals.selection.stroke = Stroke::new(palette.outline.width, palette.text);
    if high_contrast {
        let widgets = &mut visuals.widgets;
        widgets.noninteractive.bg_stroke = palette.outline;
        // The rails of sliders and scroll bars, light on the dark panels.
        widgets.inactive.bg_fill = Color32::from_gray(120);
        widgets.inactive.weak_bg_fill = palette.option;
        widgets.inactive.bg_stroke = palette.outline;
        widgets.hovered.bg_stroke = palette.lit_outline();
        widgets.active.bg_stroke = palette.lit_outline();
        for state in [
            &mut widgets.inactive,
            &mut widgets.hovered,
            &mut widgets.active,
        ] {
            state.fg_stroke = Stroke::new(2.0, palette.text);
        }
        visuals.window_stroke = palette.outline;
    }
    visuals
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
            include_str!("mods.rs"),
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
            include_str!("saves.rs"),
            include_str!("save_news.rs"),
            include_str!("quick_menu.rs"),
            include_str!("history/mod.rs"),
            include_str!("history/clinical.rs"),
            include_str!("review/mod.rs"),
            include_str!("review/chart.rs"),
            include_str!("review/table.rs"),
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
        assert_eq!(zoom_for(1280.0, 720.0, 1.0), 1.0);
        assert_eq!(zoom_for(1920.0, 1080.0, 1.0), 1.5);
        assert_eq!(
            zoom_for(1024.0, 768.0, 1.0),
            0.8,
            "4:3 is bound by its width"
        );
        assert_eq!(
            zoom_for(390.0, 844.0, 1.0),
            0.75,
            "a phone keeps text legible"
        );
        assert_eq!(zoom_for(844.0, 390.0, 1.0), 0.75, "also on its side");
    }

    #[test]
    fn the_players_size_multiplies_the_windows_but_keeps_text_legible() {
        assert_eq!(zoom_for(1280.0, 720.0, 1.25), 1.25);
        assert_eq!(zoom_for(1920.0, 1080.0, 0.9), 1.5 * 0.9);
        assert_eq!(zoom_for(390.0, 844.0, 1.2), 0.75 * 1.2);
        assert_eq!(zoom_for(390.0, 844.0, 0.85), 0.75, "no smaller on a phone");
    }

    #[test]
    fn high_contrast_and_reduced_motion_change_the_look() {
        let mut style = egui::Style::default();
        let look = Look {
            high_contrast: true,
            reduced_motion: true,
        };
        look.apply_to(&mut style);
        assert_eq!(style.visuals.override_text_color, Some(Color32::WHITE));
        assert_eq!(style.visuals.widgets.inactive.bg_stroke.width, 2.0);
        assert_eq!(style.animation_time, 0.0);
        Look {
            high_contrast: false,
            reduced_motion: false,
        }
        .apply_to(&mut style);
        assert_eq!(style.visuals.override_text_color, Some(theme().usual.text));
        assert!(style.animation_time > 0.0);
    }
}
