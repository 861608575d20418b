# Messages du tableau de bord, et les mots que partagent les pages de lecture (en-têtes de
# tableaux, formulaire « à la date du », pagination, ponctuation).

## Partagés par les pages de lecture
colon =  :
semicolon =  ;
as-of-label = Ce que nous savions le
as-of-show = Afficher
as-of-back = Revenir à aujourd'hui
as-of-date = au { $date }
score-unknown = inconnu
grade-unknown = Inconnue
grade-letter = Note { $grade }
uncertainty = Incertitude
severity-title = Gravité { $severity } sur 5
subject-kind = { $kind ->
    [vendor] fournisseur
   *[product] produit
}
list-sort-by = Trier par
list-apply = Appliquer
list-clear = Effacer les filtres
pager-label = Pages
pager-previous = ← Précédente
pager-next = Suivante →
pager-position = Page { $page } sur { $pages } ({ $total } au total)

col-action = Action
col-category = Catégorie
col-change = Variation
col-citations = Citations
col-consumer = Utilisateur
col-criticality = Criticité
col-date = Date
col-decision = Décision
col-description = Description
col-disclosed = Divulgué
col-effect = Effet
col-evidence = Éléments
col-grade = Note
col-high = Haut
col-incident = Incident
col-incidents = Incidents
col-kind = Type
col-known-on = Connu le
col-language = Langue
col-low = Bas
col-now = Maintenant
col-origin = Origine
col-part-played = Rôle de { $vendor }
col-party = Partie
col-period = Période
col-product = Produit
col-products = Produits
col-published = Publication
col-publisher = Éditeur
col-purpose = Usage
col-role = Rôle
col-score = Score
col-severity = Gravité
col-source = Source
col-sources = Sources
col-status = Statut
col-subject = Sujet
col-supplier = Fournisseur
col-then = Avant
col-threat-actor = Acteur de la menace
col-tier = Niveau
col-trust = Confiance
col-units = Unités
col-vendor = Fournisseur
col-weighed = Pondération
col-what-done = Ce qui a été fait
col-what-happened = Ce qui s'est passé
col-why = Pourquoi

## Tableau de bord
dashboard-title = Tableau de bord
dashboard-heading = Tableau de bord du portefeuille
dashboard-lead = Les fournisseurs, leurs produits et dépendances, les incidents de sécurité et les avis d'analystes, chaque fait relié à une source et à son extrait exact.
dashboard-scores-as-of = Scores au
dashboard-scores-computed = (calculés à partir des éléments pour cette page : aucun instantané n'est enregistré à cette date)
dashboard-scores-stored = (instantanés de scores enregistrés)
dashboard-contents = Contenu de la base de connaissances
stat-vendors = { $count ->
    [one] fournisseur
   *[other] fournisseurs
}
stat-products = { $count ->
    [one] produit
   *[other] produits
}
stat-incidents = { $count ->
    [one] incident
   *[other] incidents
}
stat-assessments = { $count ->
    [one] avis d'analyste
   *[other] avis d'analystes
}
stat-sources = { $count ->
    [one] source
   *[other] sources
}
stat-citations = { $count ->
    [one] citation
   *[other] citations
}

heatmap-title = Portefeuille par niveau et par note
heatmap-caption = Nombre de fournisseurs de chaque niveau ayant chaque note de confiance
heatmap-caption-links =  ; chaque nombre mène à ces fournisseurs
heatmap-all = Tous
heatmap-cell = Fournisseurs de niveau { $tier } notés { $grade }
heatmap-cell-unknown = Fournisseurs de niveau { $tier } sans assez d'éléments pour être notés

histogram-heading = Répartition des scores
histogram-title = Scores de confiance des fournisseurs, par tranche de 10 points
histogram-bar = { $range } : { $vendors }
histogram-vendors = { $count ->
    [one] { $count } fournisseur
   *[other] { $count } fournisseurs
}
histogram-desc = Fournisseurs par tranche de score : { $bins }.
histogram-desc-unknown = score inconnu : { $count }
histogram-unknown-not-drawn = Les fournisseurs sans assez d'éléments pour être notés ne sont pas représentés.

drops-title = Plus fortes baisses de score
drops-window = { $count ->
    [one] Sur { $count } jour
   *[other] Sur { $count } jours
}
drops-since = depuis le { $date }
drops-computed = , calculés à partir des éléments
drops-none = { $count ->
    [one] Aucun score n'a baissé sur { $count } jour.
   *[other] Aucun score n'a baissé sur { $count } jours.
}

recent-incidents-title = Incidents récents
recent-incidents-all = Tous les incidents

action-title = Produits demandant une action ({ $count })
action-none = Aucun produit utilisé ne demande d'action au { $date }.
action-all = Toutes les recommandations

uncited-title = Sources en attente de citation ({ $count })
uncited-none = Chaque source est citée par au moins un enregistrement.
