//! `review.ron`, the case review's words: the title of each ending, and what
//! is said (by Roland, in the shipped story) about each finding of the
//! review and about the ending reached, each remark in both languages and
//! with an optional condition on the story's state.
//!
//! The findings are the clinical review's own (`antibiotics_late`,
//! `debridement_radical`: see [`crate::patient::finding_ids`]); the endings
//! those the scenes' `End` nodes name.

use serde::Deserialize;

use super::format::Condition;
use super::text::LocalizedText;

/// The file named by the manifest's `review`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewDef {
    /// Who says the remarks: a character, or narration when left out.
    #[serde(default)]
    pub speaker: Option<String>,
    /// What is said about each finding.
    #[serde(default)]
    pub findings: Vec<FindingDef>,
    /// Each ending's title, and what is said about it.
    #[serde(default)]
    pub endings: Vec<EndingDef>,
}

/// The remarks on one finding: `(finding: "antibiotics_late", remarks: […])`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingDef {
    /// The finding's id.
    pub finding: String,
    /// What may be said about it; the first whose condition holds is.
    pub remarks: Vec<RemarkDef>,
}

/// An ending: `(ending: "recovered", title: (de: …, en: …), remarks: […])`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndingDef {
    /// The ending's id, as an `End` node names it.
    pub ending: String,
    /// Its title, shown at the end and over the review.
    pub title: LocalizedText,
    /// What may be said about it, last in the review; the first whose
    /// condition holds is.
    #[serde(default)]
    pub remarks: Vec<RemarkDef>,
}

/// One remark: `(when: Var("roland_trust", ">=", 2), text: (de: …, en: …))`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemarkDef {
    /// Said only while this holds, at the story's end; always without.
    #[serde(default)]
    pub when: Option<Condition>,
    /// What is said.
    pub text: LocalizedText,
}

impl ReviewDef {
    /// The ending with this id, if the file has it.
    pub fn ending(&self, id: &str) -> Option<&EndingDef> {
        self.endings.iter().find(|e| e.ending == id)
    }

    /// The remarks on the finding `id`, none when the file has none.
    pub fn remarks_on(&self, id: &str) -> &[RemarkDef] {
        self.findings
            .iter()
            .find(|f| f.finding == id)
            .map_or(&[], |f| &f.remarks)
    }
}
