//! What every beat's box is made of: the panel at the bottom of the screen
//! and the speaker's name above what they say.

use bevy_egui::egui::{self, Align2, Color32, RichText};

use super::{BOX_BOTTOM, BOX_HEIGHT};
use crate::content::{Lang, Library, parse_color};
use crate::ui::style::{Palette, palette};

/// The box at the bottom of the screen, as tall as [`BOX_HEIGHT`]; returns
/// its response, clickable.
pub(super) fn dialogue_frame(
    ctx: &egui::Context,
    width: f32,
    add: impl FnOnce(&mut egui::Ui),
) -> egui::Response {
    box_area(ctx, "dialogue", |ui| {
        ui.set_width(width - 56.0);
        ui.set_height(BOX_HEIGHT - 36.0);
        ui.vertical(add);
    })
    .interact(egui::Sense::click())
}

/// The box's frame at the bottom of the screen, around what `add` puts in;
/// it grows upwards with its content.
pub(super) fn box_area(
    ctx: &egui::Context,
    id: &str,
    add: impl FnOnce(&mut egui::Ui),
) -> egui::Response {
    egui::Area::new(egui::Id::new(id))
        .anchor(Align2::CENTER_BOTTOM, egui::vec2(0.0, -BOX_BOTTOM))
        .show(ctx, |ui| {
            let look = palette(ui.ctx());
            egui::Frame::new()
                .fill(look.panel)
                .corner_radius(14.0)
                .stroke(look.outline)
                .inner_margin(egui::Margin::symmetric(28, 18))
                .show(ui, add)
                .response
        })
        .inner
}

/// The speaker's name in the character's colour, with their role.
pub(super) fn speaker_label(
    ui: &mut egui::Ui,
    library: &Library,
    speaker: Option<&str>,
    lang: Lang,
) {
    let Some(id) = speaker else {
        ui.add_space(4.0);
        return;
    };
    let character = library.characters.get(id);
    let look = palette(ui.ctx());
    let colour = character
        .and_then(|c| parse_color(&c.color))
        .map_or(look.accent, |[r, g, b]| Color32::from_rgb(r, g, b));
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(library.character_name(id, lang))
                .size(23.0)
                .strong()
                .color(colour),
        );
        if let Some(c) = character {
            ui.label(RichText::new(c.role.get(lang)).small().color(look.muted));
        }
    });
}

/// What a speaker says, or in `look`'s muted italics when nobody speaks
/// (narration).
pub(super) fn spoken(text: impl Into<String>, speaker: Option<&str>, look: &Palette) -> RichText {
    let body = RichText::new(text);
    if speaker.is_some() {
        body
    } else {
        body.italics().color(look.muted)
    }
}

/// The keys' reminder, small and grey at the bottom right of the box.
pub(super) fn keys_hint(ui: &mut egui::Ui, text: &str) {
    ui.with_layout(egui::Layout::bottom_up(egui::Align::Max), |ui| {
        ui.label(RichText::new(text).small().color(palette(ui.ctx()).muted));
    });
}
