//! The two ways through a story: every combination of decisions, depth
//! first, where there are few enough; seeded random runs where there are
//! too many.

use std::collections::HashMap;

use std::sync::Arc;

use super::tally::Tally;
use super::walk::{DeadEnd, Move, Reader, Stop, Trail};
use crate::content::Library;
use crate::story::{Session, StoryError};

/// Plays every combination of decisions from each of `starts` (a new game
/// for each patient), depth first: at each decision the session is copied
/// (a plain clone, nothing formatted) and each move is tried on its own
/// copy. When there are more than `budget` playthroughs, gives up after
/// `budget` + 1 and returns how many it played.
pub fn every_path<'l>(
    reader: Reader<'l>,
    starts: &[Session],
    budget: usize,
) -> Result<Tally, usize> {
    let mut tally = Tally::default();
    // Last pushed, first played: the first patient first.
    let mut stack: Vec<(Session, Trail<'l>, Option<Move<'l>>)> = starts
        .iter()
        .rev()
        .map(|start| (start.clone(), Trail::default(), None))
        .collect();
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
                    let stuck = DeadEnd::Stuck(session.story().cursor.clone());
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

/// Plays `runs` playthroughs of `library`, each decision drawn by a
/// [`Chooser`]: half of them new games, each with a patient of its own, the
/// other half going on from a game an [`Archive`] kept at a decision, so
/// that late decisions are reached as often as early ones. New games take
/// the library's stories in turn (the main one, then each mod's own). All
/// of it is drawn from `seed`: the same seed, the same runs.
pub fn random_runs(
    reader: Reader<'_>,
    library: &Arc<Library>,
    runs: usize,
    seed: u64,
) -> Result<Tally, StoryError> {
    let mut tally = Tally::default();
    let mut chooser = Chooser::new(seed);
    let mut archive = Archive::default();
    let stories = super::stories(library);
    let mut new_games = 0;
    for _ in 0..runs {
        let resumed = if chooser.random.below(2) == 0 {
            archive.pick(&mut chooser.random)
        } else {
            None
        };
        let (mut session, mut trail) = match resumed {
            Some(kept) => kept,
            None => {
                let patient = chooser.random.draw();
                let story = stories[new_games % stories.len()];
                new_games += 1;
                let game = super::new_game(library, story, Some(patient))?;
                (game, Trail::default())
            }
        };
        loop {
            match reader.play_on(&mut session, &mut trail) {
                Stop::Decide(moves) => {
                    let at = reader.ids(&session.story().cursor);
                    archive.offer(at, &session, &trail, &mut chooser.random);
                    let Some(step) = chooser.choose(at, &moves) else {
                        let stuck = DeadEnd::Stuck(session.story().cursor.clone());
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
    Ok(tally)
}

/// How many games an [`Archive`] keeps at each decision.
const KEPT_PER_DECISION: usize = 4;

/// Games kept where they stood at a decision, for later runs to go on
/// from, so that the story's later decisions are played as often as its
/// first ones and from many ways there.
#[derive(Default)]
struct Archive<'l> {
    /// By decision (scene, choice).
    cells: HashMap<(&'l str, &'l str), Cell<'l>>,
}

/// The games an [`Archive`] keeps at one decision.
#[derive(Default)]
struct Cell<'l> {
    /// A few of the games that came there, each kept with the chance that
    /// keeps a uniform sample.
    kept: Vec<(Session, Trail<'l>)>,
    /// How many came there.
    came: u64,
    /// How many runs went on from there.
    went: u64,
}

impl<'l> Archive<'l> {
    /// Notes a game at the decision `at`; keeps a copy of it with the
    /// chance that leaves every game that came there equally likely kept.
    fn offer(
        &mut self,
        at: (&'l str, &'l str),
        session: &Session,
        trail: &Trail<'l>,
        random: &mut SplitMix64,
    ) {
        let cell = self.cells.entry(at).or_default();
        cell.came += 1;
        if cell.kept.len() < KEPT_PER_DECISION {
            cell.kept.push((session.clone(), trail.clone()));
        } else {
            let slot = random.below(cell.came as usize);
            if slot < KEPT_PER_DECISION {
                cell.kept[slot] = (session.clone(), trail.clone());
            }
        }
    }

    /// A copy of a kept game at the decision runs went on from least often.
    fn pick(&mut self, random: &mut SplitMix64) -> Option<(Session, Trail<'l>)> {
        let least = self.cells.values().map(|cell| cell.went).min()?;
        let mut keys: Vec<&(&str, &str)> = self
            .cells
            .iter()
            .filter(|(_, cell)| cell.went == least)
            .map(|(key, _)| key)
            .collect();
        keys.sort();
        let key = *keys[random.below(keys.len())];
        let cell = self.cells.get_mut(&key)?;
        cell.went += 1;
        Some(cell.kept[random.below(cell.kept.len())].clone())
    }
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
            random: SplitMix64::new(seed),
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
/// same seed gives the same runs and patients on every machine.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// The generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next number.
    pub fn draw(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n` − 1 (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.draw() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fixtures::{SCENE, compile_scene};

    #[test]
    fn an_archive_keeps_a_few_games_a_decision_and_goes_on_from_the_least_used() {
        let library = Arc::new(compile_scene(SCENE).library.unwrap());
        let mut random = SplitMix64::new(3);
        let mut archive = Archive::default();
        assert!(archive.pick(&mut random).is_none(), "nothing kept yet");
        for patient in 0..100 {
            let session = crate::story::explore::new_game(&library, None, Some(patient)).unwrap();
            archive.offer(("s1", "answer"), &session, &Trail::default(), &mut random);
        }
        let game = crate::story::explore::new_game(&library, None, None).unwrap();
        archive.offer(("s1", "other"), &game, &Trail::default(), &mut random);
        let cell = &archive.cells[&("s1", "answer")];
        assert_eq!((cell.kept.len(), cell.came), (KEPT_PER_DECISION, 100));
        assert!(
            cell.kept
                .iter()
                .any(|(s, _)| s.seed() > Some(KEPT_PER_DECISION as u64)),
            "later games replace earlier ones"
        );
        let first = archive.pick(&mut random).unwrap().0.seed();
        let second = archive.pick(&mut random).unwrap().0.seed();
        // One from each decision, the least used first.
        assert_eq!([first, second].iter().filter(|s| s.is_none()).count(), 1);
        assert!(archive.cells.values().all(|cell| cell.went == 1));
    }
}
