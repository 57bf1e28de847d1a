//! How fast a player reads: the seconds of real time a line, a decision and
//! a phase take. The explorer feeds these seconds to the session
//! ([`Session::tick`](crate::story::Session::tick)), so that where a scene
//! lets Frau Bram's time run with real time (`Pace`), a slow reader gives
//! her more minutes and her alarms more chances to break in; and it adds
//! them up to estimate how long a playthrough takes.
//!
//! The model: a line takes its words at the reader's words per minute plus
//! a moment to click on; a decision takes its prompt's and options' words
//! plus time to think, and a timed decision is made before its countdown
//! ends (at most nine tenths of the time left; letting it run out takes all
//! of it); a phase of an operation takes the seconds the scene gives it.

use std::collections::HashMap;

use crate::content::{Lang, Library, LocalizedText};

/// Share of a countdown's time left that a decision may take: the option is
/// clicked before the timer runs out.
const DECIDE_WITHIN: f32 = 0.9;

/// A reader: how fast they read and decide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    /// Its name in the report.
    pub name: &'static str,
    /// Words read per minute.
    pub words_per_minute: f32,
    /// Seconds to go on after reading a line (the click, a glance at the
    /// room).
    pub seconds_per_line: f32,
    /// Seconds to think over a decision, after reading its options.
    pub seconds_to_decide: f32,
}

impl Pace {
    /// A player who skims: 300 words a minute, on at once, decides in two
    /// seconds.
    pub const FAST: Pace = Pace {
        name: "fast",
        words_per_minute: 300.0,
        seconds_per_line: 0.3,
        seconds_to_decide: 2.0,
    };

    /// A player who reads every word: 200 words a minute (an adult's
    /// reading of fiction on screen), half a second to go on, five seconds
    /// to decide. The playthrough lengths of the report are at this pace.
    pub const TYPICAL: Pace = Pace {
        name: "typical",
        words_per_minute: 200.0,
        seconds_per_line: 0.5,
        seconds_to_decide: 5.0,
    };

    /// A player who lingers: 130 words a minute (reading in a second
    /// language, or savouring), a second and a half to go on, twelve seconds
    /// to decide.
    pub const SLOW: Pace = Pace {
        name: "slow",
        words_per_minute: 130.0,
        seconds_per_line: 1.5,
        seconds_to_decide: 12.0,
    };

    /// The paces the explorer reads at, fastest first.
    pub const ALL: [Pace; 3] = [Pace::FAST, Pace::TYPICAL, Pace::SLOW];

    /// Seconds to read `words` words.
    pub fn reading(&self, words: usize) -> f32 {
        words as f32 * 60.0 / self.words_per_minute
    }

    /// Seconds a line of `words` words is on screen.
    pub fn line(&self, words: usize) -> f32 {
        self.reading(words) + self.seconds_per_line
    }

    /// Seconds until an option is taken at a decision of `words` words
    /// (prompt and options); with a countdown of `left` seconds, before it
    /// ends.
    pub fn decision(&self, words: usize, left: Option<f32>) -> f32 {
        let wanted = self.reading(words) + self.seconds_to_decide;
        match left {
            Some(left) => wanted.min(left * DECIDE_WITHIN),
            None => wanted,
        }
    }
}

/// The words of `text`: runs of characters between spaces that hold a
/// letter or a digit (a dash or an ellipsis alone is no word).
pub fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// The words of `text` in `lang`.
pub fn words_in(text: &LocalizedText, lang: Lang) -> usize {
    words(text.get(lang))
}

/// The words of every text of a library in one language, counted once and
/// looked up by the text's place in the library (which the explorer holds
/// while it plays), so that nothing is counted again at every line.
#[derive(Clone, Debug)]
pub struct WordCounts {
    lang: Lang,
    counts: HashMap<*const LocalizedText, usize>,
}

impl WordCounts {
    /// Counts the texts of `library` in `lang`.
    pub fn of(library: &Library, lang: Lang) -> WordCounts {
        let counts = super::census::texts(library)
            .into_iter()
            .map(|text| (std::ptr::from_ref(text), words_in(text, lang)))
            .collect();
        WordCounts { lang, counts }
    }

    /// The words of `text`.
    pub fn of_text(&self, text: &LocalizedText) -> usize {
        match self.counts.get(&std::ptr::from_ref(text)) {
            Some(&n) => n,
            None => words_in(text, self.lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_without_dashes_and_ellipses() {
        assert_eq!(words("Frau Bram, vierundvierzig. – Petrenko …"), 4);
        assert_eq!(words("  "), 0);
        assert_eq!(words("30 mL/kg"), 2);
    }

    #[test]
    fn two_hundred_words_take_a_minute_at_the_typical_pace() {
        assert_eq!(Pace::TYPICAL.reading(200), 60.0);
        assert_eq!(Pace::TYPICAL.line(20), 6.5);
    }

    #[test]
    fn a_timed_decision_is_made_before_its_countdown_ends() {
        assert_eq!(Pace::SLOW.decision(26, None), 24.0);
        assert_eq!(Pace::SLOW.decision(26, Some(10.0)), 9.0);
        assert_eq!(Pace::FAST.decision(0, Some(10.0)), 2.0);
    }
}
