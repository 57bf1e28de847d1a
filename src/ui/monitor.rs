//! The patient monitor, painted with egui: at the bed the full monitor with
//! its ECG and pleth traces, numbers, lactate, NEWS2 and alarms; away from
//! the bed a compact panel of numbers and alarms. The scene says which.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::dialogue::{BOX_BOTTOM, BOX_HEIGHT};
use super::strings as s;
use super::theatre::CHECKLIST_TOP;
use super::waveform::{Trace, ecg, pleth};
use crate::content::{Lang, MonitorView, SceneDef};
use crate::pacing::Motion;
use crate::patient::{
    Alarm, Case, LabResults, Mentation, News2Band, Patient, Physiology, Vitals, active, news2,
};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::Story;

/// The full monitor's size, in points.
const FULL: egui::Vec2 = vec2(560.0, 318.0);
/// The compact panel's size, in points.
const COMPACT: egui::Vec2 = vec2(430.0, 118.0);
/// Distance from the window's top-right corner.
const MARGIN: f32 = 16.0;

/// How far down from the window's top the full bedside monitor reaches on
/// this screen in `scene`: panels growing up from the bottom keep below
/// this.
pub(super) fn bedside_bottom(screen: egui::Rect, scene: &SceneDef) -> f32 {
    let size = shown_size(screen, MonitorView::Bedside);
    let scale = monitor_scale(screen, size);
    monitor_top(screen, size.x * scale, scene) + size.y * scale
}

/// Below this height, in points, a bedside monitor is shown as the compact
/// panel (a phone on its side): the full one would leave a choice no room.
const SHORT_SCREEN: f32 = 600.0;

/// The size of the panel that shows `view` on this screen.
fn shown_size(screen: egui::Rect, view: MonitorView) -> egui::Vec2 {
    if view == MonitorView::Bedside && screen.height() >= SHORT_SCREEN {
        FULL
    } else {
        COMPACT
    }
}

/// How wide the room's card in the top left corner
/// (`dialogue::place::place_card`) gets, in points.
const PLACE_CARD_WIDTH: f32 = 330.0;
/// How far down the room's card reaches, in points.
const PLACE_CARD_BOTTOM: f32 = 88.0;
/// How far down the operation's checklist under the card reaches, in a
/// scene with phases.
const CHECKLIST_BOTTOM: f32 = CHECKLIST_TOP + 72.0;

/// Where a monitor `width` points wide begins: at the top, or below the
/// panels in the top left corner where the screen is too narrow for both
/// side by side (a phone held upright).
fn monitor_top(screen: egui::Rect, width: f32, scene: &SceneDef) -> f32 {
    if screen.width() - width - 3.0 * MARGIN >= PLACE_CARD_WIDTH {
        MARGIN
    } else if scene.phases.is_empty() {
        PLACE_CARD_BOTTOM + 8.0
    } else {
        CHECKLIST_BOTTOM + 8.0
    }
}

/// How much a monitor of `size` shrinks on a small screen: to the screen's
/// width, and to the height above the dialogue box (a phone on its side).
fn monitor_scale(screen: egui::Rect, size: egui::Vec2) -> f32 {
    let wide = (screen.width() - 2.0 * MARGIN) / size.x;
    let above_box = (screen.height() - BOX_BOTTOM - BOX_HEIGHT - 2.0 * MARGIN) / size.y;
    wide.min(above_box).clamp(0.4, 1.0)
}

const BACKGROUND: Color32 = Color32::from_rgb(8, 12, 16);
const FRAME: Color32 = Color32::from_rgb(60, 70, 82);
const LABEL: Color32 = Color32::from_rgb(150, 160, 172);
const ECG: Color32 = Color32::from_rgb(70, 225, 110);
const SPO2: Color32 = Color32::from_rgb(60, 210, 255);
const PRESSURE: Color32 = Color32::from_rgb(255, 96, 96);
const BREATH: Color32 = Color32::from_rgb(255, 214, 70);
const TEMP: Color32 = Color32::from_rgb(235, 235, 235);
const URGENT: Color32 = Color32::from_rgb(214, 38, 38);
const WARNING: Color32 = Color32::from_rgb(232, 186, 36);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Traces>()
        .add_systems(Update, sweep.run_if(in_state(Screen::Playing)))
        .add_systems(
            EguiPrimaryContextPass,
            monitor.run_if(in_state(Screen::Playing)),
        );
}

