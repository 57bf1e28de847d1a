//! The case review's chart, painted with egui: her mean pressure (with the
//! 65 mmHg line) and heart rate, her lactate with the values measured, over
//! the hours since she arrived; below them the decisions, orders and alarms
//! of her care on lanes of their own. The first six hours, where the
//! bundle's clock runs, take most of the width when the case ran longer.

use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, vec2};

use crate::patient::{MAP_TARGET, TrendPoint};
use crate::story::{Entry, Event};

/// Mean arterial pressure's colour, as on the monitor.
pub(super) const MAP: Color32 = Color32::from_rgb(255, 96, 96);
/// Heart rate's colour, as on the monitor.
pub(super) const HR: Color32 = Color32::from_rgb(70, 225, 110);
/// Lactate's colour.
pub(super) const LACTATE: Color32 = Color32::from_rgb(255, 214, 70);
/// Decisions on the timeline.
pub(super) const DECISION: Color32 = Color32::from_rgb(120, 170, 240);
/// Orders on the timeline, as in the history.
pub(super) const ORDER: Color32 = Color32::from_rgb(120, 200, 170);
/// Alarms on the timeline, as in the history.
pub(super) const ALARM: Color32 = Color32::from_rgb(236, 120, 96);

const BACKGROUND: Color32 = Color32::from_rgb(8, 12, 16);
const GRID: Color32 = Color32::from_rgba_premultiplied(40, 40, 40, 40);
const LABEL: Color32 = Color32::from_rgb(160, 170, 185);

/// Where the axis breaks when the case ran longer than [`LINEAR_UP_TO`]:
/// the bundle's six hours.
const SPLIT: u32 = 6 * 60;
/// The share of the width the first six hours take at a break.
const SPLIT_SHARE: f32 = 0.6;
/// The longest case drawn on one even scale, in minutes.
const LINEAR_UP_TO: u32 = 8 * 60;
/// The pressure and rate scale, mmHg and /min.
const VITALS_RANGE: (f32, f32) = (40.0, 180.0);
/// How close to a mark the pointer must be to point at it, in points.
const REACH: f32 = 10.0;

/// The minutes of the chart's x axis mapped onto the plot's width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct TimeAxis {
    left: f32,
    right: f32,
    /// The last minute shown.
    end: u32,
    /// The minute where the scale changes, if it does.
    split: Option<u32>,
}

impl TimeAxis {
    /// An axis from arrival to at least `minutes`, rounded up to the hour,
    /// from `left` to `right`.
    pub(super) fn new(left: f32, right: f32, minutes: u32) -> TimeAxis {
        let end = minutes.max(1).div_ceil(60) * 60;
        TimeAxis {
            left,
            right,
            end,
            split: (end > LINEAR_UP_TO).then_some(SPLIT),
        }
    }

    /// Where `minute` lies.
    pub(super) fn x(&self, minute: f32) -> f32 {
        let width = self.right - self.left;
        let end = self.end as f32;
        match self.split.map(|s| s as f32) {
            Some(split) if minute <= split => self.left + width * SPLIT_SHARE * minute / split,
            Some(split) => {
                let rest = (minute - split) / (end - split);
                self.left + width * (SPLIT_SHARE + (1.0 - SPLIT_SHARE) * rest)
            }
            None => self.left + width * minute / end,
        }
    }

    /// The minute at `x`, within the axis.
    pub(super) fn minute_at(&self, x: f32) -> u32 {
        let share = ((x - self.left) / (self.right - self.left)).clamp(0.0, 1.0);
        let end = self.end as f32;
        let minute = match self.split.map(|s| s as f32) {
            Some(split) if share <= SPLIT_SHARE => split * share / SPLIT_SHARE,
            Some(split) => split + (end - split) * (share - SPLIT_SHARE) / (1.0 - SPLIT_SHARE),
            None => end * share,
        };
        minute.round() as u32
    }

    /// The minutes to label, whole hours, at most about `labels` of them.
    pub(super) fn ticks(&self, labels: usize) -> Vec<u32> {
        match self.split {
            None => hours(0, self.end, labels),
            Some(split) => {
                let first = (labels as f32 * SPLIT_SHARE) as usize;
                let mut ticks = hours(0, split, first);
                let rest = hours(split, self.end, labels.saturating_sub(first));
                ticks.extend(rest.into_iter().skip(1));
                ticks
            }
        }
    }
}

