//! CSV for downloads: RFC 4180 quoting, CRLF line ends and a UTF-8 byte-order mark, so Excel
//! opens Hindi names intact; text a spreadsheet would run as a formula is defused.

/// A plain number as the tables write it ("-12.5", "12,34,567", "45.2%"): left as it is, so a
/// spreadsheet still reads it as a number.
fn is_number(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let body = body.strip_suffix('%').unwrap_or(body);
    !body.is_empty() && body.starts_with(|c: char| c.is_ascii_digit()) && body.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to a
/// spreadsheet (formula injection); a leading apostrophe makes it text. Numbers are kept.
fn defuse(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// One field, defused, and quoted when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    let s = defuse(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// A whole file: optional comment lines (title, source, as-of) first, then the header and rows.
pub fn to_csv(preamble: &[String], header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for line in preamble {
        out.push_str(&field(line));
        out.push_str("\r\n");
    }
    for row in std::iter::once(header).chain(rows.iter().map(|r| r.as_slice())) {
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_text_and_numbers_stay_numbers() {
        let csv = to_csv(
            &[],
            &["a".into()],
            &[
                vec!["=HYPERLINK(\"http://x\")".into()],
                vec!["= · 0.0".into()],
                vec!["+1+1".into()],
                vec!["@SUM(A1)".into()],
                vec!["-2+3".into()],
                vec!["-12.5".into()],
                vec!["+3".into()],
                vec!["12,34,567".into()],
                vec!["-4.0%".into()],
            ],
        );
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[1], "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(lines[2], "'= · 0.0");
        assert_eq!(lines[3], "'+1+1");
        assert_eq!(lines[4], "'@SUM(A1)");
        assert_eq!(lines[5], "'-2+3");
        assert_eq!(&lines[6..10], ["-12.5", "+3", "\"12,34,567\"", "-4.0%"]);
    }

    #[test]
    fn quotes_what_needs_quoting_and_keeps_hindi() {
        let csv = to_csv(
            &["Title, with comma".into()],
            &["ज़िला".into(), "मान".into()],
            &[vec!["भोपाल".into(), "12,34,567".into()], vec!["Say \"hi\"".into(), "1".into()]],
        );
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(csv.trim_start_matches('\u{feff}'), "\"Title, with comma\"\r\nज़िला,मान\r\nभोपाल,\"12,34,567\"\r\n\"Say \"\"hi\"\"\",1\r\n");
    }
}
