-- One row counting the knowledge base's audited changes: every audited write bumps it in its
-- own transaction, so in-memory caches (search index, scoring input) know when they are stale.
CREATE TABLE kb_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO kb_generation (id, value) VALUES (1, 0);

-- Filters and joins the pages use at scale (issue 9).
CREATE INDEX idx_incident_causes_cause_id ON incident_causes (cause_id);
CREATE INDEX idx_vendors_tier ON vendors (tier);
CREATE INDEX idx_vendors_status ON vendors (status);
CREATE INDEX idx_vendors_name ON vendors (name, slug);
