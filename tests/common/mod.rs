//! What integration tests share: the shipped scenes and copies of them,
//! and (with the `game` feature) a headless game to play them in.

#![allow(dead_code)] // each test file uses its own part of the harness

#[cfg(feature = "game")]
mod game;
#[cfg(feature = "game")]
#[allow(unused_imports)] // not every test file plays the game
pub use game::*;

use std::path::{Path, PathBuf};

/// The folder of the shipped scenes.
pub fn shipped_scenes() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenes")
}

/// Copies the shipped scenes, with the pictures of the assets folder
/// beside them, into a fresh temporary folder named after `tag`; returns
/// the scenes' copy.
pub fn copy_of_scenes(tag: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("famulant-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let art = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/art");
    copy_dir(&art, &root.join("assets/art"));
    copy_dir(&shipped_scenes(), &root.join("scenes"));
    root.join("scenes")
}

/// Copies the folder `from`, with its subfolders (the pictures), to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A folder of mods, named after `tag`, holding one mod, `nachtdienst`,
/// that brings a story of its own: a night in the chief's office, begun at
/// `@night`, that ends at dawn.
pub fn story_mod_folder(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("famulant-story-mod-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("night")).unwrap();
    std::fs::write(
        dir.join("night/mod.ron"),
        r#"(
    format: 1,
    id: "nachtdienst",
    name: (de: "Nachtdienst", en: "Night shift"),
    version: "0.1.0",
    description: (de: "Eine Nacht.", en: "A night."),
    game: "0.1",
    scenes: ["night.ron"],
    start: "@night",
    endings: [(id: "dawn", title: (de: "Morgengrauen", en: "Dawn"))],
)"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("night/night.ron"),
        r#"(
    id: "night",
    title: (de: "Nacht", en: "Night"),
    room: "chief_office",
    cast: ["vladi"],
    nodes: [
        Line(id: "awake", speaker: "vladi", text: (de: "Noch wach.", en: "Still awake.")),
        End(id: "over", ending: "dawn"),
    ],
)"#,
    )
    .unwrap();
    dir
}
