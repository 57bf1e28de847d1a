//! The case review in the game: the review of the game that ended, worked
//! out when its screen opens, for the overlay to show.

use bevy::prelude::*;

use super::host::Story;
use super::review::Review;
use crate::screen::Screen;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CaseReview>()
        .add_systems(OnEnter(Screen::CaseReview), review_the_game);
}

/// The review on the case review's screen: the game that ended, as it
/// ended; none while no game has ended.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct CaseReview(pub Option<Review>);

/// Reviews the game being played, if its story has ended.
fn review_the_game(story: Res<Story>, mut review: ResMut<CaseReview>) {
    review.0 = story.session().and_then(Review::of);
}
