# Refus de l’API JSON (les documents « problem » les listent champ par champ).
api-field-unknown = n’est pas un champ de cet enregistrement (champs : { $known })
api-param-unknown = n’est pas un paramètre de ce point d’accès (paramètres : { $known })
api-param-repeated = est donné plus d’une fois
api-param-range = doit être un nombre entier de { $min } à { $max }, pas « { $value } »
api-param-date = doit être une date AAAA-MM-JJ, pas « { $value } »
api-cursor-invalid = n’est pas un curseur de cette liste ; utilisez le next_cursor d’une page
api-cursor-and-page = ne peut pas accompagner un curseur ; utilisez l’un ou l’autre
api-filter-unknown = ne désigne aucun enregistrement : « { $value } »
api-slug-fixed = ne peut pas être modifié : il identifie l’enregistrement (« { $slug } »)
api-review-subject = nommez exactement un sujet : un fournisseur ou un produit, par son identifiant
api-field-type = doit être { $expected } (en JSON), pas { $given }
api-involvements-lengths = doit avoir autant d’éléments que la plus longue liste d’implications ({ $count }), ou aucun
api-involvements-too-many = contient plus d’implications que le formulaire d’un incident n’en accepte (au plus { $max })
api-cause-fixed = un lien de causalité ne se modifie pas ; supprimez-le et ajoutez-en un autre
api-alert-up-to = doit être l’identifiant de la dernière alerte vue, un nombre entier à partir de 0 (reçu : « { $value } »)
