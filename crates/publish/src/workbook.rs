//! Reading a spreadsheet workbook (`.xlsx`, also `.xls` and `.ods`) into the same [`Table`] a CSV
//! file gives, so every check and message downstream is the CSV path's: one sheet per role,
//! rows numbered and columns lettered as the spreadsheet shows them. It also writes a plain
//! workbook ([`write_plain_xlsx`]) for tests that hand the reader a real `.xlsx`.

use crate::csvin::Table;
use calamine::{Data, Reader};
use std::io::Cursor;
use std::path::Path;

/// Columns whose dates are months (`YYYY-MM`): a period, and a target's start and deadline.
/// A date typed into any other column is written `YYYY-MM-DD`.
const MONTH_COLUMNS: [&str; 3] = ["period", "target_by", "target_from"];

fn open(name: &Path, bytes: &[u8]) -> Result<calamine::Sheets<Cursor<Vec<u8>>>, String> {
    calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| format!("{}: not a workbook this page can read ({e}); expected an Excel .xlsx file, or save the sheet as \"CSV UTF-8\"", name.display()))
}

/// The workbook's sheet names, in the order the spreadsheet shows them.
pub fn sheet_names(name: &Path, bytes: &[u8]) -> Result<Vec<String>, String> {
    Ok(open(name, bytes)?.sheet_names())
}

/// The sheet a role takes when the publisher has not chosen one: the sheet named like the role
/// ("Values", "values"), else the only sheet; with several sheets and none named so, none.
pub fn sheet_for_role(sheets: &[String], role: &str) -> Option<String> {
    sheets.iter().find(|s| s.trim().eq_ignore_ascii_case(role)).or(if sheets.len() == 1 { sheets.first() } else { None }).cloned()
}

/// One sheet as a table. A sheet the workbook lacks is named with the sheets it has.
pub fn table(name: &Path, bytes: &[u8], sheet: &str) -> Result<Table, String> {
    let mut book = open(name, bytes)?;
    let names = book.sheet_names();
    if !names.iter().any(|s| s == sheet) {
        return Err(format!(
            "{}: no sheet \"{sheet}\"; the workbook has {}",
            name.display(),
            names.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
        ));
    }
    let range = book.worksheet_range(sheet).map_err(|e| format!("{}, sheet \"{sheet}\": cannot be read ({e})", name.display()))?;
    // The range starts at the first cell in use; the grid is rebuilt from A1 so row and column
    // numbers are the spreadsheet's.
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); top];
    for row in range.rows() {
        cells.push(std::iter::repeat_n(String::new(), left).chain(row.iter().map(|d| cell_text(d, DateAs::Day))).collect());
    }
    // Dates in the month columns are written as months; the header row says which they are.
    if let Some(header) = cells.first().cloned() {
        let month_cols: Vec<usize> = header.iter().enumerate().filter(|(_, h)| MONTH_COLUMNS.contains(&h.trim())).map(|(i, _)| i).collect();
        if !month_cols.is_empty() {
            for (r, row) in range.rows().enumerate() {
                for &c in &month_cols {
                    if let Some(d @ (Data::DateTime(_) | Data::DateTimeIso(_))) = c.checked_sub(left).and_then(|i| row.get(i)) {
                        cells[top + r][c] = cell_text(d, DateAs::Month);
                    }
                }
            }
        }
    }
    Table::from_sheet(name, sheet, cells)
}

/// How a date cell is written: a month (`YYYY-MM`, in a period column) or a day (`YYYY-MM-DD`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum DateAs {
    Month,
    Day,
}

