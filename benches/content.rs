//! How long loading content takes: parse and validate the shipped scenes,
//! and a generated scene of 10,000 nodes. Run with
//! `cargo bench --bench content`; figures go to docs/performance.md.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use famulant::content::{compile_with, load_dir};

/// Runs `f` repeatedly for about two seconds and prints the median and the
/// fastest run. Under `cargo test` (no `--bench` argument) it runs once, as a
/// check that the benchmark still works.
fn measure(name: &str, mut f: impl FnMut()) {
    f(); // warm up
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("{name}: ran once (timings only under `cargo bench`)");
        return;
    }
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) || times.len() < 10 {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "{name}: median {:.2} ms, fastest {:.2} ms over {} runs",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times.len()
    );
}

/// A scene of `nodes` nodes: lines, with a choice every tenth node whose
/// options rejoin, a branch on a variable, and an end.
fn generated_scene(nodes: usize) -> String {
    let mut out = String::from(
        "(id: \"big\", title: (de: \"Groß\", en: \"Big\"), room: \"r\", cast: [\"a\"], nodes: [\n",
    );
    for i in 0..nodes - 1 {
        let next = format!("n{}", i + 1);
        if i % 10 == 9 {
            out += &format!(
                "Choice(id: \"n{i}\", prompt: (de: \"Frage {i}?\", en: \"Question {i}?\"), options: [\
                 (id: \"a\", text: (de: \"Ja\", en: \"Yes\"), effects: [Add(\"score\", 1)], goto: \"{next}\"),\
                 (id: \"b\", text: (de: \"Nein\", en: \"No\"), when: Var(\"score\", \">=\", 2), goto: \"{next}\")],\
                 timer: (seconds: 10.0, on_timeout: Take(\"a\"))),\n"
            );
        } else if i % 10 == 5 {
            out += &format!(
                "Branch(id: \"n{i}\", cases: [(when: Var(\"score\", \">\", {i}), goto: \"{next}\")], otherwise: \"{next}\"),\n"
            );
        } else {
            out += &format!(
                "Line(id: \"n{i}\", speaker: \"a\", text: (de: \"Zeile Nummer {i} mit Umlauten: äöü.\", en: \"Line number {i}.\")),\n"
            );
        }
    }
    out += &format!("End(id: \"n{}\", ending: \"done\"),\n])", nodes - 1);
    out
}

fn main() {
    let scenes = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenes");
    measure("shipped scenes: read, parse and validate", || {
        let compiled = load_dir(&scenes, "scenes");
        assert!(compiled.library.is_some());
    });

    let big = generated_scene(10_000);
    let files: HashMap<&str, String> = HashMap::from([
        ("index.ron", "(format: 1, start: \"@big\", scenes: [\"big.ron\"], variables: {\"score\": 0})".to_owned()),
        ("characters.ron", "[(id: \"a\", name: (de: \"A\", en: \"A\"), role: (de: \"A\", en: \"A\"), color: \"#ffffff\")]".to_owned()),
        ("rooms.ron", "[(id: \"r\", name: (de: \"R\", en: \"R\"), color: \"#808080\")]".to_owned()),
        ("big.ron", big.clone()),
    ]);
    println!("generated scene: 10,000 nodes, {} KiB", big.len() / 1024);
    measure(
        "generated scene of 10,000 nodes: parse and validate",
        || {
            let compiled = compile_with("gen", |name| Ok(files[name].clone()));
            assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics.first());
        },
    );
}
