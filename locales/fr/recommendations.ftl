# Recommandations : la page du portefeuille, la page d'un produit et les raisons d'une décision.

decision-retain = Conserver
decision-monitor = Surveiller
decision-retain_with_controls = Conserver avec mesures compensatoires
decision-replace = Remplacer

rec-title = Recommandations
rec-page-title = Recommandation : { $product }
rec-list-lead = Chaque produit utilisé le { $date } (dans notre inventaire ou dans les dépendances d'un fournisseur, ou abandonné ces derniers mois) : que faire de lui, selon le tableau de règles de docs/recommendations.md.
rec-as-of = Ce que nous savions le
rec-show = Afficher
rec-back-today = Revenir à aujourd'hui
rec-needing-action = À traiter ({ $count })
rec-retained = Conservés en l'état ({ $count })
rec-none-needs-action = Aucun produit utilisé n'appelle d'action le { $date }.
rec-col-decision = Décision
rec-col-product = Produit
rec-col-vendor = Fournisseur
rec-col-score = Score
rec-col-rule = Règle
rec-col-used-by = Utilisé par
rec-unknown = inconnu
rec-used-until = { $consumer } jusqu'au { $date }

rec-in-use = Utilisé
rec-not-in-use = Non utilisé à cette date
rec-criticality = Criticité : { $criticality }
rec-decision-on = Décision au { $date } :
rec-rule-word = La règle
rec-rule-fired = s'applique (la première règle du tableau qui soit vérifiée).
rec-score = Score { $score }
rec-score-unknown = Score inconnu ({ $score })
rec-score-detail = , incertitude { $uncertainty } : c'est le plus bas des scores du produit ({ $product }) et du fournisseur ({ $vendor }) qui compte.
rec-why = Pourquoi
rec-recent-incidents = Incidents récents
rec-known-on = , connu le { $date }
rec-on-this-page = Sur cette page
rec-toc-alternatives = Solutions de remplacement ({ $count })
rec-toc-controls = Mesures ({ $count })
rec-toc-analysts = Avis d'analystes ({ $count })
rec-alternatives-in = Solutions de remplacement dans la catégorie { $category }
rec-no-alternative = Aucun autre produit de cette catégorie ne convient.
rec-col-rank = Rang
rec-col-trust = Confiance
rec-col-certainty = Certitude
rec-col-analysts = Analystes
rec-col-exposure = Exposition
rec-col-total = Total
rec-col-notes = Remarques
rec-exposure-note = Exposition : { $note }
rec-precedent-note = Précédent : { $note }
rec-total-help = Total : somme pondérée de la confiance, de la certitude et de l'avis des analystes, moins la pénalité d'exposition (pondérations dans docs/recommendations.md). Chaque critère va de 0 à 1.
rec-left-out = Écartés
rec-left-out-item = { $name } : { $reason }
rec-controls = Mesures compensatoires
rec-no-control = Aucune mesure n'est nécessaire.
rec-col-control = Mesure
rec-col-precedents = Précédents enregistrés
rec-transition = Transition
rec-analyst-views = Avis d'analystes
rec-no-analyst-view = Aucun avis d'analyste sur { $product } ou { $vendor } n'était connu le { $date }.
rec-view-on = { $kind ->
    [product] sur le produit { $name }
    [vendor] sur le fournisseur { $name }
   *[other] sur un incident
}
rec-stance = Position : { $stance }
rec-favours = Préconise : { $action }
rec-agrees = D'accord avec la décision
rec-disagrees = En désaccord avec la décision
rec-original = Original ({ $language }) :
rec-translation-in = Traduction ({ $language }) :
rec-translation = Traduction :
rec-note-agrees = D'accord : préconise « { $action } », la décision est « { $decision } ».
rec-note-disagrees = En désaccord : préconise « { $action } », la décision est « { $decision } ».
rec-note-no-action = Ne préconise aucune action particulière.

## Raisons : celle de la règle, puis le contexte
rec-an-incident = un incident
rec-why-distrusted = Le score { $score } est inférieur à { $threshold } (replace_below) pour un produit utilisé avec une criticité { $criticality } : trop peu de confiance pour ce qui en dépend.
rec-why-compromised-analysts-replace = A pris part à { $incident } comme origine ou vecteur, la plupart des analystes préconisent son remplacement ({ $replace } sur { $favoured }) et son score { $score } est inférieur à { $threshold } (controls_below).
rec-why-supply-chain-origin = Origine de { $incident }, une grave compromission de la chaîne d'approvisionnement : il ne peut être conservé sans mesures compensatoires, quel que soit son score.
rec-why-severe-incident = Origine ou vecteur de { $incident } (grave, récent) et score { $score } inférieur à { $threshold } (controls_below).
rec-why-weak-trust = Le score { $score } est inférieur à { $threshold } (controls_below) : ne le conserver qu'avec des mesures compensatoires.
rec-why-unknown = Inconnu : incertitude { $uncertainty } (≥ { $threshold }) ; trop peu d'éléments pour le conserver sans surveillance, aucun contre lui.
rec-why-uncertain = L'incertitude { $uncertainty } atteint au moins { $threshold } (uncertain_above) : les éléments sont trop minces pour le conserver sans surveillance.
rec-why-recent-incident = A pris part à { $incident }, un incident récent.
rec-why-analysts-caution = { $caution } avis d'analystes sur { $favoured } préconisent son remplacement ou sa surveillance.
rec-why-middling-trust = Le score { $score } est inférieur à { $threshold } (monitor_below).
rec-why-trusted = Score { $score } (au moins { $threshold }), incertitude { $uncertainty }, aucun incident récent et pas de majorité d'analystes pour un changement.
rec-why-scores = Score { $score } (produit { $product }, fournisseur { $vendor } : le plus bas compte), incertitude { $uncertainty } (la plus haute).
rec-why-uses = { $consumer } l'utilise (criticité { $criticality })
rec-why-used-until = { $consumer } l'a utilisé (criticité { $criticality }) jusqu'au { $date }
rec-why-used-by = { $uses }.
rec-why-past-use = Non utilisé à cette date : jugé selon la criticité { $criticality } de son utilisation passée.
rec-why-no-use = Personne ne l'utilise : jugé avec une criticité { $criticality } (assumed_criticality).
rec-why-incident = { $role } de l'incident « { $title } » ({ $kind }, gravité { $severity }/5).
rec-why-incident-known = { $role } de l'incident « { $title } » ({ $kind }, gravité { $severity }/5, connu le { $date }).
rec-why-no-views = Aucun avis d'analyste sur ce produit ou son fournisseur n'était connu à cette date.
rec-why-views = { $count ->
    [one] { $count } avis d'analyste connu
   *[other] { $count } avis d'analystes connus
} : { $replace } pour le remplacement, { $monitor } pour la surveillance, { $retain } pour le maintien{ $none ->
    [0] {""}
   *[other] , { $none } sans action préconisée
}.

## Mesures compensatoires, remarques sur les solutions de remplacement, produits écartés
control-rationale = { $why }.
control-rationale-because = { $because } : { $why }.
control-ground-incident = { $role } de l'incident « { $title } » ({ $kind }, gravité { $severity }/5)
control-ground-precedent = { $who } l'a fait après un incident similaire ({ $kind })
precedent = { $who } : { $description }
precedent-on = { $who } ({ $date }) : { $description }
precedent-after = { $who }, après { $after } : { $description }
precedent-after-on = { $who } ({ $date }), après { $after } : { $description }
alt-exposure-depends = son fournisseur dépend de { $product }, compromis dans la même chaîne
alt-exposure-involved = { $role } de l'incident « { $incident } »
alt-excluded-chain-origin = { $vendor } est à l'origine de { $incident }, dans la même chaîne d'incidents
alt-excluded-severe-origin = à l'origine de { $incident }, un incident grave et récent
control-rotate-credentials = Renouveler tous les identifiants, clés et certificats que le produit détient ou utilise pour accéder à d'autres services, y compris ses comptes de service.
control-rotate-credentials-why = des identifiants et certificats volés restent valables jusqu'à leur remplacement : tout ce que le produit pouvait atteindre doit être considéré comme exposé
control-rebuild-servers = Reconstruire ou remplacer, à partir d'images saines, les serveurs sur lesquels le produit fonctionne et ceux qu'il a atteints.
control-rebuild-servers-why = un attaquant qui a tenu des serveurs a pu y laisser une porte d'entrée qu'un nettoyage sur place ne permet pas d'exclure
control-host-monitoring = Installer une surveillance de sécurité des hôtes (EDR) sur chaque machine qui fait tourner le produit, et surveiller ses processus et ses comptes.
control-host-monitoring-why = une porte dérobée dans un logiciel de confiance agit avec les privilèges de ce logiciel, et c'est la surveillance des hôtes qui la voit agir
control-restrict-outbound = Limiter le trafic réseau sortant du produit aux destinations dont il a besoin et alerter sur tout le reste.
control-restrict-outbound-why = une porte dérobée contacte son serveur, et bloquer le trafic sortant inattendu coupe son canal de commande
control-review-code = Examiner le code, les compilations et les mises à jour du produit à la recherche d'altérations ; n'installer que des versions signées dont l'empreinte correspond à celle du fournisseur.
control-review-code-why = un code source volé aide un attaquant à trouver des failles ou à forger des mises à jour
control-review-access = Examiner les comptes et les journaux d'accès du produit à la recherche de l'activité de l'attaquant ; supprimer ce qui ne s'explique pas.
control-review-access-why = un intrus crée et réutilise des comptes qui survivent à l'intrusion
control-review-data-exposure = Recenser les données que le produit détient pour nous, les réduire au nécessaire, les chiffrer et vérifier les obligations de notification.
control-review-data-exposure-why = les données déjà dérobées ne peuvent être récupérées, mais ce qui reste exposé peut être réduit
control-offline-backups = Conserver des sauvegardes hors ligne et testées de ce que détient le produit, et s'exercer à la restauration.
control-offline-backups-why = avec un rançongiciel, la disponibilité dépend de sauvegardes que l'attaquant ne peut atteindre
control-patch-and-harden = Appliquer rapidement les correctifs du fournisseur et garder les interfaces d'administration du produit hors d'internet.
control-patch-and-harden-why = une vulnérabilité exploitée reste ouverte jusqu'à sa correction, et les interfaces exposées sont attaquées en premier
control-continuity-plan = Convenir d'une solution de repli en cas d'indisponibilité du produit, et la tester.
control-continuity-plan-why = une panne montre que le produit est un point de défaillance unique
control-vendor-incident-report = Obtenir le rapport d'incident du fournisseur et les preuves de correction, et les confronter aux clauses de sécurité du contrat.
control-vendor-incident-report-why = seules les constatations du fournisseur lui-même montrent si la cause est corrigée
control-transition-plan = Planifier le remplacement : faire fonctionner les deux produits en parallèle, migrer, puis désinstaller l'ancien et révoquer ses comptes, ses clés et ses accès réseau.
control-transition-plan-why = le remplacement seul ne rétablit pas la confiance, car l'exposition demeure tant que l'ancien produit n'a pas disparu et que ce qu'il pouvait atteindre n'a pas été assaini
control-vet-replacement = Évaluer le produit de remplacement avant de s'y fier (son score et sa certitude, ses propres fournisseurs) et appliquer les mêmes mesures à ses hôtes.
control-vet-replacement-why = un nouveau fournisseur peut être la prochaine victime d'une attaque de la chaîne d'approvisionnement, et changer de fournisseur déplace le risque sans le supprimer
control-gather-evidence = Demander au fournisseur des preuves de sécurité (certifications, rapports de tests, historique des incidents) et les enregistrer dans la base de connaissances.
control-gather-evidence-why = la base de connaissances contient trop peu d'éléments pour se fier au produit, dans un sens comme dans l'autre
