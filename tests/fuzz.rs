//! Robustness: damaged and generated input thrown at everything that reads
//! a file a player or a modder can hand the game, seeded with the shipped
//! story and with real saves of it. Nothing may panic: a broken file is a
//! diagnostic or an error in words.
//!
//! Four targets, each input caught on its own:
//! - **file**: one content file, mutated (or a value generated from the
//!   files' names), read by `locate` and parsed as what that file holds;
//! - **story**: the whole compile (`compile_with`: parse, validate, build
//!   the library) with one shipped file mutated, and a new game played a
//!   few steps when it still compiles;
//! - **mod**: the example mod (`mods/examples/pforte`) with one of its
//!   files mutated, laid over the shipped story (`compile_modded`): the
//!   story must play, with the mod or without it, and is played a few
//!   steps;
//! - **save**: a mutated save read by `SaveFile::from_ron`, and when it
//!   reads, restored over the shipped story and played a few steps.
//!
//! `cargo test` throws a few thousand inputs (`FUZZ_INPUTS`, default
//! 6,000, shared out among the targets); the full run is
//! `FUZZ_INPUTS=1000000 cargo test --release --no-default-features --test
//! fuzz -- --nocapture`. `FUZZ_SEED` picks another stream of inputs,
//! `FUZZ_ONLY=save` (or `file`, `story`, `mod`) throws at one target alone. A
//! panic is reported with its target and input number and the input is
//! written out; `FUZZ_REPLAY=save:123` throws that one input again, with
//! the panic shown as usual.

mod mutate;
mod playthrough;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use famulant::content::{
    Art, CharacterDef, Library, Manifest, ModState, ReviewDef, RoomDef, SceneDef, compile_modded,
    compile_with, locate, parse, read_mod, read_story,
};
use famulant::save::SaveFile;
use famulant::settings::TimerMode;
use famulant::story::{Beat, Session};
use mutate::{Mutation, Pool, generate, mutate, rng_for};
use playthrough::{BUNDLE, Playthrough, STEADY_MORNING};
use rand::rngs::SmallRng;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};

/// Inputs thrown by a plain `cargo test` (debug build), all targets
/// together: under half a minute.
const DEFAULT_INPUTS: u64 = 6_000;
/// The seed of the default stream of inputs.
const DEFAULT_SEED: u64 = 0x00fa_0015;
/// How long one input may take before the run stops as hung.
const STALL: Duration = Duration::from_secs(30);

/// The targets, each with its share of the inputs out of 1,000. A whole
/// compile costs as much as a few hundred single files, so it gets fewer.
const TARGETS: [(Target, u64); 4] = [
    (Target::File, 640),
    (Target::Story, 10),
    (Target::Mod, 5),
    (Target::Save, 345),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    File,
    Story,
    Mod,
    Save,
}

impl Target {
    fn name(self) -> &'static str {
        match self {
            Target::File => "file",
            Target::Story => "story",
            Target::Mod => "mod",
            Target::Save => "save",
        }
    }

    fn named(name: &str) -> Option<Target> {
        TARGETS.iter().map(|(t, _)| *t).find(|t| t.name() == name)
    }

    /// Its stream of inputs, apart from the others'.
    fn stream(self) -> u64 {
        self as u64 + 1
    }
}

/// How one input went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// Read, and (story, save) played.
    Accepted,
    /// Every file parsed, and the validator refused the story.
    Invalid,
    /// Refused with a diagnostic or an error in words.
    Rejected,
}

/// What the inputs are made from: the shipped files, real saves, and the
/// shipped story compiled.
struct Seeds {
    /// The shipped files by name (scenes and SVG pictures), as the story
    /// target reads them.
    files: BTreeMap<String, String>,
    /// The RON files' names.
    ron: Vec<String>,
    /// What mutations draw on for the content files.
    content: Pool,
    /// Saves of the shipped story, compact and pretty, and what mutations
    /// of them draw on.
    saves: Pool,
    library: Arc<Library>,
    /// The example mod's files by name (`mod.ron`, its scenes, characters,
    /// rooms and picture).
    mod_files: BTreeMap<String, String>,
}

