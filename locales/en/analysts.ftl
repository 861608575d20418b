# Messages of the analysts pages and forms.

nav-analysts = Analysts
analysts-title = Analysts
analysts-lead = Analyst firms and their analysts, and our internal reviewers, whose views on vendors, products and incidents count in the trust scores.
analysts-empty = No analyst recorded yet.
analysts-internal = Internal reviewers
analysts-firm-empty = No analyst of this firm is recorded.
analysts-col-analyst = Analyst
analysts-col-title = Title
analysts-col-views = Views given
analysts-col-actions = Actions
analysts-edit = Edit
analysts-delete = Delete
analysts-field-slug = Identifier
analysts-field-name = Name
analysts-slug-fixed = Identifier (not editable):
analysts-save = Save
analysts-cancel = Cancel
analysts-audit-note = The change is recorded in the audit trail with your name.
firm-new-title = New analyst firm
firm-edit-title = Edit an analyst firm
firm-hint-slug = lower-case letters, digits and hyphens, e.g. gartner
firm-field-website = Website
firm-hint-website = optional; an http:// or https:// address
firm-create = Create the firm
firm-delete-title = Delete the analyst firm { $name }
analyst-new-title = New analyst
analyst-edit-title = Edit an analyst
analyst-hint-slug = lower-case letters, digits and hyphens, e.g. peter-firstbrook
analyst-field-firm = Firm
analyst-internal = None: internal reviewer
analyst-field-title = Title
analyst-hint-title = optional, e.g. VP of research
analyst-create = Create the analyst
analyst-add-to-firm = Add an analyst
analyst-add-view = Add a view
analyst-delete-title = Delete the analyst { $name }
analyst-err-no-firm = no analyst firm "{ $slug }"
curated-ref-analysts = { $count ->
    [one] { $count } analyst
   *[other] { $count } analysts
}
