//! `famulant explore`: play a story along every path and report its
//! endings, the nodes it never reaches and its dead ends.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::story::{load_story, tell_left_out};
use crate::story::explore::{Options, explore as explore_story};

/// Explores the story in `dir`, with the mods of the folder `mods` laid
/// over it, and prints the report to `out`, and to `log` the mods left
/// out and how long it took. Returns the exit code: 1 when the story does not load
/// or has a node never reached or a dead end, else 0.
pub fn explore(
    dir: &Path,
    mods: Option<&Path>,
    options: &Options,
    out: &mut dyn Write,
    log: &mut dyn Write,
) -> std::io::Result<i32> {
    let shown = dir.to_string_lossy();
    let modded = load_story(dir, &shown, mods);
    tell_left_out(&modded, log)?;
    let compiled = modded.compiled;
    let Some(library) = compiled.library else {
        for diagnostic in compiled.diagnostics.iter().filter(|d| d.is_error()) {
            writeln!(out, "{diagnostic}")?;
        }
        writeln!(
            out,
            "{shown}: the story has errors; `famulant check` lists them"
        )?;
        return Ok(1);
    };
    let started = Instant::now();
    let report = match explore_story(Arc::new(library), options) {
        Ok(report) => report,
        Err(err) => {
            writeln!(out, "{shown}: the story cannot start: {err}")?;
            return Ok(1);
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    write!(out, "{shown}: {report}")?;
    out.flush()?;
    let playthroughs = report.playthroughs();
    writeln!(
        log,
        "explored in {seconds:.2} s: {playthroughs} playthroughs, {:.0} a second",
        playthroughs as f64 / seconds.max(1e-9)
    )?;
    Ok(if report.is_clean() { 0 } else { 1 })
}
