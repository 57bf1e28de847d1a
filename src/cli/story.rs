//! The story the command-line tools work on: a scenes folder, with the
//! mods of a folder laid over it when `--mods` names one.

use std::path::Path;

use crate::content::{CHOICES_FILE, ModChoices, ModState, Modded, read_story_dir};
use crate::content::{compile_modded, find_mods};

/// The story in `dir` (named `shown` in diagnostics) with every mod found
/// in `mods` laid over it, in the order of their folders' names.
pub fn load_story(dir: &Path, shown: &str, mods: Option<&Path>) -> Modded {
    let (story, pictures) = read_story_dir(dir, shown);
    let found = mods.map(find_mods).unwrap_or_default();
    compile_modded(
        story,
        pictures,
        found.into_iter().map(|m| (m, true)).collect(),
    )
}

/// The story in `dir` with the player's mods: those found in
/// [`player_mod_folders`], ordered and turned on or off as `mods.ron` in
/// the game's data folder says.
pub fn load_with_players_mods(dir: &Path, shown: &str) -> Modded {
    let (story, pictures) = read_story_dir(dir, shown);
    let found = crate::player_mod_folders()
        .iter()
        .flat_map(|folder| find_mods(folder))
        .collect();
    let choices =
        crate::data_dir().and_then(|dir| std::fs::read_to_string(dir.join(CHOICES_FILE)).ok());
    compile_modded(
        story,
        pictures,
        ModChoices::from_ron(choices.as_deref()).arrange(found),
    )
}

/// Writes to `log` which mods are left out and why.
pub fn tell_left_out(modded: &Modded, log: &mut dyn std::io::Write) -> std::io::Result<()> {
    for report in &modded.mods {
        match &report.state {
            ModState::On | ModState::Off => {}
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
            ModState::Broken(errors) => {
                let first = errors.first().map(ToString::to_string).unwrap_or_default();
                format!("broken: {}", first.lines().next().unwrap_or_default())
            }
            ModState::Off => "off".to_owned(),
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
