-- trustkb knowledge base schema (SQLite). Keep in step with the other backend's
-- migration of the same name and with src/store/schema.rs.
-- A date known only to the month or year ("en janvier") is stored as the last day of its
-- period with its precision ('day', 'month', 'year'); order checks compare the first day
-- of the earlier date's period with the later date.

CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT LIKE '-%' AND slug NOT LIKE '%-' AND slug NOT LIKE '%--%'),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    parent_id INTEGER REFERENCES categories (id) ON DELETE RESTRICT,
    description TEXT,
    CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE TABLE vendors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT LIKE '-%' AND slug NOT LIKE '%-' AND slug NOT LIKE '%--%'),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    tier TEXT NOT NULL CHECK (tier IN ('critical', 'high', 'medium', 'low')),
    status TEXT NOT NULL CHECK (status IN ('prospect', 'active', 'under_review', 'offboarding', 'offboarded')),
    website TEXT CHECK (website IS NULL OR website LIKE 'http://%' OR website LIKE 'https://%'),
    description TEXT,
    synthetic BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT LIKE '-%' AND slug NOT LIKE '%-' AND slug NOT LIKE '%--%'),
    vendor_id INTEGER NOT NULL REFERENCES vendors (id) ON DELETE RESTRICT,
    category_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT
);

-- consumer_vendor_id NULL means our own organisation (the inventory).
CREATE TABLE dependencies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    consumer_vendor_id INTEGER REFERENCES vendors (id) ON DELETE RESTRICT,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    since DATE,
    since_precision TEXT NOT NULL DEFAULT 'day' CHECK (since_precision IN ('day', 'month', 'year')),
    until DATE,
    until_precision TEXT NOT NULL DEFAULT 'day' CHECK (until_precision IN ('day', 'month', 'year')),
    criticality TEXT NOT NULL CHECK (criticality IN ('critical', 'high', 'medium', 'low')),
    purpose TEXT,
    CHECK (since IS NULL OR until IS NULL OR until >= CASE since_precision WHEN 'year' THEN date(since, 'start of year') WHEN 'month' THEN date(since, 'start of month') ELSE since END)
);

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT LIKE '-%' AND slug NOT LIKE '%-' AND slug NOT LIKE '%--%'),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind TEXT NOT NULL CHECK (kind IN ('supply_chain_compromise', 'credential_theft', 'source_code_theft', 'intrusion', 'data_breach', 'ransomware', 'vulnerability_exploitation', 'outage', 'other')),
    severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
    discovered_on DATE,
    discovered_precision TEXT NOT NULL DEFAULT 'day' CHECK (discovered_precision IN ('day', 'month', 'year')),
    disclosed_on DATE,
    disclosed_precision TEXT NOT NULL DEFAULT 'day' CHECK (disclosed_precision IN ('day', 'month', 'year')),
    resolved_on DATE,
    resolved_precision TEXT NOT NULL DEFAULT 'day' CHECK (resolved_precision IN ('day', 'month', 'year')),
    threat_actor TEXT,
    summary TEXT NOT NULL CHECK (length(trim(summary)) > 0),
    CHECK (discovered_on IS NULL OR disclosed_on IS NULL OR disclosed_on >= CASE discovered_precision WHEN 'year' THEN date(discovered_on, 'start of year') WHEN 'month' THEN date(discovered_on, 'start of month') ELSE discovered_on END),
    CHECK (discovered_on IS NULL OR resolved_on IS NULL OR resolved_on >= CASE discovered_precision WHEN 'year' THEN date(discovered_on, 'start of year') WHEN 'month' THEN date(discovered_on, 'start of month') ELSE discovered_on END)
);

CREATE TABLE incident_involvements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    vendor_id INTEGER REFERENCES vendors (id) ON DELETE RESTRICT,
    product_id INTEGER REFERENCES products (id) ON DELETE RESTRICT,
    role TEXT NOT NULL CHECK (role IN ('origin', 'conduit', 'victim')),
    customers_affected INTEGER CHECK (customers_affected IS NULL OR customers_affected >= 0),
    description TEXT,
    CHECK (vendor_id IS NOT NULL OR product_id IS NOT NULL)
);

