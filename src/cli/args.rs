//! The command line: `famulant [play] [options]`, `famulant check [DIR]`
//! and the other tools.

use std::path::PathBuf;

use crate::content::{Lang, Target};

/// The usage text printed by `--help` and after a mistake.
pub const USAGE: &str = "\
usage:
  famulant [play] [--scenes DIR] [--mods MODS] [--lang de|en] [--autostart]
                 [--start TARGET] [--seed N] [--measure-frames SECONDS]
      play the game in a window, with the mods of MODS (else the player's:
      see `famulant mods`), as the Mods screen turns them on; TARGET (`@scene` or `@scene.node`) is
      where a new game begins instead, to try out a scene; N (0 to
      18446744073709551615) is the patient seed of new games (else each
      draws one); --measure-frames prints frame times after SECONDS (and
      5 s of warm-up) and quits
  famulant play --text [--scenes DIR] [--mods MODS] [--lang de|en] [--choose LIST]
                       [--seed N] [--story ID]
      play in the terminal; LIST is comma-separated: a number picks that
      option, `last` the last one offered, `timeout` lets a timer run out;
      Frau Bram's physiology comes from seed N (else a random seed, printed
      first, so that the game can be played again); ID plays the story of
      its own that the mod ID brings instead of the main story
  famulant sim SCENARIO.ron [--seed N]
      run the patient model without a window: CSV, one row per minute; the
      reference patient of the clinical notes, or the patient of seed N
  famulant mods [--mods DIR] [--scenes DIR]
      list the mods of DIR, or the player's (mods/ here or beside the
      game, and in the game's data folder, ordered and turned on or off
      by mods.ron there): id, version, name, folder, and on, off or broken
      with its first error
  famulant check [DIR] [--json] [--mods MODS]
      validate the scene files in DIR (default: scenes) and print every
      problem as FILE:LINE:COL; exit code 1 when there are errors; --json
      prints one JSON object a problem instead (file, line, column,
      severity, message, hint), for editors; MODS is a folder of mods
      (each a folder with a mod.ron) laid over the story, in the order
      of their folders' names, for check, explore and play --text
  famulant explore [DIR] [--mods MODS] [--paths N] [--seed N] [--patients N]
                   [--lang de|en]
      play the story in DIR (default: scenes) along every combination of
      choices at three reading paces, for the reference patient and others
      drawn from the seed (8 in all unless --patients says), or N seeded
      random runs a pace, a patient each, where there are more than N paths
      (default 2000); report endings, nodes never reached, dead ends and
      playthrough lengths; exit code 1 on an unreached node or a dead end
  famulant --help | --version";

/// One decision given in advance with `--choose`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The option with this number, from 1.
    Number(usize),
    /// The last option offered.
    Last,
    /// Let the timer run out (the first option on a choice without one).
    Timeout,
}

impl Pick {
    /// Parses one entry of a `--choose` list.
    pub fn parse(text: &str) -> Result<Pick, String> {
        match text.trim() {
            "last" => Ok(Pick::Last),
            "timeout" => Ok(Pick::Timeout),
            number => match number.parse::<usize>() {
                Ok(n) if n >= 1 => Ok(Pick::Number(n)),
                _ => Err(format!(
                    "`{number}` is not a choice: use a number from 1, `last` or `timeout`"
                )),
            },
        }
    }
}

/// As written in a `--choose` list.
impl std::fmt::Display for Pick {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Pick::Number(n) => write!(f, "{n}"),
            Pick::Last => f.write_str("last"),
            Pick::Timeout => f.write_str("timeout"),
        }
    }
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Open the game window.
    Play {
        /// The scenes folder, when not the default.
        scenes: Option<PathBuf>,
        /// The language, when given.
        lang: Option<Lang>,
        /// Skip the title screen and begin a new game at once.
        autostart: bool,
        /// Where a new game begins instead of the manifest's start.
        start: Option<Target>,
        /// The patient seed of every new game, when given.
        seed: Option<u64>,
        /// Measure frame times for this many seconds and quit.
        measure_frames: Option<f32>,
        /// The folder of mods, when not the player's.
        mods: Option<PathBuf>,
    },
    /// Play in the terminal.
    PlayText {
        /// The scenes folder, when not the default.
        scenes: Option<PathBuf>,
        /// The folder of mods to lay over the story, if any.
        mods: Option<PathBuf>,
        /// The language.
        lang: Lang,
        /// Decisions given in advance.
        choose: Vec<Pick>,
        /// The patient seed, when given.
        seed: Option<u64>,
        /// The mod whose story of its own is played; the main story when
        /// none.
        story: Option<String>,
    },
    /// Validate scene files.
    Check {
        /// The folder holding `index.ron`.
        dir: PathBuf,
        /// The folder of mods to check laid over the story, if any.
        mods: Option<PathBuf>,
        /// One JSON object a diagnostic instead of text.
        json: bool,
    },
    /// List the mods (the player's, or those of a folder) and whether
    /// each can be laid on.
    Mods {
        /// The folder holding `index.ron`.
        scenes: PathBuf,
        /// The folder of mods; the player's mods when not given.
        mods: Option<PathBuf>,
    },
    /// Play every path of a story and report.
    Explore {
        /// The folder holding `index.ron`.
        dir: PathBuf,
        /// The folder of mods to lay over the story, if any.
        mods: Option<PathBuf>,
        /// The most paths walked one by one; as many random runs beyond.
        paths: usize,
        /// The seed of the random runs and the patients.
        seed: u64,
        /// How many patients each path is played for.
        patients: usize,
        /// The language read.
        lang: Lang,
    },
    /// Run a patient scenario and print CSV.
    Sim {
        /// The scenario file.
        scenario: PathBuf,
        /// The patient seed; without one, the reference patient.
        seed: Option<u64>,
    },
    /// Print the usage.
    Help,
    /// Print the version.
    Version,
}

