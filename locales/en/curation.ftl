# Messages of the curation pages.

## Shared by the curation forms

curation-crumb-new = New
curation-crumb-edit = Edit
curation-crumb-delete = Delete
curation-back = Back
curation-cancel = Cancel
curation-save = Save
curation-slug-fixed = Identifier (not editable):
curation-change-audited = The change is recorded in the audit trail with your name.
curation-field-slug = Identifier
curation-field-name = Name
curation-field-kind = Kind
curation-field-vendor = Vendor
curation-field-product = Product
curation-field-description = Description
curation-choose-kind = Choose a kind
curation-choose-vendor = Choose a vendor
curation-hint-slug = lower-case letters, digits and hyphens, e.g. { $example }
curation-hint-optional = optional
curation-hint-optional-number = optional; a whole number
curation-hint-identifier = identifier
curation-hint-date = optional; YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known
curation-hint-date-same = optional; same formats
curation-hint-date-short = optional; YYYY-MM-DD, YYYY-MM or YYYY
curation-severity-option = { $severity } of 5
curation-back-incidents = Back to the incidents
curation-back-vendor = Back to the vendor

## Vendors

curation-vendor-new-title = New vendor
curation-vendor-edit-title = Edit { $name }
curation-vendor-hint-slug = lower-case letters, digits and hyphens, e.g. { $example }; not editable later
curation-vendor-field-tier = Tier
curation-vendor-field-status = Status
curation-vendor-field-website = Website
curation-vendor-hint-website = optional; an http:// or https:// address
curation-vendor-new-submit = Create the vendor
curation-vendor-new-note = The new vendor is recorded in the audit trail with your name. Citations are added separately.

## Products

curation-product-new-title = New product of { $vendor }
curation-product-new-crumb = New product
curation-product-edit-title = Edit { $name }
curation-product-edit-heading = Edit a product of { $vendor }
curation-product-field-category = Category
curation-product-choose-category = Choose a category
curation-product-new-submit = Create the product
curation-product-new-note = The new product is recorded in the audit trail with your name.

## Incidents

curation-incident-new-title = Record an incident
curation-incident-edit-title = Edit { $title }
curation-incident-field-title = Title
curation-incident-field-severity = Severity
curation-incident-field-discovered = Discovered
curation-incident-field-disclosed = Disclosed
curation-incident-field-resolved = Resolved
curation-incident-field-threat-actor = Threat actor
curation-incident-field-summary = Summary
curation-incident-involvements-legend = Who was involved
curation-incident-involvements-hint = at least one row; blank rows are ignored
curation-incident-involvements-hint-edit = at least one row; blank rows are ignored, and emptying a row removes its involvement
curation-incident-involvement-number = Involvement { $number }
curation-incident-field-role = Role
curation-incident-field-customers = Customers affected
curation-incident-field-what-happened = What happened
curation-incident-new-submit = Record the incident
curation-incident-new-note = Scores are recomputed when the incident is saved; its page then shows each score before and after. Citations are added separately.
curation-incident-edit-note = Scores are recomputed when the incident is saved; its page then shows each score before and after. The change is recorded in the audit trail with your name.
curation-incident-deleted = Incident deleted: { $name }

## Remediations

curation-remediation-new-crumb = New remediation
curation-remediation-new-title = Record a remediation of { $incident }
curation-remediation-edit-title = Edit the remediation { $slug }
curation-remediation-field-vendor = Vendor who took it
curation-remediation-field-product = Product concerned
curation-remediation-hint-product = optional identifier, e.g. the product dropped
curation-remediation-field-replacement = Replacement product
curation-remediation-hint-replacement = optional identifier
curation-remediation-field-description = What was done
curation-remediation-field-date = Date
curation-remediation-new-submit = Record the remediation
curation-remediation-note = Scores are recomputed when the remediation is saved; the incident's page then shows each score before and after.
curation-remediation-saved = Remediation saved: { $name }
curation-remediation-deleted = Remediation deleted: { $name }

## Deleting

curation-delete-what-vendor = the vendor
curation-delete-what-product = the product
curation-delete-what-incident = the incident
curation-delete-what-remediation = the remediation
curation-delete-title = Delete { $what } { $name }
curation-delete-nothing-references = Nothing references { $what } { $slug }.
curation-delete-effect-scored = Deleting it removes it and its stored scores; the audit trail keeps its values.
curation-delete-effect-incident = Deleting it removes it with its involvements and timeline, and the scores are recomputed; the audit trail keeps its values.
curation-delete-effect-remediation = Deleting it removes it and the scores are recomputed; the audit trail keeps its values.
curation-delete-submit = Delete { $name }
curation-delete-refused = Not deleted: { $what } { $slug } cannot be deleted while other records reference it. Remove or change these first:
curation-delete-referenced = Other records reference { $what } { $slug }: it cannot be deleted while they do. Remove or change these first:
curation-delete-reference-line = { $kind }: { $list }

## What references a record (the count chooses the form)

ref-products = { $count } { $count ->
    [one] product
   *[other] products
}
ref-dependencies-consumer = { $count } { $count ->
    [one] dependency (as consumer), on
   *[other] dependencies (as consumer), on
}
ref-dependencies = { $count } { $count ->
    [one] dependency, used by
   *[other] dependencies, used by
}
ref-dependencies-ours = { $count } { $count ->
    [one] dependency of our own organisation
   *[other] dependencies of our own organisation
}
ref-involvements = { $count } { $count ->
    [one] incident involvement
   *[other] incident involvements
}
ref-remediations = { $count } { $count ->
    [one] remediation
   *[other] remediations
}
ref-assessments = { $count } { $count ->
    [one] assessment
   *[other] assessments
}
ref-citations = { $count } { $count ->
    [one] citation
   *[other] citations
}
ref-causes = { $count } { $count ->
    [one] causal link from an earlier incident
   *[other] causal links from earlier incidents
}
ref-consequences = { $count } { $count ->
    [one] causal link to a later incident
   *[other] causal links to later incidents
}

## The score changes a curation caused

curation-score-changes-title = Recorded: what changed in the scores
curation-score-changes-none = No score moved. Evidence counts from the day it became known: a date given as a month or a year counts from the end of that period.
curation-score-changes-note = Scores as of today, before and after; "unknown" means too little evidence for a grade.
curation-score-changes-subject = Vendor or product
curation-score-changes-before = Before
curation-score-changes-after = After
curation-score-changes-change = Change
curation-score-changes-kind-vendor = vendor
curation-score-changes-kind-product = product
curation-score-changes-unknown = unknown
curation-score-changes-not-scored = not scored

## Field errors of the curation forms

err-incident-slug-taken = another incident already has the identifier "{ $slug }"
err-remediation-slug-taken = another remediation already has the identifier "{ $slug }"
err-severity = choose a severity from 1 to 5
err-customers = a whole number, 0 or more
err-before-discovery = is before the discovery date ({ $date })
err-involvement-party = an involvement needs a vendor, a product or both
err-involvement-needed = record at least one involvement: a vendor and/or a product, with its role
err-no-involvement = this row is not an involvement of this incident: reload the form
err-involvement-cited = the involvement of { $party } is cited by { $count } { $count ->
    [one] citation
   *[other] citations
}: remove them before removing it
err-replacement-same = the replacement must differ from the product

## Links to the curation forms on record pages

curation-link-edit = Edit
curation-link-delete = Delete
curation-link-edit-incident = Edit the incident
curation-link-delete-incident = Delete the incident
