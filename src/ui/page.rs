//! What a menu page is made of: a panel in the middle of the screen with a
//! heading, buttons as wide as the panel, and the highlight that the keys
//! and the pad move (and the pointer, when it moves onto an item), always
//! marked, and scrolled into view when the keys move it.
//!
//! A page's system draws it while it is on top:
//!
//! ```text
//! if !input.shows(Page::Load) { return Ok(()) }
//! let mut highlight = input.highlight(items.len());
//! // draw item i; highlight.is_lit(i) marks it; highlight.drawn(ui, i, rect)
//! // act on highlight.asked() and on clicks
//! input.keep(&highlight);
//! ```

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, RichText};

use super::input::{Ask, Grid, Intent, Intents, navigate_all, navigate_list};
use super::menu::{Menu, Page};
use super::style::{cramped, palette};

/// The margin around a page's panel and inside it, in points.
const MARGIN: f32 = 16.0;

/// What every page's system works with: the menu and this frame's intents.
#[derive(SystemParam)]
pub(crate) struct PageInput<'w> {
    /// The pages open.
    pub menu: ResMut<'w, Menu>,
    intents: ResMut<'w, Intents>,
}

impl PageInput<'_> {
    /// Whether `page` is on top, so drawn and answering the keys.
    pub(crate) fn shows(&self, page: Page) -> bool {
        self.menu.top() == Some(page)
    }

    /// The highlight on the page on top, of `count` items, moved by this
    /// frame's intents, which it takes.
    pub(crate) fn highlight(&mut self, count: usize) -> Highlight {
        let before = self.menu.highlighted();
        let (lit, asked) = navigate_list(before, count, &self.intents.take());
        Highlight {
            lit,
            moved: lit != before,
            asked,
            pointed: None,
        }
    }

    /// The highlight on a page of `count` items laid out `columns` to a
    /// row (the slots of the Save and Load screens): up and down go by
    /// rows, left and right by items; Enter takes the one lit. Number keys,
    /// which pick a story's options, do nothing here.
    pub(crate) fn grid_highlight(&mut self, count: usize, columns: usize) -> Highlight {
        let before = self.menu.highlighted();
        let grid = Grid { count, columns };
        let mut intents = self.intents.take();
        intents.retain(|intent| !matches!(intent, Intent::Number(_)));
        let (lit, picked) = navigate_all(before, grid, &intents);
        Highlight {
            lit,
            moved: lit != before,
            asked: picked.map(|item| (item, Ask::Take)),
            pointed: None,
        }
    }

    /// Keeps the highlight where it ended up this frame.
    pub(crate) fn keep(&mut self, highlight: &Highlight) {
        let lit = highlight.lit();
        if self.menu.highlighted() != lit {
            self.menu.highlight(lit);
        }
    }
}

/// The highlight on a page this frame: the item lit, what the keys asked
/// of an item, and the item the pointer moved onto.
#[derive(Debug)]
pub(crate) struct Highlight {
    lit: usize,
    moved: bool,
    asked: Option<(usize, Ask)>,
    pointed: Option<usize>,
}

impl Highlight {
    /// Whether `item` is lit.
    pub(crate) fn is_lit(&self, item: usize) -> bool {
        self.lit == item
    }

    /// What the keys asked of which item this frame.
    pub(crate) fn asked(&self) -> Option<(usize, Ask)> {
        self.asked
    }

    /// The item highlighted from now on: the one the pointer moved onto,
    /// else the one the keys left lit.
    pub(crate) fn lit(&self) -> usize {
        self.pointed.unwrap_or(self.lit)
    }

    /// `item` was drawn at `rect`: it is scrolled into view when the keys
    /// moved the highlight onto it, and highlighted when the pointer moves
    /// over it.
    pub(crate) fn drawn(&mut self, ui: &egui::Ui, item: usize, rect: egui::Rect) {
        if self.moved && self.is_lit(item) {
            ui.scroll_to_rect(rect, None);
        }
        let moving = ui.input(|input| input.pointer.delta() != egui::Vec2::ZERO);
        if moving && ui.rect_contains_pointer(rect) {
            self.pointed = Some(item);
        }
    }
}

/// The height of a page's buttons, in points: on a small screen (a phone)
/// large enough for a finger.
pub(crate) fn button_height(ctx: &egui::Context) -> f32 {
    if cramped(ctx) { 52.0 } else { 42.0 }
}

/// A page's panel in the middle of the screen, opaque, at most `width`
/// wide (less on a narrow screen) and never taller than the screen; `add`
/// fills it.
pub(crate) fn page_panel<R>(
    ctx: &egui::Context,
    id: &str,
    width: f32,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let look = palette(ctx);
    let screen = ctx.content_rect();
    let width = width.min(screen.width() - 4.0 * MARGIN);
    egui::Area::new(egui::Id::new(id))
        .anchor(Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(look.panel.to_opaque())
                .stroke(look.outline)
                .corner_radius(14.0)
                .inner_margin(egui::Margin::same(MARGIN as i8))
                .show(ui, |ui| {
                    ui.set_width(width);
                    ui.set_max_height(screen.height() - 4.0 * MARGIN);
                    add(ui)
                })
                .inner
        })
        .inner
}

/// A page's heading, centred.
pub(crate) fn heading(ui: &mut egui::Ui, text: &str) {
    ui.vertical_centered(|ui| ui.heading(text));
    ui.add_space(8.0);
}

/// A button `width` wide, filled and outlined with the accent when `lit`.
pub(crate) fn page_button(ui: &mut egui::Ui, label: &str, lit: bool, width: f32) -> egui::Response {
    let look = palette(ui.ctx());
    let height = button_height(ui.ctx());
    ui.add(
        egui::Button::new(RichText::new(label))
            .fill(look.fill(lit))
            .stroke(look.stroke(lit))
            .corner_radius(8.0)
            .min_size(egui::vec2(width, height)),
    )
}

/// Buttons one under another, as wide as the panel, their labels centred,
/// each an item of the page; returns the item clicked.
pub(crate) fn button_column(
    ui: &mut egui::Ui,
    labels: &[&str],
    highlight: &mut Highlight,
) -> Option<usize> {
    let width = ui.available_width();
    ui.vertical_centered(|ui| {
        let mut clicked = None;
        for (item, label) in labels.iter().enumerate() {
            let response = page_button(ui, label, highlight.is_lit(item), width);
            highlight.drawn(ui, item, response.rect);
            if response.clicked() {
                clicked = Some(item);
            }
        }
        clicked
    })
    .inner
}
