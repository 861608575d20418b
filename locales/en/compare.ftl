# Messages of the compare pages and forms.

compare-title = Compare
compare-intro = Pick two to four vendors, or two to four products, to see their trust scores, incidents, analyst views and dependencies side by side.
compare-pick-vendors = Vendors
compare-pick-products = Products
compare-pick-hint = Choose two to four.
compare-no-vendors = No vendor recorded yet.
compare-no-products = No product recorded yet.
compare-button-vendors = Compare these vendors
compare-button-products = Compare these products
compare-change = Change the comparison
compare-heading-vendors = { $count ->
    [one] One vendor side by side
   *[other] { $count } vendors side by side
}
compare-heading-products = { $count ->
    [one] One product side by side
   *[other] { $count } products side by side
}
compare-as-of = As known on { $date }.
compare-as-of-label = What did we know on
compare-show = Show
compare-back-today = Back to today

compare-row-score = Trust score
compare-row-uncertainty = Uncertainty
compare-row-grade = Grade
compare-row-tier = Tier
compare-row-status = Status
compare-row-vendor = Vendor
compare-row-category = Category
compare-row-recommendation = Recommendation
compare-row-incidents = Incidents
compare-row-assessments = Analyst views
compare-row-depends-on = Depends on
compare-row-vendor-depends-on = Its vendor depends on
compare-row-depended-on = Depended on by

compare-unknown = Unknown
compare-no-score = No score could be computed.
compare-interval = range
compare-none-incidents = No incident recorded.
compare-none-assessments = No analyst view recorded.
compare-none-dependencies = None recorded.
compare-via = via { $product }
compare-favours = Favours: { $action }
compare-original = Original ({ $language }):
compare-translation-in = { $language } translation:
compare-translation = Translation:
compare-since = since { $date }
compare-until = until { $date }
compare-in-use = in use
compare-ended = ended
compare-organisation = Our organisation
compare-recommendation-link = Why, alternatives and controls
compare-decision-retain = Retain
compare-decision-monitor = Monitor
compare-decision-retain-with-controls = Retain with controls
compare-decision-replace = Replace

# Entry points on the vendor pages.
compare-with = Compare with…
compare-vendors-link = Compare vendors side by side

# Why a selection cannot be compared.
compare-err-mixed = Compare vendors or products, not both at once.
compare-err-unknown-vendor = { $count ->
    [one] Unknown vendor: { $slugs }.
   *[other] Unknown vendors: { $slugs }.
}
compare-err-unknown-product = { $count ->
    [one] Unknown product: { $slugs }.
   *[other] Unknown products: { $slugs }.
}
compare-err-too-few = Choose at least two to compare (you chose { $count }).
compare-err-too-many = Choose at most four to compare (you chose { $count }).
compare-err-parameter = Unknown parameter “{ $name }”: use vendors, products, with or as_of.
compare-err-date = “{ $value }” is not a date (write it YYYY-MM-DD).
