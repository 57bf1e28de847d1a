//! A scene's nodes: their ids, what each kind of node holds, a choice's
//! options and timer, and where the story goes from each.

use std::collections::{HashMap, HashSet};

use super::path::Path;
use super::report::hint_for;
use super::{Checker, MAX_OPTIONS, MAX_TIMER_SECONDS, effects, scene};
use crate::content::format::{BranchCase, NodeDef, OptionDef, SceneDef, Target, Timeout, TimerDef};
use crate::content::library::Library;
use crate::content::parse::ContentFile;

/// Checks the nodes of one scene: each id is valid and unique in the
/// scene, and each node is sound.
pub(super) fn check(checker: &mut Checker, file: &ContentFile<SceneDef>) {
    let mut first_index_of: HashMap<&str, usize> = HashMap::new();
    for (i, node_def) in file.value.nodes.iter().enumerate() {
        let id = node_def.id();
        let at = Path::root().field("nodes").index(i);
        checker.id(file, &at.field("id"), id, "node");
        if let Some(&first) = first_index_of.get(id) {
            let first_at = Path::root().field("nodes").index(first);
            let line = file.located.pos_of(first_at.segs()).line;
            checker
                .error(
                    file,
                    &at.field("id"),
                    format!("node id `{id}` is already used in this scene"),
                )
                .hint(format!(
                    "first used on line {line}; node ids must be unique within a scene"
                ));
        } else {
            first_index_of.insert(id, i);
        }
        node(checker, file, &at, i, node_def);
    }
}

/// One node, the `index`-th of its scene, by its kind.
fn node(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    at: &Path,
    index: usize,
    node: &NodeDef,
) {
    match node {
        NodeDef::Line {
            speaker,
            text,
            next,
            ..
        } => {
            scene::speaker(checker, file, &at.field("speaker"), speaker);
            checker.text(file, &at.field("text"), text, "the line");
            way_on(checker, file, at, index, next);
        }
        NodeDef::Choice {
            speaker,
            prompt,
            options,
            timer,
            ..
        } => {
            scene::speaker(checker, file, &at.field("speaker"), speaker);
            if let Some(prompt) = prompt {
                checker.text(file, &at.field("prompt"), prompt, "the prompt");
            }
            option_list(checker, file, &at.field("options"), options);
            if let Some(timer) = timer {
                countdown(checker, file, &at.field("timer"), timer, options);
            } else if !options.is_empty() && options.iter().all(|o| o.when.is_some()) {
                checker
                    .warning(
                        file,
                        &at.field("options"),
                        "every option has a condition".to_owned(),
                    )
                    .hint("when none holds the story stops here; add one option without `when`");
            }
        }
        NodeDef::Branch {
            cases, otherwise, ..
        } => branch(checker, file, at, cases, otherwise),
        NodeDef::Effects { effects, next, .. } => {
            effects::list(checker, file, &at.field("effects"), effects);
            way_on(checker, file, at, index, next);
        }
        NodeDef::End { ending, .. } => {
            checker.id(file, &at.field("ending"), ending, "ending");
            declared_ending(checker, file, &at.field("ending"), ending);
        }
        NodeDef::Phase {
            phase,
            speaker,
            text,
            next,
            ..
        } => {
            known_phase(checker, file, &at.field("phase"), phase);
            scene::speaker(checker, file, &at.field("speaker"), speaker);
            if let Some(text) = text {
                checker.text(file, &at.field("text"), text, "the phase's text");
            }
            way_on(checker, file, at, index, next);
        }
        NodeDef::Resume { .. } => {
            if file.value.interrupts.is_empty() {
                checker
                    .error(
                        file,
                        &at.field("id"),
                        "`Resume` in a scene without interrupts".to_owned(),
                    )
                    .hint("Resume goes back to where an alarm interrupted; declare `interrupts` for this scene, or use a Line's `next`");
            }
        }
    }
}

