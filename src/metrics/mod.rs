//! The process's Prometheus metrics: one registry of requests, latencies, pool use, webhook
//! deliveries and score recomputations, rendered in the OpenMetrics text format by `/metrics`.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::{Registry, Unit};
use std::sync::atomic::AtomicU64;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The `Content-Type` of the exposition `render` writes.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Latency buckets for a fast server: half a millisecond to five seconds.
const REQUEST_BUCKETS: [f64; 13] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];
/// Score recomputation reads every record: one millisecond to thirty seconds.
const RECOMPUTE_BUCKETS: [f64; 14] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// One request's labels: its method and matched route pattern (never the raw path), and status.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: String,
    status: u16,
}

/// A latency's labels (the status is left out to keep the histogram's series few).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: &'static str,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

type RequestHistograms = Family<RouteLabels, Histogram, fn() -> Histogram>;

/// Every metric, with the registry that renders them.
struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: RequestHistograms,
    pool: Family<StateLabels, Gauge>,
    pool_max: Gauge,
    queue_depth: Gauge,
    deliveries: Family<OutcomeLabels, Counter>,
    recompute: Histogram,
    queries: Counter,
    credential_checks: Counter,
    credential_turns: Counter,
    resident: Gauge,
    /// Held while the values read at scrape time are set and the registry rendered.
    scrape: Mutex<()>,
}

fn request_histogram() -> Histogram {
    Histogram::new(REQUEST_BUCKETS)
}

impl Metrics {
    fn new() -> Metrics {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "trustkb_http_requests",
            "HTTP requests answered, by method, route pattern and status",
            requests.clone(),
        );
        let durations: RequestHistograms = Family::new_with_constructor(request_histogram);
        registry.register_with_unit(
            "trustkb_http_request_duration",
            "Time to answer an HTTP request (until the response head), by method and route pattern",
            Unit::Seconds,
            durations.clone(),
        );
        let pool = Family::<StateLabels, Gauge>::default();
        registry.register(
            "trustkb_db_pool_connections",
            "Database connections of the pool, idle or in use",
            pool.clone(),
        );
        let pool_max = Gauge::default();
        registry.register(
            "trustkb_db_pool_max",
            "Most connections the pool opens",
            pool_max.clone(),
        );
        let queue_depth = Gauge::default();
        registry.register(
            "trustkb_webhook_queue_depth",
            "Webhook deliveries waiting to be sent",
            queue_depth.clone(),
        );
        let deliveries = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "trustkb_webhook_deliveries",
            "Webhook delivery attempts, by outcome (delivered, retry later, failed for good)",
            deliveries.clone(),
        );
        for outcome in ["delivered", "retry", "failed"] {
            drop(deliveries.get_or_create(&OutcomeLabels { outcome }));
        }
        let recompute = Histogram::new(RECOMPUTE_BUCKETS);
        registry.register_with_unit(
            "trustkb_score_recompute",
            "Time to recompute and store every subject's score",
            Unit::Seconds,
            recompute.clone(),
        );
        let queries = Counter::default();
        registry.register(
            "trustkb_db_queries",
            "SQL statements sent to the database by this process",
            queries.clone(),
        );
        let credential_checks = Counter::default();
        registry.register(
            "trustkb_credential_checks",
            "Requests whose session or API token was checked in the database",
            credential_checks.clone(),
        );
        let credential_turns = Counter::default();
        registry.register(
            "trustkb_credential_check_turns",
            "Database turns that checked credentials (one turn checks every request waiting)",
            credential_turns.clone(),
        );
        let resident = Gauge::default();
        registry.register_with_unit(
            "process_resident_memory",
            "Resident memory of the process",
            Unit::Bytes,
            resident.clone(),
        );
        let started = Gauge::<f64, AtomicU64>::default();
        let since_epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        started.set(since_epoch.as_secs_f64());
        registry.register(
            "process_start_time_seconds",
            "When the process started (its metrics were first set up), in seconds since the Unix epoch",
            started,
        );
        Metrics {
            registry,
            requests,
            durations,
            pool,
            pool_max,
            queue_depth,
            deliveries,
            recompute,
            queries,
            credential_checks,
            credential_turns,
            resident,
            scrape: Mutex::new(()),
        }
    }
}

static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);

/// Sets the metrics up now, so the start time is the server's.
pub fn init() {
    LazyLock::force(&METRICS);
}

/// The label of an HTTP method: the standard ones, anything else as `other`.
pub fn method_label(method: &str) -> &'static str {
    const KNOWN: [&str; 9] = [
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE",
    ];
    KNOWN
        .into_iter()
        .find(|known| *known == method)
        .unwrap_or("other")
}