/// A cell as the text a CSV export would hold: numbers in their shortest exact form (12, not
/// 12.0), dates as `YYYY-MM-DD` (or `YYYY-MM` in a month column), a formula's error as its code.
fn cell_text(d: &Data, date_as: DateAs) -> String {
    let month = date_as == DateAs::Month;
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Excel keeps 15 significant digits: a formula's 0.30000000000000004 is the 0.3 its
        // own CSV export writes, so a sheet gives the same bytes whichever way it arrives.
        Data::Float(f) => format!("{f:.14e}").parse::<f64>().unwrap_or(*f).to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            if month {
                format!("{y:04}-{m:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02}")
            }
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) => {
            if month {
                s.get(..7).unwrap_or(s).to_string()
            } else {
                s.get(..10).unwrap_or(s).to_string()
            }
        }
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Writes a plain `.xlsx` workbook: one sheet per `(name, rows)`, each cell text (a number
/// when it reads as one, as a spreadsheet stores typed figures). It exists so tests and the
/// docs' examples can hand the reader a real workbook; styles, dates and formulas are not
/// written.
pub fn write_plain_xlsx(sheets: &[(&str, Vec<Vec<String>>)]) -> Result<Vec<u8>, String> {
    use std::io::Write;
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).last_modified_time(zip::DateTime::default());
    let mut put = |name: &str, body: String| -> Result<(), String> {
        w.start_file(name, opts).map_err(|e| e.to_string())?;
        w.write_all(body.as_bytes()).map_err(|e| e.to_string())
    };
    let n = sheets.len();
    put(
        "[Content_Types].xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{}</Types>"#,
            (1..=n).map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#)).collect::<String>()
        ),
    )?;
    put("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into())?;
    put(
        "xl/workbook.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{}</sheets></workbook>"#,
            sheets
                .iter()
                .enumerate()
                .map(|(i, (name, _))| format!(r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#, esc(name), i + 1, i + 1))
                .collect::<String>()
        ),
    )?;
    put(
        "xl/_rels/workbook.xml.rels",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>"#,
            (1..=n).map(|i| format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#)).collect::<String>()
        ),
    )?;
    for (i, (_, rows)) in sheets.iter().enumerate() {
        let mut body = String::new();
        for (r, row) in rows.iter().enumerate() {
            body.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, cell) in row.iter().enumerate() {
                let at = format!("{}{}", crate::csvin::column_letter(c), r + 1);
                if cell.is_empty() {
                    continue;
                }
                // A figure typed into a spreadsheet is stored as a number; leading zeros and
                // signs a number would lose stay text.
                let numeric = cell.parse::<f64>().is_ok_and(|f| f.is_finite()) && !cell.starts_with('0') || cell == "0";
                if numeric && r > 0 {
                    body.push_str(&format!(r#"<c r="{at}"><v>{cell}</v></c>"#));
                } else {
                    body.push_str(&format!(r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#, esc(cell)));
                }
            }
            body.push_str("</row>");
        }
        put(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>"#
            ),
        )?;
    }
    Ok(w.finish().map_err(|e| e.to_string())?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(csv: &str) -> Vec<Vec<String>> {
        csv.lines().map(|l| l.split(',').map(str::to_string).collect()).collect()
    }

    #[test]
    fn a_workbook_reads_as_its_csv_would_with_rows_and_column_letters() {
        let book = write_plain_xlsx(&[
            ("Notes", rows("a\n1")),
            ("Values", rows("district,indicator,period,value\nDehradun,TAP,2023-03,86.5\nHaridwar,TAP,2023-03,n/a")),
        ])
        .unwrap();
        let name = Path::new("march.xlsx");
        assert_eq!(sheet_names(name, &book).unwrap(), ["Notes", "Values"]);
        assert_eq!(sheet_for_role(&sheet_names(name, &book).unwrap(), "values").as_deref(), Some("Values"));
        assert_eq!(sheet_for_role(&sheet_names(name, &book).unwrap(), "districts"), None);
        let t = table(name, &book, "Values").unwrap();
        assert_eq!(t.headers, ["district", "indicator", "period", "value"]);
        // 86.5 was stored as a number and reads back as the text a CSV would hold.
        assert_eq!(t.rows[0].fields, ["Dehradun", "TAP", "2023-03", "86.5"]);
        let err = t.parse::<f64>(&t.rows[1], "value", "a number").unwrap_err();
        assert_eq!(err, "march.xlsx, sheet \"Values\", row 3, column D (\"value\"): \"n/a\" is not a number");
        let err = table(name, &book, "Districts").unwrap_err();
        assert_eq!(err, "march.xlsx: no sheet \"Districts\"; the workbook has \"Notes\", \"Values\"");
        assert!(sheet_names(name, b"not a workbook").unwrap_err().contains("not a workbook this page can read"));
        // A formula's binary noise (0.1 * 12) is read as the 15 digits Excel shows and exports.
        let noisy = write_plain_xlsx(&[("Values", rows("value\n1.2000000000000002\n86.5"))]).unwrap();
        let t = table(name, &noisy, "Values").unwrap();
        assert_eq!((t.rows[0].fields[0].as_str(), t.rows[1].fields[0].as_str()), ("1.2", "86.5"));
    }
}
