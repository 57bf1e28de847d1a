//! The terminal's transcript of a game: how `play --text` writes what the
//! story shows and what happens. Tests print the game's messages through it
//! too, to compare the two drivers line by line.

use std::collections::BTreeMap;
use std::io::{Result, Write};

use super::args::Pick;
use crate::content::{Lang, Library, LocalizedText, Scene, Value};
use crate::patient::{Case, news2};
use crate::story::Notice;

/// Writes a game as text in one language.
pub struct Transcript<'o> {
    out: &'o mut dyn Write,
    lang: Lang,
}

impl<'o> Transcript<'o> {
    /// A transcript into `out` in `lang`.
    pub fn new(out: &'o mut dyn Write, lang: Lang) -> Self {
        Transcript { out, lang }
    }

    /// Where it writes, to ask the player.
    pub fn out(&mut self) -> &mut dyn Write {
        self.out
    }

    /// The patient seed of the game, and how to play it again.
    pub fn seed(&mut self, seed: u64) -> Result<()> {
        writeln!(
            self.out,
            "patient seed: {seed} (`--seed {seed}` plays her again)"
        )
    }

    /// The heading of a scene the story enters.
    pub fn scene(&mut self, scene: &Scene) -> Result<()> {
        writeln!(self.out, "\n== {} ==", scene.def.title.get(self.lang))
    }

    /// `Speaker: text`, or the text alone for narration.
    pub fn say(
        &mut self,
        library: &Library,
        speaker: Option<&str>,
        text: &LocalizedText,
    ) -> Result<()> {
        let lang = self.lang;
        match speaker {
            Some(id) => writeln!(
                self.out,
                "{}: {}",
                library.character_name(id, lang),
                text.get(lang)
            ),
            None => writeln!(self.out, "{}", text.get(lang)),
        }
    }

    /// The options of a choice, numbered, and its countdown if it has one.
    pub fn options<'t>(
        &mut self,
        options: impl IntoIterator<Item = &'t LocalizedText>,
        seconds: Option<f32>,
    ) -> Result<()> {
        for (i, text) in options.into_iter().enumerate() {
            writeln!(self.out, "  {}) {}", i + 1, text.get(self.lang))?;
        }
        match seconds {
            Some(seconds) => writeln!(self.out, "  [{seconds} s; `timeout` lets the time run out]"),
            None => Ok(()),
        }
    }

    /// A decision given in advance, as `> 2`.
    pub fn decision(&mut self, pick: Pick) -> Result<()> {
        writeln!(self.out, "> {pick}")
    }

    /// The beginning of a phase of an operation.
    pub fn phase(&mut self, name: &LocalizedText, minutes: u32) -> Result<()> {
        writeln!(self.out, "[{}: {minutes} min]", name.get(self.lang))
    }

    /// The patient's vitals as one line.
    pub fn vitals(&mut self, case: &Case) -> Result<()> {
        let v = case.body.vitals();
        writeln!(
            self.out,
            "vitals: map={:.0} hr={:.0} spo2={:.0} rr={:.0} temp={:.1} lactate={:.1} news2={}",
            v.map,
            v.hr,
            v.spo2,
            v.rr,
            v.temp,
            v.lactate,
            news2(&v).total
        )
    }

    /// An alarm or a change of relationship; a timer running out shows as
    /// the decision `timeout` already, and an interrupt as its line.
    pub fn notice(&mut self, notice: &Notice) -> Result<()> {
        match notice {
            Notice::Alarm(raised) => writeln!(
                self.out,
                "alarm: {} (minute {})",
                raised.alarm.name(),
                raised.minute
            ),
            Notice::Relationship(change) => {
                writeln!(self.out, "relationship: {} {:+}", change.id, change.delta)
            }
            Notice::Expired { .. } | Notice::Interrupted { .. } => Ok(()),
        }
    }

    /// The ending, the estimated outcome and the story's variables.
    pub fn end(
        &mut self,
        ending: &str,
        case: &Case,
        variables: &BTreeMap<String, Value>,
    ) -> Result<()> {
        writeln!(self.out, "\nending: {ending}")?;
        writeln!(self.out, "outcome: {:.3}", case.outcome())?;
        for (name, value) in variables {
            writeln!(self.out, "{name} = {value}")?;
        }
        Ok(())
    }
}
