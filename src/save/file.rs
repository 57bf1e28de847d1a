//! A saved game as it is written: a versioned RON file holding what the
//! Load screen shows of it and the session's snapshot.

use serde::{Deserialize, Serialize};

use super::thumbnail::Thumbnail;
use crate::content::LocalizedText;
use crate::story::{SNAPSHOT_VERSION, Session, Snapshot};

/// The version of the save format; a save of a newer version is refused
/// in words rather than misread.
pub const SAVE_VERSION: u32 = 1;

/// A saved game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveFile {
    /// [`SAVE_VERSION`] when it was written.
    pub version: u32,
    /// What the Load screen shows of it.
    pub about: SaveInfo,
    /// The game.
    pub game: Snapshot,
}

/// What the Load screen shows of a saved game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveInfo {
    /// When it was saved: seconds since 1970 (UTC).
    pub saved_at: i64,
    /// The local time's offset from UTC then, in seconds.
    pub utc_offset: i32,
    /// The scene's id.
    pub scene: String,
    /// The scene's title then.
    pub title: LocalizedText,
    /// Frau Bram's minute since she arrived.
    pub minute: u32,
    /// The screen then, small.
    #[serde(default)]
    pub thumbnail: Option<Thumbnail>,
}

/// Why a save cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// It is not a save this game wrote, or it was damaged.
    Corrupt(String),
    /// A newer version of the game wrote it.
    Newer(u32),
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Corrupt(why) => write!(f, "damaged or not a save: {why}"),
            Unreadable::Newer(version) => write!(
                f,
                "made by a newer version of Famulant (format {version}; this one reads {SAVE_VERSION})"
            ),
        }
    }
}

impl SaveFile {
    /// The game `session` as saved at `saved_at` (seconds since 1970,
    /// UTC) with the local time `utc_offset` seconds ahead of UTC, the
    /// screen then in `thumbnail`.
    pub fn of(
        session: &Session,
        (saved_at, utc_offset): (i64, i32),
        thumbnail: Option<Thumbnail>,
    ) -> SaveFile {
        let game = session.snapshot();
        let title = session.scene().map(|scene| scene.def.title.clone());
        SaveFile {
            version: SAVE_VERSION,
            about: SaveInfo {
                saved_at,
                utc_offset,
                scene: game.story.cursor.scene.clone(),
                title: title.unwrap_or_default(),
                minute: game.case.body.minute,
                thumbnail,
            },
            game,
        }
    }

    /// The save as RON text, compact: saves in the browser share about
    /// five million characters.
    pub fn to_ron(&self) -> String {
        ron::to_string(self).expect("a save has only serialisable parts")
    }

    /// Reads a save written by [`SaveFile::to_ron`], by this version of the
    /// game or an older one.
    pub fn from_ron(text: &str) -> Result<SaveFile, Unreadable> {
        /// The versions alone, read before the rest, whose shape they name.
        #[derive(Deserialize)]
        struct Versions {
            version: u32,
            game: GameVersion,
        }
        #[derive(Deserialize)]
        struct GameVersion {
            version: u32,
        }
        let corrupt = |err: ron::error::SpannedError| Unreadable::Corrupt(err.to_string());
        let versions: Versions = ron::from_str(text).map_err(corrupt)?;
        if versions.version > SAVE_VERSION {
            return Err(Unreadable::Newer(versions.version));
        }
        if versions.game.version > SNAPSHOT_VERSION {
            return Err(Unreadable::Newer(versions.game.version));
        }
        ron::from_str(text).map_err(corrupt)
    }
}
