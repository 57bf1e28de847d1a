//! Announces what the session shows and what happened in it: messages for
//! the overlay, the sound and the tests, the [`CurrentBeat`] to draw, and
//! Frau Bram's case on the patient entity.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::host::{BeatId, CurrentBeat, PatientCase, Story};
use super::messages::{
    DecisionExpired, OfferedOption, RelationshipChanged, ShowChoices, ShowLine, ShowPhase,
    StoryEnded,
};
use super::runner::Beat;
use super::session::{Notice, Session};
use crate::content::{LocalizedText, NodeDef, NodeRef};
use crate::patient::AlarmRaised;

/// The game and the revision of its beat last shown; none when it must be
/// shown again (the playing screen opened).
#[derive(Resource, Default)]
pub(super) struct Shown(Option<BeatId>);

impl Shown {
    /// Shows the beat again, whatever its revision.
    pub(super) fn forget(&mut self) {
        self.0 = None;
    }
}

/// Where the story's messages go.
#[derive(SystemParam)]
pub(super) struct Announcers<'w> {
    lines: MessageWriter<'w, ShowLine>,
    choices: MessageWriter<'w, ShowChoices>,
    phases: MessageWriter<'w, ShowPhase>,
    ended: MessageWriter<'w, StoryEnded>,
}

/// Where the session's notices go.
#[derive(SystemParam)]
pub(super) struct NoticeBoard<'w> {
    alarms: MessageWriter<'w, AlarmRaised>,
    relationships: MessageWriter<'w, RelationshipChanged>,
    expired: MessageWriter<'w, DecisionExpired>,
}

/// Tells the game what happened in the session: alarms, relationships, a
/// timer that ran out.
pub(super) fn notices(mut story: ResMut<Story>, mut board: NoticeBoard) {
    let Some(session) = story.session_mut() else {
        return;
    };
    let notices = session.take_notices();
    for notice in notices {
        match notice {
            Notice::Alarm(raised) => {
                info!("alarm at minute {}: {:?}", raised.minute, raised.alarm);
                board.alarms.write(AlarmRaised {
                    alarm: raised.alarm,
                    minute: raised.minute,
                });
            }
            Notice::Relationship(change) => {
                if let Some(r) = session.library().relationships.get(&change.id) {
                    board.relationships.write(RelationshipChanged {
                        id: change.id,
                        name: r.name.clone(),
                        delta: change.delta,
                        rising_is_worse: r.rising_is_worse,
                    });
                }
            }
            Notice::Interrupted { alarm, at } => {
                info!("{alarm:?} interrupts the story at {at}");
            }
            Notice::Expired { at, taken } => {
                let taken = taken.and_then(|id| option_text(session, &at, &id));
                board.expired.write(DecisionExpired { at, taken });
            }
        }
    }
}

/// The text of an option of the choice at `at`.
fn option_text(session: &Session, at: &NodeRef, id: &str) -> Option<LocalizedText> {
    match session.library().node(at)? {
        NodeDef::Choice { options, .. } => {
            options.iter().find(|o| o.id == id).map(|o| o.text.clone())
        }
        _ => None,
    }
}

/// Shows the session's beat when it is new or changed, and keeps a running
/// phase's minutes current.
pub(super) fn beat(
    story: Res<Story>,
    mut shown: ResMut<Shown>,
    mut current: ResMut<CurrentBeat>,
    mut announcers: Announcers,
) {
    let (Some(session), Some(now)) = (story.session(), story.beat_id()) else {
        return;
    };
    if shown.0 == Some(now) {
        // Changed only when a minute passed: what reads the beat runs on
        // its change.
        let running = &session.story().phase;
        if let (CurrentBeat::Phase(phase), Some(running)) =
            (current.bypass_change_detection(), running)
            && phase.left != running.left
        {
            phase.left = running.left;
            current.set_changed();
        }
        return;
    }
    shown.0 = Some(now);
    match session.beat() {
        Ok(beat) => *current = announcers.announce(beat),
        Err(err) => error!("story: {err}"),
    }
}

impl Announcers<'_> {
    /// Sends the message for `beat` and returns it as the beat on screen.
    fn announce(&mut self, beat: Beat) -> CurrentBeat {
        match beat {
            Beat::Line { at, speaker, text } => {
                let line = ShowLine {
                    at,
                    speaker: speaker.map(str::to_owned),
                    text: text.clone(),
                };
                self.lines.write(line.clone());
                CurrentBeat::Line(line)
            }
            Beat::Choice {
                at,
                speaker,
                prompt,
                options,
                timer,
            } => {
                let show = ShowChoices {
                    at,
                    speaker: speaker.map(str::to_owned),
                    prompt: prompt.cloned(),
                    options: options
                        .into_iter()
                        .map(|o| OfferedOption {
                            id: o.id.clone(),
                            text: o.text.clone(),
                            hint: o.hint.clone(),
                        })
                        .collect(),
                    seconds: timer.map(|t| t.seconds),
                };
                self.choices.write(show.clone());
                CurrentBeat::Choices(show)
            }
            Beat::Phase {
                at,
                phase,
                speaker,
                text,
                left,
            } => {
                let show = ShowPhase {
                    at,
                    name: phase.name.clone(),
                    speaker: speaker.map(str::to_owned),
                    text: text.cloned(),
                    minutes: phase.minutes,
                    left,
                };
                self.phases.write(show.clone());
                CurrentBeat::Phase(show)
            }
            Beat::End { ending, .. } => {
                let end = StoryEnded {
                    ending: ending.to_owned(),
                };
                self.ended.write(end.clone());
                CurrentBeat::Ended(end)
            }
        }
    }
}

/// Shows the session's case on the patient entity when it changed (a new
/// game shows a new case).
pub(super) fn case(story: Res<Story>, mut patient: PatientCase) {
    if let Some(session) = story.session()
        && **patient != *session.case()
    {
        **patient = session.case().clone();
    }
}

/// Shows the current beat again when the playing screen opens.
pub(super) fn show_again(mut shown: ResMut<Shown>) {
    shown.forget();
}

/// Logs why the story cannot go on, once each time it stops.
pub(super) fn faults(story: Res<Story>, mut logged: Local<Option<String>>) {
    let fault = story.fault();
    if fault != *logged {
        if let Some(fault) = &fault {
            error!("story: {fault}");
        }
        *logged = fault;
    }
}

/// Clears what was shown when the player leaves the playing screen. A
/// running countdown stays, stopped, for when the player continues.
pub(super) fn clear_beat(mut current: ResMut<CurrentBeat>) {
    *current = CurrentBeat::Nothing;
}
