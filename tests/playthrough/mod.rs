//! Playing the shipped story through the plain session (no Bevy), as a
//! player does: each line read for a few seconds while Frau Bram's time
//! runs at the scene's pace, phases watched as they run, each decision
//! taken by choice id after a moment's thought or left to run out. Every
//! step is kept with her case and the story variables, to read back.

#![allow(dead_code)] // each test file uses its own part of the player

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use famulant::content::{Library, NodeRef, Value, load_dir};
use famulant::patient::{Case, ClinicalEvent, Intervention};
use famulant::settings::TimerMode;
use famulant::story::{Beat, Event, Session};

/// How long the player reads a line, in seconds.
const READING: f32 = 3.0;
/// How long the player looks at the options before taking one.
const THINKING: f32 = 2.0;
/// How often a running phase is looked at, in seconds.
const WATCHING: f32 = 0.5;

/// What to do at a choice: take this option, or let its time run out.
#[derive(Clone, Copy, Debug)]
pub enum Pick {
    Take(&'static str),
    RunOut,
}

/// Decisions by choice id; a choice not named takes its first option.
pub type Picks = &'static [(&'static str, Pick)];

/// Chapter 1 played steadily: coffee and an honest word at the kiosk,
/// Mum's call declined, the qSOFA criteria known, supervision asked for at
/// the scrub sink, Herr Albers asked why, Kessler answered calmly, Frau
/// Wendt's leak seen, the night job told, the qSOFA counted on the phone.
/// Roland trusts him.
pub const STEADY_MORNING: Picks = &[
    ("c_wait", Pick::Take("w_kiosk")),
    ("c_kiosk", Pick::Take("k_honest")),
    ("c_mother", Pick::Take("decline")),
    ("c_qsofa", Pick::Take("q_right")),
    ("c_scrub", Pick::Take("s_ask")),
    ("c_albers", Pick::Take("a_why")),
    ("c_kessler", Pick::Take("k_steady")),
    ("c_wendt", Pick::Take("w_leak")),
    ("c_confide", Pick::Take("tell")),
    ("c_think", Pick::Take("t_qsofa")),
];

/// The hour-1 bundle in the emergency department: cultures and lactate
/// as she arrives, her allergy asked about and the antibiotic given,
/// 30 mL/kg, the diagnosis named, the truth told; the facts for Kessler.
pub const BUNDLE: Picks = &[
    ("e_orders", Pick::Take("o_ask")),
    ("e_fluids", Pick::Take("f_full")),
    ("e_diagnosis", Pick::Take("dx_nsti")),
    ("e_reassure", Pick::Take("r_honest")),
    ("d_kessler_choice", Pick::Take("k_facts")),
];

/// The shipped story.
fn shipped() -> Arc<Library> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenes");
    let compiled = load_dir(&dir, "scenes");
    let errors: Vec<String> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    Arc::new(compiled.library.unwrap_or_else(|| panic!("{errors:#?}")))
}

/// A new game of the shipped story with the reference patient, or with the
/// patient of `seed`, timers as they come.
pub fn new_game(seed: Option<u64>) -> Session {
    let library = shipped();
    match seed {
        Some(seed) => Session::seeded(library, TimerMode::Normal, seed),
        None => Session::new(library, TimerMode::Normal),
    }
    .expect("the story begins")
}

/// One step of a playthrough: what was shown, and the game then.
pub struct Step {
    /// The node shown.
    pub at: NodeRef,
    /// The minutes left, while a phase runs.
    pub left: Option<u32>,
    /// Frau Bram then.
    pub case: Case,
    /// The story variables then.
    pub vars: BTreeMap<String, Value>,
}

/// A game played so far, and every step of it.
pub struct Playthrough {
    pub session: Session,
    pub steps: Vec<Step>,
}

impl Playthrough {
    /// Plays a new game of `session` with `parts` of decisions (in any
    /// order: each is found by its choice id) until the story ends or
    /// `stop` holds before a step.
    pub fn play(session: Session, parts: &[Picks], stop: impl Fn(&Session) -> bool) -> Self {
        let picks: Vec<(&str, Pick)> = parts.concat();
        let mut played = Playthrough {
            session,
            steps: Vec::new(),
        };
        for _ in 0..100_000 {
            if played.session.ending().is_some() || stop(&played.session) {
                return played;
            }
            played.step(&picks);
        }
        panic!(
            "no end after 100,000 steps, at {}",
            played.session.story().cursor
        );
    }

