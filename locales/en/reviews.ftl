# Messages of the procurement review pages.

nav-reviews = Reviews
reviews-title = Procurement reviews
reviews-lead = Reviews of a vendor or a product before buying: opened with the request's facts, decided by a reviewer, the evidence frozen at the decision.
reviews-sections = Sections
reviews-tab-open = Open reviews
reviews-tab-due = Due for re-review
reviews-tab-overdue = Conditions overdue
reviews-none-open = No review is open.
reviews-none-due = No decided review is due for re-review in the next 30 days.
reviews-none-overdue = No condition is overdue.
reviews-col-subject = Vendor or product
reviews-col-purpose = Purpose
reviews-col-requester = Requester
reviews-col-due = Due
reviews-col-decision = Decision
reviews-col-re-review = Re-review on
reviews-col-condition = Condition
reviews-col-owner = Owner
reviews-col-status = Status
reviews-col-evidence = Evidence
reviews-col-known = Known on
reviews-col-effect = Effect (points)

reviews-open-link = Open a review
reviews-new-title = Open a review of { $subject }
reviews-new-crumb = New review
reviews-new-submit = Open the review
reviews-audited = Opening a review is recorded in the audit trail.
reviews-field-subject = Subject
reviews-field-purpose = Purpose
reviews-hint-purpose = what it will be used for
reviews-field-classification = Data classification
reviews-choose-classification = Choose a classification
reviews-field-spend = Annual spend
reviews-hint-spend = optional, for example 12000.50
reviews-field-currency = Currency
reviews-hint-currency = ISO code such as EUR or USD, with the spend
reviews-field-requester = Requester
reviews-field-due = Decision due on
reviews-hint-day = YYYY-MM-DD
reviews-hint-optional = optional

reviews-show-title = Review of { $subject }
reviews-product-of = { $product }, a product of { $vendor }
reviews-opened = Opened
reviews-decided = Decided
reviews-by-on = by { $who } on { $date }
reviews-field-rationale = Rationale
reviews-field-re-review = Re-review on
reviews-snapshot-title = The evidence at the decision
reviews-frozen-on = As frozen on { $date }: later evidence does not change this review.
reviews-pdf-link = The frozen report (PDF)
reviews-uncertainty = uncertainty { $uncertainty }
reviews-vendor-score = { $vendor } scored { $score } / 100 that day.
reviews-explanation = Why this score
reviews-no-evidence = No evidence counted.
reviews-no-score = No score could be computed that day.
reviews-incidents = Incidents
reviews-no-incidents = No incident recorded.
reviews-severity = severity { $severity }
reviews-citations = Sources cited
reviews-no-citations = No source cited.
reviews-recommendations = Recommendation
reviews-no-recommendations = No product to recommend on.
reviews-alternatives = alternatives: { $names }
reviews-conditions = Conditions
reviews-no-conditions = No condition.
reviews-conditions-hint = Required for an approval with conditions; leave unused rows empty.
reviews-condition-save = Save
reviews-decide-title = Decide
reviews-decide-lead = The decision freezes today's score, evidence and recommendation with the review; it cannot be changed afterwards.
reviews-field-decision = Decision
reviews-choose-decision = Choose a decision
reviews-field-condition = Condition
reviews-field-owner = Owner
reviews-field-condition-due = Condition due on
reviews-decide-submit = Record the decision

reviews-err-day = “{ $value }” is not a date written YYYY-MM-DD.
reviews-err-amount = Write the amount as a number with at most two decimals, such as 12000.50.
reviews-err-currency = Write the currency as a three-letter ISO code, such as EUR.
reviews-err-conditions-required = An approval with conditions needs at least one condition.
reviews-err-re-review-future = The re-review date must be after today ({ $today }).
reviews-err-already-decided = This review has already been decided; a decision cannot be changed.

ref-reviews = { $count } { $count ->
    [one] procurement review
   *[other] procurement reviews
}
