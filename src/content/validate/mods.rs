//! Each mod's `mod.ron` as a whole: its format, id, names and the game
//! version it was made for. What it declares is checked in
//! `declarations`, its files as the story's are.

use super::Checker;
use super::path::Path;
use crate::content::format::FORMAT_VERSION;
use crate::content::mods::ModDef;
use crate::content::parse::ContentFile;

/// The game version mods are made for: this build's major and minor
/// version.
pub const GAME_VERSION: (u32, u32) = (0, 1);

/// Checks each mod's `mod.ron`.
pub(super) fn check(checker: &mut Checker) {
    let set = checker.set;
    for file in &set.mods {
        one(checker, file);
    }
}

/// One mod's description.
fn one(checker: &mut Checker, file: &ContentFile<ModDef>) {
    let def = &file.value;
    if def.format != FORMAT_VERSION {
        checker
            .error(
                file,
                &Path::root().field("format"),
                format!("unsupported format version {}", def.format),
            )
            .hint(format!(
                "this build of Famulant reads format {FORMAT_VERSION}"
            ));
    }
    checker.id(file, &Path::root().field("id"), &def.id, "mod");
    checker.text(file, &Path::root().field("name"), &def.name, "the name");
    checker.text(
        file,
        &Path::root().field("description"),
        &def.description,
        "the description",
    );
    if let Some(start) = &def.start {
        let at = Path::root().field("start");
        if start.scene.is_none() {
            checker
                .error(file, &at, format!("start `{start}` names no scene"))
                .hint("write a story's start as `@scene_id` or `@scene_id.node_id`");
        } else if checker.library.resolve("", start).is_none() {
            let hint = super::nodes::suggest_target(&checker.library, "", start);
            checker
                .error(file, &at, format!("start `{start}` does not exist"))
                .hint(hint);
        }
    }
    match parse_version(&def.game) {
        None => {
            checker
                .error(file, &Path::root().field("game"), format!("`{}` is not a game version", def.game))
                .hint("write the version of Famulant the mod is made for as \"MAJOR.MINOR\", such as \"0.1\"");
        }
        Some(wanted) if wanted > GAME_VERSION => {
            checker
                .error(file, &Path::root().field("game"), format!("the mod is made for Famulant {}", def.game))
                .hint(format!("this is Famulant {}.{}: update the game, or use a version of the mod made for it", GAME_VERSION.0, GAME_VERSION.1));
        }
        Some(_) => {}
    }
}

/// `"MAJOR.MINOR"` (a patch number after it is allowed and not compared).
fn parse_version(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    match parts.next() {
        None => Some((major, minor)),
        Some(patch) if patch.parse::<u32>().is_ok() && parts.next().is_none() => {
            Some((major, minor))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn game_versions_are_major_and_minor() {
        assert_eq!(parse_version("0.1"), Some((0, 1)));
        assert_eq!(parse_version("0.1.7"), Some((0, 1)));
        assert_eq!(parse_version("1"), None);
        assert_eq!(parse_version("0.x"), None);
        assert_eq!(parse_version("0.1.2.3"), None);
    }

    #[test]
    fn this_build_is_the_version_cargo_says() {
        let cargo = env!("CARGO_PKG_VERSION");
        assert_eq!(parse_version(cargo), Some(GAME_VERSION), "{cargo}");
    }
}
