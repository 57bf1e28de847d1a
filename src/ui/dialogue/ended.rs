//! The end of the chapter: a heading and the way back to the title screen,
//! by the button or Enter.

use bevy_egui::egui::{self, RichText};

use super::frame::dialogue_frame;
use super::{Answers, View};
use crate::content::Lang;
use crate::screen::Screen;
use crate::ui::input::Intent;
use crate::ui::strings as s;
use crate::ui::style::palette;

/// Draws the end of the chapter and goes back to the title screen when the
/// player asks.
pub(super) fn end_box(view: &View, answers: &mut Answers) {
    let mut back = false;
    dialogue_frame(view.ctx, view.width, |ui| back = end_body(ui, view.lang));
    if view.live && (back || view.intents.contains(&Intent::Confirm)) {
        answers.screen.set(Screen::Title);
    }
}

/// The heading, the promise of more, and the button back to the title
/// screen; returns whether that was clicked.
fn end_body(ui: &mut egui::Ui, lang: Lang) -> bool {
    ui.vertical_centered(|ui| {
        ui.add_space(12.0);
        ui.heading(s::END_OF_CHAPTER.get(lang));
        ui.label(
            RichText::new(s::TO_BE_CONTINUED.get(lang))
                .italics()
                .color(palette(ui.ctx()).muted),
        );
        ui.add_space(10.0);
        ui.button(s::TO_TITLE.get(lang)).clicked()
    })
    .inner
}
