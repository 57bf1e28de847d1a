//! The patient in the game: an entity carrying her [`Case`] as a component,
//! for the monitor and the sound to read. The story session owns the case
//! and the story plugin copies it here whenever it changes; orders from
//! anywhere in the game come as [`ApplyIntervention`], and her alarms go
//! out as [`AlarmRaised`].

use bevy::ecs::component::{Mutable, StorageType};
use bevy::prelude::*;

use super::alarms::Alarm;
use super::case::Case;
use super::physiology::Intervention;

/// Marks the patient of the case: Frau Bram.
#[derive(Component, Debug, Default)]
pub struct Patient;

/// The case is the patient entity's component here, at the ECS edge, so
/// that the rules need no Bevy.
impl Component for Case {
    const STORAGE_TYPE: StorageType = StorageType::Table;
    type Mutability = Mutable;
}

/// A medical order for the patient, from anywhere in the game.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct ApplyIntervention(pub Intervention);

/// A monitor alarm went off: its threshold was crossed.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlarmRaised {
    /// Which alarm.
    pub alarm: Alarm,
    /// The simulated minute it went off.
    pub minute: u32,
}

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<ApplyIntervention>()
        .add_message::<AlarmRaised>()
        .add_systems(Startup, spawn_patient);
}

/// There is one patient in this game; she is there from the start, and the
/// story shows each new game's case on her.
fn spawn_patient(mut commands: Commands) {
    commands.spawn((Name::new("Frau Bram"), Patient, Case::new()));
}
