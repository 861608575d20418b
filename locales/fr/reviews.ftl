# Messages des pages de revues d’achat.

nav-reviews = Revues
reviews-title = Revues d’achat
reviews-lead = Revues d’un fournisseur ou d’un produit avant l’achat : ouvertes avec les faits de la demande, décidées par un réviseur, les preuves figées à la décision.
reviews-sections = Sections
reviews-tab-open = Revues ouvertes
reviews-tab-due = À réexaminer
reviews-tab-overdue = Conditions en retard
reviews-none-open = Aucune revue n’est ouverte.
reviews-none-due = Aucune revue décidée n’est à réexaminer dans les 30 prochains jours.
reviews-none-overdue = Aucune condition n’est en retard.
reviews-col-subject = Fournisseur ou produit
reviews-col-purpose = Usage
reviews-col-requester = Demandeur
reviews-col-due = Échéance
reviews-col-decision = Décision
reviews-col-re-review = À réexaminer le
reviews-col-condition = Condition
reviews-col-owner = Responsable
reviews-col-status = État
reviews-col-evidence = Preuve
reviews-col-known = Connue le
reviews-col-effect = Effet (points)

reviews-open-link = Ouvrir une revue
reviews-new-title = Ouvrir une revue de { $subject }
reviews-new-crumb = Nouvelle revue
reviews-new-submit = Ouvrir la revue
reviews-audited = L’ouverture d’une revue est consignée dans le journal d’audit.
reviews-field-subject = Objet
reviews-field-purpose = Usage
reviews-hint-purpose = à quoi il servira
reviews-field-classification = Classification des données
reviews-choose-classification = Choisissez une classification
reviews-field-spend = Dépense annuelle
reviews-hint-spend = facultatif, par exemple 12000.50
reviews-field-currency = Devise
reviews-hint-currency = code ISO tel que EUR ou USD, avec la dépense
reviews-field-requester = Demandeur
reviews-field-due = Décision attendue le
reviews-hint-day = AAAA-MM-JJ
reviews-hint-optional = facultatif

reviews-show-title = Revue de { $subject }
reviews-product-of = { $product }, un produit de { $vendor }
reviews-opened = Ouverte
reviews-decided = Décidée
reviews-by-on = par { $who } le { $date }
reviews-field-rationale = Justification
reviews-field-re-review = À réexaminer le
reviews-snapshot-title = Les preuves à la décision
reviews-frozen-on = Tel que figé le { $date } : les preuves ultérieures ne changent pas cette revue.
reviews-pdf-link = Le rapport figé (PDF)
reviews-uncertainty = incertitude { $uncertainty }
reviews-vendor-score = { $vendor } obtenait { $score } / 100 ce jour-là.
reviews-explanation = Pourquoi ce score
reviews-no-evidence = Aucune preuve retenue.
reviews-no-score = Aucun score n’a pu être calculé ce jour-là.
reviews-incidents = Incidents
reviews-no-incidents = Aucun incident enregistré.
reviews-severity = gravité { $severity }
reviews-citations = Sources citées
reviews-no-citations = Aucune source citée.
reviews-recommendations = Recommandation
reviews-no-recommendations = Aucun produit sur lequel recommander.
reviews-alternatives = alternatives : { $names }
reviews-conditions = Conditions
reviews-no-conditions = Aucune condition.
reviews-conditions-hint = Requises pour une approbation sous conditions ; laissez vides les lignes inutilisées.
reviews-condition-save = Enregistrer
reviews-decide-title = Décider
reviews-decide-lead = La décision fige avec la revue le score, les preuves et la recommandation du jour ; elle ne peut plus être modifiée ensuite.
reviews-field-decision = Décision
reviews-choose-decision = Choisissez une décision
reviews-field-condition = Condition
reviews-field-owner = Responsable
reviews-field-condition-due = Condition à remplir le
reviews-decide-submit = Enregistrer la décision

reviews-err-day = « { $value } » n’est pas une date écrite AAAA-MM-JJ.
reviews-err-amount = Écrivez le montant en chiffres, avec au plus deux décimales, par exemple 12000.50.
reviews-err-currency = Écrivez la devise en code ISO de trois lettres, par exemple EUR.
reviews-err-conditions-required = Une approbation sous conditions demande au moins une condition.
reviews-err-re-review-future = La date de réexamen doit être postérieure à aujourd’hui ({ $today }).
reviews-err-already-decided = Cette revue a déjà été décidée ; une décision ne peut pas être modifiée.

ref-reviews = { $count } { $count ->
    [one] revue d’achat
   *[other] revues d’achat
}
