//! Checks of single values that several files share: ids, texts in both
//! languages, colours, and names of characters.

use super::Checker;
use super::path::Path;
use super::report::hint_for;
use crate::content::format::is_valid_id;
use crate::content::parse::ContentFile;
use crate::content::parse_color;
use crate::content::text::LocalizedText;

impl Checker<'_> {
    /// Reports `id` unless it is a valid id; `what` names what it is the
    /// id of ("node").
    pub(super) fn id<T>(&mut self, file: &ContentFile<T>, at: &Path, id: &str, what: &str) {
        if !is_valid_id(id) {
            self.error(file, at, format!("`{id}` is not a valid {what} id"))
                .hint("ids use lowercase letters, digits and `_`, and start with a letter");
        }
    }

    /// Reports each language `text` lacks; `what` names the text ("the line").
    pub(super) fn text<T>(
        &mut self,
        file: &ContentFile<T>,
        at: &Path,
        text: &LocalizedText,
        what: &str,
    ) {
        let missing: Vec<_> = text.missing().collect();
        for lang in missing {
            self.error(file, at, format!("{what} has no `{}` text", lang.code()))
                .hint("every text needs both languages: (de: \"…\", en: \"…\")");
        }
    }

    /// Reports `color` unless it is written `#rrggbb`.
    pub(super) fn color<T>(&mut self, file: &ContentFile<T>, at: &Path, color: &str) {
        if parse_color(color).is_none() {
            self.error(file, at, format!("`{color}` is not a colour"))
                .hint("write colours as \"#rrggbb\", for example \"#3a6ea5\"");
        }
    }

    /// Reports `id` unless a character has it, and says whether one does.
    pub(super) fn character<T>(&mut self, file: &ContentFile<T>, at: &Path, id: &str) -> bool {
        let known = self.library.characters.contains_key(id);
        if !known {
            let hint = hint_for(id, self.library.characters.keys(), "characters.ron");
            self.error(file, at, format!("unknown character `{id}`"))
                .hint(hint);
        }
        known
    }
}

#[cfg(test)]
mod tests {
    use crate::content::fixtures::{SCENE, errors};

    #[test]
    fn a_missing_translation_is_an_error() {
        let errs = errors(&SCENE.replace(r#"(de: "Mutig.", en: "Brave.")"#, r#"(de: "Mutig.")"#));
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert!(errs[0].starts_with("scenes/s1.ron:19:"), "{}", errs[0]);
        assert!(errs[0].contains("has no `en` text"));
    }
}
