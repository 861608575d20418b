-- Watchlists and alerts: what each account watches (vendors, products), its rules, the alerts
-- they raised, and the webhook deliveries of those alerts with every attempt. Keep in step
-- with the other backend's migration of the same name and with src/store/schema.rs.

CREATE TABLE watchlists (
    id SERIAL PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    webhook_url TEXT CHECK (webhook_url IS NULL OR webhook_url LIKE 'http://%' OR webhook_url LIKE 'https://%'),
    webhook_secret TEXT CHECK (webhook_secret IS NULL OR length(webhook_secret) >= 32),
    created_at TIMESTAMP NOT NULL,
    CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL))
);
CREATE UNIQUE INDEX idx_watchlists_owner_name ON watchlists (owner_id, name);

CREATE TABLE watch_items (
    id SERIAL PRIMARY KEY,
    watchlist_id INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
    vendor_id INTEGER REFERENCES vendors (id) ON DELETE CASCADE,
    product_id INTEGER REFERENCES products (id) ON DELETE CASCADE,
    CHECK ((vendor_id IS NULL) <> (product_id IS NULL))
);
CREATE UNIQUE INDEX idx_watch_items_vendor ON watch_items (watchlist_id, vendor_id) WHERE vendor_id IS NOT NULL;
CREATE UNIQUE INDEX idx_watch_items_product ON watch_items (watchlist_id, product_id) WHERE product_id IS NOT NULL;
CREATE INDEX idx_watch_items_vendor_id ON watch_items (vendor_id);
CREATE INDEX idx_watch_items_product_id ON watch_items (product_id);

CREATE TABLE watch_rules (
    id SERIAL PRIMARY KEY,
    watchlist_id INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('score_below', 'score_drop', 'grade_change', 'new_incident', 'new_assessment')),
    threshold INTEGER CHECK (threshold IS NULL OR (threshold >= 1 AND threshold <= 100)),
    CHECK ((kind IN ('score_below', 'score_drop')) = (threshold IS NOT NULL))
);
CREATE INDEX idx_watch_rules_watchlist ON watch_rules (watchlist_id);

CREATE TABLE alerts (
    id SERIAL PRIMARY KEY,
    watchlist_id INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
    owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rule_id INTEGER REFERENCES watch_rules (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('score_below', 'score_drop', 'grade_change', 'new_incident', 'new_assessment')),
    threshold INTEGER,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('vendor', 'product')),
    subject_id INTEGER NOT NULL,
    subject_slug TEXT NOT NULL,
    subject_name TEXT NOT NULL,
    vendor_slug TEXT NOT NULL,
    old_score DOUBLE PRECISION,
    new_score DOUBLE PRECISION,
    old_grade TEXT CHECK (old_grade IS NULL OR old_grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
    new_grade TEXT CHECK (new_grade IS NULL OR new_grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
    record_slug TEXT,
    record_title TEXT,
    report_id INTEGER,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX idx_alerts_owner ON alerts (owner_id, read_at);
CREATE INDEX idx_alerts_watchlist ON alerts (watchlist_id);

CREATE TABLE webhook_deliveries (
    id SERIAL PRIMARY KEY,
    alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    watchlist_id INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL CHECK (attempts >= 0),
    created_at TIMESTAMP NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    last_status_code INTEGER,
    last_error TEXT,
    delivered_at TIMESTAMP,
    CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX idx_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX idx_webhook_deliveries_watchlist ON webhook_deliveries (watchlist_id);

CREATE TABLE webhook_attempts (
    id SERIAL PRIMARY KEY,
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at TIMESTAMP NOT NULL,
    status_code INTEGER,
    error TEXT,
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0)
);
CREATE INDEX idx_webhook_attempts_delivery ON webhook_attempts (delivery_id);
