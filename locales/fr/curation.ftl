# Messages of the curation pages.

## Communs aux formulaires de curation

curation-crumb-new = Nouveau
curation-crumb-edit = Modifier
curation-crumb-delete = Supprimer
curation-back = Retour
curation-cancel = Annuler
curation-save = Enregistrer
curation-slug-fixed = Identifiant (non modifiable) :
curation-change-audited = La modification est consignée dans le journal d'audit à votre nom.
curation-field-slug = Identifiant
curation-field-name = Nom
curation-field-kind = Type
curation-field-vendor = Fournisseur
curation-field-product = Produit
curation-field-description = Description
curation-choose-kind = Choisissez un type
curation-choose-vendor = Choisissez un fournisseur
curation-hint-slug = lettres minuscules, chiffres et tirets, par exemple { $example }
curation-hint-optional = facultatif
curation-hint-optional-number = facultatif ; un nombre entier
curation-hint-identifier = identifiant
curation-hint-date = facultatif ; AAAA-MM-JJ, ou AAAA-MM / AAAA si seul le mois ou l'année est connu
curation-hint-date-same = facultatif ; mêmes formats
curation-hint-date-short = facultatif ; AAAA-MM-JJ, AAAA-MM ou AAAA
curation-severity-option = { $severity } sur 5
curation-back-incidents = Retour aux incidents
curation-back-vendor = Retour au fournisseur

## Fournisseurs

curation-vendor-new-title = Nouveau fournisseur
curation-vendor-edit-title = Modifier { $name }
curation-vendor-hint-slug = lettres minuscules, chiffres et tirets, par exemple { $example } ; non modifiable ensuite
curation-vendor-field-tier = Niveau
curation-vendor-field-status = Statut
curation-vendor-field-website = Site web
curation-vendor-hint-website = facultatif ; une adresse http:// ou https://
curation-vendor-new-submit = Créer le fournisseur
curation-vendor-new-note = Le nouveau fournisseur est consigné dans le journal d'audit à votre nom. Les citations s'ajoutent séparément.

## Produits

curation-product-new-title = Nouveau produit de { $vendor }
curation-product-new-crumb = Nouveau produit
curation-product-edit-title = Modifier { $name }
curation-product-edit-heading = Modifier un produit de { $vendor }
curation-product-field-category = Catégorie
curation-product-choose-category = Choisissez une catégorie
curation-product-new-submit = Créer le produit
curation-product-new-note = Le nouveau produit est consigné dans le journal d'audit à votre nom.

## Incidents

curation-incident-new-title = Enregistrer un incident
curation-incident-edit-title = Modifier { $title }
curation-incident-field-title = Titre
curation-incident-field-severity = Gravité
curation-incident-field-discovered = Découvert le
curation-incident-field-disclosed = Divulgué le
curation-incident-field-resolved = Résolu le
curation-incident-field-threat-actor = Acteur de la menace
curation-incident-field-summary = Résumé
curation-incident-involvements-legend = Parties impliquées
curation-incident-involvements-hint = au moins une ligne ; les lignes vides sont ignorées
curation-incident-involvements-hint-edit = au moins une ligne ; les lignes vides sont ignorées, et vider une ligne retire cette implication
curation-incident-involvement-number = Implication { $number }
curation-incident-field-role = Rôle
curation-incident-field-customers = Clients touchés
curation-incident-field-what-happened = Ce qui s'est passé
curation-incident-new-submit = Enregistrer l'incident
curation-incident-new-note = Les scores sont recalculés à l'enregistrement de l'incident ; sa page montre ensuite chaque score avant et après. Les citations s'ajoutent séparément.
curation-incident-edit-note = Les scores sont recalculés à l'enregistrement de l'incident ; sa page montre ensuite chaque score avant et après. La modification est consignée dans le journal d'audit à votre nom.
curation-incident-deleted = Incident supprimé : { $name }

## Mesures correctives

curation-remediation-new-crumb = Nouvelle mesure corrective
curation-remediation-new-title = Enregistrer une mesure corrective après { $incident }
curation-remediation-edit-title = Modifier la mesure corrective { $slug }
curation-remediation-field-vendor = Fournisseur qui l'a prise
curation-remediation-field-product = Produit concerné
curation-remediation-hint-product = identifiant facultatif, par exemple le produit abandonné
curation-remediation-field-replacement = Produit de remplacement
curation-remediation-hint-replacement = identifiant facultatif
curation-remediation-field-description = Ce qui a été fait
curation-remediation-field-date = Date
curation-remediation-new-submit = Enregistrer la mesure corrective
curation-remediation-note = Les scores sont recalculés à l'enregistrement de la mesure corrective ; la page de l'incident montre ensuite chaque score avant et après.
curation-remediation-saved = Mesure corrective enregistrée : { $name }
curation-remediation-deleted = Mesure corrective supprimée : { $name }

