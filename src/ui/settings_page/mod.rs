//! The settings screen, over the title or the pause menu: language and
//! text, play, display and sound, each a section of rows, and the way
//! back. It scrolls where the window is short; the keys and the pad move
//! its highlight, left and right change the highlighted setting, and a
//! slider dragged is saved when let go.

mod items;
mod rows;

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use self::items::{Item, Outcome, SECTIONS, items};
use super::menu::Page;
use super::page::{Highlight, PageInput, button_height, heading, page_button, page_panel};
use super::strings as s;
use super::style::palette;
use crate::settings::{ChangeSetting, Settings};

/// The widest the settings screen grows, in points.
const WIDTH: f32 = 700.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, settings_page);
}

fn settings_page(
    mut contexts: EguiContexts,
    mut input: PageInput,
    settings: Res<Settings>,
    mut changes: MessageWriter<ChangeSetting>,
) -> Result {
    if !input.shows(Page::Settings) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let items = items();
    let mut highlight = input.highlight(items.len());
    let clicked = page_panel(ctx, "settings", WIDTH, |ui| {
        page_body(ui, &settings, &items, &mut highlight)
    });
    input.keep(&highlight);
    let by_key = highlight
        .asked()
        .and_then(|(i, ask)| items[i].answer(ask, &settings));
    for outcome in [by_key, clicked].into_iter().flatten() {
        match outcome {
            Outcome::Change(setting) => {
                changes.write(ChangeSetting(setting));
            }
            Outcome::Back => {
                input.menu.back();
            }
        }
    }
    Ok(())
}

/// The heading, the sections scrolling under it, and the way back with
/// the keys below; returns what a click asked for.
fn page_body(
    ui: &mut egui::Ui,
    settings: &Settings,
    items: &[Item],
    highlight: &mut Highlight,
) -> Option<Outcome> {
    let lang = settings.lang;
    heading(ui, s::SETTINGS.get(lang));
    // What stays below the sections: the button back, the keys, spacing.
    let below = button_height(ui.ctx()) + 48.0;
    let clicked = egui::ScrollArea::vertical()
        .max_height((ui.available_height() - below).max(120.0))
        .auto_shrink([false, true])
        .show(ui, |ui| sections(ui, settings, highlight))
        .inner;
    ui.add_space(8.0);
    let back = items.len() - 1;
    let muted = palette(ui.ctx()).muted;
    let width = ui.available_width();
    let response = ui
        .vertical_centered(|ui| {
            let response = page_button(ui, s::BACK.get(lang), highlight.is_lit(back), width);
            ui.label(RichText::new(s::PAGE_KEYS.get(lang)).small().color(muted));
            response
        })
        .inner;
    highlight.drawn(ui, back, response.rect);
    clicked.or(response.clicked().then_some(Outcome::Back))
}

/// Every section: its heading and its rows; returns what a click asked
/// for.
fn sections(ui: &mut egui::Ui, settings: &Settings, highlight: &mut Highlight) -> Option<Outcome> {
    let look = palette(ui.ctx());
    let mut clicked = None;
    let mut index = 0;
    for section in &SECTIONS {
        ui.add_space(6.0);
        let title = RichText::new(section.heading.get(settings.lang))
            .size(23.0)
            .strong()
            .color(look.accent);
        ui.label(title);
        for item in section.items {
            let (rect, outcome) = rows::row(ui, *item, settings, highlight.is_lit(index));
            highlight.drawn(ui, index, rect);
            clicked = clicked.or(outcome);
            index += 1;
        }
    }
    clicked
}
