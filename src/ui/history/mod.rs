//! The history (backlog): every line shown, every choice taken, and the
//! clinical events (orders, alarms, results) with Frau Bram's clock, to
//! scroll back through; "back to here" returns to a line or a choice.
//! Opened with the mouse wheel turned up or Page Up while playing, or from
//! the pause menu; Esc closes it.

pub(super) mod clinical;

use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::input::Ask;
use super::menu::Page;
use super::monitor::alarm_text as alarm_name;
use super::page::{Highlight, PageInput, heading, page_button, page_panel};
use super::saves::clock;
use super::strings as s;
use super::style::{cramped, palette};
use crate::content::{Lang, Library, NodeDef, NodeRef};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::{Entry, Event, History, RollBack, Story};

/// The colour of alarms in the history.
const ALARM: Color32 = Color32::from_rgb(236, 120, 96);
/// The colour of orders and results.
const CLINICAL: Color32 = Color32::from_rgb(120, 200, 170);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        history_page.run_if(in_state(Screen::Playing)),
    );
}

/// Draws the history when it is the page on top; goes back to the line or
/// choice asked for.
fn history_page(
    mut contexts: EguiContexts,
    mut input: PageInput,
    story: Res<Story>,
    settings: Res<Settings>,
    mut rollback: MessageWriter<RollBack>,
    mut opened: Local<bool>,
) -> Result {
    if !input.shows(Page::History) {
        *opened = false;
        return Ok(());
    }
    let Some(session) = story.session() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    let (library, history) = (session.library().clone(), session.history());
    let returnable = history.returnable(&session.story().cursor);
    // The newest lit when the page opens (the highlight starts at 0).
    if !*opened {
        *opened = true;
        input.menu.highlight(returnable.len().saturating_sub(1));
    }
    let mut highlight = input.grid_highlight(returnable.len(), 1);
    let (clicked, back) = page_panel(ctx, "history", 900.0, |ui| {
        heading(ui, s::HISTORY.get(lang));
        let log = Log {
            library: &library,
            history,
            returnable: &returnable,
            lang,
        };
        let clicked = log.show(ui, &mut highlight);
        ui.add_space(6.0);
        (
            clicked,
            page_button(ui, s::BACK.get(lang), false, 200.0).clicked(),
        )
    });
    input.keep(&highlight);
    let by_key = match highlight.asked() {
        Some((item, Ask::Take)) => returnable.get(item).copied(),
        _ => None,
    };
    if let Some(mark) = clicked.or(by_key).and_then(|index| history.mark_of(index)) {
        rollback.write(RollBack::To(mark));
        input.menu.close();
    } else if back {
        input.menu.back();
    }
    Ok(())
}

/// The history as the page shows it.
struct Log<'a> {
    library: &'a Library,
    history: &'a History,
    returnable: &'a [usize],
    lang: Lang,
}

impl Log<'_> {
    /// Every entry, oldest first, in a scrolling list that starts at the
    /// newest; the entry whose "back to here" was clicked.
    fn show(&self, ui: &mut egui::Ui, highlight: &mut Highlight) -> Option<usize> {
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .stick_to_bottom(true)
            .show(ui, |ui| {
                for (index, entry) in self.history.entries().iter().enumerate() {
                    let item = self.returnable.iter().position(|i| *i == index);
                    let lit = item.is_some_and(|item| highlight.is_lit(item));
                    let (rect, back) =
                        entry_row(ui, self.library, entry, item.is_some(), lit, self.lang);
                    if let Some(item) = item {
                        highlight.drawn(ui, item, rect);
                    }
                    if back {
                        clicked = Some(index);
                    }
                }
            });
        clicked
    }
}

/// One entry: the clock, then what happened; a line or choice that can be
/// gone back to has its button, `lit` when highlighted. Where the row is,
/// and whether its button was clicked.
fn entry_row(
    ui: &mut egui::Ui,
    library: &Library,
    entry: &Entry,
    returnable: bool,
    lit: bool,
    lang: Lang,
) -> (egui::Rect, bool) {
    let look = palette(ui.ctx());
    // On a narrow screen the button goes under the text, not beside it.
    let beside = !cramped(ui.ctx());
    let row = ui.horizontal_top(|ui| {
        let time = RichText::new(clock(entry.minute)).small().color(look.muted);
        ui.add_sized(egui::vec2(64.0, 18.0), egui::Label::new(time));
        let room = if beside { 150.0 } else { 0.0 };
        let width = (ui.available_width() - room).max(120.0);
        let under = ui.vertical(|ui| {
            ui.set_width(width);
            ui.add(egui::Label::new(entry_text(library, &entry.event, lang)).wrap());
            (returnable && !beside) && back_button(ui, lit, lang)
        });
        under.inner || (returnable && beside && back_button(ui, lit, lang))
    });
    ui.add_space(4.0);
    (row.response.rect, row.inner)
}

