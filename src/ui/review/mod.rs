//! The case review (Fallbesprechung) after an ending: the ending's title
//! and the estimated outcome; a chart of her vitals with the decisions,
//! orders and alarms of her care on its timeline (pointed at, tapped, or
//! stepped through with the left and right keys, what happened then is
//! shown under it); the hour-1 bundle and source control, each in time,
//! late or missed; and what is said about it all. Up and down go through
//! these parts and the buttons at the bottom; Enter takes a button, Escape
//! goes to the title screen.

mod chart;
mod table;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText, Stroke};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use self::chart::{Chart, Pointed, Stop, stops};
use super::history::clinical::{describe, number};
use super::history::decision_words;
use super::input::{Ask, Intent, Intents, navigate_list};
use super::menu::{Menu, Page};
use super::monitor::alarm_text;
use super::page::{button_height, page_button};
use super::saves::clock;
use super::strings as s;
use super::style::{cramped, palette};
use crate::content::{Lang, Library, parse_color};
use crate::patient::{Case, LabResult};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::{CaseReview, Entry, Event, Review, Story, timeline};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Focus>()
        .add_systems(OnEnter(Screen::CaseReview), |mut focus: ResMut<Focus>| {
            *focus = Focus::default();
        })
        .add_systems(
            EguiPrimaryContextPass,
            review_screen.run_if(in_state(Screen::CaseReview)),
        );
}

/// The parts of the screen the keys' highlight goes through, top to
/// bottom; the buttons last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Chart,
    Table,
    Remarks,
    Flowchart,
    Title,
}

const PARTS: [Part; 5] = [
    Part::Chart,
    Part::Table,
    Part::Remarks,
    Part::Flowchart,
    Part::Title,
];

/// Where the keys' highlight is, and the stop of the timeline chosen.
#[derive(Resource, Debug)]
struct Focus {
    /// The part lit, an index into [`PARTS`].
    lit: usize,
    /// Whether the highlight moved this frame (its part is scrolled into
    /// view).
    moved: bool,
    /// The timeline's stop chosen by key or tap.
    stop: Option<usize>,
}

impl Default for Focus {
    /// The button back to the title screen lit, so that Enter takes it.
    fn default() -> Self {
        Focus {
            lit: PARTS.len() - 1,
            moved: false,
            stop: None,
        }
    }
}

impl Focus {
    fn is_lit(&self, part: Part) -> bool {
        PARTS[self.lit] == part
    }

    /// Takes this frame's `intents`: left and right step through the
    /// `stops` stops (and light the chart), up and down go through the
    /// parts; returns the part Enter took, and whether Escape was pressed.
    fn answer(&mut self, intents: &[Intent], stops: usize) -> (Option<Part>, bool) {
        let before = self.lit;
        for intent in intents {
            let step = match intent {
                Intent::Left => stops
                    .checked_sub(1)
                    .map(|last| self.stop.map_or(last, |at| at.saturating_sub(1))),
                Intent::Right => {
                    let next = self.stop.map_or(0, |at| at + 1);
                    (stops > 0).then(|| next.min(stops - 1))
                }
                _ => continue,
            };
            self.stop = step;
            self.lit = 0;
        }
        let vertical: Vec<Intent> = intents
            .iter()
            .copied()
            .filter(|i| matches!(i, Intent::Up | Intent::Down | Intent::Confirm))
            .collect();
        let (lit, asked) = navigate_list(self.lit, PARTS.len(), &vertical);
        self.lit = lit;
        self.moved = lit != before;
        let taken = match asked {
            Some((item, Ask::Take)) => Some(PARTS[item]),
            _ => None,
        };
        (taken, intents.contains(&Intent::Back))
    }

    /// `part` was drawn at `rect`: scrolled into view when the keys moved
    /// onto it, and lit when the pointer moves over it.
    fn drawn(&mut self, ui: &egui::Ui, part: Part, rect: egui::Rect) {
        if self.moved && self.is_lit(part) {
            ui.scroll_to_rect(rect, None);
        }
        let moving = ui.input(|input| input.pointer.delta() != egui::Vec2::ZERO);
        if moving && ui.rect_contains_pointer(rect) {
            self.lit = PARTS.iter().position(|p| *p == part).unwrap_or(self.lit);
        }
    }
}

