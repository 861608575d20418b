# Messages de validation communs à tous les formulaires.

form-not-saved = Rien n'a été enregistré : corrigez les champs signalés ci-dessous.
err-empty = ne doit pas être vide
err-choose = faites un choix
err-slug-taken = l'identifiant « { $slug } » est déjà utilisé
err-slug-reserved = « new » est réservé : choisissez un autre identifiant
err-date-future = { $date } est dans le futur (nous sommes le { $today })
err-no-vendor = aucun fournisseur « { $slug } »
err-no-product = aucun produit « { $slug } »
err-no-category = aucune catégorie « { $slug } »
err-vendor-slug-taken = un autre fournisseur a déjà l'identifiant « { $slug } »
err-product-slug-taken = un autre produit a déjà l'identifiant « { $slug } »

# Les règles des valeurs du domaine (en anglais dans les journaux, l'API et la ligne de commande).

err-email-invalid = « { $value } » n'est pas une adresse électronique (attendu : nom@domaine, en minuscules, { $max } caractères au plus)
err-slug-invalid = identifiant « { $value } » invalide : utilisez de 1 à { $max } lettres minuscules, chiffres et tirets simples (par exemple « solarwinds-orion »)
err-line-spaces = « { $value } » commence ou finit par des espaces
err-line-long = doit tenir sur une ligne de { $max } caractères au plus
err-text-long = { $max } caractères au plus
err-control-char = ne doit pas contenir le caractère de contrôle { $code }
err-source-text-empty = le texte de la source ne doit pas être vide
err-source-text-long = le texte de la source ne doit pas dépasser { $max } octets
err-language-invalid = code de langue « { $value } » invalide : utilisez un code ISO 639 tel que « fr », « en » ou « fr-CA »
err-url-invalid = adresse « { $value } » invalide : utilisez une adresse absolue http:// ou https:// sans espaces
err-out-of-range = la valeur { $value } est hors de l'intervalle { $min } à { $max }
err-date-not-period-end = { $date } n'est pas le dernier jour de sa période ({ $precision })
err-date-invalid = date « { $value } » invalide : utilisez AAAA-MM-JJ, ou AAAA-MM / AAAA si seul le mois ou l'année est connu
err-date-order = { $end } ({ $end_date }) est antérieur à { $start } ({ $start_date })
err-unknown-value = valeur « { $value } » inconnue (valeurs possibles : { $allowed })

## Listes : un paramètre de requête refusé
list-bad-choice = Valeur invalide pour le paramètre « { $parameter } » : « { $value } » (valeurs attendues : { $values }).
list-bad-date = Valeur invalide pour le paramètre « { $parameter } » : « { $value } » (date attendue au format AAAA-MM-JJ).
list-bad-number = Valeur invalide pour le paramètre « { $parameter } » : « { $value } » (nombre entier attendu entre { $min } et { $max }).
list-bad-category = Valeur invalide pour le paramètre « { $parameter } » : « { $value } » (identifiant de catégorie de produit attendu).
list-bad-from = Valeur invalide pour le paramètre « { $parameter } » : « { $value } » (date attendue au plus tard à celle de « to », { $to }).
