//! The explorer's findings over every pace, and how they are printed.

use std::collections::BTreeSet;
use std::fmt::{self, Write};

use super::census::Census;
use super::pace::Pace;
use super::tally::{DeadEndFound, Length, Playthrough, Tally};
use crate::content::Lang;

/// What the story is written to hold (issue 14): choices.
pub const AIM_CHOICES: usize = 40;
/// Timed choices.
pub const AIM_TIMED_CHOICES: usize = 12;
/// Words per language.
pub const AIM_WORDS: usize = 10_000;
/// Real minutes a playthrough takes at the typical pace.
pub const AIM_MINUTES: (f32, f32) = (25.0, 40.0);

/// How a pace's playthroughs were chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Coverage {
    /// Every combination of decisions, for each of a few patients.
    EveryPath {
        /// How many: the reference patient and others drawn from the seed.
        patients: usize,
    },
    /// Random runs, each with a patient of its own, there being more paths
    /// than the budget.
    Random {
        /// The seed they and their patients were drawn with.
        seed: u64,
        /// The paths played depth first before the walk gave way.
        abandoned: usize,
    },
}

/// The playthroughs at one pace.
#[derive(Clone, Debug)]
pub struct Walk {
    /// The pace.
    pub pace: Pace,
    /// Every path, or random runs.
    pub coverage: Coverage,
    /// What they came to.
    pub tally: Tally,
}

/// A dead end, with the paces it was met at.
#[derive(Clone, Debug, PartialEq)]
pub struct DeadEndReport {
    /// The paces, fastest first.
    pub paces: Vec<&'static str>,
    /// What went wrong where, how often, and the first way there.
    pub found: DeadEndFound,
}

/// Everything the explorer found.
#[derive(Clone, Debug)]
pub struct Report {
    /// What the story holds.
    pub census: Census,
    /// The language read.
    pub lang: Lang,
    /// The most playthroughs a pace's walk of every path may take.
    pub budget: usize,
    /// One walk per pace.
    pub walks: Vec<Walk>,
    /// Nodes no playthrough entered, as `scene.node`, in file order.
    pub unreached: Vec<String>,
    /// The dead ends, each once.
    pub dead_ends: Vec<DeadEndReport>,
}

impl Report {
    /// The report of `walks` over a story counted in `census`.
    pub fn new(census: Census, lang: Lang, budget: usize, walks: Vec<Walk>) -> Report {
        let unreached = census
            .nodes
            .iter()
            .filter(|node| !walks.iter().any(|w| w.tally.reached.contains(*node)))
            .cloned()
            .collect();
        let mut dead_ends: Vec<DeadEndReport> = Vec::new();
        for walk in &walks {
            for found in &walk.tally.dead_ends {
                match dead_ends
                    .iter_mut()
                    .find(|d| d.found.dead_end == found.dead_end)
                {
                    Some(known) => {
                        known.paces.push(walk.pace.name);
                        known.found.paths += found.paths;
                    }
                    None => dead_ends.push(DeadEndReport {
                        paces: vec![walk.pace.name],
                        found: found.clone(),
                    }),
                }
            }
        }
        Report {
            census,
            lang,
            budget,
            walks,
            unreached,
            dead_ends,
        }
    }

    /// The endings some playthrough reached.
    pub fn endings_reached(&self) -> BTreeSet<&str> {
        self.walks
            .iter()
            .flat_map(|w| w.tally.endings.keys())
            .map(String::as_str)
            .collect()
    }

    /// The endings `End` nodes name that no playthrough reached.
    pub fn endings_missed(&self) -> Vec<&str> {
        let reached = self.endings_reached();
        self.census
            .endings
            .iter()
            .map(String::as_str)
            .filter(|e| !reached.contains(e))
            .collect()
    }

    /// No node unreached and no dead end: what `famulant explore` exits 0
    /// on.
    pub fn is_clean(&self) -> bool {
        self.unreached.is_empty() && self.dead_ends.is_empty()
    }

    /// Every playthrough played, those of walks of every path that gave
    /// way to random runs included.
    pub fn playthroughs(&self) -> usize {
        self.walks
            .iter()
            .map(|w| match w.coverage {
                Coverage::EveryPath { .. } => w.tally.playthroughs,
                Coverage::Random { abandoned, .. } => w.tally.playthroughs + abandoned,
            })
            .sum()
    }

