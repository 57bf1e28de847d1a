//! The case review's file (`review.ron`): its speaker, the findings and
//! endings it speaks of, their remarks in both languages, and the
//! remarks' conditions.

use std::collections::HashSet;

use super::path::Path;
use super::report::hint_for;
use super::{Checker, effects};
use crate::content::parse::ContentFile;
use crate::content::review::{RemarkDef, ReviewDef};
use crate::patient::finding_ids;

/// Checks the review file, when the manifest names one.
pub(super) fn check(checker: &mut Checker) {
    let Some(file) = &checker.set.review else {
        return;
    };
    if let Some(speaker) = &file.value.speaker {
        checker.character(file, &Path::root().field("speaker"), speaker);
    }
    findings(checker, file);
    endings(checker, file);
}

/// Each finding is one the review makes, listed once, with its remarks.
fn findings(checker: &mut Checker, file: &ContentFile<ReviewDef>) {
    let known = finding_ids();
    let mut listed = HashSet::new();
    for (i, finding) in file.value.findings.iter().enumerate() {
        let at = Path::root().field("findings").index(i);
        let id = &finding.finding;
        if !known.contains(id) {
            let hint = hint_for(id, &known, "the findings");
            checker
                .error(
                    file,
                    &at.field("finding"),
                    format!("unknown finding `{id}`"),
                )
                .hint(format!(
                    "{hint}; docs/modding.md lists the findings of the case review"
                ));
        } else if !listed.insert(id) {
            checker
                .error(
                    file,
                    &at.field("finding"),
                    format!("`{id}` is listed twice"),
                )
                .hint("list each finding once, with all its remarks");
        }
        remarks(checker, file, &at.field("remarks"), &finding.remarks);
    }
}

/// Each ending is one the scenes reach, listed once, with its remarks.
fn endings(checker: &mut Checker, file: &ContentFile<ReviewDef>) {
    let reached: Vec<String> = checker
        .library
        .ending_ids()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut listed = HashSet::new();
    for (i, ending) in file.value.endings.iter().enumerate() {
        let at = Path::root().field("endings").index(i);
        let id = &ending.ending;
        if !reached.contains(id) {
            let hint = hint_for(id, &reached, "the scenes' End nodes");
            checker
                .error(file, &at.field("ending"), format!("unknown ending `{id}`"))
                .hint(hint);
        } else if !listed.insert(id) {
            checker
                .error(file, &at.field("ending"), format!("`{id}` is listed twice"))
                .hint("list each ending once, with all its remarks");
        }
        remarks(checker, file, &at.field("remarks"), &ending.remarks);
    }
}

/// Each remark in both languages, its condition sound; a remark after one
/// that always holds is never said.
fn remarks(checker: &mut Checker, file: &ContentFile<ReviewDef>, at: &Path, remarks: &[RemarkDef]) {
    let mut always = false;
    for (k, remark) in remarks.iter().enumerate() {
        let at = at.index(k);
        checker.text(file, &at.field("text"), &remark.text, "the remark");
        if let Some(when) = &remark.when {
            effects::condition_from(checker, file, "", &at.field("when"), when);
        }
        if always {
            checker
                .warning(file, &at, "this remark is never said".to_owned())
                .hint("a remark before it has no `when`, so that one is said instead; put this one first");
        }
        always |= remark.when.is_none();
    }
}

#[cfg(test)]
mod tests {
    use crate::content::fixtures::{REVIEW, REVIEW_MANIFEST, SCENE, compile_files};

    /// Every diagnostic for the test story with `review` as its review
    /// file, printed as `famulant check` prints it.
    fn diagnostics(review: &str) -> Vec<String> {
        compile_files(&[
            ("index.ron", REVIEW_MANIFEST),
            ("s1.ron", SCENE),
            ("review.ron", review),
        ])
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect()
    }

