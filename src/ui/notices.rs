//! What the player must not miss: a decision whose time ran out (it stays
//! on screen until the story moves on from what followed), and the
//! relationships that changed, for a few seconds each.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::dialogue::BoxTop;
use super::strings as s;
use super::style::palette;
use crate::content::{LocalizedText, NodeRef};
use crate::pacing::Motion;
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::{CurrentBeat, DecisionExpired, RelationshipChanged};

/// How long a relationship's change is shown, in seconds.
const TOAST_SECONDS: f32 = 4.5;
/// The red of an expired decision.
const EXPIRED: Color32 = Color32::from_rgb(226, 92, 80);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Notices>()
        .add_systems(OnExit(Screen::Playing), |mut notices: ResMut<Notices>| {
            *notices = Notices::default();
        })
        .add_systems(
            EguiPrimaryContextPass,
            (collect, show).chain().run_if(in_state(Screen::Playing)),
        );
}

/// The notices on screen.
#[derive(Resource, Default)]
struct Notices {
    /// The option taken when time ran out (none: the story went on without
    /// one), and the beat it led to: the notice stays while that is shown.
    expired: Option<(Option<LocalizedText>, Option<NodeRef>)>,
    /// Relationship changes with the time they came, in seconds.
    toasts: Vec<(RelationshipChanged, f32)>,
}

fn beat_at(beat: &CurrentBeat) -> Option<NodeRef> {
    match beat {
        CurrentBeat::Line(line) => Some(line.at.clone()),
        CurrentBeat::Choices(choices) => Some(choices.at.clone()),
        CurrentBeat::Phase(phase) => Some(phase.at.clone()),
        CurrentBeat::Ended(_) | CurrentBeat::Nothing => None,
    }
}

fn collect(
    mut expired: MessageReader<DecisionExpired>,
    mut changes: MessageReader<RelationshipChanged>,
    beat: Res<CurrentBeat>,
    time: Res<Time<Real>>,
    mut notices: ResMut<Notices>,
) {
    let now = beat_at(&beat);
    if let Some(last) = expired.read().last() {
        notices.expired = Some((last.taken.clone(), now.clone()));
    } else if notices.expired.as_ref().is_some_and(|(_, at)| *at != now) {
        notices.expired = None;
    }
    let elapsed = time.elapsed_secs();
    notices
        .toasts
        .retain(|(_, at)| elapsed - at < TOAST_SECONDS);
    for change in changes.read() {
        notices.toasts.push((change.clone(), elapsed));
    }
}

/// How visible a notice `age` seconds old is: whole, fading out over its
/// last second.
fn fading(age: f32) -> f32 {
    (1.0 - (age - (TOAST_SECONDS - 1.0)).max(0.0)).clamp(0.0, 1.0)
}

fn show(
    mut contexts: EguiContexts,
    notices: Res<Notices>,
    settings: Res<Settings>,
    time: Res<Time<Real>>,
    box_top: Res<BoxTop>,
    mut motion: ResMut<Motion>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (lang, look) = (settings.lang, palette(ctx));
    if let Some((taken, _)) = &notices.expired {
        let detail = match taken {
            Some(option) => s::TIME_UP_TAKEN.get(lang).replace("{}", option.get(lang)),
            None => s::TIME_UP_HESITATED.get(lang).to_owned(),
        };
        egui::Area::new(egui::Id::new("expired"))
            .anchor(Align2::CENTER_BOTTOM, egui::vec2(0.0, -(box_top.0 + 8.0)))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::new()
                    .fill(look.panel)
                    .stroke(egui::Stroke::new(look.outline.width + 1.0, EXPIRED))
                    .corner_radius(10.0)
                    .inner_margin(egui::Margin::symmetric(18, 8))
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(s::TIME_UP.get(lang)).strong().color(EXPIRED));
                            ui.label(RichText::new(detail).color(look.muted));
                        });
                    });
            });
    }
    if notices.toasts.is_empty() {
        return Ok(());
    }
    let elapsed = time.elapsed_secs();
    egui::Area::new(egui::Id::new("relationships"))
        .anchor(Align2::LEFT_BOTTOM, egui::vec2(20.0, -(box_top.0 + 12.0)))
        .show(ctx, |ui| {
            for (change, at) in &notices.toasts {
                let fade = if settings.reduced_motion {
                    1.0
                } else {
                    fading(elapsed - at)
                };
                let good = (change.delta > 0) != change.rising_is_worse;
                let colour = if good {
                    Color32::from_rgb(120, 200, 120)
                } else {
                    Color32::from_rgb(226, 120, 90)
                };
                egui::Frame::new()
                    .fill(look.panel.gamma_multiply(fade))
                    .corner_radius(8.0)
                    .inner_margin(egui::Margin::symmetric(12, 6))
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.label(
                                RichText::new(format!("{:+}", change.delta))
                                    .strong()
                                    .color(colour.gamma_multiply(fade)),
                            );
                            ui.label(
                                RichText::new(change.name.get(lang))
                                    .color(look.text.gamma_multiply(fade)),
                            );
                        });
                    });
                ui.add_space(4.0);
            }
        });
    motion.keep_moving();
    Ok(())
}