    /// The walk at the pace named `name`.
    pub fn walk(&self, name: &str) -> Option<&Walk> {
        self.walks.iter().find(|w| w.pace.name == name)
    }

    /// The outcome estimates at `ending` over every pace, lowest first.
    pub fn outcomes(&self, ending: &str) -> Vec<f64> {
        let mut all: Vec<f64> = self
            .walks
            .iter()
            .filter_map(|w| w.tally.outcomes.get(ending))
            .flatten()
            .copied()
            .collect();
        all.sort_by(f64::total_cmp);
        all
    }
}

/// The value at share `q` (0 to 1) of `sorted`, by nearest rank.
pub fn quantile<T: Copy>(sorted: &[T], q: f64) -> Option<T> {
    let last = sorted.len().checked_sub(1)?;
    Some(sorted[((last as f64) * q).round() as usize])
}

/// The lowest, the median and the highest of one measure of `lengths`.
fn spread<T: Copy + PartialOrd + Default>(
    lengths: &[Length],
    measure: impl Fn(&Length) -> T,
) -> [T; 3] {
    let mut values: Vec<T> = lengths.iter().map(measure).collect();
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    [0.0, 0.5, 1.0].map(|q| quantile(&values, q).unwrap_or_default())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_story(f)?;
        self.write_paces(f)?;
        self.write_endings(f)?;
        self.write_lengths(f)?;
        self.write_problems(f)
    }
}