    /// The one diagnostic for `review`, which must say `what`.
    fn only(review: &str, what: &str) -> String {
        let found = diagnostics(review);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains(what), "{found:#?}");
        found[0].clone()
    }

    #[test]
    fn the_test_review_is_clean() {
        let compiled = compile_files(&[
            ("index.ron", REVIEW_MANIFEST),
            ("s1.ron", SCENE),
            ("review.ron", REVIEW),
        ]);
        assert!(
            compiled.diagnostics.is_empty(),
            "{:#?}",
            compiled.diagnostics
        );
        let library = compiled.library.unwrap();
        assert_eq!(library.review.findings.len(), 2);
        assert_eq!(library.review.remarks_at_end("good_start").len(), 2);
    }

    #[test]
    fn a_syntax_error_names_its_line_and_column() {
        let broken = REVIEW.replace(
            r#"finding: "antibiotics_late","#,
            r#"finding: "antibiotics_late""#,
        );
        let error = only(&broken, "error");
        assert!(error.starts_with("scenes/review.ron:"), "{error}");
    }

    #[test]
    fn an_unknown_field_is_named() {
        let error = only(&REVIEW.replace("remarks:", "remark:"), "remark");
        assert!(error.starts_with("scenes/review.ron:"), "{error}");
    }

    #[test]
    fn a_review_file_that_cannot_be_read_is_named_in_the_manifest() {
        let found: Vec<String> =
            compile_files(&[("index.ron", REVIEW_MANIFEST), ("s1.ron", SCENE)])
                .diagnostics
                .iter()
                .map(ToString::to_string)
                .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].starts_with(
                "scenes/index.ron:6:13: error: cannot read the review file `review.ron`"
            ),
            "{}",
            found[0]
        );
    }

    #[test]
    fn an_unknown_finding_suggests_a_near_one() {
        let error = only(
            &REVIEW.replace("antibiotics_late", "antibiotic_late"),
            "unknown finding `antibiotic_late`",
        );
        assert!(
            error.contains("did you mean `antibiotics_late`?"),
            "{error}"
        );
        assert!(error.starts_with("scenes/review.ron:5:22:"), "{error}");
    }

    #[test]
    fn a_finding_listed_twice_is_an_error() {
        let twice = REVIEW.replace("cultures_late", "antibiotics_late");
        only(&twice, "`antibiotics_late` is listed twice");
    }

    #[test]
    fn an_unknown_ending_suggests_a_near_one() {
        let found =
            diagnostics(&REVIEW.replace(r#"ending: "good_start""#, r#"ending: "good_stat""#));
        let error = found
            .iter()
            .find(|d| d.contains("error"))
            .expect("an error");
        assert!(
            error.starts_with("scenes/review.ron:15:21: error: unknown ending `good_stat`"),
            "{error}"
        );
        assert!(error.contains("did you mean `good_start`?"), "{error}");
    }

    #[test]
    fn an_ending_listed_twice_is_an_error() {
        let twice = REVIEW.replace(
            "    endings: [",
            r#"    endings: [(ending: "good_start", remarks: []),"#,
        );
        let found = diagnostics(&twice);
        assert!(
            found
                .iter()
                .any(|d| d.contains("`good_start` is listed twice")),
            "{found:#?}"
        );
    }

    #[test]
    fn a_missing_translation_is_an_error() {
        let error = only(
            &REVIEW.replace(r#", en: "Late, Mr Petrenko.""#, ""),
            "the remark has no `en` text",
        );
        assert!(error.starts_with("scenes/review.ron:"), "{error}");
    }

    #[test]
    fn an_unknown_variable_suggests_a_near_one() {
        let error = only(
            &REVIEW.replace(r#"Var("trust""#, r#"Var("trsut""#),
            "unknown variable `trsut`",
        );
        assert!(error.contains("did you mean `trust`?"), "{error}");
    }

    #[test]
    fn a_variable_of_the_wrong_kind_is_an_error() {
        only(
            &REVIEW.replace(r#"Var("trust""#, r#"Var("brave""#),
            "`brave` is true/false, not a number",
        );
    }

    #[test]
    fn a_target_must_name_its_scene() {
        only(
            &REVIEW.replace(r#"Visited("@s1.good")"#, r#"Visited("good")"#),
            "target `good` names no scene",
        );
        let error = only(
            &REVIEW.replace(r#"Visited("@s1.good")"#, r#"Visited("@s1.god")"#),
            "target `@s1.god` does not exist",
        );
        assert!(error.contains("did you mean `good`?"), "{error}");
    }

    #[test]
    fn an_unknown_speaker_is_an_error() {
        only(
            &REVIEW.replace(r#"speaker: "roland""#, r#"speaker: "rolnd""#),
            "unknown character `rolnd`",
        );
    }

    #[test]
    fn a_remark_after_one_always_said_is_never_said() {
        let found = diagnostics(&REVIEW.replace(r#"(when: Is("brave"), "#, "("));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].contains("warning: this remark is never said"),
            "{}",
            found[0]
        );
    }
}
