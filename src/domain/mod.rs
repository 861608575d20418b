//! The domain layer: validated value types, enumerations and read models.
//! Pure code: no I/O, no database, no web framework, no clock.

pub mod accounts;
pub mod audit;
pub mod blast;
pub mod causal;
pub mod dates;
pub mod enums;
pub mod passage;
pub mod recommend;
pub mod schema;
pub mod scoring;
pub mod synthetic;
pub mod table;
pub mod text;
pub mod values;
pub mod views;

pub use dates::{PartialDate, check_date_order};
pub use enums::*;
pub use values::*;
