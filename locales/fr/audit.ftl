# Le journal d'audit : la liste filtrée, et la section Historique des fiches.

audit-title = Journal d'audit
audit-lead = Chaque modification de la base de connaissances et des comptes, de la plus récente à la plus ancienne : qui l'a faite, quand, d'où, par quel moyen, et les valeurs avant et après.
audit-filter-label = Filtrer le journal d'audit
audit-anyone = Tout le monde
audit-record-kind = Type de fiche
audit-any = Tous
audit-record-id = Identifiant de la fiche
audit-from = Du
audit-to = Au
audit-filter = Filtrer
audit-clear = Effacer les filtres
audit-csv = Télécharger le CSV
audit-csv-filtered = les entrées correspondant à ces filtres, { $max } au plus
audit-csv-all = toutes les entrées, { $max } au plus
audit-none-matches = Aucune entrée ne correspond à ces filtres.
audit-empty-trail = Le journal d'audit est vide.
audit-pages = Pages
audit-previous = Précédente
audit-next = Suivante
audit-page-of = Page { $page } sur { $pages } ({ $total } en tout)
audit-record-count = { $count ->
    [one] { $count } entrée.
   *[other] { $count } entrées.
}
audit-col-when = Quand (UTC)
audit-col-who = Qui
audit-col-channel = Canal
audit-col-address = Adresse
audit-col-action = Action
audit-col-record = Fiche
audit-col-change = Modification
audit-empty = vide
audit-changed-to = remplacé par
audit-history = Historique
audit-history-empty = Aucune modification de cette fiche ne figure au journal d'audit.
audit-history-all = { $count ->
    [one] L'entrée du journal d'audit
   *[other] Les { $count } entrées du journal d'audit
}
audit-history-this = Cette fiche dans le journal d'audit

audit-entity-vendor = Fournisseur
audit-entity-product = Produit
audit-entity-category = Catégorie
audit-entity-incident = Incident
audit-entity-incident_involvement = Implication dans un incident
audit-entity-incident_timeline_event = Événement de la chronologie d'un incident
audit-entity-incident_cause = Cause d'un incident
audit-entity-incident_rescore = Nouveau calcul des scores après un incident
audit-entity-source = Source
audit-entity-citation = Citation
audit-entity-remediation = Mesure corrective
audit-entity-remediation_rescore = Nouveau calcul des scores après une mesure corrective
audit-entity-dependency = Dépendance
audit-entity-dependency_rescore = Nouveau calcul des scores après une dépendance
audit-entity-analyst = Analyste
audit-entity-analyst_firm = Cabinet d'analystes
audit-entity-assessment = Évaluation d'analyste
audit-entity-assessment_rescore = Nouveau calcul des scores après une évaluation
audit-entity-user = Compte utilisateur
audit-entity-session = Session
audit-entity-api_token = Jeton d'API
audit-entity-imported_pack = Paquet importé

audit-bad-date = { $field ->
    [from] Du
   *[other] Au
} : « { $value } » n'est pas une date ; utilisez le format AAAA-MM-JJ (par exemple 2026-01-31)
audit-bad-range = la date de début ({ $from }) est postérieure à la date de fin ({ $to }) ; la période serait vide