CREATE TABLE incident_timeline_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    occurred_on DATE NOT NULL,
    occurred_precision TEXT NOT NULL DEFAULT 'day' CHECK (occurred_precision IN ('day', 'month', 'year')),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT
);

CREATE TABLE incident_causes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cause_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    effect_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    description TEXT,
    UNIQUE (cause_id, effect_id),
    CHECK (cause_id <> effect_id)
);

CREATE TABLE remediations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT LIKE '-%' AND slug NOT LIKE '%-' AND slug NOT LIKE '%--%'),
    vendor_id INTEGER NOT NULL REFERENCES vendors (id) ON DELETE RESTRICT,
    incident_id INTEGER REFERENCES incidents (id) ON DELETE RESTRICT,
    product_id INTEGER REFERENCES products (id) ON DELETE RESTRICT,
    replacement_product_id INTEGER REFERENCES products (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('rotate_credentials', 'rebuild_servers', 'drop_product', 'add_monitoring', 'final_report', 'patch', 'other')),
    taken_on DATE,
    taken_precision TEXT NOT NULL DEFAULT 'day' CHECK (taken_precision IN ('day', 'month', 'year')),
    description TEXT NOT NULL CHECK (length(trim(description)) > 0),
    CHECK (replacement_product_id IS NULL OR product_id IS NULL OR replacement_product_id <> product_id)
);

CREATE TABLE analyst_firms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT LIKE '-%' AND slug NOT LIKE '%-' AND slug NOT LIKE '%--%'),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    website TEXT CHECK (website IS NULL OR website LIKE 'http://%' OR website LIKE 'https://%')
);

-- firm_id NULL means an internal reviewer.
CREATE TABLE analysts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT LIKE '-%' AND slug NOT LIKE '%-' AND slug NOT LIKE '%--%'),
    firm_id INTEGER REFERENCES analyst_firms (id) ON DELETE RESTRICT,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title TEXT
);

CREATE TABLE assessments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT LIKE '-%' AND slug NOT LIKE '%-' AND slug NOT LIKE '%--%'),
    analyst_id INTEGER NOT NULL REFERENCES analysts (id) ON DELETE RESTRICT,
    vendor_id INTEGER REFERENCES vendors (id) ON DELETE RESTRICT,
    product_id INTEGER REFERENCES products (id) ON DELETE RESTRICT,
    incident_id INTEGER REFERENCES incidents (id) ON DELETE RESTRICT,
    assessed_on DATE NOT NULL,
    assessed_precision TEXT NOT NULL DEFAULT 'day' CHECK (assessed_precision IN ('day', 'month', 'year')),
    stance TEXT NOT NULL CHECK (stance IN ('strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree')),
    favoured_action TEXT CHECK (favoured_action IS NULL OR favoured_action IN ('replace', 'retain', 'monitor')),
    quote TEXT NOT NULL CHECK (length(trim(quote)) > 0),
    quote_language TEXT NOT NULL,
    translation TEXT,
    translation_language TEXT,
    magic_quadrant TEXT CHECK (magic_quadrant IS NULL OR magic_quadrant IN ('leaders', 'challengers', 'visionaries', 'niche_players')),
    wave_tier TEXT CHECK (wave_tier IS NULL OR wave_tier IN ('leaders', 'strong_performers', 'contenders', 'challengers')),
    CHECK ((vendor_id IS NOT NULL) + (product_id IS NOT NULL) + (incident_id IS NOT NULL) = 1),
    CHECK ((translation IS NULL) = (translation_language IS NULL))
);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT LIKE '-%' AND slug NOT LIKE '%-' AND slug NOT LIKE '%--%'),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    publisher TEXT NOT NULL CHECK (length(trim(publisher)) > 0),
    url TEXT CHECK (url IS NULL OR url LIKE 'http://%' OR url LIKE 'https://%'),
    language TEXT NOT NULL,
    published_on DATE,
    published_precision TEXT NOT NULL DEFAULT 'day' CHECK (published_precision IN ('day', 'month', 'year')),
    reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
    full_text TEXT
);

