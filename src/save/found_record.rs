//! The record of the story found, kept as the story shows it: noted at
//! every new beat, stored when the story enters another scene or ends,
//! and when the player leaves the game or quits. Chapter select plays
//! from it.

use bevy::prelude::*;

use super::found::Found;
use super::plugin::{PlayChapter, SaveNews, SaveSystems};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::{BeatId, Story};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, note_beat_shown.in_set(SaveSystems::Save))
        .add_systems(Update, play_chapter.in_set(SaveSystems::Load))
        .add_systems(OnExit(Screen::Playing), store)
        .add_systems(Last, store.run_if(on_message::<AppExit>));
}

/// The beat looked at last, and the game and scene it was in.
#[derive(Default)]
struct LookedAt {
    beat: Option<BeatId>,
    scene: Option<(u64, String)>,
}

/// Notes what the story reached whenever its beat changes; a beat in
/// another scene, or the first of a game, enters that scene. Stores the
/// record then, and at an ending.
fn note_beat_shown(story: Res<Story>, found: Option<ResMut<Found>>, mut looked: Local<LookedAt>) {
    let (Some(mut found), Some(session)) = (found, story.session()) else {
        return;
    };
    let shown = story.beat_id();
    if std::mem::replace(&mut looked.beat, shown) == shown {
        return;
    }
    let here = (story.game(), session.story().cursor.scene.clone());
    let entered = looked.scene.as_ref() != Some(&here);
    // A game loaded from a save comes in mid-scene: not a chapter's start.
    let first_of_game = looked.scene.as_ref().is_none_or(|s| s.0 != here.0);
    let starts_chapter = entered && !(story.loaded() && first_of_game);
    looked.scene = Some(here);
    // Marked changed only when something new was found, so that pages
    // drawn from the record (the flowchart) are laid out again only then.
    if found
        .bypass_change_detection()
        .note(session, starts_chapter)
    {
        found.set_changed();
    }
    if entered || session.ending().is_some() {
        keep(found.bypass_change_detection());
    }
}

/// Stores the record if anything was found since it was last stored.
fn store(found: Option<ResMut<Found>>) {
    if let Some(mut found) = found {
        keep(&mut found);
    }
}

fn keep(found: &mut Found) {
    if let Err(err) = found.store() {
        warn!("could not keep the record of the story found: {err}");
    }
}

/// Plays the chapter asked for from where a game first entered it.
fn play_chapter(
    mut requests: MessageReader<PlayChapter>,
    found: Option<Res<Found>>,
    mut story: ResMut<Story>,
    settings: Res<Settings>,
    mut screen: ResMut<NextState<Screen>>,
    mut news: MessageWriter<SaveNews>,
) {
    let Some(PlayChapter(scene)) = requests.read().last() else {
        return;
    };
    let Some(start) = found.as_ref().and_then(|f| f.progress().chapter(scene)) else {
        news.write(SaveNews::Failed(format!(
            "no game has entered `{scene}` yet"
        )));
        return;
    };
    match story.load(start.clone(), settings.timers) {
        Ok(_) => screen.set(Screen::Playing),
        Err(_) => {
            news.write(SaveNews::Failed("the scenes are not loaded yet".into()));
        }
    }
}