/// Whole hours from `from` to `to` (minutes), spaced so that at most about
/// `labels` fit.
fn hours(from: u32, to: u32, labels: usize) -> Vec<u32> {
    let span = to - from;
    let step = [1, 2, 3, 4, 6, 12, 24]
        .map(|h| h * 60)
        .into_iter()
        .find(|step| (span / step) as usize <= labels.max(1))
        .unwrap_or(24 * 60);
    (from..=to).step_by(step as usize).collect()
}

/// A minute of her care with what happened then.
pub(super) struct Stop<'a> {
    /// Minutes since arrival.
    pub minute: u32,
    /// The decisions, orders and alarms of that minute.
    pub entries: Vec<&'a Entry>,
}

impl Stop<'_> {
    fn has(&self, kind: fn(&Event) -> bool) -> bool {
        self.entries.iter().any(|e| kind(&e.event))
    }
}

/// The timeline's `entries` (by their minutes) gathered into stops, one
/// per minute.
pub(super) fn stops<'a>(entries: &[&'a Entry]) -> Vec<Stop<'a>> {
    let mut stops: Vec<Stop> = Vec::new();
    for entry in entries {
        match stops.last_mut() {
            Some(stop) if stop.minute == entry.minute => stop.entries.push(entry),
            _ => stops.push(Stop {
                minute: entry.minute,
                entries: vec![entry],
            }),
        }
    }
    stops
}

fn is_decision(event: &Event) -> bool {
    matches!(event, Event::Choice { .. })
}

fn is_order(event: &Event) -> bool {
    matches!(event, Event::Clinical(_))
}

fn is_alarm(event: &Event) -> bool {
    matches!(event, Event::Alarm(_))
}

/// What the chart draws.
pub(super) struct Chart<'a> {
    /// Her vitals every few minutes.
    pub trend: &'a [TrendPoint],
    /// The lactates measured: (minute drawn, value).
    pub measured: &'a [(u32, f64)],
    /// The minutes of her care with something marked.
    pub stops: &'a [Stop<'a>],
    /// The last minute of the case.
    pub minutes: u32,
}

/// What the pointer does on the chart this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Pointed {
    /// The stop it is near, if any.
    pub stop: Option<usize>,
    /// The minute under it, inside the plot.
    pub minute: Option<u32>,
    /// Whether it clicked or tapped.
    pub clicked: bool,
}

/// The parts of the chart's rectangle.
struct Layout {
    vitals: Rect,
    lactate: Rect,
    lanes: [Rect; 3],
    axis: TimeAxis,
    labels_y: f32,
}

impl Layout {
    fn of(rect: Rect, minutes: u32) -> Layout {
        let (left, right) = (rect.left() + 44.0, rect.right() - 12.0);
        let lane = 12.0;
        let top = rect.top() + 8.0;
        let bottom = rect.bottom() - 20.0 - 3.0 * lane - 8.0;
        let vitals_bottom = top + (bottom - top - 16.0) * 0.6;
        let vitals = Rect::from_x_y_ranges(left..=right, top..=vitals_bottom);
        let lactate = Rect::from_x_y_ranges(left..=right, vitals_bottom + 16.0..=bottom);
        let lanes = [0.0, 1.0, 2.0].map(|i| {
            let y = bottom + 6.0 + i * lane;
            Rect::from_x_y_ranges(left..=right, y..=y + lane)
        });
        Layout {
            vitals,
            lactate,
            lanes,
            axis: TimeAxis::new(left, right, minutes),
            labels_y: rect.bottom() - 10.0,
        }
    }
}

impl Chart<'_> {
    /// Paints the chart `size` large, `selected` stop marked, the frame
    /// outlined with `outline`; says what the pointer does on it.
    pub(super) fn show(
        &self,
        ui: &mut egui::Ui,
        size: egui::Vec2,
        selected: Option<usize>,
        outline: Stroke,
    ) -> (egui::Response, Pointed) {
        let (rect, response) = ui.allocate_exact_size(size, Sense::click());
        let layout = Layout::of(rect, self.minutes);
        let pointed = self.pointed(&layout, &response);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 8.0, BACKGROUND);
        painter.rect_stroke(rect, 8.0, outline, egui::StrokeKind::Inside);
        self.grid(&painter, &layout);
        self.vitals(&painter, &layout);
        self.lactate(&painter, &layout);
        let marked = pointed.stop.or(selected);
        if let Some(minute) = marked.map(|i| self.stops[i].minute).or(pointed.minute) {
            let x = layout.axis.x(minute as f32);
            let y = layout.vitals.top()..=layout.lanes[2].bottom();
            painter.vline(x, y, Stroke::new(1.5, Color32::from_white_alpha(150)));
        }
        self.marks(&painter, &layout, marked);
        (response, pointed)
    }

    /// The stop or minute under the pointer, and whether it clicked.
    fn pointed(&self, layout: &Layout, response: &egui::Response) -> Pointed {
        let Some(pos) = response.hover_pos() else {
            return Pointed::default();
        };
        let axis = &layout.axis;
        let nearest = self
            .stops
            .iter()
            .enumerate()
            .map(|(i, stop)| (i, (axis.x(stop.minute as f32) - pos.x).abs()))
            .filter(|(_, distance)| *distance <= REACH)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        let inside = (axis.left..=axis.right).contains(&pos.x);
        Pointed {
            stop: nearest,
            minute: inside.then(|| axis.minute_at(pos.x)),
            clicked: response.clicked(),
        }
    }

    /// The hours below and their lines, the scales at the left, the
    /// break where the scale changes.
    fn grid(&self, painter: &egui::Painter, layout: &Layout) {
        let axis = &layout.axis;
        let font = FontId::proportional(13.0);
        let labels = ((axis.right - axis.left) / 56.0) as usize;
        let height = layout.vitals.top()..=layout.lanes[2].bottom();
        for minute in axis.ticks(labels) {
            let x = axis.x(minute as f32);
            painter.vline(x, height.clone(), Stroke::new(1.0, GRID));
            let text = format!("{} h", minute / 60);
            painter.text(
                Pos2::new(x, layout.labels_y),
                Align2::CENTER_CENTER,
                text,
                font.clone(),
                LABEL,
            );
        }
        if let Some(split) = axis.split {
            let x = axis.x(split as f32);
            let dashes = Shape::dashed_line(
                &[Pos2::new(x, *height.start()), Pos2::new(x, *height.end())],
                Stroke::new(1.5, LABEL),
                4.0,
                4.0,
            );
            painter.extend(dashes);
        }
        for value in [100.0, 150.0] {
            scale_line(
                painter,
                layout.vitals,
                VITALS_RANGE,
                value,
                &format!("{value}"),
            );
        }
        let (_, top) = self.lactate_range();
        let step = if top > 12.0 { 4.0 } else { 2.0 };
        let steps = (top / step) as usize;
        for value in (0..=steps).map(|i| i as f32 * step) {
            scale_line(
                painter,
                layout.lactate,
                (0.0, top),
                value,
                &format!("{value}"),
            );
        }
    }

    /// Mean pressure, its 65 line, and heart rate.
    fn vitals(&self, painter: &egui::Painter, layout: &Layout) {
        let panel = layout.vitals;
        let clipped = painter.with_clip_rect(panel);
        let target = y_of(panel, VITALS_RANGE, MAP_TARGET as f32);
        clipped.extend(Shape::dashed_line(
            &[
                Pos2::new(panel.left(), target),
                Pos2::new(panel.right(), target),
            ],
            Stroke::new(1.5, MAP.gamma_multiply(0.7)),
            6.0,
            4.0,
        ));
        painter.text(
            Pos2::new(panel.left() - 6.0, target),
            Align2::RIGHT_CENTER,
            "65",
            FontId::proportional(13.0),
            MAP,
        );
        let line = |value: fn(&TrendPoint) -> f32, colour| {
            let points = self
                .trend
                .iter()
                .map(|p| {
                    Pos2::new(
                        layout.axis.x(p.minute as f32),
                        y_of(panel, VITALS_RANGE, value(p)),
                    )
                })
                .collect();
            Shape::line(points, Stroke::new(2.0, colour))
        };
        clipped.add(line(|p| p.hr, HR));
        clipped.add(line(|p| p.map, MAP));
    }

    /// Her lactate as it ran, the values measured as dots, and the lines
    /// at 2 and 4 mmol/L.
    fn lactate(&self, painter: &egui::Painter, layout: &Layout) {
        let panel = layout.lactate;
        let range = self.lactate_range();
        let clipped = painter.with_clip_rect(panel.expand(5.0));
        for level in [2.0, 4.0] {
            let y = y_of(panel, range, level);
            clipped.extend(Shape::dashed_line(
                &[Pos2::new(panel.left(), y), Pos2::new(panel.right(), y)],
                Stroke::new(1.0, LACTATE.gamma_multiply(0.45)),
                5.0,
                5.0,
            ));
        }
        let points = self
            .trend
            .iter()
            .map(|p| {
                Pos2::new(
                    layout.axis.x(p.minute as f32),
                    y_of(panel, range, p.lactate),
                )
            })
            .collect();
        clipped.add(Shape::line(
            points,
            Stroke::new(1.5, LACTATE.gamma_multiply(0.8)),
        ));
        for (minute, value) in self.measured {
            let at = Pos2::new(
                layout.axis.x(*minute as f32),
                y_of(panel, range, *value as f32),
            );
            clipped.circle(at, 4.5, LACTATE, Stroke::new(1.5, BACKGROUND));
        }
    }

    /// The lactate scale: from 0 to at least 6 mmol/L, an even number.
    fn lactate_range(&self) -> (f32, f32) {
        let highest = self
            .trend
            .iter()
            .map(|p| p.lactate)
            .chain(self.measured.iter().map(|(_, v)| *v as f32))
            .fold(6.0f32, f32::max);
        (0.0, (highest / 2.0).ceil() * 2.0)
    }

    /// The decisions, orders and alarms on their lanes; the `marked` stop's
    /// drawn larger.
    fn marks(&self, painter: &egui::Painter, layout: &Layout, marked: Option<usize>) {
        for (i, stop) in self.stops.iter().enumerate() {
            let x = layout.axis.x(stop.minute as f32);
            let size = if marked == Some(i) { 7.0 } else { 4.5 };
            if stop.has(is_decision) {
                painter.add(diamond(
                    Pos2::new(x, layout.lanes[0].center().y),
                    size,
                    DECISION,
                ));
            }
            if stop.has(is_order) {
                painter.add(triangle(
                    Pos2::new(x, layout.lanes[1].center().y),
                    size,
                    ORDER,
                ));
            }
            if stop.has(is_alarm) {
                let lane = layout.lanes[2];
                painter.vline(
                    x,
                    lane.top() + 1.0..=lane.bottom() - 1.0,
                    Stroke::new(size * 0.6, ALARM),
                );
            }
        }
    }
}