/// The arguments a web page's query stands for: `?lang=en&autostart&
/// start=@ch2_emergency` is `--lang en --autostart --start @ch2_emergency`,
/// so that the browser version is started as the command line starts the
/// desktop one. `%XX` and `+` are decoded.
pub fn query_args(query: &str) -> Vec<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut args = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = match pair.split_once('=') {
            Some((key, value)) => (key, Some(value)),
            None => (pair, None),
        };
        args.push(format!("--{}", url_decoded(key)));
        args.extend(value.map(url_decoded));
    }
    args
}

/// `text` with `+` as a space and `%XX` as the byte it stands for.
fn url_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[i], escaped) {
            (_, Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (byte, None) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses the arguments after the program name.
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut args = args.into_iter().peekable();
    let sub = args.peek().cloned();
    match sub.as_deref() {
        Some("check") => {
            args.next();
            return check_args(args);
        }
        Some("mods") => {
            args.next();
            return mods_args(args);
        }
        Some("explore") => {
            args.next();
            return explore_args(args);
        }
        Some("sim") => {
            args.next();
            let (mut scenario, mut seed) = (None, None);
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--seed" => seed = Some(parse_seed(args.next())?),
                    _ if scenario.is_none() && !arg.starts_with("--") => {
                        scenario = Some(PathBuf::from(arg));
                    }
                    _ => return Err(format!("unexpected argument `{arg}`")),
                }
            }
            let scenario = scenario.ok_or("`sim` needs a scenario file")?;
            return Ok(Command::Sim { scenario, seed });
        }
        Some("play") => {
            args.next();
        }
        Some("--help" | "-h" | "help") => return Ok(Command::Help),
        Some("--version" | "-V") => return Ok(Command::Version),
        _ => {}
    }
    let (mut scenes, mut lang, mut text, mut autostart, mut choose, mut start) =
        (None, None, false, false, None, None);
    let (mut measure_frames, mut seed, mut mods, mut story) = (None, None, None, None);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("`{name}` needs a value"));
        match arg.as_str() {
            "--scenes" => scenes = Some(PathBuf::from(value("--scenes")?)),
            "--mods" => mods = Some(PathBuf::from(value("--mods")?)),
            "--lang" => {
                let code = value("--lang")?;
                lang = Some(
                    Lang::from_code(&code)
                        .ok_or_else(|| format!("unknown language `{code}`: use de or en"))?,
                );
            }
            "--text" => text = true,
            "--story" => story = Some(value("--story")?),
            "--autostart" => autostart = true,
            "--seed" => seed = Some(parse_seed(args.next())?),
            "--measure-frames" => {
                let text = value("--measure-frames")?;
                let seconds = text
                    .parse::<f32>()
                    .ok()
                    .filter(|s| *s > 0.0 && s.is_finite())
                    .ok_or_else(|| format!("`{text}` is not a number of seconds"))?;
                measure_frames = Some(seconds);
            }
            "--start" => {
                let target = Target::parse(&value("--start")?)?;
                if target.scene.is_none() {
                    return Err("`--start` needs a scene: `@scene` or `@scene.node`".into());
                }
                start = Some(target);
            }
            "--choose" => {
                let list = value("--choose")?;
                choose = Some(
                    list.split(',')
                        .filter(|s| !s.trim().is_empty())
                        .map(Pick::parse)
                        .collect::<Result<Vec<_>, _>>()?,
                );
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if text {
        if autostart || start.is_some() || measure_frames.is_some() {
            return Err(
                "`--autostart`, `--start` and `--measure-frames` are for the window".into(),
            );
        }
        Ok(Command::PlayText {
            scenes,
            mods,
            lang: lang.unwrap_or_default(),
            choose: choose.unwrap_or_default(),
            seed,
            story,
        })
    } else if choose.is_some() || story.is_some() {
        Err("`--choose` and `--story` need `--text`".into())
    } else {
        Ok(Command::Play {
            scenes,
            lang,
            autostart,
            start,
            seed,
            measure_frames,
            mods,
        })
    }
}

/// The arguments of `explore`, after the subcommand.
fn explore_args(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let defaults = crate::story::explore::Options::default();
    let (mut dir, mut seed, mut lang, mut mods) = (None, defaults.seed, defaults.lang, None);
    let (mut paths, mut patients) = (defaults.paths, defaults.patients);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("`{name}` needs a value"));
        match arg.as_str() {
            "--paths" => paths = count(&value("--paths")?, "paths")?,
            "--mods" => mods = Some(PathBuf::from(value("--mods")?)),
            "--patients" => patients = count(&value("--patients")?, "patients")?,
            "--seed" => seed = parse_seed(Some(value("--seed")?))?,
            "--lang" => {
                let code = value("--lang")?;
                lang = Lang::from_code(&code)
                    .ok_or_else(|| format!("unknown language `{code}`: use de or en"))?;
            }
            other if other.starts_with("--") || dir.is_some() => {
                return Err(format!("unexpected argument `{other}`"));
            }
            other => dir = Some(PathBuf::from(other)),
        }
    }
    Ok(Command::Explore {
        dir: dir.unwrap_or_else(|| PathBuf::from("scenes")),
        mods,
        paths,
        seed,
        patients,
        lang,
    })
}

