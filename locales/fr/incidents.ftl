# Messages de la liste des incidents et de la page d'un incident.

## Liste des incidents
incident-list-title = Incidents
incident-list-filter = Filtrer les incidents
incident-filter-any-kind = Tous les types
incident-filter-from = Divulgués du
incident-filter-to = au
incident-filter-any-severity = Toutes les gravités
severity-at-least = { $severity } ou plus
severity-only = { $severity } uniquement
incident-list-count = { $count ->
    [one] { $count } incident.
   *[other] { $count } incidents.
}
incident-list-count-filtered = { $count ->
    [one] { $count } incident correspond à ces filtres.
   *[other] { $count } incidents correspondent à ces filtres.
}
incident-list-note = Les dates sont celles de la divulgation, ou de la découverte quand la divulgation est inconnue.
incident-list-none-match = Aucun incident ne correspond à ces filtres.
incident-list-empty = Aucun incident enregistré pour l'instant.
incident-sort-date = Les plus anciens d'abord
incident-sort-date-desc = Les plus récents d'abord
incident-sort-severity = Les moins graves d'abord
incident-sort-severity-desc = Les plus graves d'abord
incident-sort-title = Titre, de A à Z
incident-sort-title-desc = Titre, de Z à A

## Page d'un incident
incident-severity = Gravité { $severity }/5
incident-discovered = Découvert
incident-resolved = Résolu
incident-blast-radius = Rayon d'impact : qui cet incident a atteint, et par quelles dépendances
incident-record-remediation = Enregistrer une remédiation
incident-record-another = Enregistrer un autre incident
involvements-title = Qui était impliqué
involvements-none = Aucune implication enregistrée.
timeline-title = Chronologie
timeline-none = Aucune mise à jour datée enregistrée.
causes-title = Causes et conséquences
causes-caused-by = Causé par
causes-led-to = A conduit à
causes-none = Aucun incident antérieur n'est enregistré comme cause.
consequences-none = Aucun incident ultérieur n'est enregistré comme conséquence.
incident-assessments-title = Avis d'analystes sur cet incident
