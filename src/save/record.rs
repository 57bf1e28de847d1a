//! A record kept in one file of a [`Storage`], apart from the saves: read
//! whole when the game starts (a damaged one is set aside and begun anew)
//! and written whole when it changed.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::storage::Storage;

/// Reads the record `what` from `file` in `storage`: empty when there is
/// none; one that cannot be read is set aside, kept, and begun anew, and
/// the note says so.
pub(super) fn open<T: DeserializeOwned + Default>(
    storage: &Storage,
    file: &str,
    what: &str,
) -> (T, Option<String>) {
    match storage.read(file) {
        Ok(None) => (T::default(), None),
        Ok(Some(text)) => match ron::from_str(&text) {
            Ok(record) => (record, None),
            Err(err) => {
                let note = match storage.set_aside(file, "unreadable") {
                    Ok(kept) => format!("{what} was unreadable ({err}); kept as {kept}"),
                    Err(io) => {
                        format!("{what} was unreadable ({err}) and could not be set aside: {io}")
                    }
                };
                (T::default(), Some(note))
            }
        },
        Err(err) => (
            T::default(),
            Some(format!("{what} could not be read: {err}")),
        ),
    }
}

/// Writes `record` to `file` in `storage`, if there is one.
pub(super) fn store<T: Serialize>(
    storage: Option<&Storage>,
    file: &str,
    record: &T,
) -> std::io::Result<()> {
    match storage {
        Some(storage) => storage.write(
            file,
            &ron::to_string(record).map_err(std::io::Error::other)?,
        ),
        None => Ok(()),
    }
}
