# Le cadre des pages : navigation, en-tête, pied de page, noms des langues, erreurs HTTP.

verbatim = { $text }
skip-to-content = Aller au contenu
nav-main = Principal
nav-vendors = Fournisseurs
nav-incidents = Incidents
nav-recommendations = Recommandations
nav-concentration = Concentration
nav-sources = Sources
nav-compare = Comparer
nav-audit = Journal d'audit
nav-users = Utilisateurs
search-quick = Recherche rapide
search-label = Rechercher dans la base de connaissances
search-placeholder = Rechercher…
search-button = Rechercher
language-switch-title = Afficher l'interface en anglais
account-link-title = Votre compte et vos jetons d'API
sign-out = Se déconnecter
footer-tagline = trustkb · base de connaissances sur le risque fournisseur · chaque fait relié à une source
footer-api = API JSON sur
error-back-overview = Retour à la vue d'ensemble

language-fr = français
language-en = anglais
language-de = allemand
language-es = espagnol
language-it = italien
language-nl = néerlandais
language-pt = portugais
language-ja = japonais
language-zh = chinois
language-ru = russe

http-400 = Requête invalide
http-401 = Non authentifié
http-403 = Accès refusé
http-404 = Page introuvable
http-405 = Méthode non autorisée
http-409 = Conflit
http-412 = Précondition non remplie
http-413 = Requête trop volumineuse
http-415 = Type de contenu non pris en charge
http-422 = Contenu impossible à traiter
http-428 = Précondition requise
http-429 = Trop de requêtes
http-500 = Erreur interne du serveur
http-503 = Service indisponible
http-error = Erreur

## Messages des pages d'erreur
error-internal = Une erreur s'est produite de notre côté ; elle a été consignée.
error-busy = Le serveur est occupé ; réessayez dans un instant.
error-no-page = Aucune page à l'adresse { $path }
error-missing-vendor = aucun fournisseur « { $key } »
error-missing-product = aucun produit « { $key } »
error-missing-incident = aucun incident « { $key } »
error-missing-source = aucune source « { $key } »
error-missing-account = aucun compte « { $key } »
error-role-refused = votre rôle ({ $role }) ne le permet pas ; il faut être : { $roles }
error-other-site = ce formulaire a été envoyé depuis un autre site ({ $origin }) ; il est refusé
error-csrf = le formulaire n'a pas de jeton de sécurité valide (CSRF) ; rechargez la page et réessayez
error-form-unreadable = impossible de lire le formulaire : { $detail }
error-password-change-first = ce compte doit d'abord changer son mot de passe à usage unique
error-sign-in-first = connectez-vous d’abord
