-- Stored trust scores: one row per subject, date and model version, with the explanation
-- (JSON list of contributions). Rewritten whenever evidence changes. Same migration for
-- SQLite and PostgreSQL, each in its dialect.

CREATE TABLE score_snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    vendor_id INTEGER REFERENCES vendors (id) ON DELETE CASCADE,
    product_id INTEGER REFERENCES products (id) ON DELETE CASCADE,
    as_of DATE NOT NULL,
    model_version TEXT NOT NULL CHECK (length(model_version) > 0),
    score REAL NOT NULL CHECK (score >= 0 AND score <= 100),
    belief REAL NOT NULL CHECK (belief >= 0 AND belief <= 1),
    disbelief REAL NOT NULL CHECK (disbelief >= 0 AND disbelief <= 1),
    uncertainty REAL NOT NULL CHECK (uncertainty > 0 AND uncertainty <= 1),
    grade TEXT CHECK (grade IS NULL OR grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
    unknown BOOLEAN NOT NULL,
    explanation TEXT NOT NULL,
    computed_at TIMESTAMP NOT NULL,
    CHECK ((vendor_id IS NOT NULL) + (product_id IS NOT NULL) = 1)
);

CREATE UNIQUE INDEX idx_score_snapshots_vendor ON score_snapshots (vendor_id, as_of, model_version) WHERE vendor_id IS NOT NULL;
CREATE UNIQUE INDEX idx_score_snapshots_product ON score_snapshots (product_id, as_of, model_version) WHERE product_id IS NOT NULL;
CREATE INDEX idx_score_snapshots_as_of ON score_snapshots (as_of);
