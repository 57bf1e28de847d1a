//! The place card in the top left corner: the room's name, the time of day
//! and the scene's title.

use bevy_egui::egui::{self, Align2, RichText};

use super::View;
use crate::ui::style::palette;

/// Shows the card of the scene being played, if any.
pub(super) fn place_card(view: &View) {
    let Some(scene) = view.scene else {
        return;
    };
    let (lang, look) = (view.lang, palette(view.ctx));
    let room = view.library.rooms.get(&scene.def.room);
    egui::Area::new(egui::Id::new("place"))
        .anchor(Align2::LEFT_TOP, egui::vec2(20.0, 16.0))
        .show(view.ctx, |ui| {
            egui::Frame::new()
                .fill(look.panel)
                .stroke(look.outline)
                .corner_radius(10.0)
                .inner_margin(egui::Margin::symmetric(16, 10))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if let Some(room) = room {
                            ui.label(RichText::new(room.name.get(lang)).strong());
                        }
                        if let Some(time) = &scene.def.time {
                            ui.label(RichText::new(time).color(look.muted));
                        }
                    });
                    ui.label(
                        RichText::new(scene.def.title.get(lang))
                            .small()
                            .color(look.muted),
                    );
                });
        });
}
