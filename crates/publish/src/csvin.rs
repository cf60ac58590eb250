//! Reading the publisher's tables, so that every error names the file (and sheet), the line or
//! row, and the column, in the words a spreadsheet user sees (line 1 is the header row): CSV bytes
//! in the encodings spreadsheets write ([`Table::from_csv`]) and a workbook's sheet already read
//! as text ([`Table::from_sheet`], from `workbook`).
//!
//! Every input table goes through [`Table`]: missing columns are named all at once, a row with
//! the wrong number of fields is named with both counts, and a cell that does not parse says
//! what was expected. Line numbers are the CSV reader's own, so a quoted field that spans lines
//! does not shift them.

use std::path::{Path, PathBuf};
use std::str::FromStr;

/// One data row: its line in the file (its row in a sheet) and its fields, as written.
#[derive(Clone, Debug)]
pub struct Row {
    pub line: u64,
    pub fields: Vec<String>,
}

/// How a CSV file's bytes were read: spreadsheets write more than UTF-8, and the publisher is
/// told which was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    /// Excel's "Unicode Text", with its byte-order mark (usually tab-separated).
    Utf16Le,
    Utf16Be,
    /// Excel's plain "CSV" on Windows in English: no Hindi can be written in it.
    Windows1252,
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16 (little-endian)",
            TextEncoding::Utf16Be => "UTF-16 (big-endian)",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// A CSV file or a workbook's sheet as read: its trimmed headers and its rows.
#[derive(Clone, Debug)]
pub struct Table {
    pub path: PathBuf,
    /// The sheet, when the table is a workbook's: messages then give rows and column letters.
    pub sheet: Option<String>,
    pub encoding: TextEncoding,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// The column letter a spreadsheet shows for the column at `i` (0 → A, 26 → AA).
pub fn column_letter(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Decodes a text file as a spreadsheet may have written it: a UTF-16 byte-order mark says
/// UTF-16, valid UTF-8 is UTF-8, anything else is read as Windows-1252 (Excel's "CSV" on an
/// English Windows), and the caller is told which.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    let utf16 = |enc: &'static encoding_rs::Encoding, e| (enc.decode_with_bom_removal(bytes).0.into_owned(), e);
    match bytes {
        [0xFF, 0xFE, ..] => utf16(encoding_rs::UTF_16LE, TextEncoding::Utf16Le),
        [0xFE, 0xFF, ..] => utf16(encoding_rs::UTF_16BE, TextEncoding::Utf16Be),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), TextEncoding::Utf8),
            Err(_) => (encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), TextEncoding::Windows1252),
        },
    }
}

impl Table {
    /// Reads CSV bytes: UTF-8, UTF-16 or Windows-1252 (see [`decode`]); commas, or tabs when
    /// the header row has tabs and no commas (Excel's "Unicode Text").
    pub fn from_csv(path: &Path, bytes: &[u8]) -> Result<Table, String> {
        let name = path.display();
        let (text, encoding) = decode(bytes);
        let first = text.lines().next().unwrap_or_default();
        let delimiter = if first.contains('\t') && !first.contains(',') { b'\t' } else { b',' };
        let mut rdr = csv::ReaderBuilder::new().flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
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
        let t = Table { path: path.to_path_buf(), sheet: None, encoding, headers, rows };
        t.refuse_hindi_in_a_legacy_encoding()?;
        Ok(t)
    }

    /// Windows-1252 has no Devanagari: text in a Hindi column of such a file is a legacy font's
    /// encoding (Kruti Dev) or mangled, never Hindi, so it is refused rather than published.
    fn refuse_hindi_in_a_legacy_encoding(&self) -> Result<(), String> {
        if self.encoding != TextEncoding::Windows1252 {
            return Ok(());
        }
        for (i, h) in self.headers.iter().enumerate().filter(|(_, h)| h.ends_with("_hi")) {
            if let Some(row) = self.rows.iter().find(|r| r.fields.get(i).is_some_and(|f| !f.trim().is_empty())) {
                return Err(format!(
                    "{}: not UTF-8 text; read as Windows-1252, which cannot hold Hindi, yet column \"{h}\" has text; save the file as \"CSV UTF-8\" (legacy Hindi fonts such as Kruti Dev are not Unicode)",
                    self.line(row)
                ));
            }
        }
        Ok(())
    }

    /// A workbook's sheet as a table: `cells` are its rows from the first (the header row),
    /// already written as text; rows are numbered as the spreadsheet numbers them.
    pub fn from_sheet(book: &Path, sheet: &str, cells: Vec<Vec<String>>) -> Result<Table, String> {
        let mut it = cells.into_iter().enumerate();
        let headers: Vec<String> = it.next().map(|(_, h)| h.into_iter().map(|h| h.trim().to_string()).collect()).unwrap_or_default();
        let mut t = Table { path: book.to_path_buf(), sheet: Some(sheet.to_string()), encoding: TextEncoding::Utf8, headers, rows: Vec::new() };
        if t.headers.iter().all(String::is_empty) {
            return Err(format!("{}: the sheet is empty; expected a header row naming the columns in row 1", t.name()));
        }
        // Trailing empty header cells are no columns; cells beyond the last header are refused
        // only when they hold something.
        while t.headers.last().is_some_and(String::is_empty) {
            t.headers.pop();
        }
        let width = t.headers.len();
        for (i, mut fields) in it {
            let line = i as u64 + 1;
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if let Some(extra) = fields.iter().skip(width).position(|f| !f.trim().is_empty()) {
                return Err(format!(
                    "{}, row {line}, column {}: a value beyond the last named column; expected a header in row 1 for every column with values",
                    t.name(),
                    column_letter(width + extra)
                ));
            }
            fields.resize(width, String::new());
            t.rows.push(Row { line, fields });
        }
        Ok(t)
    }

