# Messages of the citations pages and forms.

## Source forms
curate-source-new-title = Nouvelle source
curate-source-edit-title = Modifier « { $title } »
curate-source-field-slug = Identifiant
curate-source-slug-hint = lettres minuscules, chiffres et traits d’union, par ex. lemagit-2021-03-mimecast
curate-source-field-title = Titre
curate-source-field-publisher = Éditeur
curate-source-field-url = Adresse (URL)
curate-source-optional = facultatif
curate-source-field-language = Langue
curate-source-language-hint = code ISO 639, par ex. fr, en ou en-GB
curate-source-field-published = Date de publication
curate-source-date-hint = facultative ; AAAA-MM-JJ, ou AAAA-MM / AAAA quand seul le mois ou l’année est connu
curate-source-field-reliability = Fiabilité de la source (cotation de l’Amirauté)
curate-source-field-credibility = Crédibilité de l’information (cotation de l’Amirauté)
curate-source-field-text = Texte intégral
curate-source-text-hint = facultatif, mais nécessaire pour la citer : les citations sont vérifiées sur ce texte ; un paragraphe par ligne
curate-source-create-button = Enregistrer la source
curate-source-save-button = Enregistrer les modifications
curate-source-form-note = La modification est inscrite au journal d’audit sous votre nom.
curate-source-cancel = Annuler
curate-source-text-loses-excerpts = { $count ->
    [one] Ce texte ne contient plus l’extrait d’une citation, qui resterait sans sa citation textuelle. Gardez l’extrait dans le texte, ou supprimez d’abord la citation : { $citations }
   *[other] Ce texte ne contient plus les extraits de { $count } citations, qui resteraient sans leur citation textuelle. Gardez les extraits dans le texte, ou supprimez d’abord les citations : { $citations }
}
curate-source-add-link = Ajouter une source
curate-source-edit-link = Modifier la source
curate-source-delete-link = Supprimer la source
curate-source-cite-link = Citer cette source pour un enregistrement
curate-source-delete-title = Supprimer la source « { $title } »

## Citation forms
curate-citation-new-title = Citer « { $source } »
curate-citation-field-kind = Type d’enregistrement étayé
curate-citation-choose-kind = Choisissez un type d’enregistrement
curate-citation-field-record = Enregistrement
curate-citation-record-hint = son identifiant, tel qu’il figure dans son adresse
curate-citation-record-number-hint = son numéro, donné par le lien « Citer une source » de sa page
curate-citation-field-excerpt = Extrait
curate-citation-excerpt-hint = copié du texte de la source ; les espaces et les guillemets peuvent différer
curate-citation-field-locator = Emplacement dans le texte
curate-citation-locator-hint = facultatif, par ex. « paragraph 4 » ; trouvé automatiquement s’il est laissé vide
curate-citation-create-button = Enregistrer la citation
curate-citation-form-note = L’extrait est enregistré tel que le texte de la source le formule, et la citation est inscrite au journal d’audit sous votre nom.
curate-citation-no-text = Le texte de cette source n’est pas enregistré : aucun extrait ne peut y être vérifié. Ajoutez d’abord son texte intégral.
curate-citation-add-text = Ajouter le texte
curate-citation-not-in-text = Cet extrait ne figure pas dans le texte de la source (même en ignorant les espaces et les guillemets). Copiez-le depuis le texte.
curate-citation-not-in-text-closest = Cet extrait ne figure pas dans le texte de la source (même en ignorant les espaces et les guillemets). Le passage le plus proche est : « { $passage } »
curate-citation-unknown-record = Aucun enregistrement de ce type ne s’appelle « { $record } ».
curate-citation-delete-button = Supprimer la citation { $number }
curate-citation-cite-link = Citer une source
curate-citation-choose-title = Choisir la source à citer
curate-citation-choose-for = Pour l’enregistrement « { $record } » ({ $kind }) : choisissez la source dont le texte contient l’extrait.
curate-citation-choose-none = Aucune source n’est encore enregistrée.
curate-citation-source-without-text = texte non enregistré : elle ne peut pas encore être citée

## Kinds of cited record
curate-cited-kind-vendor = fournisseur
curate-cited-kind-product = produit
curate-cited-kind-dependency = dépendance
curate-cited-kind-incident = incident
curate-cited-kind-involvement = implication dans un incident
curate-cited-kind-timeline-event = événement de la chronologie
curate-cited-kind-cause = lien de causalité
curate-cited-kind-remediation = mesure corrective
curate-cited-kind-analyst = analyste
curate-cited-kind-assessment = évaluation

## Deleting sources, timeline events and causal links
curate-removal-nothing-cites = Aucune citation n’en dépend. La suppression l’efface ; le journal d’audit en garde les valeurs.
curate-removal-button = Supprimer « { $name } »
curate-removal-not-deleted = Non supprimé :
curate-removal-blocked = { $count ->
    [one] impossible de le supprimer tant qu’une citation en dépend. Supprimez d’abord cette citation :
   *[other] impossible de le supprimer tant que { $count } citations en dépendent. Supprimez d’abord ces citations :
}
curate-removal-back = Retour