impl Seeds {
    fn load() -> Seeds {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = files_of(&root.join("scenes"));
        files.extend(files_of(&root.join("assets")));
        let ron: Vec<String> = files
            .keys()
            .filter(|n| n.ends_with(".ron"))
            .cloned()
            .collect();
        let compiled = compile_with("scenes", |name| read(&files, name, None));
        let library = Arc::new(compiled.library.expect("the shipped story compiles"));
        let saves = real_saves(&library);
        let content = Pool::of(ron.iter().map(|n| files[n].clone()).collect());
        Seeds {
            files,
            ron,
            content,
            saves: Pool::of(saves),
            library,
            mod_files: files_of(&root.join("mods/examples/pforte")),
        }
    }
}

/// The files of the folder `dir` and of its `art` folder, by name.
fn files_of(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for sub in ["", "art"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let text = path.extension().is_some_and(|e| e == "ron" || e == "svg");
            if path.is_file() && text {
                let name = path.strip_prefix(dir).unwrap().to_str().unwrap().to_owned();
                files.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    files
}

/// Reads `name` from `files`, or `changed` when it is that file.
fn read(
    files: &BTreeMap<String, String>,
    name: &str,
    changed: Option<(&str, &str)>,
) -> std::io::Result<String> {
    match changed {
        Some((changed, text)) if changed == name => Ok(text.to_owned()),
        _ => files
            .get(name)
            .cloned()
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file")),
    }
}

/// Saves of the shipped story played the way a careful player plays it:
/// on the first beat of each scene up to intensive care, at a timed
/// choice with its countdown running, and during a phase of the
/// operation. Each compact, as the game writes it, and pretty, so that
/// line-wise mutations find lines.
fn real_saves(library: &Arc<Library>) -> Vec<String> {
    let taken: RefCell<Vec<(String, SaveFile)>> = RefCell::new(Vec::new());
    let session = Session::new(library.clone(), TimerMode::Normal).unwrap();
    Playthrough::play(session, &[STEADY_MORNING, BUNDLE], |session| {
        let mut taken = taken.borrow_mut();
        let at = session.story().cursor.clone();
        let kind = match session.beat() {
            Ok(Beat::Phase { .. }) => "phase",
            Ok(Beat::Choice { .. }) if session.countdown().is_some() => "countdown",
            _ => "scene",
        };
        let key = match kind {
            "scene" => at.scene.clone(),
            kind => kind.to_owned(),
        };
        if !taken.iter().any(|(k, _)| *k == key) {
            let save = SaveFile::of(session, (1_765_000_000, 3600), None);
            taken.push((key, save));
        }
        at.scene == "ch3_icu"
    });
    let taken = taken.into_inner();
    assert!(
        taken.iter().any(|(k, _)| k == "phase") && taken.len() >= 8,
        "saves taken: {:?}",
        taken.iter().map(|(k, _)| k).collect::<Vec<_>>()
    );
    taken
        .into_iter()
        .flat_map(|(_, save)| {
            let pretty =
                ron::ser::to_string_pretty(&save, ron::ser::PrettyConfig::default()).unwrap();
            [save.to_ron(), pretty]
        })
        .collect()
}

/// One input: the file it changes (a save has no name) and its text, and
/// the random numbers it goes on with (a player's moves).
struct Input {
    name: String,
    text: String,
    rng: SmallRng,
}

impl std::fmt::Display for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}", self.name)?;
        f.write_str(&self.text)
    }
}

