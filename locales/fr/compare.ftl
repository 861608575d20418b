# Messages of the compare pages and forms.

compare-title = Comparer
compare-intro = Choisissez de deux à quatre fournisseurs, ou de deux à quatre produits, pour voir côte à côte leurs scores de confiance, leurs incidents, les avis d’analystes et leurs dépendances.
compare-pick-vendors = Fournisseurs
compare-pick-products = Produits
compare-pick-hint = Choisissez-en de deux à quatre.
compare-no-vendors = Aucun fournisseur enregistré pour l’instant.
compare-no-products = Aucun produit enregistré pour l’instant.
compare-button-vendors = Comparer ces fournisseurs
compare-button-products = Comparer ces produits
compare-change = Modifier la comparaison
compare-heading-vendors = { $count ->
    [one] Un fournisseur côte à côte
   *[other] { $count } fournisseurs côte à côte
}
compare-heading-products = { $count ->
    [one] Un produit côte à côte
   *[other] { $count } produits côte à côte
}
compare-as-of = État des connaissances au { $date }.
compare-as-of-label = Que savait-on le
compare-show = Afficher
compare-back-today = Revenir à aujourd’hui

compare-row-score = Score de confiance
compare-row-uncertainty = Incertitude
compare-row-grade = Note
compare-row-tier = Niveau
compare-row-status = Statut
compare-row-vendor = Fournisseur
compare-row-category = Catégorie
compare-row-recommendation = Recommandation
compare-row-incidents = Incidents
compare-row-assessments = Avis d’analystes
compare-row-depends-on = Dépend de
compare-row-vendor-depends-on = Son fournisseur dépend de
compare-row-depended-on = Utilisé par

compare-unknown = Inconnu
compare-no-score = Aucun score n’a pu être calculé.
compare-interval = intervalle
compare-none-incidents = Aucun incident enregistré.
compare-none-assessments = Aucun avis d’analyste enregistré.
compare-none-dependencies = Rien d’enregistré.
compare-via = par { $product }
compare-favours = Préconise : { $action }
compare-original = Original ({ $language }) :
compare-translation-in = Traduction ({ $language }) :
compare-translation = Traduction :
compare-since = depuis le { $date }
compare-until = jusqu’au { $date }
compare-in-use = en service
compare-ended = terminé
compare-organisation = Notre organisation
compare-recommendation-link = Pourquoi, alternatives et mesures
compare-decision-retain = Conserver
compare-decision-monitor = Surveiller
compare-decision-retain-with-controls = Conserver avec des mesures compensatoires
compare-decision-replace = Remplacer

# Entry points on the vendor pages.
compare-with = Comparer avec…
compare-vendors-link = Comparer des fournisseurs côte à côte

# Why a selection cannot be compared.
compare-err-mixed = Comparez des fournisseurs ou des produits, pas les deux à la fois.
compare-err-unknown-vendor = { $count ->
    [one] Fournisseur inconnu : { $slugs }.
   *[other] Fournisseurs inconnus : { $slugs }.
}
compare-err-unknown-product = { $count ->
    [one] Produit inconnu : { $slugs }.
   *[other] Produits inconnus : { $slugs }.
}
compare-err-too-few = Choisissez-en au moins deux à comparer (vous en avez choisi { $count }).
compare-err-too-many = Choisissez-en au plus quatre à comparer (vous en avez choisi { $count }).
compare-err-parameter = Paramètre inconnu « { $name } » : utilisez vendors, products, with ou as_of.
compare-err-date = « { $value } » n’est pas une date (écrivez-la AAAA-MM-JJ).
