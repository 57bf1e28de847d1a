//! The dialogue box: the speaker's name in their colour, the line typed out,
//! choices numbered 1–9 with a countdown bar, and the end of the chapter.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::monitor::bedside_bottom;
use super::pause::PauseMenu;
use super::portrait::speaker_portrait;
use super::strings as s;
use super::style::{ACCENT, MUTED, PANEL_FILL, bar, cramped};
use crate::content::{ContentStatus, Lang, Library, MonitorView, NodeRef, parse_color};
use crate::pacing::Motion;
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::{
    Advance, ChoiceMade, Countdown, CurrentBeat, OfferedOption, ShowLine, ShowPhase, Story,
};

/// The widest the dialogue box grows, in points.
const BOX_WIDTH: f32 = 1100.0;
/// The dialogue box's height, in points.
pub(super) const BOX_HEIGHT: f32 = 190.0;
/// The gap below the dialogue box, in points.
pub(super) const BOX_BOTTOM: f32 = 24.0;
/// How far above the window's bottom the dialogue box reaches, in points:
/// taller while a choice is open. Notices keep above it.
#[derive(Resource, Debug)]
pub(super) struct BoxTop(pub f32);

impl Default for BoxTop {
    fn default() -> Self {
        Self(BOX_BOTTOM + BOX_HEIGHT)
    }
}

/// The most seconds of typing one frame counts.
const MAX_TYPING_STEP: f32 = 0.1;

/// Options stand two to a row when the box's inside is this wide.
const MIN_TWO_COLUMNS: f32 = 800.0;
/// The space between options side by side.
const OPTION_GAP: f32 = 12.0;
/// An option's height, in points: on a small screen (a phone) large enough
/// for a finger, about 44 px.
fn option_height(ctx: &egui::Context) -> f32 {
    if cramped(ctx) { 58.0 } else { 44.0 }
}

/// An option not highlighted: a little lighter than the box.
const OPTION_FILL: Color32 = Color32::from_rgb(50, 58, 68);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Typewriter>()
        .init_resource::<BoxTop>()
        .add_systems(
            OnExit(Screen::Playing),
            |mut typewriter: ResMut<Typewriter>| {
                *typewriter = Typewriter::default();
            },
        )
        .add_systems(
            EguiPrimaryContextPass,
            dialogue_box.run_if(in_state(Screen::Playing)),
        );
}

/// How much of the current line is typed out, which option the keyboard
/// has highlighted, and the last line, which stays in the box under a
/// choice that asks no question of its own.
#[derive(Resource, Default)]
struct Typewriter {
    at: Option<NodeRef>,
    chars: f32,
    highlighted: usize,
    last_line: Option<ShowLine>,
    /// Whether the options' medical hints are shown (H toggles).
    hints: bool,
}

