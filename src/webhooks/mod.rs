//! Webhook delivery of alerts: the signature, one HTTP POST per attempt, and the worker that
//! drains the persisted queue (`store::alerts::deliveries`) while the server runs.

pub mod send;
pub mod signature;
pub mod worker;

use crate::store::alerts::deliveries::RetryPolicy;
use std::time::Duration;

/// How the delivery worker runs (`TRUSTKB_WEBHOOK_POLL_MS`, `TRUSTKB_WEBHOOK_BACKOFF_SECS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebhookSettings {
    /// How often the queue is looked at.
    pub poll: Duration,
    /// When a failed delivery is tried again, and how many times.
    pub retry: RetryPolicy,
    /// How long one attempt may take.
    pub timeout: Duration,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        WebhookSettings {
            poll: Duration::from_secs(2),
            retry: RetryPolicy::default(),
            timeout: Duration::from_secs(10),
        }
    }
}

impl WebhookSettings {
    /// How long a claimed delivery is reserved for its attempt: well beyond the attempt's
    /// timeout; a worker that died meanwhile leaves it due again after that.
    pub fn lease(&self) -> Duration {
        self.timeout.saturating_mul(3)
    }
}
