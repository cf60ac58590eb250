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

/// A URL from dataset text that may become a link: only absolute `https:` and `http:` URLs
/// without spaces or control characters. Anything else (`javascript:`, `data:`, relative
/// paths, `//host` tricks) is shown as plain text by the caller.
pub fn web_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let host_ok = url.split_once("://").is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'));
    (scheme_ok && host_ok && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(url)
}

#[cfg(test)]
mod link_tests {
    use super::web_link;

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(web_link(" https://creativecommons.org/licenses/by/4.0/ "), Some("https://creativecommons.org/licenses/by/4.0/"));
        assert_eq!(web_link("HTTP://example.gov.in/x"), Some("HTTP://example.gov.in/x"));
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "//evil.example",
            "/local",
            "values/x.json",
            "https:///x",
            "https://a b",
            "https://a\u{0}b",
            "vbscript:x",
            "",
            "http:",
            "https://",
        ] {
            assert_eq!(web_link(bad), None, "{bad:?}");
        }
    }
}