    /// Plays a new game of `session` to its end.
    pub fn to_end(session: Session, parts: &[Picks]) -> Self {
        Self::play(session, parts, |_| false)
    }

    /// Notes the beat shown and does what the player does there.
    fn step(&mut self, picks: &[(&str, Pick)]) {
        let session = &mut self.session;
        let (at, left, choice) = match session.beat().expect("a beat") {
            Beat::Line { at, .. } | Beat::End { at, .. } => (at, None, None),
            Beat::Phase { at, left, .. } => (at, Some(left), None),
            Beat::Choice { at, options, .. } => {
                let offered: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
                (at, None, Some(offered))
            }
        };
        self.steps.push(Step {
            at: at.clone(),
            left,
            case: session.case().clone(),
            vars: session.story().variables.clone(),
        });
        let result = match (left, choice) {
            (Some(_), _) => session.tick(WATCHING),
            (None, Some(offered)) => match picks.iter().find(|(node, _)| *node == at.node) {
                Some((_, Pick::RunOut)) => session.let_time_run_out(),
                Some((_, Pick::Take(option))) => {
                    assert!(
                        offered.iter().any(|o| o == option),
                        "`{option}` is not offered at {at}; offered: {offered:?}"
                    );
                    think_then(session, &at, |s| s.choose(&at, option))
                }
                None => think_then(session, &at, |s| s.choose(&at, &offered[0])),
            },
            (None, None) => {
                let read = session.tick(READING);
                match read {
                    Ok(()) if session.story().cursor == at => session.advance(),
                    other => other,
                }
            }
        };
        result.unwrap_or_else(|err| panic!("at {at}: {err}"));
    }

    /// The ending reached.
    pub fn ending(&self) -> &str {
        self.session.ending().expect("the story ended")
    }

    /// Frau Bram now.
    pub fn case(&self) -> &Case {
        self.session.case()
    }

    /// A story variable now.
    pub fn var(&self, name: &str) -> Value {
        self.session.story().var(name)
    }

    /// The steps in `scene`, in order.
    pub fn in_scene(&self, scene: &str) -> Vec<&Step> {
        self.steps.iter().filter(|s| s.at.scene == scene).collect()
    }

    /// The nodes of `scene` shown, in order, each once in a row.
    pub fn nodes_in(&self, scene: &str) -> Vec<&str> {
        let mut nodes: Vec<&str> = self
            .in_scene(scene)
            .iter()
            .map(|s| s.at.node.as_str())
            .collect();
        nodes.dedup();
        nodes
    }

    /// Whether `scene.node` was shown.
    pub fn saw(&self, scene: &str, node: &str) -> bool {
        self.steps
            .iter()
            .any(|s| s.at.scene == scene && s.at.node == node)
    }

    /// The first step at `scene.node`.
    pub fn at(&self, scene: &str, node: &str) -> &Step {
        self.steps
            .iter()
            .find(|s| s.at.scene == scene && s.at.node == node)
            .unwrap_or_else(|| {
                panic!(
                    "`{scene}.{node}` not shown; {scene}: {:?}",
                    self.nodes_in(scene)
                )
            })
    }

    /// What happened, with her minute.
    pub fn events(&self) -> impl Iterator<Item = (u32, &Event)> {
        self.session
            .history()
            .entries()
            .iter()
            .map(|e| (e.minute, &e.event))
    }

    /// The orders carried out between her minutes `from` and `to`.
    pub fn orders(&self, from: u32, to: u32) -> Vec<Intervention> {
        self.events()
            .filter(|(minute, _)| (from..=to).contains(minute))
            .filter_map(|(_, event)| match event {
                Event::Clinical(ClinicalEvent::Ordered(order)) => Some(*order),
                _ => None,
            })
            .collect()
    }
}

/// Looks at the options for a moment (her time runs on, and an alarm may
/// break in), then decides, if the choice is still shown.
fn think_then(
    session: &mut Session,
    at: &NodeRef,
    decide: impl FnOnce(&mut Session) -> Result<(), famulant::story::StoryError>,
) -> Result<(), famulant::story::StoryError> {
    session.tick(THINKING)?;
    if session.story().cursor == *at {
        decide(session)?;
    }
    Ok(())
}
