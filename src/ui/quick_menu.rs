//! The quick menu under the story: small buttons over the dialogue box for
//! what the keys do (back, history, skip, auto, save, load, menu), so that
//! a mouse or a finger reaches them too. Skip and auto are lit while on.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::dialogue::{BoxTop, box_width};
use super::menu::{Menu, Page};
use super::strings as s;
use super::style::{Palette, palette};
use crate::content::Lang;
use crate::pacing::Motion;
use crate::reading::{Reading, ReadingRequest};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::RollBack;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        quick_menu.run_if(in_state(Screen::Playing)),
    );
}

/// A button of the quick menu: back a line, the history, skip and auto on
/// or off, the Save and Load screens, the pause menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Button {
    Back,
    History,
    Skip,
    Auto,
    Save,
    Load,
    Menu,
}

/// The buttons, left to right.
const BUTTONS: [Button; 7] = [
    Button::Back,
    Button::History,
    Button::Skip,
    Button::Auto,
    Button::Save,
    Button::Load,
    Button::Menu,
];

impl Button {
    /// What the button says.
    fn label(self) -> s::Tr {
        match self {
            Button::Back => s::QUICK_BACK,
            Button::History => s::HISTORY,
            Button::Skip => s::QUICK_SKIP,
            Button::Auto => s::QUICK_AUTO,
            Button::Save => s::SAVE,
            Button::Load => s::LOAD,
            Button::Menu => s::QUICK_MENU,
        }
    }

    /// Whether the button shows a mode that is on.
    fn lit(self, reading: &Reading) -> bool {
        match self {
            Button::Skip => reading.skip_on,
            Button::Auto => reading.auto,
            _ => false,
        }
    }
}

/// What the quick menu asks for.
#[derive(SystemParam)]
struct QuickAnswers<'w> {
    menu: ResMut<'w, Menu>,
    rollback: MessageWriter<'w, RollBack>,
    reading: MessageWriter<'w, ReadingRequest>,
}

impl QuickAnswers<'_> {
    /// Does what `button` asks.
    fn press(&mut self, button: Button) {
        match button {
            Button::Back => {
                self.rollback.write(RollBack::Step);
            }
            Button::Skip => {
                self.reading.write(ReadingRequest::ToggleSkip);
            }
            Button::Auto => {
                self.reading.write(ReadingRequest::ToggleAuto);
            }
            Button::History => self.menu.open(Page::History),
            Button::Save => self.menu.open(Page::Save),
            Button::Load => self.menu.open(Page::Load),
            Button::Menu => self.menu.open(Page::Pause),
        }
    }
}

/// Draws the quick menu over the dialogue box's top right edge while no
/// menu page is open; while skip or auto is on, the game keeps drawing,
/// so that lines go on without input.
fn quick_menu(
    mut contexts: EguiContexts,
    mut answers: QuickAnswers,
    reading: Res<Reading>,
    settings: Res<Settings>,
    box_top: Res<BoxTop>,
    mut motion: ResMut<Motion>,
) -> Result {
    if reading.auto || reading.skipping() {
        motion.keep_moving();
    }
    if answers.menu.is_open() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let (lang, look) = (settings.lang, palette(ctx));
    let screen = ctx.content_rect();
    // On the box's top edge, flush with its right end.
    let right = (screen.width() - box_width(screen)) / 2.0 + 16.0;
    let pressed = egui::Area::new(egui::Id::new("quick-menu"))
        .anchor(Align2::RIGHT_BOTTOM, egui::vec2(-right, -(box_top.0 - 1.0)))
        .order(egui::Order::Middle)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(look.panel)
                .stroke(look.outline)
                .corner_radius(egui::CornerRadius {
                    nw: 8,
                    ne: 8,
                    sw: 0,
                    se: 0,
                })
                .inner_margin(egui::Margin::symmetric(8, 2))
                .show(ui, |ui| buttons(ui, &reading, &look, lang))
                .inner
        })
        .inner;
    if let Some(button) = pressed {
        answers.press(button);
    }
    Ok(())
}

/// The buttons in a row, skip and auto lit while on; the one clicked.
fn buttons(ui: &mut egui::Ui, reading: &Reading, look: &Palette, lang: Lang) -> Option<Button> {
    ui.spacing_mut().item_spacing.x = 2.0;
    ui.horizontal(|ui| {
        let mut pressed = None;
        for button in BUTTONS {
            let text = RichText::new(button.label().get(lang)).small();
            let text = if button.lit(reading) {
                text.color(look.accent).strong()
            } else {
                text.color(look.text)
            };
            if ui.add(egui::Button::new(text).frame(false)).clicked() {
                pressed = Some(button);
            }
        }
        pressed
    })
    .inner
}
