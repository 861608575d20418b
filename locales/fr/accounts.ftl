# Connexion, votre compte et vos jetons d'API, changement de mot de passe, gestion des utilisateurs.

## Connexion
login-title = Se connecter
login-password = Mot de passe
login-submit = Se connecter
login-help = Les comptes sont créés par un administrateur. Mot de passe oublié ? Demandez-lui de le réinitialiser.
login-failed = Échec de la connexion : l'adresse e-mail ou le mot de passe est incorrect, ou le compte est désactivé.
login-throttled = Trop de tentatives de connexion échouées. Attendez { $minutes } minutes, puis réessayez.

## Votre compte
account-title = Votre compte
account-email = Adresse e-mail
account-role = Rôle
account-created = Compte créé le
account-last-sign-in = Dernière connexion
account-never = jamais
account-password = Mot de passe
account-change-password = Changer votre mot de passe
account-tokens = Jetons d'API
account-tokens-intro-1 = Un jeton permet à un programme d'utiliser l'API JSON sur
account-tokens-intro-2 = en votre nom, avec votre rôle : envoyez-le sous la forme
account-tokens-intro-3 = . Révoquez les jetons dont vous ne vous servez plus.
account-token-new = Nouveau jeton « { $name } » : copiez-le maintenant ; il ne sera plus affiché.
account-no-token = Vous n'avez aucun jeton d'API.
account-token-name = Nom
account-token-name-hint = à quoi il sert, par exemple « export nocturne »
account-token-prefix = Commence par
account-token-created = Créé le
account-token-last-used = Dernière utilisation
account-token-status = État
account-token-action = Action
account-token-revoked-on = révoqué le { $date }
account-token-active = actif
account-token-revoke = Révoquer
account-token-revoke-label = Révoquer le jeton { $name }
account-token-create-title = Créer un jeton
account-token-create = Créer le jeton
account-token-name-invalid = Le nom d'un jeton compte de 1 à { $max } caractères, sur une seule ligne.
account-token-revoked = Le jeton a été révoqué ; il ne fonctionne plus.
account-password-changed = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
times-utc = Les heures sont en UTC.

## Changement de mot de passe
password-title = Changer votre mot de passe
password-must-change = Vous vous êtes connecté avec un mot de passe à usage unique. Choisissez dès maintenant votre propre mot de passe ; d'ici là, le reste de trustkb vous reste fermé.
password-not-changed = Le mot de passe n'a pas été changé : corrigez les champs signalés ci-dessous.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-new-hint = au moins 12 caractères ; quelques mots sans rapport entre eux conviennent bien
password-confirm = Nouveau mot de passe, une seconde fois
password-submit = Changer le mot de passe
password-signs-out = Changer votre mot de passe ferme vos autres sessions.
password-back = Retour à votre compte
account-password-wrong = Ce n'est pas votre mot de passe actuel.
account-password-same = Le nouveau mot de passe doit être différent de l'actuel.
account-password-mismatch = Les deux nouveaux mots de passe diffèrent ; saisissez deux fois le même.
password-too-short = Le mot de passe doit compter au moins { $min } caractères (il en a { $count }).
password-too-long = Le mot de passe doit compter au plus { $max } caractères (il en a { $count }).
password-guessable = Le mot de passe est trop facile à deviner : { $advice }.
password-advice-separator = { " ; " }
password-tip-general = préférez plusieurs mots sans rapport entre eux, et évitez les suites de clavier, les dates et votre nom
password-warn-straight-rows = les rangées de touches sont faciles à deviner
password-warn-keyboard-pattern = les courtes suites de clavier sont faciles à deviner
password-warn-repeats-aaa = les répétitions comme « aaa » sont faciles à deviner
password-warn-repeats-abcabc = les répétitions comme « abcabcabc » sont à peine plus difficiles à deviner que « abc »
password-warn-top10 = c’est l’un des 10 mots de passe les plus courants
password-warn-top100 = c’est l’un des 100 mots de passe les plus courants
password-warn-common = c’est un mot de passe très courant
password-warn-similar-common = il ressemble à un mot de passe courant
password-warn-sequences = les suites comme abc ou 6543 sont faciles à deviner
password-warn-recent-years = les années récentes sont faciles à deviner
password-warn-single-word = un mot seul est facile à deviner
password-warn-dates = les dates sont souvent faciles à deviner
password-warn-names = les prénoms et les noms seuls sont faciles à deviner
password-warn-common-names = les prénoms et noms courants sont faciles à deviner
password-tip-few-words = utilisez quelques mots, évitez les expressions toutes faites
password-tip-no-symbols = inutile d’ajouter des symboles, des chiffres ou des majuscules
password-tip-another-word = ajoutez un ou deux mots (de préférence peu courants)
password-tip-capitals = les majuscules n’aident guère
password-tip-all-uppercase = tout en majuscules est presque aussi facile à deviner que tout en minuscules
password-tip-reversed = les mots écrits à l’envers ne sont guère plus difficiles à deviner
password-tip-substitutions = les substitutions prévisibles comme « @ » pour « a » n’aident guère
password-tip-keyboard-turns = utilisez une suite de clavier plus longue, avec plus de changements de direction
password-tip-repeats = évitez les mots et les caractères répétés
password-tip-sequences = évitez les suites
password-tip-recent-years = évitez les années récentes
password-tip-your-years = évitez les années qui vous sont liées
password-tip-your-dates = évitez les dates et les années qui vous sont liées

