//! The flowchart page: the story's scenes and endings in rows from the
//! start, the ways between them lit where a game went, and under it the
//! choices of the scene highlighted with the options taken. What no game
//! reached is drawn locked. Opened from the title once a game has ended,
//! and after an ending.

use std::sync::Arc;

use bevy::ecs::change_detection::Tick;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, Pos2, Rect, RichText, Sense, Stroke, Vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::menu::Page;
use super::page::{PageInput, heading, page_button, page_panel};
use super::strings as s;
use super::style::{Palette, palette};
use crate::content::{Lang, Library, NodeDef};
use crate::save::Found;
use crate::settings::Settings;
use crate::story::{ChoiceRow, Flowchart, Place, Story};

/// A box's size on the chart, in points.
const BOX: Vec2 = Vec2::new(168.0, 44.0);
/// The space between boxes in a row, and between rows.
const GAP: Vec2 = Vec2::new(22.0, 30.0);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, flowchart_page);
}

/// What a page drawn from the flowchart reads: the story's library, what
/// games have found, the language, and the chart, kept between frames
/// (laying the story out walks every node, so it is done again only when
/// the library, after a hot reload, or what games have found changed).
#[derive(SystemParam)]
pub(super) struct ChartSource<'w, 's> {
    story: Res<'w, Story>,
    found: Option<Res<'w, Found>>,
    settings: Res<'w, Settings>,
    kept: Local<'s, Option<KeptChart>>,
}

/// A chart with what it was laid out from: the library, and when what
/// games found last changed.
struct KeptChart {
    library: Arc<Library>,
    found: Tick,
    chart: Flowchart,
}

/// The chart, with what it was drawn from.
pub(super) struct Charted<'a> {
    pub(super) chart: &'a Flowchart,
    pub(super) library: &'a Library,
    pub(super) found: &'a Found,
    pub(super) lang: Lang,
}

impl ChartSource<'_, '_> {
    /// The chart, once a story is loaded and what games found is read;
    /// laid out again when either changed since it was last.
    pub(super) fn read(&mut self) -> Option<Charted<'_>> {
        let library = self.story.library()?;
        let found = self.found.as_ref()?;
        let changed = found.last_changed();
        let stale =
            |kept: &KeptChart| !Arc::ptr_eq(&kept.library, library) || kept.found != changed;
        if self.kept.as_ref().is_none_or(stale) {
            *self.kept = Some(KeptChart {
                library: library.clone(),
                found: changed,
                chart: Flowchart::of(library, found.progress()),
            });
        }
        let kept = self.kept.as_ref()?;
        Some(Charted {
            chart: &kept.chart,
            library,
            found,
            lang: self.settings.lang,
        })
    }
}

/// Draws the flowchart when it is the page on top. The chart scrolls to
/// the highlighted scene when the highlight moves (and on opening), and
/// otherwise stays where the wheel or a drag put it.
fn flowchart_page(
    mut contexts: EguiContexts,
    mut input: PageInput,
    mut source: ChartSource,
    mut followed: Local<Option<usize>>,
) -> Result {
    if !input.shows(Page::Flowchart) {
        *followed = None;
        return Ok(());
    }
    let Some(Charted {
        chart,
        library,
        lang,
        ..
    }) = source.read()
    else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let highlight = input.grid_highlight(chart.scenes.len(), 1);
    let (clicked, back) = page_panel(ctx, "flowchart", 1100.0, |ui| {
        heading(ui, s::FLOWCHART.get(lang));
        let drawing = Drawing {
            chart,
            library,
            lang,
            look: palette(ui.ctx()),
        };
        let lit = highlight.lit();
        let clicked = drawing.chart(ui, lit, followed.replace(lit) != Some(lit));
        if let Some(scene) = chart.scenes.get(highlight.lit()) {
            drawing.choices(ui, scene.reached, &scene.choices);
        }
        ui.add_space(6.0);
        (
            clicked,
            page_button(ui, s::BACK.get(lang), false, 200.0).clicked(),
        )
    });
    if let Some(scene) = clicked {
        input.menu.highlight(scene);
    } else {
        input.keep(&highlight);
    }
    if back {
        input.menu.back();
    }
    Ok(())
}

/// What the chart is drawn from.
struct Drawing<'a> {
    chart: &'a Flowchart,
    library: &'a Library,
    lang: Lang,
    look: Palette,
}

