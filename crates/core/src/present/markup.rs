//! Text placed into markup the core writes (the map's tooltip, its squares and the district
//! finder's suggestions here; the charts' SVG in `samiksha-charts`): escaped in one place, so
//! dataset text never becomes markup.

/// Text for HTML or SVG markup (element content or attribute value): escaped, and with every
/// character XML 1.0 forbids (NUL and other control characters, U+FFFE, U+FFFF) replaced by
/// U+FFFD, so an export is well-formed XML whatever the dataset's text holds.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The options of a `<datalist>` (suggestions only: each option's value, no label), as markup:
/// the district finder's 785 names at all-India scale are one parse, not 1,570 calls. A name
/// holding a control character (which the manifest's check already reports) is suggested with
/// U+FFFD in its place, as [`text`] writes it.
pub fn datalist_options<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values.into_iter().map(|v| format!("<option value=\"{}\"></option>", text(v))).collect()
}

#[cfg(test)]
mod tests {
    use super::{datalist_options, text};

    #[test]
    fn options_hold_their_values_escaped() {
        assert_eq!(
            datalist_options(["Dhar", "R\"&D", "धार"]),
            "<option value=\"Dhar\"></option><option value=\"R&quot;&amp;D\"></option><option value=\"धार\"></option>"
        );
        assert_eq!(datalist_options([]), "");
    }

    #[test]
    fn markup_characters_and_forbidden_ones_are_replaced() {
        assert_eq!(text("<b a=\"1\">R&D's</b>"), "&lt;b a=&quot;1&quot;&gt;R&amp;D&apos;s&lt;/b&gt;");
        assert_eq!(text("a\u{0}b\u{FFFF}\tc"), "a\u{FFFD}b\u{FFFD}\tc");
        assert_eq!(text("मुरैना"), "मुरैना");
    }
}
