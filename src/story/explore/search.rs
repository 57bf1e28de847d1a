//! The two ways through a story: every combination of decisions, depth
//! first, where there are few enough; seeded random runs where there are
//! too many.

use std::collections::HashMap;

use super::tally::Tally;
use super::walk::{Move, Reader, Stop, Trail};
use crate::story::Session;

/// Plays every combination of decisions from `start`, depth first: at each
/// decision the session is copied (a plain clone, nothing formatted) and
/// each move is tried on its own copy. When there are more than `budget`
/// playthroughs, gives up after `budget` + 1 and returns how many it
/// played.
pub fn every_path<'l>(reader: Reader<'l>, start: &Session, budget: usize) -> Result<Tally, usize> {
    let mut tally = Tally::default();
    let mut stack: Vec<(Session, Trail<'l>, Option<Move<'l>>)> =
        vec![(start.clone(), Trail::default(), None)];
    while let Some((mut session, mut trail, step)) = stack.pop() {
        if let Some(step) = step
            && let Some(dead_end) = reader.make(&mut session, &mut trail, step)
        {
            tally.dead_end(&session, &trail, dead_end);
            continue;
        }
        match reader.play_on(&mut session, &mut trail) {
            Stop::Decide(moves) => {
                let Some((&first, rest)) = moves.split_first() else {
                    let stuck = super::walk::DeadEnd::Stuck(session.story().cursor.clone());
                    tally.dead_end(&session, &trail, stuck);
                    continue;
                };
                // Last pushed, first tried: the first move takes the
                // session itself, the others a copy each.
                for &step in rest.iter().rev() {
                    stack.push((session.clone(), trail.clone(), Some(step)));
                }
                stack.push((session, trail, Some(first)));
            }
            Stop::End(ending) => tally.ended(&session, &trail, ending),
            Stop::DeadEnd(dead_end) => tally.dead_end(&session, &trail, dead_end),
        }
        if tally.playthroughs > budget {
            return Err(tally.playthroughs);
        }
    }
    Ok(tally)
}

/// Plays `runs` playthroughs from `start`, each decision drawn by a
/// [`Chooser`] seeded with `seed`.
pub fn random_runs(reader: Reader<'_>, start: &Session, runs: usize, seed: u64) -> Tally {
    let mut tally = Tally::default();
    let mut chooser = Chooser::new(seed);
    for _ in 0..runs {
        let mut session = start.clone();
        let mut trail = Trail::default();
        loop {
            match reader.play_on(&mut session, &mut trail) {
                Stop::Decide(moves) => {
                    let at = reader.ids(&session.story().cursor);
                    let Some(step) = chooser.choose(at, &moves) else {
                        let stuck = super::walk::DeadEnd::Stuck(session.story().cursor.clone());
                        tally.dead_end(&session, &trail, stuck);
                        break;
                    };
                    if let Some(dead_end) = reader.make(&mut session, &mut trail, step) {
                        tally.dead_end(&session, &trail, dead_end);
                        break;
                    }
                }
                Stop::End(ending) => {
                    tally.ended(&session, &trail, ending);
                    break;
                }
                Stop::DeadEnd(dead_end) => {
                    tally.dead_end(&session, &trail, dead_end);
                    break;
                }
            }
        }
    }
    tally
}

/// Draws decisions for random runs: half of them uniformly among the moves
/// offered, the other half the move taken least often so far at that
/// decision (ties drawn), so that rare options are tried as often as
/// common ones while combinations still vary.
struct Chooser<'l> {
    random: SplitMix64,
    /// How often each move was taken, by (scene, choice, option; none for
    /// letting the time run out).
    taken: HashMap<(&'l str, &'l str, Option<&'l str>), u32>,
}

impl<'l> Chooser<'l> {
    fn new(seed: u64) -> Self {
        Chooser {
            random: SplitMix64(seed),
            taken: HashMap::new(),
        }
    }

    /// One of `moves` at the choice `at` (scene and node ids).
    fn choose(&mut self, at: (&'l str, &'l str), moves: &[Move<'l>]) -> Option<Move<'l>> {
        if moves.is_empty() {
            return None;
        }
        let key = |step: &Move<'l>| match step {
            Move::Take(option) => (at.0, at.1, Some(option.id.as_str())),
            Move::LetTimeRunOut => (at.0, at.1, None),
        };
        let pick = if self.random.below(2) == 0 {
            self.random.below(moves.len())
        } else {
            let counts: Vec<u32> = moves
                .iter()
                .map(|m| self.taken.get(&key(m)).copied().unwrap_or(0))
                .collect();
            let least = counts.iter().copied().min().unwrap_or(0);
            let rarest: Vec<usize> = (0..moves.len()).filter(|&i| counts[i] == least).collect();
            rarest[self.random.below(rarest.len())]
        };
        let step = moves[pick];
        *self.taken.entry(key(&step)).or_default() += 1;
        Some(step)
    }
}

/// A small, fast, seeded generator (SplitMix64, Steele et al. 2014): the
/// same seed gives the same runs on every machine.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n` − 1 (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
