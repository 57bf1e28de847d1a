//! The browser's side of the game. The page it runs in (`web/index.html`)
//! learns from attributes on its `<body>` what the game shows, for its
//! loading screen and its test:
//!
//! | attribute | values |
//! | --- | --- |
//! | `data-content` | `loading`, `ready`, `broken` |
//! | `data-screen` | `title`, `playing` |
//! | `data-lang` | `de`, `en` |
//! | `data-beat` | `line SCENE.NODE`, `choices SCENE.NODE`, `phase SCENE.NODE`, `ended ENDING`, `nothing` |
//!
//! and settings live in its `localStorage` (see `settings.rs`).

use bevy::prelude::*;

use crate::content::ContentStatus;
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::CurrentBeat;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, publish_to_page);
}

/// The arguments the page's address gives (see [`crate::cli::query_args`]).
pub fn page_arguments() -> Vec<String> {
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    crate::cli::query_args(&query)
}

/// The page's `localStorage`, when the browser allows it (not in every
/// private window).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What the page is told: attribute names and values.
fn page_state(
    status: &ContentStatus,
    screen: Screen,
    settings: &Settings,
    beat: &CurrentBeat,
) -> [(&'static str, String); 4] {
    let content = match status {
        ContentStatus::Loading => "loading",
        ContentStatus::Ready { .. } => "ready",
        ContentStatus::Broken(_) => "broken",
    };
    let screen = match screen {
        Screen::Title => "title",
        Screen::Playing => "playing",
    };
    [
        ("data-content", content.to_owned()),
        ("data-screen", screen.to_owned()),
        ("data-lang", settings.lang.code().to_owned()),
        ("data-beat", beat_summary(beat)),
    ]
}

fn beat_summary(beat: &CurrentBeat) -> String {
    match beat {
        CurrentBeat::Nothing => "nothing".to_owned(),
        CurrentBeat::Line(line) => format!("line {}", line.at),
        CurrentBeat::Choices(choices) => format!("choices {}", choices.at),
        CurrentBeat::Phase(phase) => format!("phase {}", phase.at),
        CurrentBeat::Ended(ended) => format!("ended {}", ended.ending),
    }
}

/// Writes the attributes that changed since the last frame.
fn publish_to_page(
    status: Res<ContentStatus>,
    screen: Res<State<Screen>>,
    settings: Res<Settings>,
    beat: Res<CurrentBeat>,
    mut published: Local<Vec<(&'static str, String)>>,
) {
    let state = page_state(&status, *screen.get(), &settings, &beat);
    if published.as_slice() == state.as_slice() {
        return;
    }
    let Some(body) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    else {
        return;
    };
    for (name, value) in &state {
        if let Err(err) = body.set_attribute(name, value) {
            warn!("cannot tell the page {name}: {err:?}");
        }
    }
    *published = state.to_vec();
}
