//! A small story in memory for unit tests.

use std::collections::HashMap;

use super::load::{Compiled, compile_with};

/// The manifest of the test story, with one variable of each kind.
pub const MANIFEST: &str = r#"(
    format: 1,
    start: "@s1",
    scenes: ["s1.ron"],
    variables: { "trust": 0, "brave": false },
)"#;

/// The test story's manifest with a relationship between Roland and
/// Vladi, friction, that rising makes worse.
pub const TEAM_MANIFEST: &str = r#"(
    format: 1,
    start: "@s1",
    scenes: ["s1.ron"],
    variables: { "trust": 0, "brave": false },
    relationships: [
        (id: "friction", name: (de: "Reibung", en: "Friction"), between: ["roland", "vladi"], min: 0, max: 3, rising_is_worse: true),
    ],
)"#;

/// The test story's manifest, naming `review.ron` for the case review,
/// and its endings' titles.
pub const REVIEW_MANIFEST: &str = r#"(
    format: 1,
    start: "@s1",
    scenes: ["s1.ron"],
    variables: { "trust": 0, "brave": false },
    review: "review.ron",
    endings: [
        (id: "good_start", title: (de: "Guter Anfang", en: "A good start")),
        (id: "shy_start", title: (de: "Leiser Anfang", en: "A quiet start")),
    ],
)"#;

/// The test story's case review: Roland on late antibiotics (warmer with
/// trust) and late cultures, and on the good ending, with remarks that read
/// the story; nothing on the shy one.
pub const REVIEW: &str = r#"(
    speaker: "roland",
    findings: [
        (
            finding: "antibiotics_late",
            remarks: [
                (when: Var("trust", ">=", 2), text: (de: "Spät, aber Sie haben es gemerkt.", en: "Late, but you noticed.")),
                (text: (de: "Spät, Herr Petrenko.", en: "Late, Mr Petrenko.")),
            ],
        ),
        (finding: "cultures_late", remarks: [(text: (de: "Erst die Kulturen.", en: "Cultures first."))]),
    ],
    endings: [
        (
            ending: "good_start",
            remarks: [
                (when: Is("brave"), text: (de: "Mutig.", en: "Brave.")),
                (when: Visited("@s1.good"), text: (de: "Gut.", en: "Good.")),
            ],
        ),
    ],
)"#;

const CHARACTERS: &str = r##"[
    (id: "roland", name: (de: "Roland", en: "Roland"), role: (de: "Chefarzt", en: "Chief physician"), color: "#80b0ff"),
    (id: "vladi", name: (de: "Vladi", en: "Vladi"), role: (de: "Famulant", en: "Clerk"), color: "#ffd080"),
]"##;

const ROOMS: &str = r##"[
    (id: "office", name: (de: "Büro", en: "Office"), color: "#d0d8e0"),
]"##;

/// A scene with a line, a timed choice, a branch on a variable and two ends.
pub const SCENE: &str = r#"(
    id: "s1",
    title: (de: "Morgen", en: "Morning"),
    room: "office",
    cast: ["roland", "vladi"],
    nodes: [
        Line(id: "hello", speaker: "roland", text: (de: "Guten Morgen.", en: "Good morning.")),
        Choice(
            id: "answer",
            prompt: (de: "Antworten?", en: "Answer?"),
            options: [
                (id: "greet", text: (de: "Grüßen", en: "Greet"), effects: [Add("trust", 2), Set("brave", true)], goto: "check"),
                (id: "mumble", text: (de: "Murmeln", en: "Mumble"), effects: [Add("trust", -1)], goto: "check"),
                (id: "secret", text: (de: "Geheim", en: "Secret"), when: Var("trust", ">", 5), goto: "check"),
            ],
            timer: (seconds: 5.0, on_timeout: Take("mumble")),
        ),
        Branch(id: "check", cases: [(when: Is("brave"), goto: "good")], otherwise: "poor"),
        Line(id: "good", speaker: "vladi", text: (de: "Mutig.", en: "Brave."), next: "done"),
        Line(id: "poor", speaker: "vladi", text: (de: "Leise.", en: "Quiet."), next: "sad"),
        End(id: "done", ending: "good_start"),
        End(id: "sad", ending: "shy_start"),
    ],
)"#;

/// Compiles the test story with `scene` as its only scene file.
pub fn compile_scene(scene: &str) -> Compiled {
    compile_files(&[("s1.ron", scene)])
}

/// The errors in the test story with `scene` as its only scene file, each
/// printed as `famulant check` prints it.
pub fn errors(scene: &str) -> Vec<String> {
    compile_scene(scene)
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect()
}

/// Reads `name` from `files`, as a folder on disk would.
pub fn read_from<'a>(
    files: &'a [(&'a str, &'a str)],
) -> impl Fn(&str) -> std::io::Result<String> + 'a {
    move |name| {
        (files.iter())
            .find(|(file, _)| *file == name)
            .map(|(_, text)| text.to_string())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
    }
}

/// The test story's own files, with `s1.ron` as its scene.
pub const STORY: [(&str, &str); 4] = [
    ("index.ron", MANIFEST),
    ("characters.ron", CHARACTERS),
    ("rooms.ron", ROOMS),
    ("s1.ron", SCENE),
];

/// Compiles the test story's manifest, characters and rooms with these
/// extra files (which may replace the manifest too).
pub fn compile_files(extra: &[(&str, &str)]) -> Compiled {
    let mut files: HashMap<&str, &str> = HashMap::from([
        ("index.ron", MANIFEST),
        ("characters.ron", CHARACTERS),
        ("rooms.ron", ROOMS),
    ]);
    files.extend(extra.iter().copied());
    compile_with("scenes", |name| {
        files
            .get(name)
            .map(|text| text.to_string())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
    })
}
