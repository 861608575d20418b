# Messages of the assessments pages and forms.

assess-new-title = New analyst view
assess-edit-title = Edit an analyst view
assess-hint-slug = lower-case letters, digits and hyphens, e.g. gartner-orion-2026
assess-field-analyst = Analyst
assess-choose-analyst = Choose an analyst
assess-subject-legend = About (exactly one: a vendor, a product or an incident)
assess-field-vendor = Vendor
assess-field-product = Product
assess-field-incident = Incident
assess-hint-identifier = identifier
assess-field-date = Date of the view
assess-hint-date = YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known
assess-field-stance = Stance on "this subject is trustworthy"
assess-choose-stance = Choose a stance
assess-field-action = Action favoured
assess-none = None
assess-field-quote = Quote
assess-hint-quote = verbatim, in its original language
assess-field-quote-language = Language of the quote
assess-hint-language = ISO 639 code, e.g. fr or en
assess-field-translation = Translation
assess-hint-optional = optional
assess-field-translation-language = Language of the translation
assess-hint-translation-language = required with a translation, e.g. en
assess-field-quadrant = Magic Quadrant placement
assess-field-wave = Forrester Wave placement
assess-create = Record the view
assess-save = Save the view
assess-form-note = Scores are recomputed when the view is saved; the next page shows each score before and after. Citations are added separately.
assess-err-one-subject = give exactly one subject: a vendor, a product or an incident
assess-err-translation-language = give the language of the translation
assess-err-translation-missing = a translation language was given without a translation
assess-err-no-analyst = no analyst "{ $slug }"
assess-err-no-vendor = no vendor "{ $slug }"
assess-err-no-product = no product "{ $slug }"
assess-err-no-incident = no incident "{ $slug }"
assess-delete-title = Delete the analyst view { $name }
assess-add = Add an analyst view
assess-edit = Edit
assess-delete = Delete
curated-ref-assessments = { $count ->
    [one] { $count } analyst view
   *[other] { $count } analyst views
}
