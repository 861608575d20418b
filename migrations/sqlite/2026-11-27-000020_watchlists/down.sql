DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
DROP TABLE alerts;
DROP TABLE watch_rules;
DROP TABLE watch_items;
DROP TABLE watchlists;
