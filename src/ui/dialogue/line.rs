//! A line: the speaker's portrait and name, and the line typed out; Space,
//! Enter or a click completes it, and once complete goes on.

use bevy_egui::egui;

use super::frame::{dialogue_frame, keys_hint, speaker_label, spoken};
use super::{Answers, Typewriter, View};
use crate::story::{Advance, ShowLine};
use crate::ui::input::goes_on;
use crate::ui::portrait::speaker_portrait;
use crate::ui::strings as s;
use crate::ui::style::palette;

impl Typewriter {
    /// Types `chars` more characters of a line `total` long.
    fn type_on(&mut self, chars: f32, total: f32) {
        self.chars = (self.chars + chars).min(total);
    }

    /// The part of `text` typed out so far.
    fn typed(&self, text: &str) -> String {
        text.chars().take(self.chars as usize).collect()
    }
}

/// Draws `line` as far as it is typed out, and completes it or goes on when
/// the player asks.
pub(super) fn line_box(
    view: &View,
    line: &ShowLine,
    typewriter: &mut Typewriter,
    answers: &mut Answers,
) {
    typewriter.follow(&line.at);
    typewriter.last_line = Some(line.clone());
    let text = line.text.get(view.lang);
    let total = text.chars().count() as f32;
    if !view.paused {
        typewriter.type_on(view.typing, total);
    }
    let done = typewriter.chars >= total;
    let shown = typewriter.typed(text);
    let response = dialogue_frame(view.ctx, view.width, |ui| {
        line_body(ui, view, line, shown, done);
    });
    if !done && !view.paused {
        answers.motion.keep_moving();
    }
    if goes_on(&view.intents) || view.clicked(&response) {
        if done {
            answers.advance.write(Advance);
        } else {
            typewriter.chars = total;
        }
    }
}

/// The portrait beside the name and the `shown` part of the line; the hint
/// to go on once the line is `done`.
fn line_body(ui: &mut egui::Ui, view: &View, line: &ShowLine, shown: String, done: bool) {
    let speaker = line.speaker.as_deref();
    ui.horizontal_top(|ui| {
        speaker_portrait(ui, view.story, speaker);
        ui.vertical(|ui| {
            speaker_label(ui, view.library, speaker, view.lang);
            ui.label(spoken(shown, speaker, &palette(ui.ctx())));
            if done {
                keys_hint(ui, s::LINE_KEYS.get(view.lang));
            }
        });
    });
}
