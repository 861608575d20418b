//! The delivery worker: a task of the server's runtime that, at start and then every poll
//! interval, sends every due delivery (on the blocking pool) and logs each attempt.

use super::WebhookSettings;
use super::send::{agent, attempt};
use crate::domain::DeliveryStatus;
use crate::metrics::DeliveryOutcome;
use crate::store::alerts::deliveries::{claim_due, record_attempt};
use crate::store::{DbPool, StoreError};

/// At most this many deliveries per round, so one round never runs unbounded.
const ROUND: usize = 200;

fn utc_now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

/// Sends the deliveries due now, one after the other; returns how many were attempted.
pub fn deliver_due(
    pool: &DbPool,
    client: &ureq::Agent,
    settings: &WebhookSettings,
) -> Result<usize, StoreError> {
    let mut conn = pool.get()?;
    let mut done = 0;
    while done < ROUND {
        let Some(claimed) = claim_due(&mut conn, utc_now(), settings.lease())? else {
            break;
        };
        let outcome = attempt(client, &claimed);
        let status = record_attempt(&mut conn, &claimed, &outcome, &settings.retry, utc_now())?;
        crate::metrics::record_delivery(match status {
            DeliveryStatus::Delivered => DeliveryOutcome::Delivered,
            DeliveryStatus::Pending => DeliveryOutcome::Retry,
            DeliveryStatus::Failed => DeliveryOutcome::Failed,
        });
        tracing::info!(
            delivery = claimed.id,
            status = status.as_str(),
            code = outcome.status_code,
            error = outcome.error.as_deref(),
            "webhook attempt"
        );
        done += 1;
    }
    Ok(done)
}

/// Starts the worker on the current actix runtime; it stops with the runtime.
pub fn spawn(pool: DbPool, settings: WebhookSettings) {
    let client = agent(settings.timeout);
    actix_web::rt::spawn(async move {
        loop {
            let (pool, client) = (pool.clone(), client.clone());
            match actix_web::web::block(move || deliver_due(&pool, &client, &settings)).await {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::error!(error = %e, "webhook deliveries failed"),
                Err(e) => tracing::error!(error = %e, "webhook worker task failed"),
            }
            actix_web::rt::time::sleep(settings.poll).await;
        }
    });
}
