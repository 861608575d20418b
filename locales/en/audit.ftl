# The audit trail: the filtered list, and the History section of record pages.

audit-title = Audit trail
audit-lead = Every change to the knowledge base and to accounts, newest first: who made it, when, from where, through what, and the values before and after.
audit-filter-label = Filter the audit trail
audit-anyone = Anyone
audit-record-kind = Record kind
audit-any = Any
audit-record-id = Record id
audit-from = From
audit-to = To
audit-filter = Filter
audit-clear = Clear filters
audit-csv = Download CSV
audit-csv-filtered = the records matching these filters, at most { $max }
audit-csv-all = every record, at most { $max }
audit-none-matches = No record matches these filters.
audit-empty-trail = The audit trail is empty.
audit-pages = Pages
audit-previous = Previous
audit-next = Next
audit-page-of = Page { $page } of { $pages } ({ $total } in all)
audit-record-count = { $count ->
    [one] { $count } record.
   *[other] { $count } records.
}
audit-col-when = When (UTC)
audit-col-who = Who
audit-col-channel = Channel
audit-col-address = Address
audit-col-action = Action
audit-col-record = Record
audit-col-change = Change
audit-empty = empty
audit-changed-to = changed to
audit-history = History
audit-history-empty = No change to this record is on the audit trail.
audit-history-all = All { $count } entries in the audit trail
audit-history-this = This record in the audit trail

audit-entity-vendor = Vendor
audit-entity-product = Product
audit-entity-category = Category
audit-entity-incident = Incident
audit-entity-incident_involvement = Incident involvement
audit-entity-incident_timeline_event = Incident timeline event
audit-entity-incident_cause = Incident cause
audit-entity-incident_rescore = Rescoring after an incident
audit-entity-source = Source
audit-entity-citation = Citation
audit-entity-remediation = Remediation
audit-entity-remediation_rescore = Rescoring after a remediation
audit-entity-dependency = Dependency
audit-entity-dependency_rescore = Rescoring after a dependency
audit-entity-analyst = Analyst
audit-entity-analyst_firm = Analyst firm
audit-entity-assessment = Analyst assessment
audit-entity-assessment_rescore = Rescoring after an assessment
audit-entity-user = User account
audit-entity-session = Session
audit-entity-api_token = API token
audit-entity-imported_pack = Imported pack

audit-bad-date = { $field }: "{ $value }" is not a date; use YYYY-MM-DD (e.g. 2026-01-31)
audit-bad-range = from: { $from } is after to ({ $to }); the range would be empty