/// Where the story goes after the `index`-th node: its `next`, or else
/// the following node, which the last node does not have.
fn way_on(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    at: &Path,
    index: usize,
    next: &Option<Target>,
) {
    let nodes = &file.value.nodes;
    match next {
        Some(next) => target(checker, file, &at.field("next"), next),
        None if index + 1 == nodes.len() => {
            checker
                .error(
                    file,
                    at,
                    format!("node `{}` has no way on", nodes[index].id()),
                )
                .hint(
                    "it is the scene's last node: give it a `next`, or end the story with End(…)",
                );
        }
        None => {}
    }
}

/// A choice's options: some, but no more than the number keys, with
/// unique ids, texts, conditions, effects and targets.
fn option_list(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    at: &Path,
    options: &[OptionDef],
) {
    if options.is_empty() {
        checker
            .error(file, at, "a choice with no options".to_owned())
            .hint("give the choice at least one option");
    }
    if options.len() > MAX_OPTIONS {
        checker
            .error(
                file,
                &at.index(MAX_OPTIONS),
                format!("a choice with {} options", options.len()),
            )
            .hint(format!(
                "at most {MAX_OPTIONS} options fit the number keys; split the choice"
            ));
    }
    let mut ids = HashSet::new();
    for (k, option) in options.iter().enumerate() {
        let option_at = at.index(k);
        checker.id(file, &option_at.field("id"), &option.id, "option");
        if !ids.insert(option.id.as_str()) {
            checker
                .error(
                    file,
                    &option_at.field("id"),
                    format!("option id `{}` is already used in this choice", option.id),
                )
                .hint("option ids must be unique within a choice");
        }
        checker.text(file, &option_at.field("text"), &option.text, "the option");
        if let Some(hint) = &option.hint {
            checker.text(file, &option_at.field("hint"), hint, "the hint");
        }
        if let Some(when) = &option.when {
            effects::condition(checker, file, &option_at.field("when"), when);
        }
        effects::list(checker, file, &option_at.field("effects"), &option.effects);
        target(checker, file, &option_at.field("goto"), &option.goto);
    }
}

/// A choice's timer: its length, and what happens when it runs out.
fn countdown(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    at: &Path,
    timer: &TimerDef,
    options: &[OptionDef],
) {
    if !(timer.seconds > 0.0 && timer.seconds <= MAX_TIMER_SECONDS) {
        checker
            .error(
                file,
                &at.field("seconds"),
                format!("a timer of {} seconds is not allowed", timer.seconds),
            )
            .hint(format!(
                "give a timer more than 0 and at most {MAX_TIMER_SECONDS} seconds"
            ));
    }
    let outcome_at = at.field("on_timeout");
    match &timer.on_timeout {
        Timeout::Take(option) => taken_option(checker, file, &outcome_at.index(0), option, options),
        Timeout::Goto { effects, goto } => {
            effects::list(checker, file, &outcome_at.field("effects"), effects);
            target(checker, file, &outcome_at.field("goto"), goto);
        }
    }
}

/// The option a timer takes is one of the choice's, and always offered.
fn taken_option(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    at: &Path,
    id: &str,
    options: &[OptionDef],
) {
    match options.iter().find(|o| o.id == id) {
        None => {
            let hint = hint_for(id, options.iter().map(|o| &o.id), "this choice's options");
            checker
                .error(
                    file,
                    at,
                    format!("the timer takes option `{id}`, which this choice does not have"),
                )
                .hint(hint);
        }
        Some(option) if option.when.is_some() => {
            checker
                .error(
                    file,
                    at,
                    format!("the timer takes option `{id}`, which has a condition"),
                )
                .hint(
                    "a timer's option must always be available: remove its `when`, or use Goto(…)",
                );
        }
        Some(_) => {}
    }
}