/// Makes input `index` of `target`.
fn make(seeds: &Seeds, target: Target, seed: u64, index: u64) -> Input {
    let mut rng = rng_for(seed, target.stream(), index);
    let gentle = |rng: &mut SmallRng, share| -> &[Mutation] {
        match rng.random_bool(share) {
            true => &Mutation::GENTLE,
            false => &Mutation::ALL,
        }
    };
    let (name, text) = match target {
        Target::File => {
            let name = seeds.ron.choose(&mut rng).unwrap();
            let text = if rng.random_bool(0.05) {
                generate(&mut rng, &seeds.content, 6)
            } else {
                mutate(&mut rng, &seeds.files[name], &seeds.content, &Mutation::ALL)
            };
            (name.clone(), text)
        }
        Target::Story => {
            let name = seeds.ron.choose(&mut rng).unwrap();
            let kinds = gentle(&mut rng, 0.75);
            let text = mutate(&mut rng, &seeds.files[name], &seeds.content, kinds);
            (name.clone(), text)
        }
        Target::Mod => {
            let names: Vec<&String> = seeds.mod_files.keys().collect();
            let name = names.choose(&mut rng).unwrap();
            let kinds = gentle(&mut rng, 0.75);
            let text = mutate(&mut rng, &seeds.mod_files[*name], &seeds.content, kinds);
            ((*name).clone(), text)
        }
        Target::Save => {
            let save = seeds.saves.files.choose(&mut rng).unwrap();
            let kinds = gentle(&mut rng, 0.7);
            (String::new(), mutate(&mut rng, save, &seeds.saves, kinds))
        }
    };
    Input { name, text, rng }
}

/// Throws `input` at `target`.
fn throw(seeds: &Seeds, target: Target, input: &mut Input) -> Outcome {
    let Input { name, text, rng } = input;
    match target {
        Target::File => parse_file(name, text),
        Target::Story => compile_story(seeds, name, text, rng),
        Target::Mod => lay_mod(seeds, name, text, rng),
        Target::Save => restore_save(seeds, text, rng),
    }
}

/// Reads one content file as what its name says it holds.
fn parse_file(name: &str, text: &str) -> Outcome {
    let tree = locate(text);
    assert!(tree.pos.line >= 1 && tree.pos.col >= 1);
    let diagnostic = match name {
        "index.ron" => parse::<Manifest>(name, text).err(),
        "characters.ron" => parse::<Vec<CharacterDef>>(name, text).err(),
        "rooms.ron" => parse::<Vec<RoomDef>>(name, text).err(),
        "review.ron" => parse::<ReviewDef>(name, text).err(),
        _ => parse::<SceneDef>(name, text).err(),
    };
    match diagnostic {
        None => Outcome::Accepted,
        Some(diagnostic) => {
            assert!(
                diagnostic.pos.line >= 1 && diagnostic.pos.col >= 1,
                "{diagnostic}"
            );
            Outcome::Rejected
        }
    }
}

/// Compiles the shipped story with `name` changed to `text`; a story that
/// still compiles is played from its start.
fn compile_story(seeds: &Seeds, name: &str, text: &str, rng: &mut SmallRng) -> Outcome {
    let compiled = compile_with("scenes", |file| {
        read(&seeds.files, file, Some((name, text)))
    });
    match compiled.library {
        Some(library) => {
            if let Ok(mut session) = Session::new(Arc::new(library), TimerMode::Normal) {
                play(&mut session, rng, 40);
            }
            Outcome::Accepted
        }
        None => {
            assert!(compiled.has_errors(), "no library and no error");
            let parsed = match name {
                "index.ron" => parse::<Manifest>(name, text).is_ok(),
                "characters.ron" => parse::<Vec<CharacterDef>>(name, text).is_ok(),
                "rooms.ron" => parse::<Vec<RoomDef>>(name, text).is_ok(),
                "review.ron" => parse::<ReviewDef>(name, text).is_ok(),
                _ => parse::<SceneDef>(name, text).is_ok(),
            };
            if parsed {
                Outcome::Invalid
            } else {
                Outcome::Rejected
            }
        }
    }
}

