//! Problems in the scene files, a story that cannot go on, or pictures
//! that cannot be drawn, shown on top of every screen until they are
//! fixed: modders see file, line and column without looking at a terminal.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::strings as s;
use super::style::palette;
use crate::content::{ContentStatus, Severity};
use crate::settings::Settings;
use crate::story::Story;
use crate::world::ArtProblems;

const ERROR: Color32 = Color32::from_rgb(240, 110, 100);
const WARNING: Color32 = Color32::from_rgb(235, 190, 90);
/// The panel is opaque: nothing behind it may blur the messages.
const OPAQUE: Color32 = Color32::from_rgb(18, 24, 33);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, problems);
}

fn problems(
    mut contexts: EguiContexts,
    status: Res<ContentStatus>,
    story: Res<Story>,
    settings: Res<Settings>,
    art: Res<ArtProblems>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    let (title, lines): (_, Vec<(Color32, String)>) = match (&*status, &story.fault()) {
        (ContentStatus::Broken(diagnostics), _) => (
            s::CONTENT_ERRORS.get(lang),
            diagnostics
                .iter()
                .map(|d| {
                    let colour = if d.severity == Severity::Error {
                        ERROR
                    } else {
                        WARNING
                    };
                    (colour, d.to_string())
                })
                .collect(),
        ),
        (_, Some(fault)) => (s::STORY_FAULT.get(lang), vec![(ERROR, fault.clone())]),
        _ if !art.0.is_empty() => (
            s::ART_ERRORS.get(lang),
            art.0.iter().map(|(_, d)| (ERROR, d.to_string())).collect(),
        ),
        _ => return Ok(()),
    };
    let width = (ctx.content_rect().width() - 80.0).min(1000.0);
    egui::Area::new(egui::Id::new("problems"))
        .anchor(Align2::CENTER_BOTTOM, egui::vec2(0.0, -24.0))
        .order(egui::Order::Tooltip)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(OPAQUE)
                .stroke(egui::Stroke::new(2.0, ERROR))
                .corner_radius(12.0)
                .inner_margin(egui::Margin::same(22))
                .show(ui, |ui| {
                    ui.set_width(width);
                    ui.label(RichText::new(title).heading().color(ERROR));
                    ui.label(
                        RichText::new(s::CONTENT_ERRORS_HELP.get(lang))
                            .color(palette(ui.ctx()).muted),
                    );
                    ui.separator();
                    egui::ScrollArea::vertical()
                        .max_height(440.0)
                        .show(ui, |ui| {
                            for (colour, line) in lines {
                                ui.label(RichText::new(line).monospace().color(colour));
                            }
                        });
                });
        });
    Ok(())
}
