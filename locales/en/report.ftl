# Messages of the vendor report (HTML page and PDF).

vreport-title = Vendor report: { $vendor }
vreport-kind = Vendor report
vreport-as-of = As of { $date }
vreport-page-number = Page { $page } of { $total }
vreport-contents = Contents
vreport-link = Report
vreport-link-pdf = Report (PDF)
vreport-download-pdf = Download the PDF
vreport-vendor-facts = Tier: { $tier } · Status: { $status }
vreport-decision = Procurement decision: { $decision } ({ $date })
vreport-decision-approve = approve
vreport-decision-approve_with_conditions = approve with conditions
vreport-decision-reject = reject
vreport-conditions = Conditions
vreport-score = Trust score
vreport-score-line = Score { $score } out of 100, grade { $grade }
vreport-score-unknown = Score { $score } out of 100, not graded: too little evidence
vreport-uncertainty = Uncertainty: { $uncertainty } · range { $low } to { $high }
vreport-model = Scoring model { $version }
vreport-no-score = No score: nothing recorded about this vendor yet.
vreport-history = Score history
vreport-history-range = Shaded: the range from belief to belief plus uncertainty.
vreport-explanation = What moves the score
vreport-effect = { $effect } points
vreport-incidents = Incidents
vreport-incident-facts = { $kind } · severity { $severity } out of 5
vreport-disclosed = disclosed { $date }
vreport-threat-actor = Threat actor: { $actor }
vreport-roles = Roles
vreport-customers = { $count } customers affected
vreport-timeline = Timeline
vreport-remediations = Remediations
vreport-views = Analyst views
vreport-view-by = { $analyst }, { $date }, on { $subject }: { $stance }
vreport-quote-language = Original quote ({ $language })
vreport-translation = Translation ({ $language })
vreport-dependencies = Dependencies
vreport-depends-on = What the vendor depends on
vreport-depended-by = Who depends on the vendor’s products
vreport-dependency-line = { $consumer } uses { $product } ({ $vendor }), { $criticality } criticality
vreport-dependency-ended = ended
vreport-blast = Blast radius
vreport-blast-summary = Trouble at this vendor reaches { $count } records, up to { $depth } hops away.
vreport-blast-none = Trouble at this vendor reaches no other recorded party.
vreport-blast-unlisted = { $count ->
    [one] One more, farther away, is not named here; the vendor's blast-radius page lists every one.
   *[other] { $count } more, farther away, are not named here; the vendor's blast-radius page lists every one.
}
vreport-hops = { $count ->
    [one] 1 hop
   *[other] { $count } hops
}
vreport-recommendations = Recommendations
vreport-recommendation-line = { $product }: { $decision } (score { $score }, uncertainty { $uncertainty })
vreport-alternatives = Alternatives
vreport-alternative-line = { $rank }. { $product } ({ $vendor }): score { $score }, ranking total { $total }
vreport-controls = Controls
vreport-transition = transition control
vreport-sources = Sources
vreport-source-grade = Admiralty grade { $grade }
vreport-source-published = published { $date }
vreport-none = None recorded.
