//! The `famulant` command: play in a window, play in the terminal, or check
//! scene files. See `famulant --help`.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use famulant::cli::{
    Command, TextGame, USAGE, check, explore, list_mods, load_story, load_with_players_mods,
    play_text, sim, tell_left_out,
};
use famulant::patient::unchosen_seed;
use famulant::story::explore::Options;
use famulant::{LaunchOptions, default_scenes_dir};

fn main() -> ExitCode {
    let command = match command() {
        Ok(command) => command,
        Err(err) => {
            eprintln!("famulant: {err}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Version => {
            println!("famulant {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Check { dir, mods, json } => {
            match check(&dir, mods.as_deref(), json, &mut std::io::stdout().lock()) {
                Ok(code) => ExitCode::from(code as u8),
                Err(err) => {
                    eprintln!("famulant: {err}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Explore {
            dir,
            mods,
            paths,
            seed,
            patients,
            lang,
        } => {
            let options = Options {
                paths,
                seed,
                patients,
                lang,
                ..Options::default()
            };
            let mut out = std::io::stdout().lock();
            match explore(
                &dir,
                mods.as_deref(),
                &options,
                &mut out,
                &mut std::io::stderr(),
            ) {
                Ok(code) => ExitCode::from(code as u8),
                Err(err) => {
                    eprintln!("famulant: {err}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Mods { scenes, mods } => {
            let shown = scenes.to_string_lossy();
            let modded = match &mods {
                Some(mods) => load_story(&scenes, &shown, Some(mods)),
                None => load_with_players_mods(&scenes, &shown),
            };
            let mut out = std::io::stdout().lock();
            match list_mods(&modded, &mut out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("famulant: {err}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Sim { scenario, seed } => {
            let code = sim(
                &scenario,
                seed,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr(),
            );
            ExitCode::from(code)
        }
        Command::PlayText {
            scenes,
            mods,
            lang,
            choose,
            seed,
            story,
        } => {
            let dir = scenes.unwrap_or_else(default_scenes_dir);
            let modded = load_story(&dir, &dir.to_string_lossy(), mods.as_deref());
            let _ = tell_left_out(&modded, &mut std::io::stderr());
            let compiled = modded.compiled;
            let Some(library) = compiled.library else {
                for diagnostic in &compiled.diagnostics {
                    eprintln!("{diagnostic}");
                }
                return ExitCode::from(1);
            };
            let mut out = std::io::stdout().lock();
            let stdin = std::io::stdin();
            let echo = !stdin.is_terminal();
            match play_text(
                library.into(),
                lang,
                &choose,
                &TextGame {
                    story,
                    seed: Some(seed.unwrap_or_else(|| unchosen_seed(std::process::id()))),
                },
                &mut stdin.lock(),
                echo,
                &mut out,
            ) {
                Ok(_) => {
                    let _ = out.flush();
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    eprintln!("famulant: {err}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Play {
            scenes,
            lang,
            autostart,
            start,
            seed,
            measure_frames,
            mods,
        } => play(LaunchOptions {
            scenes: scenes.unwrap_or_else(default_scenes_dir),
            lang,
            autostart,
            start,
            seed,
            measure_frames,
            mods: mods.map_or_else(famulant::player_mod_folders, |dir| vec![dir]),
        }),
    }
}

/// Opens the game's window and plays.
#[cfg(feature = "game")]
fn play(options: LaunchOptions) -> ExitCode {
    if famulant::run(options).is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Built with the rules alone there is no window to open.
#[cfg(not(feature = "game"))]
fn play(_: LaunchOptions) -> ExitCode {
    eprintln!(
        "famulant: this build has the rules only (built without the `game` feature): \
         `check`, `explore`, `sim` and `play --text` work; build with default features to play in a window"
    );
    ExitCode::from(2)
}

/// What the command line asks for.
#[cfg(not(target_arch = "wasm32"))]
fn command() -> Result<Command, String> {
    famulant::cli::parse_args(std::env::args().skip(1))
}

/// In the browser: what the page's address asks for (see
/// `famulant::page_command`).
#[cfg(target_arch = "wasm32")]
fn command() -> Result<Command, String> {
    Ok(famulant::page_command())
}
