//! The patient: physiology, clinical scores, the case record and scenarios.

mod case;
mod physiology;
mod scenario;
mod scores;

pub use case::{Case, LabResult};
pub use physiology::{Intervention, Mentation, Physiology, Vitals, WEIGHT_KG};
pub use scenario::{CSV_HEADER, Scenario, ScenarioEvent};
pub use scores::{Labs, News2, News2Band, lrinec, news2, qsofa, septic_shock};
