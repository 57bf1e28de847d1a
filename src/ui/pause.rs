//! The pause menu (Escape, or the pad's Start): resume, save, load,
//! settings, history, the title screen and quit, with the team's
//! relationships beside it. The story's clock stands while it is open
//! (see [`super::menu`]).

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::input::Ask;
use super::menu::{Menu, Page};
use super::page::{PageInput, button_column, heading, page_panel};
use super::strings as s;
use super::style::{bar, cramped, palette};
use crate::content::{Lang, Value};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::Story;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        pause_page.run_if(in_state(Screen::Playing)),
    );
}

/// An item of the pause menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    Resume,
    Open(Page),
    Title,
    Quit,
}

/// The pause menu's items, in order; quitting is left to the browser's
/// tab there.
fn items() -> Vec<Item> {
    let mut items = vec![
        Item::Resume,
        Item::Open(Page::Save),
        Item::Open(Page::Load),
        Item::Open(Page::Settings),
        Item::Open(Page::History),
        Item::Title,
    ];
    if cfg!(not(target_arch = "wasm32")) {
        items.push(Item::Quit);
    }
    items
}

impl Item {
    fn label(self) -> s::Tr {
        match self {
            Item::Resume => s::RESUME,
            Item::Open(Page::Save) => s::SAVE,
            Item::Open(Page::Load) => s::LOAD,
            Item::Open(Page::Settings) => s::SETTINGS,
            Item::Open(Page::History) => s::HISTORY,
            Item::Open(Page::Flowchart) => s::FLOWCHART,
            Item::Open(Page::Chapters) => s::CHAPTERS,
            Item::Open(Page::Mods) => s::MODS,
            Item::Open(Page::Pause) => s::PAUSED,
            Item::Title => s::TO_TITLE,
            Item::Quit => s::QUIT,
        }
    }

    /// Closes the menu, opens a page over it, or leaves the game.
    fn take(self, menu: &mut Menu, exits: &mut Exits) {
        match self {
            Item::Resume => menu.close(),
            Item::Open(page) => menu.open(page),
            Item::Title => exits.screen.set(Screen::Title),
            Item::Quit => {
                exits.quit.write(AppExit::Success);
            }
        }
    }
}

/// Where the pause menu leads out of the game.
#[derive(SystemParam)]
struct Exits<'w> {
    screen: ResMut<'w, NextState<Screen>>,
    quit: MessageWriter<'w, AppExit>,
}

fn pause_page(
    mut contexts: EguiContexts,
    mut input: PageInput,
    mut exits: Exits,
    settings: Res<Settings>,
    story: Res<Story>,
) -> Result {
    if !input.shows(Page::Pause) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    let items = items();
    let labels: Vec<&str> = items.iter().map(|item| item.label().get(lang)).collect();
    let mut highlight = input.highlight(items.len());
    let clicked = page_panel(ctx, "pause", 300.0, |ui| {
        heading(ui, s::PAUSED.get(lang));
        button_column(ui, &labels, &mut highlight)
    });
    input.keep(&highlight);
    let by_key = match highlight.asked() {
        Some((item, Ask::Take)) => Some(item),
        _ => None,
    };
    if let Some(item) = clicked.or(by_key).and_then(|i| items.get(i)) {
        item.take(&mut input.menu, &mut exits);
    }
    team(ctx, &story, lang);
    Ok(())
}

/// Beside the menu (under it on a narrow screen): the relationships as
/// they stand, each a bar from its lowest to its highest value.
fn team(ctx: &egui::Context, story: &Story, lang: Lang) {
    let (Some(library), Some(state)) = (story.library(), story.state()) else {
        return;
    };
    if library.relationships.is_empty() {
        return;
    }
    let look = palette(ctx);
    let (anchor, offset) = if cramped(ctx) && ctx.content_rect().width() < 900.0 {
        (Align2::CENTER_BOTTOM, egui::vec2(0.0, -16.0))
    } else {
        (Align2::RIGHT_CENTER, egui::vec2(-24.0, -20.0))
    };
    egui::Area::new(egui::Id::new("team"))
        .anchor(anchor, offset)
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(look.panel.to_opaque())
                .stroke(look.outline)
                .corner_radius(14.0)
                .inner_margin(egui::Margin::same(20))
                .show(ui, |ui| {
                    ui.heading(s::TEAM.get(lang));
                    for (id, r) in &library.relationships {
                        let value = match state.var(id) {
                            Value::Int(n) => n,
                            Value::Bool(_) => 0,
                        };
                        let share = (value - r.min) as f32 / (r.max - r.min).max(1) as f32;
                        ui.label(RichText::new(r.name.get(lang)).small());
                        let colour = if r.rising_is_worse {
                            egui::Color32::from_rgb(226, 120, 90)
                        } else {
                            look.accent
                        };
                        bar(ui, egui::vec2(220.0, 8.0), share, colour);
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_menu_offers_every_way_on_and_out() {
        let items = items();
        assert_eq!(items[0], Item::Resume, "Enter at once resumes");
        for page in [Page::Save, Page::Load, Page::Settings, Page::History] {
            assert!(items.contains(&Item::Open(page)), "{page:?}");
        }
        assert!(items.contains(&Item::Title));
        assert_eq!(
            items.contains(&Item::Quit),
            cfg!(not(target_arch = "wasm32"))
        );
    }
}
