# Messages of the timeline pages and forms.

## Timeline event forms
curate-timeline-new-title = Ajouter un événement à la chronologie
curate-timeline-edit-title = Modifier un événement de la chronologie
curate-timeline-of = Incident : { $incident }
curate-timeline-field-date = Date
curate-timeline-date-hint = AAAA-MM-JJ, ou AAAA-MM / AAAA quand seul le mois ou l’année est connu
curate-timeline-field-title = Ce qui s’est passé
curate-timeline-field-description = Détails
curate-timeline-optional = facultatif
curate-timeline-create-button = Ajouter l’événement
curate-timeline-save-button = Enregistrer l’événement
curate-timeline-form-note = Les scores sont recalculés à l’enregistrement (la date à laquelle l’incident est connu peut changer) ; la page de l’incident montre ensuite chaque score avant et après.
curate-timeline-cancel = Annuler
curate-timeline-add-link = Ajouter un événement à la chronologie
curate-timeline-edit-link = Modifier
curate-timeline-delete-link = Supprimer
curate-timeline-delete-title = Supprimer l’événement « { $title } »

## Causal links
curate-cause-new-title = Ajouter un lien de causalité
curate-cause-field-direction = Lien avec « { $incident } »
curate-cause-direction-caused-by = cet incident a été causé par…
curate-cause-direction-led-to = cet incident a entraîné…
curate-cause-field-other = L’autre incident
curate-cause-other-hint = son identifiant
curate-cause-field-description = Comment l’un a entraîné l’autre
curate-cause-create-button = Enregistrer le lien
curate-cause-form-note = Les scores sont recalculés à l’enregistrement (un incident est connu dès le jour où ses conséquences l’ont été) ; la page de l’incident montre ensuite chaque score avant et après.
curate-cause-unknown-incident = Aucun incident n’a l’identifiant « { $slug } ».
curate-cause-self-link = Un incident ne peut pas être sa propre cause.
curate-cause-duplicate = Ce lien de causalité est déjà enregistré.
curate-cause-cycle = Ce lien fermerait une boucle de causes.
curate-cause-cycle-through = Ce lien fermerait une boucle de causes : { $path } y ramène déjà.
curate-cause-add-link = Ajouter un lien de causalité
curate-cause-link-caused-by = { $other } a entraîné { $incident }
curate-cause-delete-link = Supprimer le lien
curate-cause-delete-title = Supprimer le lien de causalité { $link }
