//! Playing in the terminal, as writers and tests need: lines printed as
//! `Speaker: text`, options numbered, decisions read from a list or typed,
//! the patient's vitals after each decision and the outcome at the end.

use std::collections::VecDeque;
use std::io::{BufRead, Write};
use std::sync::Arc;

use super::args::Pick;
use super::transcript::Transcript;
use crate::content::{Lang, Library, MonitorView, NodeRef};
use crate::settings::TimerMode;
use crate::story::{Beat, Session};

/// Which game text play begins.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextGame {
    /// The story: a mod's own, by the mod's id, or the main story (none).
    pub story: Option<String>,
    /// The patient seed, printed first; none for the reference patient.
    pub seed: Option<u64>,
}

/// Plays `game`'s story from its start to an end, with the patient of its
/// seed (printed first, so that the game can be played again) or, without
/// one, the reference patient.
///
/// Decisions come from `picks` first, then from `input` line by line; when
/// both are used up the first option is taken. `echo` repeats decisions read
/// from `input` (when it is not a terminal, which echoes them itself). The
/// player reads at once; letting a timer run out lets its seconds pass for
/// the patient. Returns the session at its end.
pub fn play_text(
    library: Arc<Library>,
    lang: Lang,
    picks: &[Pick],
    game: &TextGame,
    input: &mut dyn BufRead,
    echo: bool,
    out: &mut dyn Write,
) -> Result<Session, String> {
    let mut player = Player {
        picks: picks.iter().copied().collect(),
        input,
        input_open: true,
        echo,
    };
    let mut transcript = Transcript::new(out, lang);
    if let Some(seed) = game.seed {
        transcript.seed(seed).map_err(io)?;
    }
    let story = game.story.as_deref();
    let begun = Session::of_story(library, story, TimerMode::Normal, game.seed);
    let mut session = begun.map_err(|e| e.to_string())?;
    let mut scene = String::new();
    loop {
        for notice in session.take_notices() {
            transcript.notice(&notice, session.library()).map_err(io)?;
        }
        if session.story().cursor.scene != scene {
            scene = session.story().cursor.scene.clone();
            if let Some(s) = session.scene() {
                transcript.scene(s).map_err(io)?;
            }
        }
        let Some(next) = show(&session, &mut transcript, &mut player)? else {
            return Ok(session);
        };
        let before = session.story().cursor.clone();
        match &next {
            Next::Advance | Next::FinishPhase => session.advance(),
            Next::Choose(at, option) => session.choose(at, option),
            Next::LetTimeRunOut => session.let_time_run_out(),
        }
        .map_err(|e| e.to_string())?;
        let decided = matches!(next, Next::Choose(..) | Next::LetTimeRunOut);
        let left_the_phase = matches!(next, Next::FinishPhase) && session.story().cursor != before;
        // Her vitals once she is there: at a scene with her monitor.
        let at_her_monitor = session
            .scene()
            .is_some_and(|s| s.def.monitor != MonitorView::None);
        if (decided || left_the_phase) && at_her_monitor {
            transcript.vitals(session.case()).map_err(io)?;
        }
    }
}

/// Where the decisions come from.
struct Player<'i> {
    picks: VecDeque<Pick>,
    input: &'i mut dyn BufRead,
    input_open: bool,
    echo: bool,
}

impl Player<'_> {
    /// The next decision among `offered` options, from the list or typed.
    fn pick(&mut self, transcript: &mut Transcript, offered: usize) -> Result<Pick, String> {
        if let Some(pick) = self.picks.pop_front() {
            transcript.decision(pick).map_err(io)?;
            return Ok(pick);
        }
        let pick = read_pick(self.input, transcript.out(), &mut self.input_open, offered)?;
        if self.echo {
            writeln!(transcript.out(), "{pick}").map_err(io)?;
        }
        Ok(pick)
    }
}

/// What the player does at a beat.
enum Next {
    /// Reads on.
    Advance,
    /// Takes an option of the choice.
    Choose(NodeRef, String),
    /// Lets the choice's time run out.
    LetTimeRunOut,
    /// Lets the phase's minutes run.
    FinishPhase,
}

