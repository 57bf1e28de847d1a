//! The Save and Load screens: the autosave, the quicksave and twelve slots,
//! each with a picture of the screen, the date and time, the scene and
//! Frau Bram's clock. A slot that cannot be read says why and is left
//! alone. In the browser, each save can be exported as a file, and a file
//! imported into a slot.

use std::collections::HashMap;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::input::Ask;
use super::menu::Page;
use super::page::{Highlight, PageInput, heading, page_button, page_panel};
use super::strings as s;
use super::style::{Palette, cramped, palette};
use crate::content::Lang;
use crate::save::{
    ExportSave, LoadFrom, PickSaveFile, SaveInfo, SaveTo, Saves, Slot, SlotState, Thumbnail,
};
use crate::settings::Settings;

/// The red of a slot that cannot be read.
const BROKEN: Color32 = Color32::from_rgb(236, 110, 96);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, slots_page);
}

/// What the Save and Load screens ask for.
#[derive(SystemParam)]
struct SlotsAnswers<'w> {
    save: MessageWriter<'w, SaveTo>,
    load: MessageWriter<'w, LoadFrom>,
    export: MessageWriter<'w, ExportSave>,
    import: MessageWriter<'w, PickSaveFile>,
}

/// The pictures of the slots, made into textures once for each revision
/// of the saves (see [`Saves::revision`]).
#[derive(Default)]
struct Pictures(HashMap<Slot, (u64, egui::TextureHandle)>);

impl Pictures {
    /// The texture of the thumbnail of `slot` as of `revision`.
    fn of(
        &mut self,
        ctx: &egui::Context,
        (slot, revision): (Slot, u64),
        info: &SaveInfo,
    ) -> Option<egui::TextureId> {
        let thumbnail = info.thumbnail.as_ref().filter(|t| t.is_whole())?;
        if let Some((made, texture)) = self.0.get(&slot)
            && *made == revision
        {
            return Some(texture.id());
        }
        let texture = ctx.load_texture(
            format!("save-{slot:?}"),
            image_of(thumbnail),
            egui::TextureOptions::LINEAR,
        );
        let id = texture.id();
        self.0.insert(slot, (revision, texture));
        Some(id)
    }
}

/// A thumbnail as egui's picture.
fn image_of(thumbnail: &Thumbnail) -> egui::ColorImage {
    let size = [thumbnail.width as usize, thumbnail.height as usize];
    egui::ColorImage::from_rgb(size, &thumbnail.rgb)
}

/// Which slots a page offers: saving goes into the numbered ones; loading
/// also takes the autosave and the quicksave.
fn slots_of(page: Page) -> Vec<Slot> {
    let numbered = Slot::all().filter(|slot| matches!(slot, Slot::Numbered(_)));
    match page {
        Page::Save => numbered.collect(),
        _ => Slot::all().collect(),
    }
}

/// What a click or Enter on a slot does on `page`: saving writes any
/// slot (one that cannot be read is kept aside first); loading takes only
/// a slot that holds a game.
fn take(page: Page, slot: Slot, state: &SlotState) -> Option<SlotAction> {
    match (page, state) {
        (Page::Save, _) => Some(SlotAction::Save(slot)),
        (_, SlotState::Saved(_)) => Some(SlotAction::Load(slot)),
        _ => None,
    }
}

/// What the player does with a slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SlotAction {
    /// Save the game into it.
    Save(Slot),
    /// Load its game.
    Load(Slot),
    /// Download its save as a file (in the browser).
    Export(Slot),
}

/// Draws the Save or the Load screen when it is the page on top.
fn slots_page(
    mut contexts: EguiContexts,
    mut input: PageInput,
    saves: Option<Res<Saves>>,
    settings: Res<Settings>,
    mut answers: SlotsAnswers,
    mut pictures: Local<Pictures>,
    mut asked_to_overwrite: Local<Option<Slot>>,
) -> Result {
    let page = match input.menu.top() {
        Some(page @ (Page::Save | Page::Load)) => page,
        _ => {
            *asked_to_overwrite = None;
            return Ok(());
        }
    };
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    let slots = slots_of(page);
    let columns = columns(ctx);
    let mut highlight = input.grid_highlight(slots.len(), columns);
    let title = if page == Page::Save { s::SAVE } else { s::LOAD };
    let (mut action, back, import) = page_panel(ctx, "slots", 1120.0, |ui| {
        heading(ui, title.get(lang));
        let Some(saves) = &saves else {
            ui.label(RichText::new(s::NO_SAVES_HERE.get(lang)).color(palette(ui.ctx()).muted));
            return (
                None,
                page_button(ui, s::BACK.get(lang), false, 200.0).clicked(),
                false,
            );
        };
        let grid = SlotGrid {
            asking: *asked_to_overwrite,
            page,
            slots: &slots,
            saves,
            columns,
            lang,
        };
        let action = grid.show(ui, &mut highlight, &mut pictures);
        ui.add_space(6.0);
        let (back, import) = footer(ui, page, lang);
        (action, back, import)
    });
    input.keep(&highlight);
    if let Some((item, Ask::Take)) = highlight.asked()
        && let (Some(slot), Some(saves)) = (slots.get(item), &saves)
    {
        action = take(page, *slot, saves.slot(*slot));
    }
    match action {
        // A game in the slot is overwritten only when asked twice.
        Some(SlotAction::Save(slot))
            if saves
                .as_ref()
                .is_some_and(|s| matches!(s.slot(slot), SlotState::Saved(_)))
                && *asked_to_overwrite != Some(slot) =>
        {
            *asked_to_overwrite = Some(slot);
        }
        Some(SlotAction::Save(slot)) => {
            *asked_to_overwrite = None;
            answers.save.write(SaveTo(slot));
        }
        Some(SlotAction::Load(slot)) => {
            answers.load.write(LoadFrom(slot));
            input.menu.close();
        }
        Some(SlotAction::Export(slot)) => {
            answers.export.write(ExportSave(slot));
        }
        None => {}
    }
    if import {
        answers.import.write(PickSaveFile);
    }
    if back {
        input.menu.back();
    }
    Ok(())
}

