//! The built-in seed pack (`seeds/` at build time), embedded in the binary so that `serve`
//! and `seed` work from any working directory. A test checks this list matches `seeds/`.

use super::error::PackError;
use super::load::{LoadedPack, load_files};

/// Pack files of the seed, as (path shown in messages, content).
pub const SEED_PACK_FILES: &[(&str, &str)] = &[(
    "seeds/mimecast-solarwinds-2021.toml",
    include_str!("../../../seeds/mimecast-solarwinds-2021.toml"),
)];

/// Text files the seed's sources point to with `text_file`.
pub const SEED_TEXT_FILES: &[(&str, &str)] = &[(
    "seeds/sources/mimecast-solarwinds-2021-fr.txt",
    include_str!("../../../seeds/sources/mimecast-solarwinds-2021-fr.txt"),
)];

/// Loads the embedded seed pack.
pub fn seed_pack() -> Result<LoadedPack, PackError> {
    let files = SEED_PACK_FILES
        .iter()
        .map(|(path, content)| ((*path).to_owned(), (*content).to_owned()))
        .collect();
    load_files(files, |path| {
        SEED_TEXT_FILES
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, text)| (*text).to_owned())
            .ok_or_else(|| "not embedded in the binary (add it to SEED_TEXT_FILES)".to_owned())
    })
}