/// The two traces, written as virtual time passes (they stop with the
/// pause menu).
#[derive(Resource, Default)]
struct Traces {
    ecg: Trace,
    pleth: Trace,
}

/// Writes the traces on at the patient's heart rate.
fn sweep(time: Res<Time>, patient: Single<&Case, With<Patient>>, mut traces: ResMut<Traces>) {
    let v = &patient.vitals;
    let seconds = time.delta_secs();
    let (rate, perfusion) = if v.mentation == Mentation::Dead {
        (0.0, 0.0)
    } else {
        (v.hr as f32, (v.map as f32 / 85.0).clamp(0.3, 1.0))
    };
    traces.ecg.advance(seconds, rate, 1.0, ecg);
    traces.pleth.advance(seconds, rate, perfusion, pleth);
}

/// What the monitor shows of the patient.
struct Reading<'a> {
    vitals: &'a Vitals,
    body: &'a Physiology,
    labs: &'a LabResults,
    lang: Lang,
    /// Whether flashing things are lit in this instant.
    lit: bool,
}

fn monitor(
    mut contexts: EguiContexts,
    story: Res<Story>,
    settings: Res<Settings>,
    time: Res<Time<Virtual>>,
    traces: Res<Traces>,
    patient: Single<&Case, With<Patient>>,
    mut motion: ResMut<Motion>,
) -> Result {
    let Some(scene) = story.scene() else {
        return Ok(());
    };
    let view = scene.def.monitor;
    if view == MonitorView::None {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let (vitals, body, labs) = (&patient.vitals, &patient.body, &patient.labs);
    // Reduced motion stops the flashing too.
    let flashes = settings.flash_alarms && !settings.reduced_motion;
    let flashing = flashes && !active(vitals, vitals.mentation != Mentation::Dead).is_empty();
    // At the bed the traces move and every heartbeat beeps; elsewhere only
    // a flashing alarm moves; with the game paused, nothing.
    if (view == MonitorView::Bedside || flashing) && !time.is_paused() {
        motion.keep_moving();
    }
    let reading = Reading {
        vitals,
        body,
        labs,
        lang: settings.lang,
        lit: !flashes || time.elapsed_secs().fract() < 0.6,
    };
    let size = shown_size(ctx.content_rect(), view);
    // On a small screen the monitor is drawn smaller, its top right corner
    // kept where it was.
    let screen = ctx.content_rect();
    let scale = monitor_scale(screen, size);
    let top = monitor_top(screen, size.x * scale, &scene.def);
    let corner = vec2(screen.right() - MARGIN, screen.top() + top);
    let layer = egui::Area::new(egui::Id::new("monitor"))
        .anchor(Align2::RIGHT_TOP, vec2(-MARGIN, top))
        .interactable(false)
        .constrain(false)
        .show(ctx, |ui| {
            // Laid out at full size, it may reach past the screen's edge
            // until it is scaled: nothing is cut off meanwhile.
            ui.set_clip_rect(Rect::EVERYTHING);
            let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
            let painter = ui.painter_at(rect);
            painter.rect_filled(rect, 10.0, BACKGROUND);
            painter.rect_stroke(
                rect,
                10.0,
                Stroke::new(1.5, FRAME),
                egui::StrokeKind::Inside,
            );
            if size == FULL {
                draw_full(&painter, rect.shrink(12.0), &reading, &traces);
            } else {
                draw_compact(&painter, rect.shrink(10.0), &reading);
            }
        })
        .response
        .layer_id;
    ctx.set_transform_layer(
        layer,
        egui::emath::TSTransform::new(corner * (1.0 - scale), scale),
    );
    Ok(())
}

fn font(size: f32) -> FontId {
    FontId::proportional(size)
}

/// A number with `digits` decimals, with a decimal comma in German.
fn number(value: f64, digits: usize, lang: Lang) -> String {
    let text = format!("{value:.digits$}");
    match lang {
        Lang::De => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Simulated time since arrival as `h:mm`.
fn clock(minute: u32) -> String {
    format!("{}:{:02}", minute / 60, minute % 60)
}

/// The monitor's name for an alarm.
pub(super) fn alarm_text(alarm: Alarm) -> s::Tr {
    match alarm {
        Alarm::MapLow => s::ALARM_MAP_LOW,
        Alarm::Spo2Low => s::ALARM_SPO2_LOW,
        Alarm::HrHigh => s::ALARM_HR_HIGH,
        Alarm::RrHigh => s::ALARM_RR_HIGH,
        Alarm::TempHigh => s::ALARM_TEMP_HIGH,
        Alarm::Asystole => s::ALARM_ASYSTOLE,
    }
}

fn band_color(band: News2Band) -> Color32 {
    match band {
        News2Band::Low => Color32::from_rgb(46, 150, 70),
        News2Band::LowMedium => WARNING,
        News2Band::Medium => Color32::from_rgb(236, 124, 32),
        News2Band::High => URGENT,
    }
}

impl Reading<'_> {
    fn dead(&self) -> bool {
        self.vitals.mentation == Mentation::Dead
    }

    /// A vital's number, or dashes where nothing can be measured.
    fn value(&self, value: f64, digits: usize) -> String {
        if self.dead() {
            "--".to_owned()
        } else {
            number(value, digits, self.lang)
        }
    }

    fn heart_rate(&self) -> String {
        if self.dead() {
            "0".to_owned()
        } else {
            number(self.vitals.hr, 0, self.lang)
        }
    }

    fn pressure(&self) -> (String, String) {
        let v = self.vitals;
        (
            format!("{}/{}", self.value(v.sbp, 0), self.value(v.dbp, 0)),
            format!("({})", self.value(v.map, 0)),
        )
    }

    fn lactate(&self) -> String {
        let label = s::LACTATE.get(self.lang);
        match self.labs.lactate() {
            Some((value, drawn_at)) => {
                let ago = self.body.minute.saturating_sub(drawn_at).to_string();
                format!(
                    "{label} {} mmol/l · {}",
                    number(value, 1, self.lang),
                    s::MINUTES_AGO.get(self.lang).replace("{}", &ago)
                )
            }
            None => format!("{label}: {}", s::NO_LACTATE.get(self.lang)),
        }
    }

    fn alarms(&self) -> Vec<Alarm> {
        active(self.vitals, !self.dead())
    }

    /// The colour behind a value whose alarm is on, if it is.
    fn alarm_fill(&self, alarm: Alarm) -> Option<Color32> {
        self.alarms()
            .contains(&alarm)
            .then(|| if alarm.urgent() { URGENT } else { WARNING })
    }
}

/// The patient time and the NEWS2 badge along the top of `rect`.
fn header(painter: &egui::Painter, rect: Rect, r: &Reading) {
    let lang = r.lang;
    painter.text(
        rect.left_top(),
        Align2::LEFT_TOP,
        format!("{} {}", s::PATIENT_TIME.get(lang), clock(r.body.minute)),
        font(15.0),
        LABEL,
    );
    let score = news2(r.vitals);
    let badge = Rect::from_min_size(rect.right_top() - vec2(92.0, 0.0), vec2(92.0, 22.0));
    painter.rect_filled(badge, 5.0, band_color(score.band));
    painter.text(
        badge.center(),
        Align2::CENTER_CENTER,
        format!("NEWS2 {}", score.total),
        font(15.0),
        if score.band == News2Band::High {
            Color32::WHITE
        } else {
            Color32::BLACK
        },
    );
}

/// The active alarms' texts in a banner, flashing unless the player turned
/// flashing off or reduced motion; urgent alarms red, the others yellow.
fn banner(painter: &egui::Painter, banner: Rect, r: &Reading) {
    let lang = r.lang;
    let alarms = r.alarms();
    if let Some(first) = alarms.first() {
        let colour = if first.urgent() { URGENT } else { WARNING };
        let fill = if r.lit {
            colour
        } else {
            colour.gamma_multiply(0.25)
        };
        painter.rect_filled(banner, 4.0, fill);
        let text: Vec<&str> = alarms.iter().map(|a| alarm_text(*a).get(lang)).collect();
        painter.text(
            banner.center(),
            Align2::CENTER_CENTER,
            text.join("  ·  "),
            font(17.0),
            if r.lit && !first.urgent() {
                Color32::BLACK
            } else {
                Color32::WHITE
            },
        );
    }
}

/// A trace between `top` and `bottom`, with the sweep's gap at its cursor.
fn trace(painter: &egui::Painter, area: Rect, trace: &Trace, colour: Color32, label: &str) {
    painter.text(
        area.left_top(),
        Align2::LEFT_TOP,
        label,
        font(13.0),
        colour.gamma_multiply(0.8),
    );
    let (samples, cursor) = trace.samples();
    let n = samples.len();
    let gap = n / 40;
    let mid = area.center().y + area.height() * 0.2;
    let scale = area.height() * 0.62;
    let point = |i: usize| {
        Pos2::new(
            area.left() + area.width() * i as f32 / (n - 1) as f32,
            mid - samples[i] * scale,
        )
    };
    let stroke = Stroke::new(2.0, colour);
    let before: Vec<Pos2> = (0..cursor).map(point).collect();
    let after: Vec<Pos2> = ((cursor + gap).min(n)..n).map(point).collect();
    for part in [before, after] {
        if part.len() > 1 {
            painter.add(Shape::line(part, stroke));
        }
    }
}

/// A labelled number: the label small on top, the value large below, on
/// the alarm's colour when its alarm is on, and its unit after it.
struct Figure<'a> {
    label: &'a str,
    text: String,
    unit: &'a str,
    colour: Color32,
    alarm: Option<Color32>,
}

impl Figure<'_> {
    /// Draws the figure with its top left at `at`, the value `size` high.
    fn draw(&self, painter: &egui::Painter, at: Pos2, size: f32) {
        painter.text(at, Align2::LEFT_TOP, self.label, font(13.0), LABEL);
        let galley = painter.layout_no_wrap(self.text.clone(), font(size), self.colour);
        let pos = at + vec2(0.0, 15.0);
        if let Some(fill) = self.alarm {
            painter.rect_filled(
                Rect::from_min_size(pos - vec2(3.0, 0.0), galley.size() + vec2(6.0, 0.0)),
                4.0,
                fill.gamma_multiply(0.45),
            );
        }
        let width = galley.size().x;
        painter.galley(pos, galley, self.colour);
        if !self.unit.is_empty() {
            painter.text(
                pos + vec2(width + 4.0, size * 0.5),
                Align2::LEFT_TOP,
                self.unit,
                font(13.0),
                LABEL,
            );
        }
    }
}