impl Drawing<'_> {
    /// The chart in a scrolling area, brought to the scene `lit` when
    /// `follow`; the scene clicked, if any.
    fn chart(&self, ui: &mut egui::Ui, lit: usize, follow: bool) -> Option<usize> {
        let height = (ui.ctx().content_rect().height() * 0.58).max(160.0);
        let mut clicked = None;
        egui::ScrollArea::both().max_height(height).show(ui, |ui| {
            let layout = Layout::of(self.chart);
            let (canvas, _) = ui.allocate_exact_size(layout.size, Sense::hover());
            let at = |place: Place| layout.rect(place).translate(canvas.min.to_vec2());
            for link in &self.chart.links {
                self.link(ui, at(Place::Scene(link.from)), at(link.to), link.taken);
            }
            for (i, scene) in self.chart.scenes.iter().enumerate() {
                let rect = at(Place::Scene(i));
                let title = self.scene_title(&scene.id, scene.reached);
                self.card(ui, rect, &title, scene.reached, i == lit);
                if ui
                    .interact(rect, ui.id().with(("scene", i)), Sense::click())
                    .clicked()
                {
                    clicked = Some(i);
                }
                if i == lit && follow {
                    ui.scroll_to_rect(rect, None);
                }
            }
            for (i, ending) in self.chart.endings.iter().enumerate() {
                let title = self.ending_title(&ending.id, ending.reached);
                self.card(ui, at(Place::Ending(i)), &title, ending.reached, false);
            }
        });
        clicked
    }

    /// A box with its title, or locked.
    fn card(&self, ui: &egui::Ui, rect: Rect, title: &str, reached: bool, lit: bool) {
        let painter = ui.painter();
        let fill = if reached {
            self.look.option
        } else {
            self.look.panel
        };
        let stroke = if lit {
            Stroke::new(2.5, self.look.lit)
        } else {
            Stroke::new(1.0, self.look.muted)
        };
        painter.rect(rect, 6.0, fill, stroke, egui::StrokeKind::Inside);
        let colour = if reached {
            self.look.text
        } else {
            self.look.muted
        };
        let galley = painter.layout(
            title.to_owned(),
            egui::FontId::proportional(14.0),
            colour,
            rect.width() - 12.0,
        );
        let corner = rect.center() - galley.size() / 2.0;
        painter.galley(corner, galley, colour);
        if !reached {
            padlock(
                painter,
                rect.right_top() + Vec2::new(-14.0, 12.0),
                self.look.muted,
            );
        }
    }

    /// A way from `from` to `to`: lit where a game went, dashed where it
    /// leads to something locked.
    fn link(&self, ui: &egui::Ui, from: Rect, to: Rect, taken: bool) {
        let start = from.center_bottom();
        let end = to.center_top();
        let stroke = if taken {
            Stroke::new(2.5, self.look.accent)
        } else {
            Stroke::new(1.0, self.look.muted.gamma_multiply(0.6))
        };
        let points = if end.y > start.y {
            vec![start, end]
        } else {
            // Back up the story: round the side of the boxes.
            let side = from.right().max(to.right()) + GAP.x / 2.0;
            vec![
                from.right_center(),
                Pos2::new(side, from.center().y),
                Pos2::new(side, to.center().y),
                to.right_center(),
            ]
        };
        let painter = ui.painter();
        if taken {
            painter.add(egui::Shape::line(points.clone(), stroke));
        } else {
            for pair in points.windows(2) {
                painter.extend(egui::Shape::dashed_line(pair, stroke, 6.0, 4.0));
            }
        }
        arrowhead(
            painter,
            points[points.len() - 2],
            points[points.len() - 1],
            stroke.color,
        );
    }

    /// The choices of a scene: each with its options, the ones taken
    /// marked; locked where no game came.
    fn choices(&self, ui: &mut egui::Ui, reached: bool, choices: &[ChoiceRow]) {
        ui.add_space(8.0);
        if !reached {
            ui.label(RichText::new(s::NOT_REACHED.get(self.lang)).color(self.look.muted));
            return;
        }
        if choices.is_empty() {
            ui.label(RichText::new(s::NO_CHOICES.get(self.lang)).color(self.look.muted));
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("flowchart choices")
            .max_height(ui.ctx().content_rect().height() * 0.16)
            .show(ui, |ui| {
                for choice in choices {
                    self.choice(ui, choice);
                }
            });
    }

    /// One choice and its options.
    fn choice(&self, ui: &mut egui::Ui, choice: &ChoiceRow) {
        let Some(NodeDef::Choice {
            prompt, options, ..
        }) = self.library.node(&choice.at)
        else {
            return;
        };
        if !choice.reached {
            ui.label(RichText::new(s::LOCKED_CHOICE.get(self.lang)).color(self.look.muted));
            return;
        }
        let question = prompt
            .as_ref()
            .map_or(s::A_CHOICE.get(self.lang), |p| p.get(self.lang));
        let timed = if choice.timed { " ⏱" } else { "" };
        ui.label(RichText::new(format!("{question}{timed}")).strong());
        for (option, (_, taken)) in options.iter().zip(&choice.options) {
            let (mark, colour) = if *taken {
                ("✔", self.look.accent)
            } else {
                ("○", self.look.muted)
            };
            ui.label(
                RichText::new(format!("   {mark} {}", option.text.get(self.lang))).color(colour),
            );
        }
        if choice.timed_out {
            ui.label(
                RichText::new(format!("   ⏱ {}", s::TIME_RAN_OUT.get(self.lang)))
                    .color(self.look.muted),
            );
        }
        ui.add_space(4.0);
    }

    /// A scene's title, or a lock's question marks.
    fn scene_title(&self, id: &str, reached: bool) -> String {
        match self.library.scene(id) {
            Some(scene) if reached => scene.def.title.get(self.lang).to_owned(),
            _ => "???".to_owned(),
        }
    }

    /// An ending's title, or a lock's question marks.
    fn ending_title(&self, id: &str, reached: bool) -> String {
        let declared = self.library.endings.iter().find(|e| e.id == id);
        match declared {
            Some(ending) if reached => ending.title.get(self.lang).to_owned(),
            None if reached => id.to_owned(),
            _ => "???".to_owned(),
        }
    }
}

