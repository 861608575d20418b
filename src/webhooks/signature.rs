//! The signature of a webhook body: HMAC-SHA256 of the raw bytes under the watchlist's
//! secret, sent GitHub-style as `X-Trustkb-Signature-256: sha256=<hex>`.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The header carrying the signature.
pub const SIGNATURE_HEADER: &str = "X-Trustkb-Signature-256";

/// `sha256=` and the hex HMAC-SHA256 of `body` keyed by the secret's text.
pub fn sign(secret: &str, body: &[u8]) -> String {
    // HMAC takes a key of any length: `new_from_slice` cannot fail.
    let mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .map(|mut mac| {
            mac.update(body);
            crate::auth::tokens::hex(mac.finalize().into_bytes().as_slice())
        })
        .unwrap_or_default();
    format!("sha256={mac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_rfc_4231_vector() {
        // RFC 4231, test case 2.
        let got = sign("Jefe", b"what do ya want for nothing?");
        assert_eq!(
            got,
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
