//! The URL contract: which view is shown lives in the query string, so every view is a link.
//!
//! `?view=map|rankings|charts|district|about&indicator=<id>&period=<id>&district=<slug>&lang=hi|en`.
//! Parsing never fails: unknown or malformed parts fall back to defaults, so an old or mistyped
//! link still opens the app.

use crate::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Map,
    Rankings,
    Charts,
    District,
    About,
}

impl View {
    pub const ALL: [View; 5] = [View::Map, View::Rankings, View::Charts, View::District, View::About];

    pub fn word(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Rankings => "rankings",
            View::Charts => "charts",
            View::District => "district",
            View::About => "about",
        }
    }

    pub fn from_word(w: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.word() == w)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Route {
    pub view: View,
    pub indicator: Option<String>,
    pub period: Option<String>,
    pub district: Option<String>,
    /// An earlier period to measure improvement from (rankings view).
    pub compare: Option<String>,
    /// Districts shown beside `district` (profile comparison, trend lines), at most five.
    pub with: Vec<String>,
    /// Map drawing (`geo` or `tiles`) and colour classification (`quantile`, `equal`, …).
    pub map: Option<String>,
    pub classes: Option<String>,
    pub lang: Lang,
}

/// The indicator id that stands for the composite index; datasets may not use it.
pub const COMPOSITE: &str = "composite";

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && bytes[i + 1].is_ascii_hexdigit() && bytes[i + 2].is_ascii_hexdigit() => {
                let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
                out.push(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Keeps only values that could be ids; anything else is dropped rather than trusted.
fn id_like(s: String) -> Option<String> {
    (!s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')).then_some(s)
}

impl Route {
    /// Parses a query string, with or without its leading `?`.
    pub fn parse(query: &str) -> Route {
        let mut r = Route::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            match k {
                "view" => r.view = View::from_word(&v).unwrap_or_default(),
                "indicator" => r.indicator = id_like(v),
                "period" => r.period = id_like(v),
                "district" => r.district = id_like(v),
                "compare" => r.compare = id_like(v),
                "map" => r.map = id_like(v),
                "classes" => r.classes = id_like(v),
                "with" => r.with = v.split(',').filter_map(|s| id_like(s.to_string())).take(5).collect(),
                "lang" => r.lang = Lang::from_code(&v).unwrap_or_default(),
                _ => {}
            }
        }
        r
    }

    /// The query string for this route, starting with `?`. Parameters are in a fixed order so
    /// the same view always has the same link.
    pub fn to_query(&self) -> String {
        let mut parts = vec![format!("view={}", self.view.word())];
        for (k, v) in [
            ("indicator", &self.indicator),
            ("period", &self.period),
            ("district", &self.district),
            ("compare", &self.compare),
            ("map", &self.map),
            ("classes", &self.classes),
        ] {
            if let Some(v) = v {
                parts.push(format!("{k}={}", encode(v)));
            }
        }
        if !self.with.is_empty() {
            parts.push(format!("with={}", self.with.iter().map(|s| encode(s)).collect::<Vec<_>>().join(",")));
        }
        parts.push(format!("lang={}", self.lang.code()));
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_full_route() {
        let r = Route {
            view: View::Rankings,
            indicator: Some("public-awareness".into()),
            period: Some("2026-01".into()),
            district: Some("tikamgarh".into()),
            compare: None,
            with: vec!["rewa".into(), "mauganj".into()],
            map: Some("tiles".into()),
            classes: Some("natural".into()),
            lang: Lang::En,
        };
        let q = r.to_query();
        assert_eq!(q, "?view=rankings&indicator=public-awareness&period=2026-01&district=tikamgarh&map=tiles&classes=natural&with=rewa,mauganj&lang=en");
        assert_eq!(Route::parse(&q), r);
    }

    #[test]
    fn bad_parts_fall_back_to_defaults() {
        let r = Route::parse("?view=nonsense&lang=fr&indicator=%3Cscript%3E&period=2026-01&x=%");
        assert_eq!(r.view, View::Map);
        assert_eq!(r.lang, Lang::Hi);
        assert_eq!(r.indicator, None);
        assert_eq!(r.period.as_deref(), Some("2026-01"));
        assert_eq!(Route::parse(""), Route::default());
        assert_eq!(Route::parse("%%%&&==").view, View::Map);
    }
}
