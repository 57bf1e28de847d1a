//! Playthroughs per second on one core: the explorer playing the shipped
//! story through the session. Run with `cargo bench --bench explore`;
//! figures go to docs/performance.md (target: 1,000 or more).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use famulant::content::{Lang, Library, load_dir};
use famulant::story::explore::{
    Options, Pace, Reader, WordCounts, every_path, explore, new_game, random_runs,
};

/// Seconds this thread has run on a core (Linux's `/proc/thread-self/
/// schedstat`), to measure one core's rate while other work shares the
/// machine; none elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}

/// Runs `play` (which returns how many playthroughs it played) repeatedly
/// for about five seconds and prints the median and the best rate, per
/// second of wall time and per second on the core. Under `cargo test` (no
/// `--bench` argument) it runs once, as a check that the benchmark still
/// works.
fn measure(name: &str, mut play: impl FnMut() -> usize) {
    let once = play();
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("{name}: {once} playthroughs (rates only under `cargo bench`)");
        return;
    }
    let (mut wall, mut core) = (Vec::new(), Vec::new());
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) || wall.len() < 5 {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let played = play() as f64;
        wall.push(played / t.elapsed().as_secs_f64());
        if let (Some(before), Some(after)) = (cpu, cpu_seconds()) {
            core.push(played / (after - before));
        }
    }
    let median = |rates: &mut Vec<f64>| {
        rates.sort_by(f64::total_cmp);
        rates.get(rates.len() / 2).copied().unwrap_or(0.0)
    };
    println!(
        "{name}: median {:.0} playthroughs per second ({:.0} per second on the core), over {} repetitions",
        median(&mut wall),
        median(&mut core),
        wall.len()
    );
}

fn main() {
    let scenes = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenes");
    let library: Arc<Library> = Arc::new(
        load_dir(&scenes, "scenes")
            .library
            .expect("the shipped scenes load"),
    );
    let start = new_game(&library, None, None).expect("the story starts");
    let words = WordCounts::of(&library, Lang::De);
    let reader = Reader {
        library: &library,
        pace: Pace::TYPICAL,
        words: &words,
    };
    // As many as `famulant explore` plays by default.
    let runs = if std::env::args().any(|arg| arg == "--bench") {
        Options::default().paths
    } else {
        5
    };

    measure(
        "random runs, typical pace (whole playthroughs, half of them going on from kept games, a patient each)",
        || {
            random_runs(reader, &library, runs, 1)
                .expect("the story starts")
                .playthroughs
        },
    );
    measure(
        "depth first, typical pace, the reference patient (sharing the way to each decision)",
        || match every_path(reader, std::slice::from_ref(&start), runs) {
            Ok(tally) => tally.playthroughs,
            Err(played) => played,
        },
    );
    let options = Options {
        paths: runs,
        ..Options::default()
    };
    measure(
        "`famulant explore` as a whole (three paces, both ways)",
        || {
            explore(library.clone(), &options)
                .expect("the story starts")
                .playthroughs()
        },
    );
}
