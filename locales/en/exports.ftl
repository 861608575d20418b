# Spreadsheet and CSV exports of the portfolio (src/web/exports.rs, src/export/).

exports-download = Download:
exports-spreadsheet = spreadsheet
exports-csv = CSV

## Sheet titles (at most 31 characters, none of [ ] : * ? / \)
exports-sheet-vendors = Vendors
exports-sheet-products = Products
exports-sheet-incidents = Incidents
exports-sheet-review_conditions = Open review conditions

## Column headers
exports-column-slug = Identifier
exports-column-name = Name
exports-column-tier = Tier
exports-column-status = Status
exports-column-score = Trust score
exports-column-grade = Grade
exports-column-uncertainty = Uncertainty
exports-column-score_as_of = Score as of
exports-column-recommendation = Recommendations for its products
exports-column-vendor = Vendor
exports-column-category = Category
exports-column-decision = Decision
exports-column-title = Title
exports-column-kind = Kind
exports-column-severity = Severity
exports-column-discovered_on = Discovered
exports-column-disclosed_on = Disclosed
exports-column-resolved_on = Resolved
exports-column-parties = Parties (role)
exports-column-review = Review
exports-column-subject = Subject
exports-column-condition = Condition
exports-column-owner = Owner
exports-column-due_on = Due

## Cells (the workbook writes the labels of closed vocabularies; CSV, the machine values)
# A decision and how many products get it: "Replace: 2".
exports-decision-count = { $decision }: { $count }
