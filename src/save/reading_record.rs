//! The record of lines read, kept as the story shows them: stored when the
//! story enters another scene, every few lines, and when the player leaves
//! the game or quits, rather than at every line.

use bevy::prelude::*;

use super::plugin::SaveSystems;
use super::seen::SeenLines;
use crate::content::NodeDef;
use crate::screen::Screen;
use crate::story::{BeatId, Story};

/// New lines noted before the record is stored even within a scene.
const LINES_PER_STORE: usize = 12;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Unstored>()
        .add_systems(Update, note_line_shown.in_set(SaveSystems::Save))
        .add_systems(OnExit(Screen::Playing), store)
        .add_systems(Last, store.run_if(on_message::<AppExit>));
}

/// Lines noted since the record was last stored, and the scene then.
#[derive(Resource, Default)]
struct Unstored {
    lines: usize,
    scene: String,
}

/// Notes the line newly shown in the record of lines read; stores the
/// record at a new scene or after [`LINES_PER_STORE`] new lines.
fn note_line_shown(
    story: Res<Story>,
    seen: Option<ResMut<SeenLines>>,
    mut unstored: ResMut<Unstored>,
    mut looked_at: Local<Option<BeatId>>,
) {
    let (Some(mut seen), Some(session)) = (seen, story.session()) else {
        return;
    };
    let shown = story.beat_id();
    if std::mem::replace(&mut *looked_at, shown) == shown {
        return;
    }
    let at = &session.story().cursor;
    if matches!(session.library().node(at), Some(NodeDef::Line { .. })) && seen.insert(at) {
        unstored.lines += 1;
    }
    if unstored.lines > 0 && (unstored.lines >= LINES_PER_STORE || unstored.scene != at.scene) {
        keep(&seen, &mut unstored, &at.scene);
    }
}

/// Stores the record if lines were noted since it was last stored.
fn store(seen: Option<Res<SeenLines>>, mut unstored: ResMut<Unstored>) {
    if let Some(seen) = seen
        && unstored.lines > 0
    {
        let scene = unstored.scene.clone();
        keep(&seen, &mut unstored, &scene);
    }
}

fn keep(seen: &SeenLines, unstored: &mut Unstored, scene: &str) {
    if let Err(err) = seen.store() {
        warn!("could not keep the record of lines read: {err}");
    }
    *unstored = Unstored {
        lines: 0,
        scene: scene.to_owned(),
    };
}
