//! CSV for downloads: RFC 4180 quoting, CRLF line ends and a UTF-8 byte-order mark, so Excel
//! opens Hindi names intact.

/// One field, quoted when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
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
