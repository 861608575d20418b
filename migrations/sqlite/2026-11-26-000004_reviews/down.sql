DROP TRIGGER reviews_decided_no_delete;
DROP TRIGGER reviews_decided_no_update;
DROP TABLE review_conditions;
DROP TABLE reviews;
