# Messages of the timeline pages and forms.

## Timeline event forms
curate-timeline-new-title = Add a timeline event
curate-timeline-edit-title = Edit a timeline event
curate-timeline-of = Incident: { $incident }
curate-timeline-field-date = Date
curate-timeline-date-hint = YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known
curate-timeline-field-title = What happened
curate-timeline-field-description = Details
curate-timeline-optional = optional
curate-timeline-create-button = Add the event
curate-timeline-save-button = Save the event
curate-timeline-form-note = Scores are recomputed when the event is saved (it may change when the incident became known); the incident’s page then shows each score before and after.
curate-timeline-cancel = Cancel
curate-timeline-add-link = Add a timeline event
curate-timeline-edit-link = Edit
curate-timeline-delete-link = Delete
curate-timeline-delete-title = Delete the timeline event “{ $title }”

## Causal links
curate-cause-new-title = Add a causal link
curate-cause-field-direction = How it relates to “{ $incident }”
curate-cause-direction-caused-by = this incident was caused by…
curate-cause-direction-led-to = this incident led to…
curate-cause-field-other = The other incident
curate-cause-other-hint = its identifier
curate-cause-field-description = How one led to the other
curate-cause-create-button = Record the link
curate-cause-form-note = Scores are recomputed when the link is saved (an incident is known from the day its consequences were); the incident’s page then shows each score before and after.
curate-cause-unknown-incident = No incident has the identifier “{ $slug }”.
curate-cause-self-link = An incident cannot cause itself.
curate-cause-duplicate = This causal link is already recorded.
curate-cause-cycle = This link would close a loop of causes.
curate-cause-cycle-through = This link would close a loop of causes: { $path } already leads back.
curate-cause-add-link = Add a causal link
curate-cause-link-caused-by = { $other } led to { $incident }
curate-cause-delete-link = Delete the link
curate-cause-delete-title = Delete the causal link { $link }
