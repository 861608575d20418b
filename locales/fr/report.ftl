# Messages du rapport fournisseur (page HTML et PDF).

vreport-title = Rapport fournisseur : { $vendor }
vreport-kind = Rapport fournisseur
vreport-as-of = Au { $date }
vreport-page-number = Page { $page } sur { $total }
vreport-contents = Sommaire
vreport-link = Rapport
vreport-link-pdf = Rapport (PDF)
vreport-download-pdf = Télécharger le PDF
vreport-vendor-facts = Niveau : { $tier } · Statut : { $status }
vreport-decision = Décision d’achat : { $decision } ({ $date })
vreport-decision-approve = approuvé
vreport-decision-approve_with_conditions = approuvé sous conditions
vreport-decision-reject = refusé
vreport-conditions = Conditions
vreport-score = Score de confiance
vreport-score-line = Score { $score } sur 100, note { $grade }
vreport-score-unknown = Score { $score } sur 100, sans note : trop peu d’éléments
vreport-uncertainty = Incertitude : { $uncertainty } · fourchette de { $low } à { $high }
vreport-model = Modèle de score { $version }
vreport-no-score = Aucun score : rien n’est encore enregistré sur ce fournisseur.
vreport-history = Historique du score
vreport-history-range = En grisé : la fourchette de la croyance à la croyance plus l’incertitude.
vreport-explanation = Ce qui fait bouger le score
vreport-effect = { $effect } points
vreport-incidents = Incidents
vreport-incident-facts = { $kind } · gravité { $severity } sur 5
vreport-disclosed = divulgation : { $date }
vreport-threat-actor = Acteur de la menace : { $actor }
vreport-roles = Rôles
vreport-customers = { $count } clients touchés
vreport-timeline = Chronologie
vreport-remediations = Mesures correctives
vreport-views = Avis d’analystes
vreport-view-by = { $analyst }, { $date }, sur { $subject } : { $stance }
vreport-quote-language = Citation originale ({ $language })
vreport-translation = Traduction ({ $language })
vreport-dependencies = Dépendances
vreport-depends-on = Ce dont le fournisseur dépend
vreport-depended-by = Qui dépend des produits du fournisseur
vreport-dependency-line = { $consumer } utilise { $product } ({ $vendor }), criticité { $criticality }
vreport-dependency-ended = terminée
vreport-blast = Rayon d’impact
vreport-blast-summary = Un problème chez ce fournisseur atteint { $count } enregistrements, jusqu’à { $depth } sauts.
vreport-blast-none = Un problème chez ce fournisseur n’atteint aucune autre partie enregistrée.
vreport-blast-unlisted = { $count ->
    [one] Un autre, plus éloigné, n’est pas nommé ici ; la page du rayon d’impact du fournisseur les liste tous.
   *[other] { $count } autres, plus éloignés, ne sont pas nommés ici ; la page du rayon d’impact du fournisseur les liste tous.
}
vreport-hops = { $count ->
    [one] 1 saut
   *[other] { $count } sauts
}
vreport-recommendations = Recommandations
vreport-recommendation-line = { $product } : { $decision } (score { $score }, incertitude { $uncertainty })
vreport-alternatives = Solutions de remplacement
vreport-alternative-line = { $rank }. { $product } ({ $vendor }) : score { $score }, total du classement { $total }
vreport-controls = Mesures de contrôle
vreport-transition = mesure de transition
vreport-sources = Sources
vreport-source-grade = Cote de l’amirauté { $grade }
vreport-source-published = publié le { $date }
vreport-none = Rien d’enregistré.
