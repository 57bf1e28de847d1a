//! Mods on the command line: the example mod in `mods/examples` is clean,
//! is listed, and changes what is played; a broken mod beside it is left
//! out with its errors while the story and the example still play.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_dir, story_mod_folder};

fn famulant(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_famulant"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("famulant runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The example mod and a copy of it broken by `break_it`, in a folder of
/// mods of their own.
fn with_a_broken_copy(tag: &str, break_it: impl Fn(&Path)) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("famulant-mods-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for name in ["a_pforte", "b_broken"] {
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("mods/examples/pforte"),
            &dir.join(name),
        );
    }
    let broken = dir.join("b_broken/mod.ron");
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(&broken, text.replace(r#"id: "pforte""#, r#"id: "broken""#)).unwrap();
    break_it(&dir.join("b_broken"));
    dir
}

#[test]
fn the_example_mod_is_clean_listed_and_played() {
    let (code, out, _) = famulant(&["check", "--mods", "mods/examples", "scenes"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "scenes: ok, 17 scenes, 0 warning(s)\n")
    );
    let (code, out, _) = famulant(&["mods", "--mods", "mods/examples"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("pforte 1.0.0  At the porter's lodge"),
        "{out}"
    );
    assert!(out.trim_end().ends_with(" on"), "{out}");
    let (code, out, err) = famulant(&[
        "play",
        "--text",
        "--mods",
        "mods/examples",
        "--lang",
        "en",
        "--seed",
        "1",
        "--choose",
        "1",
    ]);
    assert_eq!(code, 0, "{err}");
    let porter = out
        .find("Mr Yilmaz: Surgery, third floor")
        .expect("the mod's scene is played");
    let morning = out
        .find("Roland: That's exactly why.")
        .expect("after the replaced morning");
    assert!(morning < porter, "{out}");
    let (_, plain, _) = famulant(&[
        "play", "--text", "--lang", "en", "--seed", "1", "--choose", "1",
    ]);
    assert!(!plain.contains("Mr Yilmaz"), "without the mod, no porter");
}

#[test]
fn a_broken_mod_is_left_out_with_its_errors_and_the_rest_plays() {
    let mods = with_a_broken_copy("broken", |dir| {
        let scene = dir.join("pforte.ron");
        let text = std::fs::read_to_string(&scene).unwrap();
        std::fs::write(
            &scene,
            text.replace(r#"next: "p_on""#, r#"next: "p_nowhere""#),
        )
        .unwrap();
    });
    let mods_arg = mods.to_str().unwrap();
    let (code, out, _) = famulant(&["check", "--mods", mods_arg, "scenes"]);
    assert_eq!(code, 1, "{out}");
    let scene = mods
        .join("b_broken/pforte.ron")
        .to_string_lossy()
        .into_owned();
    assert!(
        out.contains(&format!("{scene}:")) && out.contains("`p_nowhere` does not exist"),
        "{out}"
    );
    let (_, listed, _) = famulant(&["mods", "--mods", mods_arg]);
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("pforte ") && l.ends_with(" on")),
        "{listed}"
    );
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("broken ") && l.contains(" broken: ")),
        "{listed}"
    );
    let (code, out, err) = famulant(&[
        "play", "--text", "--mods", mods_arg, "--lang", "en", "--seed", "1", "--choose", "1",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("mod `broken` is left out"), "{err}");
    assert!(
        out.contains("Mr Yilmaz: Surgery, third floor"),
        "the working mod plays: {out}"
    );
    std::fs::remove_dir_all(mods).unwrap();
}

#[test]
fn a_mod_that_names_a_file_outside_its_folder_is_refused_at_that_line() {
    let mods = with_a_broken_copy("outside", |dir| {
        let manifest = dir.join("mod.ron");
        let text = std::fs::read_to_string(&manifest).unwrap();
        std::fs::write(
            &manifest,
            text.replace(r#""pforte.ron"]"#, r#""../../secret.ron"]"#),
        )
        .unwrap();
    });
    let (code, out, _) = famulant(&["check", "--mods", mods.to_str().unwrap(), "scenes"]);
    assert_eq!(code, 1, "{out}");
    let manifest = mods.join("b_broken/mod.ron").to_string_lossy().into_owned();
    assert!(
        out.lines()
            .any(|l| l.starts_with(&format!("{manifest}:15:"))
                && l.contains("cannot read `../../secret.ron`: it leads out of the folder")),
        "{out}"
    );
    std::fs::remove_dir_all(mods).unwrap();
}

#[test]
fn the_players_mods_come_from_the_data_folder_in_the_order_mods_ron_gives() {
    let data = std::env::temp_dir().join(format!("famulant-mods-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let mods = data.join("famulant/mods");
    for name in ["a_pforte", "b_again"] {
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("mods/examples/pforte"),
            &mods.join(name),
        );
    }
    for file in ["mod.ron", "pforte.ron"] {
        let path = mods.join("b_again").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let text = match file {
            "mod.ron" => text.replace(r#"id: "pforte""#, r#"id: "again""#),
            _ => text,
        };
        std::fs::write(&path, text.replace("asked_the_way", "asked_again")).unwrap();
    }
    let listed = |choices: Option<&str>| {
        if let Some(choices) = choices {
            std::fs::write(data.join("famulant/mods.ron"), choices).unwrap();
        }
        let out = Command::new(env!("CARGO_BIN_EXE_famulant"))
            .arg("mods")
            .env("XDG_DATA_HOME", &data)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let states = |out: &str| -> Vec<String> {
        out.lines()
            .map(|l| {
                format!(
                    "{} {}",
                    l.split(' ').next().unwrap(),
                    l.rsplit("  ").next().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        states(&listed(None)),
        ["pforte on", "again on"],
        "folder order"
    );
    assert_eq!(
        states(&listed(Some(
            r#"(order: ["again", "pforte"], off: ["pforte"])"#
        ))),
        ["again on", "pforte off"]
    );
    std::fs::remove_dir_all(data).unwrap();
}

#[test]
fn a_mods_story_of_its_own_plays_in_the_terminal() {
    let dir = story_mod_folder("text");
    let mods = dir.to_str().unwrap();
    let (code, out, err) = famulant(&[
        "play",
        "--text",
        "--mods",
        mods,
        "--lang",
        "en",
        "--story",
        "nachtdienst",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Vladi: Still awake.\n"), "{out}");
    assert!(out.contains("ending: dawn\n"), "{out}");
    let (code, _, err) = famulant(&["play", "--text", "--mods", mods, "--story", "elsewhere"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no mod laid on brings the story `elsewhere`"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
