//! The manifest, `index.ron`: its format, start and scene files. What it
//! declares (variables, relationships, endings) is checked with the mods'
//! declarations in `declarations`.

use std::collections::HashSet;

use super::path::Path;
use super::{Checker, nodes};
use crate::content::format::FORMAT_VERSION;

/// Checks `index.ron`.
pub(super) fn check(checker: &mut Checker) {
    format_version(checker);
    start(checker);
    scene_files(checker);
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
