//! The colour behind the overlay: the wall colour of the room the story is
//! in, a dark night blue on the title screen and the case review. Rooms get drawn properly in
//! the world module; this keeps the place legible until then.

use bevy::prelude::*;

use crate::content::parse_color;
use crate::screen::Screen;
use crate::story::{CurrentBeat, Story};

/// The title screen's background.
const TITLE_BACKGROUND: Color = Color::srgb(0.06, 0.08, 0.12);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(TITLE_BACKGROUND))
        .add_systems(OnEnter(Screen::Title), night_blue)
        .add_systems(OnEnter(Screen::CaseReview), night_blue)
        .add_systems(
            Update,
            room_colour.run_if(in_state(Screen::Playing).and_then(resource_changed::<CurrentBeat>)),
        );
}

fn night_blue(mut clear: ResMut<ClearColor>) {
    clear.0 = TITLE_BACKGROUND;
}

/// The current room's wall colour, dimmed so that the overlay stands out.
fn room_colour(story: Res<Story>, mut clear: ResMut<ClearColor>) {
    let rgb = story.room().and_then(|room| parse_color(&room.color));
    if let Some([r, g, b]) = rgb {
        let colour = Color::srgb_u8(r, g, b).darker(0.25);
        if clear.0 != colour {
            clear.0 = colour;
        }
    }
}
