//! What became of a save or a load, told for a few seconds at the top of
//! the screen: saved, loaded, moved to a scene's start because the scenes
//! changed, or why it failed.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::strings as s;
use super::style::palette;
use crate::content::Lang;
use crate::pacing::Motion;
use crate::save::{SaveNews, Slot};
use crate::settings::Settings;

/// Seconds good news is shown.
const BRIEF: f32 = 2.5;
/// Seconds a failure or a moved game is shown: long enough to read why.
const LONG: f32 = 8.0;
/// The red of a failure.
const FAILED: Color32 = Color32::from_rgb(236, 110, 96);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<OnScreen>()
        .add_systems(EguiPrimaryContextPass, (take_news, show_news).chain());
}

/// The news on screen, and until when (in real seconds).
#[derive(Resource, Default)]
struct OnScreen(Option<(SaveNews, f32)>);

/// How much the player must see `news`: a failure most, then a save set
/// aside, a game moved to its scene's start, and last what went well.
fn weight(news: &SaveNews) -> u8 {
    match news {
        SaveNews::Failed(_) => 3,
        SaveNews::SetAside(_) => 2,
        SaveNews::Moved(_) => 1,
        SaveNews::Saved(_) | SaveNews::Loaded(_) => 0,
    }
}

/// Takes the weightiest of this frame's news (the latest of equal weight).
fn take_news(
    mut news: MessageReader<SaveNews>,
    mut shown: ResMut<OnScreen>,
    time: Res<Time<Real>>,
) {
    let weightiest = news.read().max_by_key(|news| weight(news));
    if let Some(news) = weightiest {
        let seconds = match news {
            SaveNews::Saved(_) | SaveNews::Loaded(_) => BRIEF,
            _ => LONG,
        };
        shown.0 = Some((news.clone(), time.elapsed_secs() + seconds));
    }
}

/// The news in words.
fn words(news: &SaveNews, lang: Lang) -> String {
    match news {
        SaveNews::Saved(slot) => format!("{} {}", s::SAVED.get(lang), slot_words(*slot, lang)),
        SaveNews::Loaded(slot) => format!("{} {}", s::LOADED.get(lang), slot_words(*slot, lang)),
        SaveNews::Moved(_) => s::SCENES_CHANGED.get(lang).to_owned(),
        SaveNews::SetAside(place) => s::SAVE_SET_ASIDE.get(lang).replace("{}", place),
        SaveNews::Failed(why) => s::SAVE_FAILED.get(lang).replace("{}", why),
    }
}

fn slot_words(slot: Slot, lang: Lang) -> String {
    match slot {
        Slot::Auto => s::AUTOSAVE.get(lang).to_owned(),
        Slot::Quick => s::QUICKSAVE.get(lang).to_owned(),
        Slot::Numbered(n) => format!("{} {n}", s::SLOT.get(lang)),
    }
}

fn show_news(
    mut contexts: EguiContexts,
    mut shown: ResMut<OnScreen>,
    settings: Res<Settings>,
    time: Res<Time<Real>>,
    mut motion: ResMut<Motion>,
) -> Result {
    let Some((news, until)) = &shown.0 else {
        return Ok(());
    };
    if time.elapsed_secs() > *until {
        shown.0 = None;
        return Ok(());
    }
    // Drawn again when it is time for it to go.
    motion.keep_moving();
    let ctx = contexts.ctx_mut()?;
    let look = palette(ctx);
    let failed = matches!(news, SaveNews::Failed(_) | SaveNews::SetAside(_));
    let edge = if failed { FAILED } else { look.accent };
    egui::Area::new(egui::Id::new("save-news"))
        .anchor(Align2::CENTER_TOP, egui::vec2(0.0, 72.0))
        .order(egui::Order::Tooltip)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(look.panel)
                .stroke(egui::Stroke::new(look.outline.width + 1.0, edge))
                .corner_radius(10.0)
                .inner_margin(egui::Margin::symmetric(18, 8))
                .show(ui, |ui| {
                    ui.set_max_width(ctx.content_rect().width() * 0.8);
                    ui.label(RichText::new(words(news, settings.lang)));
                });
        });
    Ok(())
}
