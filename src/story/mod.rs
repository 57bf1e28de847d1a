//! The story: the runner over the scene library and the Bevy plugin around it.

mod bedside;
mod driver;
mod messages;
mod runner;
#[cfg(test)]
mod theatre_tests;

use bevy::prelude::*;

pub use bedside::Bedside;
pub use driver::{CurrentBeat, DecisionTimer, StartAt, Story};
pub use messages::{
    Advance, ChoiceMade, DecisionExpired, NewGame, OfferedOption, RelationshipChanged, ShowChoices,
    ShowLine, ShowPhase, StoryEnded,
};
pub use runner::{Beat, ChoiceRecord, RelationshipChange, RunningPhase, StoryError, StoryState};

use crate::patient::{Patient, PatientSystems, Vitals};
use crate::screen::Screen;
use crate::settings::Settings;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ShowLine>()
        .add_message::<ShowChoices>()
        .add_message::<StoryEnded>()
        .add_message::<Advance>()
        .add_message::<ChoiceMade>()
        .add_message::<DecisionExpired>()
        .add_message::<NewGame>()
        .add_message::<ShowPhase>()
        .add_message::<RelationshipChanged>()
        .init_resource::<driver::PhaseRun>()
        .init_resource::<Story>()
        .init_resource::<CurrentBeat>()
        .add_systems(OnEnter(Screen::Playing), driver::reannounce)
        .add_systems(OnExit(Screen::Playing), driver::clear_beat)
        .add_systems(
            Update,
            (
                driver::new_game,
                driver::follow_content,
                (
                    (
                        driver::begin,
                        driver::follow_timer_setting.run_if(resource_changed::<Settings>),
                        driver::apply_input,
                        driver::tick_timer,
                        driver::run_phase,
                    )
                        .chain()
                        .before(PatientSystems::Alarms),
                    (
                        driver::react_to_alarms,
                        driver::refresh_offer
                            .run_if(any_match_filter::<(With<Patient>, Changed<Vitals>)>),
                        driver::announce,
                        driver::hold_clock,
                    )
                        .chain()
                        .after(PatientSystems::Alarms),
                )
                    .chain()
                    .run_if(in_state(Screen::Playing)),
            )
                .chain()
                .after(PatientSystems::Step),
        );
}
