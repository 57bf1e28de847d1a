//! The story the command-line tools work on: a scenes folder, with the
//! mods of a folder laid over it when `--mods` names one.

use std::path::Path;

use crate::content::{ModState, read_story};
use crate::content::{Modded, compile_modded, find_mods, read_inside};

/// The story in `dir` (named `shown` in diagnostics) with the mods found
/// in `mods` laid over it, in the order of their folders' names.
pub fn load_story(dir: &Path, shown: &str, mods: Option<&Path>) -> Modded {
    let (story, pictures) = read_story(shown, &|name| read_inside(dir, name));
    let found = mods.map(find_mods).unwrap_or_default();
    compile_modded(story, pictures, found)
}

/// Writes to `log` which mods are left out and why.
pub fn tell_left_out(modded: &Modded, log: &mut dyn std::io::Write) -> std::io::Result<()> {
    for report in &modded.mods {
        match &report.state {
            ModState::On => {}
            ModState::Broken(errors) => {
                writeln!(log, "mod `{}` is left out: its errors follow", report.id)?;
                for error in errors {
                    writeln!(log, "{error}")?;
                }
            }
            ModState::Untried => writeln!(
                log,
                "mod `{}` is not tried: the story's own files have errors",
                report.id
            )?,
        }
    }
    Ok(())
}

/// Lists each mod of `modded` with its version, name and state, and the
/// first error of one left out.
pub fn list_mods(modded: &Modded, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if modded.mods.is_empty() {
        return writeln!(out, "no mods found");
    }
    for report in &modded.mods {
        let name = (report.name.as_ref()).map_or("", |n| n.get(crate::content::Lang::En));
        let version = report.version.as_deref().unwrap_or("?");
        let state = match &report.state {
            ModState::On => "on".to_owned(),
            ModState::Broken(errors) => format!(
                "broken: {}",
                errors.first().map_or(String::new(), ToString::to_string)
            ),
            ModState::Untried => "not tried: the story has errors".to_owned(),
        };
        writeln!(
            out,
            "{} {version}  {name}  ({})  {state}",
            report.id, report.shown
        )?;
    }
    Ok(())
}
