//! The egui overlay: title screen, dialogue box, choices and timers, the
//! menu's pages (pause, settings), the case review after an ending and the
//! list of content problems, and the keys and gamepad buttons they answer
//! to. It reads state and writes
//! messages; it decides nothing.

mod backdrop;
mod chapters;
mod dialogue;
mod flowchart;
mod fullscreen;
mod history;
pub(crate) mod input;
pub(crate) mod menu;
mod mods;
mod monitor;
mod notices;
mod page;
mod pause;
mod portrait;
mod problems;
mod quick_menu;
mod review;
mod save_news;
mod saves;
mod settings_page;
mod shortcuts;
mod strings;
mod style;
mod theatre;
mod theme;
mod title;
mod transition;
mod waveform;

pub(crate) use fullscreen::window_mode;

use bevy::prelude::*;
use bevy_egui::EguiPlugin;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .add_plugins((
            style::plugin,
            input::plugin,
            menu::plugin,
            fullscreen::plugin,
            backdrop::plugin,
            title::plugin,
            dialogue::plugin,
            monitor::plugin,
            notices::plugin,
            pause::plugin,
            settings_page::plugin,
            problems::plugin,
            theatre::plugin,
            transition::plugin,
        ))
        .add_plugins((
            saves::plugin,
            history::plugin,
            shortcuts::plugin,
            save_news::plugin,
            quick_menu::plugin,
            review::plugin,
            flowchart::plugin,
            chapters::plugin,
            mods::plugin,
        ));
}
