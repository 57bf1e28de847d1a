//! What the manifest and each mod's `mod.ron` declare for the whole story:
//! variables, relationships and endings. Each is declared once across all
//! of them: a mod adds its own and uses the story's as they are.

use std::collections::HashSet;

use super::Checker;
use super::path::Path;
use crate::content::format::{Declares, NodeDef, RelationshipDef, is_valid_id};
use crate::content::parse::ContentFile;

/// Checks the manifest's declarations, then each mod's.
pub(super) fn check(checker: &mut Checker) {
    let set = checker.set;
    declarations(checker, &set.manifest, 0);
    for (k, file) in set.mods.iter().enumerate() {
        declarations(checker, file, k + 1);
    }
}

/// The declarations of `file`, the `index`th declaring file (the manifest
/// is the first).
fn declarations<T: Declares>(checker: &mut Checker, file: &ContentFile<T>, index: usize) {
    variables(checker, file, index);
    relationships(checker, file, index);
    endings(checker, file, index);
}

/// The file before the `index`th declaring file that declares `id` as
/// something (a variable, relationship or ending, as `declares` says).
fn declared_before(
    checker: &Checker,
    index: usize,
    declares: impl Fn(&dyn Declares) -> bool,
) -> Option<String> {
    (checker.set.declarers())
        .take(index)
        .find(|(_, d)| declares(*d))
        .map(|(path, _)| path.to_owned())
}

/// Whether `d` declares `id` as a variable or a relationship.
fn has_variable(d: &dyn Declares, id: &str) -> bool {
    d.variables().contains_key(id) || d.relationships().iter().any(|r| r.id == id)
}

/// Variable names are valid ids, declared once.
fn variables<T: Declares>(checker: &mut Checker, file: &ContentFile<T>, index: usize) {
    for name in file.value.variables().keys() {
        let at = variable_at(file, name);
        if !is_valid_id(name) {
            checker
                .error(file, &at, format!("`{name}` is not a valid variable name"))
                .hint(
                    "variable names use lowercase letters, digits and `_`, and start with a letter",
                );
        }
        if let Some(first) = declared_before(checker, index, |d| has_variable(d, name)) {
            checker
                .error(file, &at, format!("`{name}` is already declared"))
                .hint(format!(
                    "{first} declares it; use it as it is, or give yours another name"
                ));
        }
    }
}

/// Where `file` declares the variable `name`.
pub(super) fn variable_at<T>(file: &ContentFile<T>, name: &str) -> Path {
    Path::entry(file, "variables", name)
}

/// Each declared ending: a valid id, declared once, with a title, and
/// named by some `End`.
fn endings<T: Declares>(checker: &mut Checker, file: &ContentFile<T>, index: usize) {
    let used: HashSet<&str> = (checker.set.scenes.iter())
        .flat_map(|scene| &scene.value.nodes)
        .filter_map(|node| match node {
            NodeDef::End { ending, .. } => Some(ending.as_str()),
            _ => None,
        })
        .collect();
    let mut declared = HashSet::new();
    for (i, ending) in file.value.endings().iter().enumerate() {
        let at = Path::root().field("endings").index(i);
        checker.id(file, &at.field("id"), &ending.id, "ending");
        let earlier = declared_before(checker, index, |d| {
            d.endings().iter().any(|e| e.id == ending.id)
        });
        if !declared.insert(&ending.id) || earlier.is_some() {
            checker
                .error(
                    file,
                    &at.field("id"),
                    format!("`{}` is declared twice", ending.id),
                )
                .hint(earlier.map_or("each ending once".to_owned(), |first| {
                    format!("{first} declares it already")
                }));
        }
        checker.text(
            file,
            &at.field("title"),
            &ending.title,
            "the ending's title",
        );
        if !used.contains(ending.id.as_str()) {
            checker
                .warning(
                    file,
                    &at.field("id"),
                    format!("no End reaches the ending `{}`", ending.id),
                )
                .hint("end a path with End(id: …, ending: \"…\"), or leave the ending out");
        }
    }
}

/// Each relationship's id, name, characters and range.
fn relationships<T: Declares>(checker: &mut Checker, file: &ContentFile<T>, index: usize) {
    let mut declared = HashSet::new();
    for (i, relationship) in file.value.relationships().iter().enumerate() {
        let at = Path::root().field("relationships").index(i);
        let first = declared.insert(&relationship.id);
        relationship_id(checker, file, &at.field("id"), &relationship.id, first);
        if let Some(earlier) =
            declared_before(checker, index, |d| has_variable(d, &relationship.id))
        {
            checker
                .error(
                    file,
                    &at.field("id"),
                    format!("`{}` is already declared", relationship.id),
                )
                .hint(format!(
                    "{earlier} declares it; use it as it is, or give yours another name"
                ));
        }
        checker.text(
            file,
            &at.field("name"),
            &relationship.name,
            "the relationship's name",
        );
        between(checker, file, &at.field("between"), &relationship.between);
        range(checker, file, &at.field("start"), relationship);
    }
}

/// A relationship's id: declared once in its file (`first` says whether
/// this is the first time), a valid name, and not also a variable's.
fn relationship_id<T: Declares>(
    checker: &mut Checker,
    file: &ContentFile<T>,
    at: &Path,
    id: &str,
    first: bool,
) {
    if !first {
        checker
            .error(file, at, format!("`{id}` is declared twice"))
            .hint("each relationship once");
    }
    if !is_valid_id(id) {
        checker
            .error(file, at, format!("`{id}` is not a valid relationship name"))
            .hint("names use lowercase letters, digits and `_`, and start with a letter");
    }
    if file.value.variables().contains_key(id) {
        checker
            .error(
                file,
                at,
                format!("`{id}` is both a variable and a relationship"),
            )
            .hint("declare it once: relationships are number variables with a name and a range");
    }
}

/// Whom a relationship is about: at most two characters, each known.
fn between<T>(checker: &mut Checker, file: &ContentFile<T>, at: &Path, characters: &[String]) {
    if characters.len() > 2 {
        checker
            .error(file, at, format!("{} characters", characters.len()))
            .hint("a relationship is about one or two characters, or none for the team");
    }
    for (k, who) in characters.iter().enumerate() {
        checker.character(file, &at.index(k), who);
    }
}

/// A relationship's range is not empty and holds its start.
fn range<T>(
    checker: &mut Checker,
    file: &ContentFile<T>,
    at: &Path,
    relationship: &RelationshipDef,
) {
    let (start, min, max) = (relationship.start, relationship.min, relationship.max);
    if !(min < max && (min..=max).contains(&start)) {
        checker
            .error(
                file,
                at,
                format!("a start of {start} in the range {min}..={max}"),
            )
            .hint("min lies below max, and the start between them");
    }
}
