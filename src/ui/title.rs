//! The title screen: continue, new game, load, settings, language, quit;
//! by pointer, or by the keys' and the pad's highlight. A menu page opened
//! from it (the settings) takes its place.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::input::{Ask, Intents, navigate_list};
use super::menu::{Menu, Page};
use super::page::{button_height, page_button};
use super::strings as s;
use super::style::palette;
use crate::content::{ContentStatus, Lang, StoryStart};
use crate::save::{ContinueGame, Found, Saves};
use crate::screen::Screen;
use crate::settings::{ChangeSetting, Setting, Settings};
use crate::story::{NewGame, Story};

/// The width of the title screen's buttons, in points.
const WIDE: f32 = 300.0;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TitleHighlight>()
        .add_systems(OnEnter(Screen::Title), |mut lit: ResMut<TitleHighlight>| {
            lit.0 = 0;
        })
        .add_systems(
            EguiPrimaryContextPass,
            title_screen.run_if(in_state(Screen::Title)),
        );
}

/// The item the keys' highlight is on; the first (continue, else a new
/// game) whenever the title screen opens.
#[derive(Resource, Default)]
struct TitleHighlight(usize);

/// An item of the title screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    Continue,
    /// A new game of the main story (none) or of the mod's story at this
    /// index of the library's stories.
    NewGame(Option<usize>),
    Open(Page),
    Language,
    Quit,
}

/// The title screen's items: continue only with a game to go on with, a
/// new game of each of the `stories` of their own that mods bring beside
/// the main one, chapters and the flowchart once a game has ended, mods
/// and quit only outside the browser.
fn items(can_continue: bool, completed: bool, stories: usize) -> Vec<Item> {
    let mut items = Vec::new();
    if can_continue {
        items.push(Item::Continue);
    }
    items.push(Item::NewGame(None));
    items.extend((0..stories).map(|i| Item::NewGame(Some(i))));
    items.push(Item::Open(Page::Load));
    if completed {
        items.extend([Item::Open(Page::Chapters), Item::Open(Page::Flowchart)]);
    }
    if cfg!(not(target_arch = "wasm32")) {
        items.push(Item::Open(Page::Mods));
    }
    items.extend([Item::Open(Page::Settings), Item::Language]);
    if cfg!(not(target_arch = "wasm32")) {
        items.push(Item::Quit);
    }
    items
}

/// What the player asked on the title screen this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Asked {
    /// Of an item, by key or click.
    Of(Item, Ask),
    /// A language, clicked.
    Language(Lang),
}

/// The language after `lang`, or before it when `ask` is Less.
fn other_language(lang: Lang, ask: Ask) -> Lang {
    let n = Lang::ALL.len();
    let at = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    let step = if ask == Ask::Less { n - 1 } else { 1 };
    Lang::ALL[(at + step) % n]
}

/// What the title screen reads: the language, whether the scenes are
/// loaded, and whether a game can go on.
#[derive(SystemParam)]
struct TitleState<'w> {
    settings: Res<'w, Settings>,
    status: Res<'w, ContentStatus>,
    story: Res<'w, Story>,
    saves: Option<Res<'w, Saves>>,
    found: Option<Res<'w, Found>>,
}

impl TitleState<'_> {
    /// Whether the scenes are loaded, so a new game can begin.
    fn ready(&self) -> bool {
        self.status.library().is_some()
    }

    /// How many stories of their own the mods laid on bring.
    fn stories(&self) -> usize {
        self.status.library().map_or(0, |l| l.stories.len())
    }

    /// The story of its own at `index` that a mod brings.
    fn story(&self, index: usize) -> Option<&StoryStart> {
        self.status.library()?.stories.get(index)
    }

    /// Whether there is a game to go on with: one in progress, or a save
    /// (also from an earlier run).
    fn can_continue(&self) -> bool {
        self.story.in_progress() || self.saves.as_ref().is_some_and(|s| s.newest().is_some())
    }

    /// Whether a game has reached an ending, in this run or before.
    fn completed(&self) -> bool {
        self.found
            .as_ref()
            .is_some_and(|f| f.progress().completed())
    }
}

