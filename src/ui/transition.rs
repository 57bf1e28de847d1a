//! Entering a room: it fades in from black, and its name shows large for a
//! moment before it settles into the corner card. With motion reduced,
//! nothing fades: the room is there at once, and its name stands still
//! for the same moment.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, FontId, LayerId};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use crate::pacing::Motion;
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::Story;

/// Seconds the fade from black takes.
const FADE: f32 = 0.8;
/// Seconds the room's name stays, fading out over the last of them.
const NAME: f32 = 2.4;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Entering>()
        .add_systems(OnExit(Screen::Playing), |mut entering: ResMut<Entering>| {
            *entering = Entering::default();
        })
        .add_systems(
            EguiPrimaryContextPass,
            transition.run_if(in_state(Screen::Playing)),
        );
}

/// The room last entered and when.
#[derive(Resource, Default)]
struct Entering {
    room: Option<String>,
    at: f32,
}

/// How far a fade that began `t` seconds ago still covers: 1 to 0; none
/// at all with motion `reduced`.
fn cover(t: f32, reduced: bool) -> f32 {
    if reduced {
        0.0
    } else {
        (1.0 - t / FADE).clamp(0.0, 1.0)
    }
}

/// How visible the room's name is `t` seconds after entering: it fades in
/// with the room and out over its last second; with motion `reduced`, it
/// is simply there until its time is up.
fn name_alpha(t: f32, reduced: bool) -> f32 {
    if reduced {
        if t < NAME { 1.0 } else { 0.0 }
    } else {
        (t / FADE).min((NAME - t).max(0.0)).clamp(0.0, 1.0)
    }
}

fn transition(
    mut contexts: EguiContexts,
    story: Res<Story>,
    settings: Res<Settings>,
    time: Res<Time<Real>>,
    mut entering: ResMut<Entering>,
    mut motion: ResMut<Motion>,
) -> Result {
    let Some(room) = story.room() else {
        return Ok(());
    };
    let now = time.elapsed_secs();
    if entering.room.as_deref() != Some(room.id.as_str()) {
        entering.room = Some(room.id.clone());
        entering.at = now;
    }
    let t = now - entering.at;
    if t > NAME {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    // Under every window of the overlay, over the room.
    let painter = ctx.layer_painter(LayerId::background());
    let screen = ctx.content_rect();
    let reduced = settings.reduced_motion;
    let black = cover(t, reduced);
    if black > 0.0 {
        painter.rect_filled(
            screen,
            0.0,
            Color32::from_black_alpha((black * 255.0) as u8),
        );
    }
    let alpha = (name_alpha(t, reduced) * 255.0) as u8;
    let at = egui::pos2(screen.center().x, screen.top() + screen.height() * 0.13);
    let name = room.name.get(settings.lang);
    painter.text(
        at + egui::vec2(2.0, 2.0),
        Align2::CENTER_CENTER,
        name,
        FontId::proportional(52.0),
        Color32::from_black_alpha(alpha / 2),
    );
    painter.text(
        at,
        Align2::CENTER_CENTER,
        name,
        FontId::proportional(52.0),
        Color32::from_white_alpha(alpha),
    );
    if !reduced {
        motion.keep_moving();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_room_fades_in_and_its_name_comes_and_goes() {
        assert_eq!(cover(0.0, false), 1.0);
        assert_eq!(cover(FADE, false), 0.0);
        assert_eq!(name_alpha(0.0, false), 0.0);
        assert_eq!(name_alpha(FADE, false), 1.0);
        assert_eq!(name_alpha(NAME, false), 0.0);
        let late = name_alpha(NAME - 0.5, false);
        assert!(late > 0.0 && late < 1.0);
    }

    #[test]
    fn with_motion_reduced_nothing_fades() {
        assert_eq!(cover(0.0, true), 0.0);
        assert_eq!(name_alpha(0.0, true), 1.0);
        assert_eq!(name_alpha(NAME - 0.1, true), 1.0);
        assert_eq!(name_alpha(NAME, true), 0.0);
    }
}