    /// The file (and sheet) as messages name it.
    pub fn name(&self) -> String {
        match &self.sheet {
            Some(s) => format!("{}, sheet \"{s}\"", self.path.display()),
            None => self.path.display().to_string(),
        }
    }

    /// Where a row is, for messages: `file line 4`, or `book.xlsx, sheet "Values", row 4`.
    pub fn line(&self, row: &Row) -> String {
        match &self.sheet {
            Some(_) => format!("{}, row {}", self.name(), row.line),
            None => format!("{} line {}", self.name(), row.line),
        }
    }

    /// Fails naming every missing column at once, so a publisher fixes the header in one pass.
    pub fn require(&self, names: &[&str]) -> Result<(), String> {
        let missing: Vec<&str> = names.iter().copied().filter(|n| self.col(n).is_none()).collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(format!(
            "{}: missing column{} {} (the header row has: {}); see docs/publishing.md for this file's columns",
            self.name(),
            if missing.len() == 1 { "" } else { "s" },
            missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", "),
            self.headers.join(", ")
        ))
    }

    pub fn col(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// Where a cell is, for messages: `file line 4, column "lat"`, or in a sheet
    /// `book.xlsx, sheet "Districts", row 4, column C ("lat")`.
    pub fn at(&self, row: &Row, name: &str) -> String {
        match (&self.sheet, self.col(name)) {
            (Some(_), Some(i)) => format!("{}, column {} (\"{name}\")", self.line(row), column_letter(i)),
            _ => format!("{}, column \"{name}\"", self.line(row)),
        }
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
        crate::files::Files::table(&crate::files::Disk, &path)
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
        let err = table("").err().unwrap();
        assert!(err.contains("the file is empty"), "{err}");
    }

    #[test]
    fn the_encodings_excel_writes_are_detected_and_said() {
        let p = Path::new("t.csv");
        // Windows-1252: "é" is one byte 0xE9, never valid UTF-8.
        let t = Table::from_csv(p, b"a,name_en\n1,Caf\xe9\n").unwrap();
        assert_eq!(t.encoding, TextEncoding::Windows1252);
        assert_eq!(t.rows[0].fields[1], "Caf\u{e9}");
        // UTF-16 little endian with its mark and tabs ("Unicode Text").
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("a\tb\n1\t\u{0907}\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let t = Table::from_csv(p, &le).unwrap();
        assert_eq!((t.encoding, t.headers.clone()), (TextEncoding::Utf16Le, vec!["a".to_string(), "b".to_string()]));
        assert_eq!(t.rows[0].fields, ["1", "\u{0907}"]);
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("a,b\n1,2\n".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(Table::from_csv(p, &be).unwrap().encoding, TextEncoding::Utf16Be);
        assert_eq!(Table::from_csv(p, "a\n\u{0907}\n".as_bytes()).unwrap().encoding, TextEncoding::Utf8);
    }

    #[test]
    fn hindi_columns_in_a_legacy_encoding_are_refused_with_the_fix() {
        let err = Table::from_csv(Path::new("d.csv"), b"slug,name_hi\nbhopal,\xe0\xa4\n").unwrap_err();
        assert!(err.starts_with("d.csv line 2: not UTF-8 text"), "{err}");
        assert!(err.contains("column \"name_hi\"") && err.contains("CSV UTF-8"), "{err}");
        // An empty Hindi column in such a file holds nothing to mangle.
        assert!(Table::from_csv(Path::new("d.csv"), b"slug,name_hi,x\nbhopal,,\xe9\n").is_ok());
    }

    #[test]
    fn a_sheet_names_its_rows_and_columns_as_the_spreadsheet_does() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let t = Table::from_sheet(Path::new("book.xlsx"), "Values", vec![s(&["slug", "lat", ""]), s(&["", "", ""]), s(&["a", "north", ""])]).unwrap();
        assert_eq!(t.headers, ["slug", "lat"]);
        // The blank row 2 is skipped; the row keeps its number in the sheet.
        assert_eq!(t.rows[0].line, 3);
        let err = t.parse::<f64>(&t.rows[0], "lat", "a number").unwrap_err();
        assert_eq!(err, "book.xlsx, sheet \"Values\", row 3, column B (\"lat\"): \"north\" is not a number");
        let err = Table::from_sheet(Path::new("book.xlsx"), "V", vec![s(&["a", "b"]), s(&["1", "2", "", "x"])]).unwrap_err();
        assert!(err.contains("row 2, column D: a value beyond the last named column"), "{err}");
        assert_eq!(
            (column_letter(0), column_letter(25), column_letter(26), column_letter(701), column_letter(702)),
            ("A".into(), "Z".into(), "AA".into(), "ZZ".into(), "AAA".into())
        );
    }
}
