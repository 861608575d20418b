//! The Fluent catalogues, compiled into the binary: one file per area of the interface under
//! `locales/{en,fr}/`, and the lookup that turns a message id and its arguments into text.

use super::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

macro_rules! area {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../locales/en/", $name, ".ftl")),
            include_str!(concat!("../../locales/fr/", $name, ".ftl")),
        )
    };
}

/// Every catalogue file, by area. A new area adds its pair of files here.
pub(super) const FILES: &[(&str, &str, &str)] = &[
    area!("common"),
    area!("errors"),
    area!("enums"),
    area!("vendors"),
    area!("incidents"),
    area!("sources"),
    area!("dashboard"),
    area!("search"),
    area!("curation"),
    area!("recommendations"),
    area!("blast"),
    area!("accounts"),
    area!("audit"),
    area!("dependencies"),
    area!("analysts"),
    area!("assessments"),
    area!("citations"),
    area!("timeline"),
    area!("compare"),
    area!("exports"),
    area!("report"),
    area!("reviews"),
    area!("imports"),
    area!("api"),
    area!("watchlists"),
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> Bundle {
    let locale = match lang {
        Lang::En => unic_langid::langid!("en"),
        Lang::Fr => unic_langid::langid!("fr"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Placeables land in HTML attributes and tables: no invisible isolation marks.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => |value, _| grouped(Lang::En, value),
        Lang::Fr => |value, _| grouped(Lang::Fr, value),
    }));
    for (area, en, fr) in FILES {
        let source = match lang {
            Lang::En => en,
            Lang::Fr => fr,
        };
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                tracing::error!(area, lang = lang.code(), ?errors, "catalogue syntax errors");
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(area, lang = lang.code(), ?errors, "catalogue conflicts");
        }
    }
    bundle
}

/// A whole number of a message in `lang`'s digit groups ("12,964" / "12 964"), as Fluent's
/// `useGrouping` (on unless a message turns it off) asks; Fluent itself never groups.
/// Anything else is left to Fluent (`None`).
fn grouped(lang: Lang, value: &FluentValue) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let options = &number.options;
    let plain = options.use_grouping
        && options.minimum_integer_digits.is_none()
        && options.minimum_fraction_digits.is_none()
        && options.minimum_significant_digits.is_none();
    let whole = number.value.fract() == 0.0 && number.value.abs() < 1e15;
    (plain && whole).then(|| super::format_integer(lang, number.value as i64))
}

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| [bundle(Lang::En), bundle(Lang::Fr)]);

fn bundle_of(lang: Lang) -> &'static Bundle {
    &BUNDLES[match lang {
        Lang::En => 0,
        Lang::Fr => 1,
    }]
}

/// A message argument: text, or a number (numbers choose plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n as f64)
    }
}

/// The text of message `id` in `lang` with its arguments. An unknown id (a bug the catalogue
/// tests catch) shows as the id itself rather than failing the page.
pub fn translate(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle_of(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        tracing::warn!(id, lang = lang.code(), "no such message in the catalogue");
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(
            id,
            lang = lang.code(),
            ?errors,
            "message formatted with errors"
        );
    }
    text.into_owned()
}

/// Every message id of a language's catalogue (for the completeness tests).
pub fn message_ids(lang: Lang) -> Vec<String> {
    let mut ids = Vec::new();
    for (_, en, fr) in FILES {
        let source = match lang {
            Lang::En => en,
            Lang::Fr => fr,
        };
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(r) | Err((r, _)) => r,
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.push(m.id.name.to_owned());
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_in_messages_are_grouped_in_the_readers_way() {
        let count = |n: i64| [("count", Arg::from(n))];
        assert_eq!(
            translate(Lang::En, "rec-needing-action", &count(12964)),
            "Needing action (12,964)"
        );
        assert_eq!(
            translate(Lang::Fr, "rec-needing-action", &count(12964)),
            "À traiter (12\u{202f}964)"
        );
        assert_eq!(
            translate(Lang::En, "rec-needing-action", &count(7)),
            "Needing action (7)"
        );
        // Plural forms still follow the number, not its text.
        assert_eq!(translate(Lang::En, "vreport-hops", &count(1)), "1 hop");
    }

    #[test]
    fn every_catalogue_parses_without_errors() {
        for (area, en, fr) in FILES {
            for (code, source) in [("en", en), ("fr", fr)] {
                if let Err((_, errors)) = FluentResource::try_new((*source).to_owned()) {
                    panic!("locales/{code}/{area}.ftl: {errors:?}");
                }
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let mut en = message_ids(Lang::En);
        let mut fr = message_ids(Lang::Fr);
        en.sort();
        fr.sort();
        let only_en: Vec<_> = en.iter().filter(|id| !fr.contains(id)).collect();
        let only_fr: Vec<_> = fr.iter().filter(|id| !en.contains(id)).collect();
        assert!(only_en.is_empty(), "missing in French: {only_en:?}");
        assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
        let mut unique = en.clone();
        unique.dedup();
        assert_eq!(unique.len(), en.len(), "an id is defined twice");
    }

    /// The message ids quoted in templates (`nav.t("id")`, `nav.t1("id", …)`, …) and in code
    /// (`Message::new("id")`), each with the file that uses it.
    fn ids_used() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        let mut dirs = vec![root.join("templates"), root.join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        let markers = [
            "nav.t(\"",
            "nav.t1(\"",
            "nav.t2(\"",
            "nav.t3(\"",
            "nav.tn(\"",
            "Message::new(\"",
        ];
        let mut used = Vec::new();
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            for marker in markers {
                for (at, _) in text.match_indices(marker) {
                    let rest = &text[at + marker.len()..];
                    if let Some(end) = rest.find('"') {
                        used.push((rest[..end].to_owned(), file.display().to_string()));
                    }
                }
            }
        }
        used
    }

    #[test]
    fn every_message_used_is_in_the_catalogue() {
        let known = message_ids(Lang::En);
        let missing: Vec<_> = ids_used()
            .into_iter()
            .filter(|(id, _)| !known.contains(id) && id != "id")
            .collect();
        assert!(
            missing.is_empty(),
            "messages missing from locales/: {missing:?}"
        );
    }
}
