//! Reading the publisher's CSV files, so that every error names the file, the line and the
//! column, in the words a spreadsheet user sees (line 1 is the header row).
//!
//! Every input table goes through [`Table`]: missing columns are named all at once, a row with
//! the wrong number of fields is named with both counts, and a cell that does not parse says
//! what was expected. Line numbers are the CSV reader's own, so a quoted field that spans lines
//! does not shift them.

use std::path::{Path, PathBuf};
use std::str::FromStr;

/// One data row: its line in the file and its fields, as written.
pub struct Row {
    pub line: u64,
    pub fields: Vec<String>,
}

/// A CSV file as read: its trimmed headers and its rows.
pub struct Table {
    pub path: PathBuf,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn read(path: &Path) -> Result<Table, String> {
        let name = path.display();
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_path(path).map_err(|e| format!("{name}: {}", io_reason(&e)))?;
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| format!("{name} line 1: {}", csv_reason(&e)))?
            .iter()
            // A spreadsheet's "CSV UTF-8" starts with a byte-order mark; it is not part of the name.
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
            .collect();
        if headers.iter().all(String::is_empty) {
            return Err(format!("{name}: the file is empty; expected a header row naming the columns"));
        }
        let mut rows = Vec::new();
        for r in rdr.records() {
            let r = r.map_err(|e| format!("{name} line {}: {}", e.position().map_or(0, |p| p.line()), csv_reason(&e)))?;
            let line = r.position().map_or(0, |p| p.line());
            // A blank line at the end of a file is no row.
            if r.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if r.len() != headers.len() {
                return Err(format!("{name} line {line}: {} fields, but the header row has {} columns ({})", r.len(), headers.len(), headers.join(", ")));
            }
            rows.push(Row { line, fields: r.iter().map(str::to_string).collect() });
        }
        Ok(Table { path: path.to_path_buf(), headers, rows })
    }

    /// Fails naming every missing column at once, so a publisher fixes the header in one pass.
    pub fn require(&self, names: &[&str]) -> Result<(), String> {
        let missing: Vec<&str> = names.iter().copied().filter(|n| self.col(n).is_none()).collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(format!(
            "{}: missing column{} {} (the header row has: {}); see docs/publishing.md for this file's columns",
            self.path.display(),
            if missing.len() == 1 { "" } else { "s" },
            missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", "),
            self.headers.join(", ")
        ))
    }

    pub fn col(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// Where a cell is, for messages: `file line 4, column "lat"`.
    pub fn at(&self, row: &Row, name: &str) -> String {
        format!("{} line {}, column \"{name}\"", self.path.display(), row.line)
    }

    /// The cell trimmed, or `None` when the column is absent or the cell empty.
    pub fn get<'a>(&self, row: &'a Row, name: &str) -> Option<&'a str> {
        self.col(name).and_then(|i| row.fields.get(i)).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    /// The cell, which must not be empty.
    pub fn need<'a>(&self, row: &'a Row, name: &str, expected: &str) -> Result<&'a str, String> {
        self.get(row, name).ok_or_else(|| format!("{}: empty; expected {expected}", self.at(row, name)))
    }

    /// The cell parsed, `None` when empty; a cell that does not parse is named with what was
    /// expected.
    pub fn parse<T: FromStr>(&self, row: &Row, name: &str, expected: &str) -> Result<Option<T>, String> {
        self.get(row, name).map(|s| s.parse::<T>().map_err(|_| format!("{}: \"{s}\" is not {expected}", self.at(row, name)))).transpose()
    }
}

fn io_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::NotFound => "no such file".into(),
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => csv_reason(e),
    }
}

/// The CSV reader's complaint in a publisher's words.
fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text; save the file as \"CSV UTF-8\" (legacy Hindi fonts such as Kruti Dev are not Unicode)".into(),
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Result<Table, String> {
        let dir = std::env::temp_dir().join(format!("samiksha-csvin-{}-{}", std::process::id(), text.len()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.csv");
        std::fs::write(&path, text).unwrap();
        Table::read(&path)
    }

    #[test]
    fn errors_name_the_line_and_the_column() {
        let t = table("\u{feff}slug, lat\n\"a\nb\",1\nc,north\n").unwrap();
        assert_eq!(t.headers, ["slug", "lat"]);
        // The quoted field spans lines 2 and 3, so the second row is on line 4.
        let row = &t.rows[1];
        assert_eq!(row.line, 4);
        let err = t.parse::<f64>(row, "lat", "a number").unwrap_err();
        assert!(err.ends_with("t.csv line 4, column \"lat\": \"north\" is not a number"), "{err}");
        let err = t.require(&["slug", "name_en", "name_hi"]).unwrap_err();
        assert!(err.contains("missing columns \"name_en\", \"name_hi\" (the header row has: slug, lat)"), "{err}");
    }

    #[test]
    fn a_short_row_and_bad_bytes_are_named() {
        let err = table("a,b,c\n1,2,3\n4,5\n").err().unwrap();
        assert!(err.ends_with("line 3: 2 fields, but the header row has 3 columns (a, b, c)"), "{err}");
        let dir = std::env::temp_dir().join(format!("samiksha-csvin-{}-latin1", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("t.csv"), b"a,b\n1,\xe9\n").unwrap();
        let err = Table::read(&dir.join("t.csv")).err().unwrap();
        assert!(err.contains("line 2: not UTF-8 text"), "{err}");
        let err = table("").err().unwrap();
        assert!(err.contains("the file is empty"), "{err}");
    }
}
