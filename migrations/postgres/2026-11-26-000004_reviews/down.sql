DROP TABLE review_conditions;
DROP TABLE reviews;
DROP FUNCTION reviews_decided_frozen();
