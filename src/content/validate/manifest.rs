//! The manifest, `index.ron`: its format, start, scene files, variables
//! and relationships.

use std::collections::HashSet;

use super::path::Path;
use super::{Checker, nodes};
use crate::content::format::{FORMAT_VERSION, RelationshipDef, is_valid_id};

/// Checks `index.ron`.
pub(super) fn check(checker: &mut Checker) {
    format_version(checker);
    start(checker);
    scene_files(checker);
    variables(checker);
    relationships(checker);
}

/// The manifest is written in the format this build reads.
fn format_version(checker: &mut Checker) {
    let file = &checker.set.manifest;
    let format = file.value.format;
    if format != FORMAT_VERSION {
        checker
            .error(
                file,
                &Path::root().field("format"),
                format!("unsupported format version {format}"),
            )
            .hint(format!(
                "this build of Famulant reads format {FORMAT_VERSION}"
            ));
    }
}

/// The start names a scene, and a node that exists.
fn start(checker: &mut Checker) {
    let file = &checker.set.manifest;
    let start = &file.value.start;
    let at = Path::root().field("start");
    if start.scene.is_none() {
        checker
            .error(file, &at, format!("start `{start}` names no scene"))
            .hint("write the start as `@scene_id` or `@scene_id.node_id`");
    } else if checker.library.resolve("", start).is_none() {
        let hint = nodes::suggest_target(&checker.library, "", start);
        checker
            .error(file, &at, format!("start `{start}` does not exist"))
            .hint(hint);
    }
}

/// Each scene file is listed once.
fn scene_files(checker: &mut Checker) {
    let file = &checker.set.manifest;
    let mut listed = HashSet::new();
    for (i, name) in file.value.scenes.iter().enumerate() {
        if !listed.insert(name) {
            checker
                .error(
                    file,
                    &Path::root().field("scenes").index(i),
                    format!("`{name}` is listed twice"),
                )
                .hint("list each scene file once");
        }
    }
}

/// Variable names are valid ids.
fn variables(checker: &mut Checker) {
    let file = &checker.set.manifest;
    for (i, name) in file.value.variables.keys().enumerate() {
        if !is_valid_id(name) {
            checker
                .error(
                    file,
                    &Path::root().field("variables").index(i),
                    format!("`{name}` is not a valid variable name"),
                )
                .hint(
                    "variable names use lowercase letters, digits and `_`, and start with a letter",
                );
        }
    }
}

/// Each relationship's id, name, characters and range.
fn relationships(checker: &mut Checker) {
    let file = &checker.set.manifest;
    let mut declared = HashSet::new();
    for (i, relationship) in file.value.relationships.iter().enumerate() {
        let at = Path::root().field("relationships").index(i);
        let first = declared.insert(&relationship.id);
        relationship_id(checker, &at.field("id"), &relationship.id, first);
        checker.text(
            file,
            &at.field("name"),
            &relationship.name,
            "the relationship's name",
        );
        between(checker, &at.field("between"), &relationship.between);
        range(checker, &at.field("start"), relationship);
    }
}

/// A relationship's id: declared once (`first` says whether this is the
/// first time), a valid name, and not also a variable's.
fn relationship_id(checker: &mut Checker, at: &Path, id: &str, first: bool) {
    let file = &checker.set.manifest;
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
    if file.value.variables.contains_key(id) {
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
fn between(checker: &mut Checker, at: &Path, characters: &[String]) {
    let file = &checker.set.manifest;
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
fn range(checker: &mut Checker, at: &Path, relationship: &RelationshipDef) {
    let file = &checker.set.manifest;
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
