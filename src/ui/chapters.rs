//! Chapter select: every scene of the story in the order the story comes
//! to them, each playable from where a game first entered it; those no
//! game reached are locked. Opened from the title once a game has ended.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::flowchart::{ChartSource, Charted};
use super::input::Ask;
use super::menu::Page;
use super::page::{PageInput, heading, page_button, page_panel};
use super::saves::clock;
use super::strings as s;
use super::style::palette;
use crate::content::{Lang, Library};
use crate::save::PlayChapter;
use crate::story::{Flowchart, Progress};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, chapters_page);
}

/// A chapter as the page lists it.
struct Chapter {
    scene: String,
    label: String,
    open: bool,
}

/// The chapters in story order: a scene's title, its time of day and her
/// clock then, or locked.
fn chapters(chart: &Flowchart, library: &Library, progress: &Progress, lang: Lang) -> Vec<Chapter> {
    chart
        .scenes
        .iter()
        .map(|scene| {
            let start = progress.chapter(&scene.id);
            let def = library.scene(&scene.id).map(|s| &s.def);
            let label = match (start, def) {
                (Some(start), Some(def)) => {
                    let time = def
                        .time
                        .as_deref()
                        .map(|t| format!("{t} · "))
                        .unwrap_or_default();
                    let minute = start.case.body.minute;
                    format!("{time}{} · {}", def.title.get(lang), clock(minute))
                }
                _ => format!("???  ·  {}", s::NOT_REACHED.get(lang)),
            };
            Chapter {
                open: start.is_some(),
                scene: scene.id.clone(),
                label,
            }
        })
        .collect()
}

/// Draws chapter select when it is the page on top, and plays the chapter
/// taken.
fn chapters_page(
    mut contexts: EguiContexts,
    mut input: PageInput,
    mut source: ChartSource,
    mut play: MessageWriter<PlayChapter>,
) -> Result {
    if !input.shows(Page::Chapters) {
        return Ok(());
    }
    let Some(Charted {
        chart,
        library,
        found,
        lang,
    }) = source.read()
    else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let list = chapters(chart, library, found.progress(), lang);
    let mut highlight = input.grid_highlight(list.len(), 1);
    let (clicked, back) = page_panel(ctx, "chapters", 640.0, |ui| {
        heading(ui, s::CHAPTERS.get(lang));
        let mut clicked = None;
        let muted = palette(ui.ctx()).muted;
        egui::ScrollArea::vertical()
            .max_height(ui.ctx().content_rect().height() * 0.65)
            .show(ui, |ui| {
                for (i, chapter) in list.iter().enumerate() {
                    let response = ui
                        .add_enabled_ui(chapter.open, |ui| {
                            let label = if chapter.open {
                                RichText::new(&chapter.label)
                            } else {
                                RichText::new(&chapter.label).color(muted)
                            };
                            page_button(ui, label.text(), highlight.is_lit(i), ui.available_width())
                        })
                        .inner;
                    highlight.drawn(ui, i, response.rect);
                    if response.clicked() {
                        clicked = Some(i);
                    }
                }
            });
        ui.add_space(6.0);
        (
            clicked,
            page_button(ui, s::BACK.get(lang), false, 200.0).clicked(),
        )
    });
    input.keep(&highlight);
    let by_key = match highlight.asked() {
        Some((item, Ask::Take)) => Some(item),
        _ => None,
    };
    if let Some(chapter) = clicked
        .or(by_key)
        .and_then(|i| list.get(i))
        .filter(|c| c.open)
    {
        play.write(PlayChapter(chapter.scene.clone()));
        input.menu.close();
    } else if back {
        input.menu.back();
    }
    Ok(())
}
