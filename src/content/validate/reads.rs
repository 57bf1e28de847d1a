//! Every variable is read: a variable that no condition reads records
//! something nothing ever asks about, so the choice that sets it matters
//! to nobody. Relationships are exempt: the player sees them change.

use super::Checker;
use super::manifest::variable_at;

/// Warns at each variable of `index.ron` that no condition reads (the
/// scenes' and the case review's conditions, recorded as they were
/// checked).
pub(super) fn check(checker: &mut Checker) {
    let file = &checker.set.manifest;
    let unread: Vec<&String> = file
        .value
        .variables
        .keys()
        .filter(|name| !checker.read.contains(*name))
        .filter(|name| !file.value.relationships.iter().any(|r| &r.id == *name))
        .collect();
    for name in unread {
        checker
            .warning(
                file,
                &variable_at(file, name),
                format!("no condition reads `{name}`"),
            )
            .hint("read it in a `Branch`, an option's `when`, an interrupt or the case review, or remove it");
    }
}
