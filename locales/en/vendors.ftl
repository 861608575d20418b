# Messages of the vendor list and the vendor page: trust score, its explanation and chart,
# products, dependencies, remediations and analyst views.

## Vendor list
vendor-list-title = Vendors
vendor-list-filter = Filter vendors
vendor-filter-any-tier = Any tier
vendor-filter-any-status = Any status
vendor-filter-any-grade = Any grade
vendor-filter-category = Product category
vendor-filter-any-category = Any category
vendor-list-count = { $count ->
    [one] { $count } vendor.
   *[other] { $count } vendors.
}
vendor-list-count-filtered = { $count ->
    [one] { $count } vendor matches these filters.
   *[other] { $count } vendors match these filters.
}
vendor-list-note = Grades and scores are the latest stored snapshots.
vendor-list-none-match = No vendor matches these filters.
vendor-list-empty = No vendor recorded yet.
vendor-list-trust-title = The latest stored score, with the date it is as of
vendor-sort-name = Name, A to Z
vendor-sort-name-desc = Name, Z to A
vendor-sort-score = Trust score, lowest first
vendor-sort-score-desc = Trust score, highest first
vendor-sort-tier = Tier, critical first
vendor-sort-tier-desc = Tier, low first
vendor-sort-status = Status
vendor-sort-status-desc = Status, reversed

## Vendor page
vendor-page-edit = Edit
vendor-page-add-product = Add a product
vendor-page-delete = Delete
vendor-page-new = New vendor
vendor-page-record-incident = Record an incident
vendor-tier = Tier: { $tier }
vendor-status = Status: { $status }
toc-label = On this page
toc-history = History

trust-title = Trust score
trust-none = No score could be computed.
trust-no-evidence = No evidence about { $vendor } was known on { $date }: the score sits at the base rate ({ $score }) with full uncertainty. Record incidents, remediations or analyst views to score it.
trust-too-little = Too little evidence about { $vendor } on { $date } to grade it: uncertainty { $uncertainty },
trust-score-between = score { $score } (between { $low } and { $high }).
trust-too-little-why = What is recorded is thin or has decayed with age; the contributions below show it.
trust-out-of-100 = { $score } / 100
trust-uncertainty-lead = , uncertainty
trust-range = : whatever the base rate, the evidence puts { $vendor } between { $low } and { $high }.
trust-opinion-1 = Belief { $belief } · disbelief { $disbelief }
trust-opinion-2 = uncertainty { $uncertainty } · base rate { $base }
trust-model = model { $model }

chart-title = Trust score of { $vendor } over time
chart-desc = Monthly score from { $from } to { $to }, with the range the uncertainty leaves open and the incidents that count; the table below gives the same figures.
chart-figures = The figures behind the chart

contrib-title = Why: every contribution
contrib-weighed-1 = { $raw } raw × { $share } share
contrib-weighed-2 = { $decay } decay × { $source } source
contrib-note = Effect: how many points the score would move without that line. Units are evidence in the beta model (prior weight 2); docs/scoring.md gives the formulas.
contrib-superseded = { $line } (not counted: a heavier part in the same incident counts)
contribution-kind-involvement = Incident involvement
contribution-kind-remediation = Remediation
contribution-kind-assessment = Analyst view (averaged with the others)
contribution-kind-dependency = Inherited through a dependency
evidence-involvement = { $role } in { $incident }
evidence-remediation = { $kind }: { $description }
evidence-assessment = { $analyst }: { $stance }
evidence-unknown-analyst = Unknown analyst
evidence-dependency = Depends on { $product } ({ $vendor }), { $criticality } criticality

products-title = Products
products-none = No product recorded.
product-blast-radius = Blast radius
product-recommendation = Recommendation

dependencies-title = Dependencies
dependencies-uses = What { $vendor } uses
dependencies-used-by = Who uses products of { $vendor }
dependencies-no-supplier = No supplier product recorded.
dependencies-no-consumer = No consumer recorded.
vendor-blast-radius = Blast radius: who is exposed through { $vendor }, directly and through fourth parties
uses-since = since { $date }
uses-until = until { $date }
uses-dates-unknown = dates unknown
uses-in-use = in use
uses-ended = ended

vendor-incidents-none = No incident involving { $vendor } or its products is recorded.
involvement-via = via { $product }
customers-affected = Customers affected: { $count }

remediations-title = Remediations
remediation-none = No remediation recorded.
remediation-product = Product: { $product }
remediation-replaced-by = → replaced by { $product }
remediation-after = After:
remediation-by = By

assessments-title = Analyst views
vendor-assessments-none = No analyst view recorded on { $vendor } or its products.
assessment-on = { $kind ->
    [vendor] on the vendor { $name }
    [product] on the product { $name }
   *[incident] on the incident { $name }
}
assessment-stance-title = Stance on the STIX opinion scale towards the statement: { $name } is trustworthy
assessment-stance = “{ $name } is trustworthy”: { $stance }
assessment-favours = Favours: { $action }
assessment-magic-quadrant = Magic Quadrant: { $quadrant }
assessment-wave = Wave: { $tier }
assessment-original = Original ({ $language }):
assessment-translation-in = { $language } translation:
assessment-translation = Translation:
