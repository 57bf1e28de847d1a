//! One row of the settings screen: the setting's name and its control,
//! side by side, or one under the other on a narrow screen; marked when
//! the keys' highlight is on it.

use bevy_egui::egui::{self, RichText};

use super::items::{Item, Outcome, Slider};
use crate::content::Lang;
use crate::settings::Settings;
use crate::ui::style::palette;

/// The width of a setting's name beside its control, in points.
const LABEL_WIDTH: f32 = 250.0;
/// The width of a slider's number after it, in points.
const VALUE_WIDTH: f32 = 150.0;
/// Below this width, in points, a setting's name stands above its control.
const MIN_SIDE_BY_SIDE: f32 = 560.0;
/// The room around a row inside its mark, in points.
const PADDING: f32 = 6.0;

/// Draws `item`'s row in the settings as they are, marked when `lit`;
/// returns its rectangle and what a click (or a slider let go) asks for.
pub(super) fn row(
    ui: &mut egui::Ui,
    item: Item,
    settings: &Settings,
    lit: bool,
) -> (egui::Rect, Option<Outcome>) {
    let look = palette(ui.ctx());
    let mark = ui.painter().add(egui::Shape::Noop);
    let side_by_side = ui.available_width() >= MIN_SIDE_BY_SIDE;
    let inner = egui::Frame::new()
        .inner_margin(egui::Margin::same(PADDING as i8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if side_by_side {
                ui.horizontal(|ui| {
                    name(ui, item, settings.lang, LABEL_WIDTH);
                    control(ui, item, settings)
                })
                .inner
            } else {
                ui.vertical(|ui| {
                    name(ui, item, settings.lang, ui.available_width());
                    control(ui, item, settings)
                })
                .inner
            }
        });
    let rect = inner.response.rect;
    if lit {
        let shape = egui::epaint::RectShape::new(
            rect,
            8.0,
            look.option,
            look.lit_outline(),
            egui::StrokeKind::Inside,
        );
        ui.painter().set(mark, shape);
    }
    (rect, inner.inner)
}

/// The setting's name, `width` wide, from the left.
fn name(ui: &mut egui::Ui, item: Item, lang: Lang, width: f32) {
    let left = egui::Layout::top_down(egui::Align::Min);
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), left, |ui| {
        ui.set_min_width(width);
        ui.add(egui::Label::new(item.label().get(lang)).wrap());
    });
}

/// The setting's control: its values side by side, or a slider with its
/// number; returns what a click or a slider let go asks for.
fn control(ui: &mut egui::Ui, item: Item, settings: &Settings) -> Option<Outcome> {
    match item.slider(settings) {
        Some(slider) => {
            ui.horizontal(|ui| slider_control(ui, item, slider, settings.lang))
                .inner
        }
        None => {
            ui.horizontal_wrapped(|ui| choice_control(ui, item, settings))
                .inner
        }
    }
}

/// A slider and its number after it; returns the change when let go.
fn slider_control(ui: &mut egui::Ui, item: Item, slider: Slider, lang: Lang) -> Option<Outcome> {
    let mut value = slider.value;
    ui.spacing_mut().slider_width = (ui.available_width() - VALUE_WIDTH).max(120.0);
    let response = ui.add(egui::Slider::new(&mut value, slider.range).show_value(false));
    let muted = palette(ui.ctx()).muted;
    ui.label(RichText::new(item.value_text(value, lang)).color(muted));
    // Saved when let go, not on every frame of a drag.
    let released = response.drag_stopped() || (response.changed() && !response.dragged());
    released
        .then(|| item.set(value))
        .flatten()
        .map(Outcome::Change)
}

/// The values side by side, the current one selected; returns the change
/// to the value clicked.
fn choice_control(ui: &mut egui::Ui, item: Item, settings: &Settings) -> Option<Outcome> {
    let mut picked = None;
    for (setting, label, current) in item.choices(settings) {
        if ui
            .selectable_label(current, label.get(settings.lang))
            .clicked()
            && !current
        {
            picked = Some(Outcome::Change(setting));
        }
    }
    picked
}
