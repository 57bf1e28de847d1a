//! Every variable is read: a variable that no condition reads records
//! something nothing ever asks about, so the choice that sets it matters
//! to nobody. (Relationships, declared apart from variables, are not
//! asked for: the player sees them change.)

use super::Checker;
use super::declarations::variable_at;
use crate::content::format::Declares;
use crate::content::parse::ContentFile;

/// Warns at each variable of `index.ron` or a mod's `mod.ron` that no
/// condition reads (the scenes' and the case review's conditions,
/// recorded as they were checked).
pub(super) fn check(checker: &mut Checker) {
    let set = checker.set;
    unread(checker, &set.manifest);
    for file in &set.mods {
        unread(checker, file);
    }
}

/// Warns at each variable `file` declares that no condition reads.
fn unread<T: Declares>(checker: &mut Checker, file: &ContentFile<T>) {
    let names: Vec<&String> = (file.value.variables().keys())
        .filter(|name| !checker.variables_read.contains(*name))
        .collect();
    for name in names {
        checker
            .warning(file, &variable_at(file, name), format!("no condition reads `{name}`"))
            .hint("read it in a `Branch`, an option's `when`, an interrupt or the case review, or remove it");
    }
}