/// How many slots to a row: four on a wide screen, two on a phone.
fn columns(ctx: &egui::Context) -> usize {
    if cramped(ctx) { 2 } else { 4 }
}

/// The page's last row: back, and in the browser the import of a file on
/// the Load screen. Whether each was clicked.
fn footer(ui: &mut egui::Ui, page: Page, lang: Lang) -> (bool, bool) {
    ui.horizontal(|ui| {
        let back = page_button(ui, s::BACK.get(lang), false, 200.0).clicked();
        let import = cfg!(target_arch = "wasm32")
            && page == Page::Load
            && page_button(ui, s::IMPORT_SAVE.get(lang), false, 260.0).clicked();
        (back, import)
    })
    .inner
}

/// The slots of a page, laid out `columns` to a row.
struct SlotGrid<'a> {
    /// The slot whose game the player was asked whether to overwrite.
    asking: Option<Slot>,
    page: Page,
    slots: &'a [Slot],
    saves: &'a Saves,
    columns: usize,
    lang: Lang,
}

impl SlotGrid<'_> {
    /// Draws the slots in a scrolling grid; what a click asked for.
    fn show(
        &self,
        ui: &mut egui::Ui,
        highlight: &mut Highlight,
        pictures: &mut Pictures,
    ) -> Option<SlotAction> {
        let gap = ui.spacing().item_spacing.x;
        let width =
            (ui.available_width() - gap * (self.columns as f32 - 1.0)) / self.columns as f32;
        let mut action = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (row, chunk) in self.slots.chunks(self.columns).enumerate() {
                ui.horizontal_top(|ui| {
                    for (i, slot) in chunk.iter().enumerate() {
                        let item = row * self.columns + i;
                        let card = Card {
                            slot: *slot,
                            revision: self.saves.revision(),
                            state: self.saves.slot(*slot),
                            lit: highlight.is_lit(item),
                            asking: self.asking == Some(*slot),
                            width,
                            lang: self.lang,
                        };
                        let (response, export) = card.show(ui, pictures);
                        highlight.drawn(ui, item, response.rect);
                        if export {
                            action = Some(SlotAction::Export(*slot));
                        } else if response.clicked() {
                            action = take(self.page, card.slot, card.state);
                        }
                    }
                });
            }
        });
        action
    }
}

/// One slot as the screens show it.
struct Card<'a> {
    /// Whether the player is asked to confirm overwriting it.
    asking: bool,
    slot: Slot,
    revision: u64,
    state: &'a SlotState,
    lit: bool,
    width: f32,
    lang: Lang,
}

