//! Mods laid over the test story: replacing, adding, conflicts, and mods
//! left out for their errors while the story and the other mods play on.

use super::{ModChoices, ModFiles, ModState, Modded, compile_modded, read_mod};
use crate::content::fixtures::{SCENE, STORY, read_from};
use crate::content::{Art, NodeRef, read_story};

/// A mod's `mod.ron` with this id and these extra fields.
fn mod_ron(id: &str, fields: &str) -> String {
    format!(
        r#"(
    format: 1,
    id: "{id}",
    name: (de: "Mod {id}", en: "Mod {id}"),
    version: "1.0",
    description: (de: "Zum Testen.", en: "For testing."),
    game: "0.1",
    {fields}
)"#
    )
}

/// The test story's scene `s1` with its first line said by Vladi.
fn s1_by_vladi() -> String {
    SCENE.replace(
        r#"Line(id: "hello", speaker: "roland", text: (de: "Guten Morgen.", en: "Good morning.")),"#,
        r#"Line(id: "hello", speaker: "vladi", text: (de: "Morgen!", en: "Morning!")),"#,
    )
}

/// A mod named `shown` whose files are `files`.
fn a_mod(shown: &str, files: &[(&str, &str)]) -> ModFiles {
    read_mod(shown, read_from(files))
}

