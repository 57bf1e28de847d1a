//! Each scene as a whole: its id, room, cast, interrupts, time of day,
//! positions, phases and dress, and who speaks in it. Its nodes are
//! checked in `nodes`.

use std::collections::{HashMap, HashSet};

use super::path::Path;
use super::report::hint_for;
use super::{Checker, MAX_TIMER_SECONDS, MAX_WAIT_MINUTES, effects, nodes};
use crate::content::format::SceneDef;
use crate::content::limits::MAX_NODES;
use crate::content::parse::ContentFile;

/// Checks every scene file: scene ids are unique, and each scene is sound.
pub(super) fn check(checker: &mut Checker) {
    let set = checker.set;
    let mut first_file_of: HashMap<&str, &str> = HashMap::new();
    for file in &set.scenes {
        let id = file.value.id.as_str();
        if let Some(first) = first_file_of.get(id) {
            checker
                .error(
                    file,
                    &Path::root().field("id"),
                    format!("scene id `{id}` is already used"),
                )
                .hint(format!("first used in {first}; scene ids must be unique"));
        } else {
            first_file_of.insert(id, &file.path);
        }
        scene(checker, file);
    }
}

/// One scene, from its id to its nodes.
fn scene(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    let scene = &file.value;
    checker.id(file, &Path::root().field("id"), &scene.id, "scene");
    checker.text(
        file,
        &Path::root().field("title"),
        &scene.title,
        "the title",
    );
    room(checker, file);
    cast(checker, file);
    if scene.nodes.is_empty() {
        checker
            .error(
                file,
                &Path::root().field("nodes"),
                format!("scene `{}` has no nodes", scene.id),
            )
            .hint("a scene needs at least one node; the first is where it begins");
    } else if scene.nodes.len() > MAX_NODES {
        checker
            .error(
                file,
                &Path::root().field("nodes"),
                format!(
                    "scene `{}` has {} nodes; a scene may have {MAX_NODES} at the most",
                    scene.id,
                    scene.nodes.len()
                ),
            )
            .hint("split it into several scenes, one leading to the next with `@scene_id`");
    }
    interrupts(checker, file);
    time_of_day(checker, file);
    offstage(checker, file);
    places_for_the_cast(checker, file);
    positions(checker, file);
    phases(checker, file);
    dress(checker, file);
    nodes::check(checker, file);
}

/// The scene's room exists.
fn room(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    let room = &file.value.room;
    if !checker.library.rooms.contains_key(room) {
        let hint = hint_for(room, checker.library.rooms.keys(), "rooms.ron");
        checker
            .error(
                file,
                &Path::root().field("room"),
                format!("unknown room `{room}`"),
            )
            .hint(hint);
    }
}

/// Each of the cast is a known character, listed once.
fn cast(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    let mut listed = HashSet::new();
    for (i, id) in file.value.cast.iter().enumerate() {
        let at = Path::root().field("cast").index(i);
        if checker.character(file, &at, id) && !listed.insert(id.as_str()) {
            checker
                .warning(file, &at, format!("`{id}` is in the cast twice"))
                .hint("list each character once");
        }
    }
}

/// Each interrupt's condition and target, and that no earlier handler
/// always takes its alarm first.
fn interrupts(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    let interrupts = &file.value.interrupts;
    for (i, interrupt) in interrupts.iter().enumerate() {
        let at = Path::root().field("interrupts").index(i);
        if let Some(when) = &interrupt.when {
            effects::condition(checker, file, &at.field("when"), when);
        }
        nodes::target(checker, file, &at.field("goto"), &interrupt.goto);
        let shadowed = interrupts[..i]
            .iter()
            .any(|earlier| earlier.alarm == interrupt.alarm && earlier.when.is_none());
        if shadowed {
            checker
                .warning(
                    file,
                    &at.field("alarm"),
                    "this handler never runs: an earlier one takes the same alarm always"
                        .to_owned(),
                )
                .hint("give the earlier handler a `when`, or remove this one");
        }
    }
}

/// The scene's time, when given, is a time of day.
fn time_of_day(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    if let Some(time) = &file.value.time
        && !is_time_of_day(time)
    {
        checker
            .error(
                file,
                &Path::root().field("time"),
                format!("`{time}` is not a time of day"),
            )
            .hint("write it as hours and minutes, \"07:30\" or \"18:05\"");
    }
}

/// Those offstage are in the cast.
fn offstage(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    let scene = &file.value;
    for (i, id) in scene.offstage.iter().enumerate() {
        if !scene.cast.contains(id) {
            checker
                .error(
                    file,
                    &Path::root().field("offstage").index(i),
                    format!("`{id}` is offstage but not in the cast"),
                )
                .hint("offstage lists those of the cast who are only heard");
        }
    }
}

