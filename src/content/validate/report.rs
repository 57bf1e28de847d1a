//! Recording what the checks find, and hints that name the closest known id.

use super::Checker;
use super::path::Path;
use crate::content::diagnostic::{Diagnostic, Pos};
use crate::content::parse::ContentFile;

/// Lets a hint be attached to the diagnostic just pushed.
pub(super) struct Pushed<'d>(&'d mut Diagnostic);

impl Pushed<'_> {
    /// Sets the diagnostic's hint.
    pub(super) fn hint(self, hint: impl Into<String>) {
        self.0.hint = Some(hint.into());
    }
}

impl Checker<'_> {
    /// Records an error at `at` in `file`.
    pub(super) fn error<T>(
        &mut self,
        file: &ContentFile<T>,
        at: &Path,
        message: String,
    ) -> Pushed<'_> {
        self.push(file, at, Diagnostic::error, message)
    }

    /// Records a warning at `at` in `file`.
    pub(super) fn warning<T>(
        &mut self,
        file: &ContentFile<T>,
        at: &Path,
        message: String,
    ) -> Pushed<'_> {
        self.push(file, at, Diagnostic::warning, message)
    }

    /// Whether an error has been recorded so far.
    pub(super) fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Records a diagnostic made by `new` at `at` in `file`.
    fn push<T>(
        &mut self,
        file: &ContentFile<T>,
        at: &Path,
        new: fn(&str, Pos, String) -> Diagnostic,
        message: String,
    ) -> Pushed<'_> {
        let pos = file.located.pos_of(at.segs());
        self.diagnostics.push(new(&file.path, pos, message));
        Pushed(self.diagnostics.last_mut().expect("just pushed"))
    }
}

/// A hint naming the closest known id, or where the known ids live.
pub(super) fn hint_for<K: AsRef<str>>(
    unknown: &str,
    known: impl IntoIterator<Item = K>,
    place: &str,
) -> String {
    let best = known
        .into_iter()
        .map(|k| (edit_distance(unknown, k.as_ref()), k.as_ref().to_owned()))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min();
    match best {
        Some((_, k)) => format!("did you mean `{k}`?"),
        None => format!("no such id in {place}"),
    }
}

/// Levenshtein distance between two short strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
