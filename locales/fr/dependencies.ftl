# Messages des pages et formulaires des dépendances.

dep-new-title = Nouvelle dépendance de { $vendor }
dep-new-crumb = Nouvelle dépendance
dep-edit-title = Modifier une dépendance
dep-edit-crumb = Modifier une dépendance
dep-our-organisation = Notre organisation
dep-field-consumer = Utilisateur
dep-choose-consumer = Choisir qui utilise le produit
dep-field-product = Produit utilisé
dep-hint-product = identifiant, par exemple solarwinds-orion
dep-field-since = Utilisé depuis
dep-hint-date = facultatif ; AAAA-MM-JJ, ou AAAA-MM / AAAA si seul le mois ou l’année est connu
dep-field-until = Utilisé jusqu’au
dep-hint-until = facultatif ; laisser vide tant qu’il est utilisé
dep-field-criticality = Criticité
dep-choose-criticality = Choisir une criticité
dep-field-purpose = Usage
dep-hint-optional = facultatif
dep-create = Enregistrer la dépendance
dep-save = Enregistrer la dépendance
dep-cancel = Annuler
dep-form-note = Les scores de la chaîne d’approvisionnement sont recalculés à l’enregistrement ; la page suivante montre chaque score avant et après. Les citations s’ajoutent à part.
dep-err-until-before-since = { $until } précède le début de l’utilisation ({ $since })
dep-err-no-vendor = aucun fournisseur « { $slug } »
dep-err-no-product = aucun produit « { $slug } »
dep-delete-title = Supprimer la dépendance { $name }
dep-delete-title-ours = Supprimer la dépendance de notre organisation à { $name }
dep-add = Ajouter une dépendance
dep-edit = Modifier
dep-delete = Supprimer

report-title = Ce qui a changé dans les scores
report-what-dependency = Dépendance modifiée :
report-what-assessment = Avis d’analyste modifié :
report-what-incident = Incident modifié :
report-back = Retour à la page

curated-delete-free = Rien ne fait référence à cet enregistrement. Le supprimer l’efface ; le journal d’audit en garde les valeurs.
curated-delete-button = Supprimer
curated-delete-refused = Non supprimé :
curated-delete-blocked = cet enregistrement ne peut pas être supprimé tant que d’autres y font référence. Supprimez-les ou modifiez-les d’abord.
curated-colon = { " " }:
curated-back = Retour
curated-ref-citations = { $count ->
    [one] { $count } citation
   *[other] { $count } citations
}
