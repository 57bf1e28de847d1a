//! The end of the story: the ending's title, and the way on to the case
//! review (the button or Enter) or back to the title screen.

use bevy_egui::egui::{self, RichText};

use super::frame::dialogue_frame;
use super::{Answers, View};
use crate::content::{Lang, Library};
use crate::screen::Screen;
use crate::story::StoryEnded;
use crate::ui::input::Intent;
use crate::ui::page::page_button;
use crate::ui::strings as s;
use crate::ui::style::palette;

/// Where the player goes from the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Onward {
    /// The case review.
    Review,
    /// The title screen.
    Title,
}

/// Draws the end of the story and opens the case review, or the title
/// screen, when the player asks.
pub(super) fn end_box(view: &View, ended: &StoryEnded, answers: &mut Answers) {
    let mut onward = None;
    dialogue_frame(view.ctx, view.width, |ui| {
        onward = end_body(ui, view.library, &ended.ending, view.lang);
    });
    if view.intents.contains(&Intent::Confirm) {
        onward = onward.or(Some(Onward::Review));
    }
    match onward.filter(|_| view.live) {
        Some(Onward::Review) => answers.screen.set(Screen::CaseReview),
        Some(Onward::Title) => answers.screen.set(Screen::Title),
        None => {}
    }
}

/// The ending's title (its id when the manifest declares none), and the
/// buttons on to the review, lit as Enter's, and to the title screen;
/// returns the one clicked.
fn end_body(ui: &mut egui::Ui, library: &Library, ending: &str, lang: Lang) -> Option<Onward> {
    let title = library.ending_title(ending).map(|t| t.get(lang));
    ui.vertical_centered(|ui| {
        ui.add_space(4.0);
        ui.label(
            RichText::new(s::THE_END.get(lang))
                .small()
                .color(palette(ui.ctx()).muted),
        );
        ui.heading(title.unwrap_or(ending));
        ui.add_space(10.0);
        let mut onward = None;
        ui.horizontal(|ui| {
            let width = 260.0_f32.min((ui.available_width() - 10.0) / 2.0);
            ui.add_space(((ui.available_width() - 2.0 * width - 10.0) / 2.0).max(0.0));
            if page_button(ui, s::CASE_REVIEW.get(lang), true, width).clicked() {
                onward = Some(Onward::Review);
            }
            if page_button(ui, s::TO_TITLE.get(lang), false, width).clicked() {
                onward = Some(Onward::Title);
            }
        });
        onward
    })
    .inner
}
