//! The patient in the game: an entity carrying the case as components,
//! stepped by the simulated clock, treated through [`ApplyIntervention`],
//! announcing its alarms as [`AlarmRaised`].

use bevy::ecs::query::QueryData;
use bevy::prelude::*;

use super::alarms::{Alarm, RaisedAlarms};
use super::case::{Case, Chart, Treatment};
use super::labs::LabResults;
use super::physiology::{Intervention, Physiology, Vitals};
use crate::clock::SimClock;
use crate::screen::Screen;

/// Marks the patient of the case: Frau Bram.
#[derive(Component, Debug, Default)]
pub struct Patient;

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

/// The patient's systems, in this order each frame. Whatever changes the
/// patient itself (the story's effects) runs between the two, so that the
/// alarms it raises are announced in the same frame.
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PatientSystems {
    /// Orders sent as messages are carried out and due minutes pass.
    Step,
    /// The alarms raised since the last frame are announced.
    Alarms,
}

/// The patient's components, to change them together through [`Chart`].
#[derive(QueryData)]
#[query_data(mutable)]
pub struct PatientChart {
    body: &'static mut Physiology,
    vitals: &'static mut Vitals,
    treatment: &'static mut Treatment,
    labs: &'static mut LabResults,
    alarms: &'static mut RaisedAlarms,
}

impl PatientChartItem<'_, '_> {
    /// The components as a chart to give orders on and let time pass.
    pub fn chart(&mut self) -> Chart<'_> {
        Chart {
            body: &mut self.body,
            vitals: &mut self.vitals,
            treatment: &mut self.treatment,
            labs: &mut self.labs,
            alarms: &mut self.alarms,
        }
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<ApplyIntervention>()
        .add_message::<AlarmRaised>()
        .add_systems(Startup, spawn_patient)
        .configure_sets(
            Update,
            (PatientSystems::Step, PatientSystems::Alarms).chain(),
        )
        .add_systems(
            Update,
            (
                (apply_interventions, advance)
                    .chain()
                    .in_set(PatientSystems::Step),
                announce_alarms.in_set(PatientSystems::Alarms),
            ),
        );
}

/// There is one patient in this game; she is there from the start, and a
/// new game gives her a new case.
fn spawn_patient(mut commands: Commands) {
    commands.spawn((Name::new("Frau Bram"), Patient, Case::new()));
}

/// Carries out the orders sent as messages.
fn apply_interventions(
    mut orders: MessageReader<ApplyIntervention>,
    mut patient: Single<PatientChart, With<Patient>>,
) {
    for ApplyIntervention(order) in orders.read() {
        if !patient.chart().order(*order) {
            warn!("the order {order:?} could not be carried out");
        }
    }
}

/// Lets the simulated minutes that are due pass, while a game is played.
fn advance(
    time: Res<Time>,
    screen: Res<State<Screen>>,
    mut clock: ResMut<SimClock>,
    mut patient: Single<PatientChart, With<Patient>>,
) {
    if *screen.get() != Screen::Playing {
        return;
    }
    for _ in 0..clock.tick(time.delta_secs()) {
        patient.chart().step();
    }
}

/// Announces the alarms the patient raised, however time passed.
fn announce_alarms(
    mut patient: Single<&mut RaisedAlarms, With<Patient>>,
    mut raised: MessageWriter<AlarmRaised>,
) {
    if patient.is_empty() {
        return;
    }
    for alarm in patient.take() {
        info!("alarm at minute {}: {:?}", alarm.minute, alarm.alarm);
        raised.write(AlarmRaised {
            alarm: alarm.alarm,
            minute: alarm.minute,
        });
    }
}