/// What the title screen asks for: a new game, the game in progress, a
/// menu page, another language, or the end.
#[derive(SystemParam)]
struct TitleAnswers<'w> {
    new_game: MessageWriter<'w, NewGame>,
    go_on: MessageWriter<'w, ContinueGame>,
    menu: ResMut<'w, Menu>,
    settings: MessageWriter<'w, ChangeSetting>,
    exit: MessageWriter<'w, AppExit>,
}

impl TitleAnswers<'_> {
    /// Does what the player asked for.
    fn answer(&mut self, asked: Asked, state: &TitleState) {
        let (item, ask) = match asked {
            Asked::Language(lang) => return self.language(lang),
            Asked::Of(item, ask) => (item, ask),
        };
        match (item, ask) {
            (Item::Language, ask) => self.language(other_language(state.settings.lang, ask)),
            (_, Ask::Less | Ask::More) => {}
            (Item::Continue, Ask::Take) => {
                self.go_on.write(ContinueGame);
            }
            (Item::NewGame(None), Ask::Take) if state.ready() => {
                self.new_game.write(NewGame::default());
            }
            (Item::NewGame(Some(i)), Ask::Take) => {
                if let Some(story) = state.story(i) {
                    self.new_game.write(NewGame {
                        story: Some(story.id.clone()),
                    });
                }
            }
            (Item::NewGame(_), Ask::Take) => {}
            (Item::Open(page), Ask::Take) => self.menu.open(page),
            (Item::Quit, Ask::Take) => {
                self.exit.write(AppExit::Success);
            }
        }
    }

    fn language(&mut self, lang: Lang) {
        self.settings.write(ChangeSetting(Setting::Language(lang)));
    }
}

/// Draws the title screen, unless a page covers it, and does what the
/// player asks for.
fn title_screen(
    mut contexts: EguiContexts,
    state: TitleState,
    mut answers: TitleAnswers,
    mut intents: ResMut<Intents>,
    mut lit: ResMut<TitleHighlight>,
) -> Result {
    if answers.menu.is_open() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let items = items(state.can_continue(), state.completed(), state.stories());
    let (highlighted, by_key) = navigate_list(lit.0, items.len(), &intents.take());
    lit.0 = highlighted;
    let mut asked = by_key.map(|(i, ask)| Asked::Of(items[i], ask));
    egui::Area::new(egui::Id::new("title"))
        .anchor(Align2::CENTER_CENTER, egui::vec2(0.0, -20.0))
        .show(ctx, |ui| {
            ui.set_width(420.0);
            ui.vertical_centered(|ui| {
                let clicked = title_body(ui, &state, &items, &mut lit.0);
                asked = asked.or(clicked);
            });
        });
    if let Some(asked) = asked {
        answers.answer(asked, &state);
    }
    Ok(())
}

/// The name, the subtitle, the items and the keys; returns what a click
/// asked for.
fn title_body(
    ui: &mut egui::Ui,
    state: &TitleState,
    items: &[Item],
    lit: &mut usize,
) -> Option<Asked> {
    let lang = state.settings.lang;
    let muted = palette(ui.ctx()).muted;
    ui.label(RichText::new("Famulant").size(72.0).strong());
    ui.label(RichText::new(s::SUBTITLE.get(lang)).size(26.0).color(muted));
    ui.add_space(30.0);
    let mut clicked = None;
    for (i, item) in items.iter().enumerate() {
        let (response, asked) = match item {
            Item::Language => language_row(ui, lang, *lit == i),
            _ => {
                let response = item_button(ui, *item, state, *lit == i);
                let asked = response.clicked().then_some(Asked::Of(*item, Ask::Take));
                (response, asked)
            }
        };
        let moving = ui.input(|input| input.pointer.delta() != egui::Vec2::ZERO);
        if moving && response.contains_pointer() {
            *lit = i;
        }
        clicked = clicked.or(asked);
    }
    if matches!(*state.status, ContentStatus::Loading) {
        ui.label(RichText::new(s::LOADING.get(lang)).color(muted));
    }
    ui.add_space(24.0);
    ui.label(RichText::new(s::TITLE_KEYS.get(lang)).small().color(muted));
    clicked
}

