//! The characters, `characters.ron`: ids, names, roles, colours and looks.

use std::collections::HashSet;

use super::Checker;
use super::path::Path;
use crate::content::format::{CharacterDef, LookDef};
use crate::content::parse::ContentFile;

/// The characters of one file: the story's `characters.ron` or a mod's.
type CharactersFile = ContentFile<Vec<CharacterDef>>;

/// Checks each characters file: the story's, then each mod's.
pub(super) fn check(checker: &mut Checker) {
    let set = checker.set;
    for file in &set.characters {
        characters(checker, file);
    }
}

/// One characters file: ids unique within it, and each character sound.
fn characters(checker: &mut Checker, file: &CharactersFile) {
    let mut ids = HashSet::new();
    for (i, character) in file.value.iter().enumerate() {
        let at = Path::root().index(i);
        checker.id(file, &at.field("id"), &character.id, "character");
        if !ids.insert(character.id.as_str()) {
            checker
                .error(
                    file,
                    &at.field("id"),
                    format!("character id `{}` is already used", character.id),
                )
                .hint("character ids must be unique");
        }
        checker.text(file, &at.field("name"), &character.name, "the name");
        checker.text(file, &at.field("role"), &character.role, "the role");
        checker.color(file, &at.field("color"), &character.color);
        if let Some(look_def) = &character.look {
            look(checker, file, &at.field("look"), look_def);
        }
    }
}

/// How a character is drawn: colours, and a height and build near an
/// average adult's.
fn look(checker: &mut Checker, file: &CharactersFile, at: &Path, look: &LookDef) {
    for (field, colour) in [
        ("clothes", &look.clothes),
        ("skin", &look.skin),
        ("hair", &look.hair),
    ] {
        checker.color(file, &at.field(field), colour);
    }
    for (field, value, range) in [
        ("height", look.height, 0.8..=1.2),
        ("build", look.build, 0.8..=1.3),
    ] {
        if !range.contains(&value) {
            checker
                .error(file, &at.field(field), format!("a {field} of {value}"))
                .hint(format!(
                    "{field} is against an average adult: {} to {}",
                    range.start(),
                    range.end()
                ));
        }
    }
}
