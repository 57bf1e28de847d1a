//! A choice: the question (or the line before it), the options numbered
//! 1–9, two to a row where there is room, each with its medical hint when
//! hints are shown, and the countdown bar of a timed choice.

use bevy_egui::egui::{self, Color32, RichText};

use super::frame::{box_area, speaker_label};
use super::{Answers, BOX_BOTTOM, BOX_HEIGHT, Typewriter, View};
use crate::content::{Lang, MonitorView};
use crate::story::{ChoiceMade, Countdown, OfferedOption, ShowChoices, ShowLine};
use crate::ui::input::{Grid, Intent, navigate_all};
use crate::ui::monitor::bedside_bottom;
use crate::ui::strings as s;
use crate::ui::style::{bar, cramped, palette};

/// Options stand two to a row when the box's inside is this wide.
const MIN_TWO_COLUMNS: f32 = 800.0;
/// The space between options side by side.
const OPTION_GAP: f32 = 12.0;

/// What the player clicked in the box this frame.
#[derive(Default)]
struct Clicks {
    /// The id of the option clicked.
    option: Option<String>,
    /// Whether the button that shows or hides the hints was clicked.
    hints: bool,
}

/// Draws the choice `show` with its `countdown`, if timed, and writes the
/// option the player picks by key or click; returns how far above the
/// window's bottom the box reaches.
pub(super) fn choice_box(
    view: &View,
    show: &ShowChoices,
    countdown: Option<&Countdown>,
    typewriter: &mut Typewriter,
    answers: &mut Answers,
) -> f32 {
    typewriter.follow(&show.at);
    let count = show.options.len();
    let has_hints = show.options.iter().any(|o| o.hint.is_some());
    // The options are in the box, under the prompt, two to a row where
    // there is room: the box grows over the floor and leaves the faces in
    // the room free.
    let inner = view.width - 56.0;
    let grid = Grid {
        count,
        columns: columns(count, inner),
    };
    if has_hints && view.intents.contains(&Intent::Hints) {
        typewriter.hints = !typewriter.hints;
    }
    let (highlighted, by_key) = navigate_all(typewriter.highlighted, grid, &view.intents);
    typewriter.highlighted = highlighted;
    if countdown.is_some() && !view.paused {
        answers.motion.keep_moving();
    }
    let mut clicks = Clicks::default();
    let response = box_area(view.ctx, "choice box", |ui| {
        ui.set_width(inner);
        ui.set_min_height(BOX_HEIGHT - 36.0);
        if let Some(countdown) = countdown {
            countdown_bar(ui, countdown, view.lang);
        }
        prompt(ui, view, show, typewriter.last_line.as_ref());
        ui.add_space(8.0);
        clicks.option = option_list(ui, view, &show.options, grid.columns, typewriter);
        clicks.hints = keys_row(ui, view.lang, has_hints.then_some(typewriter.hints));
    });
    if clicks.hints && view.live {
        typewriter.hints = !typewriter.hints;
    }
    let by_key = by_key
        .and_then(|i| show.options.get(i))
        .map(|o| o.id.clone());
    if let Some(option) = by_key.or(clicks.option.filter(|_| view.live)) {
        answers.choose.write(ChoiceMade {
            at: show.at.clone(),
            option,
        });
    }
    view.screen.bottom() - response.rect.top()
}

/// How many options stand in a row: two when there are several and the
/// box's `inner` width has room.
fn columns(count: usize, inner: f32) -> usize {
    if count > 1 && inner >= MIN_TWO_COLUMNS {
        2
    } else {
        1
    }
}

/// The tallest the box grows: beside the full bedside monitor it keeps
/// below it.
fn tallest(view: &View) -> f32 {
    let screen = view.screen;
    match view
        .scene
        .filter(|scene| scene.def.monitor == MonitorView::Bedside)
    {
        Some(scene) => screen.height() - BOX_BOTTOM - bedside_bottom(screen, &scene.def) - 12.0,
        None => screen.height() * 0.75,
    }
}

/// Who asks and the question; without a question, the last line said.
fn prompt(ui: &mut egui::Ui, view: &View, show: &ShowChoices, last_line: Option<&ShowLine>) {
    let (library, lang) = (view.library, view.lang);
    match (&show.prompt, last_line) {
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
}

/// The options in a list that scrolls when long (with hints); returns the
/// id of the option clicked.
fn option_list(
    ui: &mut egui::Ui,
    view: &View,
    options: &[OfferedOption],
    columns: usize,
    typewriter: &Typewriter,
) -> Option<String> {
    // What the box holds besides the options: margins, the countdown, the
    // prompt, the keys.
    let around = 36.0 + 110.0;
    egui::ScrollArea::vertical()
        .max_height((tallest(view) - around).max(120.0))
        .show(ui, |ui| {
            option_grid(ui, options, columns, typewriter, view.lang)
        })
        .inner
}

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
                        let muted = palette(ui.ctx()).muted;
                        ui.label(RichText::new(hint.get(lang)).small().italics().color(muted));
                    }
                });
            }
        });
    }
    clicked
}

/// One numbered option, lit when `highlighted`; returns whether it was
/// clicked.
fn option_button(
    ui: &mut egui::Ui,
    index: usize,
    option: &OfferedOption,
    lang: Lang,
    highlighted: bool,
    width: f32,
) -> bool {
    let look = palette(ui.ctx());
    let text = RichText::new(format!("{}   {}", index + 1, option.text.get(lang)));
    let button = egui::Button::new(text)
        .fill(look.fill(highlighted))
        .corner_radius(10.0)
        .stroke(look.stroke(highlighted))
        .min_size(egui::vec2(width, option_height(ui.ctx())));
    ui.add(button).clicked()
}

/// An option's height, in points: on a small screen (a phone) large enough
/// for a finger, about 44 px.
fn option_height(ctx: &egui::Context) -> f32 {
    if cramped(ctx) { 58.0 } else { 44.0 }
}

/// The keys, and the button that shows or hides the hints when the options
/// have any (`hints` says whether they are shown); returns whether that
/// button was clicked.
fn keys_row(ui: &mut egui::Ui, lang: Lang, hints: Option<bool>) -> bool {
    // A row of its own height (a centred layout would take all the height
    // left and keep the box from shrinking).
    let row = egui::vec2(ui.available_width(), 0.0);
    let keys = egui::Layout::right_to_left(egui::Align::Center);
    ui.allocate_ui_with_layout(row, keys, |ui| {
        let muted = palette(ui.ctx()).muted;
        ui.label(RichText::new(s::CHOICE_KEYS.get(lang)).small().color(muted));
        hints.is_some_and(|shown| {
            let label = if shown { s::HIDE_HINTS } else { s::SHOW_HINTS };
            ui.small_button(label.get(lang)).clicked()
        })
    })
    .inner
}

/// The countdown bar: full and calm at first, red and short at the end.
fn countdown_bar(ui: &mut egui::Ui, countdown: &Countdown, lang: Lang) {
    let left = countdown.fraction_left();
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
                countdown.remaining.max(0.0).ceil(),
                s::SECONDS_LEFT.get(lang)
            ))
            .strong()
            .color(colour),
        );
    });
}
