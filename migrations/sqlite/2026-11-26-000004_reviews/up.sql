-- Procurement reviews of a vendor or a product, with their conditions. Keep in step with the
-- other backend's migration of the same name and with src/store/schema.rs.
-- A decided review is frozen: its decision and its snapshot (the trust score, evidence and
-- recommendation as they were at the decision, as JSON) never change; the database refuses.

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    vendor_id INTEGER REFERENCES vendors (id) ON DELETE RESTRICT,
    product_id INTEGER REFERENCES products (id) ON DELETE RESTRICT,
    purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
    data_classification TEXT NOT NULL CHECK (data_classification IN ('public', 'internal', 'confidential', 'restricted')),
    annual_spend_minor BIGINT CHECK (annual_spend_minor IS NULL OR annual_spend_minor >= 0),
    currency TEXT CHECK (currency IS NULL OR (length(currency) = 3 AND currency = upper(currency))),
    requester TEXT NOT NULL CHECK (length(trim(requester)) > 0),
    due_on DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'decided')),
    opened_by TEXT NOT NULL CHECK (length(opened_by) > 0),
    opened_at TIMESTAMP NOT NULL,
    decision TEXT CHECK (decision IS NULL OR decision IN ('approve', 'approve_with_conditions', 'reject')),
    decided_by TEXT,
    decided_at TIMESTAMP,
    rationale TEXT,
    re_review_on DATE,
    snapshot TEXT,
    CHECK ((vendor_id IS NULL) <> (product_id IS NULL)),
    CHECK ((annual_spend_minor IS NULL) = (currency IS NULL)),
    CHECK ((status = 'open' AND decision IS NULL AND decided_by IS NULL AND decided_at IS NULL AND snapshot IS NULL)
        OR (status = 'decided' AND decision IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL AND snapshot IS NOT NULL AND re_review_on IS NOT NULL))
);
CREATE INDEX idx_reviews_vendor ON reviews (vendor_id);
CREATE INDEX idx_reviews_product ON reviews (product_id);
CREATE INDEX idx_reviews_status ON reviews (status, due_on);
CREATE INDEX idx_reviews_re_review ON reviews (re_review_on);

CREATE TABLE review_conditions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE RESTRICT,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    owner TEXT NOT NULL CHECK (length(trim(owner)) > 0),
    due_on DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'met', 'waived'))
);
CREATE INDEX idx_review_conditions_review ON review_conditions (review_id);
CREATE INDEX idx_review_conditions_due ON review_conditions (status, due_on);

-- A decided review is frozen: no change, no removal.
CREATE TRIGGER reviews_decided_no_update BEFORE UPDATE ON reviews
WHEN OLD.status = 'decided'
BEGIN
    SELECT RAISE(ABORT, 'a decided review is frozen');
END;
CREATE TRIGGER reviews_decided_no_delete BEFORE DELETE ON reviews
WHEN OLD.status = 'decided'
BEGIN
    SELECT RAISE(ABORT, 'a decided review is frozen');
END;
