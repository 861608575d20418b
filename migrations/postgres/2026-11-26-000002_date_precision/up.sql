-- Dates known only to the month or year ("en janvier"): each date gets its precision;
-- the date column then holds the last day of the period. Same migration for PostgreSQL and SQLite.

ALTER TABLE incidents ADD COLUMN discovered_precision TEXT NOT NULL DEFAULT 'day' CHECK (discovered_precision IN ('day', 'month', 'year'));
ALTER TABLE incidents ADD COLUMN disclosed_precision TEXT NOT NULL DEFAULT 'day' CHECK (disclosed_precision IN ('day', 'month', 'year'));
ALTER TABLE incidents ADD COLUMN resolved_precision TEXT NOT NULL DEFAULT 'day' CHECK (resolved_precision IN ('day', 'month', 'year'));
ALTER TABLE incident_timeline_events ADD COLUMN occurred_precision TEXT NOT NULL DEFAULT 'day' CHECK (occurred_precision IN ('day', 'month', 'year'));
ALTER TABLE dependencies ADD COLUMN since_precision TEXT NOT NULL DEFAULT 'day' CHECK (since_precision IN ('day', 'month', 'year'));
ALTER TABLE dependencies ADD COLUMN until_precision TEXT NOT NULL DEFAULT 'day' CHECK (until_precision IN ('day', 'month', 'year'));
ALTER TABLE remediations ADD COLUMN taken_precision TEXT NOT NULL DEFAULT 'day' CHECK (taken_precision IN ('day', 'month', 'year'));
ALTER TABLE assessments ADD COLUMN assessed_precision TEXT NOT NULL DEFAULT 'day' CHECK (assessed_precision IN ('day', 'month', 'year'));
ALTER TABLE sources ADD COLUMN published_precision TEXT NOT NULL DEFAULT 'day' CHECK (published_precision IN ('day', 'month', 'year'));