-- A citation ties exactly one record to a source with the verbatim excerpt.
CREATE TABLE citations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE RESTRICT,
    excerpt TEXT NOT NULL CHECK (length(trim(excerpt)) > 0),
    locator TEXT,
    vendor_id INTEGER REFERENCES vendors (id) ON DELETE CASCADE,
    product_id INTEGER REFERENCES products (id) ON DELETE CASCADE,
    dependency_id INTEGER REFERENCES dependencies (id) ON DELETE CASCADE,
    incident_id INTEGER REFERENCES incidents (id) ON DELETE CASCADE,
    involvement_id INTEGER REFERENCES incident_involvements (id) ON DELETE CASCADE,
    timeline_event_id INTEGER REFERENCES incident_timeline_events (id) ON DELETE CASCADE,
    incident_cause_id INTEGER REFERENCES incident_causes (id) ON DELETE CASCADE,
    remediation_id INTEGER REFERENCES remediations (id) ON DELETE CASCADE,
    analyst_id INTEGER REFERENCES analysts (id) ON DELETE CASCADE,
    assessment_id INTEGER REFERENCES assessments (id) ON DELETE CASCADE,
    CHECK ((vendor_id IS NOT NULL) + (product_id IS NOT NULL) + (dependency_id IS NOT NULL) + (incident_id IS NOT NULL) + (involvement_id IS NOT NULL) + (timeline_event_id IS NOT NULL) + (incident_cause_id IS NOT NULL) + (remediation_id IS NOT NULL) + (analyst_id IS NOT NULL) + (assessment_id IS NOT NULL) = 1)
);

-- Knowledge packs imported, so that seeding is idempotent.
CREATE TABLE imported_packs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80 AND name NOT GLOB '*[^a-z0-9-]*' AND name NOT LIKE '-%' AND name NOT LIKE '%-' AND name NOT LIKE '%--%'),
    digest TEXT NOT NULL,
    imported_at TIMESTAMP NOT NULL
);

CREATE INDEX idx_products_vendor_id ON products (vendor_id);

CREATE INDEX idx_products_category_id ON products (category_id);

CREATE INDEX idx_dependencies_consumer_vendor_id ON dependencies (consumer_vendor_id);

CREATE INDEX idx_dependencies_product_id ON dependencies (product_id);

CREATE INDEX idx_incident_involvements_incident_id ON incident_involvements (incident_id);

CREATE INDEX idx_incident_involvements_vendor_id ON incident_involvements (vendor_id);

CREATE INDEX idx_incident_involvements_product_id ON incident_involvements (product_id);

CREATE INDEX idx_incident_timeline_events_incident_id ON incident_timeline_events (incident_id);

CREATE INDEX idx_incident_causes_effect_id ON incident_causes (effect_id);

CREATE INDEX idx_remediations_vendor_id ON remediations (vendor_id);

CREATE INDEX idx_remediations_incident_id ON remediations (incident_id);

CREATE INDEX idx_assessments_vendor_id ON assessments (vendor_id);

CREATE INDEX idx_assessments_product_id ON assessments (product_id);

CREATE INDEX idx_assessments_incident_id ON assessments (incident_id);

CREATE INDEX idx_assessments_analyst_id ON assessments (analyst_id);

CREATE INDEX idx_citations_source_id ON citations (source_id);

CREATE INDEX idx_citations_vendor_id ON citations (vendor_id);

CREATE INDEX idx_citations_product_id ON citations (product_id);

CREATE INDEX idx_citations_dependency_id ON citations (dependency_id);

CREATE INDEX idx_citations_incident_id ON citations (incident_id);

CREATE INDEX idx_citations_involvement_id ON citations (involvement_id);

CREATE INDEX idx_citations_timeline_event_id ON citations (timeline_event_id);

CREATE INDEX idx_citations_incident_cause_id ON citations (incident_cause_id);

CREATE INDEX idx_citations_remediation_id ON citations (remediation_id);

CREATE INDEX idx_citations_analyst_id ON citations (analyst_id);

CREATE INDEX idx_citations_assessment_id ON citations (assessment_id);