/// Lays the example mod, with `name` changed to `text`, over the shipped
/// story: the story plays with it (played a few steps) or without it (the
/// mod left out with its errors), never neither.
fn lay_mod(seeds: &Seeds, name: &str, text: &str, rng: &mut SmallRng) -> Outcome {
    let story_file = |file: &str| read(&seeds.files, file, None);
    let (story, pictures) = read_story("scenes", &story_file, &Art::within(&story_file));
    let files = read_mod("mods/pforte", |file| {
        read(&seeds.mod_files, file, Some((name, text)))
    });
    let modded = compile_modded(story, pictures, vec![(files, true)]);
    let library = modded
        .compiled
        .library
        .expect("the story plays, with the mod or without");
    let outcome = match &modded.mods[0].state {
        ModState::On => Outcome::Accepted,
        ModState::Broken(errors) => {
            assert!(!errors.is_empty(), "a mod left out says why");
            Outcome::Rejected
        }
        other => panic!("a mod that is on and over a sound story is {other:?}"),
    };
    if let Ok(mut session) = Session::new(Arc::new(library), TimerMode::Normal) {
        play(&mut session, rng, 20);
    }
    outcome
}

/// Reads a save; one that reads is restored over the shipped story and
/// played a few steps.
fn restore_save(seeds: &Seeds, text: &str, rng: &mut SmallRng) -> Outcome {
    let Ok(save) = SaveFile::from_ron(text) else {
        return Outcome::Rejected;
    };
    let timers = *TimerMode::ALL.choose(rng).unwrap();
    let mut session = Session::restore(seeds.library.clone(), save.game, timers);
    play(&mut session, rng, 12);
    Outcome::Accepted
}

/// Plays up to `steps` steps as an erratic player: reads a line for a few
/// seconds, takes any option (or one that is not offered), watches or
/// skips a phase, lets time run out, rolls back, changes the timer setting.
fn play(session: &mut Session, rng: &mut SmallRng, steps: usize) {
    for _ in 0..steps {
        if session.fault().is_some() || session.ending().is_some() {
            return;
        }
        let choice = match session.beat() {
            Ok(Beat::Choice { at, options, .. }) => {
                let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
                Some((at, ids))
            }
            Ok(Beat::End { .. }) | Err(_) => return,
            Ok(_) => None,
        };
        let seconds = rng.random_range(0.0..8.0);
        let _ = match rng.random_range(0..20) {
            0 => {
                session.roll_back();
                Ok(())
            }
            1 => session.let_time_run_out(),
            2 => {
                session.set_timer_mode(*TimerMode::ALL.choose(rng).unwrap());
                Ok(())
            }
            3..=8 => session.tick(seconds),
            _ => match choice {
                Some((at, ids)) => {
                    let option = ids.choose(rng).map_or("nothing", String::as_str);
                    session.choose(&at, option)
                }
                None => session.advance(),
            },
        };
    }
}

/// What a target's inputs came to.
#[derive(Clone, Debug, Default)]
struct Tally {
    inputs: u64,
    accepted: u64,
    invalid: u64,
    rejected: u64,
    panics: u64,
    time: Duration,
    /// The time the thread spent on a core, where the system tells it.
    on_core: Option<Duration>,
    slowest: (Duration, u64),
}

/// The time this thread has spent on a core so far (Linux's
/// `/proc/thread-self/schedstat`), which other work on the machine does
/// not inflate.
fn on_core() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// A panic caught: where, and the input that made it.
struct Caught {
    target: Target,
    index: u64,
    message: String,
    input: String,
}

thread_local! {
    /// Whether this thread is throwing inputs: then a panic's message is
    /// kept for the report instead of printed.
    static THROWING: Cell<bool> = const { Cell::new(false) };
}

/// The last panic's message and place, kept by the hook.
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

/// Prints panics as usual except while inputs are thrown.
fn install_hook() {
    let usual = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if THROWING.with(Cell::get) {
            let place = info.location().map(|l| l.to_string()).unwrap_or_default();
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            *LAST_PANIC.lock().unwrap() = format!("{message} (at {place})");
        } else {
            usual(info);
        }
    }));
}

