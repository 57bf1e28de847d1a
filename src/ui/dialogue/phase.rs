//! A phase of an operation under way: its name, a bar and the simulated
//! minutes, and what is said meanwhile; Space, Enter or a click finishes it.

use bevy_egui::egui::{self, RichText};

use super::frame::{dialogue_frame, keys_hint, speaker_label, spoken};
use super::{Answers, Typewriter, View};
use crate::content::Lang;
use crate::story::{Advance, ShowPhase};
use crate::ui::input::goes_on;
use crate::ui::strings as s;
use crate::ui::style::{bar, palette};

/// Draws `phase` and goes on when the player asks.
pub(super) fn phase_box(
    view: &View,
    phase: &ShowPhase,
    typewriter: &mut Typewriter,
    answers: &mut Answers,
) {
    typewriter.follow(&phase.at);
    if !view.paused {
        answers.motion.keep_moving();
    }
    let response = dialogue_frame(view.ctx, view.width, |ui| phase_body(ui, view, phase));
    if goes_on(&view.intents) || view.clicked(&response) {
        answers.advance.write(Advance);
    }
}

/// The phase's progress, its text if any, and the keys.
fn phase_body(ui: &mut egui::Ui, view: &View, phase: &ShowPhase) {
    phase_progress(ui, phase, view.lang);
    if let Some(text) = &phase.text {
        let speaker = phase.speaker.as_deref();
        speaker_label(ui, view.library, speaker, view.lang);
        ui.label(spoken(text.get(view.lang), speaker, &palette(ui.ctx())));
    }
    keys_hint(ui, s::PHASE_KEYS.get(view.lang));
}

/// The phase's name and how far it has come: a bar and simulated minutes.
fn phase_progress(ui: &mut egui::Ui, phase: &ShowPhase, lang: Lang) {
    let minutes = phase.minutes.max(1);
    let done = minutes.saturating_sub(phase.left);
    let share = done as f32 / minutes as f32;
    let look = palette(ui.ctx());
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(phase.name.get(lang))
                .size(21.0)
                .strong()
                .color(look.accent),
        );
        bar(
            ui,
            egui::vec2(ui.available_width() - 150.0, 10.0),
            share,
            look.accent,
        );
        ui.label(
            RichText::new(format!("{done} / {minutes} {}", s::SIM_MINUTES.get(lang)))
                .color(look.muted),
        );
    });
}
