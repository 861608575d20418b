//! French test support: pages fetched with `Accept-Language: fr`, and the checks that a page
//! is in French (its texts shown, no English left, numbers with a decimal comma).

use super::{Answer, As, TestApp, with_csrf};

/// The `Accept-Language` header of a French browser.
pub const FRENCH: (&str, &str) = ("accept-language", "fr-FR,fr;q=0.9,en;q=0.5");

/// `FRENCH`, as `TestApp::send` takes headers.
pub fn french_header() -> (&'static str, String) {
    (FRENCH.0, FRENCH.1.to_owned())
}

/// `GET path` as `who`, in French.
pub fn in_french(app: &TestApp, path: &str, who: &As) -> Answer {
    app.send("GET", path, who, &[french_header()], None)
}

/// Posts a form as `who` in French; the session's CSRF token is added.
pub fn post_in_french(app: &TestApp, path: &str, who: &As, fields: &[(&str, &str)]) -> Answer {
    app.post_form_raw(path, who, &with_csrf(who, fields), &[french_header()])
}

/// A number written with a decimal comma ("54,8") somewhere in the page.
pub fn has_decimal_comma(html: &str) -> bool {
    let chars: Vec<char> = html.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == ',' && w[2].is_ascii_digit())
}

/// Whether the page shows `text` (askama escapes apostrophes).
pub fn shows(html: &str, text: &str) -> bool {
    html.contains(text) || html.contains(&text.replace('\'', "&#39;"))
}

/// Asserts that the page (`what` names it in messages) answers 200 in French, with
/// `<html lang="fr">`, every `french` text and none of the `english` ones.
pub fn assert_french(answer: &Answer, what: &str, french: &[&str], english: &[&str]) {
    assert_eq!(answer.status, 200, "{what}: {}", answer.body);
    assert!(
        answer.body.contains("<html lang=\"fr\">"),
        "{what} is not in French"
    );
    for text in french {
        assert!(
            shows(&answer.body, text),
            "{what} lacks «{text}»:\n{}",
            answer.body
        );
    }
    for text in english {
        assert!(
            !shows(&answer.body, text),
            "{what} still says «{text}»:\n{}",
            answer.body
        );
    }
}
