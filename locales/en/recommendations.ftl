# Recommendations: the portfolio page, a product's page, and the reasons under a decision.

decision-retain = Retain
decision-monitor = Monitor
decision-retain_with_controls = Retain with controls
decision-replace = Replace

rec-title = Recommendations
rec-page-title = Recommendation: { $product }
rec-list-lead = Every product in use on { $date } (in our inventory or in a vendor's dependencies, or dropped in the last few months): what to do with it, by the rule table of docs/recommendations.md.
rec-as-of = What did we know on
rec-show = Show
rec-back-today = Back to today
rec-needing-action = Needing action ({ $count })
rec-retained = Retained as they are ({ $count })
rec-none-needs-action = No product in use needs action on { $date }.
rec-col-decision = Decision
rec-col-product = Product
rec-col-vendor = Vendor
rec-col-score = Score
rec-col-rule = Rule
rec-col-used-by = Used by
rec-unknown = unknown
rec-used-until = { $consumer } until { $date }

rec-in-use = In use
rec-not-in-use = Not in use on this date
rec-criticality = Criticality: { $criticality }
rec-decision-on = Decision on { $date }:
rec-rule-word = Rule
rec-rule-fired = fired (the first rule of the table that holds).
rec-score = Score { $score }
rec-score-unknown = Score unknown ({ $score })
rec-score-detail = , uncertainty { $uncertainty }: the lower of the product's ({ $product }) and the vendor's ({ $vendor }) score counts.
rec-why = Why
rec-recent-incidents = Recent incidents
rec-known-on = , known { $date }
rec-on-this-page = On this page
rec-toc-alternatives = Alternatives ({ $count })
rec-toc-controls = Controls ({ $count })
rec-toc-analysts = Analyst views ({ $count })
rec-alternatives-in = Alternatives in { $category }
rec-no-alternative = No other product of this category qualifies.
rec-col-rank = Rank
rec-col-trust = Trust
rec-col-certainty = Certainty
rec-col-analysts = Analysts
rec-col-exposure = Exposure
rec-col-total = Total
rec-col-notes = Notes
rec-exposure-note = Exposure: { $note }
rec-precedent-note = Precedent: { $note }
rec-total-help = Total: the weighted sum of trust, certainty and analyst stance, minus the exposure penalty (weights in docs/recommendations.md). Each criterion runs from 0 to 1.
rec-left-out = Left out
rec-left-out-item = { $name }: { $reason }
rec-controls = Compensating controls
rec-no-control = No control is called for.
rec-col-control = Control
rec-col-precedents = Recorded precedents
rec-transition = Transition
rec-analyst-views = Analyst views
rec-no-analyst-view = No analyst view on { $product } or { $vendor } was known on { $date }.
rec-view-on = { $kind ->
    [product] on the product { $name }
    [vendor] on the vendor { $name }
   *[other] on an incident
}
rec-stance = Stance: { $stance }
rec-favours = Favours: { $action }
rec-agrees = Agrees with the decision
rec-disagrees = Disagrees with the decision
rec-original = Original ({ $language }):
rec-translation-in = Translation ({ $language }):
rec-translation = Translation:
rec-note-agrees = Agrees: favours { $action }, the decision is { $decision }.
rec-note-disagrees = Disagrees: favours { $action }, the decision is { $decision }.
rec-note-no-action = Favours no particular action.

## Reasons: the rule's own, then the context
rec-an-incident = an incident
rec-why-distrusted = Score { $score } is below { $threshold } (replace_below) for a product used with { $criticality } criticality: too little trust for what relies on it.
rec-why-compromised-analysts-replace = Took part in { $incident } as origin or conduit, most analysts favour replacing it ({ $replace } of { $favoured }), and its score { $score } is below { $threshold } (controls_below).
rec-why-supply-chain-origin = Origin of { $incident }, a severe supply-chain compromise: it may not be kept without compensating controls, whatever its score.
rec-why-severe-incident = Origin or conduit of { $incident } (severe, recent) and score { $score } below { $threshold } (controls_below).
rec-why-weak-trust = Score { $score } is below { $threshold } (controls_below): keep it only with compensating controls.
rec-why-unknown = Unknown: uncertainty { $uncertainty } (≥ { $threshold }); too little evidence to retain it without watching, none against it.
rec-why-uncertain = Uncertainty { $uncertainty } is at least { $threshold } (uncertain_above): the evidence is too thin to retain it without watching.
rec-why-recent-incident = Took part in { $incident }, a recent incident.
rec-why-analysts-caution = { $caution } of { $favoured } analyst views favour replacing or monitoring it.
rec-why-middling-trust = Score { $score } is below { $threshold } (monitor_below).
rec-why-trusted = Score { $score } (at least { $threshold }), uncertainty { $uncertainty }, no recent incident and no analyst majority for change.
rec-why-scores = Score { $score } (product { $product }, vendor { $vendor }: the lower counts), uncertainty { $uncertainty } (the higher).
rec-why-uses = { $consumer } uses it ({ $criticality } criticality)
rec-why-used-until = { $consumer } used it ({ $criticality } criticality) until { $date }
rec-why-used-by = { $uses }.
rec-why-past-use = Not in use on the date: judged at the { $criticality } criticality of its past use.
rec-why-no-use = Nobody uses it: judged at { $criticality } criticality (assumed_criticality).
rec-why-incident = { $role } in { $title } ({ $kind }, severity { $severity }/5).
rec-why-incident-known = { $role } in { $title } ({ $kind }, severity { $severity }/5, known { $date }).
rec-why-no-views = No analyst view on it or its vendor was known on the date.
rec-why-views = { $count ->
    [one] { $count } analyst view
   *[other] { $count } analyst views
} known: { $replace } favour replace, { $monitor } monitor, { $retain } retain{ $none ->
    [0] {""}
   *[other] , { $none } no action
}.

## Compensating controls, alternatives' notes, products left out
control-rationale = { $why }.
control-rationale-because = { $because }: { $why }.
control-ground-incident = { $role } in { $title } ({ $kind }, severity { $severity }/5)
control-ground-precedent = { $who } did this after a similar incident ({ $kind })
precedent = { $who }: { $description }
precedent-on = { $who } ({ $date }): { $description }
precedent-after = { $who }, after { $after }: { $description }
precedent-after-on = { $who } ({ $date }), after { $after }: { $description }
alt-exposure-depends = its vendor depends on { $product }, compromised in the same chain
alt-exposure-involved = { $role } in { $incident }
alt-excluded-chain-origin = { $vendor } is the origin of { $incident }, in the same incident chain
alt-excluded-severe-origin = origin of { $incident }, a severe recent incident
control-rotate-credentials = Rotate every credential, key and certificate the product holds or uses to reach other services, including its service accounts.
control-rotate-credentials-why = stolen credentials and certificates stay valid until replaced, so whatever the product could reach must be assumed exposed
control-rebuild-servers = Rebuild or replace the servers the product runs on, and those it reached, from known-good images.
control-rebuild-servers-why = an attacker who held servers may have left a foothold that cleaning in place cannot rule out
control-host-monitoring = Add host security monitoring (EDR) on every host running the product and watch its processes and accounts.
control-host-monitoring-why = a backdoor in trusted software acts with the software's privileges, and host-level monitoring is what sees it act
control-restrict-outbound = Restrict the product's outbound network traffic to the destinations it needs and alert on anything else.
control-restrict-outbound-why = a backdoor calls home, and blocking unexpected outbound traffic cuts its command channel
control-review-code = Review the product's code, builds and updates for tampering; install only signed releases whose hashes match the vendor's.
control-review-code-why = stolen source code helps an attacker find flaws or forge updates
control-review-access = Review the product's accounts and access logs for the attacker's activity; remove what cannot be explained.
control-review-access-why = an intruder creates and reuses accounts that outlive the intrusion
control-review-data-exposure = List the data the product holds for us, reduce it to what is needed, encrypt it and check notification duties.
control-review-data-exposure-why = data already taken cannot be recalled, but what remains exposed can be reduced
control-offline-backups = Keep offline, tested backups of what the product holds and rehearse the restore.
control-offline-backups-why = ransomware makes availability depend on backups the attacker cannot reach
control-patch-and-harden = Apply the vendor's fixes promptly and keep the product's management interfaces off the internet.
control-patch-and-harden-why = an exploited vulnerability stays open until patched, and exposed interfaces are attacked first
control-continuity-plan = Agree and test a fallback for when the product is unavailable.
control-continuity-plan-why = an outage shows the product is a single point of failure
control-vendor-incident-report = Obtain the vendor's incident report and remediation evidence and review them against the contract's security clauses.
control-vendor-incident-report-why = only the vendor's own findings show whether the cause is fixed
control-transition-plan = Plan the replacement: run both products side by side, migrate, then uninstall the old one and revoke its accounts, keys and network access.
control-transition-plan-why = replacement alone does not restore trust, since the exposure remains until the old product is gone and what it could reach is cleaned
control-vet-replacement = Assess the replacement before relying on it (its score and certainty, its own suppliers) and apply the same controls to its hosts.
control-vet-replacement-why = a new supplier can be the next supply-chain victim, and changing vendors moves the risk without removing it
control-gather-evidence = Ask the vendor for security evidence (certifications, test reports, incident history) and record it in the knowledge base.
control-gather-evidence-why = the knowledge base holds too little evidence to rely on the product either way
