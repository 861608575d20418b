# Messages de la liste des sources et de la page d'une source, et des citations partout où
# elles paraissent.

cite-count = { $count ->
    [one] { $count } citation
   *[other] { $count } citations
}
cite-paragraph = paragraphe { $number }
cite-paragraphs = { $count ->
    [one] paragraphe { $numbers }
   *[other] paragraphes { $numbers }
}

source-list-title = Sources
source-list-empty = Aucune source enregistrée pour l'instant.
source-grade-title = { $reliability } ; crédibilité : { $credibility }
source-address = Adresse
source-address-none = non renseignée
source-admiralty = Cotation de l'Amirauté
source-reliability = fiabilité { $reliability }
source-credibility = crédibilité : { $credibility }
source-full-text = Texte intégral
source-full-text-none = Le texte intégral de cette source n'est pas conservé.
source-paragraph = Paragraphe { $number }
source-cited-excerpts = { $count ->
    [one] Extrait cité
   *[other] Extraits cités
}
source-citations-title = Extraits cités ({ $count })
source-citations-none = Rien ne cite encore cette source.
source-supports = { $kind ->
    [vendor] À l'appui du fournisseur
    [product] À l'appui du produit
    [dependency] À l'appui de la dépendance :
    [incident] À l'appui de l'incident
    [involvement] À l'appui de l'implication
    [timeline-event] À l'appui de l'étape de la chronologie :
    [causal-link] À l'appui du lien de causalité :
    [remediation] À l'appui de la remédiation :
    [analyst] À l'appui de la fiche de l'analyste
    [assessment] À l'appui de l'avis
   *[other] À l'appui de l'enregistrement
}
source-found-verbatim = trouvé mot pour mot dans le texte
source-not-found = introuvable dans le texte

# Ces lignes suivent « À l'appui de … » (source-supports).
cited-uses = { $consumer } utilise { $product }
cited-uses-ours = Notre organisation utilise { $product }
cited-involvement = de { $party } ({ $role }) dans { $incident }
cited-timeline = { $date } : { $title }
cited-cause = { $cause } a conduit à { $effect }
cited-remediation = { $vendor } : { $description }
cited-assessment = de { $analyst } sur { $subject }

