//! The manifest, `index.ron`: its format, start, scene files, variables
//! and relationships.

use std::collections::HashSet;

use super::path::Path;
use super::{Checker, nodes};
use crate::content::format::{FORMAT_VERSION, Manifest, NodeDef, RelationshipDef, is_valid_id};
use crate::content::parse::ContentFile;

/// Checks `index.ron`.
pub(super) fn check(checker: &mut Checker) {
    format_version(checker);
    start(checker);
    scene_files(checker);
    variables(checker);
    relationships(checker);
    endings(checker);
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
    for name in file.value.variables.keys() {
        if !is_valid_id(name) {
            checker
                .error(
                    file,
                    &variable_at(file, name),
                    format!("`{name}` is not a valid variable name"),
                )
                .hint(
                    "variable names use lowercase letters, digits and `_`, and start with a letter",
                );
        }
    }
}

/// Where `index.ron` declares the variable `name`.
pub(super) fn variable_at(file: &ContentFile<Manifest>, name: &str) -> Path {
    let variables = Path::root().field("variables");
    match file.located.entry_index(variables.segs(), name) {
        Some(k) => variables.index(k),
        None => variables,
    }
}

/// Each declared ending: a valid id, declared once, with a title, and
/// named by some `End`.
fn endings(checker: &mut Checker) {
    let file = &checker.set.manifest;
    let used: HashSet<&str> = checker
        .set
        .scenes
        .iter()
        .flat_map(|scene| &scene.value.nodes)
        .filter_map(|node| match node {
            NodeDef::End { ending, .. } => Some(ending.as_str()),
            _ => None,
        })
        .collect();
    let mut declared = HashSet::new();
    for (i, ending) in file.value.endings.iter().enumerate() {
        let at = Path::root().field("endings").index(i);
        checker.id(file, &at.field("id"), &ending.id, "ending");
        if !declared.insert(&ending.id) {
            checker
                .error(
                    file,
                    &at.field("id"),
                    format!("`{}` is declared twice", ending.id),
                )
                .hint("each ending once");
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

#[cfg(test)]
mod tests {
    use crate::content::fixtures::{MANIFEST, SCENE, compile_files};

    /// The test story's manifest with these endings declared.
    fn with_endings(endings: &str) -> String {
        MANIFEST.replace(
            r#"variables: { "trust": 0, "brave": false },"#,
            &format!(r#"variables: {{ "trust": 0, "brave": false }}, endings: [{endings}],"#),
        )
    }

    fn diagnostics(manifest: &str) -> Vec<String> {
        compile_files(&[("index.ron", manifest), ("s1.ron", SCENE)])
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn an_end_naming_an_undeclared_ending_is_an_error_with_a_near_id() {
        let found = diagnostics(&with_endings(
            r#"(id: "good_start", title: (de: "Gut", en: "Good")), (id: "shy_star", title: (de: "Scheu", en: "Shy"))"#,
        ));
        let unknown: Vec<_> = found
            .iter()
            .filter(|d| d.contains("unknown ending"))
            .collect();
        assert_eq!(unknown.len(), 1, "{found:#?}");
        assert!(
            unknown[0].starts_with("scenes/s1.ron:22:"),
            "{}",
            unknown[0]
        );
        assert!(
            unknown[0].contains("`shy_start`") && unknown[0].contains("did you mean `shy_star`?")
        );
        assert!(
            found.iter().any(
                |d| d.contains("warning") && d.contains("no End reaches the ending `shy_star`")
            ),
            "{found:#?}"
        );
    }

    #[test]
    fn declared_endings_need_titles_and_are_declared_once() {
        let found = diagnostics(&with_endings(
            r#"(id: "good_start", title: (de: "Gut", en: "")), (id: "shy_start", title: (de: "Scheu", en: "Shy")), (id: "shy_start", title: (de: "Scheu", en: "Shy"))"#,
        ));
        let errors: Vec<_> = found.iter().filter(|d| d.contains("error")).collect();
        assert_eq!(errors.len(), 2, "{found:#?}");
        assert!(
            errors.iter().any(|d| d.contains("the ending's title")),
            "{errors:#?}"
        );
        assert!(
            errors
                .iter()
                .any(|d| d.contains("`shy_start` is declared twice")),
            "{errors:#?}"
        );
    }

    #[test]
    fn without_declared_endings_any_ending_id_goes() {
        assert!(diagnostics(MANIFEST).is_empty());
    }
}
