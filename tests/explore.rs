//! The explorer on the shipped story: played along its paths at every
//! reading pace, it reaches every ending, enters every node and never gets
//! stuck. Structural facts only: the story is being written, so no count
//! of paths, lines or minutes is asserted.

mod common;

use std::sync::Arc;

use famulant::content::load_dir;
use famulant::story::explore::{Options, explore};

#[test]
fn the_shipped_story_reaches_every_ending_and_every_node_without_a_dead_end() {
    let compiled = load_dir(&common::shipped_scenes(), "scenes");
    let library = compiled.library.expect("the shipped scenes load");
    // As many runs as `famulant explore` makes (about a minute in the
    // unoptimised test build): the rarest nodes take a few thousand.
    let options = Options::default();
    let report = explore(Arc::new(library), &options).expect("the story starts");
    assert!(
        report.endings_missed().is_empty(),
        "endings never reached: {:?}\n{report}",
        report.endings_missed()
    );
    assert!(
        report.unreached.is_empty(),
        "{} nodes never reached: {:?}",
        report.unreached.len(),
        report.unreached
    );
    assert!(report.dead_ends.is_empty(), "dead ends:\n{report}");
    assert!(report.is_clean());
}
