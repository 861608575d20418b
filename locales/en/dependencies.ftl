# Messages of the dependencies pages and forms.

dep-new-title = New dependency of { $vendor }
dep-new-crumb = New dependency
dep-edit-title = Edit a dependency
dep-edit-crumb = Edit a dependency
dep-our-organisation = Our organisation
dep-field-consumer = Consumer
dep-choose-consumer = Choose who uses the product
dep-field-product = Product used
dep-hint-product = identifier, e.g. solarwinds-orion
dep-field-since = In use since
dep-hint-date = optional; YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known
dep-field-until = In use until
dep-hint-until = optional; leave empty while still in use
dep-field-criticality = Criticality
dep-choose-criticality = Choose a criticality
dep-field-purpose = Purpose
dep-hint-optional = optional
dep-create = Record the dependency
dep-save = Save the dependency
dep-cancel = Cancel
dep-form-note = Supply-chain scores are recomputed when the dependency is saved; the next page shows each score before and after. Citations are added separately.
dep-err-until-before-since = { $until } is before the start of use ({ $since })
dep-err-no-vendor = no vendor "{ $slug }"
dep-err-no-product = no product "{ $slug }"
dep-delete-title = Delete the dependency { $name }
dep-delete-title-ours = Delete our organisation's dependency on { $name }
dep-add = Add a dependency
dep-edit = Edit
dep-delete = Delete

report-title = What changed in the scores
report-what-dependency = Dependency changed:
report-what-assessment = Analyst view changed:
report-what-incident = Incident changed:
report-back = Back to the page

curated-delete-free = Nothing references this record. Deleting it removes it; the audit trail keeps its values.
curated-delete-button = Delete
curated-delete-refused = Not deleted:
curated-delete-blocked = this record cannot be deleted while other records reference it. Remove or change these first.
curated-colon = :
curated-back = Back
curated-ref-citations = { $count ->
    [one] { $count } citation
   *[other] { $count } citations
}