/// What the review screen reads and where it goes.
#[derive(SystemParam)]
struct ReviewState<'w> {
    review: Res<'w, CaseReview>,
    story: Res<'w, Story>,
    settings: Res<'w, Settings>,
    intents: ResMut<'w, Intents>,
    focus: ResMut<'w, Focus>,
    screen: ResMut<'w, NextState<Screen>>,
    menu: ResMut<'w, Menu>,
}

/// What the screen shows of the game that ended.
struct Shown<'a> {
    review: &'a Review,
    library: &'a Library,
    case: &'a Case,
    stops: Vec<Stop<'a>>,
    measured: Vec<(u32, f64)>,
    lang: Lang,
}

/// Draws the case review and answers the keys, the pointer and the
/// buttons.
fn review_screen(mut contexts: EguiContexts, mut state: ReviewState) -> Result {
    if state.menu.is_open() {
        // The flowchart is open over the review and takes the keys.
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let intents = state.intents.take();
    let (Some(review), Some(session)) = (&state.review.0, state.story.session()) else {
        // No game has ended: nothing to review.
        state.screen.set(Screen::Title);
        return Ok(());
    };
    let case = session.case();
    let marked = timeline(session.history().entries());
    let shown = Shown {
        review,
        library: session.library(),
        case,
        stops: stops(&marked),
        measured: measured_lactates(case),
        lang: state.settings.lang,
    };
    let focus = &mut *state.focus;
    let (taken, back) = focus.answer(&intents, shown.stops.len());
    let clicked = review_panel(ctx, &shown, focus);
    match taken.or(clicked) {
        Some(Part::Flowchart) => state.menu.open(Page::Flowchart),
        Some(Part::Title) => state.screen.set(Screen::Title),
        _ if back => state.screen.set(Screen::Title),
        _ => {}
    }
    Ok(())
}

/// Every lactate that came back: (minute drawn, value).
fn measured_lactates(case: &Case) -> Vec<(u32, f64)> {
    case.labs
        .back
        .iter()
        .filter_map(|result| match result {
            LabResult::Lactate { value, drawn_at } => Some((*drawn_at, *value)),
            LabResult::Panel(_) => None,
        })
        .collect()
}

/// The screen's panel: the parts, scrolling, over the buttons, which stay;
/// returns the button clicked.
fn review_panel(ctx: &egui::Context, shown: &Shown, focus: &mut Focus) -> Option<Part> {
    let look = palette(ctx);
    let screen = ctx.content_rect();
    let margin = if cramped(ctx) { 6.0 } else { 16.0 };
    let inner = if cramped(ctx) { 10.0 } else { 16.0 };
    let width = (screen.width() - 2.0 * margin).min(1240.0) - 2.0 * inner;
    let height = screen.height() - 2.0 * margin - 2.0 * inner;
    let footer = button_height(ctx) + 14.0;
    egui::Area::new(egui::Id::new("case review"))
        .anchor(Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(look.panel.to_opaque())
                .stroke(look.outline)
                .corner_radius(14.0)
                .inner_margin(egui::Margin::same(inner as i8))
                .show(ui, |ui| {
                    ui.set_width(width);
                    ui.set_height(height);
                    egui::ScrollArea::vertical()
                        .max_height(height - footer)
                        .auto_shrink([false, false])
                        .show(ui, |ui| parts(ui, shown, focus));
                    ui.add_space(6.0);
                    buttons(ui, focus, shown.lang)
                })
                .inner
        })
        .inner
}

