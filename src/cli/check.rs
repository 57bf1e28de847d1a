//! `famulant check`: validate scene files without opening a window.

use std::io::Write;
use std::path::Path;

use super::story::load_story;
use crate::content::{Diagnostic, Severity};

/// Checks the scene folder `dir`, with the mods of the folder `mods` laid
/// over it, and prints every diagnostic to `out` (a mod's too when it is
/// left out): as text with a summary, or with `json` as one JSON object a
/// line and nothing else. Returns the exit code: 1 when there are errors,
/// else 0.
pub fn check(
    dir: &Path,
    mods: Option<&Path>,
    json: bool,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let shown = dir.to_string_lossy();
    let modded = load_story(dir, &shown, mods);
    let diagnostics: Vec<&Diagnostic> = modded.all_diagnostics().collect();
    for diagnostic in &diagnostics {
        if json {
            writeln!(out, "{}", as_json(diagnostic))?;
        } else {
            writeln!(out, "{diagnostic}")?;
        }
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let scenes = (modded.compiled.library.as_ref()).map_or(0, |l| l.scenes().count());
    if !json {
        if errors == 0 {
            writeln!(out, "{shown}: ok, {scenes} scenes, {warnings} warning(s)")?;
        } else {
            writeln!(out, "{shown}: {errors} error(s), {warnings} warning(s)")?;
        }
    }
    Ok(i32::from(errors > 0))
}

/// A diagnostic as one line of JSON: `file`, `line`, `column`, `severity`
/// (`error` or `warning`), `message` and `hint` (null without one).
fn as_json(diagnostic: &Diagnostic) -> serde_json::Value {
    serde_json::json!({
        "file": diagnostic.file,
        "line": diagnostic.pos.line,
        "column": diagnostic.pos.col,
        "severity": match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "message": diagnostic.message,
        "hint": diagnostic.hint,
    })
}
