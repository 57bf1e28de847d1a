//! `famulant sim SCENARIO.ron [--seed N]`: the patient model without a
//! window.

use std::io::Write;
use std::path::Path;

use crate::content::{Diagnostic, Pos, parse};
use crate::patient::{Scenario, Variation};

/// Runs the scenario file at `path` on the patient of game `seed` (without
/// one, the reference patient), writing CSV to `out`; a file that cannot be
/// read or parsed gets a `FILE:LINE:COL` error on `err`. Returns the exit
/// code: 0, or 2 for a bad scenario file.
pub fn sim(path: &Path, seed: Option<u64>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let shown = path.to_string_lossy();
    let parsed = std::fs::read_to_string(path)
        .map_err(|e| Diagnostic::error(&shown, Pos::START, format!("cannot read: {e}")))
        .and_then(|text| parse::<Scenario>(&shown, &text));
    match parsed {
        Ok(file) => match file.value.write_csv(Variation::of_seed(seed), out) {
            Ok(_) => 0,
            Err(e) => {
                let _ = writeln!(err, "famulant: {e}");
                1
            }
        },
        Err(diagnostic) => {
            let _ = writeln!(err, "{diagnostic}");
            2
        }
    }
}
