# Blast radius of a vendor, product or incident, and the concentration view.

node-vendor = Vendor
node-product = Product
node-organisation = Our organisation
node-incident = Incident

blast-title = Blast radius of { $name }
blast-lead = { $kind ->
    [incident] Who this incident reached, from where it started through the dependencies on those parties and the incidents it led to
    [vendor] Who depends on this vendor, directly and through any number of hops, and the incidents that travelled along those dependencies
    [product] Who depends on this product, directly and through any number of hops, and the incidents that travelled along those dependencies
   *[other] Who depends on this organisation, directly and through any number of hops, and the incidents that travelled along those dependencies
}, as of { $date }:
blast-parties = { $count ->
    [one] { $count } party reached beyond the start.
   *[other] { $count } parties reached beyond the start.
}
blast-help = A dependency counts once it has begun, including one that has since ended ({ $count } here, drawn dotted: past exposure matters after a compromise); an incident counts once it was known. A vendor and its own products are one hop; an incident spreads from its origin and conduits to its victims and to the incidents it caused.
blast-as-of = As of
blast-chart-title = Blast radius of { $name } as of { $date }
blast-chart-desc = { $count } nodes in columns by hop count from { $name }; solid arrows are dependencies (labelled with their dates and criticality), dashed red arrows are incidents.
blast-chart-hidden = { $count ->
    [one] { $count } edge back towards the start is left out of the picture.
   *[other] { $count } edges back towards the start are left out of the picture.
}
blast-chart-tables = The tables below list every node and edge.
blast-caption = Boxes link to each record; the tables below give the same graph as text
blast-caption-hidden = { $count ->
    [one] , including { $count } edge back towards the start that the picture leaves out
   *[other] , including { $count } edges back towards the start that the picture leaves out
}
blast-exposed = Who is exposed
blast-col-hops = Hops
blast-col-party = Party or incident
blast-col-path = Path
blast-col-reached = Reached through
blast-col-incidents = Incidents along it
blast-its-radius = its blast radius
blast-edges = Every edge
blast-no-edge = Nothing depends on { $name } on { $date }.
blast-col-from = From
blast-col-to = To
blast-col-kind = Kind
blast-col-what = What
blast-col-period = Period
blast-col-criticality = Criticality
blast-json = The same data as JSON:
blast-kind-own-product = Own product
blast-kind-dependency = Dependency
blast-kind-incident = Incident
blast-reached-origin = Where the incident started (its origin)
blast-reached-start = The start
blast-edge-own-product = Its own product
blast-edge-depends = Depends on it: { $period }
blast-edge-depends-critical = Depends on it: { $period }, { $criticality } criticality
blast-edge-origin = Incident origin
blast-edge-conduit = Incident conduit
blast-edge-victim = Incident victim
blast-edge-caused = Caused
blast-edge-title = { $from } → { $to }: { $what }
blast-period-between = { $since } – { $until }
blast-period-since = since { $since }
blast-period-until = until { $until }
blast-period-unknown = dates unknown
blast-period = { $state ->
    [in_use] { $dates } (in use)
    [ended] { $dates } (ended)
   *[other] { $dates }
}
blast-relation-origin = origin
blast-relation-conduit = conduit
blast-relation-victim = victim
blast-relation-caused = caused
blast-node-caption = { $kind } · hop { $hops }
blast-node-title = { $name } ({ $kind }), hop { $hops }
blast-column-start = Start
blast-column-hop = Hop { $hops }

conc-title = Concentration
conc-lead = The products and suppliers that many of our vendors (and our own organisation) depend on, as of { $date }: { $count } in use, { $critical }.
conc-critical-count = { $count } of them critical or high
conc-dependency-count = { $count ->
    [one] { $count } dependency
   *[other] { $count } dependencies
}
conc-help = Only dependencies in use on the date count. "Through any hops" adds the consumers of consumers (fourth parties and beyond). The share is the part of all critical or high dependencies that rest on the product or supplier.
conc-chart-title = Share of critical dependencies per product, as of { $date }
conc-chart-desc = One bar per product, most concentrated first, with its share of the critical or high dependencies and its number of consumers; the longest bar is the largest share shown, the others to scale. The table below gives the same figures.
conc-consumer-count = { $count ->
    [one] { $count } consumer
   *[other] { $count } consumers
}
conc-products = Products
conc-suppliers = Suppliers
conc-no-product = No product has a consumer on { $date }.
conc-no-supplier = No supplier has a consumer on { $date }.
conc-supplier = Supplier
conc-consumers = Consumers
conc-direct = Direct
conc-any-hops = Through any hops
conc-dependencies = Dependencies
conc-critical = Critical or high
conc-share = Share of critical
conc-exposure = Exposure
conc-blast-radius = Blast radius
conc-more = { $count ->
    [one] and one more
   *[other] and { $count } more
}
