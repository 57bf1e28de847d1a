//! Everything about content that serde cannot check: unknown and duplicate
//! ids, missing translations, invalid timers, unreachable nodes, dead ends.
//!
//! [`validate`] runs one check per concern, in order, each adding what it
//! finds to the same list: the manifest, what it and the mods declare,
//! the characters, the rooms, each
//! scene (its nodes, their effects and conditions), the case review's
//! words, whether every variable is read, and last the story as a graph
//! of nodes.

mod characters;
mod declarations;
mod effects;
mod fields;
mod graph;
mod manifest;
mod mods;
mod nodes;
mod path;
mod reads;
mod report;
mod review;
mod rooms;
mod scene;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use super::diagnostic::Diagnostic;
use super::library::Library;
use super::load::ContentSet;

pub use rooms::is_picture_path;

/// The most options a choice may offer: one per number key.
pub const MAX_OPTIONS: usize = 9;
/// The most simulated minutes one `Wait` (or one operation) may take.
pub const MAX_WAIT_MINUTES: u32 = 24 * 60;
/// The longest a timed choice may wait, in seconds.
pub const MAX_TIMER_SECONDS: f32 = 300.0;

/// One concern's check: it reads the content and records its problems.
type Check = fn(&mut Checker<'_>);

/// The checks in the order they run. The graph comes last: it keeps quiet
/// about nodes that cannot reach an End while other errors are present.
const CHECKS: [Check; 9] = [
    manifest::check,
    mods::check,
    declarations::check,
    characters::check,
    rooms::check,
    scene::check,
    review::check,
    // After every check of conditions: it reads what they recorded.
    reads::check,
    graph::check,
];

/// Checks a content set and returns every problem found.
pub fn validate(set: &ContentSet) -> Vec<Diagnostic> {
    CHECKS
        .iter()
        .fold(Checker::new(set), |mut checker, check| {
            check(&mut checker);
            checker
        })
        .diagnostics
}

/// What the checks read, and what they have found so far.
struct Checker<'a> {
    /// The content being checked, file by file.
    set: &'a ContentSet,
    /// The same content by id, for looking things up.
    library: Library,
    /// The problems found so far, in the order found.
    diagnostics: Vec<Diagnostic>,
    /// The variables some condition checked so far reads: filled as the
    /// scenes' and the review's conditions are checked, and read by
    /// `reads`, which therefore runs after them.
    variables_read: HashSet<String>,
}

impl<'a> Checker<'a> {
    /// Ready to check `set`, with nothing found yet.
    fn new(set: &'a ContentSet) -> Self {
        Self {
            set,
            library: Library::build(set),
            diagnostics: Vec::new(),
            variables_read: HashSet::new(),
        }
    }
}