/// `famulant check`'s folder and `--json`, in any order.
fn check_args(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let (mut dir, mut json, mut mods) = (None, false, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--mods" => mods = Some(PathBuf::from(args.next().ok_or("`--mods` needs a folder")?)),
            other if other.starts_with("--") || dir.is_some() => {
                return Err(format!("unexpected argument `{other}`"));
            }
            other => dir = Some(PathBuf::from(other)),
        }
    }
    Ok(Command::Check {
        dir: dir.unwrap_or_else(|| PathBuf::from("scenes")),
        mods,
        json,
    })
}

/// `famulant mods`'s folders: `--mods DIR` (else the player's mods) and
/// `--scenes DIR` (default `scenes`).
fn mods_args(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let (mut scenes, mut mods) = (PathBuf::from("scenes"), None);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("`{name}` needs a folder"))
        };
        match arg.as_str() {
            "--scenes" => scenes = PathBuf::from(value("--scenes")?),
            "--mods" => mods = Some(PathBuf::from(value("--mods")?)),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok(Command::Mods { scenes, mods })
}

/// A count of `what` from 1, as written on the command line.
fn count(text: &str, what: &str) -> Result<usize, String> {
    text.parse::<usize>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{text}` is not a number of {what}"))
}

/// The value of `--seed`: a whole number from 0 to 2⁶⁴ − 1.
fn parse_seed(value: Option<String>) -> Result<u64, String> {
    let text = value.ok_or("`--seed` needs a value")?;
    text.parse()
        .map_err(|_| format!("`{text}` is not a seed: use a whole number from 0"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_query_reads_as_a_command_line() {
        assert_eq!(
            query_args("?lang=en&autostart&start=%40ch2_emergency.e_1"),
            [
                "--lang",
                "en",
                "--autostart",
                "--start",
                "@ch2_emergency.e_1"
            ]
        );
        assert_eq!(query_args(""), Vec::<String>::new());
        assert_eq!(
            query_args("?a=b+c%2"),
            ["--a", "b c%2"],
            "a broken escape stays"
        );
        assert_eq!(
            parse_args(query_args("?lang=en&autostart")),
            Ok(Command::Play {
                scenes: None,
                lang: Some(Lang::En),
                autostart: true,
                start: None,
                seed: None,
                measure_frames: None,
                mods: None,
            })
        );
    }

    fn parse(line: &str) -> Result<Command, String> {
        parse_args(line.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn no_arguments_play_the_game() {
        assert_eq!(
            parse(""),
            Ok(Command::Play {
                scenes: None,
                lang: None,
                autostart: false,
                start: None,
                seed: None,
                measure_frames: None,
                mods: None,
            })
        );
    }

    #[test]
    fn text_play_takes_language_and_choices() {
        assert_eq!(
            parse("play --text --lang en --choose 2,1,timeout,last,3"),
            Ok(Command::PlayText {
                mods: None,
                scenes: None,
                lang: Lang::En,
                choose: vec![
                    Pick::Number(2),
                    Pick::Number(1),
                    Pick::Timeout,
                    Pick::Last,
                    Pick::Number(3)
                ],
                seed: None,
                story: None,
            })
        );
        assert!(matches!(
            parse("play --text --story nachtdienst"),
            Ok(Command::PlayText { story: Some(id), .. }) if id == "nachtdienst"
        ));
        assert!(
            parse("play --story nachtdienst").is_err(),
            "the window's title offers it"
        );
    }

    #[test]
    fn a_seed_names_the_patient_of_text_play_the_window_and_sim() {
        let Ok(Command::PlayText { seed, .. }) = parse("play --text --seed 42 --lang en") else {
            panic!("text play");
        };
        assert_eq!(seed, Some(42));
        let Ok(Command::Play { seed, .. }) = parse("--seed 18446744073709551615") else {
            panic!("the window");
        };
        assert_eq!(seed, Some(u64::MAX));
        for line in ["sim a.ron --seed 7", "sim --seed 7 a.ron"] {
            assert_eq!(
                parse(line),
                Ok(Command::Sim {
                    scenario: PathBuf::from("a.ron"),
                    seed: Some(7)
                }),
                "{line}"
            );
        }
        assert_eq!(
            parse("sim a.ron"),
            Ok(Command::Sim {
                scenario: PathBuf::from("a.ron"),
                seed: None
            }),
            "without a seed, the reference patient"
        );
    }

    #[test]
    fn check_defaults_to_the_scenes_folder() {
        assert_eq!(
            parse("check"),
            Ok(Command::Check {
                mods: None,
                dir: PathBuf::from("scenes"),
                json: false
            })
        );
        assert_eq!(
            parse("check mods/x"),
            Ok(Command::Check {
                mods: None,
                dir: PathBuf::from("mods/x"),
                json: false
            })
        );
        assert_eq!(
            parse("check --json mods/x"),
            Ok(Command::Check {
                mods: None,
                dir: PathBuf::from("mods/x"),
                json: true
            })
        );
        assert!(parse("check a b").is_err());
        assert!(parse("check --jsn").is_err());
    }

    #[test]
    fn explore_defaults_to_the_scenes_folder_and_takes_its_options() {
        assert_eq!(
            parse("explore"),
            Ok(Command::Explore {
                mods: None,
                dir: PathBuf::from("scenes"),
                paths: 2000,
                seed: 1,
                patients: 8,
                lang: Lang::De,
            })
        );
        assert_eq!(
            parse("explore mods/x --paths 50 --seed 9 --patients 2 --lang en"),
            Ok(Command::Explore {
                mods: None,
                dir: PathBuf::from("mods/x"),
                paths: 50,
                seed: 9,
                patients: 2,
                lang: Lang::En,
            })
        );
        assert!(parse("explore --paths 0").unwrap_err().contains("`0`"));
        assert!(parse("explore --patients x").unwrap_err().contains("`x`"));
        assert!(parse("explore a b").unwrap_err().contains("`b`"));
        assert!(parse("explore --seed x").unwrap_err().contains("`x`"));
    }

    #[test]
    fn mistakes_are_explained() {
        assert!(parse("play --lang fr").unwrap_err().contains("fr"));
        assert!(parse("play --text --choose 0").unwrap_err().contains("`0`"));
        assert!(parse("play --choose 1").unwrap_err().contains("--text"));
        assert!(parse("play --bogus").unwrap_err().contains("--bogus"));
        assert!(parse("play --text --seed -1").unwrap_err().contains("`-1`"));
        assert!(parse("play --text --seed").unwrap_err().contains("value"));
        assert!(parse("sim --seed 3").unwrap_err().contains("scenario"));
        assert!(parse("sim a.ron b.ron").unwrap_err().contains("`b.ron`"));
    }

    #[test]
    fn mods_lists_the_players_mods_or_a_folder() {
        assert_eq!(
            parse("mods"),
            Ok(Command::Mods {
                scenes: PathBuf::from("scenes"),
                mods: None
            })
        );
        assert_eq!(
            parse("mods --mods m --scenes s"),
            Ok(Command::Mods {
                scenes: PathBuf::from("s"),
                mods: Some(PathBuf::from("m"))
            })
        );
        assert!(parse("mods --mods").is_err());
        assert!(matches!(
            parse("play --mods m"),
            Ok(Command::Play { mods: Some(dir), .. }) if dir.as_path() == std::path::Path::new("m")
        ));
    }
}