## Suppression

curation-delete-what-vendor = le fournisseur
curation-delete-what-product = le produit
curation-delete-what-incident = l'incident
curation-delete-what-remediation = la mesure corrective
curation-delete-title = Supprimer { $what } { $name }
curation-delete-nothing-references = Aucun enregistrement ne renvoie vers { $what } { $slug }.
curation-delete-effect-scored = La suppression l'efface avec ses scores enregistrés ; le journal d'audit conserve ses valeurs.
curation-delete-effect-incident = La suppression l'efface avec ses implications et sa chronologie, et les scores sont recalculés ; le journal d'audit conserve ses valeurs.
curation-delete-effect-remediation = La suppression l'efface et les scores sont recalculés ; le journal d'audit conserve ses valeurs.
curation-delete-submit = Supprimer { $name }
curation-delete-refused = Rien n'a été supprimé : impossible de supprimer { $what } { $slug } tant que d'autres enregistrements y font référence. Retirez-les ou modifiez-les d'abord :
curation-delete-referenced = D'autres enregistrements renvoient vers { $what } { $slug } : la suppression est impossible tant qu'ils existent. Retirez-les ou modifiez-les d'abord :
curation-delete-reference-line = { $kind } : { $list }

## Ce qui fait référence à un enregistrement (le nombre choisit la forme)

ref-products = { $count } { $count ->
    [one] produit
   *[other] produits
}
ref-dependencies-consumer = { $count } { $count ->
    [one] dépendance (en tant que consommateur), envers
   *[other] dépendances (en tant que consommateur), envers
}
ref-dependencies = { $count } { $count ->
    [one] dépendance, utilisé par
   *[other] dépendances, utilisé par
}
ref-dependencies-ours = { $count } { $count ->
    [one] dépendance de notre propre organisation
   *[other] dépendances de notre propre organisation
}
ref-involvements = { $count } { $count ->
    [one] implication dans un incident
   *[other] implications dans des incidents
}
ref-remediations = { $count } { $count ->
    [one] mesure corrective
   *[other] mesures correctives
}
ref-assessments = { $count } { $count ->
    [one] avis d'analyste
   *[other] avis d'analystes
}
ref-citations = { $count } { $count ->
    [one] citation
   *[other] citations
}
ref-causes = { $count } { $count ->
    [one] lien de causalité depuis un incident antérieur
   *[other] liens de causalité depuis des incidents antérieurs
}
ref-consequences = { $count } { $count ->
    [one] lien de causalité vers un incident ultérieur
   *[other] liens de causalité vers des incidents ultérieurs
}

## Les changements de score causés par une curation

curation-score-changes-title = Enregistré : ce qui a changé dans les scores
curation-score-changes-none = Aucun score n'a bougé. Un élément compte à partir du jour où il a été connu : une date donnée au mois ou à l'année compte à partir de la fin de cette période.
curation-score-changes-note = Scores à ce jour, avant et après ; « inconnu » signifie trop peu d'éléments pour une note.
curation-score-changes-subject = Fournisseur ou produit
curation-score-changes-before = Avant
curation-score-changes-after = Après
curation-score-changes-change = Écart
curation-score-changes-kind-vendor = fournisseur
curation-score-changes-kind-product = produit
curation-score-changes-unknown = inconnu
curation-score-changes-not-scored = sans score

## Erreurs de champ des formulaires de curation

err-incident-slug-taken = un autre incident a déjà l'identifiant « { $slug } »
err-remediation-slug-taken = une autre mesure corrective a déjà l'identifiant « { $slug } »
err-severity = choisissez une gravité de 1 à 5
err-customers = un nombre entier, 0 ou plus
err-before-discovery = est antérieur à la date de découverte ({ $date })
err-involvement-party = une implication nécessite un fournisseur, un produit ou les deux
err-involvement-needed = enregistrez au moins une implication : un fournisseur et/ou un produit, avec son rôle
err-no-involvement = cette ligne n'est pas une implication de cet incident : rechargez le formulaire
err-involvement-cited = l'implication de { $party } est citée par { $count } { $count ->
    [one] citation
   *[other] citations
} : retirez-les avant de la retirer
err-replacement-same = le produit de remplacement doit différer du produit concerné

## Liens vers les formulaires de curation sur les pages des enregistrements

curation-link-edit = Modifier
curation-link-delete = Supprimer
curation-link-edit-incident = Modifier l'incident
curation-link-delete-incident = Supprimer l'incident
