//! The theatre's checklist: in a scene with an operation, the steps of its
//! phases as a row of dots under the room's name (done, running with its
//! progress, or to come) and the step running or next; all on hover.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::strings as s;
use super::style::palette;
use crate::content::{Lang, Library, LocalizedText, NodeDef, PhaseDef};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::{CurrentBeat, Story, StoryState};

/// The green of a finished step.
const DONE: Color32 = Color32::from_rgb(120, 200, 120);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        checklist.run_if(in_state(Screen::Playing)),
    );
}

/// How a step of the checklist stands.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Done,
    /// Running, with the share done.
    Running(f32),
    ToCome,
}

/// The checklist's steps: one per phase name, in order; alternatives that
/// never ran are left out.
fn steps<'a>(
    library: &Library,
    phases: &'a [PhaseDef],
    state: &StoryState,
    current: &CurrentBeat,
) -> Vec<(&'a LocalizedText, Step)> {
    let shown = state.phase.as_ref().and_then(|running| {
        let CurrentBeat::Phase(shown) = current else {
            return None;
        };
        let share = 1.0 - shown.left as f32 / shown.minutes.max(1) as f32;
        Some((running.at.clone(), shown.name.clone(), share))
    });
    // While an alarm's interrupt runs, the phase it broke into still counts
    // as running, where it stopped.
    let paused = state.interrupted_phase.as_ref().and_then(|paused| {
        let Some(NodeDef::Phase { phase, .. }) = library.node(&paused.at) else {
            return None;
        };
        let def = library.phase(&paused.at.scene, phase)?;
        let share = 1.0 - paused.left as f32 / def.minutes.max(1) as f32;
        Some((paused.at.clone(), def.name.clone(), share))
    });
    let running = shown.or(paused);
    let mut out: Vec<(&LocalizedText, Step)> = Vec::new();
    for phase in phases {
        let done = state.phases_done.contains(&phase.id);
        let step = match &running {
            Some((_, name, share)) if *name == phase.name => Step::Running(*share),
            _ if done => Step::Done,
            _ if phase.optional => continue,
            _ => Step::ToCome,
        };
        match out.iter_mut().find(|(name, _)| **name == phase.name) {
            // One step for alternatives of the same name: the best news wins.
            Some((_, existing)) => {
                if *existing == Step::ToCome {
                    *existing = step;
                }
            }
            None => out.push((&phase.name, step)),
        }
    }
    out
}

/// Where the checklist begins, under the room's card, in points.
pub(super) const CHECKLIST_TOP: f32 = 96.0;

fn checklist(
    mut contexts: EguiContexts,
    story: Res<Story>,
    current: Res<CurrentBeat>,
    settings: Res<Settings>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (Some(library), Some(state), Some(scene)) = (story.library(), story.state(), story.scene())
    else {
        return Ok(());
    };
    if scene.def.phases.is_empty() {
        return Ok(());
    }
    let lang: Lang = settings.lang;
    let look = palette(ctx);
    let steps = steps(library, &scene.def.phases, state, &current);
    let done = steps.iter().filter(|(_, step)| *step == Step::Done).count();
    // The step running, else the next to come, else the last.
    let focus = steps
        .iter()
        .find(|(_, step)| matches!(step, Step::Running(_)))
        .or_else(|| steps.iter().find(|(_, step)| *step == Step::ToCome))
        .or(steps.last());
    // Compact, under the room's name, above the heads of the cast; the
    // whole list on hover.
    egui::Area::new(egui::Id::new("checklist"))
        .anchor(Align2::LEFT_TOP, egui::vec2(20.0, CHECKLIST_TOP))
        .show(ctx, |ui| {
            let response = egui::Frame::new()
                .fill(look.panel)
                .stroke(look.outline)
                .corner_radius(10.0)
                .inner_margin(egui::Margin::symmetric(14, 8))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} · {done}/{}",
                            s::CHECKLIST.get(lang),
                            steps.len()
                        ))
                        .small()
                        .color(look.muted),
                    );
                    ui.horizontal(|ui| {
                        ui.spacing_mut().item_spacing.x = 6.0;
                        for (_, step) in &steps {
                            dot(ui, *step);
                        }
                    });
                    if let Some((name, step)) = focus {
                        let text = RichText::new(name.get(lang)).small();
                        ui.label(match step {
                            Step::Running(_) => text.strong().color(look.accent),
                            _ => text.color(look.muted),
                        });
                    }
                })
                .response;
            response.on_hover_ui(|ui| {
                for (name, step) in &steps {
                    ui.horizontal(|ui| {
                        dot(ui, *step);
                        ui.label(RichText::new(name.get(lang)).small());
                    });
                }
            });
        });
    Ok(())
}

/// One step as a dot: filled green when done, a ring filling with its
/// progress while it runs, an empty ring to come.
fn dot(ui: &mut egui::Ui, step: Step) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    let centre = rect.center();
    let painter = ui.painter();
    let look = palette(ui.ctx());
    match step {
        Step::Done => {
            painter.circle_filled(centre, 6.0, DONE);
        }
        Step::Running(share) => {
            painter.circle_stroke(centre, 6.0, egui::Stroke::new(2.0, look.accent));
            painter.circle_filled(centre, 6.0 * share.clamp(0.25, 1.0), look.accent);
        }
        Step::ToCome => {
            painter.circle_stroke(centre, 6.0, egui::Stroke::new(1.0, look.muted));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{NodeRef, load_dir};
    use crate::patient::Case;
    use crate::story::RunningPhase;

    #[test]
    fn a_phase_an_alarm_broke_into_still_counts_as_running() {
        let scenes = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenes");
        let library = load_dir(&scenes, "scenes").library.expect("shipped scenes");
        let mut patient = Case::new();
        let mut state = StoryState::new(&library, &mut patient).unwrap();
        let phases = &library.scene("ch3_theatre").unwrap().def.phases;
        let induction = |steps: &[(&LocalizedText, Step)]| {
            steps
                .iter()
                .find(|(name, _)| name.en.as_deref() == Some("Induction"))
                .map(|(_, step)| *step)
        };
        let before = steps(&library, phases, &state, &CurrentBeat::Nothing);
        assert_eq!(induction(&before), Some(Step::ToCome));
        // Induction (10 minutes) stopped with 5 to go by the pressure alarm.
        state.interrupted_phase = Some(RunningPhase {
            at: NodeRef::new("ch3_theatre", "t_induction"),
            left: 5,
        });
        let paused = steps(&library, phases, &state, &CurrentBeat::Nothing);
        assert_eq!(induction(&paused), Some(Step::Running(0.5)));
    }
}
