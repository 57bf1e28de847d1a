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

/// The table of `bundle`, and the first debridement's extent under it.
pub(super) fn bundle_table(
    ui: &mut egui::Ui,
    bundle: &[BundleItem],
    debridement: Option<Extent>,
    lang: Lang,
) {
    let muted = palette(ui.ctx()).muted;
    egui::Grid::new("bundle")
        .num_columns(4)
        .spacing(egui::vec2(14.0, 6.0))
        .striped(true)
        .show(ui, |ui| {
            for heading in [
                s::BUNDLE_ELEMENT,
                s::BUNDLE_DONE,
                s::BUNDLE_DUE,
                s::BUNDLE_STATUS,
            ] {
                ui.label(RichText::new(heading.get(lang)).small().color(muted));
            }
            ui.end_row();
            for item in bundle {
                ui.add(egui::Label::new(element_name(item.element).get(lang)).wrap());
                ui.label(item.done_at.map_or("–".to_owned(), clock));
                ui.label(due(item, lang));
                status_cell(ui, item, lang);
                ui.end_row();
            }
        });
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
        let (dot, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().circle_filled(dot.center(), 5.5, colour);
        ui.label(RichText::new(words.get(lang)).color(colour).strong());
    });
}
