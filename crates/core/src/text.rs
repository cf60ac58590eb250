//! Languages and bilingual text: every string a person reads exists in Hindi and English.

use serde::{Deserialize, Serialize};

/// The two languages of the interface and of every dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Hindi is the default: the primary readers are in Madhya Pradesh.
    #[default]
    Hi,
    En,
}

impl Lang {
    /// The BCP 47 code used in the URL and in the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Hi => "hi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "hi" => Some(Lang::Hi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Hi => Lang::En,
            Lang::En => Lang::Hi,
        }
    }
}

/// A text a person reads, in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Bilingual {
    pub en: String,
    pub hi: String,
}

impl Bilingual {
    pub fn new(en: impl Into<String>, hi: impl Into<String>) -> Self {
        Bilingual { en: en.into(), hi: hi.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Hi => &self.hi,
        }
    }
}
