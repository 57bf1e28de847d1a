//! The case review's table: each element of the hour-1 bundle and source
//! control with when it was done and when it was due, and whether in time,
//! in colour and in words.

use bevy_egui::egui::{self, Color32, RichText};

use crate::content::Lang;
use crate::patient::{BundleItem, Element, Extent, Status};
use crate::ui::saves::clock;
use crate::ui::strings as s;
use crate::ui::style::palette;

const MET: Color32 = Color32::from_rgb(88, 196, 120);
const LATE: Color32 = Color32::from_rgb(232, 186, 36);
const MISSED: Color32 = Color32::from_rgb(236, 96, 80);

/// The gap between the table's columns, in points.
const GAP: f32 = 10.0;

/// The table of `bundle`, a row to an element, and the first
/// debridement's extent under it.
pub(super) fn bundle_table(
    ui: &mut egui::Ui,
    bundle: &[BundleItem],
    debridement: Option<Extent>,
    lang: Lang,
) {
    let muted = palette(ui.ctx()).muted;
    if ui.available_width() < NARROW {
        for (i, item) in bundle.iter().enumerate() {
            row(ui, i % 2 == 0, |ui| stacked_row(ui, item, lang));
        }
    } else {
        table_rows(ui, bundle, lang);
    }
    if let Some(extent) = debridement {
        ui.add_space(4.0);
        let text = format!(
            "{} {}",
            s::FIRST_DEBRIDEMENT.get(lang),
            extent_name(extent).get(lang)
        );
        ui.label(RichText::new(text).small().color(muted));
    }
}

/// Narrower than this, in points, an element's times and verdict go under
/// its name.
const NARROW: f32 = 560.0;

/// An element on a narrow screen: its name, and under it when it was done,
/// by when it was due and the verdict.
fn stacked_row(ui: &mut egui::Ui, item: &BundleItem, lang: Lang) {
    let muted = palette(ui.ctx()).muted;
    ui.vertical(|ui| {
        ui.add(egui::Label::new(element_name(item.element).get(lang)).wrap());
        ui.horizontal_wrapped(|ui| {
            let done = item.done_at.map_or("–".to_owned(), clock);
            ui.label(RichText::new(s::BUNDLE_DONE.get(lang)).small().color(muted));
            ui.label(done);
            ui.add_space(6.0);
            ui.label(RichText::new(s::BUNDLE_DUE.get(lang)).small().color(muted));
            ui.label(due(item, lang));
            ui.add_space(6.0);
            status_cell(ui, item, lang);
        });
    });
}

/// The elements as a table under a row of headings.
fn table_rows(ui: &mut egui::Ui, bundle: &[BundleItem], lang: Lang) {
    let muted = palette(ui.ctx()).muted;
    let widths = column_widths(ui.available_width());
    let headings = [
        s::BUNDLE_ELEMENT,
        s::BUNDLE_DONE,
        s::BUNDLE_DUE,
        s::BUNDLE_STATUS,
    ];
    row(ui, false, |ui| {
        for (width, heading) in widths.into_iter().zip(headings) {
            cell(ui, width, |ui| {
                ui.label(RichText::new(heading.get(lang)).small().color(muted));
            });
        }
    });
    for (i, item) in bundle.iter().enumerate() {
        row(ui, i % 2 == 0, |ui| {
            cell(ui, widths[0], |ui| {
                ui.add(egui::Label::new(element_name(item.element).get(lang)).wrap());
            });
            cell(ui, widths[1], |ui| {
                ui.label(item.done_at.map_or("–".to_owned(), clock));
            });
            cell(ui, widths[2], |ui| {
                ui.label(due(item, lang));
            });
            cell(ui, widths[3], |ui| status_cell(ui, item, lang));
        });
    }
}

/// The columns' widths in a table `width` wide: the element's takes what
/// the times and the verdict leave.
fn column_widths(width: f32) -> [f32; 4] {
    let (done, due, status) = (72.0, 128.0, 180.0);
    let element = (width - done - due - status - 3.0 * GAP - 8.0).max(110.0);
    [element, done, due, status]
}

/// A row of the table, on a faint band when `banded`.
fn row(ui: &mut egui::Ui, banded: bool, add: impl FnOnce(&mut egui::Ui)) {
    let fill = if banded {
        Color32::from_white_alpha(8)
    } else {
        Color32::TRANSPARENT
    };
    egui::Frame::new()
        .fill(fill)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(4, 3))
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.x = GAP;
            ui.horizontal_top(add);
        });
}

/// A cell `width` wide.
fn cell(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    let layout = egui::Layout::top_down(egui::Align::Min);
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), layout, |ui| {
        ui.set_width(width);
        add(ui);
    });
}

/// The element's name in the table.
fn element_name(element: Element) -> s::Tr {
    match element {
        Element::Lactate => s::BUNDLE_LACTATE,
        Element::LactateRepeat => s::BUNDLE_LACTATE_REPEAT,
        Element::Cultures => s::BUNDLE_CULTURES,
        Element::Antibiotics => s::BUNDLE_ANTIBIOTICS,
        Element::Fluids => s::BUNDLE_FLUIDS,
        Element::Norepinephrine => s::BUNDLE_NOREPINEPHRINE,
        Element::Incision => s::BUNDLE_INCISION,
    }
}

fn extent_name(extent: Extent) -> s::Tr {
    match extent {
        Extent::Limited => s::EXTENT_LIMITED,
        Extent::Radical => s::EXTENT_RADICAL,
        Extent::Amputation => s::EXTENT_AMPUTATION,
    }
}

/// By when it was due: before the antibiotics for the cultures, at or
/// before a minute for the rest; a dash when it was not called for.
fn due(item: &BundleItem, lang: Lang) -> String {
    match (item.element, item.due_by) {
        (_, _) if item.status == Status::NotNeeded => "–".to_owned(),
        (Element::Cultures, Some(minute)) => s::BEFORE.get(lang).replace("{}", &clock(minute)),
        (Element::Cultures, None) => s::BEFORE_ANTIBIOTICS.get(lang).to_owned(),
        (_, Some(minute)) => format!("≤ {}", clock(minute)),
        (_, None) => "–".to_owned(),
    }
}

/// The status as a coloured dot and in words (never by colour alone).
fn status_cell(ui: &mut egui::Ui, item: &BundleItem, lang: Lang) {
    let muted = palette(ui.ctx()).muted;
    let (colour, words) = match item.status {
        Status::Met => (MET, s::STATUS_MET),
        Status::Late if item.element == Element::Cultures => (LATE, s::STATUS_AFTER_ANTIBIOTICS),
        Status::Late => (LATE, s::STATUS_LATE),
        Status::Missed => (MISSED, s::STATUS_MISSED),
        Status::NotNeeded => (muted, s::STATUS_NOT_NEEDED),
    };
    ui.horizontal(|ui| {
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let (dot, _) = ui.allocate_exact_size(egui::vec2(12.0, line), egui::Sense::hover());
        ui.painter().circle_filled(dot.center(), 5.5, colour);
        ui.label(RichText::new(words.get(lang)).color(colour).strong());
    });
}