impl Typewriter {
    /// Starts over when the story moved to another node.
    fn follow(&mut self, at: &NodeRef) {
        if self.at.as_ref() != Some(at) {
            self.at = Some(at.clone());
            self.chars = 0.0;
            self.highlighted = 0;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn dialogue_box(
    mut contexts: EguiContexts,
    beat: Res<CurrentBeat>,
    story: Res<Story>,
    settings: Res<Settings>,
    pause: Res<PauseMenu>,
    status: Res<ContentStatus>,
    time: Res<Time<Real>>,
    mut typewriter: ResMut<Typewriter>,
    mut box_top: ResMut<BoxTop>,
    mut advance: MessageWriter<Advance>,
    mut choose: MessageWriter<ChoiceMade>,
    mut screen: ResMut<NextState<Screen>>,
    mut motion: ResMut<Motion>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    box_top.0 = BOX_BOTTOM + BOX_HEIGHT;
    let Some(library) = story.library() else {
        return Ok(());
    };
    let lang = settings.lang;
    // Input counts only while nothing covers the box: no pause menu, no
    // error panel.
    let live = !pause.open && status.library().is_some() && story.fault().is_none();
    let screen_rect = ctx.content_rect();
    let width = (screen_rect.width() - 48.0).min(BOX_WIDTH);
    place_card(ctx, library, &story, lang);

    match &*beat {
        CurrentBeat::Nothing => {}
        CurrentBeat::Line(line) => {
            typewriter.follow(&line.at);
            typewriter.last_line = Some(line.clone());
            let text = line.text.get(lang);
            let total = text.chars().count() as f32;
            if !pause.open {
                // A long frame (the first after the game slept) types no
                // more than a short one.
                let step = time.delta_secs().min(MAX_TYPING_STEP);
                typewriter.chars = (typewriter.chars + step * settings.text_speed).min(total);
            }
            let done = typewriter.chars >= total;
            let shown: String = text.chars().take(typewriter.chars as usize).collect();
            let response = dialogue_frame(ctx, width, |ui| {
                ui.horizontal_top(|ui| {
                    speaker_portrait(ui, &story, line.speaker.as_deref());
                    ui.vertical(|ui| {
                        speaker_label(ui, library, line.speaker.as_deref(), lang);
                        let body = RichText::new(shown);
                        ui.label(if line.speaker.is_some() {
                            body
                        } else {
                            body.italics().color(MUTED)
                        });
                        if done {
                            // The hint to go on, once the line is complete.
                            ui.with_layout(egui::Layout::bottom_up(egui::Align::Max), |ui| {
                                let hint = RichText::new(s::LINE_KEYS.get(lang)).small();
                                ui.label(hint.color(MUTED));
                            });
                        }
                    });
                });
            });
            if !done && !pause.open {
                motion.keep_moving();
            }
            let pressed =
                live && (pressed(ctx, egui::Key::Space) || pressed(ctx, egui::Key::Enter));
            if pressed || (live && response.clicked()) {
                if done {
                    advance.write(Advance);
                } else {
                    typewriter.chars = total;
                }
            }
        }
        CurrentBeat::Phase(phase) => {
            typewriter.follow(&phase.at);
            if !pause.open {
                motion.keep_moving();
            }
            let response = dialogue_frame(ctx, width, |ui| {
                phase_progress(ui, phase, lang);
                if let Some(text) = &phase.text {
                    speaker_label(ui, library, phase.speaker.as_deref(), lang);
                    let body = RichText::new(text.get(lang));
                    ui.label(if phase.speaker.is_some() {
                        body
                    } else {
                        body.italics().color(MUTED)
                    });
                }
                ui.with_layout(egui::Layout::bottom_up(egui::Align::Max), |ui| {
                    ui.label(RichText::new(s::PHASE_KEYS.get(lang)).small().color(MUTED));
                });
            });
            let pressed =
                live && (pressed(ctx, egui::Key::Space) || pressed(ctx, egui::Key::Enter));
            if pressed || (live && response.clicked()) {
                advance.write(Advance);
            }
        }
        CurrentBeat::Choices(show) => {
            typewriter.follow(&show.at);
            let count = show.options.len();
            let has_hints = show.options.iter().any(|o| o.hint.is_some());
            // The options are in the box, under the prompt, two to a row
            // where there is room: the box grows over the floor and leaves
            // the faces in the room free.
            let inner = width - 56.0;
            let columns = if count > 1 && inner >= MIN_TWO_COLUMNS {
                2
            } else {
                1
            };
            if live && has_hints && pressed(ctx, egui::Key::H) {
                typewriter.hints = !typewriter.hints;
            }
            let mut picked_by_key = None;
            if live {
                let picked = ctx.input(|i| {
                    // Down and up go by rows, right and left by options.
                    let n = count.max(1);
                    for (key, step) in [
                        (egui::Key::ArrowDown, columns),
                        (egui::Key::ArrowUp, n - columns % n),
                        (egui::Key::ArrowRight, 1),
                        (egui::Key::ArrowLeft, n - 1),
                    ] {
                        if i.key_pressed(key) {
                            typewriter.highlighted = (typewriter.highlighted + step) % n;
                        }
                    }
                    let by_number = NUMBER_KEYS
                        .iter()
                        .take(count)
                        .position(|key| pressed_in(i, *key));
                    by_number.or_else(|| {
                        pressed_in(i, egui::Key::Enter).then_some(typewriter.highlighted)
                    })
                });
                picked_by_key = picked
                    .and_then(|i| show.options.get(i))
                    .map(|o| o.id.clone());
            }
            let mut clicked = None;
            let mut toggle = false;
            // Beside the full bedside monitor the box keeps below it; long
            // options (with hints) scroll.
            let bedside = story
                .state()
                .and_then(|state| library.scene(&state.cursor.scene))
                .filter(|scene| scene.def.monitor == MonitorView::Bedside);
            let tallest = match bedside {
                Some(scene) => {
                    screen_rect.height()
                        - BOX_BOTTOM
                        - bedside_bottom(screen_rect, &scene.def)
                        - 12.0
                }
                None => screen_rect.height() * 0.75,
            };
            let response = box_area(ctx, "choice box", |ui| {
                ui.set_width(inner);
                ui.set_min_height(BOX_HEIGHT - 36.0);
                if let Some(timer) = story.countdown() {
                    if !pause.open {
                        motion.keep_moving();
                    }
                    countdown(ui, timer, lang);
                }
                match (&show.prompt, &typewriter.last_line) {
                    (Some(prompt), _) => {
                        speaker_label(ui, library, show.speaker.as_deref(), lang);
                        ui.label(prompt.get(lang));
                    }
                    (None, Some(line)) => {
                        speaker_label(ui, library, line.speaker.as_deref(), lang);
                        ui.label(line.text.get(lang));
                    }
                    (None, None) => speaker_label(ui, library, show.speaker.as_deref(), lang),
                }
                ui.add_space(8.0);
                // What the box holds besides the options: margins, the
                // countdown, the prompt, the keys.
                let around = 36.0 + 110.0;
                egui::ScrollArea::vertical()
                    .max_height((tallest - around).max(120.0))
                    .show(ui, |ui| {
                        clicked = option_grid(ui, &show.options, columns, &typewriter, lang);
                    });
                // A row of its own height (a centred layout would take all
                // the height left and keep the box from shrinking).
                let row = egui::vec2(ui.available_width(), 0.0);
                let keys = egui::Layout::right_to_left(egui::Align::Center);
                ui.allocate_ui_with_layout(row, keys, |ui| {
                    ui.label(RichText::new(s::CHOICE_KEYS.get(lang)).small().color(MUTED));
                    if has_hints {
                        let label = if typewriter.hints {
                            s::HIDE_HINTS
                        } else {
                            s::SHOW_HINTS
                        };
                        toggle = ui.small_button(label.get(lang)).clicked();
                    }
                });
            });
            box_top.0 = screen_rect.bottom() - response.rect.top();
            if toggle && live {
                typewriter.hints = !typewriter.hints;
            }
            if let Some(option) = picked_by_key.or(clicked.filter(|_| live)) {
                choose.write(ChoiceMade {
                    at: show.at.clone(),
                    option,
                });
            }
        }
        CurrentBeat::Ended(_) => {
            let mut back = false;
            dialogue_frame(ctx, width, |ui| {
                ui.vertical_centered(|ui| {
                    ui.add_space(12.0);
                    ui.heading(s::END_OF_CHAPTER.get(lang));
                    ui.label(
                        RichText::new(s::TO_BE_CONTINUED.get(lang))
                            .italics()
                            .color(MUTED),
                    );
                    ui.add_space(10.0);
                    back = ui.button(s::TO_TITLE.get(lang)).clicked();
                });
            });
            if live && (back || pressed(ctx, egui::Key::Enter)) {
                screen.set(Screen::Title);
            }
        }
    }
    Ok(())
}

/// Whether `key` went down this frame; a held key's repeats do not count,
/// so holding Enter through lines cannot pick an option.
pub(super) fn pressed(ctx: &egui::Context, key: egui::Key) -> bool {
    ctx.input(|i| pressed_in(i, key))
}

fn pressed_in(input: &egui::InputState, key: egui::Key) -> bool {
    input.events.iter().any(|event| {
        matches!(event, egui::Event::Key { key: k, pressed: true, repeat: false, .. } if *k == key)
    })
}

const NUMBER_KEYS: [egui::Key; 9] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];

/// The box at the bottom of the screen, as tall as [`BOX_HEIGHT`]; returns
/// its response, clickable.
fn dialogue_frame(
    ctx: &egui::Context,
    width: f32,
    add: impl FnOnce(&mut egui::Ui),
) -> egui::Response {
    box_area(ctx, "dialogue", |ui| {
        ui.set_width(width - 56.0);
        ui.set_height(BOX_HEIGHT - 36.0);
        ui.vertical(add);
    })
    .interact(egui::Sense::click())
}

/// The box's frame at the bottom of the screen, around what `add` puts in;
/// it grows upwards with its content.
fn box_area(ctx: &egui::Context, id: &str, add: impl FnOnce(&mut egui::Ui)) -> egui::Response {
    egui::Area::new(egui::Id::new(id))
        .anchor(Align2::CENTER_BOTTOM, egui::vec2(0.0, -BOX_BOTTOM))
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(PANEL_FILL)
                .corner_radius(14.0)
                .stroke(egui::Stroke::new(1.0, Color32::from_white_alpha(28)))
                .inner_margin(egui::Margin::symmetric(28, 18))
                .show(ui, add)
                .response
        })
        .inner
}

