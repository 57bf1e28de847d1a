//! The title screen: new game, continue, language, quit.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::strings as s;
use super::style::{ACCENT, MUTED};
use crate::content::{ContentStatus, Lang};
use crate::screen::Screen;
use crate::settings::{SetLanguage, Settings};
use crate::story::{NewGame, Story};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        title_screen.run_if(in_state(Screen::Title)),
    );
}

#[allow(clippy::too_many_arguments)]
fn title_screen(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    status: Res<ContentStatus>,
    story: Res<Story>,
    mut new_game: MessageWriter<NewGame>,
    mut screen: ResMut<NextState<Screen>>,
    mut language: MessageWriter<SetLanguage>,
    mut exit: MessageWriter<AppExit>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    let ready = status.library().is_some();
    let can_continue = story.state().is_some() && story.fault().is_none();
    egui::Area::new(egui::Id::new("title"))
        .anchor(Align2::CENTER_CENTER, egui::vec2(0.0, -20.0))
        .show(ctx, |ui| {
            ui.set_width(420.0);
            ui.vertical_centered(|ui| {
                ui.label(RichText::new("Famulant").size(72.0).strong());
                ui.label(RichText::new(s::SUBTITLE.get(lang)).size(26.0).color(MUTED));
                ui.add_space(36.0);
                let wide = egui::vec2(300.0, 46.0);
                if can_continue
                    && ui
                        .add_sized(wide, egui::Button::new(s::CONTINUE.get(lang)))
                        .clicked()
                {
                    screen.set(Screen::Playing);
                }
                let start = ui.add_enabled(
                    ready,
                    egui::Button::new(RichText::new(s::NEW_GAME.get(lang)).strong())
                        .min_size(wide)
                        .fill(ACCENT.gamma_multiply(0.55)),
                );
                let enter = super::dialogue::pressed(ui.ctx(), egui::Key::Enter);
                if enter && can_continue {
                    screen.set(Screen::Playing);
                } else if ready && (start.clicked() || enter) {
                    new_game.write(NewGame);
                }
                if matches!(*status, ContentStatus::Loading) {
                    ui.label(RichText::new(s::LOADING.get(lang)).color(MUTED));
                }
                ui.add_space(18.0);
                ui.horizontal(|ui| {
                    ui.add_space(70.0);
                    ui.label(RichText::new(format!("{}:", s::LANGUAGE.get(lang))).color(MUTED));
                    for option in Lang::ALL {
                        if ui
                            .selectable_label(option == lang, option.native_name())
                            .clicked()
                        {
                            language.write(SetLanguage(option));
                        }
                    }
                });
                ui.add_space(18.0);
                if cfg!(not(target_arch = "wasm32"))
                    && ui
                        .add_sized(wide, egui::Button::new(s::QUIT.get(lang)))
                        .clicked()
                {
                    exit.write(AppExit::Success);
                }
                ui.add_space(28.0);
                ui.label(RichText::new(s::TITLE_KEYS.get(lang)).small().color(MUTED));
            });
        });
    Ok(())
}
