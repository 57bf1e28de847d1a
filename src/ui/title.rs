//! The title screen: new game, continue, language, quit.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::input::{self, Intent};
use super::strings as s;
use super::style::palette;
use crate::content::{ContentStatus, Lang};
use crate::screen::Screen;
use crate::settings::{ChangeSetting, Setting, Settings};
use crate::story::{NewGame, Story};

/// The size of the title screen's wide buttons, in points.
const WIDE: egui::Vec2 = egui::vec2(300.0, 46.0);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        title_screen.run_if(in_state(Screen::Title)),
    );
}

/// What the title screen reads: the language, whether the scenes are
/// loaded, and whether a game can go on.
#[derive(SystemParam)]
struct TitleState<'w> {
    settings: Res<'w, Settings>,
    status: Res<'w, ContentStatus>,
    story: Res<'w, Story>,
}

impl TitleState<'_> {
    /// Whether the scenes are loaded, so a new game can begin.
    fn ready(&self) -> bool {
        self.status.library().is_some()
    }

    /// Whether a game is in progress and can go on.
    fn can_continue(&self) -> bool {
        self.story.state().is_some() && self.story.fault().is_none()
    }
}

/// What the title screen asks for: a new game, the game in progress,
/// another language, or the end.
#[derive(SystemParam)]
struct TitleAnswers<'w> {
    new_game: MessageWriter<'w, NewGame>,
    screen: ResMut<'w, NextState<Screen>>,
    language: MessageWriter<'w, ChangeSetting>,
    exit: MessageWriter<'w, AppExit>,
}

/// Draws the title screen and writes what the player asks for.
fn title_screen(
    mut contexts: EguiContexts,
    state: TitleState,
    mut answers: TitleAnswers,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = state.settings.lang;
    let enter = input::read(ctx).contains(&Intent::Confirm);
    egui::Area::new(egui::Id::new("title"))
        .anchor(Align2::CENTER_CENTER, egui::vec2(0.0, -20.0))
        .show(ctx, |ui| {
            ui.set_width(420.0);
            ui.vertical_centered(|ui| {
                let muted = palette(ui.ctx()).muted;
                ui.label(RichText::new("Famulant").size(72.0).strong());
                ui.label(RichText::new(s::SUBTITLE.get(lang)).size(26.0).color(muted));
                ui.add_space(36.0);
                play_buttons(ui, &state, enter, &mut answers);
                ui.add_space(18.0);
                language_row(ui, lang, &mut answers.language);
                ui.add_space(18.0);
                quit_button(ui, lang, &mut answers.exit);
                ui.add_space(28.0);
                ui.label(RichText::new(s::TITLE_KEYS.get(lang)).small().color(muted));
            });
        });
    Ok(())
}

/// Continue (when a game can go on) and New game, and a note while the
/// scenes load; Enter continues the game in progress, or else begins one.
fn play_buttons(ui: &mut egui::Ui, state: &TitleState, enter: bool, answers: &mut TitleAnswers) {
    let lang = state.settings.lang;
    let (ready, can_continue) = (state.ready(), state.can_continue());
    if can_continue
        && ui
            .add_sized(WIDE, egui::Button::new(s::CONTINUE.get(lang)))
            .clicked()
    {
        answers.screen.set(Screen::Playing);
    }
    let start = ui.add_enabled(
        ready,
        egui::Button::new(RichText::new(s::NEW_GAME.get(lang)).strong())
            .min_size(WIDE)
            .fill(palette(ui.ctx()).lit),
    );
    if enter && can_continue {
        answers.screen.set(Screen::Playing);
    } else if ready && (start.clicked() || enter) {
        answers.new_game.write(NewGame);
    }
    if matches!(*state.status, ContentStatus::Loading) {
        let muted = palette(ui.ctx()).muted;
        ui.label(RichText::new(s::LOADING.get(lang)).color(muted));
    }
}

/// The languages to choose from, the one in use selected.
fn language_row(ui: &mut egui::Ui, lang: Lang, language: &mut MessageWriter<ChangeSetting>) {
    ui.horizontal(|ui| {
        ui.add_space(70.0);
        let muted = palette(ui.ctx()).muted;
        ui.label(RichText::new(format!("{}:", s::LANGUAGE.get(lang))).color(muted));
        for option in Lang::ALL {
            if ui
                .selectable_label(option == lang, option.native_name())
                .clicked()
            {
                language.write(ChangeSetting(Setting::Language(option)));
            }
        }
    });
}

/// The button that quits, except in the browser.
fn quit_button(ui: &mut egui::Ui, lang: Lang, exit: &mut MessageWriter<AppExit>) {
    if cfg!(not(target_arch = "wasm32"))
        && ui
            .add_sized(WIDE, egui::Button::new(s::QUIT.get(lang)))
            .clicked()
    {
        exit.write(AppExit::Success);
    }
}
