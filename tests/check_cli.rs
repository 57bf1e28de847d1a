//! `famulant check` on the real binary: the shipped scenes are clean, and a
//! broken target, a syntax error and a missing translation each give exit
//! code 1 and a FILE:LINE:COL message. And `play --text` and `sim` with and
//! without a patient seed.

mod common;

use std::path::Path;
use std::process::Command;

use common::{copy_of_scenes, shipped_scenes};
use famulant::content::load_dir;

fn famulant(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_famulant"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("famulant runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

/// The first scene file the manifest lists, in `dir`.
fn first_scene(dir: &Path) -> std::path::PathBuf {
    let manifest = std::fs::read_to_string(dir.join("index.ron")).unwrap();
    let list = manifest.split("scenes:").nth(1).unwrap();
    let name = list.split('"').nth(1).unwrap();
    dir.join(name)
}

/// Breaks the first scene with `edit`, runs check, and returns exit code,
/// output and the scene file's name as check prints it.
fn check_broken(tag: &str, edit: impl Fn(&str) -> String) -> (i32, String, String) {
    let dir = copy_of_scenes(tag);
    let scene = first_scene(&dir);
    let text = std::fs::read_to_string(&scene).unwrap();
    let broken = edit(&text);
    assert_ne!(broken, text, "the edit must change the file");
    std::fs::write(&scene, broken).unwrap();
    let (code, out) = famulant(&["check", dir.to_str().unwrap()]);
    (code, out, scene.to_string_lossy().into_owned())
}

/// Whether `out` has a line `FILE:LINE:COL: error: …` containing `what`.
fn has_error(out: &str, file: &str, what: &str) -> bool {
    out.lines().any(|line| {
        let Some(rest) = line.strip_prefix(&format!("{file}:")) else {
            return false;
        };
        let mut parts = rest.splitn(3, ':');
        let numbers = parts.next().is_some_and(|l| l.parse::<u32>().is_ok())
            && parts.next().is_some_and(|c| c.parse::<u32>().is_ok());
        numbers && rest.contains(": error: ") && line.contains(what)
    })
}

#[test]
fn the_shipped_scenes_pass() {
    let (code, out) = famulant(&["check", "scenes"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains("warning:"),
        "the shipped scenes have no warnings either:\n{out}"
    );
}

#[test]
fn a_target_that_does_not_exist_fails_with_its_place() {
    let (code, out, file) = check_broken("bad-target", |text| {
        // The first `next` or `goto` now names a node that does not exist.
        let at = ["next: \"", "goto: \""]
            .iter()
            .filter_map(|key| text.find(key).map(|i| i + key.len()))
            .min()
            .expect("the scene has a target");
        let end = at + text[at..].find('"').unwrap();
        format!("{}no_such_node{}", &text[..at], &text[end..])
    });
    assert_eq!(code, 1, "{out}");
    assert!(
        has_error(&out, &file, "target `no_such_node` does not exist"),
        "{out}"
    );
}

#[test]
fn a_syntax_error_fails_with_its_place() {
    let (code, out, file) =
        check_broken("bad-syntax", |text| text.replacen("text: (", "text: ((", 1));
    assert_eq!(code, 1, "{out}");
    assert!(has_error(&out, &file, ""), "{out}");
}

#[test]
fn json_gives_one_object_a_diagnostic_for_editors() {
    let dir = copy_of_scenes("json");
    let scene = first_scene(&dir);
    let text = std::fs::read_to_string(&scene).unwrap();
    // A scene that does not exist, a letter away from one that does.
    let broken = text.replacen("next: \"@ch1_", "next: \"@ch1_x", 1);
    assert_ne!(broken, text, "the scene goes on to another");
    std::fs::write(&scene, &broken).unwrap();
    let (code, out) = famulant(&["check", "--json", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    let objects: Vec<serde_json::Value> = out
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    let error = objects
        .iter()
        .find(|o| o["severity"] == "error" && o["file"] == scene.to_string_lossy().as_ref())
        .expect("an error in the scene");
    assert_eq!(error["file"], scene.to_string_lossy().as_ref());
    let line = error["line"].as_u64().unwrap() as usize;
    let column = error["column"].as_u64().unwrap() as usize;
    let at: String = broken
        .lines()
        .nth(line - 1)
        .unwrap()
        .chars()
        .skip(column - 1)
        .collect();
    assert!(
        at.trim_start_matches('"').starts_with("@ch1_x"),
        "the place points at the target: {at}"
    );
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );
    let keys: Vec<&str> = error
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["column", "file", "hint", "line", "message", "severity"],
        "exactly the documented fields"
    );
    assert!(
        error["hint"].as_str().unwrap().contains("did you mean"),
        "a target that does not exist has a hint: {error}"
    );

    let (code, out) = famulant(&["check", "--json", "scenes"]);
    assert_eq!((code, out.as_str()), (0, ""), "clean scenes print nothing");
}

#[test]
fn files_that_lead_out_of_the_folder_are_refused_at_the_line_naming_them() {
    let dir = copy_of_scenes("outside");
    let secret = dir.with_extension("secret.ron");
    std::fs::copy(first_scene(&dir), &secret).unwrap();
    let outside = format!("../{}", secret.file_name().unwrap().to_string_lossy());
    let mut listed = vec![outside.clone()];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, dir.join("link.ron")).unwrap();
        listed.push("link.ron".to_owned());
    }
    let manifest = std::fs::read_to_string(dir.join("index.ron")).unwrap();
    let names: String = listed.iter().map(|n| format!("\"{n}\", ")).collect();
    let manifest = manifest.replacen("scenes: [", &format!("scenes: [{names}"), 1);
    std::fs::write(dir.join("index.ron"), manifest).unwrap();
    let (code, out) = famulant(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    let index = dir.join("index.ron").to_string_lossy().into_owned();
    assert!(
        has_error(
            &out,
            &index,
            &format!("`{outside}`: it leads out of the folder with `..`")
        ),
        "{out}"
    );
    #[cfg(unix)]
    assert!(
        has_error(
            &out,
            &index,
            "`link.ron`: it is a link that leads out of the folder"
        ),
        "{out}"
    );
    std::fs::remove_file(secret).unwrap();
}

#[test]
fn a_missing_english_text_fails_with_its_place() {
    let (code, out, file) = check_broken("missing-en", |text| {
        let start = text.find("en: \"").unwrap();
        let end = start + 5 + text[start + 5..].find('"').unwrap() + 1;
        format!("{}{}", &text[..start], &text[end..])
    });
    assert_eq!(code, 1, "{out}");
    assert!(has_error(&out, &file, "has no `en` text"), "{out}");
}

#[test]
fn text_play_prints_lines_and_the_ending() {
    let (code, out) = famulant(&[
        "play",
        "--text",
        "--lang",
        "de",
        "--choose",
        "1,1,1,1,1,1,1,1,1",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("patient seed: "), "the seed first: {out}");
    assert!(out.contains("\nending: "), "{out}");
    assert!(out.lines().any(|l| l.starts_with("Roland: ")), "{out}");
    assert!(out.lines().any(|l| l.contains(" = ")), "{out}");
}

#[test]
fn text_play_prints_vitals_alarms_and_the_outcome() {
    // Chapter 1 by its first options (eleven decisions); in the emergency
    // department her GP phoned about the allergy (4) and half a litre more
    // rather than 30 mL/kg (2); in the decision no word from Vladi (4), so
    // Roland sends her up at once, her circulation never filled, and her
    // pressure falls as she is put to sleep. Then the first option, to
    // one of the story's endings.
    let (code, out) = famulant(&[
        "play",
        "--text",
        "--lang",
        "en",
        "--seed",
        "1",
        "--choose",
        "1,1,1,1,1,1,1,1,1,1,1,4,2,1,1,1,4",
    ]);
    assert_eq!(code, 0, "{out}");
    let vitals = out
        .lines()
        .filter(|l| l.starts_with("vitals: map="))
        .collect::<Vec<_>>();
    assert!(!vitals.is_empty(), "{out}");
    assert!(
        vitals
            .iter()
            .all(|l| ["hr=", "spo2=", "rr=", "temp=", "lactate=", "news2="]
                .iter()
                .all(|k| l.contains(k))),
        "{vitals:?}"
    );
    let alarms: Vec<(&str, u32)> = out
        .lines()
        .filter_map(|l| l.strip_prefix("alarm: "))
        .map(|l| {
            let (name, minute) = l.split_once(" (minute ").expect("name and minute");
            let minute = minute.strip_suffix(')').expect("closed").parse().unwrap();
            (name, minute)
        })
        .collect();
    assert!(
        alarms.iter().any(|(name, _)| *name == "map_low"),
        "the pressure alarm: {alarms:?}"
    );
    let ending = out
        .lines()
        .find_map(|l| l.strip_prefix("ending: "))
        .expect("an ending");
    let library = load_dir(&shipped_scenes(), "scenes").library.unwrap();
    assert!(
        library.endings.iter().any(|e| e.id == ending),
        "`{ending}` is declared in index.ron"
    );
    let outcome: f64 = out
        .lines()
        .find_map(|l| l.strip_prefix("outcome: "))
        .expect("an outcome line")
        .parse()
        .unwrap();
    assert!((0.0..=1.0).contains(&outcome), "{outcome}");
}

/// Writes a small story whose `praise` line needs more trust than any
/// choice gives: `check` passes it (a branch leads there), but no
/// playthrough reaches it.
fn story_with_a_line_out_of_reach() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("famulant-explore-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let files = [
        (
            "index.ron",
            r#"(format: 1, start: "@night", scenes: ["night.ron"], variables: { "trust": 0 })"#,
        ),
        (
            "characters.ron",
            r##"[(id: "nurse", name: (de: "Petra", en: "Petra"), role: (de: "Pflege", en: "Nurse"), color: "#9ad0a0")]"##,
        ),
        (
            "rooms.ron",
            r##"[(id: "ward", name: (de: "Station", en: "Ward"), color: "#cfd8d2")]"##,
        ),
        (
            "night.ron",
            r#"(
    id: "night",
    title: (de: "Nacht", en: "Night"),
    room: "ward",
    cast: ["nurse"],
    nodes: [
        Choice(
            id: "go",
            prompt: (de: "Zimmer 12 klingelt.", en: "Room 12 is ringing."),
            options: [
                (id: "yes", text: (de: "Hingehen", en: "Go"), effects: [Add("trust", 1)], goto: "how"),
                (id: "no", text: (de: "Sitzen bleiben", en: "Stay put"), goto: "how"),
            ],
            timer: (seconds: 8.0, on_timeout: Take("no")),
        ),
        Branch(id: "how", cases: [(when: Var("trust", ">=", 2), goto: "praise")], otherwise: "plain"),
        Line(id: "praise", speaker: "nurse", text: (de: "Gut gemacht.", en: "Well done."), next: "end"),
        Line(id: "plain", speaker: "nurse", text: (de: "Übergabe um sieben.", en: "Handover at seven.")),
        End(id: "end", ending: "night_over"),
    ],
)"#,
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

#[test]
fn explore_names_a_node_no_playthrough_reaches_and_fails() {
    let dir = story_with_a_line_out_of_reach();
    let (code, out) = famulant(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "check finds nothing wrong: {out}");
    let (code, out) = famulant(&["explore", dir.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("nodes never reached: 1 of 5\n  night.praise\n"),
        "{out}"
    );
    // Go, stay put, or let the time run out, for each of eight patients.
    assert!(
        out.contains("every path for 8 patient(s): 24 playthroughs"),
        "{out}"
    );
    assert!(out.contains("  night_over "), "{out}");
    assert!(out.contains("explored in "), "{out}");
}

/// `play --text` in English with `args` and the first option every time.
fn play_text(args: &[&str]) -> String {
    let choose = ["1"; 400].join(",");
    let mut all = vec!["play", "--text", "--lang", "en", "--choose", &choose];
    all.extend(args);
    let (code, out) = famulant(&all);
    assert_eq!(code, 0, "{out}");
    out
}

/// The vitals lines of a transcript.
fn vitals(transcript: &str) -> Vec<&str> {
    let lines = transcript.lines();
    lines.filter(|l| l.starts_with("vitals: ")).collect()
}

#[test]
fn text_play_with_a_seed_plays_the_same_patient_again() {
    let first = play_text(&["--seed", "5"]);
    assert!(
        first.starts_with("patient seed: 5 (`--seed 5` plays her again)\n"),
        "{first}"
    );
    assert_eq!(first, play_text(&["--seed", "5"]), "the same seed");
    let others: Vec<String> = (6..10)
        .map(|seed| play_text(&["--seed", &seed.to_string()]))
        .collect();
    assert!(
        others.iter().all(|other| vitals(other) != vitals(&first)),
        "other seeds, other vitals"
    );
}

#[test]
fn text_play_without_a_seed_draws_one_and_names_it() {
    let drawn = play_text(&[]);
    let seed = drawn
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("patient seed: "))
        .and_then(|l| l.split_whitespace().next())
        .expect("the seed first");
    assert_eq!(drawn, play_text(&["--seed", seed]), "played again");
    let another = play_text(&[]);
    assert!(
        !another.starts_with(&format!("patient seed: {seed} ")),
        "each game draws its own"
    );
}

#[test]
fn sim_runs_the_reference_patient_unless_given_a_seed() {
    let scenario = "tests/scenarios/c_fluids_only.ron";
    let (_, reference) = famulant(&["sim", scenario]);
    let (_, seeded) = famulant(&["sim", scenario, "--seed", "3"]);
    let (_, again) = famulant(&["sim", "--seed", "3", scenario]);
    assert_eq!(seeded, again);
    assert_ne!(seeded, reference);
    let first_row = |csv: &str| csv.lines().nth(1).unwrap().to_owned();
    assert_eq!(
        first_row(&seeded),
        first_row(&reference),
        "she arrives the same"
    );
}
