//! The dialogue box: the speaker's name in their colour, the line typed out,
//! choices numbered 1–9 with a countdown bar, and the end of the story.
//!
//! One system gathers what the box reads ([`Shown`]) and what it may write
//! ([`Answers`]), and hands the beat on screen to its own function: a line
//! ([`line`]), a phase under way ([`phase`]), a choice ([`choices`]) or the
//! end ([`ended`]). The keys come as intents from [`super::input`].

mod choices;
mod ended;
mod frame;
mod line;
mod phase;
mod place;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::input::{Intent, Intents};
use super::menu::Menu;
use crate::content::{ContentStatus, Lang, Library, NodeRef, Scene};
use crate::pacing::Motion;
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::{Advance, ChoiceMade, CurrentBeat, ShowLine, Story};

/// The widest the dialogue box grows, in points.
const BOX_WIDTH: f32 = 1100.0;
/// The dialogue box's height, in points.
pub(super) const BOX_HEIGHT: f32 = 190.0;
/// The gap below the dialogue box, in points.
pub(super) const BOX_BOTTOM: f32 = 24.0;
/// How far above the window's bottom the dialogue box reaches, in points:
/// taller while a choice is open. Notices keep above it.
#[derive(Resource, Debug)]
pub(super) struct BoxTop(pub f32);

/// The dialogue box's width on a screen this large.
pub(super) fn box_width(screen: egui::Rect) -> f32 {
    (screen.width() - 48.0).min(BOX_WIDTH)
}

impl Default for BoxTop {
    fn default() -> Self {
        Self(BOX_BOTTOM + BOX_HEIGHT)
    }
}

/// The most seconds of typing one frame counts.
const MAX_TYPING_STEP: f32 = 0.1;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Typewriter>()
        .init_resource::<BoxTop>()
        .add_systems(
            OnExit(Screen::Playing),
            |mut typewriter: ResMut<Typewriter>| {
                *typewriter = Typewriter::default();
            },
        )
        .add_systems(
            EguiPrimaryContextPass,
            dialogue_box.run_if(in_state(Screen::Playing)),
        );
}

/// How much of the current line is typed out, which option the keyboard
/// has highlighted, and the last line, which stays in the box under a
/// choice that asks no question of its own.
#[derive(Resource, Default)]
struct Typewriter {
    at: Option<NodeRef>,
    chars: f32,
    highlighted: usize,
    last_line: Option<ShowLine>,
    /// Whether the options' medical hints are shown (H toggles).
    hints: bool,
}

impl Typewriter {
    /// Starts over when the story moved to another node.
    fn follow(&mut self, at: &NodeRef) {
        if self.at.as_ref() != Some(at) {
            self.at = Some(at.clone());
            self.chars = 0.0;
            self.highlighted = 0;
        }
    }
}

/// What the dialogue box reads: the story's beat and countdown, the
/// player's settings, what may cover the box, and the keys and buttons
/// pressed.
#[derive(SystemParam)]
struct Shown<'w> {
    beat: Res<'w, CurrentBeat>,
    story: Res<'w, Story>,
    settings: Res<'w, Settings>,
    menu: Res<'w, Menu>,
    status: Res<'w, ContentStatus>,
    time: Res<'w, Time<Real>>,
    intents: ResMut<'w, Intents>,
}

impl Shown<'_> {
    /// Whether input counts: nothing covers the box, no menu page, no
    /// error panel.
    fn live(&self) -> bool {
        !self.menu.is_open() && self.status.library().is_some() && self.story.fault().is_none()
    }

    /// The intents of this frame, taken while the box is live.
    fn take_intents(&mut self) -> Vec<Intent> {
        if self.live() {
            self.intents.take()
        } else {
            Vec::new()
        }
    }

    /// What every beat's box is drawn with this frame, answering
    /// `intents`; none until the story has its library.
    fn view<'a>(&'a self, ctx: &'a egui::Context, intents: Vec<Intent>) -> Option<View<'a>> {
        let library = self.story.library()?;
        let screen = ctx.content_rect();
        // A long frame (the first after the game slept) types no more than
        // a short one; with motion reduced, a line shows whole at once.
        let step = self.time.delta_secs().min(MAX_TYPING_STEP);
        let typing = if self.settings.reduced_motion {
            f32::INFINITY
        } else {
            step * self.settings.text_speed
        };
        Some(View {
            ctx,
            story: &self.story,
            library,
            scene: self.story.scene(),
            lang: self.settings.lang,
            live: self.live(),
            paused: self.menu.is_open(),
            screen,
            width: box_width(screen),
            intents,
            typing,
        })
    }
}

/// What the dialogue box writes: the player's answers to the story, the
/// way back to the title screen, and that the box is moving.
#[derive(SystemParam)]
struct Answers<'w> {
    advance: MessageWriter<'w, Advance>,
    choose: MessageWriter<'w, ChoiceMade>,
    screen: ResMut<'w, NextState<Screen>>,
    motion: ResMut<'w, Motion>,
}

/// What every beat's box is drawn with this frame.
struct View<'a> {
    ctx: &'a egui::Context,
    story: &'a Story,
    library: &'a Library,
    /// The scene being played.
    scene: Option<&'a Scene>,
    lang: Lang,
    /// Whether the player's clicks count: nothing covers the box.
    live: bool,
    /// Whether a menu page is open: nothing types or moves.
    paused: bool,
    /// The window's inside.
    screen: egui::Rect,
    /// The box's width.
    width: f32,
    /// The keys and buttons pressed this frame while live.
    intents: Vec<Intent>,
    /// How many characters of a line type out this frame unless paused.
    typing: f32,
}

impl View<'_> {
    /// Whether `response` was clicked while clicks count.
    fn clicked(&self, response: &egui::Response) -> bool {
        self.live && response.clicked()
    }
}

/// Draws the beat on screen and the place card, and writes what the player
/// answers.
fn dialogue_box(
    mut contexts: EguiContexts,
    mut shown: Shown,
    mut typewriter: ResMut<Typewriter>,
    mut box_top: ResMut<BoxTop>,
    mut answers: Answers,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    box_top.0 = BOX_BOTTOM + BOX_HEIGHT;
    let intents = shown.take_intents();
    let Some(view) = shown.view(ctx, intents) else {
        return Ok(());
    };
    place::place_card(&view);
    match &*shown.beat {
        CurrentBeat::Nothing => {}
        CurrentBeat::Line(line) => line::line_box(&view, line, &mut typewriter, &mut answers),
        CurrentBeat::Phase(phase) => phase::phase_box(&view, phase, &mut typewriter, &mut answers),
        CurrentBeat::Choices(show) => {
            let countdown = shown.story.countdown();
            box_top.0 = choices::choice_box(&view, show, countdown, &mut typewriter, &mut answers);
        }
        CurrentBeat::Ended(ended) => ended::end_box(&view, ended, &mut answers),
    }
    Ok(())
}
