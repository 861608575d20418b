//! The domain layer: validated value types, enumerations and read models.
//! Pure code: no I/O, no database, no web framework, no clock.

pub mod enums;
pub mod text;
pub mod values;
pub mod views;

pub use enums::*;
pub use values::*;
