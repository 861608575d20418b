# Messages of the incident list and the incident page.

## Incident list
incident-list-title = Incidents
incident-list-filter = Filter incidents
incident-filter-any-kind = Any kind
incident-filter-from = Disclosed from
incident-filter-to = to
incident-filter-any-severity = Any severity
severity-at-least = { $severity } or more
severity-only = { $severity } only
incident-list-count = { $count ->
    [one] { $count } incident.
   *[other] { $count } incidents.
}
incident-list-count-filtered = { $count ->
    [one] { $count } incident matches these filters.
   *[other] { $count } incidents match these filters.
}
incident-list-note = Dates are disclosure dates, or discovery dates when the disclosure is unknown.
incident-list-none-match = No incident matches these filters.
incident-list-empty = No incident recorded yet.
incident-sort-date = Oldest first
incident-sort-date-desc = Most recent first
incident-sort-severity = Least severe first
incident-sort-severity-desc = Most severe first
incident-sort-title = Title, A to Z
incident-sort-title-desc = Title, Z to A

## Incident page
incident-severity = Severity { $severity }/5
incident-discovered = Discovered
incident-resolved = Resolved
incident-blast-radius = Blast radius: who this incident reached, and through which dependencies
incident-record-remediation = Record a remediation
incident-record-another = Record another incident
involvements-title = Who was involved
involvements-none = No involvement recorded.
timeline-title = Timeline
timeline-none = No dated update recorded.
causes-title = Causes and consequences
causes-caused-by = Caused by
causes-led-to = Led to
causes-none = No earlier incident is recorded as a cause.
consequences-none = No later incident is recorded as a consequence.
incident-assessments-title = Analyst views on this incident
