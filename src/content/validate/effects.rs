//! Effects and conditions: the story variables they name, the characters
//! and targets they refer to, and the numbers of medical orders, waits and
//! paces.

use super::path::Path;
use super::report::hint_for;
use super::{Checker, MAX_WAIT_MINUTES, nodes};
use crate::clock::MAX_PACE;
use crate::content::format::{Condition, Effect, SceneDef, Value};
use crate::content::parse::ContentFile;
use crate::patient::Intervention;

/// Checks a list of effects.
pub(super) fn list(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    at: &Path,
    effects: &[Effect],
) {
    for (k, change) in effects.iter().enumerate() {
        effect(checker, file, &at.index(k).index(0), change);
    }
}

/// One effect; `at` is its first argument, where problems are shown.
fn effect(checker: &mut Checker, file: &ContentFile<SceneDef>, at: &Path, effect: &Effect) {
    match effect {
        Effect::Set(name, value) => variable(checker, file, at, name, *value),
        Effect::Add(name, _) => variable(checker, file, at, name, Value::Int(0)),
        Effect::Order(order) => {
            if let Some(problem) = order_problem(order) {
                checker
                    .error(file, at, problem)
                    .hint("see the medical orders in docs/modding.md for their ranges");
            }
        }
        Effect::Mood(character, _) => {
            checker.character(file, at, character);
        }
        Effect::Pace(pace) => {
            if !(0.0..=MAX_PACE).contains(pace) {
                checker
                    .error(file, at, format!("a pace of {pace} minutes per second"))
                    .hint(format!("a pace runs from 0 (stopped) to {MAX_PACE} simulated minutes per real second"));
            }
        }
        Effect::Enter(character) | Effect::Leave(character) => {
            if !file.value.cast.contains(character) {
                checker
                    .error(
                        file,
                        at,
                        format!("`{character}` is not in the scene's cast"),
                    )
                    .hint("only the cast comes and goes: add the character to `cast` (and to `offstage` to begin outside)");
            }
        }
        Effect::Wait(minutes) => {
            if !(1..=MAX_WAIT_MINUTES).contains(minutes) {
                checker
                    .error(file, at, format!("a wait of {minutes} minutes"))
                    .hint(format!("wait between 1 and {MAX_WAIT_MINUTES} minutes"));
            }
        }
    }
}

/// Checks a condition of a scene, and the conditions inside it.
pub(super) fn condition(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    at: &Path,
    when: &Condition,
) {
    condition_from(checker, file, &file.value.id, at, when);
}

/// Checks a condition in `file`, whose targets are read from the scene
/// `from` (none outside a scene: then they must name their scene).
pub(super) fn condition_from<T>(
    checker: &mut Checker,
    file: &ContentFile<T>,
    from: &str,
    at: &Path,
    when: &Condition,
) {
    let first = at.index(0);
    match when {
        Condition::Is(name) => {
            checker.variables_read.insert(name.clone());
            variable(checker, file, &first, name, Value::Bool(true));
        }
        Condition::Var(name, _, _) => {
            checker.variables_read.insert(name.clone());
            variable(checker, file, &first, name, Value::Int(0));
        }
        Condition::Visited(target) | Condition::Visits(target, _, _) => {
            nodes::target_from(checker, file, from, &first, target)
        }
        Condition::Not(inner) => condition_from(checker, file, from, &first, inner),
        Condition::Vital(..) | Condition::Known(_) | Condition::Alive => {}
        Condition::All(inner) | Condition::Any(inner) => {
            for (k, each) in inner.iter().enumerate() {
                condition_from(checker, file, from, &first.index(k), each);
            }
        }
    }
}

/// The variable `name` is declared, and holds the kind of value `wanted`
/// is.
fn variable<T>(checker: &mut Checker, file: &ContentFile<T>, at: &Path, name: &str, wanted: Value) {
    match checker.library.variables.get(name).copied() {
        None => {
            let hint = hint_for(name, checker.library.variables.keys(), "the variables");
            checker
                .error(file, at, format!("unknown variable `{name}`"))
                .hint(format!(
                    "{hint}; declare variables in index.ron under `variables`"
                ));
        }
        Some(declared) if !declared.same_kind(wanted) => {
            checker
                .error(
                    file,
                    at,
                    format!("`{name}` is {}, not {}", declared.kind(), wanted.kind()),
                )
                .hint(format!("index.ron declares `{name}` as {declared}"));
        }
        Some(_) => {}
    }
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

#[cfg(test)]
mod tests {
    use crate::content::fixtures::{SCENE, errors};

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
}
