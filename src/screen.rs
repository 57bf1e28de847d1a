//! The screens of the game.

use bevy::prelude::*;

/// Which screen is open.
#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    /// The title screen with its menu.
    #[default]
    Title,
    /// The story is being played.
    Playing,
    /// The case review after an ending.
    CaseReview,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
}
