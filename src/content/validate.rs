//! Everything about content that serde cannot check: unknown and duplicate
//! ids, missing translations, invalid timers, unreachable nodes, dead ends.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use super::diagnostic::{Diagnostic, Pos};
use super::format::{
    Condition, Effect, FORMAT_VERSION, NodeDef, OptionDef, PropDef, PropShape, SceneDef, Target,
    Timeout, Value, is_valid_id,
};
use super::library::{Library, NodeRef};
use super::load::ContentSet;
use super::locate::Seg;
use super::parse::ContentFile;
use super::text::LocalizedText;
use crate::clock::MAX_PACE;
use crate::patient::Intervention;

/// The most options a choice may offer: one per number key.
pub const MAX_OPTIONS: usize = 9;
/// The most simulated minutes one `Wait` (or one operation) may take.
pub const MAX_WAIT_MINUTES: u32 = 24 * 60;
/// The longest a timed choice may wait, in seconds.
pub const MAX_TIMER_SECONDS: f32 = 300.0;

type Path = Vec<Seg<'static>>;

/// Checks a content set and returns every problem found.
pub fn validate(set: &ContentSet) -> Vec<Diagnostic> {
    let mut v = Validator {
        set,
        library: Library::build(set),
        out: Vec::new(),
    };
    v.manifest();
    v.characters();
    v.rooms();
    let mut scene_ids: HashMap<&str, &str> = HashMap::new();
    for file in &set.scenes {
        let id = file.value.id.as_str();
        if let Some(first) = scene_ids.get(id) {
            v.error(
                file,
                &[Seg::Field("id")],
                format!("scene id `{id}` is already used"),
            )
            .hint(format!("first used in {first}; scene ids must be unique"));
        } else {
            scene_ids.insert(id, &file.path);
        }
        v.scene(file);
    }
    v.graph();
    v.out
}

struct Validator<'a> {
    set: &'a ContentSet,
    library: Library,
    out: Vec<Diagnostic>,
}

/// Lets a hint be attached to the diagnostic just pushed.
struct Pushed<'v>(&'v mut Diagnostic);

impl Pushed<'_> {
    fn hint(self, hint: impl Into<String>) {
        self.0.hint = Some(hint.into());
    }
}

