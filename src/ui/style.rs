//! The overlay's look: text sizes and colours, set once per context.

use bevy::prelude::*;
use bevy_egui::egui::{self, FontId, TextStyle};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// The dialogue box's fill.
pub const PANEL_FILL: egui::Color32 = egui::Color32::from_rgba_premultiplied(18, 24, 33, 238);
/// Body text.
pub const TEXT: egui::Color32 = egui::Color32::from_rgb(236, 238, 242);
/// Quieter text: hints, narration.
pub const MUTED: egui::Color32 = egui::Color32::from_rgb(160, 170, 185);
/// The accent of highlighted options.
pub const ACCENT: egui::Color32 = egui::Color32::from_rgb(92, 160, 220);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, apply_style);
}

fn apply_style(mut contexts: EguiContexts, mut done: Local<bool>) -> Result {
    if *done {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    *done = true;
    ctx.set_theme(egui::Theme::Dark);
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