impl Card<'_> {
    /// Draws the card: its picture, its name and what it holds; clickable.
    /// Whether its export button (in the browser) was clicked.
    fn show(&self, ui: &mut egui::Ui, pictures: &mut Pictures) -> (egui::Response, bool) {
        let look = palette(ui.ctx());
        let frame = egui::Frame::new()
            .fill(look.fill(self.lit))
            .stroke(look.stroke(self.lit))
            .corner_radius(10.0)
            .inner_margin(egui::Margin::same(8));
        let mut export = false;
        // The card senses clicks under its content, so that its export
        // button, drawn on top, takes its own.
        let card = egui::UiBuilder::new().sense(egui::Sense::click());
        let inner = ui.scope_builder(card, |ui| {
            frame.show(ui, |ui| {
                let inside = self.width - 16.0 - 2.0 * look.outline.width;
                ui.set_width(inside);
                ui.vertical(|ui| {
                    let picture = egui::vec2(inside, inside * 9.0 / 16.0);
                    // Every card as tall as one that holds a game.
                    let lines = 4.0 * ui.text_style_height(&egui::TextStyle::Body);
                    ui.set_min_height(picture.y + lines);
                    self.picture(ui, picture, pictures);
                    ui.label(RichText::new(slot_name(self.slot, self.lang)).strong());
                    export = self.about(ui, &look);
                });
            })
        });
        (inner.response, export)
    }

    /// The thumbnail, or an empty frame.
    fn picture(&self, ui: &mut egui::Ui, size: egui::Vec2, pictures: &mut Pictures) {
        let texture = match self.state {
            SlotState::Saved(info) => pictures.of(ui.ctx(), (self.slot, self.revision), info),
            _ => None,
        };
        match texture {
            Some(texture) => {
                ui.add(egui::Image::new((texture, size)).corner_radius(6.0));
            }
            None => {
                let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
                ui.painter()
                    .rect_filled(rect, 6.0, Color32::from_white_alpha(12));
            }
        }
    }

    /// What the slot holds, in a few lines; whether its export button was
    /// clicked.
    fn about(&self, ui: &mut egui::Ui, look: &Palette) -> bool {
        let lang = self.lang;
        match self.state {
            SlotState::Empty => {
                ui.label(RichText::new(s::EMPTY_SLOT.get(lang)).color(look.muted));
                false
            }
            SlotState::Saved(_) if self.asking => {
                ui.label(
                    RichText::new(s::OVERWRITE.get(lang))
                        .color(look.accent)
                        .strong(),
                );
                false
            }
            SlotState::Saved(info) => {
                ui.label(RichText::new(saved_when(info, lang)).small());
                ui.label(RichText::new(info.title.get(lang)).small());
                let clock = format!("{} {}", s::PATIENT_TIME.get(lang), clock(info.minute));
                ui.label(RichText::new(clock).small().color(look.muted));
                cfg!(target_arch = "wasm32") && ui.small_button(s::EXPORT_SAVE.get(lang)).clicked()
            }
            SlotState::Unreadable(why) => {
                ui.label(
                    RichText::new(s::UNREADABLE_SAVE.get(lang))
                        .small()
                        .color(BROKEN),
                );
                ui.add(egui::Label::new(RichText::new(why).small().color(look.muted)).truncate())
                    .on_hover_text(why);
                false
            }
        }
    }
}

/// The slot's name on the screens.
fn slot_name(slot: Slot, lang: Lang) -> String {
    match slot {
        Slot::Auto => s::AUTOSAVE.get(lang).to_owned(),
        Slot::Quick => s::QUICKSAVE.get(lang).to_owned(),
        Slot::Numbered(n) => format!("{} {n}", s::SLOT.get(lang)),
    }
}

/// When a game was saved, in the local time then, as each language writes
/// dates.
fn saved_when(info: &SaveInfo, lang: Lang) -> String {
    let offset = chrono::FixedOffset::east_opt(info.utc_offset)
        .or_else(|| chrono::FixedOffset::east_opt(0))
        .expect("UTC is an offset");
    let Some(at) = chrono::DateTime::from_timestamp(info.saved_at, 0) else {
        return String::new();
    };
    let pattern = match lang {
        Lang::De => "%d.%m.%Y, %H:%M",
        Lang::En => "%-d %b %Y, %H:%M",
    };
    at.with_timezone(&offset).format(pattern).to_string()
}

/// Frau Bram's minute as hours and minutes since she arrived.
pub(super) fn clock(minute: u32) -> String {
    format!("{}:{:02} h", minute / 60, minute % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::LocalizedText;

    #[test]
    fn a_save_tells_its_local_time_in_each_language() {
        let info = SaveInfo {
            // 2026-12-01 21:05 UTC, saved in Berlin (UTC+1).
            saved_at: 1_796_159_100,
            utc_offset: 3600,
            scene: "s1".into(),
            title: LocalizedText::default(),
            minute: 102,
            thumbnail: None,
        };
        assert_eq!(saved_when(&info, Lang::De), "01.12.2026, 22:05");
        assert_eq!(saved_when(&info, Lang::En), "1 Dec 2026, 22:05");
        assert_eq!(clock(info.minute), "1:42 h");
    }

    #[test]
    fn saving_takes_any_numbered_slot_and_loading_only_a_saved_game() {
        assert_eq!(slots_of(Page::Save).len(), 12);
        assert_eq!(slots_of(Page::Load)[..2], [Slot::Auto, Slot::Quick]);
        let empty = SlotState::Empty;
        let broken = SlotState::Unreadable("damaged".into());
        let slot = Slot::Numbered(2);
        assert_eq!(
            take(Page::Save, slot, &broken),
            Some(SlotAction::Save(slot))
        );
        assert_eq!(take(Page::Load, slot, &empty), None);
        assert_eq!(take(Page::Load, slot, &broken), None);
    }
}