/// The heading, the chart with what happened under it, the table and the
/// remarks: beside each other where there is room.
fn parts(ui: &mut egui::Ui, shown: &Shown, focus: &mut Focus) {
    heading(ui, shown);
    let look = palette(ui.ctx());
    legend(ui, shown.lang);
    let screen = ui.ctx().content_rect();
    let size = egui::vec2(
        ui.available_width(),
        (screen.height() * 0.3).clamp(190.0, 320.0),
    );
    let chart = Chart {
        trend: shown.case.trend.points(),
        measured: &shown.measured,
        stops: &shown.stops,
        minutes: shown.review.minutes,
    };
    let outline = if focus.is_lit(Part::Chart) {
        look.lit_outline()
    } else {
        Stroke::new(1.0, Color32::from_rgb(60, 70, 82))
    };
    let (response, pointed) = chart.show(ui, size, focus.stop, outline);
    focus.drawn(ui, Part::Chart, response.rect);
    if pointed.clicked && pointed.stop.is_some() {
        focus.stop = pointed.stop;
    }
    detail(ui, shown, focus.stop, pointed);
    ui.add_space(10.0);
    if ui.available_width() >= 860.0 {
        ui.columns(2, |columns| {
            table_part(&mut columns[0], shown, focus);
            remarks_part(&mut columns[1], shown, focus);
        });
    } else {
        table_part(ui, shown, focus);
        ui.add_space(8.0);
        remarks_part(ui, shown, focus);
    }
}

/// "Case review" and the ending's title, and beside them (or under them
/// on a narrow screen) the outcome.
fn heading(ui: &mut egui::Ui, shown: &Shown) {
    let (review, lang) = (shown.review, shown.lang);
    let muted = palette(ui.ctx()).muted;
    let risk = s::PERCENT
        .get(lang)
        .replace("{}", &format!("{:.0}", review.outcome * 100.0));
    let course = if review.alive {
        s::COURSE_OVER
            .get(lang)
            .replace("{}", &clock(review.minutes))
    } else {
        let died = shown
            .case
            .trend
            .points()
            .last()
            .map_or(review.minutes, |p| p.minute);
        s::PATIENT_DIED.get(lang).replace("{}", &clock(died))
    };
    let outcome = s::OUTCOME.get(lang).replace("{}", &risk);
    let title = review.title.as_ref().map(|t| t.get(lang));
    ui.horizontal_wrapped(|ui| {
        ui.vertical(|ui| {
            ui.label(RichText::new(s::CASE_REVIEW.get(lang)).small().color(muted));
            ui.heading(title.unwrap_or(&review.ending));
        });
        ui.add_space(16.0);
        ui.vertical(|ui| {
            ui.add_space(6.0);
            ui.label(RichText::new(outcome).strong());
            ui.label(RichText::new(course).small().color(muted));
        });
    });
    ui.add_space(2.0);
}

/// What the chart's colours and marks mean, in a row that wraps.
fn legend(ui: &mut egui::Ui, lang: Lang) {
    // Each mark with its word as one piece, never split over two lines.
    let swatch = |ui: &mut egui::Ui, paint: &dyn Fn(&egui::Painter, egui::Rect), label: &str| {
        let font = egui::TextStyle::Small.resolve(ui.style());
        let colour = palette(ui.ctx()).text;
        let galley = ui.painter().layout_no_wrap(label.to_owned(), font, colour);
        let text = galley.size();
        let size = egui::vec2(22.0 + text.x + 8.0, text.y.max(14.0));
        let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
        let mark = egui::Rect::from_min_size(
            rect.left_center() - egui::vec2(0.0, 7.0),
            egui::vec2(18.0, 14.0),
        );
        paint(ui.painter(), mark);
        let at = egui::pos2(rect.left() + 22.0, rect.center().y - text.y / 2.0);
        ui.painter().galley(at, galley, colour);
    };
    let line = |colour: Color32| {
        move |painter: &egui::Painter, rect: egui::Rect| {
            painter.hline(rect.x_range(), rect.center().y, Stroke::new(2.5, colour));
        }
    };
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        swatch(ui, &line(chart::MAP), s::MAP_SHORT.get(lang));
        swatch(ui, &line(chart::HR), s::HR.get(lang));
        swatch(ui, &line(chart::LACTATE), s::LACTATE.get(lang));
        let dot = |painter: &egui::Painter, rect: egui::Rect| {
            painter.circle_filled(rect.center(), 4.5, chart::LACTATE);
        };
        swatch(ui, &dot, s::MEASURED.get(lang));
        let target = |painter: &egui::Painter, rect: egui::Rect| {
            let y = rect.center().y;
            for x in [rect.left(), rect.left() + 8.0] {
                painter.hline(x..=x + 5.0, y, Stroke::new(1.5, chart::MAP));
            }
        };
        swatch(ui, &target, s::MAP_TARGET_LINE.get(lang));
        let decision = |painter: &egui::Painter, rect: egui::Rect| {
            painter.add(chart::diamond(rect.center(), 5.0, chart::DECISION));
        };
        swatch(ui, &decision, s::DECISION.get(lang));
        let order = |painter: &egui::Painter, rect: egui::Rect| {
            painter.add(chart::triangle(rect.center(), 5.0, chart::ORDER));
        };
        swatch(ui, &order, s::ORDER.get(lang));
        let alarm = |painter: &egui::Painter, rect: egui::Rect| {
            painter.vline(
                rect.center().x,
                rect.y_range(),
                Stroke::new(3.0, chart::ALARM),
            );
        };
        swatch(ui, &alarm, s::HISTORY_ALARM.get(lang));
    });
}

