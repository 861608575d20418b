//! The server's secret key, which signs and encrypts session cookies: from configuration
//! (`TRUSTKB_SECRET_KEY`), or generated once and kept beside an embedded SQLite database.

use std::path::{Path, PathBuf};

/// The key: at least [`SecretKey::MIN_BYTES`] bytes of secret material.
#[derive(Clone)]
pub struct SecretKey(Vec<u8>);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// Why no key could be had.
#[derive(Debug, thiserror::Error)]
pub enum SecretKeyError {
    #[error(
        "TRUSTKB_SECRET_KEY is too short: {got} bytes, at least {min} are needed \
         (generate one with `openssl rand -base64 48`)"
    )]
    TooShort { got: usize, min: usize },
    #[error(
        "TRUSTKB_SECRET_KEY is not set: a server on PostgreSQL needs a secret key shared by \
         every app server (generate one with `openssl rand -base64 48`)"
    )]
    Missing,
    #[error("cannot read or create the secret key file {path}: {source}")]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the secret key file {path} holds too short a key; delete it to generate a new one")]
    BadFile { path: PathBuf },
    #[error("no randomness available to generate a secret key: {0}")]
    Random(#[from] getrandom::Error),
}

impl SecretKey {
    /// Shortest key accepted, in bytes.
    pub const MIN_BYTES: usize = 32;

    /// A key given in configuration.
    pub fn from_config(value: &str) -> Result<SecretKey, SecretKeyError> {
        if value.len() < Self::MIN_BYTES {
            return Err(SecretKeyError::TooShort {
                got: value.len(),
                min: Self::MIN_BYTES,
            });
        }
        Ok(SecretKey(value.as_bytes().to_vec()))
    }

    /// A fresh random key (for tests and the embedded default).
    pub fn generate() -> Result<SecretKey, SecretKeyError> {
        Ok(SecretKey(super::random_token(48)?.into_bytes()))
    }

    /// The key kept in `path`, created (readable by its owner only) when the file is missing.
    pub fn load_or_create(path: &Path) -> Result<SecretKey, SecretKeyError> {
        let file_error = |source| SecretKeyError::File {
            path: path.to_owned(),
            source,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let text = text.trim();
                if text.len() < Self::MIN_BYTES {
                    return Err(SecretKeyError::BadFile {
                        path: path.to_owned(),
                    });
                }
                Ok(SecretKey(text.as_bytes().to_vec()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = Self::generate()?;
                match write_private(path, &key.0) {
                    Ok(()) => Ok(key),
                    // Another server starting beside us wrote it first: use theirs.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        std::thread::sleep(std::time::Duration::from_millis(100));
                        Self::load_or_create(path)
                    }
                    Err(e) => Err(file_error(e)),
                }
            }
            Err(e) => Err(file_error(e)),
        }
    }

    /// The key material.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// Where the embedded default keeps the key of the SQLite database at `database_path`.
    pub fn file_beside(database_path: &str) -> PathBuf {
        PathBuf::from(format!("{database_path}.secret-key"))
    }
}

/// Writes a new file that only its owner can read; fails if it already exists, so two
/// servers starting together cannot overwrite each other's key.
fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_are_refused_and_files_are_kept() {
        assert!(matches!(
            SecretKey::from_config("short"),
            Err(SecretKeyError::TooShort { got: 5, .. })
        ));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        let a = SecretKey::load_or_create(&path).unwrap();
        let b = SecretKey::load_or_create(&path).unwrap();
        assert_eq!(a.bytes(), b.bytes());
        assert!(a.bytes().len() >= SecretKey::MIN_BYTES);
    }
}