fn draw_full(painter: &egui::Painter, rect: Rect, r: &Reading, traces: &Traces) {
    let lang = r.lang;
    header(painter, rect, r);
    banner(
        painter,
        Rect::from_min_size(rect.left_top() + vec2(0.0, 28.0), vec2(rect.width(), 26.0)),
        r,
    );
    let top = rect.top() + 62.0;
    let split = rect.left() + rect.width() * 0.66;
    let wave = |row: f32| {
        Rect::from_min_max(
            Pos2::new(rect.left(), top + row * 78.0),
            Pos2::new(split - 12.0, top + row * 78.0 + 70.0),
        )
    };
    trace(painter, wave(0.0), &traces.ecg, ECG, "II");
    trace(painter, wave(1.0), &traces.pleth, SPO2, "Pleth");
    let right = Pos2::new(split, top);
    Figure {
        label: s::HR.get(lang),
        text: r.heart_rate(),
        unit: "/min",
        colour: ECG,
        alarm: r
            .alarm_fill(Alarm::HrHigh)
            .or_else(|| r.alarm_fill(Alarm::Asystole)),
    }
    .draw(painter, right, 44.0);
    Figure {
        label: "SpO2",
        text: r.value(r.vitals.spo2, 0),
        unit: "%",
        colour: SPO2,
        alarm: r.alarm_fill(Alarm::Spo2Low),
    }
    .draw(painter, right + vec2(0.0, 78.0), 44.0);
    let bottom = top + 160.0;
    let (pressure, mean) = r.pressure();
    Figure {
        label: s::BP.get(lang),
        text: format!("{pressure} {mean}"),
        unit: "mmHg",
        colour: PRESSURE,
        alarm: r.alarm_fill(Alarm::MapLow),
    }
    .draw(painter, Pos2::new(rect.left(), bottom), 28.0);
    Figure {
        label: s::RR.get(lang),
        text: r.value(r.vitals.rr, 0),
        unit: "/min",
        colour: BREATH,
        alarm: r.alarm_fill(Alarm::RrHigh),
    }
    .draw(painter, Pos2::new(rect.left() + 232.0, bottom), 28.0);
    Figure {
        label: "Temp",
        text: r.value(r.vitals.temp, 1),
        unit: "°C",
        colour: TEMP,
        alarm: r.alarm_fill(Alarm::TempHigh),
    }
    .draw(painter, Pos2::new(split, bottom), 28.0);
    painter.text(
        Pos2::new(rect.left(), rect.bottom()),
        Align2::LEFT_BOTTOM,
        r.lactate(),
        font(15.0),
        TEMP,
    );
}

