//! Knowledge packs: the human-editable TOML format (docs/knowledge-pack.md), loading,
//! all-or-nothing import and deterministic export.

pub mod date;
pub mod embedded;
pub mod error;
pub mod export;
pub mod format;
pub mod import;
pub mod load;
pub mod progress;
pub mod seed;

pub use error::{PackError, PackIssue};
pub use format::PackDocument;
pub use load::{LoadedPack, load_path};
