//! Credentials: password hashing, random secrets and tokens, and the key that seals session
//! cookies. No storage and no web framework here; `store` and `web` build on it.

pub mod passwords;
pub mod secret_key;
pub mod tokens;

pub use passwords::{PasswordError, hash_password, verify_nothing, verify_password};
pub use secret_key::{SecretKey, SecretKeyError};
pub use tokens::{digest, random_token};