fn draw_compact(painter: &egui::Painter, rect: Rect, r: &Reading) {
    let lang = r.lang;
    header(painter, rect, r);
    banner(
        painter,
        Rect::from_min_size(
            rect.left_bottom() - vec2(0.0, 24.0),
            vec2(rect.width(), 24.0),
        ),
        r,
    );
    let top = rect.top() + 24.0;
    let (pressure, mean) = r.pressure();
    let column = |label, text, colour, alarm| Figure {
        label,
        text,
        unit: "",
        colour,
        alarm,
    };
    let columns = [
        column(
            s::HR.get(lang),
            r.heart_rate(),
            ECG,
            r.alarm_fill(Alarm::HrHigh),
        ),
        column(
            s::BP.get(lang),
            format!("{pressure} {mean}"),
            PRESSURE,
            r.alarm_fill(Alarm::MapLow),
        ),
        column(
            "SpO2",
            r.value(r.vitals.spo2, 0),
            SPO2,
            r.alarm_fill(Alarm::Spo2Low),
        ),
        column(
            s::RR.get(lang),
            r.value(r.vitals.rr, 0),
            BREATH,
            r.alarm_fill(Alarm::RrHigh),
        ),
        column(
            "Temp",
            r.value(r.vitals.temp, 1),
            TEMP,
            r.alarm_fill(Alarm::TempHigh),
        ),
    ];
    let widths = [62.0, 148.0, 62.0, 56.0, 70.0];
    let mut x = rect.left();
    for (figure, width) in columns.into_iter().zip(widths) {
        figure.draw(painter, Pos2::new(x, top), 22.0);
        x += width;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_decimal_comma_in_german() {
        assert_eq!(number(38.94, 1, Lang::De), "38,9");
        assert_eq!(number(38.94, 1, Lang::En), "38.9");
        assert_eq!(clock(94), "1:34");
    }
}
