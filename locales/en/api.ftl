# Refusals of the JSON API (problem documents list them per field).
api-field-unknown = is not a field of this record (fields: { $known })
api-param-unknown = is not a parameter of this endpoint (parameters: { $known })
api-param-repeated = is given more than once
api-param-range = must be a whole number from { $min } to { $max }, not “{ $value }”
api-param-date = must be a date as YYYY-MM-DD, not “{ $value }”
api-cursor-invalid = is not a cursor of this list; use the next_cursor of a page
api-cursor-and-page = cannot be given with a cursor; use one or the other
api-filter-unknown = names no record: “{ $value }”
api-slug-fixed = cannot be changed: it identifies the record (“{ $slug }”)
api-review-subject = name exactly one subject: a vendor or a product, by its identifier
api-field-type = must be { $expected }, not { $given }
api-involvements-lengths = must have as many items as the longest involvement list ({ $count }), or none
api-involvements-too-many = holds more involvements than an incident's form takes (at most { $max })
api-cause-fixed = a causal link cannot be changed; delete it and add another
api-alert-up-to = must be the id of the newest alert you have seen, a whole number from 0 (given: “{ $value }”)
