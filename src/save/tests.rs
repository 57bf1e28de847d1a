//! Saves on the disk: slots, damaged and newer saves, writes cut short, and
//! the record of lines read.

use std::sync::Arc;

use super::*;
use crate::content::fixtures::{SCENE, compile_scene};
use crate::content::{LocalizedText, NodeRef};
use crate::settings::TimerMode;
use crate::story::Session;

fn scratch(name: &str) -> Storage {
    let dir = std::env::temp_dir().join(format!("famulant-save-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    Storage::folder(dir)
}

fn save_at(saved_at: i64) -> SaveFile {
    let library = Arc::new(compile_scene(SCENE).library.expect("compiles"));
    let session = Session::new(library, TimerMode::Normal).unwrap();
    SaveFile {
        version: SAVE_VERSION,
        about: SaveInfo {
            saved_at,
            utc_offset: 3600,
            scene: "s1".into(),
            title: LocalizedText {
                de: Some("Morgen".into()),
                en: Some("Morning".into()),
            },
            minute: 12,
            thumbnail: Some(Thumbnail {
                width: 1,
                height: 1,
                rgb: vec![10, 20, 30],
            }),
        },
        game: session.snapshot(),
    }
}

#[test]
fn slots_hold_games_and_the_newest_is_found() {
    let storage = scratch("slots");
    let mut saves = Saves::open(storage.clone());
    assert_eq!(saves.newest(), None);
    assert_eq!(saves.listing().len(), 2 + usize::from(NUMBERED_SLOTS));
    saves.save(Slot::Numbered(3), &save_at(100)).unwrap();
    saves.save(Slot::Auto, &save_at(300)).unwrap();
    saves.save(Slot::Quick, &save_at(200)).unwrap();
    assert_eq!(saves.newest(), Some(Slot::Auto));
    assert_eq!(saves.load(Slot::Numbered(3)).unwrap(), save_at(100));
    // Seen afresh, as after a restart.
    let again = Saves::open(storage.clone());
    assert!(matches!(again.slot(Slot::Quick), SlotState::Saved(info) if info.minute == 12));
    assert_eq!(again.slot(Slot::Numbered(4)), &SlotState::Empty);
    std::fs::remove_dir_all(storage.dir()).unwrap();
}

#[test]
fn a_damaged_save_is_reported_in_words_and_kept() {
    let storage = scratch("damaged");
    std::fs::create_dir_all(storage.dir()).unwrap();
    let garbled = "(version: 1, about: (saved_at: ";
    std::fs::write(storage.dir().join("slot-02.ron"), garbled).unwrap();
    let mut saves = Saves::open(storage.clone());
    let SlotState::Unreadable(why) = saves.slot(Slot::Numbered(2)) else {
        panic!("reported as unreadable");
    };
    assert!(why.contains("damaged"), "{why}");
    let err = saves.load(Slot::Numbered(2)).unwrap_err();
    assert!(err.0.contains("slot-02.ron cannot be loaded"), "{err}");
    assert_eq!(saves.newest(), None, "Continue does not offer it");
    // Saving into its slot keeps it aside rather than overwriting it.
    let kept = saves.save(Slot::Numbered(2), &save_at(5)).unwrap().unwrap();
    assert!(kept.ends_with("slot-02.ron.unreadable-1"), "{kept}");
    let aside = storage.dir().join("slot-02.ron.unreadable-1");
    assert_eq!(std::fs::read_to_string(aside).unwrap(), garbled);
    assert_eq!(saves.load(Slot::Numbered(2)).unwrap(), save_at(5));
    std::fs::remove_dir_all(storage.dir()).unwrap();
}

#[test]
fn a_save_from_a_newer_game_is_refused_in_words() {
    let storage = scratch("newer");
    let mut saves = Saves::open(storage.clone());
    saves.save(Slot::Quick, &save_at(1)).unwrap();
    let path = storage.dir().join("quick.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("version:1", "version:7", 1)).unwrap();
    saves.refresh();
    let err = saves.load(Slot::Quick).unwrap_err();
    assert!(
        err.0.contains("newer version of Famulant (format 7"),
        "{err}"
    );
    assert!(matches!(saves.slot(Slot::Quick), SlotState::Unreadable(_)));
    std::fs::remove_dir_all(storage.dir()).unwrap();
}

#[test]
fn a_save_cut_short_before_its_rename_leaves_the_previous_one_loadable() {
    let storage = scratch("cut");
    let mut saves = Saves::open(storage.clone());
    saves.save(Slot::Quick, &save_at(1)).unwrap();
    // A crash in mid-write leaves half a file beside the old one.
    let half = &save_at(2).to_ron()[..400];
    std::fs::write(storage.dir().join("quick.ron.tmp"), half).unwrap();
    let after_crash = Saves::open(storage.clone());
    assert_eq!(after_crash.load(Slot::Quick).unwrap(), save_at(1));
    std::fs::remove_dir_all(storage.dir()).unwrap();
}

#[test]
fn an_exported_save_imports_and_a_stranger_file_does_not() {
    let storage = scratch("import");
    let mut saves = Saves::open(storage.clone());
    saves.save(Slot::Numbered(1), &save_at(9)).unwrap();
    let text = saves.export(Slot::Numbered(1)).unwrap();
    saves.import(Slot::Numbered(7), &text).unwrap();
    assert_eq!(saves.load(Slot::Numbered(7)).unwrap(), save_at(9));
    let err = saves
        .import(Slot::Numbered(8), "a shopping list")
        .unwrap_err();
    assert!(err.0.contains("cannot be loaded"), "{err}");
    assert_eq!(saves.slot(Slot::Numbered(8)), &SlotState::Empty);
    std::fs::remove_dir_all(storage.dir()).unwrap();
}

#[test]
fn lines_read_are_remembered_across_restarts() {
    let storage = scratch("seen");
    let at = NodeRef::new("s1", "hello");
    let (mut seen, problem) = SeenLines::open(storage.clone());
    assert!(problem.is_none() && !seen.contains(&at));
    assert!(seen.insert(&at));
    assert!(!seen.insert(&at), "once");
    seen.store().unwrap();
    let (again, _) = SeenLines::open(storage.clone());
    assert!(again.contains(&at));
    assert!(!again.contains(&NodeRef::new("s1", "answer")));
    // A damaged record is kept aside and started anew.
    std::fs::write(storage.dir().join("seen.ron"), "[\"s1.hel").unwrap();
    let (fresh, problem) = SeenLines::open(storage.clone());
    assert!(!fresh.contains(&at));
    assert!(problem.unwrap().contains("seen.ron.unreadable-1"));
    std::fs::remove_dir_all(storage.dir()).unwrap();
}
