# Messages des pages et formulaires des avis d’analystes.

assess-new-title = Nouvel avis d’analyste
assess-edit-title = Modifier un avis d’analyste
assess-hint-slug = lettres minuscules, chiffres et tirets, par exemple gartner-orion-2026
assess-field-analyst = Analyste
assess-choose-analyst = Choisir un analyste
assess-subject-legend = Sujet (un seul : un fournisseur, un produit ou un incident)
assess-field-vendor = Fournisseur
assess-field-product = Produit
assess-field-incident = Incident
assess-hint-identifier = identifiant
assess-field-date = Date de l’avis
assess-hint-date = AAAA-MM-JJ, ou AAAA-MM / AAAA si seul le mois ou l’année est connu
assess-field-stance = Position sur « ce sujet est digne de confiance »
assess-choose-stance = Choisir une position
assess-field-action = Action préconisée
assess-none = Aucune
assess-field-quote = Citation
assess-hint-quote = textuelle, dans sa langue d’origine
assess-field-quote-language = Langue de la citation
assess-hint-language = code ISO 639, par exemple fr ou en
assess-field-translation = Traduction
assess-hint-optional = facultatif
assess-field-translation-language = Langue de la traduction
assess-hint-translation-language = obligatoire avec une traduction, par exemple en
assess-field-quadrant = Position dans le Magic Quadrant
assess-field-wave = Position dans la Forrester Wave
assess-create = Enregistrer l’avis
assess-save = Enregistrer l’avis
assess-form-note = Les scores sont recalculés à l’enregistrement ; la page suivante montre chaque score avant et après. Les citations s’ajoutent à part.
assess-err-one-subject = indiquez un seul sujet : un fournisseur, un produit ou un incident
assess-err-translation-language = indiquez la langue de la traduction
assess-err-translation-missing = une langue de traduction est indiquée sans traduction
assess-err-no-analyst = aucun analyste « { $slug } »
assess-err-no-vendor = aucun fournisseur « { $slug } »
assess-err-no-product = aucun produit « { $slug } »
assess-err-no-incident = aucun incident « { $slug } »
assess-delete-title = Supprimer l’avis d’analyste { $name }
assess-add = Ajouter un avis d’analyste
assess-edit = Modifier
assess-delete = Supprimer
curated-ref-assessments = { $count ->
    [one] { $count } avis d’analyste
   *[other] { $count } avis d’analystes
}
