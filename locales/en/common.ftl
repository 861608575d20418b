# The page frame: navigation, header, footer, language names, HTTP errors.

verbatim = { $text }
skip-to-content = Skip to content
nav-main = Main
nav-vendors = Vendors
nav-incidents = Incidents
nav-recommendations = Recommendations
nav-concentration = Concentration
nav-sources = Sources
nav-compare = Compare
nav-audit = Audit trail
nav-users = Users
search-quick = Quick search
search-label = Search the knowledge base
search-placeholder = Search…
search-button = Search
language-switch-title = Show the interface in French
account-link-title = Your account and API tokens
sign-out = Sign out
footer-tagline = trustkb · vendor risk knowledge base · every fact tied to a source
footer-api = JSON API at
error-back-overview = Back to the overview

language-fr = French
language-en = English
language-de = German
language-es = Spanish
language-it = Italian
language-nl = Dutch
language-pt = Portuguese
language-ja = Japanese
language-zh = Chinese
language-ru = Russian

http-400 = Bad request
http-401 = Unauthorised
http-403 = Forbidden
http-404 = Not found
http-405 = Method not allowed
http-409 = Conflict
http-412 = Precondition failed
http-413 = Request too large
http-415 = Unsupported media type
http-422 = Unprocessable content
http-428 = Precondition required
http-429 = Too many requests
http-500 = Internal server error
http-503 = Service unavailable
http-error = Error

## Error page messages
error-internal = Something went wrong on our side; it has been logged.
error-busy = The server is busy; try again in a moment.
error-no-page = No page at { $path }
error-missing-vendor = vendor "{ $key }" not found
error-missing-product = product "{ $key }" not found
error-missing-incident = incident "{ $key }" not found
error-missing-source = source "{ $key }" not found
error-missing-account = account "{ $key }" not found
error-role-refused = your role ({ $role }) does not allow this; it needs: { $roles }
error-other-site = this form was sent from another site ({ $origin }); it is refused
error-csrf = the form has no valid security token (CSRF); reload the page and try again
error-form-unreadable = cannot read the form: { $detail }
error-password-change-first = this account must change its one-time password first
error-sign-in-first = sign in first
