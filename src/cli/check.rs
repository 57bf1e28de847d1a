//! `famulant check`: validate scene files without opening a window.

use std::io::Write;
use std::path::Path;

use crate::content::load_dir;

/// Checks the scene folder `dir`, prints every diagnostic to `out` and a
/// summary, and returns the exit code: 1 when there are errors, else 0.
pub fn check(dir: &Path, out: &mut dyn Write) -> std::io::Result<i32> {
    let shown = dir.to_string_lossy();
    let compiled = load_dir(dir, &shown);
    for diagnostic in &compiled.diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    let errors = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = compiled.diagnostics.len() - errors;
    let scenes = compiled.library.as_ref().map_or(0, |l| l.scenes().count());
    if errors == 0 {
        writeln!(out, "{shown}: ok, {scenes} scenes, {warnings} warning(s)")?;
        Ok(0)
    } else {
        writeln!(out, "{shown}: {errors} error(s), {warnings} warning(s)")?;
        Ok(1)
    }
}
