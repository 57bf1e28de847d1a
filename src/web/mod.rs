//! The browser's side of the game. The page it runs in (`web/index.html`)
//! learns from attributes on its `<body>` what the game shows, for its
//! loading screen and its test:
//!
//! | attribute | values |
//! | --- | --- |
//! | `data-content` | `loading`, `ready`, `broken` |
//! | `data-screen` | `title`, `playing`, `review` |
//! | `data-lang` | `de`, `en` |
//! | `data-beat` | `line SCENE.NODE`, `choices SCENE.NODE OPTION,OPTION…` (the options offered), `phase SCENE.NODE`, `ended ENDING`, `nothing` |
//! | `data-page` | the menu page on top: `pause`, `settings`, `save`, `load`, `history`, `flowchart`, `chapters`, or `none` |
//!
//! and settings live in its `localStorage` (see `settings/store.rs`). When
//! the browser leaves the whole screen by itself (Escape), the setting
//! follows.

mod files;

use bevy::prelude::*;

use crate::cli::{Command, parse_args, query_args};
use crate::content::ContentStatus;
use crate::screen::Screen;
use crate::settings::{ChangeSetting, Setting, Settings};
use crate::story::CurrentBeat;
use crate::ui::menu::{Menu, Page};

pub use files::{download, pick_file, take_picked};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, (publish_to_page, follow_leaving_fullscreen));
}

/// What the page's address asks for, read as a command line (see
/// [`crate::cli::query_args`]). In the browser the game is always played:
/// options it cannot follow (a mistake, a link's tracking parameters,
/// `?check`) are left out, and the page is told why in `data-note`, which
/// its loader writes to the console.
pub fn page_command() -> Command {
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let unused = match parse_args(query_args(&query)) {
        Ok(play @ Command::Play { .. }) => return play,
        Ok(_) => "the browser can only play the game".to_owned(),
        Err(err) => err,
    };
    note_on_page(&format!(
        "famulant: the address's options are ignored: {unused}"
    ));
    Command::Play {
        scenes: None,
        lang: None,
        autostart: false,
        start: None,
        seed: None,
        measure_frames: None,
        mods: None,
    }
}

/// Sets `data-note` on the page's `<body>`.
fn note_on_page(note: &str) {
    if let Some(body) = page_body() {
        let _ = body.set_attribute("data-note", note);
    }
}

/// The page's `<body>`.
fn page_body() -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.body()
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
    menu: &Menu,
) -> [(&'static str, String); 5] {
    let content = match status {
        ContentStatus::Loading => "loading",
        ContentStatus::Ready { .. } => "ready",
        ContentStatus::Broken(_) => "broken",
    };
    let screen = match screen {
        Screen::Title => "title",
        Screen::Playing => "playing",
        Screen::CaseReview => "review",
    };
    [
        ("data-content", content.to_owned()),
        ("data-screen", screen.to_owned()),
        ("data-lang", settings.lang.code().to_owned()),
        ("data-beat", beat_summary(beat)),
        ("data-page", page_name(menu.top()).to_owned()),
    ]
}

/// The menu page on top as the page is told it.
fn page_name(page: Option<Page>) -> &'static str {
    match page {
        None => "none",
        Some(Page::Pause) => "pause",
        Some(Page::Settings) => "settings",
        Some(Page::Save) => "save",
        Some(Page::Load) => "load",
        Some(Page::History) => "history",
        Some(Page::Flowchart) => "flowchart",
        Some(Page::Chapters) => "chapters",
        Some(Page::Mods) => "mods",
    }
}

fn beat_summary(beat: &CurrentBeat) -> String {
    match beat {
        CurrentBeat::Nothing => "nothing".to_owned(),
        CurrentBeat::Line(line) => format!("line {}", line.at),
        CurrentBeat::Choices(choices) => {
            let ids: Vec<&str> = choices.options.iter().map(|o| o.id.as_str()).collect();
            format!("choices {} {}", choices.at, ids.join(","))
        }
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
    menu: Res<Menu>,
    mut published: Local<Vec<(&'static str, String)>>,
) {
    let state = page_state(&status, *screen.get(), &settings, &beat, &menu);
    if published.as_slice() == state.as_slice() {
        return;
    }
    let Some(body) = page_body() else {
        return;
    };
    for (name, value) in &state {
        if let Err(err) = body.set_attribute(name, value) {
            warn!("cannot tell the page {name}: {err:?}");
        }
    }
    *published = state.to_vec();
}

/// The browser left the whole screen by itself (its Escape): the setting
/// follows, so that the next F11 or click on it asks for it again.
fn follow_leaving_fullscreen(
    settings: Res<Settings>,
    mut was_fullscreen: Local<bool>,
    mut changes: MessageWriter<ChangeSetting>,
) {
    let fullscreen = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.fullscreen_element())
        .is_some();
    if *was_fullscreen && !fullscreen && settings.fullscreen {
        changes.write(ChangeSetting(Setting::Fullscreen(false)));
    }
    *was_fullscreen = fullscreen;
}
