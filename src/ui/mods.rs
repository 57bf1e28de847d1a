//! The Mods screen: every mod found, in the order they are laid over the
//! story, with its name, version and state (on, off, or left out with its
//! first errors). Enter or a click turns a mod on or off; left and right,
//! or the arrow buttons, lay it on earlier or later. The page only asks
//! ([`ModsRequest`]); the content decides and reloads.

use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::input::Ask;
use super::menu::Page;
use super::page::{Highlight, PageInput, heading, page_button};
use super::strings as s;
use super::style::palette;
use crate::content::{Lang, ModFolders, ModReport, ModState, ModsFound, ModsRequest};
use crate::settings::Settings;

/// The errors of a mod left out that the page shows; the rest are counted.
const ERRORS_SHOWN: usize = 3;
const ERROR: Color32 = Color32::from_rgb(240, 110, 100);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, mods_page);
}

/// What a click or a key asked of a mod.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Asked {
    /// Turn it on or off.
    Toggle(usize),
    /// Lay it on earlier (`false`) or later.
    Shift(usize, bool),
}

/// Draws the Mods screen when it is the page on top, and passes on what
/// the player asks.
fn mods_page(
    mut contexts: EguiContexts,
    mut input: PageInput,
    found: Res<ModsFound>,
    folders: Res<ModFolders>,
    settings: Res<Settings>,
    mut requests: MessageWriter<ModsRequest>,
) -> Result {
    if !input.shows(Page::Mods) {
        return Ok(());
    }
    let lang = settings.lang;
    let ctx = contexts.ctx_mut()?;
    let reports = &found.reports;
    let mut highlight = input.highlight(reports.len() + 1);
    let back_item = reports.len();
    let mut asked = match highlight.asked() {
        Some((item, Ask::Take)) if item < back_item => Some(Asked::Toggle(item)),
        Some((item, Ask::Less)) if item < back_item => Some(Asked::Shift(item, false)),
        Some((item, Ask::More)) if item < back_item => Some(Asked::Shift(item, true)),
        _ => None,
    };
    let mut back = matches!(highlight.asked(), Some((item, Ask::Take)) if item == back_item);
    super::page::page_panel(ctx, "mods", 820.0, |ui| {
        heading(ui, s::MODS.get(lang));
        if reports.is_empty() {
            none_found(ui, &folders, lang);
        }
        egui::ScrollArea::vertical()
            .max_height(ui.ctx().content_rect().height() * 0.62)
            .show(ui, |ui| {
                for (i, report) in reports.iter().enumerate() {
                    let clicked = mod_row(ui, report, i, &mut highlight, lang);
                    asked = asked.or(clicked);
                }
            });
        ui.add_space(6.0);
        let muted = palette(ui.ctx()).muted;
        if !reports.is_empty() {
            ui.label(RichText::new(s::MODS_ORDER.get(lang)).small().color(muted));
        }
        let response = page_button(ui, s::BACK.get(lang), highlight.is_lit(back_item), 200.0);
        highlight.drawn(ui, back_item, response.rect);
        back |= response.clicked();
    });
    input.keep(&highlight);
    if let Some(asked) = asked {
        requests.write(request(reports, asked));
    }
    if back {
        input.menu.back();
    }
    Ok(())
}

/// The request a click or key on a mod makes.
fn request(reports: &[ModReport], asked: Asked) -> ModsRequest {
    match asked {
        Asked::Toggle(i) => ModsRequest::Toggle {
            id: reports[i].id.clone(),
        },
        Asked::Shift(i, later) => ModsRequest::Shift {
            id: reports[i].id.clone(),
            later,
        },
    }
}

/// Where mods go, when none was found.
fn none_found(ui: &mut egui::Ui, folders: &ModFolders, lang: Lang) {
    ui.label(s::NO_MODS.get(lang));
    for folder in &folders.0 {
        ui.label(RichText::new(folder.to_string_lossy()).monospace());
    }
    ui.add_space(8.0);
}

/// One mod: a button with its name, version and state that turns it on or
/// off, arrows that move it, and the first errors of a mod left out;
/// returns what a click asked.
fn mod_row(
    ui: &mut egui::Ui,
    report: &ModReport,
    item: usize,
    highlight: &mut Highlight,
    lang: Lang,
) -> Option<Asked> {
    let mut asked = None;
    let lit = highlight.is_lit(item);
    let gap = ui.spacing().item_spacing.x;
    let arrows = 2.0 * (super::page::button_height(ui.ctx()) + gap);
    let row = ui.horizontal(|ui| {
        let label = format!(
            "{}   ·   {}",
            title(report, lang),
            state_word(&report.state, lang)
        );
        let width = ui.available_width() - arrows;
        if page_button(ui, &label, lit, width).clicked() {
            asked = Some(Asked::Toggle(item));
        }
        for later in [false, true] {
            if arrow_button(ui, later).clicked() {
                asked = Some(Asked::Shift(item, later));
            }
        }
    });
    highlight.drawn(ui, item, row.response.rect);
    if let ModState::Broken(errors) = &report.state {
        broken_errors(ui, errors);
    }
    ui.add_space(4.0);
    asked
}

/// A square button with an arrow up (`down` false: lay on earlier) or
/// down (later), drawn: the overlay's font has no arrows.
fn arrow_button(ui: &mut egui::Ui, down: bool) -> egui::Response {
    let size = super::page::button_height(ui.ctx());
    let response = page_button(ui, "", false, size);
    let (centre, half) = (response.rect.center(), size * 0.22);
    let (tip, base) = if down { (half, -half) } else { (-half, half) };
    let points = vec![
        centre + egui::vec2(0.0, tip),
        centre + egui::vec2(half, base * 0.8),
        centre + egui::vec2(-half, base * 0.8),
    ];
    let colour = palette(ui.ctx()).text;
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        colour,
        egui::Stroke::NONE,
    ));
    response
}

/// A mod's name in `lang` with its version, or its id when its `mod.ron`
/// cannot be read.
fn title(report: &ModReport, lang: Lang) -> String {
    let name = (report.name.as_ref()).map_or(report.id.as_str(), |name| name.get(lang));
    match &report.version {
        Some(version) => format!("{name}  {version}"),
        None => name.to_owned(),
    }
}

/// What a state is called.
fn state_word(state: &ModState, lang: Lang) -> &'static str {
    match state {
        ModState::On => s::MOD_ON.get(lang),
        ModState::Off => s::MOD_OFF.get(lang),
        ModState::Broken(_) => s::MOD_BROKEN.get(lang),
        ModState::Untried => s::MOD_UNTRIED.get(lang),
    }
}

/// The first errors of a mod left out, at file, line and column, and how
/// many more there are.
fn broken_errors(ui: &mut egui::Ui, errors: &[crate::content::Diagnostic]) {
    for error in errors.iter().take(ERRORS_SHOWN) {
        ui.label(
            RichText::new(error.to_string())
                .small()
                .monospace()
                .color(ERROR),
        );
    }
    if errors.len() > ERRORS_SHOWN {
        let more = errors.len() - ERRORS_SHOWN;
        ui.label(RichText::new(format!("+ {more}")).small().color(ERROR));
    }
}
