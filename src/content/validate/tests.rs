//! Tests of the validator as a whole, through the content pipeline.

use crate::content::fixtures::{SCENE, compile_files, compile_scene, errors};

#[test]
fn the_fixture_is_clean() {
    let compiled = compile_scene(SCENE);
    assert!(
        compiled.diagnostics.is_empty(),
        "{:#?}",
        compiled.diagnostics
    );
    assert!(compiled.library.is_some());
}

#[test]
fn interrupts_resume_and_pace_are_checked() {
    let with_interrupt = SCENE.replace(
        r#"cast: ["roland", "vladi"],"#,
        r#"cast: ["roland", "vladi"],
    interrupts: [(alarm: "map_lo", goto: "nurse")],"#,
    );
    let errs = errors(&with_interrupt);
    assert!(errs[0].starts_with("scenes/s1.ron:6:"), "{errs:#?}");
    assert!(errs[0].contains("unknown alarm `map_lo`"), "{errs:#?}");

    let scene = SCENE
        .replace(
            r#"cast: ["roland", "vladi"],"#,
            r#"cast: ["roland", "vladi"],
    interrupts: [(alarm: "map_low", goto: "nurse"), (alarm: "map_low", goto: "nurse")],"#,
        )
        .replace(
            r#"End(id: "sad", ending: "shy_start"),"#,
            r#"End(id: "sad", ending: "shy_start"),
        Line(id: "nurse", text: (de: "Alarm!", en: "Alarm!")),
        Effects(id: "calm", effects: [Pace(90)]),
        Resume(id: "back"),"#,
        );
    let compiled = compile_scene(&scene);
    let all: Vec<String> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(
        all[0].contains("warning: this handler never runs"),
        "{all:#?}"
    );
    assert!(
        all[1].contains("a pace of 90 minutes per second"),
        "{all:#?}"
    );

    let stray = SCENE.replace(
        r#"End(id: "sad", ending: "shy_start"),"#,
        r#"End(id: "sad", ending: "shy_start"),
        Resume(id: "back"),"#,
    );
    let errs = errors(&stray);
    assert!(
        errs.iter()
            .any(|e| e.contains("`Resume` in a scene without interrupts")),
        "{errs:#?}"
    );
}

#[test]
fn duplicate_ids_unknown_characters_and_bad_timers_are_found() {
    let scene = SCENE
        .replace(r#"id: "poor""#, r#"id: "good""#)
        .replace(r#"speaker: "roland""#, r#"speaker: "rolnad""#)
        .replace("seconds: 5.0", "seconds: 0.0")
        .replace(r#"Take("mumble")"#, r#"Take("secret")"#);
    let errs = errors(&scene).join("\n");
    assert!(errs.contains("node id `good` is already used"), "{errs}");
    assert!(errs.contains("unknown character `rolnad`"), "{errs}");
    assert!(errs.contains("did you mean `roland`?"), "{errs}");
    assert!(
        errs.contains("a timer of 0 seconds is not allowed"),
        "{errs}"
    );
    assert!(
        errs.contains("the timer takes option `secret`, which has a condition"),
        "{errs}"
    );
}

#[test]
fn a_missing_scene_file_points_into_the_manifest() {
    let manifest =
        crate::content::fixtures::MANIFEST.replace(r#"["s1.ron"]"#, r#"["s1.ron", "gone.ron"]"#);
    let compiled = compile_files(&[("index.ron", &manifest), ("s1.ron", SCENE)]);
    let errs: Vec<_> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].starts_with("scenes/index.ron:4:24: error: cannot read scene file `gone.ron`"),
        "{}",
        errs[0]
    );
}

#[test]
fn a_variable_no_condition_reads_is_pointed_out_in_the_manifest() {
    let manifest = crate::content::fixtures::MANIFEST
        .replace(r#""brave": false }"#, r#""brave": false, "late": false }"#);
    let set_only = SCENE.replace(
        r#"Set("brave", true)"#,
        r#"Set("brave", true), Set("late", true)"#,
    );
    let compiled = compile_files(&[("index.ron", &manifest), ("s1.ron", &set_only)]);
    let all: Vec<_> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].starts_with("scenes/index.ron:5:46: warning: no condition reads `late`"),
        "{}",
        all[0]
    );

    let read = set_only.replace(r#"Is("brave")"#, r#"All([Is("brave"), Not(Is("late"))])"#);
    let compiled = compile_files(&[("index.ron", &manifest), ("s1.ron", &read)]);
    assert!(
        compiled.diagnostics.is_empty(),
        "{:#?}",
        compiled.diagnostics
    );
}

#[test]
fn a_scene_file_named_outside_the_folder_is_not_read_and_points_into_the_manifest() {
    let manifest =
        crate::content::fixtures::MANIFEST.replace(r#"["s1.ron"]"#, r#"["s1.ron", "../s2.ron"]"#);
    let compiled = compile_files(&[
        ("index.ron", &manifest),
        ("s1.ron", SCENE),
        ("../s2.ron", SCENE),
    ]);
    let errs: Vec<_> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].starts_with(
            "scenes/index.ron:4:24: error: cannot read scene file `../s2.ron`: it leads out of the folder with `..`"
        ),
        "{}",
        errs[0]
    );
}

#[test]
fn a_scene_over_the_node_limit_is_refused_at_its_nodes() {
    let many: String = (0..=crate::content::limits::MAX_NODES)
        .map(|i| format!("Effects(id: \"n{i}\", effects: []),\n"))
        .collect();
    let scene = SCENE.replace("nodes: [\n", &format!("nodes: [\n{many}"));
    let errs = errors(&scene);
    assert!(
        errs.iter().any(|e| e.starts_with("scenes/s1.ron:")
            && e.contains(&format!(
                "nodes; a scene may have {} at the most",
                crate::content::limits::MAX_NODES
            ))),
        "{errs:#?}"
    );
}

#[test]
fn variables_are_placed_at_their_own_line_and_column_whatever_their_order() {
    // Sorted, `Bad` comes first and `zeta` last: the places must follow
    // the file, not the sorted map.
    let manifest = crate::content::fixtures::MANIFEST.replace(
        r#"variables: { "trust": 0, "brave": false }"#,
        r#"variables: { "zeta": 0, "Bad": false, "trust": 0, "brave": false }"#,
    );
    let compiled = compile_files(&[("index.ron", &manifest), ("s1.ron", SCENE)]);
    let all: Vec<String> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        all.iter()
            .any(|d| d
                .starts_with("scenes/index.ron:5:29: error: `Bad` is not a valid variable name")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|d| d.starts_with("scenes/index.ron:5:18: warning: no condition reads `zeta`")),
        "{all:#?}"
    );
}
