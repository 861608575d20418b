# Messages of the search page.

search-title = Search
search-title-query = Search: { $query }
search-page-label = Search vendors, products, incidents, analyst views and sources
search-page-placeholder = e.g. chaîne d'approvisionnement, certificate
search-page-hint = French and English; accents, capitals and word endings do not matter.
search-no-results = No results for “{ $query }”
search-results = { $count ->
    [one] { $count } result for “{ $query }”
   *[other] { $count } results for “{ $query }”
}
search-results-best = { $count } results (the best { $count }) for “{ $query }”
search-nothing = Nothing matches every word. Try fewer or other words.
search-query-too-long = the query (q) must be at most { $max } characters
search-product-of = Product of { $vendor }
search-threat-actor = Threat actor: { $actor }

search-kind-vendor = Vendor
search-kind-product = Product
search-kind-incident = Incident
search-kind-assessment = Analyst view
search-assessment-title = { $analyst } on { $subject }
search-kind-source = Source
search-kind-other = Record

search-part-name = Name
search-part-title = Title
search-part-description = Description
search-part-summary = Summary
search-part-quote = Quote
search-part-translation = Translation
search-part-full-text = Full text
search-part-other = Text
