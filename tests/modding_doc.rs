//! The complete example in docs/modding.md is real: it passes `check`,
//! plays to its end and `explore` finds every node of it reached. A doc that drifts from the format fails here.

mod common;

use std::path::PathBuf;
use std::sync::Arc;

use famulant::cli::{Pick, TextGame, check, explore, play_text};
use famulant::content::{Lang, Value, load_dir};
use famulant::story::explore::Options;

/// Writes the files of the doc's complete example into a fresh folder of
/// its own for each test (tests run in parallel).
fn example_folder(tag: &str) -> PathBuf {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/modding.md")).unwrap();
    let example = doc
        .split("## A complete example")
        .nth(1)
        .expect("the doc has a complete example");
    let dir =
        std::env::temp_dir().join(format!("famulant-doc-example-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = 0;
    let mut parts = example.split("```");
    let mut before = parts.next().unwrap_or_default().to_owned();
    while let (Some(block), Some(after)) = (parts.next(), parts.next()) {
        let name = before
            .lines()
            .rev()
            .find_map(|l| {
                l.trim()
                    .strip_prefix('`')
                    .and_then(|l| l.strip_suffix("`:"))
            })
            .expect("each block is introduced by `name.ron`:");
        let body = block.strip_prefix("ron\n").expect("a ron block");
        std::fs::write(dir.join(name), body).unwrap();
        files += 1;
        before = after.to_owned();
    }
    assert_eq!(files, 6, "the example has six files");
    dir
}

#[test]
fn the_complete_example_passes_check() {
    let dir = example_folder("check");
    let mut out = Vec::new();
    let code = check(&dir, None, false, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("warning:"), "{out}");
}

#[test]
fn the_complete_example_plays_both_ways() {
    let dir = example_folder("play");
    let library = Arc::new(load_dir(&dir, "example").library.unwrap());
    let mut out = Vec::new();
    let brave = play_text(
        library.clone(),
        Lang::En,
        &[Pick::Number(1)],
        &TextGame::default(),
        &mut "".as_bytes(),
        true,
        &mut out,
    )
    .unwrap();
    assert_eq!(brave.story().var("courage"), Value::Int(1));
    assert_eq!(
        brave.story().var("petra_trust"),
        Value::Int(1),
        "a relationship"
    );
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("Nurse Petra: Well done last night.")
    );
    let mut out = Vec::new();
    let late = play_text(
        library,
        Lang::De,
        &[Pick::Timeout],
        &TextGame::default(),
        &mut "".as_bytes(),
        true,
        &mut out,
    )
    .unwrap();
    assert_eq!(late.story().var("courage"), Value::Int(-1));
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("Schwester Petra: Nächstes Mal nicht so lange überlegen."),
        "the morning reads how long he hesitated"
    );
    assert_eq!(late.ending(), Some("night_over"));
}

#[test]
fn the_complete_example_explores_clean() {
    let dir = example_folder("explore");
    let (mut out, mut log) = (Vec::new(), Vec::new());
    let code = explore(&dir, None, &Options::default(), &mut out, &mut log).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(code, 0, "{out}");
    // Go, call home, or let the time run out, for each of eight patients.
    assert!(
        out.contains("every path for 8 patient(s): 24 playthroughs"),
        "{out}"
    );
    assert!(
        out.contains("0 node(s) never reached, 0 dead end(s)"),
        "{out}"
    );
}

#[test]
fn the_tutorials_files_are_the_example_mods() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/modding.md")).unwrap();
    let tutorial = doc
        .split("### Tutorial:")
        .nth(1)
        .and_then(|t| t.split("\n## ").next())
        .expect("the doc has a tutorial");
    let mut shown = 0;
    let mut parts = tutorial.split("```");
    let mut before = parts.next().unwrap_or_default().to_owned();
    while let (Some(block), Some(after)) = (parts.next(), parts.next()) {
        let named = before.trim_end().lines().last().and_then(|l| {
            l.strip_prefix("`mods/examples/")
                .and_then(|l| l.strip_suffix("`:"))
        });
        if let Some(path) = named {
            let body = block.split_once('\n').expect("a block with a language").1;
            let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("mods/examples")
                .join(path);
            assert_eq!(
                body,
                std::fs::read_to_string(&file).unwrap(),
                "the tutorial shows {path} as it is"
            );
            shown += 1;
        }
        before = after.to_owned();
    }
    assert_eq!(shown, 5, "the tutorial shows five of the mod's files whole");
}
