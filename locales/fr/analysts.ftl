# Messages des pages et formulaires des analystes.

nav-analysts = Analystes
analysts-title = Analystes
analysts-lead = Les cabinets d’analystes et leurs analystes, ainsi que nos évaluateurs internes, dont les avis sur les fournisseurs, produits et incidents comptent dans les scores de confiance.
analysts-empty = Aucun analyste enregistré pour l’instant.
analysts-internal = Évaluateurs internes
analysts-firm-empty = Aucun analyste de ce cabinet n’est enregistré.
analysts-col-analyst = Analyste
analysts-col-title = Fonction
analysts-col-views = Avis donnés
analysts-col-actions = Actions
analysts-edit = Modifier
analysts-delete = Supprimer
analysts-field-slug = Identifiant
analysts-field-name = Nom
analysts-slug-fixed = Identifiant (non modifiable) :
analysts-save = Enregistrer
analysts-cancel = Annuler
analysts-audit-note = La modification est inscrite au journal d’audit à votre nom.
firm-new-title = Nouveau cabinet d’analystes
firm-edit-title = Modifier un cabinet d’analystes
firm-hint-slug = lettres minuscules, chiffres et tirets, par exemple gartner
firm-field-website = Site web
firm-hint-website = facultatif ; une adresse http:// ou https://
firm-create = Créer le cabinet
firm-delete-title = Supprimer le cabinet d’analystes { $name }
analyst-new-title = Nouvel analyste
analyst-edit-title = Modifier un analyste
analyst-hint-slug = lettres minuscules, chiffres et tirets, par exemple peter-firstbrook
analyst-field-firm = Cabinet
analyst-internal = Aucun : évaluateur interne
analyst-field-title = Fonction
analyst-hint-title = facultatif, par exemple vice-président de la recherche
analyst-create = Créer l’analyste
analyst-add-to-firm = Ajouter un analyste
analyst-add-view = Ajouter un avis
analyst-delete-title = Supprimer l’analyste { $name }
analyst-err-no-firm = aucun cabinet d’analystes « { $slug } »
curated-ref-analysts = { $count ->
    [one] { $count } analyste
   *[other] { $count } analystes
}
