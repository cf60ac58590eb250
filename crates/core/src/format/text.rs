//! Languages and bilingual text: every string a person reads exists in Hindi and English; which
//! links dataset text may carry; and how wide a short label is drawn (`label_width_em`).

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

/// An estimate of how wide a short label is drawn, in ems of the system sans-serif font:
/// enough to decide whether a district's name fits on its shape or square. Latin letters
/// average about 0.58 em (capitals and `m`/`w` more, `i`/`l` less); a Devanagari letter is
/// about 0.72 em, the vowel signs that take room of their own (ा ि ी ो ौ) about 0.3 em, and the
/// signs drawn above or below a letter nothing. It errs wide, so a label judged to fit does.
pub fn label_width_em(s: &str) -> f64 {
    s.chars()
        .map(|c| match c {
            '\u{093E}' | '\u{093F}' | '\u{0940}' | '\u{094B}' | '\u{094C}' => 0.3,
            '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}' | '\u{0962}' | '\u{0963}' => 0.0,
            '\u{0900}'..='\u{097F}' => 0.72,
            'i' | 'l' | 'j' | 'I' | '.' | ',' | '\'' | ' ' => 0.3,
            'm' | 'w' | 'M' | 'W' => 0.9,
            c if c.is_ascii_uppercase() => 0.68,
            c if c.is_control() || ('\u{200B}'..='\u{206F}').contains(&c) => 0.0,
            _ => 0.58,
        })
        .sum()
}

#[cfg(test)]
mod label_width {
    use super::label_width_em;

    #[test]
    fn wider_names_measure_wider_and_marks_above_take_no_room() {
        assert!(label_width_em("Narsinghpur") > label_width_em("Dhar"));
        assert!(label_width_em("Dhar") > 1.5 && label_width_em("Dhar") < 3.0);
        // धार: two letters and the vowel sign ा; the nukta-free anusvara in "सिंगरौली" adds nothing.
        assert!((label_width_em("धार") - 1.74).abs() < 1e-9);
        assert!((label_width_em("सिंगरौली") - label_width_em("सिगरौली")).abs() < 1e-9);
        assert_eq!(label_width_em("\u{2068}\u{2069}"), 0.0);
    }
}
