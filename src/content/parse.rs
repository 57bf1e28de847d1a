//! Reading one content file: RON text into typed values, or a diagnostic.

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::diagnostic::{Diagnostic, Pos};
use super::limits::{MAX_FILE_BYTES, too_large};
use super::locate::{Located, locate};

/// A content file that parsed, with what is needed to point into it later.
#[derive(Clone, Debug)]
pub struct ContentFile<T> {
    /// The file's name as diagnostics print it.
    pub path: String,
    /// The parsed value.
    pub value: T,
    /// Positions of the values in the file.
    pub located: Located,
}

/// Parses `text`, the contents of the file `path`, as a `T`.
///
/// Optional fields may be written without `Some(…)`. A syntax error or a
/// value of the wrong shape becomes a diagnostic with line and column.
pub fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<ContentFile<T>, Diagnostic> {
    if let Some(why) = too_large(text.len(), MAX_FILE_BYTES) {
        return Err(Diagnostic::error(path, Pos::START, why)
            .with_hint("content files are written by hand: split a long scene into several"));
    }
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_NEWTYPES);
    match options.from_str::<T>(text) {
        Ok(value) => Ok(ContentFile {
            path: path.to_owned(),
            value,
            located: locate(text),
        }),
        Err(err) => {
            let pos = Pos {
                line: err.span.start.line.max(1),
                col: err.span.start.col.max(1),
            };
            let (message, hint) = explain(&err.code);
            let diagnostic = Diagnostic::error(path, pos, message);
            Err(match hint {
                Some(hint) => diagnostic.with_hint(hint),
                None => diagnostic,
            })
        }
    }
}

/// Turns ron's error into a message and, where one helps, a hint.
fn explain(code: &ron::Error) -> (String, Option<String>) {
    use ron::Error as E;
    let message = match code {
        E::Message(message) => message.clone(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    };
    let hint = match code {
        E::ExpectedComma | E::ExpectedArrayEnd | E::ExpectedStructLikeEnd | E::ExpectedMapEnd => {
            Some("a comma or closing bracket is missing just before here".to_owned())
        }
        E::ExpectedStringEnd => Some("a string is not closed with `\"`".to_owned()),
        E::ExpectedString => {
            Some("write text in double quotes; use „…“ or \\\" for quotes inside".to_owned())
        }
        E::MissingStructField { .. } => {
            Some("add the field; docs/modding.md lists each one".to_owned())
        }
        E::NoSuchStructField { .. } => {
            Some("check the spelling; docs/modding.md lists the fields of each kind".to_owned())
        }
        E::NoSuchEnumVariant { .. } => {
            Some("check the spelling; docs/modding.md lists the kinds".to_owned())
        }
        E::Eof => Some("the file ends early: a bracket is not closed".to_owned()),
        _ => None,
    };
    (message, hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::format::SceneDef;

    #[test]
    fn a_syntax_error_names_line_and_column() {
        let text = "(\n  id: \"a\",\n  title: (de: \"x\" en: \"y\"),\n)";
        let err = parse::<SceneDef>("scenes/a.ron", text).unwrap_err();
        assert_eq!(err.file, "scenes/a.ron");
        assert_eq!(err.pos.line, 3);
        assert!(err.pos.col > 10, "{err}");
    }

    #[test]
    fn an_unknown_node_kind_is_named() {
        let text = "(id: \"a\", title: (de: \"x\", en: \"y\"), room: \"r\", cast: [], nodes: [Jump(id: \"b\")])";
        let err = parse::<SceneDef>("a.ron", text).unwrap_err();
        assert!(err.message.contains("Jump"), "{err}");
        assert!(err.hint.is_some());
    }

    #[test]
    fn optional_fields_need_no_some() {
        let text = r#"(id: "a", title: (de: "x", en: "y"), room: "r", cast: [],
            nodes: [Line(id: "l", speaker: "roland", text: (de: "Hallo", en: "Hello"), next: "l")])"#;
        let file = parse::<SceneDef>("a.ron", text).unwrap();
        assert_eq!(file.value.nodes.len(), 1);
    }

    #[test]
    fn a_file_over_the_size_limit_is_not_parsed() {
        let text = format!("({})", " ".repeat(crate::content::limits::MAX_FILE_BYTES));
        let err = parse::<SceneDef>("mods/big.ron", &text).unwrap_err();
        assert_eq!((err.file.as_str(), err.pos), ("mods/big.ron", Pos::START));
        assert!(err.message.contains("bytes"), "{err}");
    }
}
