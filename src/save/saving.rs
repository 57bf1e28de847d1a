//! Saving: the autosave at the start of every scene and at every choice,
//! and saves on request. Where pictures of the screen are taken, a save
//! waits a moment for the picture of the beat it saves; one still waiting
//! is written when the player leaves the game or quits.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::file::SaveFile;
use super::plugin::{SaveNews, SaveSystems, SaveTo, ScreenThumbnail, ThumbnailsTaken};
use super::shelf::{Saves, Slot};
use crate::content::{NodeDef, NodeRef};
use crate::screen::Screen;
use crate::story::{BeatId, Story};

/// Seconds a save waits for the picture of its beat at most.
const PICTURE_WAIT: f32 = 3.0;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Waiting>()
        .add_systems(
            Update,
            (autosave, save, finish_waiting)
                .chain()
                .in_set(SaveSystems::Save),
        )
        .add_systems(OnExit(Screen::Playing), write_waiting)
        .add_systems(Last, write_waiting.run_if(on_message::<AppExit>));
}

/// Saves waiting for the picture of their beat: the slot, the save, its
/// beat and since when it waits (real seconds).
#[derive(Resource, Default)]
struct Waiting(Vec<(Slot, SaveFile, BeatId, f32)>);

/// The local time now: seconds since 1970 (UTC) and the offset of local
/// time from UTC in seconds.
fn now() -> (i64, i32) {
    let now = chrono::Local::now();
    (now.timestamp(), now.offset().local_minus_utc())
}

/// What saving works with: the slots, the game, the screen's picture, the
/// saves waiting for theirs, and where to tell how it went.
#[derive(SystemParam)]
struct Saving<'w> {
    saves: Option<ResMut<'w, Saves>>,
    story: Res<'w, Story>,
    picture: Res<'w, ScreenThumbnail>,
    pictures_taken: Option<Res<'w, ThumbnailsTaken>>,
    waiting: ResMut<'w, Waiting>,
    time: Res<'w, Time<Real>>,
    news: MessageWriter<'w, SaveNews>,
}

impl Saving<'_> {
    /// Saves the game being played into `slot`: at once with the picture of
    /// its beat, or when that picture comes.
    fn save(&mut self, slot: Slot) {
        let (Some(session), Some(beat)) = (self.story.session(), self.story.beat_id()) else {
            return;
        };
        if self.saves.is_none() || self.story.fault().is_some() {
            return;
        }
        let mut file = SaveFile::of(session, now(), None);
        match &self.picture.0 {
            Some((shown, picture)) if *shown == beat => {
                file.about.thumbnail = Some(picture.clone())
            }
            _ if self.pictures_taken.is_some() => {
                let since = self.time.elapsed_secs();
                self.waiting.0.retain(|(waiting, ..)| *waiting != slot);
                self.waiting.0.push((slot, file, beat, since));
                return;
            }
            _ => {}
        }
        self.write(slot, &file);
    }

    /// Writes `file` into `slot` and tells how it went.
    fn write(&mut self, slot: Slot, file: &SaveFile) {
        let Some(saves) = self.saves.as_mut() else {
            return;
        };
        match saves.save(slot, file) {
            Ok(set_aside) => {
                if let Some(kept) = set_aside {
                    self.news.write(SaveNews::SetAside(kept));
                }
                if slot != Slot::Auto {
                    self.news.write(SaveNews::Saved(slot));
                }
            }
            Err(err) => {
                warn!("could not save the game into {slot:?}: {err}");
                self.news.write(SaveNews::Failed(err.to_string()));
            }
        }
    }
}

/// Saves the game into the slots asked for.
fn save(mut requests: MessageReader<SaveTo>, mut saving: Saving) {
    for SaveTo(slot) in requests.read() {
        saving.save(*slot);
    }
}

/// What the autosave last saw: the game, its scene, and the choice shown.
#[derive(Default)]
struct Autosaved {
    game: u64,
    scene: String,
    choice: Option<(NodeRef, u32)>,
}

/// Whether the autosave saves now: when a new game begins, the story
/// enters a scene or shows a choice; not when a game was just loaded
/// (that would overwrite the autosave with an older game).
fn autosave_due(last: &Autosaved, now: &Autosaved, loaded: bool) -> bool {
    if now.game != last.game {
        return !loaded;
    }
    now.scene != last.scene || (now.choice.is_some() && now.choice != last.choice)
}

/// Saves into the autosave when [`autosave_due`] says so.
/// Looked at only when the beat on screen changed.
fn autosave(mut last: Local<Autosaved>, mut looked_at: Local<Option<BeatId>>, mut saving: Saving) {
    let beat = saving.story.beat_id();
    if std::mem::replace(&mut *looked_at, beat) == beat {
        return;
    }
    let Some(session) = saving.story.session() else {
        return;
    };
    let story = session.story();
    let at = &story.cursor;
    let choice = matches!(session.library().node(at), Some(NodeDef::Choice { .. }))
        .then(|| (at.clone(), story.visits_of(at)));
    let now = Autosaved {
        game: saving.story.game(),
        scene: at.scene.clone(),
        choice,
    };
    let due = autosave_due(&last, &now, saving.story.loaded());
    if now.game != last.game {
        // Saves of another game do not wait for a picture of this one.
        saving
            .waiting
            .0
            .retain(|(_, _, beat, _)| beat.game == now.game);
    }
    *last = now;
    if due {
        saving.save(Slot::Auto);
    }
}

/// Writes each waiting save once the picture of its beat is taken, or
/// without one when it does not come in time.
fn finish_waiting(mut saving: Saving) {
    let now = saving.time.elapsed_secs();
    let shown = saving.picture.0.clone();
    let waiting = std::mem::take(&mut saving.waiting.0);
    for (slot, mut file, beat, since) in waiting {
        match &shown {
            Some((at, picture)) if *at == beat => file.about.thumbnail = Some(picture.clone()),
            _ if now - since <= PICTURE_WAIT => {
                saving.waiting.0.push((slot, file, beat, since));
                continue;
            }
            _ => {}
        }
        saving.write(slot, &file);
    }
}

/// Writes every save still waiting for its picture, without it: the
/// player leaves the game or quits.
fn write_waiting(mut saving: Saving) {
    for (slot, file, ..) in std::mem::take(&mut saving.waiting.0) {
        saving.write(slot, &file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(game: u64, scene: &str, choice: Option<&str>) -> Autosaved {
        Autosaved {
            game,
            scene: scene.into(),
            choice: choice.map(|node| (NodeRef::new(scene, node), 1)),
        }
    }

    #[test]
    fn the_autosave_follows_new_games_scenes_and_choices_but_not_loads() {
        let start = at(1, "ch1", None);
        assert!(
            autosave_due(&Autosaved::default(), &start, false),
            "a new game"
        );
        assert!(
            !autosave_due(&Autosaved::default(), &start, true),
            "a loaded game"
        );
        assert!(!autosave_due(&start, &start, false), "nothing new");
        assert!(
            autosave_due(&start, &at(1, "ch2", None), false),
            "a new scene"
        );
        let asked = at(1, "ch1", Some("ask"));
        assert!(autosave_due(&start, &asked, false), "a choice");
        assert!(!autosave_due(&asked, &asked, false), "the same choice");
    }
}
