# Signing in, your account and API tokens, password changes, user administration.

## Sign-in
login-title = Sign in
login-password = Password
login-submit = Sign in
login-help = Accounts are created by an administrator. Forgotten password? Ask one to reset it.
login-failed = Sign-in failed: the e-mail or the password is wrong, or the account is disabled.
login-throttled = Too many failed sign-ins. Wait { $minutes } minutes and try again.

## Your account
account-title = Your account
account-email = E-mail
account-role = Role
account-created = Account created
account-last-sign-in = Last sign-in
account-never = never
account-password = Password
account-change-password = Change your password
account-tokens = API tokens
account-tokens-intro-1 = A token lets a program use the JSON API at
account-tokens-intro-2 = as you, with your role: send it as
account-tokens-intro-3 = . Revoke a token you no longer use.
account-token-new = New token “{ $name }”: copy it now; it will not be shown again.
account-no-token = You have no API token.
account-token-name = Name
account-token-name-hint = what it is for, e.g. “nightly export”
account-token-prefix = Starts with
account-token-created = Created
account-token-last-used = Last used
account-token-status = Status
account-token-action = Action
account-token-revoked-on = revoked { $date }
account-token-active = active
account-token-revoke = Revoke
account-token-revoke-label = Revoke the token { $name }
account-token-create-title = Create a token
account-token-create = Create token
account-token-name-invalid = A token name has 1 to { $max } characters on one line.
account-token-revoked = The token has been revoked; it no longer works.
account-password-changed = Your password has been changed. Your other sessions have been signed out.
times-utc = Times are UTC.

## Password change
password-title = Change your password
password-must-change = You signed in with a one-time password. Choose your own password now; until you do, the rest of trustkb stays closed to you.
password-not-changed = The password was not changed: correct the fields marked below.
password-current = Current password
password-new = New password
password-new-hint = at least 12 characters; a few unrelated words work well
password-confirm = New password again
password-submit = Change password
password-signs-out = Changing your password signs out your other sessions.
password-back = Back to your account
account-password-wrong = This is not your current password.
account-password-same = The new password must differ from the current one.
account-password-mismatch = The two new passwords differ; type the same one twice.
password-too-short = The password must have at least { $min } characters (it has { $count }).
password-too-long = The password must have at most { $max } characters (it has { $count }).
password-guessable = The password is too easy to guess: { $advice }.
password-advice-separator = { "; " }
password-tip-general = prefer several unrelated words, and avoid keyboard patterns, dates and your name
password-warn-straight-rows = straight rows of keys are easy to guess
password-warn-keyboard-pattern = short keyboard patterns are easy to guess
password-warn-repeats-aaa = repeats like “aaa” are easy to guess
password-warn-repeats-abcabc = repeats like “abcabcabc” are only slightly harder to guess than “abc”
password-warn-top10 = this is one of the 10 most common passwords
password-warn-top100 = this is one of the 100 most common passwords
password-warn-common = this is a very common password
password-warn-similar-common = this is similar to a commonly used password
password-warn-sequences = sequences like abc or 6543 are easy to guess
password-warn-recent-years = recent years are easy to guess
password-warn-single-word = a word by itself is easy to guess
password-warn-dates = dates are often easy to guess
password-warn-names = names and surnames by themselves are easy to guess
password-warn-common-names = common names and surnames are easy to guess
password-tip-few-words = use a few words, avoid common phrases
password-tip-no-symbols = no need for symbols, digits or uppercase letters
password-tip-another-word = add another word or two (uncommon words are better)
password-tip-capitals = capitals do not help very much
password-tip-all-uppercase = all-uppercase is almost as easy to guess as all-lowercase
password-tip-reversed = reversed words are not much harder to guess
password-tip-substitutions = predictable substitutions like “@” for “a” do not help very much
password-tip-keyboard-turns = use a longer keyboard pattern with more turns
password-tip-repeats = avoid repeated words and characters
password-tip-sequences = avoid sequences
password-tip-recent-years = avoid recent years
password-tip-your-years = avoid years that are associated with you
password-tip-your-dates = avoid dates and years that are associated with you

## User administration
admin-users-title = Users
admin-status = Status
admin-actions = Actions
admin-you = you
admin-role-of = Role of { $email }
admin-change-role = Change role
admin-disabled = disabled
admin-enabled = enabled
admin-since = since { $date }
admin-must-change = must change
admin-set-by-user = set by the user
admin-enable = Enable
admin-enable-label = Enable { $email }
admin-disable = Disable
admin-disable-label = Disable { $email }
admin-reset = Reset password
admin-reset-label = Reset the password of { $email }
admin-users-help = Disabling an account ends its sessions and revokes its API tokens; enabling it again does not bring the tokens back. Resetting a password signs the account out and gives it a one-time password.
admin-add-title = Add a user
admin-password-hint = optional: leave blank for a one-time password, shown once, that must be changed at the first sign-in
admin-add-submit = Add user
admin-one-time-created = Account { $email } created. Its one-time password: copy it now; it will not be shown again.
admin-one-time-reset = Password of { $email } reset. Its one-time password: copy it now; it will not be shown again.
admin-one-time-give = Give it to { $email } by a safe channel. They must choose their own password when they first sign in with it
admin-one-time-signed-out = ; their sessions have been signed out
admin-user-added = { $email ->
    [none] The account
   *[other] { $email }
} has been created.
admin-user-role-changed = { $email ->
    [none] The account
   *[other] { $email }
} has a new role.
admin-user-disabled = { $email ->
    [none] The account
   *[other] { $email }
} has been disabled: its sessions have ended and its API tokens are revoked.
admin-user-enabled = { $email ->
    [none] The account
   *[other] { $email }
} has been enabled again; its old API tokens stay revoked.
admin-role-unknown = "{ $role }" is not a role; choose one of the list.
admin-email-invalid = This is not an e-mail address (name@example.org).
admin-user-not-created = The account was not created: correct the fields marked below.
admin-conflict-email-taken = An account for { $email } already exists.
admin-conflict-last-admin-role = Cannot take the administrator role from { $email }: it is the last enabled administrator.
admin-conflict-last-admin-disable = Cannot disable { $email }: it is the last enabled administrator.
admin-conflict-race = Another change to the same account was made at the same moment; reload the page and try again.
