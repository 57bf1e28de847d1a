//! The patient: physiology, clinical scores, alarms, the case record and
//! scenarios. Plain Rust; the ECS side comes with the patient entity.

mod alarms;
mod case;
mod physiology;
mod scenario;
mod scores;

pub use alarms::{Alarm, crossed};
pub use case::{Case, LabResult};
pub use physiology::{Intervention, Mentation, Physiology, Vitals, WEIGHT_KG};
pub use scenario::{CSV_HEADER, Scenario, ScenarioEvent};
pub use scores::{Labs, News2, News2Band, lrinec, news2, qsofa, septic_shock};
