# Form validation messages shared by every form.

form-not-saved = Nothing was saved: correct the fields marked below.
err-empty = must not be empty
err-choose = choose one
err-slug-taken = the identifier "{ $slug }" is already used
err-slug-reserved = "new" is reserved: choose another identifier
err-date-future = { $date } is in the future (today is { $today })
err-no-vendor = no vendor "{ $slug }"
err-no-product = no product "{ $slug }"
err-no-category = no category "{ $slug }"
err-vendor-slug-taken = another vendor already has the identifier "{ $slug }"
err-product-slug-taken = another product already has the identifier "{ $slug }"

# The rules of the domain's values (shown in English by logs, the API and the command line).

err-email-invalid = "{ $value }" is not an e-mail address (expected name@domain, lower case, at most { $max } characters)
err-slug-invalid = invalid slug "{ $value }": use 1 to { $max } lowercase letters, digits and single hyphens (e.g. "solarwinds-orion")
err-line-spaces = "{ $value }" has leading or trailing spaces
err-line-long = must be one line of at most { $max } characters
err-text-long = must be at most { $max } characters
err-control-char = must not contain the control character { $code }
err-source-text-empty = source text must not be empty
err-source-text-long = source text must be at most { $max } bytes
err-language-invalid = invalid language code "{ $value }": use an ISO 639 code such as "fr", "en" or "fr-CA"
err-url-invalid = invalid URL "{ $value }": use an absolute http:// or https:// address without spaces
err-out-of-range = { $what } { $value } is out of range ({ $min }..={ $max })
err-date-not-period-end = { $date } is not the last day of its { $precision } period
err-date-invalid = invalid date "{ $value }": use YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known
err-date-order = { $end } ({ $end_date }) is before { $start } ({ $start_date })
err-unknown-value = unknown { $vocabulary } "{ $value }" (expected one of: { $allowed })

## Lists: a refused query parameter
list-bad-choice = Invalid value for the parameter "{ $parameter }": "{ $value }" (expected one of { $values }).
list-bad-date = Invalid value for the parameter "{ $parameter }": "{ $value }" (expected a date as YYYY-MM-DD).
list-bad-number = Invalid value for the parameter "{ $parameter }": "{ $value }" (expected a whole number from { $min } to { $max }).
list-bad-category = Invalid value for the parameter "{ $parameter }": "{ $value }" (expected the identifier of a product category).
list-bad-from = Invalid value for the parameter "{ $parameter }": "{ $value }" (expected a date on or before "to", { $to }).
