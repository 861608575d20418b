//! One delivery attempt: the claimed body POSTed with its event, delivery id and signature
//! headers, redirects not followed, within the timeout; the answer's status or the error.

use super::signature::{SIGNATURE_HEADER, sign};
use crate::store::alerts::deliveries::{Claimed, Outcome};
use std::time::{Duration, Instant};
use ureq::tls::{RootCerts, TlsConfig, TlsProvider};

/// The HTTP client of the deliveries: native TLS (OpenSSL) with the platform's roots, no
/// redirect followed, every status an answer (not an error), `timeout` per attempt.
pub fn agent(timeout: Duration) -> ureq::Agent {
    let tls = TlsConfig::builder()
        .provider(TlsProvider::NativeTls)
        .root_certs(RootCerts::PlatformVerifier)
        .build();
    ureq::Agent::config_builder()
        .tls_config(tls)
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(timeout))
        .user_agent(concat!("trustkb-webhook/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// Sends `claimed` once.
pub fn attempt(agent: &ureq::Agent, claimed: &Claimed) -> Outcome {
    let started = Instant::now();
    let body = claimed.payload.as_bytes();
    let answer = agent
        .post(&claimed.url)
        .header("Content-Type", "application/json")
        .header("X-Trustkb-Event", &claimed.event)
        .header("X-Trustkb-Delivery", claimed.id.to_string())
        .header(SIGNATURE_HEADER, sign(&claimed.secret, body))
        .send(body);
    let duration = started.elapsed();
    match answer {
        Ok(response) => {
            let code = response.status().as_u16();
            let error = (!(200..300).contains(&code)).then(|| format!("HTTP {code}"));
            Outcome {
                status_code: Some(code),
                error,
                duration,
            }
        }
        Err(e) => Outcome {
            status_code: None,
            error: Some(e.to_string().chars().take(500).collect()),
            duration,
        },
    }
}