/// Counts one answered request and its latency; `route` is the matched pattern.
pub fn record_request(method: &'static str, route: &str, status: u16, elapsed: Duration) {
    let m = &*METRICS;
    let route = route.to_owned();
    m.requests
        .get_or_create(&RequestLabels {
            method,
            route: route.clone(),
            status,
        })
        .inc();
    m.durations
        .get_or_create(&RouteLabels { method, route })
        .observe(elapsed.as_secs_f64());
}

/// Counts one SQL statement sent to the database.
pub fn record_query() {
    METRICS.queries.inc();
}

/// Counts one database turn that checked the credentials of `requests` requests.
pub fn record_credential_turn(requests: usize) {
    METRICS.credential_turns.inc();
    METRICS
        .credential_checks
        .inc_by(u64::try_from(requests).unwrap_or(u64::MAX));
}

/// How a webhook delivery attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryOutcome {
    Delivered,
    /// Failed; tried again later.
    Retry,
    /// Failed, with no attempt left.
    Failed,
}

/// Counts one webhook delivery attempt.
pub fn record_delivery(outcome: DeliveryOutcome) {
    let outcome = match outcome {
        DeliveryOutcome::Delivered => "delivered",
        DeliveryOutcome::Retry => "retry",
        DeliveryOutcome::Failed => "failed",
    };
    METRICS
        .deliveries
        .get_or_create(&OutcomeLabels { outcome })
        .inc();
}

/// Records how long one full score recomputation took.
pub fn observe_recompute(elapsed: Duration) {
    METRICS.recompute.observe(elapsed.as_secs_f64());
}

/// What is read at scrape time, from the pool and the database.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScrapeState {
    pub pool_idle: u32,
    pub pool_open: u32,
    pub pool_max: u32,
    /// Pending webhook deliveries; `None` when the database could not tell (left unchanged).
    pub queue_depth: Option<i64>,
}

/// The exposition, with the values read at scrape time set first.
pub fn render(now: ScrapeState) -> Result<String, std::fmt::Error> {
    let m = &*METRICS;
    let _scraping = m
        .scrape
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let in_use = now.pool_open.saturating_sub(now.pool_idle);
    m.pool
        .get_or_create(&StateLabels { state: "idle" })
        .set(i64::from(now.pool_idle));
    m.pool
        .get_or_create(&StateLabels { state: "in_use" })
        .set(i64::from(in_use));
    m.pool_max.set(i64::from(now.pool_max));
    if let Some(depth) = now.queue_depth {
        m.queue_depth.set(depth);
    }
    if let Some(bytes) = resident_bytes() {
        m.resident.set(bytes);
    }
    let mut out = String::new();
    encode(&mut out, &m.registry)?;
    Ok(out)
}

/// The resident set size from `/proc/self/status` (Linux only; `None` elsewhere).
fn resident_bytes() -> Option<i64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: i64 = line.split_whitespace().nth(1)?.parse().ok()?;
    kib.checked_mul(1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_methods_share_one_label() {
        assert_eq!(method_label("GET"), "GET");
        assert_eq!(method_label("BREW"), "other");
    }

    #[test]
    fn the_exposition_names_every_metric() {
        record_request("GET", "/unit-test/{id}", 200, Duration::from_millis(3));
        observe_recompute(Duration::from_millis(20));
        record_credential_turn(3);
        let text = render(ScrapeState {
            pool_idle: 3,
            pool_open: 4,
            pool_max: 8,
            queue_depth: Some(2),
        })
        .expect("render");
        for expected in [
            "trustkb_http_requests_total{method=\"GET\",route=\"/unit-test/{id}\",status=\"200\"} 1",
            "trustkb_http_request_duration_seconds_bucket{le=\"0.005\",method=\"GET\",route=\"/unit-test/{id}\"} 1",
            "trustkb_db_pool_connections{state=\"idle\"} 3",
            "trustkb_db_pool_connections{state=\"in_use\"} 1",
            "trustkb_db_pool_max 8",
            "trustkb_webhook_queue_depth 2",
            "trustkb_webhook_deliveries_total{outcome=\"retry\"} 0",
            "trustkb_score_recompute_seconds_count ",
            "trustkb_credential_checks_total ",
            "trustkb_credential_check_turns_total ",
            "process_start_time_seconds ",
            "# EOF",
        ] {
            assert!(text.contains(expected), "{expected} missing from\n{text}");
        }
    }
}