/// The speaker's name in the character's colour, with their role.
fn speaker_label(ui: &mut egui::Ui, library: &Library, speaker: Option<&str>, lang: Lang) {
    let Some(id) = speaker else {
        ui.add_space(4.0);
        return;
    };
    let character = library.characters.get(id);
    let colour = character
        .and_then(|c| parse_color(&c.color))
        .map_or(ACCENT, |[r, g, b]| Color32::from_rgb(r, g, b));
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(library.character_name(id, lang))
                .size(23.0)
                .strong()
                .color(colour),
        );
        if let Some(c) = character {
            ui.label(RichText::new(c.role.get(lang)).small().color(MUTED));
        }
    });
}

/// One numbered option; returns whether it was clicked.
/// The options, `columns` to a row, each with its hint when hints are
/// shown; returns the id of the option clicked.
fn option_grid(
    ui: &mut egui::Ui,
    options: &[OfferedOption],
    columns: usize,
    typewriter: &Typewriter,
    lang: Lang,
) -> Option<String> {
    let column = (ui.available_width() - OPTION_GAP * (columns - 1) as f32) / columns as f32;
    let mut clicked = None;
    for (row, options) in options.chunks(columns).enumerate() {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = OPTION_GAP;
            for (k, option) in options.iter().enumerate() {
                let i = row * columns + k;
                ui.vertical(|ui| {
                    ui.set_width(column);
                    let lit = i == typewriter.highlighted;
                    if option_button(ui, i, option, lang, lit, column) {
                        clicked = Some(option.id.clone());
                    }
                    if let Some(hint) = option.hint.as_ref().filter(|_| typewriter.hints) {
                        ui.label(RichText::new(hint.get(lang)).small().italics().color(MUTED));
                    }
                });
            }
        });
    }
    clicked
}

