# Messages of the dashboard, and the words every reading page shares (table headers,
# the "as of" form, pagination, punctuation).

## Shared by the reading pages
colon = :
semicolon = ;
as-of-label = What did we know on
as-of-show = Show
as-of-back = Back to today
as-of-date = as of { $date }
score-unknown = unknown
grade-unknown = Unknown
grade-letter = Grade { $grade }
uncertainty = Uncertainty
severity-title = Severity { $severity } out of 5
subject-kind = { $kind ->
    [vendor] vendor
   *[product] product
}
list-sort-by = Sort by
list-apply = Apply
list-clear = Clear filters
pager-label = Pages
pager-previous = ← Previous
pager-next = Next →
pager-position = Page { $page } of { $pages } ({ $total } in all)

col-action = Action
col-category = Category
col-change = Change
col-citations = Citations
col-consumer = Consumer
col-criticality = Criticality
col-date = Date
col-decision = Decision
col-description = Description
col-disclosed = Disclosed
col-effect = Effect
col-evidence = Evidence
col-grade = Grade
col-high = High
col-incident = Incident
col-incidents = Incidents
col-kind = Kind
col-known-on = Known on
col-language = Language
col-low = Low
col-now = Now
col-origin = Origin
col-part-played = Part played by { $vendor }
col-party = Party
col-period = Period
col-product = Product
col-products = Products
col-published = Published
col-publisher = Publisher
col-purpose = Purpose
col-role = Role
col-score = Score
col-severity = Severity
col-source = Source
col-sources = Sources
col-status = Status
col-subject = Subject
col-supplier = Supplier
col-then = Then
col-threat-actor = Threat actor
col-tier = Tier
col-trust = Trust
col-units = Units
col-vendor = Vendor
col-weighed = How they were weighed
col-what-done = What was done
col-what-happened = What happened
col-why = Why

## Dashboard
dashboard-title = Dashboard
dashboard-heading = Portfolio dashboard
dashboard-lead = Vendors, their products and dependencies, security incidents and analyst views, each fact tied to a source with its verbatim excerpt.
dashboard-scores-as-of = Scores as of
dashboard-scores-computed = (scored from the evidence for this page: no snapshot is stored for that date)
dashboard-scores-stored = (stored score snapshots)
dashboard-contents = Knowledge base contents
stat-vendors = { $count ->
    [one] vendor
   *[other] vendors
}
stat-products = { $count ->
    [one] product
   *[other] products
}
stat-incidents = { $count ->
    [one] incident
   *[other] incidents
}
stat-assessments = { $count ->
    [one] analyst view
   *[other] analyst views
}
stat-sources = { $count ->
    [one] source
   *[other] sources
}
stat-citations = { $count ->
    [one] citation
   *[other] citations
}

heatmap-title = Portfolio by tier and grade
heatmap-caption = Number of vendors in each tier with each trust grade
heatmap-caption-links = ; each count links to those vendors
heatmap-all = All
heatmap-cell = { $tier }-tier vendors graded { $grade }
heatmap-cell-unknown = { $tier }-tier vendors with too little evidence to grade

histogram-heading = Score distribution
histogram-title = Trust scores of the vendors, by range of 10 points
histogram-bar = { $range }: { $vendors }
histogram-vendors = { $count ->
    [one] { $count } vendor
   *[other] { $count } vendors
}
histogram-desc = Vendors per score range: { $bins }.
histogram-desc-unknown = unknown score: { $count }
histogram-unknown-not-drawn = Vendors with too little evidence to score are not drawn.

drops-title = Biggest score drops
drops-window = { $count ->
    [one] Over { $count } day
   *[other] Over { $count } days
}
drops-since = since { $date }
drops-computed = , scored from the evidence
drops-none = { $count ->
    [one] No score fell over { $count } day.
   *[other] No score fell over { $count } days.
}

recent-incidents-title = Recent incidents
recent-incidents-all = All incidents

action-title = Products needing action ({ $count })
action-none = No product in use needs action on { $date }.
action-all = All recommendations

uncited-title = Sources awaiting citation ({ $count })
uncited-none = Every source is cited by at least one record.
