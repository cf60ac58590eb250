//! Reading a spreadsheet workbook (`.xlsx`, also `.xls` and `.ods`) into the same [`Table`] a CSV
//! file gives, so every check and message downstream is the CSV path's: one sheet per role,
//! rows numbered and columns lettered as the spreadsheet shows them.

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
        cells.push(std::iter::repeat_n(String::new(), left).chain(row.iter().map(|d| cell_text(d, false))).collect());
    }
    // Dates in the month columns are written as months; the header row says which they are.
    if let Some(header) = cells.first().cloned() {
        let month_cols: Vec<usize> = header.iter().enumerate().filter(|(_, h)| MONTH_COLUMNS.contains(&h.trim())).map(|(i, _)| i).collect();
        if !month_cols.is_empty() {
            for (r, row) in range.rows().enumerate() {
                for &c in &month_cols {
                    if let Some(d @ (Data::DateTime(_) | Data::DateTimeIso(_))) = c.checked_sub(left).and_then(|i| row.get(i)) {
                        cells[top + r][c] = cell_text(d, true);
                    }
                }
            }
        }
    }
    Table::from_sheet(name, sheet, cells)
}

/// A cell as the text a CSV export would hold: numbers in their shortest exact form (12, not
/// 12.0), dates as `YYYY-MM-DD` (or `YYYY-MM` in a month column), a formula's error as its code.
fn cell_text(d: &Data, month: bool) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
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