/// A branch's cases, and where it goes when none holds.
fn branch(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    at: &Path,
    cases: &[BranchCase],
    otherwise: &Target,
) {
    for (k, case) in cases.iter().enumerate() {
        let case_at = at.field("cases").index(k);
        effects::condition(checker, file, &case_at.field("when"), &case.when);
        target(checker, file, &case_at.field("goto"), &case.goto);
    }
    if cases.is_empty() {
        checker
            .warning(
                file,
                &at.field("cases"),
                "a branch with no cases".to_owned(),
            )
            .hint("it always goes to `otherwise`; use a Line's `next` instead");
    }
    target(checker, file, &at.field("otherwise"), otherwise);
}

/// A phase node's phase is one of the scene's.
fn known_phase(checker: &mut Checker, file: &ContentFile<SceneDef>, at: &Path, phase: &str) {
    let phases = &file.value.phases;
    if !phases.iter().any(|p| p.id == phase) {
        let hint = hint_for(phase, phases.iter().map(|p| &p.id), "this scene's phases");
        checker
            .error(file, at, format!("unknown phase `{phase}`"))
            .hint(hint);
    }
}

/// A target exists, seen from the scene in `file`.
pub(super) fn target(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    at: &Path,
    target: &Target,
) {
    target_from(checker, file, &file.value.id, at, target);
}

/// Reports `target`, written in `file` and read from the scene `from`,
/// unless it exists. Outside a scene (`from` empty) a target must name its
/// scene.
pub(super) fn target_from<T>(
    checker: &mut Checker,
    file: &ContentFile<T>,
    from: &str,
    at: &Path,
    target: &Target,
) {
    if from.is_empty() && target.scene.is_none() {
        checker
            .error(file, at, format!("target `{target}` names no scene"))
            .hint("outside a scene, write `@scene_id` or `@scene_id.node_id`");
    } else if checker.library.resolve(from, target).is_none() {
        let hint = suggest_target(&checker.library, from, target);
        checker
            .error(file, at, format!("target `{target}` does not exist"))
            .hint(hint);
    }
}

/// Once the manifest declares endings, an `End` names one of them.
fn declared_ending(checker: &mut Checker, file: &ContentFile<SceneDef>, at: &Path, ending: &str) {
    let declared: Vec<&str> = (checker.set.declarers())
        .flat_map(|(_, d)| d.endings().iter().map(|e| e.id.as_str()))
        .collect();
    if !declared.is_empty() && !declared.contains(&ending) {
        let hint = hint_for(ending, declared, "the manifest's endings");
        checker
            .error(file, at, format!("unknown ending `{ending}`"))
            .hint(hint);
    }
}

/// A hint for a target that does not exist, seen from the scene `from`:
/// the closest scene or node id, or why there is none.
pub(super) fn suggest_target(library: &Library, from: &str, target: &Target) -> String {
    let scene_id = target.scene.as_deref().unwrap_or(from);
    match (library.scene(scene_id), &target.node) {
        (None, _) => hint_for(scene_id, library.scenes().map(|s| &s.def.id), "the scenes"),
        (Some(scene), Some(node)) => {
            let ids = scene.def.nodes.iter().map(NodeDef::id);
            hint_for(node, ids, &format!("scene `{scene_id}`"))
        }
        (Some(_), None) => format!("scene `{scene_id}` has no nodes"),
    }
}

#[cfg(test)]
mod tests {
    use crate::content::fixtures::{SCENE, errors};

    #[test]
    fn an_unknown_target_is_placed_and_a_near_id_suggested() {
        let errs = errors(&SCENE.replace(r#"next: "done""#, r#"next: "dne""#));
        assert_eq!(errs.len(), 2, "{errs:#?}"); // the target, and `done` now unreachable
        assert!(errs[0].starts_with("scenes/s1.ron:19:86:"), "{}", errs[0]);
        assert!(errs[0].contains("target `dne` does not exist"));
        assert!(errs[0].contains("did you mean `done`?"));
        assert!(errs[1].contains("node `done` can never be reached"));
    }
}