## Gestion des utilisateurs
admin-users-title = Utilisateurs
admin-status = État
admin-actions = Actions
admin-you = vous
admin-role-of = Rôle de { $email }
admin-change-role = Changer le rôle
admin-disabled = désactivé
admin-enabled = actif
admin-since = depuis le { $date }
admin-must-change = à changer
admin-set-by-user = choisi par l'utilisateur
admin-enable = Réactiver
admin-enable-label = Réactiver { $email }
admin-disable = Désactiver
admin-disable-label = Désactiver { $email }
admin-reset = Réinitialiser le mot de passe
admin-reset-label = Réinitialiser le mot de passe de { $email }
admin-users-help = Désactiver un compte ferme ses sessions et révoque ses jetons d'API ; le réactiver ne rétablit pas les jetons. Réinitialiser un mot de passe déconnecte le compte et lui attribue un mot de passe à usage unique.
admin-add-title = Ajouter un utilisateur
admin-password-hint = facultatif : laissez vide pour obtenir un mot de passe à usage unique, affiché une seule fois, à changer à la première connexion
admin-add-submit = Ajouter l'utilisateur
admin-one-time-created = Compte { $email } créé. Son mot de passe à usage unique : copiez-le maintenant ; il ne sera plus affiché.
admin-one-time-reset = Mot de passe de { $email } réinitialisé. Son mot de passe à usage unique : copiez-le maintenant ; il ne sera plus affiché.
admin-one-time-give = Transmettez-le à { $email } par un canal sûr. À sa première connexion avec ce mot de passe, la personne devra choisir le sien
admin-one-time-signed-out = ; ses sessions ont été fermées
admin-user-added = { $email ->
    [none] Le compte
   *[other] { $email }
} a été créé.
admin-user-role-changed = { $email ->
    [none] Le compte
   *[other] { $email }
} a un nouveau rôle.
admin-user-disabled = { $email ->
    [none] Le compte
   *[other] { $email }
} a été désactivé : ses sessions sont fermées et ses jetons d'API révoqués.
admin-user-enabled = { $email ->
    [none] Le compte
   *[other] { $email }
} a été réactivé ; ses anciens jetons d'API restent révoqués.
admin-role-unknown = « { $role } » n'est pas un rôle ; choisissez-en un dans la liste.
admin-email-invalid = Ce n'est pas une adresse e-mail (nom@exemple.org).
admin-user-not-created = Le compte n'a pas été créé : corrigez les champs signalés ci-dessous.
admin-conflict-email-taken = Un compte existe déjà pour { $email }.
admin-conflict-last-admin-role = Impossible de retirer le rôle d’administrateur à { $email } : c’est le dernier administrateur actif.
admin-conflict-last-admin-disable = Impossible de désactiver { $email } : c’est le dernier administrateur actif.
admin-conflict-race = Une autre modification du même compte a eu lieu au même moment ; rechargez la page et réessayez.
