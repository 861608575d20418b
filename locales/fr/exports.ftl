# Exports du portefeuille en tableur et en CSV (src/web/exports.rs, src/export/).

exports-download = Télécharger :
exports-spreadsheet = classeur
exports-csv = CSV

## Titres des feuilles (31 caractères au plus, sans [ ] : * ? / \)
exports-sheet-vendors = Fournisseurs
exports-sheet-products = Produits
exports-sheet-incidents = Incidents
exports-sheet-review_conditions = Conditions de revue ouvertes

## En-têtes de colonnes
exports-column-slug = Identifiant
exports-column-name = Nom
exports-column-tier = Niveau
exports-column-status = Statut
exports-column-score = Score de confiance
exports-column-grade = Note
exports-column-uncertainty = Incertitude
exports-column-score_as_of = Score au
exports-column-recommendation = Recommandations pour ses produits
exports-column-vendor = Fournisseur
exports-column-category = Catégorie
exports-column-decision = Décision
exports-column-title = Titre
exports-column-kind = Type
exports-column-severity = Gravité
exports-column-discovered_on = Découvert le
exports-column-disclosed_on = Divulgué le
exports-column-resolved_on = Résolu le
exports-column-parties = Parties (rôle)
exports-column-review = Revue
exports-column-subject = Objet
exports-column-condition = Condition
exports-column-owner = Responsable
exports-column-due_on = Échéance

## Cellules (le classeur écrit les libellés des vocabulaires fermés ; le CSV, les valeurs machine)
# Une décision et le nombre de produits qui la reçoivent : « Remplacer : 2 ».
exports-decision-count = { $decision } : { $count }
