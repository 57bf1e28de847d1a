//! The patient: physiology, clinical scores, alarms, lab results, the case
//! record and scenarios as plain Rust, and the patient entity that carries
//! them in the game.

mod alarms;
mod case;
mod entity;
mod labs;
mod physiology;
mod scenario;
mod scores;

pub use alarms::{Alarm, RaisedAlarm, RaisedAlarms, active, crossed};
pub use case::{CULTURE_YIELD_AFTER, CULTURE_YIELD_BEFORE, Case, Chart, Treatment};
pub use entity::{AlarmRaised, ApplyIntervention, Patient, PatientChart, PatientSystems};
pub use labs::{LAB_LACTATE_MINUTES, LabResult, LabResults, PANEL_MINUTES, POINT_OF_CARE_MINUTES};
pub use physiology::{Extent, Intervention, Mentation, Physiology, Vitals, WEIGHT_KG};
pub use scenario::{CSV_HEADER, Scenario, ScenarioEvent};
pub use scores::{Labs, News2, News2Band, lrinec, news2, qsofa, septic_shock};

pub(super) use entity::plugin;