/// The button that goes back to an entry, `lit` when highlighted; whether
/// it was clicked.
fn back_button(ui: &mut egui::Ui, lit: bool, lang: Lang) -> bool {
    let look = palette(ui.ctx());
    let button = egui::Button::new(RichText::new(s::BACK_TO_HERE.get(lang)).small())
        .fill(look.fill(lit))
        .stroke(look.stroke(lit));
    ui.add(button).clicked()
}

/// What an entry says, coloured by its kind.
fn entry_text(library: &Library, event: &Event, lang: Lang) -> RichText {
    match event {
        Event::Line(at) => RichText::new(line_text(library, at, lang)),
        Event::Choice {
            at,
            option,
            timed_out,
        } => {
            let said = decision_words(library, at, option.as_deref(), *timed_out, lang);
            let said = if *timed_out || option.is_none() {
                said
            } else {
                format!("> {said}")
            };
            RichText::new(said).strong()
        }
        Event::Phase(at) => RichText::new(phase_name(library, at, lang)).italics(),
        Event::Alarm(alarm) => RichText::new(format!(
            "{}: {}",
            s::HISTORY_ALARM.get(lang),
            alarm_name(*alarm).get(lang)
        ))
        .color(ALARM),
        Event::Clinical(event) => RichText::new(clinical::describe(event, lang)).color(CLINICAL),
        Event::Ended(at) => RichText::new(ending_text(library, at, lang)).strong(),
    }
}

/// A line as the dialogue box showed it: who speaks, and the text.
fn line_text(library: &Library, at: &NodeRef, lang: Lang) -> String {
    match library.node(at) {
        Some(NodeDef::Line { speaker, text, .. }) => match speaker {
            Some(id) => format!("{}: {}", library.character_name(id, lang), text.get(lang)),
            None => text.get(lang).to_owned(),
        },
        // The scenes changed since: the line is gone.
        _ => format!("({at})"),
    }
}

/// The text of option `option` of the choice at `at`.
/// What a decision was, in words: the option taken, after "time is up"
/// when the countdown took it, or "time is up" alone when it took none.
pub(super) fn decision_words(
    library: &Library,
    at: &NodeRef,
    option: Option<&str>,
    timed_out: bool,
    lang: Lang,
) -> String {
    let taken = option.and_then(|option| option_text(library, at, option, lang));
    match (taken, timed_out) {
        (Some(text), false) => text,
        (Some(text), true) => format!("{} > {text}", s::TIME_UP.get(lang)),
        (None, _) => s::TIME_UP.get(lang).to_owned(),
    }
}

pub(super) fn option_text(
    library: &Library,
    at: &NodeRef,
    option: &str,
    lang: Lang,
) -> Option<String> {
    let Some(NodeDef::Choice { options, .. }) = library.node(at) else {
        return None;
    };
    let option = options.iter().find(|o| o.id == option)?;
    Some(option.text.get(lang).to_owned())
}

/// The end at `at`, with its ending's title where the manifest has one.
fn ending_text(library: &Library, at: &NodeRef, lang: Lang) -> String {
    let the_end = s::THE_END.get(lang);
    let Some(NodeDef::End { ending, .. }) = library.node(at) else {
        return the_end.to_owned();
    };
    match library.ending_title(ending) {
        Some(title) => format!("{the_end}: {}", title.get(lang)),
        None => format!("{the_end}: {ending}"),
    }
}

/// The name of the phase that began at `at`.
fn phase_name(library: &Library, at: &NodeRef, lang: Lang) -> String {
    let Some(NodeDef::Phase { phase, .. }) = library.node(at) else {
        return format!("({at})");
    };
    library
        .phase(&at.scene, phase)
        .map(|p| p.name.get(lang).to_owned())
        .unwrap_or_else(|| phase.clone())
}