/// Where each box of a chart goes: rows top to bottom, each row centred.
struct Layout {
    /// The whole chart's size.
    size: Vec2,
    /// Each row's boxes and where its first begins.
    rows: Vec<(usize, f32)>,
    places: Vec<(Place, usize, usize)>,
}

impl Layout {
    fn of(chart: &Flowchart) -> Layout {
        let endings_row = chart.rows - 1;
        let mut places: Vec<(Place, usize, usize)> = chart
            .scenes
            .iter()
            .enumerate()
            .map(|(i, s)| (Place::Scene(i), s.row, s.column))
            .collect();
        places.extend(
            chart
                .endings
                .iter()
                .enumerate()
                .map(|(i, e)| (Place::Ending(i), endings_row, e.column)),
        );
        let widest = (0..chart.rows)
            .map(|row| places.iter().filter(|p| p.1 == row).count())
            .max()
            .unwrap_or(1);
        let span = |count: usize| count as f32 * (BOX.x + GAP.x) - GAP.x;
        let width = span(widest) + GAP.x;
        let rows = (0..chart.rows)
            .map(|row| {
                let count = places.iter().filter(|p| p.1 == row).count();
                (count, (width - span(count)) / 2.0)
            })
            .collect();
        let height = chart.rows as f32 * (BOX.y + GAP.y);
        Layout {
            size: Vec2::new(width, height),
            rows,
            places,
        }
    }

    /// The box of `place`, from the chart's top left.
    fn rect(&self, place: Place) -> Rect {
        let (_, row, column) = self
            .places
            .iter()
            .find(|p| p.0 == place)
            .copied()
            .unwrap_or((place, 0, 0));
        let left = self.rows.get(row).map_or(0.0, |r| r.1);
        let min = Pos2::new(
            left + column as f32 * (BOX.x + GAP.x),
            GAP.y / 2.0 + row as f32 * (BOX.y + GAP.y),
        );
        Rect::from_min_size(min, BOX)
    }
}

/// An arrowhead at `tip`, pointing from `from`.
fn arrowhead(painter: &egui::Painter, from: Pos2, tip: Pos2, colour: Color32) {
    let along = (tip - from).normalized() * 8.0;
    let across = along.rot90() * 0.5;
    painter.add(egui::Shape::convex_polygon(
        vec![tip, tip - along + across, tip - along - across],
        colour,
        Stroke::NONE,
    ));
}

/// A small padlock centred at `at`: what is not reached yet.
fn padlock(painter: &egui::Painter, at: Pos2, colour: Color32) {
    let body = Rect::from_center_size(at + Vec2::new(0.0, 3.0), Vec2::new(11.0, 8.0));
    painter.rect_filled(body, 1.5, colour);
    let shackle = (0..=8)
        .map(|k| {
            let angle = std::f32::consts::PI * (1.0 + k as f32 / 8.0);
            at + Vec2::new(3.5 * angle.cos(), -1.0 + 4.0 * angle.sin())
        })
        .collect();
    painter.add(egui::Shape::line(shackle, Stroke::new(1.6, colour)));
}