/// The room has a place for each of the cast who is seen.
fn places_for_the_cast(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    let scene = &file.value;
    let Some(room) = checker.library.rooms.get(&scene.room) else {
        return;
    };
    let seen = scene
        .cast
        .iter()
        .filter(|id| !scene.offstage.contains(id))
        .filter(|id| {
            checker
                .library
                .characters
                .get(*id)
                .is_some_and(|c| c.look.is_some())
        })
        .count();
    if seen > room.places.len() {
        checker
            .warning(
                file,
                &Path::root().field("cast"),
                format!(
                    "{seen} of the cast are seen, but room `{}` has {} places",
                    room.id,
                    room.places.len()
                ),
            )
            .hint("the rest are not drawn: add places to the room in rooms.ron, or list them in `offstage`");
    }
}

/// Each position names a cast member and a role of the room's places.
fn positions(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    let scene = &file.value;
    let room = checker.library.rooms.get(&scene.room).map(|room| {
        let roles: Vec<String> = room.places.iter().filter_map(|p| p.role.clone()).collect();
        (room.id.clone(), roles)
    });
    for (who, role) in &scene.positions {
        let at = Path::entry(file, "positions", who);
        if !scene.cast.contains(who) {
            checker
                .error(
                    file,
                    &at,
                    format!("`{who}` has a position but is not in the cast"),
                )
                .hint("positions place members of the scene's cast");
        }
        let Some((room, roles)) = &room else { continue };
        if !roles.contains(role) {
            let hint = hint_for(role, roles.iter(), &format!("the places of room `{room}`"));
            checker
                .error(
                    file,
                    &at,
                    format!("room `{room}` has no place for the role `{role}`"),
                )
                .hint(hint);
        }
    }
    let mut taken = HashSet::new();
    for (who, role) in &scene.positions {
        if !taken.insert(role) {
            checker
                .error(
                    file,
                    &Path::entry(file, "positions", who),
                    format!("two of the cast stand at `{role}`"),
                )
                .hint("give each a place of their own");
        }
    }
}

/// Phase ids, names, lengths and effects.
fn phases(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    let mut ids = HashSet::new();
    for (i, phase) in file.value.phases.iter().enumerate() {
        let at = Path::root().field("phases").index(i);
        checker.id(file, &at.field("id"), &phase.id, "phase");
        if !ids.insert(phase.id.as_str()) {
            checker
                .error(
                    file,
                    &at.field("id"),
                    format!("phase id `{}` is already used in this scene", phase.id),
                )
                .hint("phase ids must be unique within a scene");
        }
        checker.text(file, &at.field("name"), &phase.name, "the phase's name");
        if !(1..=MAX_WAIT_MINUTES).contains(&phase.minutes) {
            checker
                .error(
                    file,
                    &at.field("minutes"),
                    format!("a phase of {} minutes", phase.minutes),
                )
                .hint(format!("a phase takes 1 to {MAX_WAIT_MINUTES} minutes"));
        }
        if let Some(seconds) = phase.seconds
            && !(0.5..=MAX_TIMER_SECONDS).contains(&seconds)
        {
            checker
                .error(
                    file,
                    &at.field("seconds"),
                    format!("a phase shown for {seconds} seconds"),
                )
                .hint(format!(
                    "a phase is shown for 0.5 to {MAX_TIMER_SECONDS} real seconds"
                ));
        }
        effects::list(checker, file, &at.field("start"), &phase.start);
        effects::list(checker, file, &at.field("done"), &phase.done);
    }
}

/// Those dressed are in the cast, and their clothes have a colour.
fn dress(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    let scene = &file.value;
    for (who, dress) in &scene.dress {
        let at = Path::entry(file, "dress", who);
        if !scene.cast.contains(who) {
            checker
                .error(file, &at, format!("`{who}` is dressed but not in the cast"))
                .hint("`dress` changes what members of the scene's cast wear");
        }
        checker.color(file, &at, &dress.clothes);
    }
}

/// Who speaks, if anybody, is a known character in the scene's cast.
pub(super) fn speaker(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    at: &Path,
    speaker: &Option<String>,
) {
    let Some(speaker) = speaker else { return };
    if checker.character(file, at, speaker) && !file.value.cast.contains(speaker) {
        checker
            .warning(
                file,
                at,
                format!("`{speaker}` speaks but is not in the scene's cast"),
            )
            .hint("add the character to `cast` so that they stand in the room");
    }
}

/// Whether `text` is a time of day as `HH:MM`.
fn is_time_of_day(text: &str) -> bool {
    let Some((hours, minutes)) = text.split_once(':') else {
        return false;
    };
    let two_digits = |s: &str| s.len() == 2 && s.chars().all(|c| c.is_ascii_digit());
    two_digits(hours)
        && two_digits(minutes)
        && hours.parse::<u32>().is_ok_and(|h| h < 24)
        && minutes.parse::<u32>().is_ok_and(|m| m < 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_of_day_are_hours_and_minutes() {
        for good in ["07:30", "00:00", "23:59"] {
            assert!(super::is_time_of_day(good), "{good}");
        }
        for bad in ["7:30", "24:00", "07:60", "0730", "ab:cd"] {
            assert!(!super::is_time_of_day(bad), "{bad}");
        }
    }
}
