//! Errors and warnings about content, each naming file, line and column.

use std::fmt;

/// How bad a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The content cannot be played as it is.
    Error,
    /// The content plays, but probably not as its writer meant.
    Warning,
}

/// A line and column in a file, both counted from 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub col: usize,
}

impl Pos {
    /// The very start of a file.
    pub const START: Pos = Pos { line: 1, col: 1 };
}

/// A problem in a content file.
///
/// Printed as `FILE:LINE:COL: error: MESSAGE` with an optional
/// `  hint: …` line below.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the player or modder names it (`scenes/ch1_morning.ron`).
    pub file: String,
    /// Where in the file.
    pub pos: Pos,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `pos` in `file`.
    pub fn error(file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            pos,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at `pos` in `file`.
    pub fn warning(file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, pos, message)
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this is an error rather than a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}: {}",
            self.file, self.pos.line, self.pos.col, self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Sorts diagnostics by file and position, errors before warnings at the same place.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.pos, a.severity, &a.message).cmp(&(&b.file, b.pos, b.severity, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_file_line_col_and_hint() {
        let d = Diagnostic::error("scenes/a.ron", Pos { line: 4, col: 17 }, "unknown node `x`")
            .with_hint("did you mean `y`?");
        assert_eq!(
            d.to_string(),
            "scenes/a.ron:4:17: error: unknown node `x`\n  hint: did you mean `y`?"
        );
    }
}
