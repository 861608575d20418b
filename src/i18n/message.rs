//! A message for the user decided before the language is known (a form field's error, a
//! notice): a catalogue id with its arguments, rendered later in the reader's language.

use super::{Arg, Lang, translate};

/// A catalogue message and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// Text taken as it is (a detail from a lower layer), shown in every language through
    /// the `verbatim` message.
    pub fn verbatim(text: impl Into<String>) -> Message {
        Message::new("verbatim").with("text", text.into())
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        translate(lang, self.id, &self.args)
    }
}

/// English, for logs, API answers and command-line errors; pages use [`Message::render`].
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::verbatim(text)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::verbatim(text)
    }
}