/// Stops the whole run, naming the input, when one input takes longer
/// than [`STALL`]: a hang is a failure too, and cannot be caught.
fn watch_for_stalls(now: Arc<AtomicU64>, seed: u64) {
    let start = Instant::now();
    std::thread::spawn(move || {
        let mut last = (u64::MAX, start);
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let current = now.load(Ordering::Relaxed);
            if current != last.0 {
                last = (current, Instant::now());
            } else if current != u64::MAX && last.1.elapsed() > STALL {
                let target = TARGETS[(current >> 56) as usize].0;
                let index = current & ((1 << 56) - 1);
                eprintln!(
                    "input {}:{index} (FUZZ_SEED={seed}) has run for over {STALL:?}: a hang; \
                     replay with FUZZ_REPLAY={}:{index}",
                    target.name(),
                    target.name()
                );
                std::process::exit(101);
            }
        }
    });
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.replace('_', "");
    Some(match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).expect("a hexadecimal number"),
        None => text.parse().expect("a number"),
    })
}

#[test]
fn damaged_files_stories_and_saves_never_panic() {
    let total = env_number("FUZZ_INPUTS").unwrap_or(DEFAULT_INPUTS);
    let seed = env_number("FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let started = Instant::now();
    let seeds = Seeds::load();
    let setup = started.elapsed();
    if let Ok(replay) = std::env::var("FUZZ_REPLAY") {
        let (target, index) = replay.split_once(':').expect("FUZZ_REPLAY=target:index");
        let target = Target::named(target).expect("a target: file, story, mod or save");
        let mut input = make(&seeds, target, seed, index.parse().unwrap());
        println!("{input}\n--");
        let outcome = throw(&seeds, target, &mut input);
        println!("-- {outcome:?}");
        return;
    }
    install_hook();
    let now = Arc::new(AtomicU64::new(u64::MAX));
    watch_for_stalls(now.clone(), seed);
    let mut tallies = Vec::new();
    let mut caught: Vec<Caught> = Vec::new();
    let only = std::env::var("FUZZ_ONLY").ok();
    for (t, (target, share)) in TARGETS.iter().enumerate() {
        if only.as_ref().is_some_and(|only| only != target.name()) {
            continue;
        }
        let count = (total * share).div_ceil(1000);
        let mut tally = Tally::default();
        let (began, core) = (Instant::now(), on_core());
        for index in 0..count {
            now.store(((t as u64) << 56) | index, Ordering::Relaxed);
            let one = Instant::now();
            let mut input = make(&seeds, *target, seed, index);
            THROWING.with(|t| t.set(true));
            let outcome =
                panic::catch_unwind(AssertUnwindSafe(|| throw(&seeds, *target, &mut input)));
            THROWING.with(|t| t.set(false));
            let took = one.elapsed();
            if took > tally.slowest.0 {
                tally.slowest = (took, index);
            }
            tally.inputs += 1;
            match outcome {
                Ok(Outcome::Accepted) => tally.accepted += 1,
                Ok(Outcome::Invalid) => tally.invalid += 1,
                Ok(Outcome::Rejected) => tally.rejected += 1,
                Err(_) => {
                    tally.panics += 1;
                    let message = LAST_PANIC.lock().unwrap().clone();
                    let known = caught.iter().any(|c| c.message == message);
                    if !known && caught.len() < 20 {
                        caught.push(Caught {
                            target: *target,
                            index,
                            message,
                            input: input.to_string(),
                        });
                    }
                }
            }
        }
        tally.time = began.elapsed();
        tally.on_core = on_core().zip(core).map(|(end, start)| end - start);
        tallies.push((*target, tally));
    }
    now.store(u64::MAX, Ordering::Relaxed);
    println!("{}", summary(&tallies, seed, setup, started.elapsed()));
    if caught.is_empty() {
        return;
    }
    let mut report = String::new();
    for c in &caught {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
            "fuzz-{}-{}.txt",
            c.target.name(),
            c.index
        ));
        std::fs::write(&path, &c.input).unwrap();
        let shown: String = c.input.chars().take(300).collect();
        let _ = writeln!(
            report,
            "{}:{} (FUZZ_REPLAY={}:{} FUZZ_SEED={seed}) panicked: {}\n  input in {}, it begins:\n{shown}\n",
            c.target.name(),
            c.index,
            c.target.name(),
            c.index,
            c.message,
            path.display()
        );
    }
    panic!("{} kinds of panic:\n{report}", caught.len());
}

