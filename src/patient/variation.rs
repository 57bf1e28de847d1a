//! How one game's Frau Bram differs from the reference patient: a few
//! factors on the model's coefficients, drawn from the game's seed, so that
//! a replay is not memorisation.
//!
//! She arrives the same in every game (her vitals at minute 0 are the
//! reference's; the factors act on how she changes, not on where she
//! starts), and every patient drawn keeps what the clinical reference
//! claims qualitatively: the hour-1 bundle and surgery within 3 hours save
//! her, no treatment and antibiotics alone do not (`tests/varied_patient.rs`
//! checks it seed by seed).

use std::hash::{BuildHasher, Hash, RandomState};
use std::ops::RangeInclusive;

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

/// Factors on the reference model's coefficients; all 1 is the reference
/// patient of the clinical notes. The ranges they are drawn from are
/// **[design]**, chosen within what is clinically plausible and narrow
/// enough that the reference's qualitative course holds for every draw
/// (why each is as wide as it is: docs/modding.md, *A patient who varies*).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
// A factor a save does not name (one added since) is the reference's.
#[serde(default, deny_unknown_fields)]
pub struct Variation {
    /// How fast the necrosis spreads along the fascia: the source's growth
    /// rate (0.004/min in the reference).
    pub source_growth: f64,
    /// How fast bacteria and toxins build up in her blood: the burden's own
    /// growth and its seeding from the source.
    pub burden_growth: f64,
    /// How fast her inflammation (and with it vasoplegia and capillary
    /// leak) flares up as the burden grows: her host response, on the
    /// 90-minute lag of rising inflammation.
    pub inflammatory_response: f64,
    /// How much of the fluid given stays in her vessels, and for how long
    /// (the reverse of capillary leak): on each infused litre's share and
    /// on the 40-minute time constant of redistribution.
    pub fluid_response: f64,
    /// How strongly norepinephrine acts on her vessels (adrenergic
    /// sensitivity): a dose acts like this many times itself. Vasopressin,
    /// on receptors of its own, acts the same on every patient.
    pub pressor_sensitivity: f64,
}

impl Default for Variation {
    fn default() -> Self {
        Self::REFERENCE
    }
}

impl Variation {
    /// The reference patient: every factor 1.
    pub const REFERENCE: Variation = Variation {
        source_growth: 1.0,
        burden_growth: 1.0,
        inflammatory_response: 1.0,
        fluid_response: 1.0,
        pressor_sensitivity: 1.0,
    };

    /// The range of [`Variation::source_growth`] **[design]**.
    pub const SOURCE_GROWTH: RangeInclusive<f64> = 0.7..=1.4;
    /// The range of [`Variation::burden_growth`] **[design]**.
    pub const BURDEN_GROWTH: RangeInclusive<f64> = 0.85..=1.2;
    /// The range of [`Variation::inflammatory_response`] **[design]**.
    pub const INFLAMMATORY_RESPONSE: RangeInclusive<f64> = 0.7..=1.5;
    /// The range of [`Variation::fluid_response`] **[design]**.
    pub const FLUID_RESPONSE: RangeInclusive<f64> = 0.7..=1.4;
    /// The range of [`Variation::pressor_sensitivity`] **[design]**.
    pub const PRESSOR_SENSITIVITY: RangeInclusive<f64> = 0.7..=1.4;

    /// The patient of game `seed`: each factor drawn evenly on a log scale
    /// within its range (so that ×0.8 is as likely as ×1.25), in this
    /// order, with a portable generator, so that a seed names the same
    /// patient on every machine.
    pub fn drawn(seed: u64) -> Variation {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut draw = |range: RangeInclusive<f64>| {
            let (low, high) = (*range.start(), *range.end());
            let factor = rng.random_range(low.ln()..=high.ln()).exp();
            factor.clamp(low, high)
        };
        Variation {
            source_growth: draw(Self::SOURCE_GROWTH),
            burden_growth: draw(Self::BURDEN_GROWTH),
            inflammatory_response: draw(Self::INFLAMMATORY_RESPONSE),
            fluid_response: draw(Self::FLUID_RESPONSE),
            pressor_sensitivity: draw(Self::PRESSOR_SENSITIVITY),
        }
    }

    /// The patient of a game with `seed` (see [`Variation::drawn`]);
    /// without one, the reference patient.
    pub fn of_seed(seed: Option<u64>) -> Variation {
        seed.map_or(Self::REFERENCE, Self::drawn)
    }

    /// Every factor by name, with its range.
    pub fn factors(&self) -> [(&'static str, f64, RangeInclusive<f64>); 5] {
        [
            ("source_growth", self.source_growth, Self::SOURCE_GROWTH),
            ("burden_growth", self.burden_growth, Self::BURDEN_GROWTH),
            (
                "inflammatory_response",
                self.inflammatory_response,
                Self::INFLAMMATORY_RESPONSE,
            ),
            ("fluid_response", self.fluid_response, Self::FLUID_RESPONSE),
            (
                "pressor_sensitivity",
                self.pressor_sensitivity,
                Self::PRESSOR_SENSITIVITY,
            ),
        ]
    }
}

/// A seed for a game whose player chose none: std's hasher with random
/// keys (from the operating system where there is one) over `salt`, which
/// a host without one (the browser) makes from the time. For the edges
/// only: the rules take their seed as given.
pub fn unchosen_seed(salt: impl Hash) -> u64 {
    RandomState::new().hash_one(salt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_drawn_factor_stays_within_its_range() {
        for seed in 0..10_000 {
            for (name, value, range) in Variation::drawn(seed).factors() {
                assert!(range.contains(&value), "seed {seed}: {name} = {value}");
            }
        }
    }

    #[test]
    fn the_draws_fill_their_ranges() {
        let draws: Vec<Variation> = (0..2_000).map(Variation::drawn).collect();
        for i in 0..5 {
            let values: Vec<f64> = draws.iter().map(|v| v.factors()[i].1).collect();
            let range = Variation::REFERENCE.factors()[i].2.clone();
            let width = range.end() - range.start();
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let name = Variation::REFERENCE.factors()[i].0;
            assert!(min < range.start() + 0.05 * width, "{name} down to {min}");
            assert!(max > range.end() - 0.05 * width, "{name} up to {max}");
            let slower = values.iter().filter(|v| **v < 1.0).count();
            assert!(
                (600..=1_400).contains(&slower),
                "{name}: {slower} of 2000 below the reference"
            );
        }
    }

    #[test]
    fn a_seed_names_one_patient() {
        assert_eq!(Variation::drawn(7), Variation::drawn(7));
        assert_ne!(Variation::drawn(7), Variation::drawn(8));
    }

    #[test]
    fn the_reference_is_inside_every_range() {
        for (name, value, range) in Variation::REFERENCE.factors() {
            assert!(range.contains(&value), "{name}");
        }
    }

    #[test]
    fn a_factor_a_save_does_not_name_is_the_reference() {
        let read: Variation = ron::from_str("(source_growth: 1.3)").unwrap();
        let expected = Variation {
            source_growth: 1.3,
            ..Variation::REFERENCE
        };
        assert_eq!(read, expected);
    }

    #[test]
    fn unchosen_seeds_differ() {
        assert_ne!(unchosen_seed(1), unchosen_seed(1));
    }
}