/// One of the title screen's buttons, marked when `lit`; a new game is
/// greyed out until the scenes are loaded.
fn item_button(ui: &mut egui::Ui, item: Item, state: &TitleState, lit: bool) -> egui::Response {
    let lang = state.settings.lang;
    let label = match item {
        Item::NewGame(Some(i)) => {
            let title = state.story(i).map_or("", |story| story.title.get(lang));
            format!("{}: {title}", s::NEW_GAME.get(lang))
        }
        other => item_label(other).get(lang).to_owned(),
    };
    let enabled = !matches!(item, Item::NewGame(_)) || state.ready();
    ui.add_enabled_ui(enabled, |ui| page_button(ui, &label, lit, WIDE))
        .inner
}

/// What an item other than a mod's story is called.
fn item_label(item: Item) -> s::Tr {
    match item {
        Item::Continue => s::CONTINUE,
        Item::NewGame(_) => s::NEW_GAME,
        Item::Open(Page::Load) => s::LOAD,
        Item::Open(Page::Chapters) => s::CHAPTERS,
        Item::Open(Page::Flowchart) => s::FLOWCHART,
        Item::Open(Page::Mods) => s::MODS,
        Item::Open(_) => s::SETTINGS,
        Item::Language => s::LANGUAGE,
        Item::Quit => s::QUIT,
    }
}

/// The languages to choose from, the one in use selected, the row marked
/// when `lit`; returns the row and the language clicked.
fn language_row(ui: &mut egui::Ui, lang: Lang, lit: bool) -> (egui::Response, Option<Asked>) {
    let look = palette(ui.ctx());
    let size = egui::vec2(WIDE, button_height(ui.ctx()));
    let mut asked = None;
    let frame = egui::Frame::new()
        .stroke(if lit {
            look.lit_outline()
        } else {
            egui::Stroke::NONE
        })
        .corner_radius(8.0);
    let response = frame
        .show(ui, |ui| {
            // A row of the buttons' size (a centred layout of its own would
            // take all the height the screen has left).
            let row = egui::Layout::left_to_right(egui::Align::Center);
            ui.allocate_ui_with_layout(size, row, |ui| {
                ui.set_min_size(size);
                ui.add_space(4.0);
                ui.label(RichText::new(format!("{}:", s::LANGUAGE.get(lang))).color(look.muted));
                for option in Lang::ALL {
                    let picked = ui.selectable_label(option == lang, option.native_name());
                    if picked.clicked() {
                        asked = Some(Asked::Language(option));
                    }
                }
            });
        })
        .response;
    (response, asked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_offers_continue_only_with_a_game_to_go_on_with() {
        let with = items(true, false, 0);
        assert_eq!(with[0], Item::Continue, "Enter at once continues");
        assert_eq!(
            items(false, false, 0)[0],
            Item::NewGame(None),
            "else Enter begins one"
        );
        for item in [Item::Open(Page::Load), Item::Open(Page::Settings)] {
            assert!(with.contains(&item));
        }
        assert_eq!(
            with.contains(&Item::Quit),
            cfg!(not(target_arch = "wasm32"))
        );
    }

    #[test]
    fn chapters_and_the_flowchart_open_once_a_game_has_ended() {
        let later = [Item::Open(Page::Chapters), Item::Open(Page::Flowchart)];
        assert!(
            later
                .iter()
                .all(|item| !items(false, false, 0).contains(item))
        );
        assert!(
            later
                .iter()
                .all(|item| items(false, true, 0).contains(item))
        );
    }

    #[test]
    fn left_and_right_go_through_the_languages() {
        assert_eq!(other_language(Lang::De, Ask::More), Lang::En);
        assert_eq!(other_language(Lang::En, Ask::More), Lang::De);
        assert_eq!(other_language(Lang::De, Ask::Less), Lang::En);
        assert_eq!(other_language(Lang::De, Ask::Take), Lang::En);
    }

    #[test]
    fn each_story_a_mod_brings_is_a_new_game_after_the_main_one() {
        let items = items(false, false, 2);
        assert_eq!(
            items[..4],
            [
                Item::NewGame(None),
                Item::NewGame(Some(0)),
                Item::NewGame(Some(1)),
                Item::Open(Page::Load)
            ]
        );
    }
}