/// Under the chart: her vitals at the minute pointed at or chosen, and
/// what happened then; a hint while nothing is.
fn detail(ui: &mut egui::Ui, shown: &Shown, chosen: Option<usize>, pointed: Pointed) {
    let lang = shown.lang;
    let muted = palette(ui.ctx()).muted;
    if shown.case.trend.points().is_empty() {
        ui.label(RichText::new(s::NO_TREND.get(lang)).small().color(muted));
        return;
    }
    let stop = pointed.stop.or(chosen).map(|i| &shown.stops[i]);
    let Some(minute) = stop.map(|stop| stop.minute).or(pointed.minute) else {
        ui.label(RichText::new(s::DETAIL_HINT.get(lang)).small().color(muted));
        return;
    };
    ui.label(RichText::new(readout(shown, minute)).small());
    for entry in stop.map_or(&[][..], |stop| &stop.entries) {
        let (colour, kind, text) = entry_words(shown.library, entry, lang);
        ui.label(
            RichText::new(format!("{kind}: {text}"))
                .small()
                .color(colour),
        );
    }
}

/// Her minute and vitals then, as the trend has them.
fn readout(shown: &Shown, minute: u32) -> String {
    let lang = shown.lang;
    let Some(point) = shown.case.trend.at(minute) else {
        return clock(minute);
    };
    let n = |value: f32, digits| number(f64::from(value), digits, lang);
    format!(
        "{} · {} {} · {} {} · SpO2 {} % · {} °C · {} {} mmol/l",
        clock(minute),
        s::MAP_SHORT.get(lang),
        n(point.map, 0),
        s::HR.get(lang),
        n(point.hr, 0),
        n(point.spo2, 0),
        n(point.temp, 1),
        s::LACTATE.get(lang),
        n(point.lactate, 1),
    )
}

/// An entry of the timeline in words: its colour, its kind and what it
/// says.
fn entry_words(library: &Library, entry: &Entry, lang: Lang) -> (Color32, &'static str, String) {
    match &entry.event {
        Event::Choice {
            at,
            option,
            timed_out,
        } => {
            let text = decision_words(library, at, option.as_deref(), *timed_out, lang);
            (chart::DECISION, s::DECISION.get(lang), text)
        }
        Event::Clinical(event) => (chart::ORDER, s::ORDER.get(lang), describe(event, lang)),
        Event::Alarm(alarm) => (
            chart::ALARM,
            s::HISTORY_ALARM.get(lang),
            alarm_text(*alarm).get(lang).to_owned(),
        ),
        _ => (Color32::GRAY, "", String::new()),
    }
}

