//! The user interface's two languages, English and French: which one a request gets (the
//! remembered switch, else `Accept-Language`), the Fluent catalogues, and per-language formats.

mod catalog;
mod format;
mod message;

pub use catalog::{Arg, message_ids, translate};
pub use format::{format_date, format_decimal, format_integer, format_partial_date};
pub use message::Message;

use actix_web::HttpRequest;

/// The cookie that remembers the language chosen with the switch.
pub const LANG_COOKIE: &str = "trustkb_lang";

/// A language of the user interface. Content keeps its own language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The BCP 47 code: `en` or `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's name in itself, as the switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// The language the switch offers from this one.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }

    /// `en` or `fr` (any case, with or without a region such as `fr-CA`).
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if primary.eq_ignore_ascii_case("fr") {
            Some(Lang::Fr)
        } else {
            None
        }
    }

    /// The best of our languages for an `Accept-Language` header (by quality, then order);
    /// English when it names neither.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in accept_language.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("");
            let quality = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(lang) = Lang::parse(tag)
                && quality > 0.0
                && best.is_none_or(|(q, _)| quality > q)
            {
                best = Some((quality, lang));
            }
        }
        best.map_or(Lang::En, |(_, lang)| lang)
    }

    /// The language for a request: the remembered switch, else `Accept-Language`.
    pub fn of_request(req: &HttpRequest) -> Lang {
        if let Some(lang) = req.cookie(LANG_COOKIE).and_then(|c| Lang::parse(c.value())) {
            return lang;
        }
        req.headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map_or(Lang::En, Lang::negotiate)
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn negotiates_by_quality_then_order() {
        assert_eq!(Lang::negotiate("fr-FR,fr;q=0.9,en;q=0.8"), Lang::Fr);
        assert_eq!(Lang::negotiate("de-DE, en;q=0.5, fr;q=0.4"), Lang::En);
        assert_eq!(Lang::negotiate("de, fr;q=0.7, en;q=0.7"), Lang::Fr);
        assert_eq!(Lang::negotiate("fr;q=0, en;q=0.1"), Lang::En);
        assert_eq!(Lang::negotiate("de"), Lang::En);
        assert_eq!(Lang::negotiate(""), Lang::En);
        assert_eq!(Lang::negotiate("*"), Lang::En);
    }

    #[test]
    fn parses_codes_with_regions() {
        assert_eq!(Lang::parse("FR-ca"), Some(Lang::Fr));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("es"), None);
    }
}