/// Writes the beat and asks the player what to do; none at the end.
fn show(
    session: &Session,
    transcript: &mut Transcript,
    player: &mut Player,
) -> Result<Option<Next>, String> {
    let library = session.library();
    Ok(Some(match session.beat().map_err(|e| e.to_string())? {
        Beat::Line { speaker, text, .. } => {
            transcript.say(library, speaker, text).map_err(io)?;
            Next::Advance
        }
        Beat::Choice {
            at,
            speaker,
            prompt,
            options,
            timer,
        } => {
            if let Some(prompt) = prompt {
                transcript.say(library, speaker, prompt).map_err(io)?;
            }
            let seconds = timer.map(|t| t.seconds);
            transcript
                .options(options.iter().map(|o| &o.text), seconds)
                .map_err(io)?;
            let pick = player.pick(transcript, options.len())?;
            let chosen = match (pick, timer) {
                (Pick::Timeout, Some(_)) => None,
                (Pick::Timeout, None) => Some(0),
                (Pick::Last, _) => Some(options.len().saturating_sub(1)),
                (Pick::Number(n), _) if n <= options.len() => Some(n - 1),
                (Pick::Number(n), _) => {
                    return Err(format!(
                        "choice {n} at {at} is out of range: {} options are offered",
                        options.len()
                    ));
                }
            };
            match chosen.and_then(|i| options.get(i)) {
                Some(option) => Next::Choose(at, option.id.clone()),
                None => Next::LetTimeRunOut,
            }
        }
        Beat::Phase {
            phase,
            speaker,
            text,
            left,
            ..
        } => {
            if left == phase.minutes {
                transcript.phase(&phase.name, phase.minutes).map_err(io)?;
                if let Some(text) = text {
                    transcript.say(library, speaker, text).map_err(io)?;
                }
            }
            Next::FinishPhase
        }
        Beat::End { ending, .. } => {
            let variables = &session.story().variables;
            transcript
                .end(ending, session.case(), variables)
                .map_err(io)?;
            return Ok(None);
        }
    }))
}

fn io(err: std::io::Error) -> String {
    err.to_string()
}

/// Reads a decision typed by the player; the first option once input ends.
fn read_pick(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    open: &mut bool,
    offered: usize,
) -> Result<Pick, String> {
    while *open {
        write!(out, "> ").map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
        let mut line = String::new();
        if input.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
            *open = false;
            write!(out, "(end of input) ").map_err(|e| e.to_string())?;
            break;
        }
        match Pick::parse(&line) {
            Ok(Pick::Number(n)) if n > offered => {
                writeln!(out, "please enter a number from 1 to {offered}")
                    .map_err(|e| e.to_string())?;
            }
            Ok(pick) => return Ok(pick),
            Err(err) => writeln!(out, "{err}").map_err(|e| e.to_string())?,
        }
    }
    Ok(Pick::Number(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Value;
    use crate::content::fixtures::{SCENE, compile_scene};
    use crate::story::StoryState;

    fn play(picks: &[Pick], stdin: &str) -> (String, StoryState) {
        play_scene(SCENE, picks, stdin)
    }

    /// The test story at the bedside: her monitor is there.
    fn at_the_bedside() -> String {
        SCENE.replace(
            r#"room: "office","#,
            r#"room: "office", monitor: "bedside","#,
        )
    }

    fn play_scene(scene: &str, picks: &[Pick], stdin: &str) -> (String, StoryState) {
        let library = Arc::new(compile_scene(scene).library.unwrap());
        let mut out = Vec::new();
        let state = play_text(
            library,
            Lang::De,
            picks,
            &TextGame::default(),
            &mut stdin.as_bytes(),
            true,
            &mut out,
        )
        .unwrap();
        (String::from_utf8(out).unwrap(), state.story().clone())
    }

    #[test]
    fn prints_lines_options_ending_and_variables() {
        let (out, _) = play_scene(&at_the_bedside(), &[Pick::Number(1)], "");
        assert!(out.contains("Roland: Guten Morgen.\n"), "{out}");
        assert!(out.contains("  1) Grüßen\n  2) Murmeln\n"), "{out}");
        assert!(out.contains("Vladi: Mutig."), "{out}");
        let vitals = "> 1\nvitals: map=67 hr=121 spo2=95 rr=23 temp=39.0 lactate=4.1 news2=8\n";
        assert!(out.contains(vitals), "{out}");
        // No antibiotics, no operation: the estimate counts both delays.
        let end = "ending: good_start\noutcome: 0.350\nbrave = true\ntrust = 2\n";
        assert!(out.ends_with(end), "{out}");
    }

    #[test]
    fn her_vitals_are_printed_only_where_her_monitor_is() {
        let (out, _) = play(&[Pick::Number(1)], "");
        assert!(!out.contains("vitals:"), "not in the office: {out}");
    }

    #[test]
    fn timeout_and_last_follow_the_declared_outcomes() {
        let (_, state) = play(&[Pick::Timeout], "");
        assert_eq!(state.var("trust"), Value::Int(-1));
        assert!(state.choice_log[0].timed_out);
        let (_, state) = play(&[Pick::Last], "");
        assert_eq!(
            state.var("trust"),
            Value::Int(-1),
            "`last` offered is `mumble`"
        );
    }

    #[test]
    fn input_is_read_when_the_list_is_used_up_and_bad_input_is_asked_again() {
        let (out, state) = play(&[], "7\nfoo\n2\n");
        assert!(out.contains("please enter a number from 1 to 2"), "{out}");
        assert_eq!(state.var("trust"), Value::Int(-1));
        let (_, state) = play(&[], "");
        assert_eq!(
            state.var("trust"),
            Value::Int(2),
            "end of input takes the first option"
        );
    }

    #[test]
    fn a_number_out_of_range_in_the_list_is_an_error() {
        let library = Arc::new(compile_scene(SCENE).library.unwrap());
        let err = play_text(
            library,
            Lang::De,
            &[Pick::Number(3)],
            &TextGame::default(),
            &mut "".as_bytes(),
            true,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(err.contains("out of range"), "{err}");
    }
}