impl<'a> Validator<'a> {
    fn push<T>(
        &mut self,
        file: &ContentFile<T>,
        path: &[Seg],
        d: fn(&str, Pos, String) -> Diagnostic,
        message: String,
    ) -> Pushed<'_> {
        let pos = file.located.pos_of(path);
        self.out.push(d(&file.path, pos, message));
        Pushed(self.out.last_mut().expect("just pushed"))
    }

    fn error<T>(&mut self, file: &ContentFile<T>, path: &[Seg], message: String) -> Pushed<'_> {
        self.push(file, path, Diagnostic::error, message)
    }

    fn warning<T>(&mut self, file: &ContentFile<T>, path: &[Seg], message: String) -> Pushed<'_> {
        self.push(file, path, Diagnostic::warning, message)
    }

    fn id<T>(&mut self, file: &ContentFile<T>, path: &[Seg], id: &str, what: &str) {
        if !is_valid_id(id) {
            self.error(file, path, format!("`{id}` is not a valid {what} id"))
                .hint("ids use lowercase letters, digits and `_`, and start with a letter");
        }
    }

    fn text<T>(&mut self, file: &ContentFile<T>, path: &[Seg], text: &LocalizedText, what: &str) {
        let missing: Vec<_> = text.missing().collect();
        for lang in missing {
            self.error(file, path, format!("{what} has no `{}` text", lang.code()))
                .hint("every text needs both languages: (de: \"…\", en: \"…\")");
        }
    }

    fn color<T>(&mut self, file: &ContentFile<T>, path: &[Seg], color: &str) {
        if crate::content::parse_color(color).is_none() {
            self.error(file, path, format!("`{color}` is not a colour"))
                .hint("write colours as \"#rrggbb\", for example \"#3a6ea5\"");
        }
    }

    fn manifest(&mut self) {
        let file = &self.set.manifest;
        let m = &file.value;
        if m.format != FORMAT_VERSION {
            self.error(
                file,
                &[Seg::Field("format")],
                format!("unsupported format version {}", m.format),
            )
            .hint(format!(
                "this build of Famulant reads format {FORMAT_VERSION}"
            ));
        }
        if m.start.scene.is_none() {
            self.error(
                file,
                &[Seg::Field("start")],
                format!("start `{}` names no scene", m.start),
            )
            .hint("write the start as `@scene_id` or `@scene_id.node_id`");
        } else if self.library.resolve("", &m.start).is_none() {
            let hint = self.suggest_target("", &m.start);
            self.error(
                file,
                &[Seg::Field("start")],
                format!("start `{}` does not exist", m.start),
            )
            .hint(hint);
        }
        let mut seen = HashSet::new();
        for (i, name) in m.scenes.iter().enumerate() {
            if !seen.insert(name) {
                self.error(
                    file,
                    &[Seg::Field("scenes"), Seg::Index(i)],
                    format!("`{name}` is listed twice"),
                )
                .hint("list each scene file once");
            }
        }
        for (i, name) in m.variables.keys().enumerate() {
            if !is_valid_id(name) {
                self.error(
                    file,
                    &[Seg::Field("variables"), Seg::Index(i)],
                    format!("`{name}` is not a valid variable name"),
                )
                .hint(
                    "variable names use lowercase letters, digits and `_`, and start with a letter",
                );
            }
        }
        let mut seen = HashSet::new();
        for (i, r) in m.relationships.iter().enumerate() {
            let name = &r.id;
            let at = |field| {
                [
                    Seg::Field("relationships"),
                    Seg::Index(i),
                    Seg::Field(field),
                ]
            };
            let entry = at("id");
            if !seen.insert(name) {
                self.error(file, &entry, format!("`{name}` is declared twice"))
                    .hint("each relationship once");
            }
            if !is_valid_id(name) {
                self.error(
                    file,
                    &entry,
                    format!("`{name}` is not a valid relationship name"),
                )
                .hint("names use lowercase letters, digits and `_`, and start with a letter");
            }
            if m.variables.contains_key(name) {
                self.error(
                    file,
                    &entry,
                    format!("`{name}` is both a variable and a relationship"),
                )
                .hint(
                    "declare it once: relationships are number variables with a name and a range",
                );
            }
            self.text(file, &at("name"), &r.name, "the relationship's name");
            if r.between.len() > 2 {
                self.error(
                    file,
                    &at("between"),
                    format!("{} characters", r.between.len()),
                )
                .hint("a relationship is about one or two characters, or none for the team");
            }
            for (k, who) in r.between.iter().enumerate() {
                if !self.library.characters.contains_key(who) {
                    let hint = hint_for(who, self.library.characters.keys(), "characters.ron");
                    self.error(
                        file,
                        &[
                            Seg::Field("relationships"),
                            Seg::Index(i),
                            Seg::Field("between"),
                            Seg::Index(k),
                        ],
                        format!("unknown character `{who}`"),
                    )
                    .hint(hint);
                }
            }
            if !(r.min < r.max && (r.min..=r.max).contains(&r.start)) {
                self.error(
                    file,
                    &at("start"),
                    format!("a start of {} in the range {}..={}", r.start, r.min, r.max),
                )
                .hint("min lies below max, and the start between them");
            }
        }
    }

    fn characters(&mut self) {
        let file = &self.set.characters;
        let mut seen = HashSet::new();
        for (i, c) in file.value.iter().enumerate() {
            let at = |field| [Seg::Index(i), Seg::Field(field)];
            self.id(file, &at("id"), &c.id, "character");
            if !seen.insert(c.id.as_str()) {
                self.error(
                    file,
                    &at("id"),
                    format!("character id `{}` is already used", c.id),
                )
                .hint("character ids must be unique");
            }
            self.text(file, &at("name"), &c.name, "the name");
            self.text(file, &at("role"), &c.role, "the role");
            self.color(file, &at("color"), &c.color);
            if let Some(look) = &c.look {
                let path = |field| [Seg::Index(i), Seg::Field("look"), Seg::Field(field)];
                for (field, colour) in [
                    ("clothes", &look.clothes),
                    ("skin", &look.skin),
                    ("hair", &look.hair),
                ] {
                    self.color(file, &path(field), colour);
                }
                for (field, value, range) in [
                    ("height", look.height, 0.8..=1.2),
                    ("build", look.build, 0.8..=1.3),
                ] {
                    if !range.contains(&value) {
                        self.error(file, &path(field), format!("a {field} of {value}"))
                            .hint(format!(
                                "{field} is against an average adult: {} to {}",
                                range.start(),
                                range.end()
                            ));
                    }
                }
            }
        }
    }

    fn rooms(&mut self) {
        let file = &self.set.rooms;
        let mut seen = HashSet::new();
        for (i, r) in file.value.iter().enumerate() {
            let at = |field| [Seg::Index(i), Seg::Field(field)];
            self.id(file, &at("id"), &r.id, "room");
            if !seen.insert(r.id.as_str()) {
                self.error(
                    file,
                    &at("id"),
                    format!("room id `{}` is already used", r.id),
                )
                .hint("room ids must be unique");
            }
            self.text(file, &at("name"), &r.name, "the name");
            self.color(file, &at("color"), &r.color);
            let ambience = |field| [Seg::Index(i), Seg::Field("ambience"), Seg::Field(field)];
            if !(0.0..=1.0).contains(&r.ambience.level) {
                self.error(
                    file,
                    &ambience("level"),
                    format!("an ambience level of {}", r.ambience.level),
                )
                .hint("the level runs from 0 (silent) to 1");
            }
            if !(20.0..=400.0).contains(&r.ambience.hum) {
                self.error(
                    file,
                    &ambience("hum"),
                    format!("a hum of {} Hz", r.ambience.hum),
                )
                .hint("the hum's pitch runs from 20 to 400 Hz");
            }
            let mut roles = HashSet::new();
            for (k, place) in r.places.iter().enumerate() {
                let Some(role) = &place.role else { continue };
                if !roles.insert(role.as_str()) {
                    self.error(
                        file,
                        &[
                            Seg::Index(i),
                            Seg::Field("places"),
                            Seg::Index(k),
                            Seg::Field("role"),
                        ],
                        format!("the role `{role}` is already a place of this room"),
                    )
                    .hint("each place's role is unique in its room");
                }
            }
            for (k, prop) in r.props.iter().enumerate() {
                let path = |field| {
                    [
                        Seg::Index(i),
                        Seg::Field("props"),
                        Seg::Index(k),
                        Seg::Field(field),
                    ]
                };
                self.prop(file, &path("shape"), &path("color"), &path("bottom"), prop);
            }
        }
    }

    fn prop<T>(
        &mut self,
        file: &ContentFile<T>,
        shape_at: &[Seg],
        color_at: &[Seg],
        bottom_at: &[Seg],
        prop: &PropDef,
    ) {
        for (path, colour) in [
            (color_at, Some(&prop.color)),
            (bottom_at, prop.bottom.as_ref()),
        ] {
            if let Some(colour) = colour.filter(|c| crate::content::parse_rgba(c).is_none()) {
                self.error(file, path, format!("`{colour}` is not a colour"))
                    .hint("write colours as \"#rrggbb\", or \"#rrggbbaa\" with opacity");
            }
        }
        if matches!(prop.shape, PropShape::Image(..)) && prop.bottom.is_some() {
            self.warning(file, bottom_at, "a picture has no bottom colour".to_owned())
                .hint("`color` tints a picture as a whole; `bottom` is left unused");
        }
        let problem = match &prop.shape {
            PropShape::Rect(w, h) | PropShape::Ellipse(w, h) if !(*w > 0.0 && *h > 0.0) => {
                Some(format!("a shape {w} wide and {h} high"))
            }
            PropShape::Polygon(points) if points.len() < 3 => {
                Some(format!("a polygon of {} points", points.len()))
            }
            PropShape::Polygon(points) if !convex(points) => {
                Some("a polygon that is not convex".to_owned())
            }
            PropShape::Image(_, w, h) if !(*w > 0.0 && *h > 0.0) => {
                Some(format!("a picture {w} wide and {h} high"))
            }
            PropShape::Image(path, _, _) if !is_picture_path(path) => {
                self.error(file, shape_at, format!("`{path}` is not a picture's path"))
                    .hint("pictures are SVG files in the scenes folder, named relative to it with `/`, such as \"art/or_lamp.svg\"");
                return;
            }
            _ => None,
        };
        if let Some(problem) = problem {
            self.error(file, shape_at, problem).hint(
                "sizes are positive; a polygon has at least three points, in order round a convex outline (split other outlines into several)",
            );
        }
    }

    fn scene(&mut self, file: &'a ContentFile<SceneDef>) {
        let scene = &file.value;
        self.id(file, &[Seg::Field("id")], &scene.id, "scene");
        self.text(file, &[Seg::Field("title")], &scene.title, "the title");
        if !self.library.rooms.contains_key(&scene.room) {
            let hint = hint_for(&scene.room, self.library.rooms.keys(), "rooms.ron");
            self.error(
                file,
                &[Seg::Field("room")],
                format!("unknown room `{}`", scene.room),
            )
            .hint(hint);
        }
        let mut cast = HashSet::new();
        for (i, id) in scene.cast.iter().enumerate() {
            let path = [Seg::Field("cast"), Seg::Index(i)];
            if !self.library.characters.contains_key(id) {
                let hint = hint_for(id, self.library.characters.keys(), "characters.ron");
                self.error(file, &path, format!("unknown character `{id}`"))
                    .hint(hint);
            } else if !cast.insert(id.as_str()) {
                self.warning(file, &path, format!("`{id}` is in the cast twice"))
                    .hint("list each character once");
            }
        }
        if scene.nodes.is_empty() {
            self.error(
                file,
                &[Seg::Field("nodes")],
                format!("scene `{}` has no nodes", scene.id),
            )
            .hint("a scene needs at least one node; the first is where it begins");
        }
        for (i, interrupt) in scene.interrupts.iter().enumerate() {
            let base = vec![Seg::Field("interrupts"), Seg::Index(i)];
            if let Some(when) = &interrupt.when {
                self.condition(file, &with(&base, &[Seg::Field("when")]), when);
            }
            self.target(file, &with(&base, &[Seg::Field("goto")]), &interrupt.goto);
            let shadowed = scene.interrupts[..i]
                .iter()
                .any(|earlier| earlier.alarm == interrupt.alarm && earlier.when.is_none());
            if shadowed {
                self.warning(
                    file,
                    &with(&base, &[Seg::Field("alarm")]),
                    "this handler never runs: an earlier one takes the same alarm always"
                        .to_owned(),
                )
                .hint("give the earlier handler a `when`, or remove this one");
            }
        }
        if let Some(time) = &scene.time
            && !is_time_of_day(time)
        {
            self.error(
                file,
                &[Seg::Field("time")],
                format!("`{time}` is not a time of day"),
            )
            .hint("write it as hours and minutes, \"07:30\" or \"18:05\"");
        }
        for (i, id) in scene.offstage.iter().enumerate() {
            if !scene.cast.contains(id) {
                self.error(
                    file,
                    &[Seg::Field("offstage"), Seg::Index(i)],
                    format!("`{id}` is offstage but not in the cast"),
                )
                .hint("offstage lists those of the cast who are only heard");
            }
        }
        if let Some(room) = self.library.rooms.get(&scene.room) {
            let seen = scene
                .cast
                .iter()
                .filter(|id| !scene.offstage.contains(id))
                .filter(|id| {
                    self.library
                        .characters
                        .get(*id)
                        .is_some_and(|c| c.look.is_some())
                })
                .count();
            if seen > room.places.len() {
                self.warning(
                    file,
                    &[Seg::Field("cast")],
                    format!(
                        "{seen} of the cast are seen, but room `{}` has {} places",
                        room.id,
                        room.places.len()
                    ),
                )
                .hint("the rest are not drawn: add places to the room in rooms.ron, or list them in `offstage`");
            }
        }
        self.positions(file);
        self.phases(file);
        for (who, dress) in &scene.dress {
            let path = [Seg::Field("dress")];
            if !scene.cast.contains(who) {
                self.error(
                    file,
                    &path,
                    format!("`{who}` is dressed but not in the cast"),
                )
                .hint("`dress` changes what members of the scene's cast wear");
            }
            self.color(file, &path, &dress.clothes);
        }
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, node) in scene.nodes.iter().enumerate() {
            let base: Path = vec![Seg::Field("nodes"), Seg::Index(i)];
            let id_path = with(&base, &[Seg::Field("id")]);
            self.id(file, &id_path, node.id(), "node");
            if let Some(first) = ids.get(node.id()) {
                let line = file
                    .located
                    .pos_of(&[Seg::Field("nodes"), Seg::Index(*first)])
                    .line;
                self.error(
                    file,
                    &id_path,
                    format!("node id `{}` is already used in this scene", node.id()),
                )
                .hint(format!(
                    "first used on line {line}; node ids must be unique within a scene"
                ));
            } else {
                ids.insert(node.id(), i);
            }
            self.node(file, &base, i, node);
        }
    }

    /// Each position names a cast member and a role of the room's places.
    fn positions(&mut self, file: &ContentFile<SceneDef>) {
        let scene = &file.value;
        let room = self.library.rooms.get(&scene.room).map(|room| {
            let roles: Vec<String> = room.places.iter().filter_map(|p| p.role.clone()).collect();
            (room.id.clone(), roles)
        });
        // Map entries are located as a whole: the message names the entry.
        let path = [Seg::Field("positions")];
        for (who, role) in &scene.positions {
            if !scene.cast.contains(who) {
                self.error(
                    file,
                    &path,
                    format!("`{who}` has a position but is not in the cast"),
                )
                .hint("positions place members of the scene's cast");
            }
            let Some((room, roles)) = &room else { continue };
            if !roles.contains(role) {
                let hint = hint_for(role, roles.iter(), &format!("the places of room `{room}`"));
                self.error(
                    file,
                    &path,
                    format!("room `{room}` has no place for the role `{role}`"),
                )
                .hint(hint);
            }
        }
        let mut taken = HashSet::new();
        for role in scene.positions.values() {
            if !taken.insert(role) {
                self.error(file, &path, format!("two of the cast stand at `{role}`"))
                    .hint("give each a place of their own");
            }
        }
    }

    /// Phase ids, names, lengths and effects.
    fn phases(&mut self, file: &ContentFile<SceneDef>) {
        let mut seen = HashSet::new();
        for (i, phase) in file.value.phases.iter().enumerate() {
            let at = |field| vec![Seg::Field("phases"), Seg::Index(i), Seg::Field(field)];
            self.id(file, &at("id"), &phase.id, "phase");
            if !seen.insert(phase.id.as_str()) {
                self.error(
                    file,
                    &at("id"),
                    format!("phase id `{}` is already used in this scene", phase.id),
                )
                .hint("phase ids must be unique within a scene");
            }
            self.text(file, &at("name"), &phase.name, "the phase's name");
            if !(1..=MAX_WAIT_MINUTES).contains(&phase.minutes) {
                self.error(
                    file,
                    &at("minutes"),
                    format!("a phase of {} minutes", phase.minutes),
                )
                .hint(format!("a phase takes 1 to {MAX_WAIT_MINUTES} minutes"));
            }
            if let Some(seconds) = phase.seconds
                && !(0.5..=MAX_TIMER_SECONDS).contains(&seconds)
            {
                self.error(
                    file,
                    &at("seconds"),
                    format!("a phase shown for {seconds} seconds"),
                )
                .hint(format!(
                    "a phase is shown for 0.5 to {MAX_TIMER_SECONDS} real seconds"
                ));
            }
            self.effects(file, &at("start"), &phase.start);
            self.effects(file, &at("done"), &phase.done);
        }
    }

    fn speaker(&mut self, file: &ContentFile<SceneDef>, path: &[Seg], speaker: &Option<String>) {
        let Some(speaker) = speaker else { return };
        if !self.library.characters.contains_key(speaker) {
            let hint = hint_for(speaker, self.library.characters.keys(), "characters.ron");
            self.error(file, path, format!("unknown character `{speaker}`"))
                .hint(hint);
        } else if !file.value.cast.contains(speaker) {
            self.warning(
                file,
                path,
                format!("`{speaker}` speaks but is not in the scene's cast"),
            )
            .hint("add the character to `cast` so that they stand in the room");
        }
    }

    fn node(
        &mut self,
        file: &'a ContentFile<SceneDef>,
        base: &[Seg<'static>],
        index: usize,
        node: &NodeDef,
    ) {
        let at = |segs: &[Seg<'static>]| with(base, segs);
        match node {
            NodeDef::Line {
                speaker,
                text,
                next,
                ..
            } => {
                self.speaker(file, &at(&[Seg::Field("speaker")]), speaker);
                self.text(file, &at(&[Seg::Field("text")]), text, "the line");
                self.next(file, base, index, next);
            }
            NodeDef::Choice {
                speaker,
                prompt,
                options,
                timer,
                ..
            } => {
                self.speaker(file, &at(&[Seg::Field("speaker")]), speaker);
                if let Some(prompt) = prompt {
                    self.text(file, &at(&[Seg::Field("prompt")]), prompt, "the prompt");
                }
                self.options(file, base, options);
                if let Some(timer) = timer {
                    let timer_at = at(&[Seg::Field("timer")]);
                    if !(timer.seconds > 0.0 && timer.seconds <= MAX_TIMER_SECONDS) {
                        self.error(
                            file,
                            &with(&timer_at, &[Seg::Field("seconds")]),
                            format!("a timer of {} seconds is not allowed", timer.seconds),
                        )
                        .hint(format!(
                            "give a timer more than 0 and at most {MAX_TIMER_SECONDS} seconds"
                        ));
                    }
                    let outcome_at = with(&timer_at, &[Seg::Field("on_timeout")]);
                    match &timer.on_timeout {
                        Timeout::Take(option) => match options.iter().find(|o| &o.id == option) {
                            None => {
                                let hint = hint_for(
                                    option,
                                    options.iter().map(|o| &o.id),
                                    "this choice's options",
                                );
                                self.error(file, &with(&outcome_at, &[Seg::Index(0)]), format!("the timer takes option `{option}`, which this choice does not have"))
                                    .hint(hint);
                            }
                            Some(o) if o.when.is_some() => {
                                self.error(file, &with(&outcome_at, &[Seg::Index(0)]), format!("the timer takes option `{option}`, which has a condition"))
                                    .hint("a timer's option must always be available: remove its `when`, or use Goto(…)");
                            }
                            Some(_) => {}
                        },
                        Timeout::Goto { effects, goto } => {
                            self.effects(
                                file,
                                &with(&outcome_at, &[Seg::Field("effects")]),
                                effects,
                            );
                            self.target(file, &with(&outcome_at, &[Seg::Field("goto")]), goto);
                        }
                    }
                } else if !options.is_empty() && options.iter().all(|o| o.when.is_some()) {
                    self.warning(
                        file,
                        &at(&[Seg::Field("options")]),
                        "every option has a condition".to_owned(),
                    )
                    .hint("when none holds the story stops here; add one option without `when`");
                }
            }
            NodeDef::Branch {
                cases, otherwise, ..
            } => {
                for (k, case) in cases.iter().enumerate() {
                    let case_at = at(&[Seg::Field("cases"), Seg::Index(k)]);
                    self.condition(file, &with(&case_at, &[Seg::Field("when")]), &case.when);
                    self.target(file, &with(&case_at, &[Seg::Field("goto")]), &case.goto);
                }
                if cases.is_empty() {
                    self.warning(
                        file,
                        &at(&[Seg::Field("cases")]),
                        "a branch with no cases".to_owned(),
                    )
                    .hint("it always goes to `otherwise`; use a Line's `next` instead");
                }
                self.target(file, &at(&[Seg::Field("otherwise")]), otherwise);
            }
            NodeDef::Effects { effects, next, .. } => {
                self.effects(file, &at(&[Seg::Field("effects")]), effects);
                self.next(file, base, index, next);
            }
            NodeDef::End { ending, .. } => {
                self.id(file, &at(&[Seg::Field("ending")]), ending, "ending");
            }
            NodeDef::Phase {
                phase,
                speaker,
                text,
                next,
                ..
            } => {
                if !file.value.phases.iter().any(|p| &p.id == phase) {
                    let hint = hint_for(
                        phase,
                        file.value.phases.iter().map(|p| &p.id),
                        "this scene's phases",
                    );
                    self.error(
                        file,
                        &at(&[Seg::Field("phase")]),
                        format!("unknown phase `{phase}`"),
                    )
                    .hint(hint);
                }
                self.speaker(file, &at(&[Seg::Field("speaker")]), speaker);
                if let Some(text) = text {
                    self.text(file, &at(&[Seg::Field("text")]), text, "the phase's text");
                }
                self.next(file, base, index, next);
            }
            NodeDef::Resume { .. } => {
                if file.value.interrupts.is_empty() {
                    self.error(
                        file,
                        &at(&[Seg::Field("id")]),
                        "`Resume` in a scene without interrupts".to_owned(),
                    )
                    .hint("Resume goes back to where an alarm interrupted; declare `interrupts` for this scene, or use a Line's `next`");
                }
            }
        }
    }

    fn next(
        &mut self,
        file: &ContentFile<SceneDef>,
        base: &[Seg<'static>],
        index: usize,
        next: &Option<Target>,
    ) {
        match next {
            Some(target) => self.target(file, &with(base, &[Seg::Field("next")]), target),
            None if index + 1 == file.value.nodes.len() => {
                self.error(
                    file,
                    base,
                    format!("node `{}` has no way on", file.value.nodes[index].id()),
                )
                .hint(
                    "it is the scene's last node: give it a `next`, or end the story with End(…)",
                );
            }
            None => {}
        }
    }

    fn options(
        &mut self,
        file: &ContentFile<SceneDef>,
        base: &[Seg<'static>],
        options: &[OptionDef],
    ) {
        let options_at = with(base, &[Seg::Field("options")]);
        if options.is_empty() {
            self.error(file, &options_at, "a choice with no options".to_owned())
                .hint("give the choice at least one option");
        }
        if options.len() > MAX_OPTIONS {
            self.error(
                file,
                &with(&options_at, &[Seg::Index(MAX_OPTIONS)]),
                format!("a choice with {} options", options.len()),
            )
            .hint(format!(
                "at most {MAX_OPTIONS} options fit the number keys; split the choice"
            ));
        }
        let mut seen = HashSet::new();
        for (k, option) in options.iter().enumerate() {
            let at = |field| with(&options_at, &[Seg::Index(k), Seg::Field(field)]);
            self.id(file, &at("id"), &option.id, "option");
            if !seen.insert(option.id.as_str()) {
                self.error(
                    file,
                    &at("id"),
                    format!("option id `{}` is already used in this choice", option.id),
                )
                .hint("option ids must be unique within a choice");
            }
            self.text(file, &at("text"), &option.text, "the option");
            if let Some(hint) = &option.hint {
                self.text(file, &at("hint"), hint, "the hint");
            }
            if let Some(when) = &option.when {
                self.condition(file, &at("when"), when);
            }
            self.effects(file, &at("effects"), &option.effects);
            self.target(file, &at("goto"), &option.goto);
        }
    }

    fn target(&mut self, file: &ContentFile<SceneDef>, path: &[Seg], target: &Target) {
        if self.library.resolve(&file.value.id, target).is_none() {
            let hint = self.suggest_target(&file.value.id, target);
            self.error(file, path, format!("target `{target}` does not exist"))
                .hint(hint);
        }
    }

    fn suggest_target(&self, from: &str, target: &Target) -> String {
        let scene_id = target.scene.as_deref().unwrap_or(from);
        match (self.library.scene(scene_id), &target.node) {
            (None, _) => hint_for(
                scene_id,
                self.library.scenes().map(|s| &s.def.id),
                "the scenes",
            ),
            (Some(scene), Some(node)) => {
                let ids = scene.def.nodes.iter().map(NodeDef::id);
                hint_for(node, ids, &format!("scene `{scene_id}`"))
            }
            (Some(_), None) => format!("scene `{scene_id}` has no nodes"),
        }
    }

    fn variable(&mut self, file: &ContentFile<SceneDef>, path: &[Seg], name: &str, wanted: Value) {
        match self.library.variables.get(name).copied() {
            None => {
                let hint = hint_for(name, self.library.variables.keys(), "the variables");
                self.error(file, path, format!("unknown variable `{name}`"))
                    .hint(format!(
                        "{hint}; declare variables in index.ron under `variables`"
                    ));
            }
            Some(declared) if !declared.same_kind(wanted) => {
                self.error(
                    file,
                    path,
                    format!("`{name}` is {}, not {}", declared.kind(), wanted.kind()),
                )
                .hint(format!("index.ron declares `{name}` as {declared}"));
            }
            Some(_) => {}
        }
    }

    fn condition(
        &mut self,
        file: &ContentFile<SceneDef>,
        path: &[Seg<'static>],
        condition: &Condition,
    ) {
        let first = with(path, &[Seg::Index(0)]);
        match condition {
            Condition::Is(name) => self.variable(file, &first, name, Value::Bool(true)),
            Condition::Var(name, _, _) => self.variable(file, &first, name, Value::Int(0)),
            Condition::Visited(target) | Condition::Visits(target, _, _) => {
                self.target(file, &first, target)
            }
            Condition::Not(inner) => self.condition(file, &first, inner),
            Condition::Vital(..) | Condition::Known(_) => {}
            Condition::All(inner) | Condition::Any(inner) => {
                for (k, c) in inner.iter().enumerate() {
                    self.condition(file, &with(&first, &[Seg::Index(k)]), c);
                }
            }
        }
    }

    fn effects(&mut self, file: &ContentFile<SceneDef>, path: &[Seg<'static>], effects: &[Effect]) {
        for (k, effect) in effects.iter().enumerate() {
            let name_at = with(path, &[Seg::Index(k), Seg::Index(0)]);
            match effect {
                Effect::Set(name, value) => self.variable(file, &name_at, name, *value),
                Effect::Add(name, _) => self.variable(file, &name_at, name, Value::Int(0)),
                Effect::Order(order) => {
                    if let Some(problem) = order_problem(order) {
                        self.error(file, &name_at, problem)
                            .hint("see the medical orders in docs/modding.md for their ranges");
                    }
                }
                Effect::Mood(character, _) => {
                    if !self.library.characters.contains_key(character) {
                        let hint =
                            hint_for(character, self.library.characters.keys(), "characters.ron");
                        self.error(file, &name_at, format!("unknown character `{character}`"))
                            .hint(hint);
                    }
                }
                Effect::Pace(pace) => {
                    if !(0.0..=MAX_PACE).contains(pace) {
                        self.error(file, &name_at, format!("a pace of {pace} minutes per second"))
                            .hint(format!("a pace runs from 0 (stopped) to {MAX_PACE} simulated minutes per real second"));
                    }
                }
                Effect::Enter(character) | Effect::Leave(character) => {
                    if !file.value.cast.contains(character) {
                        self.error(
                            file,
                            &name_at,
                            format!("`{character}` is not in the scene's cast"),
                        )
                        .hint("only the cast comes and goes: add the character to `cast` (and to `offstage` to begin outside)");
                    }
                }
                Effect::Wait(minutes) => {
                    if !(1..=MAX_WAIT_MINUTES).contains(minutes) {
                        self.error(file, &name_at, format!("a wait of {minutes} minutes"))
                            .hint(format!("wait between 1 and {MAX_WAIT_MINUTES} minutes"));
                    }
                }
            }
        }
    }

    /// Unreachable scenes and nodes, and nodes from which no end can be reached.
    fn graph(&mut self) {
        let had_errors = self.out.iter().any(Diagnostic::is_error);
        let set = self.set;
        let library = &self.library;
        let start = library.start.clone();
        if library.node(&start).is_none() {
            return; // reported with the manifest
        }
        let mut reached: HashSet<NodeRef> = HashSet::from([start.clone()]);
        let mut queue = VecDeque::from([start]);
        let mut incoming: HashMap<NodeRef, Vec<NodeRef>> = HashMap::new();
        while let Some(at) = queue.pop_front() {
            for next in library.successors(&at) {
                incoming.entry(next.clone()).or_default().push(at.clone());
                if reached.insert(next.clone()) {
                    queue.push_back(next);
                }
            }
        }
        // Nodes from which an end can be reached, walking backwards from the ends.
        let mut can_end: HashSet<NodeRef> = reached
            .iter()
            .filter(|at| matches!(library.node(at), Some(NodeDef::End { .. })))
            .cloned()
            .collect();
        let mut queue: VecDeque<NodeRef> = can_end.iter().cloned().collect();
        while let Some(at) = queue.pop_front() {
            for before in incoming.get(&at).into_iter().flatten() {
                if can_end.insert(before.clone()) {
                    queue.push_back(before.clone());
                }
            }
        }
        let mut found = Vec::new();
        let mut done = HashSet::new();
        for file in &set.scenes {
            let scene = &file.value;
            if !done.insert(scene.id.as_str()) {
                continue; // a repeated scene id, reported already
            }
            let refs: Vec<NodeRef> = scene
                .nodes
                .iter()
                .map(|n| NodeRef::new(&scene.id, n.id()))
                .collect();
            if !refs.is_empty() && refs.iter().all(|r| !reached.contains(r)) {
                found.push((file, vec![Seg::Field("id")], format!("scene `{}` is never entered", scene.id),
                    format!("no target leads to it; add `\"@{}\"` as a target in another scene, or make it the start in index.ron", scene.id)));
                continue;
            }
            let mut stuck: BTreeMap<usize, &str> = BTreeMap::new();
            for (i, (node, at)) in scene.nodes.iter().zip(&refs).enumerate() {
                if !reached.contains(at) {
                    found.push((file, vec![Seg::Field("nodes"), Seg::Index(i), Seg::Field("id")],
                        format!("node `{}` can never be reached", node.id()),
                        "nothing leads here: name it in a `next`, `goto` or `otherwise`, or let the node before it fall through".to_owned()));
                } else if !can_end.contains(at) {
                    stuck.insert(i, node.id());
                }
            }
            // With other errors present this is mostly their echo: wait until they are fixed.
            if let Some((&first, _)) = stuck.iter().next().filter(|_| !had_errors) {
                let names: BTreeSet<&str> = stuck.values().copied().take(6).collect();
                let names: Vec<_> = names.into_iter().map(|n| format!("`{n}`")).collect();
                found.push((
                    file,
                    vec![Seg::Field("nodes"), Seg::Index(first), Seg::Field("id")],
                    "the story can never end from here".to_owned(),
                    format!(
                        "these nodes only lead to each other: {}; give one of them a way to an End",
                        names.join(", ")
                    ),
                ));
            }
        }
        for (file, path, message, hint) in found {
            self.error(file, &path, message).hint(hint);
        }
    }
}

/// Whether `path` names an SVG file inside the scenes folder.
pub fn is_picture_path(path: &str) -> bool {
    path.ends_with(".svg")
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(':')
        && !path.contains('#')
        && !path.chars().any(char::is_control)
        && path.split('/').all(|part| !part.is_empty() && part != "..")
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

/// Whether the points go round a convex outline, in either direction.
fn convex(points: &[(f32, f32)]) -> bool {
    let n = points.len();
    let mut sign = 0.0f32;
    let mut turned = 0.0f32;
    for i in 0..n {
        let (a, b, c) = (points[i], points[(i + 1) % n], points[(i + 2) % n]);
        let (u, v) = ((b.0 - a.0, b.1 - a.1), (c.0 - b.0, c.1 - b.1));
        let cross = u.0 * v.1 - u.1 * v.0;
        if cross.abs() > f32::EPSILON {
            if sign != 0.0 && cross.signum() != sign {
                return false;
            }
            sign = cross.signum();
        }
        turned += cross.atan2(u.0 * v.0 + u.1 * v.1);
    }
    // Turning the same way at every corner, a star goes round twice.
    sign != 0.0 && turned.abs() < 3.0 * std::f32::consts::PI
}

/// What is wrong with a medical order's numbers, if anything.
fn order_problem(order: &Intervention) -> Option<String> {
    match *order {
        Intervention::Crystalloid { ml, over_min }
            if !(ml > 0.0 && ml <= 5000.0) || over_min == 0 =>
        {
            Some(format!(
                "a crystalloid order of {ml} mL over {over_min} min"
            ))
        }
        Intervention::Norepinephrine { dose } if !(0.0..=1.0).contains(&dose) => Some(format!(
            "a norepinephrine dose of {dose} µg/kg/min (0 to 1)"
        )),
        Intervention::Surgery { minutes } if !(1..=MAX_WAIT_MINUTES).contains(&minutes) => {
            Some(format!("an operation of {minutes} minutes"))
        }
        Intervention::BloodLoss { ml, over_min }
            if !(ml > 0.0 && ml <= 5000.0) || over_min == 0 =>
        {
            Some(format!("a blood loss of {ml} mL over {over_min} min"))
        }
        _ => None,
    }
}

fn with(base: &[Seg<'static>], more: &[Seg<'static>]) -> Path {
    base.iter().chain(more).copied().collect()
}

/// A hint naming the closest known id, or where the known ids live.
fn hint_for<K: AsRef<str>>(
    unknown: &str,
    known: impl IntoIterator<Item = K>,
    place: &str,
) -> String {
    let best = known
        .into_iter()
        .map(|k| (edit_distance(unknown, k.as_ref()), k.as_ref().to_owned()))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min();
    match best {
        Some((_, k)) => format!("did you mean `{k}`?"),
        None => format!("no such id in {place}"),
    }
}

/// Levenshtein distance between two short strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use crate::content::fixtures::{SCENE, compile_files, compile_scene};

    fn errors(scene: &str) -> Vec<String> {
        compile_scene(scene)
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn interrupts_resume_and_pace_are_checked() {
        let with_interrupt = SCENE.replace(
            r#"cast: ["roland", "vladi"],"#,
            r#"cast: ["roland", "vladi"],
    interrupts: [(alarm: "map_lo", goto: "nurse")],"#,
        );
        let errs = errors(&with_interrupt);
        assert!(errs[0].starts_with("scenes/s1.ron:6:"), "{errs:#?}");
        assert!(errs[0].contains("unknown alarm `map_lo`"), "{errs:#?}");

        let scene = SCENE
            .replace(
                r#"cast: ["roland", "vladi"],"#,
                r#"cast: ["roland", "vladi"],
    interrupts: [(alarm: "map_low", goto: "nurse"), (alarm: "map_low", goto: "nurse")],"#,
            )
            .replace(
                r#"End(id: "sad", ending: "shy_start"),"#,
                r#"End(id: "sad", ending: "shy_start"),
        Line(id: "nurse", text: (de: "Alarm!", en: "Alarm!")),
        Effects(id: "calm", effects: [Pace(90)]),
        Resume(id: "back"),"#,
            );
        let compiled = compile_scene(&scene);
        let all: Vec<String> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(all.len(), 2, "{all:#?}");
        assert!(
            all[0].contains("warning: this handler never runs"),
            "{all:#?}"
        );
        assert!(
            all[1].contains("a pace of 90 minutes per second"),
            "{all:#?}"
        );

        let stray = SCENE.replace(
            r#"End(id: "sad", ending: "shy_start"),"#,
            r#"End(id: "sad", ending: "shy_start"),
        Resume(id: "back"),"#,
        );
        let errs = errors(&stray);
        assert!(
            errs.iter()
                .any(|e| e.contains("`Resume` in a scene without interrupts")),
            "{errs:#?}"
        );
    }

    #[test]
    fn a_star_is_not_convex() {
        let square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)];
        assert!(super::convex(&square));
        let star: Vec<(f32, f32)> = (0..5)
            .map(|k| {
                let angle = k as f32 * 4.0 * std::f32::consts::PI / 5.0;
                (angle.cos(), angle.sin())
            })
            .collect();
        assert!(
            !super::convex(&star),
            "a pentagram turns one way but twice round"
        );
    }

    #[test]
    fn room_props_are_checked() {
        let rooms = r##"[
    (id: "office", name: (de: "Büro", en: "Office"), color: "#d0d8e0", props: [
        (name: "wall", shape: Rect(1280, 720), at: (0, 0), color: "#d0d8e0", bottom: "#c0c8d0"),
        (name: "glass", shape: Rect(100, 100), at: (0, 0), color: "#ffffff80"),
        (name: "bad", shape: Rect(0, 100), at: (0, 0), color: "#fff"),
        (name: "dent", shape: Polygon([(0, 0), (10, 0), (5, 2), (10, 10), (0, 10)]), at: (0, 0), color: "#000000"),
    ]),
]"##;
        let compiled = compile_files(&[("rooms.ron", rooms), ("s1.ron", SCENE)]);
        let errs: Vec<String> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(errs.len(), 3, "{errs:#?}");
        assert!(errs[0].starts_with("scenes/rooms.ron:5:30:"), "{errs:#?}");
        assert!(errs[0].contains("a shape 0 wide and 100 high"), "{errs:#?}");
        assert!(errs[1].starts_with("scenes/rooms.ron:5:63:"), "{errs:#?}");
        assert!(errs[1].contains("`#fff` is not a colour"), "{errs:#?}");
        assert!(errs[2].starts_with("scenes/rooms.ron:6:"), "{errs:#?}");
        assert!(errs[2].contains("not convex"), "{errs:#?}");
    }

    #[test]
    fn pictures_are_read_and_their_errors_placed() {
        let rooms = r##"[
    (id: "office", name: (de: "Büro", en: "Office"), color: "#d0d8e0", props: [
        (name: "lamp", shape: Image("art/lamp.svg", 200, 100), at: (0, 0)),
        (name: "again", shape: Image("art/lamp.svg", 100, 50), at: (50, 0), color: "#ffd0d0"),
        (name: "gone", shape: Image("art/gone.svg", 10, 10), at: (0, 0)),
        (name: "broken", shape: Image("art/broken.svg", 10, 10), at: (0, 0)),
        (name: "outside", shape: Image("../secret.svg", 10, 10), at: (0, 0)),
        (name: "flat", shape: Image("art/lamp.svg", 0, 10), at: (0, 0)),
    ]),
]"##;
        let lamp = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="200" height="100" fill="#eee"/></svg>"##;
        let broken =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n<g>\n</svg>\n";
        let compiled = compile_files(&[
            ("rooms.ron", rooms),
            ("s1.ron", SCENE),
            ("art/lamp.svg", lamp),
            ("art/broken.svg", broken),
        ]);
        let errs: Vec<String> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(errs.len(), 4, "{errs:#?}");
        assert!(compiled.library.is_none());
        assert!(errs[0].starts_with("scenes/art/broken.svg:3:"), "{errs:#?}");
        assert!(errs[1].starts_with("scenes/rooms.ron:5:"), "{errs:#?}");
        assert!(
            errs[1].contains("cannot read the picture `art/gone.svg`"),
            "{errs:#?}"
        );
        assert!(errs[2].starts_with("scenes/rooms.ron:7:"), "{errs:#?}");
        assert!(
            errs[2].contains("`../secret.svg` is not a picture's path"),
            "{errs:#?}"
        );
        assert!(errs[3].starts_with("scenes/rooms.ron:8:"), "{errs:#?}");
        assert!(
            errs[3].contains("a picture 0 wide and 10 high"),
            "{errs:#?}"
        );
        let fine = compile_files(&[
            (
                "rooms.ron",
                &rooms
                    .replace("(name: \"gone\"", "// (")
                    .replace("(name: \"broken\"", "// (")
                    .replace("(name: \"outside\"", "// (")
                    .replace("(name: \"flat\"", "// ("),
            ),
            ("s1.ron", SCENE),
            ("art/lamp.svg", lamp),
        ]);
        assert!(fine.diagnostics.is_empty(), "{:#?}", fine.diagnostics);
        assert!(fine.library.is_some());
    }

    #[test]
    fn times_of_day_are_hours_and_minutes() {
        for good in ["07:30", "00:00", "23:59"] {
            assert!(super::is_time_of_day(good), "{good}");
        }
        for bad in ["7:30", "24:00", "07:60", "0730", "ab:cd"] {
            assert!(!super::is_time_of_day(bad), "{bad}");
        }
    }

    #[test]
    fn the_fixture_is_clean() {
        let compiled = compile_scene(SCENE);
        assert!(
            compiled.diagnostics.is_empty(),
            "{:#?}",
            compiled.diagnostics
        );
        assert!(compiled.library.is_some());
    }

    #[test]
    fn an_unknown_target_is_placed_and_a_near_id_suggested() {
        let errs = errors(&SCENE.replace(r#"next: "done""#, r#"next: "dne""#));
        assert_eq!(errs.len(), 2, "{errs:#?}"); // the target, and `done` now unreachable
        assert!(errs[0].starts_with("scenes/s1.ron:19:86:"), "{}", errs[0]);
        assert!(errs[0].contains("target `dne` does not exist"));
        assert!(errs[0].contains("did you mean `done`?"));
        assert!(errs[1].contains("node `done` can never be reached"));
    }

    #[test]
    fn a_missing_translation_is_an_error() {
        let errs = errors(&SCENE.replace(r#"(de: "Mutig.", en: "Brave.")"#, r#"(de: "Mutig.")"#));
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert!(errs[0].starts_with("scenes/s1.ron:19:"), "{}", errs[0]);
        assert!(errs[0].contains("has no `en` text"));
    }

    #[test]
    fn duplicate_ids_unknown_characters_and_bad_timers_are_found() {
        let scene = SCENE
            .replace(r#"id: "poor""#, r#"id: "good""#)
            .replace(r#"speaker: "roland""#, r#"speaker: "rolnad""#)
            .replace("seconds: 5.0", "seconds: 0.0")
            .replace(r#"Take("mumble")"#, r#"Take("secret")"#);
        let errs = errors(&scene).join("\n");
        assert!(errs.contains("node id `good` is already used"), "{errs}");
        assert!(errs.contains("unknown character `rolnad`"), "{errs}");
        assert!(errs.contains("did you mean `roland`?"), "{errs}");
        assert!(
            errs.contains("a timer of 0 seconds is not allowed"),
            "{errs}"
        );
        assert!(
            errs.contains("the timer takes option `secret`, which has a condition"),
            "{errs}"
        );
    }

    #[test]
    fn variables_must_be_declared_and_of_the_right_kind() {
        let scene = SCENE
            .replace(r#"Add("trust", 2)"#, r#"Add("brave", 2)"#)
            .replace(r#"Is("brave")"#, r#"Is("bold")"#);
        let errs = errors(&scene).join("\n");
        assert!(
            errs.contains("`brave` is true/false, not a number"),
            "{errs}"
        );
        assert!(errs.contains("unknown variable `bold`"), "{errs}");
    }

    #[test]
    fn dead_ends_and_endless_loops_are_found() {
        let scene = SCENE.replace(
            r#"End(id: "sad", ending: "shy_start"),"#,
            r#"Line(id: "sad", text: (de: "…", en: "…"), next: "sad2"),
               Line(id: "sad2", text: (de: "…", en: "…"), next: "sad"),"#,
        );
        let errs = errors(&scene).join("\n");
        assert!(errs.contains("the story can never end from here"), "{errs}");
        let scene = SCENE.replace(
            r#"End(id: "sad", ending: "shy_start"),"#,
            r#"Line(id: "sad", text: (de: "…", en: "…")),"#,
        );
        let errs = errors(&scene).join("\n");
        assert!(errs.contains("node `sad` has no way on"), "{errs}");
    }

    #[test]
    fn a_scene_nobody_enters_is_reported() {
        let manifest =
            crate::content::fixtures::MANIFEST.replace(r#"["s1.ron"]"#, r#"["s1.ron", "s2.ron"]"#);
        let s2 = SCENE.replace(r#"id: "s1""#, r#"id: "s2""#);
        let compiled =
            compile_files(&[("index.ron", &manifest), ("s1.ron", SCENE), ("s2.ron", &s2)]);
        let errs: Vec<_> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert!(
            errs[0].starts_with("scenes/s2.ron:2:9: error: scene `s2` is never entered"),
            "{}",
            errs[0]
        );
    }

    #[test]
    fn a_missing_scene_file_points_into_the_manifest() {
        let manifest = crate::content::fixtures::MANIFEST
            .replace(r#"["s1.ron"]"#, r#"["s1.ron", "gone.ron"]"#);
        let compiled = compile_files(&[("index.ron", &manifest), ("s1.ron", SCENE)]);
        let errs: Vec<_> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert!(
            errs[0].starts_with("scenes/index.ron:4:24: error: cannot read scene file `gone.ron`"),
            "{}",
            errs[0]
        );
    }
}