/// Where `value` lies in `panel` on the scale `(low, high)`.
fn y_of(panel: Rect, (low, high): (f32, f32), value: f32) -> f32 {
    panel.bottom() - (value - low) / (high - low) * panel.height()
}

/// A faint line across `panel` at `value`, labelled at the left.
fn scale_line(painter: &egui::Painter, panel: Rect, range: (f32, f32), value: f32, label: &str) {
    let y = y_of(panel, range, value);
    painter.hline(panel.x_range(), y, Stroke::new(1.0, GRID));
    painter.text(
        Pos2::new(panel.left() - 6.0, y),
        Align2::RIGHT_CENTER,
        label,
        FontId::proportional(12.0),
        LABEL,
    );
}

/// A decision's mark: a diamond `size` from its middle to its corners.
pub(super) fn diamond(at: Pos2, size: f32, colour: Color32) -> Shape {
    let points = vec![
        at + vec2(0.0, -size),
        at + vec2(size, 0.0),
        at + vec2(0.0, size),
        at + vec2(-size, 0.0),
    ];
    Shape::convex_polygon(points, colour, Stroke::NONE)
}

/// An order's mark: a triangle pointing up.
pub(super) fn triangle(at: Pos2, size: f32, colour: Color32) -> Shape {
    let points = vec![
        at + vec2(0.0, -size),
        at + vec2(size, size * 0.8),
        at + vec2(-size, size * 0.8),
    ];
    Shape::convex_polygon(points, colour, Stroke::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_case_is_drawn_on_one_scale() {
        let axis = TimeAxis::new(0.0, 600.0, 150);
        assert_eq!(axis.end, 180, "rounded up to the hour");
        assert_eq!(axis.x(90.0), 300.0);
        assert_eq!(axis.minute_at(300.0), 90);
        assert_eq!(axis.ticks(10), [0, 60, 120, 180]);
    }

    #[test]
    fn a_long_case_gives_the_first_six_hours_most_of_the_width() {
        let axis = TimeAxis::new(0.0, 1000.0, 30 * 60);
        assert_eq!(axis.x(360.0), 600.0);
        assert_eq!(axis.x(30.0 * 60.0), 1000.0);
        assert_eq!(axis.minute_at(300.0), 180);
        assert_eq!(axis.minute_at(800.0), 360 + 720);
        let ticks = axis.ticks(12);
        assert_eq!(&ticks[..7], [0, 60, 120, 180, 240, 300, 360], "{ticks:?}");
        assert!(ticks.len() <= 13 && ticks.is_sorted(), "{ticks:?}");
        assert_eq!(ticks.last(), Some(&(30 * 60)), "{ticks:?}");
    }
}
