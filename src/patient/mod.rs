//! The patient: physiology and how she varies from game to game, clinical
//! scores, alarms, lab results, the case record and scenarios as plain
//! Rust, and (with the `game` feature) the patient entity that shows her
//! case in the game.

mod alarms;
mod case;
#[cfg(feature = "game")]
mod entity;
mod labs;
mod physiology;
mod scenario;
mod scores;
mod variation;

pub use alarms::{Alarm, RaisedAlarm, RaisedAlarms, active, crossed};
pub use case::{
    CULTURE_YIELD_AFTER, CULTURE_YIELD_BEFORE, Case, ClinicalEvent, ClinicalEvents, Treatment,
};
#[cfg(feature = "game")]
pub use entity::{AlarmRaised, ApplyIntervention, Patient};
pub use labs::{LAB_LACTATE_MINUTES, LabResult, LabResults, PANEL_MINUTES, POINT_OF_CARE_MINUTES};
pub use physiology::{Extent, Intervention, Mentation, Physiology, Vitals, WEIGHT_KG};
pub use scenario::{CSV_HEADER, Scenario, ScenarioEvent};
pub use scores::{Labs, News2, News2Band, lrinec, news2, qsofa, septic_shock};
pub use variation::{Variation, unchosen_seed};

#[cfg(feature = "game")]
pub(super) use entity::plugin;
