//! Mods in the game itself: the window's core finds the mods of a folder,
//! lays those that work over the story and leaves a broken one out with
//! its errors; the Mods screen's requests turn mods off and on and reorder
//! them; saving a mod's file while the game runs reloads it.

mod common;

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use common::{TestGame, copy_dir, story_mod_folder};
use famulant::content::{ContentStatus, Lang, ModState, ModsFound, ModsRequest, NodeDef};
use famulant::story::{CurrentBeat, NewGame};

/// A folder of mods: the example mod, and a copy of it (id `broken`) whose
/// scene file has a syntax error on line 9.
fn mods_folder(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("famulant-game-mods-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("mods/examples/pforte");
    for name in ["a_pforte", "b_broken"] {
        copy_dir(&example, &dir.join(name));
    }
    edit(
        &dir.join("b_broken/mod.ron"),
        r#"id: "pforte""#,
        r#"id: "broken""#,
    );
    edit(
        &dir.join("b_broken/pforte.ron"),
        "    nodes: [",
        "    nodes: [[",
    );
    dir
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} holds {from}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

fn mods(game: &TestGame) -> ModsFound {
    game.app.world().resource::<ModsFound>().clone()
}

/// The ids and states of the mods, in load order.
fn states(game: &TestGame) -> Vec<(String, String)> {
    states_in(game.app.world())
}

/// The ids and states of the mods of `world`, in load order.
fn states_in(world: &World) -> Vec<(String, String)> {
    let word = |state: &ModState| match state {
        ModState::On => "on",
        ModState::Off => "off",
        ModState::Broken(_) => "broken",
        ModState::Untried => "untried",
    };
    (world.resource::<ModsFound>().reports.iter())
        .map(|r| (r.id.clone(), word(&r.state).to_owned()))
        .collect()
}

fn pair(id: &str, state: &str) -> (String, String) {
    (id.to_owned(), state.to_owned())
}

/// Asks what the Mods screen asks, and runs until the mods stand as
/// `expected` (ids and states in load order) with the story playable.
fn ask(game: &mut TestGame, request: ModsRequest, expected: &[(String, String)]) {
    game.app.world_mut().write_message(request);
    game.update_until("the mods as asked", |w| {
        w.resource::<ContentStatus>().library().is_some() && states_in(w) == expected
    });
}

#[test]
fn a_working_mod_is_laid_on_and_a_broken_one_left_out_with_its_errors() {
    let dir = mods_folder("found");
    let game = TestGame::with_mods(&dir, false);
    assert_eq!(
        states(&game),
        [pair("pforte", "on"), pair("broken", "broken")]
    );
    let library = game.library();
    assert!(
        library.scene("pforte").is_some(),
        "the mod's scene is played"
    );
    let lodge = &library.rooms["porters_lodge"];
    assert_eq!(lodge.from_mod.as_deref(), Some("pforte"));
    assert_eq!(
        mods(&game).picture(lodge, "art/lodge_window.svg"),
        "mods0://a_pforte/art/lodge_window.svg",
        "a mod's pictures are in its folder"
    );
    let office = &library.rooms["chief_office"];
    assert_eq!(
        mods(&game).picture(office, "art/window_office.svg"),
        "art/window_office.svg"
    );
    let ModState::Broken(errors) = &mods(&game).reports[1].state else {
        unreachable!()
    };
    let shown = errors[0].to_string();
    let file = dir.join("b_broken/pforte.ron");
    assert!(
        shown.starts_with(&format!("{}:9:", file.display())),
        "the error names file, line and column: {shown}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_mods_screen_turns_mods_off_and_on_and_reorders_them() {
    let dir = mods_folder("choices");
    let mut game = TestGame::with_mods(&dir, false);
    let pforte = || ModsRequest::Toggle {
        id: "pforte".into(),
    };
    ask(
        &mut game,
        pforte(),
        &[pair("pforte", "off"), pair("broken", "broken")],
    );
    assert!(
        game.library().scene("pforte").is_none(),
        "the story without it"
    );
    let earlier = ModsRequest::Shift {
        id: "broken".into(),
        later: false,
    };
    ask(
        &mut game,
        earlier,
        &[pair("broken", "broken"), pair("pforte", "off")],
    );
    ask(
        &mut game,
        pforte(),
        &[pair("broken", "broken"), pair("pforte", "on")],
    );
    assert!(game.library().scene("pforte").is_some());
    std::fs::remove_dir_all(dir).unwrap();
}

/// The first line of the mod's scene, in German.
fn first_line(game: &TestGame) -> String {
    let library = game.library();
    match &library
        .scene("pforte")
        .expect("the mod is laid on")
        .def
        .nodes[0]
    {
        NodeDef::Line { text, .. } => text.get(Lang::De).to_owned(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn saving_a_mods_file_while_the_game_runs_reloads_it() {
    let dir = mods_folder("reload");
    let mut game = TestGame::with_mods(&dir, true);
    let scene = dir.join("a_pforte/pforte.ron");
    let before = first_line(&game);
    edit(&scene, &before, "Die Tür zischt, frisch geladen.");
    game.update_until("the mod's new line", |w| {
        (w.resource::<ContentStatus>().library())
            .and_then(|l| l.scene("pforte").map(|s| format!("{:?}", s.def.nodes[0])))
            .is_some_and(|node| node.contains("frisch geladen"))
    });
    // A mistake leaves the mod out with its error; the story plays on.
    edit(&scene, "    nodes: [", "    nodes: [[");
    game.update_until("the mod left out", |w| {
        matches!(w.resource::<ModsFound>().reports.first(), Some(r) if matches!(r.state, ModState::Broken(_)))
    });
    assert!(game.library().scene("pforte").is_none());
    assert!(game.library().scene("ch1_morning").is_some());
    // The fix brings it back.
    edit(&scene, "    nodes: [[", "    nodes: [");
    game.update_until(
        "the mod laid on again",
        |w| matches!(w.resource::<ModsFound>().reports.first(), Some(r) if r.state == ModState::On),
    );
    assert_eq!(first_line(&game), "Die Tür zischt, frisch geladen.");
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_mod_reads_nothing_of_another_mods_folder() {
    let dir = mods_folder("link");
    // The broken mod's scene is now a link to the working mod's: inside the
    // mods folder, outside its own.
    let scene = dir.join("b_broken/pforte.ron");
    std::fs::remove_file(&scene).unwrap();
    std::os::unix::fs::symlink(dir.join("a_pforte/pforte.ron"), &scene).unwrap();
    let game = TestGame::with_mods(&dir, false);
    assert_eq!(
        states(&game),
        [pair("pforte", "on"), pair("broken", "broken")]
    );
    let ModState::Broken(errors) = &mods(&game).reports[1].state else {
        unreachable!()
    };
    assert!(
        errors[0]
            .message
            .contains("a link that leads out of the folder"),
        "{errors:?}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_file_a_mod_names_is_read_once_it_is_made() {
    let dir = mods_folder("missing");
    let scene = dir.join("a_pforte/pforte.ron");
    let text = std::fs::read_to_string(&scene).unwrap();
    std::fs::remove_file(&scene).unwrap();
    let mut game = TestGame::with_mods(&dir, true);
    assert_eq!(states(&game)[0], pair("pforte", "broken"));
    std::fs::write(&scene, text).unwrap();
    game.update_until(
        "the mod laid on",
        |w| matches!(w.resource::<ModsFound>().reports.first(), Some(r) if r.state == ModState::On),
    );
    assert!(game.library().scene("pforte").is_some());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_mods_story_of_its_own_is_a_new_game_beside_the_main_one() {
    let dir = story_mod_folder("game");
    let mut game = TestGame::with_mods(&dir, false);
    assert_eq!(states(&game), [pair("nachtdienst", "on")]);
    let stories = game.library().stories.clone();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].title.get(Lang::En), "Night shift");
    game.app.world_mut().write_message(NewGame {
        story: Some("nachtdienst".into()),
    });
    game.update_until("the mod's story begins", |w| {
        matches!(w.resource::<CurrentBeat>(), CurrentBeat::Line(line) if line.at.to_string() == "night.awake")
    });
    assert_eq!(game.advance_until_end(), "dawn");
    std::fs::remove_dir_all(dir).unwrap();
}
