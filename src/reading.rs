//! Skip and auto: going on through lines without the player pressing on.
//! Skipping (Ctrl held, or turned on) passes quickly over lines read in
//! any earlier game and stops at a choice or at a line not read before;
//! auto goes on from each line once it is typed out and the player's auto
//! delay has passed.

use bevy::prelude::*;

use crate::content::NodeDef;
use crate::save::{SaveSystems, SeenLines};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::{Advance, BeatId, RollBack, Story, StorySystems};

/// Seconds each line read before is shown while skipping.
pub const SKIP_SECONDS: f32 = 0.08;

/// What the player asks of reading.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadingRequest {
    /// The skip key is held (true) or let go (false).
    SkipHeld(bool),
    /// Skipping turned on or off until it stops by itself.
    ToggleSkip,
    /// Auto turned on or off.
    ToggleAuto,
}

/// How the player reads now.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// The skip key is held.
    pub skip_held: bool,
    /// Skipping is on until a choice or a line not read before.
    pub skip_on: bool,
    /// Lines go on by themselves.
    pub auto: bool,
    line: Option<LineShown>,
}

/// The line on screen: which beat, whether it was read before, its length,
/// and since when it is shown.
#[derive(Clone, Debug, PartialEq)]
struct LineShown {
    beat: BeatId,
    read_before: bool,
    chars: usize,
    since: f32,
}

impl Reading {
    /// Whether lines read before are being skipped.
    pub fn skipping(&self) -> bool {
        self.skip_held || self.skip_on
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ReadingRequest>()
        .init_resource::<Reading>()
        .add_systems(OnExit(Screen::Playing), stop_skipping)
        .add_systems(
            Update,
            (
                // The Advance written here reaches the story this frame.
                // After a load, so that nothing meant for the game before
                // reaches the one loaded.
                (take_requests, go_on.run_if(in_state(Screen::Playing)))
                    .chain()
                    .after(SaveSystems::Load)
                    .before(StorySystems::Input),
                // Before the record of lines read notes this one.
                note_line
                    .after(StorySystems::Announce)
                    .before(SaveSystems::Save),
            ),
        );
}

/// Skipping stops when the player leaves the game.
fn stop_skipping(mut reading: ResMut<Reading>) {
    reading.skip_held = false;
    reading.skip_on = false;
}

/// Takes the player's requests; going back, or another game begun or
/// loaded, turns skip and auto off, so that they do not carry the story
/// straight on again.
fn take_requests(
    mut requests: MessageReader<ReadingRequest>,
    mut rollbacks: MessageReader<RollBack>,
    story: Res<Story>,
    mut game: Local<u64>,
    mut reading: ResMut<Reading>,
) {
    let went_back = rollbacks.read().count() > 0;
    if went_back || std::mem::replace(&mut *game, story.game()) != story.game() {
        reading.skip_on = false;
        reading.auto = false;
    }
    for request in requests.read() {
        match request {
            ReadingRequest::SkipHeld(held) => reading.skip_held = *held,
            ReadingRequest::ToggleSkip => reading.skip_on = !reading.skip_on,
            ReadingRequest::ToggleAuto => reading.auto = !reading.auto,
        }
    }
}

/// Notes the line newly shown: whether it was read in an earlier game
/// (or earlier in this one), and how long it is. At anything but a line,
/// skipping that was turned on stops.
fn note_line(
    story: Res<Story>,
    seen: Option<Res<SeenLines>>,
    settings: Res<Settings>,
    time: Res<Time>,
    mut reading: ResMut<Reading>,
) {
    let (Some(session), Some(beat)) = (story.session(), story.beat_id()) else {
        return;
    };
    if reading.line.as_ref().is_some_and(|line| line.beat == beat) {
        return;
    }
    let at = &session.story().cursor;
    let text = match session.library().node(at) {
        Some(NodeDef::Line { text, .. }) => text,
        other => {
            reading.line = None;
            if matches!(other, Some(NodeDef::Choice { .. })) {
                reading.skip_on = false;
            }
            return;
        }
    };
    let read_before = seen.is_some_and(|seen| seen.contains(at));
    if !read_before {
        reading.skip_on = false;
    }
    reading.line = Some(LineShown {
        beat,
        read_before,
        chars: text.get(settings.lang).chars().count(),
        since: time.elapsed_secs(),
    });
}

/// Goes on from the line shown when skipping passes it or auto's time for
/// it is up.
fn go_on(
    story: Res<Story>,
    reading: Res<Reading>,
    settings: Res<Settings>,
    time: Res<Time>,
    mut advance: MessageWriter<Advance>,
) {
    let Some(line) = &reading.line else {
        return;
    };
    if story.beat_id() != Some(line.beat) {
        return;
    }
    if goes_on(&reading, line, time.elapsed_secs() - line.since, &settings) {
        advance.write(Advance);
    }
}

/// Whether the line shown for `shown_for` seconds is passed over: while
/// skipping, a line read before after [`SKIP_SECONDS`]; with auto, any line
/// once typed out (at once with reduced motion, which shows lines whole)
/// and the auto delay has passed.
fn goes_on(reading: &Reading, line: &LineShown, shown_for: f32, settings: &Settings) -> bool {
    let skip = reading.skipping() && line.read_before && shown_for >= SKIP_SECONDS;
    let typed = if settings.reduced_motion {
        0.0
    } else {
        line.chars as f32 / settings.text_speed.max(1.0)
    };
    skip || (reading.auto && shown_for >= typed + settings.auto_delay)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(read_before: bool, chars: usize) -> LineShown {
        LineShown {
            beat: BeatId::default(),
            read_before,
            chars,
            since: 0.0,
        }
    }

    #[test]
    fn skipping_passes_only_lines_read_before_and_auto_waits_for_typing_and_its_delay() {
        let settings = Settings {
            text_speed: 40.0,
            auto_delay: 1.5,
            ..Settings::default()
        };
        let skipping = Reading {
            skip_held: true,
            ..Reading::default()
        };
        assert!(goes_on(&skipping, &line(true, 80), 0.1, &settings));
        assert!(!goes_on(&skipping, &line(true, 80), 0.05, &settings));
        assert!(
            !goes_on(&skipping, &line(false, 80), 9.0, &settings),
            "a new line stops it"
        );
        let auto = Reading {
            auto: true,
            ..Reading::default()
        };
        // 80 characters at 40 a second, then 1.5 s.
        assert!(!goes_on(&auto, &line(false, 80), 3.4, &settings));
        assert!(goes_on(&auto, &line(false, 80), 3.5, &settings));
        let whole = Settings {
            reduced_motion: true,
            ..settings
        };
        assert!(
            goes_on(&auto, &line(false, 80), 1.5, &whole),
            "shown whole at once"
        );
        assert!(!goes_on(
            &Reading::default(),
            &line(true, 80),
            60.0,
            &settings
        ));
    }
}
