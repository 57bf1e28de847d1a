//! `review.ron`, the case review's words: what is said (by Roland, in the
//! shipped story) about each finding of the review and about the ending
//! reached, each remark in both languages and with an optional condition on
//! the story's state. (The endings' titles are the manifest's.)
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
    pub findings: Vec<FindingRemarks>,
    /// What is said about each ending.
    #[serde(default)]
    pub endings: Vec<EndingRemarks>,
}

/// The remarks on one finding: `(finding: "antibiotics_late", remarks: […])`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingRemarks {
    /// The finding's id.
    pub finding: String,
    /// What may be said about it; the first whose condition holds is.
    pub remarks: Vec<RemarkDef>,
}

/// The remarks on an ending: `(ending: "recovered", remarks: […])`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndingRemarks {
    /// The ending's id, as an `End` node names it.
    pub ending: String,
    /// What may be said about it, last in the review; the first whose
    /// condition holds is.
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
    /// The remarks on the ending `id`, none when the file has none.
    pub fn remarks_at_end(&self, id: &str) -> &[RemarkDef] {
        self.endings
            .iter()
            .find(|e| e.ending == id)
            .map_or(&[], |e| &e.remarks)
    }

    /// The remarks on the finding `id`, none when the file has none.
    pub fn remarks_on(&self, id: &str) -> &[RemarkDef] {
        self.findings
            .iter()
            .find(|f| f.finding == id)
            .map_or(&[], |f| &f.remarks)
    }
}
