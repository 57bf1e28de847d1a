//! Which menu page is open over the game or the title: a stack of pages,
//! the top one drawn and answering the keys. Escape (the pad's East) closes
//! the page on top, and while playing with none open opens the pause menu;
//! Start opens it or closes every page. While a page is open during play,
//! the story's clock stands (the patient's too).
//!
//! Each page is drawn by its own system while it is on top
//! ([`Menu::top`]); it takes this frame's intents ([`super::input::Intents`])
//! and keeps its highlight with [`Menu::highlighted`].

use bevy::prelude::*;

use super::input::{Intent, Intents};
use crate::screen::Screen;

/// A menu page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Page {
    /// The pause menu: resume, save, load, settings, history, leave.
    Pause,
    /// The settings screen.
    Settings,
    /// Saving the game in a slot.
    Save,
    /// Loading a saved game.
    Load,
    /// The lines and choices so far.
    History,
    /// The scenes and choices of the story, found and locked.
    Flowchart,
    /// Playing a chapter again from its start.
    Chapters,
    /// The mods found, turned on and off and ordered.
    Mods,
}

/// The menu pages open, the last on top, each with the item its keyboard
/// or pad highlight is on.
#[derive(Resource, Debug, Default)]
pub(crate) struct Menu {
    stack: Vec<(Page, usize)>,
}

impl Menu {
    /// Opens `page` over what is open, its first item highlighted.
    pub(crate) fn open(&mut self, page: Page) {
        self.stack.push((page, 0));
    }

    /// Closes the page on top, and tells which it was.
    pub(crate) fn back(&mut self) -> Option<Page> {
        self.stack.pop().map(|(page, _)| page)
    }

    /// Closes every page.
    pub(crate) fn close(&mut self) {
        self.stack.clear();
    }

    /// Whether any page is open.
    pub(crate) fn is_open(&self) -> bool {
        !self.stack.is_empty()
    }

    /// The page on top, if any.
    pub(crate) fn top(&self) -> Option<Page> {
        self.stack.last().map(|(page, _)| *page)
    }

    /// The item highlighted on the page on top (0 with none open).
    pub(crate) fn highlighted(&self) -> usize {
        self.stack.last().map_or(0, |(_, item)| *item)
    }

    /// Highlights `item` on the page on top.
    pub(crate) fn highlight(&mut self, item: usize) {
        if let Some((_, highlighted)) = self.stack.last_mut() {
            *highlighted = item;
        }
    }

    /// What Back or Pause does: pages close, and while `playing` with
    /// none open the pause menu opens; whether the menu changed.
    fn answer(&mut self, intent: Intent, playing: bool) -> bool {
        match intent {
            Intent::Back if self.is_open() => {
                self.back();
            }
            Intent::Pause if self.is_open() => self.close(),
            Intent::Back | Intent::Pause if playing => self.open(Page::Pause),
            _ => return false,
        }
        true
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Menu>()
        .add_systems(OnExit(Screen::Title), close)
        .add_systems(OnExit(Screen::CaseReview), close)
        .add_systems(OnExit(Screen::Playing), (close, run_story_time).chain())
        .add_systems(
            Update,
            (
                answer_keys,
                stop_story_time
                    .run_if(in_state(Screen::Playing).and_then(resource_changed::<Menu>)),
            )
                .chain(),
        );
}

fn close(mut menu: ResMut<Menu>) {
    menu.close();
}

fn run_story_time(mut time: ResMut<Time<Virtual>>) {
    time.unpause();
}

/// Takes this frame's Back and Pause and opens or closes pages.
fn answer_keys(mut intents: ResMut<Intents>, mut menu: ResMut<Menu>, screen: Res<State<Screen>>) {
    let playing = *screen.get() == Screen::Playing;
    for intent in [Intent::Back, Intent::Pause] {
        if intents.take_one(intent) && menu.bypass_change_detection().answer(intent, playing) {
            menu.set_changed();
        }
    }
}

/// The story's clock stands while a page is open during play.
fn stop_story_time(menu: Res<Menu>, mut time: ResMut<Time<Virtual>>) {
    if menu.is_open() != time.is_paused() {
        if menu.is_open() {
            time.pause();
        } else {
            time.unpause();
        }
    }
}

#[cfg(test)]
mod tests {
    use bevy::state::app::StatesPlugin;

    use super::*;

    #[test]
    fn pages_stack_and_keep_their_highlight() {
        let mut menu = Menu::default();
        assert!(!menu.is_open());
        menu.open(Page::Pause);
        menu.highlight(3);
        menu.open(Page::Settings);
        assert_eq!((menu.top(), menu.highlighted()), (Some(Page::Settings), 0));
        assert_eq!(menu.back(), Some(Page::Settings));
        assert_eq!((menu.top(), menu.highlighted()), (Some(Page::Pause), 3));
        menu.close();
        assert_eq!((menu.top(), menu.back()), (None, None));
    }

    #[test]
    fn back_closes_the_top_page_and_opens_the_pause_menu_only_in_play() {
        let mut menu = Menu::default();
        assert!(!menu.answer(Intent::Back, false), "nothing on the title");
        assert!(menu.answer(Intent::Back, true));
        assert_eq!(menu.top(), Some(Page::Pause));
        menu.open(Page::Settings);
        assert!(menu.answer(Intent::Back, true));
        assert_eq!(menu.top(), Some(Page::Pause));
        assert!(menu.answer(Intent::Back, true));
        assert!(!menu.is_open());
        menu.open(Page::Settings);
        assert!(menu.answer(Intent::Back, false), "settings over the title");
        assert!(!menu.is_open());
    }

    #[test]
    fn start_opens_the_pause_menu_or_closes_every_page() {
        let mut menu = Menu::default();
        assert!(menu.answer(Intent::Pause, true));
        menu.open(Page::Settings);
        assert!(menu.answer(Intent::Pause, true));
        assert!(!menu.is_open());
        assert!(!menu.answer(Intent::Pause, false));
        assert!(!menu.answer(Intent::Confirm, true));
    }

    #[test]
    fn the_story_clock_stands_while_a_page_is_open_in_play() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, StatesPlugin))
            .init_state::<Screen>()
            .init_resource::<Intents>()
            .add_plugins(plugin);
        app.world_mut()
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Playing);
        app.update();
        let paused = |app: &App| app.world().resource::<Time<Virtual>>().is_paused();
        app.world_mut().resource_mut::<Menu>().open(Page::Pause);
        app.update();
        assert!(paused(&app));
        app.world_mut().resource_mut::<Menu>().open(Page::History);
        app.update();
        assert!(paused(&app), "a page over a page");
        app.world_mut()
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Title);
        app.update();
        assert!(!paused(&app), "back on the title");
        assert!(!app.world().resource::<Menu>().is_open());
    }
}
