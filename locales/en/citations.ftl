# Messages of the citations pages and forms.

## Source forms
curate-source-new-title = New source
curate-source-edit-title = Edit “{ $title }”
curate-source-field-slug = Identifier
curate-source-slug-hint = lower-case letters, digits and hyphens, e.g. lemagit-2021-03-mimecast
curate-source-field-title = Title
curate-source-field-publisher = Publisher
curate-source-field-url = Address (URL)
curate-source-optional = optional
curate-source-field-language = Language
curate-source-language-hint = ISO 639 code, e.g. fr, en or en-GB
curate-source-field-published = Published
curate-source-date-hint = optional; YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known
curate-source-field-reliability = Reliability of the source (Admiralty grade)
curate-source-field-credibility = Credibility of the information (Admiralty grade)
curate-source-field-text = Full text
curate-source-text-hint = optional but needed to cite it: citations are checked against this text; one paragraph per line
curate-source-create-button = Record the source
curate-source-save-button = Save the source
curate-source-form-note = The change is recorded in the audit trail with your name.
curate-source-cancel = Cancel
curate-source-text-loses-excerpts = { $count ->
    [one] This text no longer contains the excerpt of a citation, which would be left without its quote. Keep the excerpt in the text, or delete the citation first: { $citations }
   *[other] This text no longer contains the excerpts of { $count } citations, which would be left without their quotes. Keep the excerpts in the text, or delete the citations first: { $citations }
}
curate-source-add-link = Add a source
curate-source-edit-link = Edit the source
curate-source-delete-link = Delete the source
curate-source-cite-link = Cite this source for a record
curate-source-delete-title = Delete the source “{ $title }”

## Citation forms
curate-citation-new-title = Cite “{ $source }”
curate-citation-field-kind = Kind of record supported
curate-citation-choose-kind = Choose a kind of record
curate-citation-field-record = Record
curate-citation-record-hint = its identifier, as in its address
curate-citation-record-number-hint = its number, given by the “Cite a source” link on its page
curate-citation-field-excerpt = Excerpt
curate-citation-excerpt-hint = copied from the source’s text; spaces and quotation marks may differ
curate-citation-field-locator = Place in the text
curate-citation-locator-hint = optional, e.g. “paragraph 4”; found automatically when left empty
curate-citation-create-button = Record the citation
curate-citation-form-note = The excerpt is recorded as the source’s text words it, and the citation in the audit trail with your name.
curate-citation-no-text = This source has no stored text, so no excerpt can be checked against it: add its full text first.
curate-citation-add-text = Add the text
curate-citation-not-in-text = This excerpt is not in the source’s text (even with spaces and quotation marks set aside). Copy it from the text.
curate-citation-not-in-text-closest = This excerpt is not in the source’s text (even with spaces and quotation marks set aside). The closest passage is: “{ $passage }”
curate-citation-unknown-record = No record of this kind is named “{ $record }”.
curate-citation-delete-button = Delete citation { $number }
curate-citation-cite-link = Cite a source
curate-citation-choose-title = Choose the source to cite
curate-citation-choose-for = For the { $kind } “{ $record }”: choose the source whose text holds the excerpt.
curate-citation-choose-none = No source is recorded yet.
curate-citation-source-without-text = no stored text: cannot be cited yet

## Kinds of cited record
curate-cited-kind-vendor = vendor
curate-cited-kind-product = product
curate-cited-kind-dependency = dependency
curate-cited-kind-incident = incident
curate-cited-kind-involvement = incident involvement
curate-cited-kind-timeline-event = timeline event
curate-cited-kind-cause = causal link
curate-cited-kind-remediation = remediation
curate-cited-kind-analyst = analyst
curate-cited-kind-assessment = assessment

## Deleting sources, timeline events and causal links
curate-removal-nothing-cites = No citation relies on it. Deleting it removes it; the audit trail keeps its values.
curate-removal-button = Delete “{ $name }”
curate-removal-not-deleted = Not deleted:
curate-removal-blocked = { $count ->
    [one] it cannot be deleted while a citation relies on it. Delete this citation first:
   *[other] it cannot be deleted while { $count } citations rely on it. Delete these citations first:
}
curate-removal-back = Back