/// The figures of a run, as a table: inputs per target and what they came
/// to, the time (on the clock and on the core) and the inputs per second
/// on the core.
fn summary(tallies: &[(Target, Tally)], seed: u64, setup: Duration, all: Duration) -> String {
    let mut out = format!(
        "fuzz: seed {seed:#x}; setup (reading the shipped files, playing the saves) {:.1} s\n\
         {:<6} {:>9} {:>9} {:>8} {:>9} {:>6} {:>8} {:>8} {:>9} {:>8}  slowest\n",
        setup.as_secs_f64(),
        "target",
        "inputs",
        "accepted",
        "invalid",
        "rejected",
        "panics",
        "clock s",
        "core s",
        "inputs/s",
        "µs each",
    );
    let mut total = Tally::default();
    let mut core = Duration::ZERO;
    for (target, t) in tallies {
        let busy = t.on_core.unwrap_or(t.time);
        let _ = writeln!(
            out,
            "{:<6} {:>9} {:>9} {:>8} {:>9} {:>6} {:>8.1} {:>8.1} {:>9.0} {:>8.0}  {:.1} ms ({}:{})",
            target.name(),
            t.inputs,
            t.accepted,
            t.invalid,
            t.rejected,
            t.panics,
            t.time.as_secs_f64(),
            busy.as_secs_f64(),
            t.inputs as f64 / busy.as_secs_f64().max(1e-9),
            busy.as_secs_f64() * 1e6 / t.inputs.max(1) as f64,
            t.slowest.0.as_secs_f64() * 1000.0,
            target.name(),
            t.slowest.1,
        );
        total.inputs += t.inputs;
        total.accepted += t.accepted;
        total.invalid += t.invalid;
        total.rejected += t.rejected;
        total.panics += t.panics;
        total.time += t.time;
        core += busy;
    }
    let _ = write!(
        out,
        "{:<6} {:>9} {:>9} {:>8} {:>9} {:>6} {:>8.1} {:>8.1} {:>9.0}\n\
         whole test {:.1} s",
        "all",
        total.inputs,
        total.accepted,
        total.invalid,
        total.rejected,
        total.panics,
        total.time.as_secs_f64(),
        core.as_secs_f64(),
        total.inputs as f64 / core.as_secs_f64().max(1e-9),
        all.as_secs_f64(),
    );
    out
}

/// The mutation engine itself: its inputs come again from their seed, and
/// every kind of change keeps the text valid UTF-8 on any text.
#[test]
fn the_same_seed_makes_the_same_input() {
    let pool = Pool::of(vec![
        "(id: \"a\", nodes: [Line(id: \"b\", next: 12)])\n// ü\n".into(),
    ]);
    let make = |index| {
        let mut rng = rng_for(1, 2, index);
        mutate(&mut rng, &pool.files[0], &pool, &Mutation::ALL)
    };
    assert_eq!(make(7), make(7));
    assert_ne!((0..20).map(make).collect::<Vec<_>>(), vec![make(0); 20]);
    let mut rng = SmallRng::seed_from_u64(3);
    for text in ["", "ü", "\"", "(", "a\nb", "😀😀\n\"x\"(1)"] {
        for kind in Mutation::ALL {
            let mut text = text.to_owned();
            mutate::apply(&mut rng, &mut text, &pool, kind);
        }
    }
}