fn option_button(
    ui: &mut egui::Ui,
    index: usize,
    option: &OfferedOption,
    lang: Lang,
    highlighted: bool,
    width: f32,
) -> bool {
    let fill = if highlighted {
        ACCENT.gamma_multiply(0.7)
    } else {
        OPTION_FILL
    };
    let text = RichText::new(format!("{}   {}", index + 1, option.text.get(lang)));
    let button = egui::Button::new(text)
        .fill(fill)
        .corner_radius(10.0)
        .stroke(egui::Stroke::new(
            1.0,
            if highlighted {
                ACCENT
            } else {
                Color32::from_white_alpha(40)
            },
        ))
        .min_size(egui::vec2(width, option_height(ui.ctx())));
    ui.add(button).clicked()
}

/// The countdown bar: full and calm at first, red and short at the end.
fn countdown(ui: &mut egui::Ui, timer: &Countdown, lang: Lang) {
    let left = timer.fraction_left();
    let colour = Color32::from_rgb(
        (90.0 + 150.0 * (1.0 - left)) as u8,
        (190.0 * left + 40.0) as u8,
        80,
    );
    ui.horizontal(|ui| {
        bar(
            ui,
            egui::vec2(ui.available_width() - 80.0, 10.0),
            left,
            colour,
        );
        ui.label(
            RichText::new(format!(
                "{:.0} {}",
                timer.remaining.max(0.0).ceil(),
                s::SECONDS_LEFT.get(lang)
            ))
            .strong()
            .color(colour),
        );
    });
}

/// The phase's name and how far it has come: a bar and simulated minutes.
fn phase_progress(ui: &mut egui::Ui, phase: &ShowPhase, lang: Lang) {
    let minutes = phase.minutes.max(1);
    let done = minutes.saturating_sub(phase.left);
    let share = done as f32 / minutes as f32;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(phase.name.get(lang))
                .size(21.0)
                .strong()
                .color(ACCENT),
        );
        bar(
            ui,
            egui::vec2(ui.available_width() - 150.0, 10.0),
            share,
            ACCENT,
        );
        ui.label(
            RichText::new(format!("{done} / {minutes} {}", s::SIM_MINUTES.get(lang))).color(MUTED),
        );
    });
}

/// The room's name, the time of day and the scene's title in the top left
/// corner.
fn place_card(ctx: &egui::Context, library: &Library, story: &Story, lang: Lang) {
    let Some(scene) = story.state().and_then(|s| library.scene(&s.cursor.scene)) else {
        return;
    };
    let room = library.rooms.get(&scene.def.room);
    egui::Area::new(egui::Id::new("place"))
        .anchor(Align2::LEFT_TOP, egui::vec2(20.0, 16.0))
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(PANEL_FILL)
                .corner_radius(10.0)
                .inner_margin(egui::Margin::symmetric(16, 10))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if let Some(room) = room {
                            ui.label(RichText::new(room.name.get(lang)).strong());
                        }
                        if let Some(time) = &scene.def.time {
                            ui.label(RichText::new(time).color(MUTED));
                        }
                    });
                    ui.label(
                        RichText::new(scene.def.title.get(lang))
                            .small()
                            .color(MUTED),
                    );
                });
        });
}
