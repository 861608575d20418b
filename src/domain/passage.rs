//! Finding a typed excerpt in a source's text as the pack importer does (`locate_excerpt`),
//! tolerating differences of whitespace and typographic quotes, and the closest passage.

use super::text::locate_excerpt;

/// A text with whitespace runs made one space and typographic quotes made ASCII, and for
/// each of its bytes the byte offset in the original text where that character starts.
struct Normalised {
    text: String,
    origin: Vec<usize>,
}

fn plain(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        c => c,
    }
}

/// Characters around which spacing varies with typography (French puts a space before
/// `:` `;` `?` `!` and inside « guillemets »): spaces next to them are dropped.
fn spacing_varies(c: char) -> bool {
    matches!(c, '"' | ':' | ';' | '?' | '!')
}

fn normalise(text: &str) -> Normalised {
    // Whitespace runs become one space; quotes become ASCII.
    let mut chars: Vec<(char, usize)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if chars.last().is_none_or(|(p, _)| *p != ' ') {
                chars.push((' ', at));
            }
        } else {
            chars.push((plain(c), at));
        }
    }
    let mut out = Normalised {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len() + 1),
    };
    for (i, (c, at)) in chars.iter().enumerate() {
        let beside = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|(n, _)| spacing_varies(*n))
        };
        if *c == ' ' && (beside(i.checked_sub(1)) || beside(Some(i + 1))) {
            continue;
        }
        for _ in 0..c.len_utf8() {
            out.origin.push(*at);
        }
        out.text.push(*c);
    }
    out.origin.push(text.len());
    out
}

/// The passage of `text` that `excerpt` quotes: the excerpt itself when it is found verbatim
/// (the importer's check), else the text's own passage that matches it once whitespace and
/// quotes are normalised. `None` when it is not in the text.
pub fn find_passage<'t>(text: &'t str, excerpt: &str) -> Option<&'t str> {
    let excerpt = excerpt.trim();
    if let Some(place) = locate_excerpt(text, excerpt) {
        return text.get(place.start..place.end);
    }
    let wanted = normalise(excerpt).text;
    if wanted.trim().is_empty() {
        return None;
    }
    let hay = normalise(text);
    let start = hay.text.find(wanted.trim())?;
    let end = start + wanted.trim().len();
    let from = *hay.origin.get(start)?;
    // The original end: just past the last matched character.
    let last = *hay.origin.get(end - 1)?;
    let to = last + text.get(last..)?.chars().next().map_or(0, char::len_utf8);
    text.get(from..to)
}

/// A passage of `text` close to `excerpt` when it is not found: the longest run of the
/// excerpt's first or last words (three at least) that is in the text, extended to the
/// excerpt's length. Cheap and approximate: a hint for the person typing.
pub fn closest_passage(text: &str, excerpt: &str) -> Option<String> {
    let hay = normalise(text);
    let wanted = normalise(excerpt.trim()).text;
    let words: Vec<&str> = wanted.split(' ').filter(|w| !w.is_empty()).collect();
    let length = wanted.chars().count();
    for k in (3..words.len()).rev() {
        let head = words[..k].join(" ");
        let tail = words[words.len() - k..].join(" ");
        if let Some(at) = hay.text.find(&head) {
            let end = char_end(&hay.text, at, length);
            return around(&hay, text, at, end);
        }
        if let Some(at) = hay.text.find(&tail) {
            let end = at + tail.len();
            let start = hay.text[..end]
                .char_indices()
                .rev()
                .nth(length.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            return around(&hay, text, start, end);
        }
    }
    None
}

/// The byte offset `length` characters after `at` in `s` (or its end).
fn char_end(s: &str, at: usize, length: usize) -> usize {
    s[at..]
        .char_indices()
        .nth(length)
        .map_or(s.len(), |(i, _)| at + i)
}

/// The original text of the normalised bytes `start..end`, trimmed.
fn around(hay: &Normalised, text: &str, start: usize, end: usize) -> Option<String> {
    let from = *hay.origin.get(start)?;
    let to = *hay.origin.get(end)?;
    Some(text.get(from..to)?.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Mimecast a confirmé l’usage de la « porte dérobée »\u{a0}d’Orion.\nSecond  paragraphe, ici.";

    #[test]
    fn verbatim_excerpts_are_found_as_the_importer_finds_them() {
        assert_eq!(find_passage(TEXT, " l’usage de "), Some("l’usage de"));
        assert_eq!(find_passage(TEXT, ""), None);
    }

    #[test]
    fn quotes_and_whitespace_may_differ_and_the_text_own_passage_is_returned() {
        assert_eq!(
            find_passage(TEXT, "confirmé l'usage de la \"porte dérobée\" d'Orion"),
            Some("confirmé l’usage de la « porte dérobée »\u{a0}d’Orion")
        );
        assert_eq!(
            find_passage(TEXT, "Orion. Second paragraphe"),
            Some("Orion.\nSecond  paragraphe")
        );
        assert_eq!(find_passage(TEXT, "porte derobee"), None);
    }

    #[test]
    fn the_closest_passage_is_suggested() {
        let hint = closest_passage(TEXT, "Mimecast a confirmé l'usage d'une porte").unwrap();
        assert!(hint.starts_with("Mimecast a confirmé l’usage"), "{hint}");
        let hint = closest_passage(TEXT, "Troisième et Second paragraphe, ici.").unwrap();
        assert!(hint.ends_with("paragraphe, ici."), "{hint}");
        assert_eq!(closest_passage(TEXT, "rien à voir ici"), None);
    }
}
