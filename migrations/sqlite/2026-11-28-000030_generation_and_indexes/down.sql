DROP INDEX idx_vendors_name;
DROP INDEX idx_vendors_status;
DROP INDEX idx_vendors_tier;
DROP INDEX idx_incident_causes_cause_id;
DROP TABLE kb_generation;
