# Messages de la liste des fournisseurs et de la page d'un fournisseur : score de confiance,
# son explication et son graphique, produits, dépendances, remédiations et avis d'analystes.

## Liste des fournisseurs
vendor-list-title = Fournisseurs
vendor-list-filter = Filtrer les fournisseurs
vendor-filter-any-tier = Tous les niveaux
vendor-filter-any-status = Tous les statuts
vendor-filter-any-grade = Toutes les notes
vendor-filter-category = Catégorie de produit
vendor-filter-any-category = Toutes les catégories
vendor-list-count = { $count ->
    [one] { $count } fournisseur.
   *[other] { $count } fournisseurs.
}
vendor-list-count-filtered = { $count ->
    [one] { $count } fournisseur correspond à ces filtres.
   *[other] { $count } fournisseurs correspondent à ces filtres.
}
vendor-list-note = Les notes et les scores sont les derniers instantanés enregistrés.
vendor-list-none-match = Aucun fournisseur ne correspond à ces filtres.
vendor-list-empty = Aucun fournisseur enregistré pour l'instant.
vendor-list-trust-title = Le dernier score enregistré, avec la date à laquelle il se rapporte
vendor-sort-name = Nom, de A à Z
vendor-sort-name-desc = Nom, de Z à A
vendor-sort-score = Score de confiance, le plus bas d'abord
vendor-sort-score-desc = Score de confiance, le plus haut d'abord
vendor-sort-tier = Niveau, critique d'abord
vendor-sort-tier-desc = Niveau, faible d'abord
vendor-sort-status = Statut
vendor-sort-status-desc = Statut, ordre inverse

## Page d'un fournisseur
vendor-page-edit = Modifier
vendor-page-add-product = Ajouter un produit
vendor-page-delete = Supprimer
vendor-page-new = Nouveau fournisseur
vendor-page-record-incident = Enregistrer un incident
vendor-tier = Niveau : { $tier }
vendor-status = Statut : { $status }
toc-label = Sur cette page
toc-history = Historique

trust-title = Score de confiance
trust-none = Aucun score n'a pu être calculé.
trust-no-evidence = Aucun élément sur { $vendor } n'était connu le { $date } : le score reste au taux de base ({ $score }) avec une incertitude totale. Enregistrez des incidents, des remédiations ou des avis d'analystes pour le noter.
trust-too-little = Trop peu d'éléments sur { $vendor } au { $date } pour le noter : incertitude { $uncertainty },
trust-score-between = score { $score } (entre { $low } et { $high }).
trust-too-little-why = Ce qui est enregistré est mince ou s'est atténué avec le temps ; les contributions ci-dessous le montrent.
trust-out-of-100 = { $score } / 100
trust-uncertainty-lead = , incertitude
trust-range =  : quel que soit le taux de base, les éléments placent { $vendor } entre { $low } et { $high }.
trust-opinion-1 = Croyance { $belief } · défiance { $disbelief }
trust-opinion-2 = incertitude { $uncertainty } · taux de base { $base }
trust-model = modèle { $model }

chart-title = Score de confiance de { $vendor } dans le temps
chart-desc = Score mensuel du { $from } au { $to }, avec la plage que laisse ouverte l'incertitude et les incidents pris en compte ; le tableau ci-dessous donne les mêmes chiffres.
chart-figures = Les chiffres du graphique

contrib-title = Pourquoi : chaque contribution
contrib-weighed-1 = { $raw } brut × { $share } part
contrib-weighed-2 = { $decay } atténuation × { $source } source
contrib-note = Effet : de combien de points le score bougerait sans cette ligne. Les unités sont des éléments du modèle bêta (poids a priori 2) ; docs/scoring.md donne les formules.
contrib-superseded = { $line } (non compté : une implication plus lourde dans le même incident compte)
contribution-kind-involvement = Implication dans un incident
contribution-kind-remediation = Remédiation
contribution-kind-assessment = Avis d'analyste (moyenné avec les autres)
contribution-kind-dependency = Hérité d'une dépendance
evidence-involvement = { $role } dans { $incident }
evidence-remediation = { $kind } : { $description }
evidence-assessment = { $analyst } : { $stance }
evidence-unknown-analyst = Analyste inconnu
evidence-dependency = Dépend de { $product } ({ $vendor }), criticité { $criticality }

products-title = Produits
products-none = Aucun produit enregistré.
product-blast-radius = Rayon d'impact
product-recommendation = Recommandation

dependencies-title = Dépendances
dependencies-uses = Ce qu'utilise { $vendor }
dependencies-used-by = Qui utilise les produits de { $vendor }
dependencies-no-supplier = Aucun produit fournisseur enregistré.
dependencies-no-consumer = Aucun utilisateur enregistré.
vendor-blast-radius = Rayon d'impact : qui est exposé à travers { $vendor }, directement et par des tiers de rang 4
uses-since = { $precision ->
    [day] depuis le { $date }
   *[other] depuis { $date }
}
uses-until = { $precision ->
    [day] jusqu'au { $date }
   *[other] jusqu'en { $date }
}
uses-dates-unknown = dates inconnues
uses-in-use = en service
uses-ended = terminée

vendor-incidents-none = Aucun incident impliquant { $vendor } ou ses produits n'est enregistré.
involvement-via = via { $product }
customers-affected = Clients touchés : { $count }

remediations-title = Remédiations
remediation-none = Aucune remédiation enregistrée.
remediation-product = Produit : { $product }
remediation-replaced-by = → remplacé par { $product }
remediation-after = Après :
remediation-by = Par

assessments-title = Avis d'analystes
vendor-assessments-none = Aucun avis d'analyste enregistré sur { $vendor } ou ses produits.
assessment-on = { $kind ->
    [vendor] sur le fournisseur { $name }
    [product] sur le produit { $name }
   *[incident] sur l'incident { $name }
}
assessment-stance-title = Position sur l'échelle d'opinion STIX envers l'affirmation : { $name } est digne de confiance
assessment-stance = « { $name } est digne de confiance » : { $stance }
assessment-favours = Préconise : { $action }
assessment-magic-quadrant = Magic Quadrant : { $quadrant }
assessment-wave = Wave : { $tier }
assessment-original = Texte original ({ $language }) :
assessment-translation-in = Traduction en { $language } :
assessment-translation = Traduction :
