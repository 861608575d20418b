//! Random secrets (session ids, API tokens, CSRF tokens, one-time passwords) and the digest
//! under which they are stored, so that a copy of the database grants nothing.

use sha2::{Digest, Sha256};

/// Hex-encodes bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// `bytes` bytes from the operating system's generator, hex-encoded.
pub fn random_token(bytes: usize) -> Result<String, getrandom::Error> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf)?;
    Ok(hex(&buf))
}

/// The SHA-256 digest of a high-entropy secret, hex-encoded: what the database keeps.
/// (Passwords are low-entropy and use argon2id instead.)
pub fn digest(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Compares two secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_and_digests_fixed() {
        let a = random_token(32).unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, random_token(32).unwrap());
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }
}
