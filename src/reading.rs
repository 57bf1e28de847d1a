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
use crate::story::{Advance, Story, StorySystems};

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
    beat: (u64, u64),
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
                (take_requests, go_on.run_if(in_state(Screen::Playing)))
                    .chain()
                    .after(StorySystems::Begin)
                    .before(StorySystems::Input),
                // Before the record of lines read notes this one.
                note_line
                    .after(StorySystems::Announce)
                    .before(SaveSystems::Save),
            ),
        );
}

fn stop_skipping(mut reading: ResMut<Reading>) {
    reading.skip_held = false;
    reading.skip_on = false;
}

fn take_requests(mut requests: MessageReader<ReadingRequest>, mut reading: ResMut<Reading>) {
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
    let Some(session) = story.session() else {
        return;
    };
    let beat = (story.game(), session.revision());
    if reading.line.as_ref().is_some_and(|line| line.beat == beat) {
        return;
    }
    let at = &session.story().cursor;
    let Some(NodeDef::Line { text, .. }) = session.library().node(at) else {
        reading.line = None;
        if session
            .library()
            .node(at)
            .is_some_and(|n| matches!(n, NodeDef::Choice { .. }))
        {
            reading.skip_on = false;
        }
        return;
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
    let (Some(line), Some(session)) = (&reading.line, story.session()) else {
        return;
    };
    if line.beat != (story.game(), session.revision()) {
        return;
    }
    let shown_for = time.elapsed_secs() - line.since;
    let skip = reading.skipping() && line.read_before && shown_for >= SKIP_SECONDS;
    let typed = line.chars as f32 / settings.text_speed.max(1.0);
    let auto = reading.auto && shown_for >= typed + settings.auto_delay;
    if skip || auto {
        advance.write(Advance);
    }
}
