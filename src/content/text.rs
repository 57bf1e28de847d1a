//! Languages and texts that exist in every language the game speaks.

use serde::{Deserialize, Serialize};

/// A language the game can be played in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// German, the language the story was written in.
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the settings offer them.
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The short code used in scene files and on the command line (`de`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's own name for itself, as a language switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// Parses a code such as `de` or `en`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }
}

/// A piece of text in each language: `(de: "…", en: "…")` in a scene file.
///
/// Both fields are optional while parsing so that a missing translation is
/// reported by the validator with its position instead of failing the whole
/// file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    /// The German text.
    #[serde(default)]
    pub de: Option<String>,
    /// The English text.
    #[serde(default)]
    pub en: Option<String>,
}

impl LocalizedText {
    /// The text in `lang`, if that translation exists and is not blank.
    pub fn translation(&self, lang: Lang) -> Option<&str> {
        let text = match lang {
            Lang::De => self.de.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        text.filter(|text| !text.trim().is_empty())
    }

    /// The text in `lang`, falling back to any other language so that a
    /// player never sees an empty box. Validated content has every language.
    pub fn get(&self, lang: Lang) -> &str {
        self.translation(lang)
            .or_else(|| Lang::ALL.iter().find_map(|other| self.translation(*other)))
            .unwrap_or("")
    }

    /// The languages this text lacks.
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(|lang| self.translation(*lang).is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_other_language() {
        let text = LocalizedText {
            de: Some("Guten Morgen".into()),
            en: Some("  ".into()),
        };
        assert_eq!(text.get(Lang::En), "Guten Morgen");
        assert_eq!(text.missing().collect::<Vec<_>>(), vec![Lang::En]);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
