//! The pause menu on Escape: the story's clock stops while it is open.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::strings as s;
use super::style::{bar, palette};
use crate::content::{Lang, Value};
use crate::screen::Screen;
use crate::settings::{ChangeSetting, EdgeSmoothing, Setting, Settings, TimerMode, VolumeOf};
use crate::story::Story;

/// Whether the pause menu is open.
#[derive(Resource, Default)]
pub struct PauseMenu {
    /// Open or not.
    pub open: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PauseMenu>()
        .add_systems(OnExit(Screen::Playing), close)
        .add_systems(
            EguiPrimaryContextPass,
            pause_menu.run_if(in_state(Screen::Playing)),
        );
}

fn close(mut menu: ResMut<PauseMenu>, mut time: ResMut<Time<Virtual>>) {
    menu.open = false;
    time.unpause();
}

/// Where the pause menu leads out of the game.
#[derive(SystemParam)]
struct Exits<'w> {
    screen: ResMut<'w, NextState<Screen>>,
    quit: MessageWriter<'w, AppExit>,
}

fn pause_menu(
    mut contexts: EguiContexts,
    mut menu: ResMut<PauseMenu>,
    mut time: ResMut<Time<Virtual>>,
    settings: Res<Settings>,
    mut changes: MessageWriter<ChangeSetting>,
    mut exits: Exits,
    story: Res<Story>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        menu.open = !menu.open;
    }
    if menu.open != time.is_paused() {
        if menu.open {
            time.pause();
        } else {
            time.unpause();
        }
    }
    if !menu.open {
        return Ok(());
    }
    let (lang, look) = (settings.lang, palette(ctx));
    egui::Area::new(egui::Id::new("pause"))
        .anchor(Align2::CENTER_CENTER, egui::vec2(0.0, -20.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(look.panel)
                .stroke(look.outline)
                .corner_radius(14.0)
                .inner_margin(egui::Margin::same(28))
                .show(ui, |ui| {
                    ui.set_width(320.0);
                    ui.vertical_centered(|ui| {
                        ui.heading(s::PAUSED.get(lang));
                        ui.add_space(12.0);
                        if wide_button(ui, s::RESUME.get(lang)) {
                            menu.open = false;
                        }
                        settings_controls(ui, &settings, &mut changes);
                        exit_buttons(ui, lang, &mut exits);
                    });
                });
        });
    team(ctx, &story, lang);
    Ok(())
}

/// A button as wide as the menu; whether it was clicked.
fn wide_button(ui: &mut egui::Ui, label: &str) -> bool {
    ui.add_sized(egui::vec2(260.0, 42.0), egui::Button::new(label))
        .clicked()
}

/// The language, the decision time, the alarms, the edges and the volumes.
fn settings_controls(
    ui: &mut egui::Ui,
    settings: &Settings,
    changes: &mut MessageWriter<ChangeSetting>,
) {
    let lang = settings.lang;
    ui.horizontal(|ui| {
        ui.add_space(40.0);
        for option in Lang::ALL {
            if ui
                .selectable_label(option == lang, option.native_name())
                .clicked()
            {
                changes.write(ChangeSetting(Setting::Language(option)));
            }
        }
    });
    let labels = [s::TIMERS_NORMAL, s::TIMERS_RELAXED, s::TIMERS_OFF];
    let modes = TimerMode::ALL.into_iter().zip(labels);
    if let Some(mode) = one_of(ui, s::TIMERS, modes, settings.timers, lang) {
        changes.write(ChangeSetting(Setting::Timers(mode)));
    }
    let mut flash = settings.flash_alarms;
    if ui.checkbox(&mut flash, s::FLASH_ALARMS.get(lang)).changed() {
        changes.write(ChangeSetting(Setting::FlashAlarms(flash)));
    }
    let labels = [s::EDGES_AUTO, s::ON, s::OFF];
    let choices = EdgeSmoothing::ALL.into_iter().zip(labels);
    if let Some(edges) = one_of(ui, s::SMOOTH_EDGES, choices, settings.edges, lang) {
        changes.write(ChangeSetting(Setting::Edges(edges)));
    }
    for (which, label) in [
        (VolumeOf::All, s::VOLUME),
        (VolumeOf::Monitor, s::MONITOR_VOLUME),
        (VolumeOf::Ambience, s::AMBIENCE_VOLUME),
    ] {
        let mut level = settings.volume_of(which);
        let slider = egui::Slider::new(&mut level, 0.0..=1.0)
            .show_value(false)
            .text(label.get(lang));
        // Saved when let go, not on every frame of a drag.
        let response = ui.add(slider);
        if response.drag_stopped() || (response.changed() && !response.dragged()) {
            changes.write(ChangeSetting(Setting::Volume(which, level)));
        }
    }
}

/// Back to the title, and (on the desktop) quit.
fn exit_buttons(ui: &mut egui::Ui, lang: Lang, exits: &mut Exits) {
    if wide_button(ui, s::TO_TITLE.get(lang)) {
        exits.screen.set(Screen::Title);
    }
    if cfg!(not(target_arch = "wasm32")) && wide_button(ui, s::QUIT.get(lang)) {
        exits.quit.write(AppExit::Success);
    }
}

/// Beside the menu: the relationships as they stand, each a bar from its
/// lowest to its highest value.
fn team(ctx: &egui::Context, story: &Story, lang: Lang) {
    let (Some(library), Some(state)) = (story.library(), story.state()) else {
        return;
    };
    if library.relationships.is_empty() {
        return;
    }
    let look = palette(ctx);
    egui::Area::new(egui::Id::new("team"))
        .anchor(Align2::RIGHT_CENTER, egui::vec2(-24.0, -20.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(look.panel)
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

/// A setting with a few values: its name, then the values in a row, the
/// current one selected. Returns the value clicked.
fn one_of<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    name: s::Tr,
    choices: impl IntoIterator<Item = (T, s::Tr)>,
    current: T,
    lang: Lang,
) -> Option<T> {
    ui.label(RichText::new(name.get(lang)).small());
    ui.horizontal(|ui| {
        let mut picked = None;
        for (value, label) in choices {
            if ui
                .selectable_label(current == value, label.get(lang))
                .clicked()
            {
                picked = Some(value);
            }
        }
        picked
    })
    .inner
}
