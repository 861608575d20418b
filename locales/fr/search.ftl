# Messages de la page de recherche.

search-title = Recherche
search-title-query = Recherche : { $query }
search-page-label = Rechercher parmi les fournisseurs, produits, incidents, avis d'analystes et sources
search-page-placeholder = p. ex. chaîne d'approvisionnement, certificat
search-page-hint = En français et en anglais ; les accents, les majuscules et les terminaisons ne comptent pas.
search-no-results = Aucun résultat pour « { $query } »
search-results = { $count ->
    [one] { $count } résultat pour « { $query } »
   *[other] { $count } résultats pour « { $query } »
}
search-results-best = { $count } résultats (les { $count } meilleurs) pour « { $query } »
search-nothing = Rien ne correspond à tous les mots. Essayez avec moins de mots ou d'autres mots.
search-query-too-long = la recherche (q) doit compter au plus { $max } caractères
search-product-of = Produit de { $vendor }
search-threat-actor = Acteur de la menace : { $actor }

search-kind-vendor = Fournisseur
search-kind-product = Produit
search-kind-incident = Incident
search-kind-assessment = Avis d'analyste
search-assessment-title = { $analyst } sur { $subject }
search-kind-source = Source
search-kind-other = Enregistrement

search-part-name = Nom
search-part-title = Titre
search-part-description = Description
search-part-summary = Résumé
search-part-quote = Citation
search-part-translation = Traduction
search-part-full-text = Texte intégral
search-part-other = Texte