/// A part of the screen in a frame that marks it when lit.
fn part_frame(ui: &mut egui::Ui, lit: bool, add: impl FnOnce(&mut egui::Ui)) -> egui::Rect {
    let look = palette(ui.ctx());
    let stroke = if lit {
        look.lit_outline()
    } else {
        Stroke::NONE
    };
    egui::Frame::new()
        .stroke(stroke)
        .corner_radius(8.0)
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Ragged right: egui would stretch wrapped text in a column.
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), add);
        })
        .response
        .rect
}

/// The bundle's table under its heading.
fn table_part(ui: &mut egui::Ui, shown: &Shown, focus: &mut Focus) {
    let review = shown.review;
    let rect = part_frame(ui, focus.is_lit(Part::Table), |ui| {
        ui.label(RichText::new(s::BUNDLE_HEADING.get(shown.lang)).strong());
        ui.add_space(4.0);
        table::bundle_table(ui, &review.bundle, review.debridement, shown.lang);
    });
    focus.drawn(ui, Part::Table, rect);
}

/// What is said: the speaker's name in their colour, then each remark.
fn remarks_part(ui: &mut egui::Ui, shown: &Shown, focus: &mut Focus) {
    let (review, library, lang) = (shown.review, shown.library, shown.lang);
    let look = palette(ui.ctx());
    let rect = part_frame(ui, focus.is_lit(Part::Remarks), |ui| {
        if let Some(id) = &review.speaker {
            let colour = library
                .characters
                .get(id)
                .and_then(|c| parse_color(&c.color))
                .map_or(look.accent, |[r, g, b]| Color32::from_rgb(r, g, b));
            let name = library.character_name(id, lang);
            ui.label(RichText::new(name).strong().color(colour));
        }
        for remark in &review.remarks {
            ui.add(egui::Label::new(remark.text.get(lang)).wrap());
            ui.add_space(4.0);
        }
        if review.remarks.is_empty() {
            ui.label(RichText::new("–").color(look.muted));
        }
    });
    focus.drawn(ui, Part::Remarks, rect);
}

/// The buttons under the parts, and the keys' reminder; returns the one
/// clicked.
fn buttons(ui: &mut egui::Ui, focus: &mut Focus, lang: Lang) -> Option<Part> {
    let mut clicked = None;
    ui.horizontal(|ui| {
        let width = if cramped(ui.ctx()) { 160.0 } else { 240.0 };
        for (part, label) in [(Part::Flowchart, s::FLOWCHART), (Part::Title, s::TO_TITLE)] {
            let button = page_button(ui, label.get(lang), focus.is_lit(part), width);
            focus.drawn(ui, part, button.rect);
            if button.clicked() {
                clicked = Some(part);
            }
        }
        if !cramped(ui.ctx()) {
            let muted = palette(ui.ctx()).muted;
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(s::REVIEW_KEYS.get(lang)).small().color(muted));
            });
        }
    });
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_step_through_the_stops_and_the_parts() {
        let mut focus = Focus::default();
        assert!(focus.is_lit(Part::Title), "Enter at once goes back");
        assert_eq!(focus.answer(&[Intent::Right], 3), (None, false));
        assert_eq!((focus.stop, focus.is_lit(Part::Chart)), (Some(0), true));
        focus.answer(&[Intent::Right, Intent::Right, Intent::Right], 3);
        assert_eq!(focus.stop, Some(2), "no further than the last");
        focus.answer(&[Intent::Left], 3);
        assert_eq!(focus.stop, Some(1));
        focus.answer(&[Intent::Down, Intent::Down], 3);
        assert!(focus.is_lit(Part::Remarks) && focus.moved);
        assert_eq!(
            focus.answer(&[Intent::Down, Intent::Confirm], 3),
            (Some(Part::Flowchart), false)
        );
        assert_eq!(
            focus.answer(&[Intent::Down, Intent::Confirm], 3),
            (Some(Part::Title), false)
        );
        assert_eq!(focus.answer(&[Intent::Back], 3), (None, true));
        let mut empty = Focus::default();
        empty.answer(&[Intent::Left, Intent::Right], 0);
        assert_eq!(empty.stop, None, "no stops, nothing chosen");
    }
}