impl Report {
    fn write_story(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.census;
        writeln!(
            f,
            "{} scenes, {} nodes, {} endings named; read in {}",
            c.scenes,
            c.nodes.len(),
            c.endings.len(),
            self.lang.native_name()
        )?;
        writeln!(f, "\nthe story                 counted  aim")?;
        let row = |f: &mut fmt::Formatter<'_>, what: &str, have: usize, aim: usize| {
            let short = if have < aim {
                format!("  {} short", aim - have)
            } else {
                String::new()
            };
            writeln!(f, "  {what:<15} {have:>15}  {aim} or more{short}")
        };
        row(f, "choices", c.choices, AIM_CHOICES)?;
        row(f, "timed choices", c.timed_choices, AIM_TIMED_CHOICES)?;
        for (lang, words) in &c.words {
            row(f, &format!("words ({})", lang.code()), *words, AIM_WORDS)?;
        }
        if let Some(walk) = self.walk(Pace::TYPICAL.name)
            && !walk.tally.lengths.is_empty()
        {
            let [min, _, max] = spread(&walk.tally.lengths, |l| l.minutes);
            let (low, high) = AIM_MINUTES;
            let within = (low..=high).contains(&min) && (low..=high).contains(&max);
            writeln!(
                f,
                "  {:<15} {:>15}  {low} to {high} at the typical pace{}",
                "minutes to play",
                format!("{min:.1}–{max:.1}"),
                if within { "" } else { "  outside" }
            )?;
        }
        Ok(())
    }

    fn write_paces(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "\npaces and walks (real seconds, fed to the story as it plays)"
        )?;
        for walk in &self.walks {
            let p = &walk.pace;
            let t = &walk.tally;
            let how = match walk.coverage {
                Coverage::EveryPath { patients } => format!(
                    "every path for {patients} patient(s): {} playthroughs",
                    t.playthroughs
                ),
                Coverage::Random { seed, .. } => format!(
                    "more than {} paths: {} random runs (seed {seed}, a patient each), {} distinct",
                    self.budget,
                    t.playthroughs,
                    t.distinct.len()
                ),
            };
            writeln!(
                f,
                "  {:<8} {:>3} words/min, {} s a line, {} s to decide; {how}",
                p.name, p.words_per_minute, p.seconds_per_line, p.seconds_to_decide
            )?;
        }
        Ok(())
    }

    fn write_endings(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\nendings                  ")?;
        for walk in &self.walks {
            write!(f, "{:>8}", walk.pace.name)?;
        }
        writeln!(f, "   risk of death: min   p10 median  p90   max")?;
        let mut endings: BTreeSet<&str> = self.endings_reached();
        endings.extend(self.census.endings.iter().map(String::as_str));
        for ending in endings {
            write!(f, "  {ending:<23}")?;
            for walk in &self.walks {
                let n = walk.tally.endings.get(ending).copied().unwrap_or(0);
                write!(f, "{n:>8}")?;
            }
            let outcomes = self.outcomes(ending);
            if outcomes.is_empty() {
                writeln!(f, "   never reached")?;
                continue;
            }
            write!(f, "                ")?;
            for q in [0.0, 0.1, 0.5, 0.9, 1.0] {
                write!(f, " {:>5.2}", quantile(&outcomes, q).unwrap_or(0.0))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }

    fn write_lengths(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(walk) = self.walk(Pace::TYPICAL.name) {
            let lengths = &walk.tally.lengths;
            writeln!(
                f,
                "\nplaythroughs at the typical pace   min  median     max"
            )?;
            for (what, [min, median, max]) in [
                ("choices", spread(lengths, |l| l.choices)),
                ("lines", spread(lengths, |l| l.lines)),
                ("patient minutes", spread(lengths, |l| l.patient_minutes)),
            ] {
                writeln!(f, "  {what:<29} {min:>5} {median:>7} {max:>7}")?;
            }
        }
        writeln!(f, "real minutes at each pace")?;
        for walk in &self.walks {
            let [min, median, max] = spread(&walk.tally.lengths, |l| l.minutes);
            writeln!(
                f,
                "  {:<29} {min:>5.1} {median:>7.1} {max:>7.1}",
                walk.pace.name
            )?;
        }
        if let Some(walk) = self.walk(Pace::TYPICAL.name) {
            for (what, playthrough) in [
                ("shortest", &walk.tally.shortest),
                ("longest", &walk.tally.longest),
            ] {
                if let Some(p) = playthrough {
                    write_playthrough(f, &format!("{what} at the typical pace"), p)?;
                }
            }
        }
        Ok(())
    }

    fn write_problems(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.unreached.is_empty() {
            writeln!(
                f,
                "\nnodes never reached: {} of {}",
                self.unreached.len(),
                self.census.nodes.len()
            )?;
            for node in &self.unreached {
                writeln!(f, "  {node}")?;
            }
        }
        if !self.dead_ends.is_empty() {
            writeln!(f, "\ndead ends: {}", self.dead_ends.len())?;
            for dead_end in &self.dead_ends {
                let found = &dead_end.found;
                writeln!(
                    f,
                    "  {}\n    met by {} playthrough(s) at the {} pace; the first, with {}:",
                    found.dead_end,
                    found.paths,
                    dead_end.paces.join(", "),
                    patient(found.first.patient)
                )?;
                write_path(f, &found.first.path)?;
            }
        }
        writeln!(
            f,
            "\n{} node(s) never reached, {} dead end(s), {} of {} endings reached",
            self.unreached.len(),
            self.dead_ends.len(),
            self.census.endings.len() - self.endings_missed().len(),
            self.census.endings.len()
        )
    }
}

/// One playthrough's figures and its decisions.
fn write_playthrough(f: &mut fmt::Formatter<'_>, what: &str, p: &Playthrough) -> fmt::Result {
    writeln!(
        f,
        "{what}: {:.1} min, {} choices ({} timed, {} let run out), {} lines, \
         {} patient minutes, ending {}, risk of death {:.2}, {}:",
        p.minutes(),
        p.choices,
        p.timed,
        p.timeouts,
        p.lines,
        p.patient_minutes,
        p.ending,
        p.outcome,
        patient(p.patient)
    )?;
    write_path(f, &p.path)
}

/// The patient of a seed, as the report names her.
fn patient(seed: Option<u64>) -> String {
    match seed {
        Some(seed) => format!("patient seed {seed}"),
        None => "the reference patient".to_owned(),
    }
}

/// Decisions as `choice=option`, wrapped and indented.
fn write_path(f: &mut fmt::Formatter<'_>, path: &[String]) -> fmt::Result {
    if path.is_empty() {
        return writeln!(f, "    (no decision)");
    }
    let mut line = String::from("   ");
    for step in path {
        if line.len() + step.len() > 96 {
            writeln!(f, "{line}")?;
            line = String::from("   ");
        }
        write!(line, " {step}")?;
    }
    writeln!(f, "{line}")
}