/// Two mods, `a` and `b`, each replacing `s1` with its first line saying
/// "First." and "Second.".
fn first_and_second() -> Vec<ModFiles> {
    ["First.", "Second."]
        .iter()
        .zip(["a", "b"])
        .map(|(said, id)| {
            let scene = SCENE.replace("Good morning.", said);
            let manifest = mod_ron(id, r#"scenes: ["s1.ron"],"#);
            a_mod(
                &format!("mods/{id}"),
                &[("mod.ron", &manifest), ("s1.ron", &scene)],
            )
        })
        .collect()
}

/// The test story with `mods` laid over it.
fn laid(mods: Vec<ModFiles>) -> Modded {
    let read = read_from(&STORY);
    let (story, pictures) = read_story("scenes", &read, &Art::within(&read));
    compile_modded(
        story,
        pictures,
        mods.into_iter().map(|m| (m, true)).collect(),
    )
}

/// The text of the line `node` of scene `s1` in English.
fn line(modded: &Modded, node: &str) -> String {
    let library = modded.compiled.library.as_ref().expect("the story plays");
    match library.node(&NodeRef::new("s1", node)) {
        Some(crate::content::NodeDef::Line { text, .. }) => {
            text.get(crate::content::Lang::En).to_owned()
        }
        other => panic!("no line {node}: {other:?}"),
    }
}

#[test]
fn a_mod_replaces_a_scene_of_its_id_and_adds_characters() {
    let replaced = s1_by_vladi();
    let morning = a_mod(
        "mods/morning",
        &[
            (
                "mod.ron",
                &mod_ron(
                    "morning",
                    r#"scenes: ["s1.ron"], characters: "characters.ron","#,
                ),
            ),
            ("s1.ron", &replaced),
            (
                "characters.ron",
                r##"[(id: "porter", name: (de: "Herr Yilmaz", en: "Mr Yilmaz"), role: (de: "Pförtner", en: "Porter"), color: "#d9b38c")]"##,
            ),
        ],
    );
    let modded = laid(vec![morning]);
    assert_eq!(modded.mods[0].state, ModState::On, "{:#?}", modded.mods);
    assert_eq!(line(&modded, "hello"), "Morning!");
    let library = modded.compiled.library.as_ref().unwrap();
    assert!(
        library.characters.contains_key("porter"),
        "the mod's character is added"
    );
    assert!(
        library.characters.contains_key("roland"),
        "the story's stay"
    );
}

#[test]
fn a_broken_mod_is_left_out_with_its_errors_and_the_next_is_still_laid_on() {
    let broken = a_mod(
        "mods/a_broken",
        &[
            ("mod.ron", &mod_ron("a_broken", r#"scenes: ["s1.ron"],"#)),
            (
                "s1.ron",
                &SCENE.replace(r#"goto: "check""#, r#"goto: "nowhere""#),
            ),
        ],
    );
    let replaced = s1_by_vladi();
    let good = a_mod(
        "mods/b_good",
        &[
            ("mod.ron", &mod_ron("b_good", r#"scenes: ["s1.ron"],"#)),
            ("s1.ron", &replaced),
        ],
    );
    let modded = laid(vec![broken, good]);
    let ModState::Broken(errors) = &modded.mods[0].state else {
        panic!("{:#?}", modded.mods[0]);
    };
    assert!(
        errors
            .iter()
            .any(|e| e.file == "mods/a_broken/s1.ron" && e.message.contains("`nowhere`")),
        "{errors:#?}"
    );
    assert_eq!(modded.mods[1].state, ModState::On);
    assert!(
        modded.compiled.diagnostics.is_empty(),
        "{:#?}",
        modded.compiled.diagnostics
    );
    assert_eq!(line(&modded, "hello"), "Morning!");
}

#[test]
fn two_mods_replacing_one_scene_warn_and_the_later_is_played() {
    let mods = first_and_second();
    let modded = laid(mods);
    assert_eq!(line(&modded, "hello"), "Second.");
    let warnings: Vec<String> = modded
        .compiled
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(
        warnings[0]
            .starts_with("mods/b/s1.ron:2:9: warning: the mod `a` replaces the scene `s1` too"),
        "{}",
        warnings[0]
    );
}

#[test]
fn a_mod_may_not_declare_again_what_the_story_declares_nor_share_an_id() {
    let again = a_mod(
        "mods/a",
        &[("mod.ron", &mod_ron("a", r#"variables: { "trust": 0 },"#))],
    );
    let modded = laid(vec![again]);
    let ModState::Broken(errors) = &modded.mods[0].state else {
        panic!("{:#?}", modded.mods[0]);
    };
    assert!(
        errors[0]
            .to_string()
            .contains("`trust` is already declared"),
        "{errors:#?}"
    );

    let twins = vec![
        a_mod("mods/one", &[("mod.ron", &mod_ron("same", ""))]),
        a_mod("mods/two", &[("mod.ron", &mod_ron("same", ""))]),
    ];
    let modded = laid(twins);
    assert_eq!(modded.mods[0].state, ModState::On);
    assert!(
        matches!(&modded.mods[1].state, ModState::Broken(e) if e[0].message.contains("already laid on"))
    );
}

#[test]
fn a_mod_for_a_later_game_or_naming_files_outside_is_refused_where_it_says_so() {
    let later = a_mod(
        "mods/later",
        &[(
            "mod.ron",
            &mod_ron("later", "").replace(r#"game: "0.1""#, r#"game: "9.0""#),
        )],
    );
    let outside = a_mod(
        "mods/out",
        &[
            ("mod.ron", &mod_ron("out", r#"scenes: ["../s1.ron"],"#)),
            ("../s1.ron", SCENE),
        ],
    );
    let modded = laid(vec![later, outside]);
    let errors: Vec<String> = (modded.all_diagnostics())
        .map(ToString::to_string)
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e
                .starts_with("mods/later/mod.ron:7:11: error: the mod is made for Famulant 9.0")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with(
            "mods/out/mod.ron:8:14: error: cannot read `../s1.ron`: it leads out of the folder"
        )),
        "{errors:#?}"
    );
    assert!(modded.compiled.library.is_some(), "the story still plays");
}

#[test]
fn the_players_choice_orders_the_mods_and_turns_some_off() {
    let found = || {
        let mut found = first_and_second();
        found.push(a_mod("mods/c", &[("mod.ron", &mod_ron("c", ""))]));
        found
    };
    let chosen = |choices: &str| {
        let read = read_from(&STORY);
        let (story, pictures) = read_story("scenes", &read, &Art::within(&read));
        compile_modded(
            story,
            pictures,
            ModChoices::from_ron(Some(choices)).arrange(found()),
        )
    };
    // b before a: a's scene is played.
    let modded = chosen(r#"(order: ["b", "a"])"#);
    assert_eq!(line(&modded, "hello"), "First.");
    let ids: Vec<&str> = modded.mods.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        ["b", "a", "c"],
        "those not named come after, in folder order"
    );
    // a turned off: b's, and a is reported off.
    let modded = chosen(r#"(off: ["a"])"#);
    assert_eq!(line(&modded, "hello"), "Second.");
    assert_eq!(modded.mods[0].state, ModState::Off);
    assert!(
        modded.compiled.diagnostics.is_empty(),
        "no conflict with a mod that is off"
    );
    // No file, or one that cannot be read: all on, in folder order.
    assert_eq!(
        ModChoices::from_ron(Some("(order: 3)")),
        ModChoices::default()
    );
}

/// A mod with a story of its own: one scene, `night`, which begins at
/// `start`.
fn a_story_mod(start: &str) -> ModFiles {
    let scene = r#"(
    id: "night",
    title: (de: "Nacht", en: "Night"),
    room: "office",
    cast: ["vladi"],
    nodes: [
        Line(id: "awake", speaker: "vladi", text: (de: "Wach.", en: "Awake.")),
        End(id: "over", ending: "dawn"),
    ],
)"#;
    let fields = format!(r#"scenes: ["night.ron"], start: "{start}","#);
    a_mod(
        "mods/night",
        &[
            ("mod.ron", &mod_ron("night", &fields)),
            ("night.ron", scene),
        ],
    )
}

#[test]
fn a_mod_brings_a_story_of_its_own_which_begins_at_its_start() {
    let modded = laid(vec![a_story_mod("@night")]);
    assert_eq!(modded.mods[0].state, ModState::On, "{:?}", modded.mods);
    assert!(
        modded.compiled.diagnostics.is_empty(),
        "its scene is entered from its own start: {:?}",
        modded.compiled.diagnostics
    );
    let library = modded.compiled.library.expect("the story plays");
    assert_eq!(library.stories.len(), 1);
    assert_eq!(
        library.stories[0].title.get(crate::content::Lang::En),
        "Mod night"
    );
    assert_eq!(
        library.start_of(Some("night")),
        Some(NodeRef::new("night", "awake"))
    );
    assert_eq!(library.start_of(None), Some(library.start.clone()));
    assert_eq!(library.start_of(Some("elsewhere")), None);
    // The explorer plays it too: nothing of it is left unreached.
    let options = crate::story::explore::Options {
        patients: 1,
        ..Default::default()
    };
    let report = crate::story::explore::explore(std::sync::Arc::new(library), &options).unwrap();
    assert!(report.is_clean(), "{report}");
    assert_eq!(report.walks[0].tally.endings["dawn"], 1, "{report}");
}

#[test]
fn a_story_that_begins_nowhere_is_refused_at_its_start() {
    let modded = laid(vec![a_story_mod("@nite")]);
    let ModState::Broken(errors) = &modded.mods[0].state else {
        panic!("{:?}", modded.mods);
    };
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        shown[0].starts_with("mods/night/mod.ron:8:")
            && shown[0].contains("start `@nite` does not exist"),
        "{shown:#?}"
    );
}
