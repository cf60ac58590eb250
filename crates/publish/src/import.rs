//! `import`: a CSV of values plus an indicator sheet → a dataset folder.
//!
//! Values come long (`district, indicator, period, value, flag`) or wide (one value column per
//! period, named with `--period id=value_column[:flag_column][@year]`). District names are matched
//! to the district list by slug, English and Hindi name and former (boundary) name, then through
//! the publisher's alias table; what cannot be matched is reported, never guessed.

use crate::cli::ImportArgs;
use crate::districts::DistrictRow;
use crate::model::{Cell, Department, Flag, Indicator, Manifest, Period, ValueFile};
use crate::write::{write_dataset, ValueFileOut};
use samiksha_core::numfmt::month_name;
use samiksha_core::values::GapReason;
use samiksha_core::{Bilingual, Lang};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Where a period's values are in a wide file.
#[derive(Clone, Debug, PartialEq)]
pub struct WidePeriod {
    pub id: String,
    pub value_column: String,
    pub flag_column: Option<String>,
    /// The year the data refers to, so districts created later get `unit_did_not_exist`.
    pub year: Option<u16>,
}

/// Parses `nfhs-5=nfhs5_2019_21:flag_nfhs5@2019`.
pub fn parse_wide_period(spec: &str) -> Result<WidePeriod, String> {
    let (id, rest) = spec.split_once('=').ok_or_else(|| format!("--period \"{spec}\": expected id=value_column[:flag_column][@year]"))?;
    let (rest, year) = match rest.rsplit_once('@') {
        Some((r, y)) => (r, Some(y.parse::<u16>().map_err(|_| format!("--period \"{spec}\": \"{y}\" is not a year"))?)),
        None => (rest, None),
    };
    let (value_column, flag_column) = match rest.split_once(':') {
        Some((v, f)) => (v.to_string(), Some(f.to_string())),
        None => (rest.to_string(), None),
    };
    if !samiksha_core::manifest::is_period_id(id) {
        return Err(format!("--period \"{spec}\": \"{id}\" is not a period id (YYYY-MM or a name like nfhs-5)"));
    }
    Ok(WidePeriod { id: id.to_string(), value_column, flag_column, year })
}

/// One row of the indicator sheet.
struct IndicatorRow {
    key: String,
    indicator: Indicator,
    department: (String, String, String),
}

/// One row of the flag sheet: what a flag text in the data means.
struct FlagRow {
    id: String,
    en: String,
    hi: String,
    /// When set, a value carrying this flag is withheld: a gap with this reason.
    gap: Option<GapReason>,
}

/// What could not be matched, for the publisher to fix.
#[derive(Default)]
pub struct ImportReport {
    pub unmatched_districts: BTreeMap<String, usize>,
    pub unmatched_indicators: BTreeMap<String, usize>,
    pub unknown_flags: BTreeMap<String, usize>,
    pub bad_values: Vec<String>,
    pub rows: usize,
    pub cells: usize,
}

impl ImportReport {
    pub fn print(&self) {
        println!("read {} rows, kept {} values", self.rows, self.cells);
        let list = |title: &str, m: &BTreeMap<String, usize>| {
            if !m.is_empty() {
                println!("{title} (add them to the alias table or the sheet):");
                for (k, n) in m {
                    println!("  \"{k}\": {n} rows");
                }
            }
        };
        list("district names not matched", &self.unmatched_districts);
        list("indicators not in the indicator sheet", &self.unmatched_indicators);
        list("flags not in the flag sheet (values kept without a flag)", &self.unknown_flags);
        for b in &self.bad_values {
            println!("not a number: {b}");
        }
    }
}

/// A CSV file as read: its trimmed headers, and each row with its line number for messages.
type CsvRows = (Vec<String>, Vec<(usize, Vec<String>)>);

fn read_csv(path: &Path) -> Result<CsvRows, String> {
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers: Vec<String> = rdr.headers().map_err(|e| format!("{}: {e}", path.display()))?.iter().map(|h| h.trim().to_string()).collect();
    let mut rows = Vec::new();
    for (i, r) in rdr.records().enumerate() {
        let r = r.map_err(|e| format!("{} line {}: {e}", path.display(), i + 2))?;
        rows.push((i + 2, r.iter().map(str::to_string).collect()));
    }
    Ok((headers, rows))
}

fn column(headers: &[String], name: &str, file: &Path) -> Result<usize, String> {
    headers.iter().position(|h| h == name).ok_or_else(|| format!("{}: no column \"{name}\" (columns: {})", file.display(), headers.join(", ")))
}

/// Lower case, single spaces: how names are compared.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A number as publishers write it: thousands separators and parentheses (the NFHS mark for
/// small samples) are accepted; parentheses are reported back so the caller can flag the value.
pub fn parse_number(raw: &str) -> Option<(f64, bool)> {
    let t = raw.trim();
    let (t, bracketed) = match t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        Some(inner) => (inner.trim(), true),
        None => (t, false),
    };
    let cleaned: String = t.chars().filter(|c| *c != ',').collect();
    let x: f64 = cleaned.parse().ok()?;
    x.is_finite().then_some((x, bracketed))
}

fn read_indicator_sheet(path: &Path) -> Result<Vec<IndicatorRow>, String> {
    let (h, rows) = read_csv(path)?;
    let get = |row: &Vec<String>, name: &str| h.iter().position(|x| x == name).and_then(|i| row.get(i)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    for required in ["id", "key", "name_en", "name_hi", "unit", "direction", "department", "department_en", "department_hi"] {
        column(&h, required, path)?;
    }
    let mut out = Vec::new();
    for (line, row) in rows {
        let need = |name: &str| get(&row, name).ok_or_else(|| format!("{} line {line}: \"{name}\" is empty", path.display()));
        let pair = |en: &str, hi: &str| Some(Bilingual::new(get(&row, en)?, get(&row, hi)?));
        let indicator = Indicator {
            id: need("id")?,
            name: Bilingual::new(need("name_en")?, need("name_hi")?),
            short_name: pair("short_en", "short_hi"),
            unit: need("unit")?,
            direction: need("direction")?,
            department: need("department")?,
            decimals: get(&row, "decimals").map(|d| d.parse::<u8>().map_err(|_| format!("{} line {line}: decimals \"{d}\"", path.display()))).transpose()?,
            target: get(&row, "target").map(|t| t.parse::<f64>().map_err(|_| format!("{} line {line}: target \"{t}\"", path.display()))).transpose()?,
            description: pair("description_en", "description_hi"),
            source: pair("source_en", "source_hi"),
            frequency: get(&row, "frequency"),
            ..Indicator::default()
        };
        out.push(IndicatorRow { key: need("key")?, department: (need("department")?, need("department_en")?, need("department_hi")?), indicator });
    }
    Ok(out)
}

fn read_flag_sheet(path: &Path) -> Result<HashMap<String, FlagRow>, String> {
    let (h, rows) = read_csv(path)?;
    let (text, id, en, hi) = (column(&h, "text", path)?, column(&h, "id", path)?, column(&h, "label_en", path)?, column(&h, "label_hi", path)?);
    let gap = h.iter().position(|x| x == "gap");
    rows.into_iter()
        .map(|(line, r)| {
            let g = gap.and_then(|g| r.get(g)).map(|s| s.trim()).filter(|s| !s.is_empty());
            // The gap is a word of the format; a wrong one is named here, with its line.
            let g = g
                .map(|w| {
                    GapReason::from_word(w).ok_or_else(|| format!("{} line {line}: gap \"{w}\" is not one of {}", path.display(), GapReason::WORDS.join(", ")))
                })
                .transpose()?;
            Ok((r[text].trim().to_string(), FlagRow { id: r[id].trim().into(), en: r[en].trim().into(), hi: r[hi].trim().into(), gap: g }))
        })
        .collect()
}

/// Builds the name → slug table: every known spelling of every district, then the aliases.
fn name_table(districts: &[DistrictRow], aliases: Option<&Path>) -> Result<HashMap<String, String>, String> {
    let mut t = HashMap::new();
    for d in districts {
        for name in [&d.slug, &d.name_en, &d.name_hi, &d.boundary_name] {
            if !name.is_empty() {
                t.insert(normalise(name), d.slug.clone());
            }
        }
    }
    if let Some(path) = aliases {
        let (h, rows) = read_csv(path)?;
        let (a, s) = (column(&h, "alias", path)?, column(&h, "slug", path)?);
        for (line, r) in rows {
            let slug = r[s].trim().to_string();
            if !districts.iter().any(|d| d.slug == slug) {
                return Err(format!("{} line {line}: \"{slug}\" is not a district in the district list", path.display()));
            }
            t.insert(normalise(&r[a]), slug);
        }
    }
    Ok(t)
}

fn period_label(id: &str) -> Bilingual {
    let b = id.as_bytes();
    if b.len() == 7 && b[4] == b'-' {
        if let Ok(m) = id[5..].parse::<u32>() {
            let y = &id[..4];
            return Bilingual::new(format!("{} {y}", month_name(m, Lang::En)), format!("{} {y}", month_name(m, Lang::Hi)));
        }
    }
    // Named rounds read best in capitals: nfhs-5 → NFHS-5.
    Bilingual::new(id.to_uppercase(), id.to_uppercase())
}

pub fn run(args: &ImportArgs, districts: &[DistrictRow]) -> Result<ImportReport, String> {
    let sheet = read_indicator_sheet(&args.indicators)?;
    let flags = match &args.flags {
        Some(p) => read_flag_sheet(p)?,
        None => HashMap::new(),
    };
    let names = name_table(districts, args.aliases.as_deref())?;
    // The publisher's part of the manifest; what the command generates is filled in below.
    let mut manifest: Manifest = serde_json::from_slice(&std::fs::read(&args.meta).map_err(|e| format!("{}: {e}", args.meta.display()))?)
        .map_err(|e| format!("{}: {e} (expected a JSON object with title, publisher, licence and updated)", args.meta.display()))?;
    let (h, rows) = read_csv(&args.values)?;
    let dcol = column(&h, &args.district_column, &args.values)?;
    let icol = column(&h, &args.indicator_column, &args.values)?;

    // (period, flag column, value column); long files have one "period" column instead.
    let mut periods: Vec<String> = args.periods.iter().map(|w| w.id.clone()).collect();
    let wide_cols: Vec<(usize, Option<usize>)> = args
        .periods
        .iter()
        .map(|w| Ok((column(&h, &w.value_column, &args.values)?, w.flag_column.as_ref().map(|f| column(&h, f, &args.values)).transpose()?)))
        .collect::<Result<_, String>>()?;
    let long = if args.periods.is_empty() {
        Some((column(&h, "period", &args.values)?, column(&h, "value", &args.values)?, h.iter().position(|x| x == "flag")))
    } else {
        None
    };

    let unit_pos: HashMap<&str, usize> = districts.iter().enumerate().map(|(i, d)| (d.slug.as_str(), i)).collect();
    let ind_pos: HashMap<&str, usize> = sheet.iter().enumerate().map(|(i, s)| (s.key.as_str(), i)).collect();
    // (period, indicator) → cells by unit.
    let mut cells: BTreeMap<(String, usize), Vec<Option<Cell>>> = BTreeMap::new();
    let mut report = ImportReport::default();
    let mut used_flags: BTreeMap<String, (String, String)> = BTreeMap::new();

    for (line, row) in &rows {
        report.rows += 1;
        let dname = row[dcol].trim();
        let Some(slug) = names.get(&normalise(dname)) else {
            *report.unmatched_districts.entry(dname.to_string()).or_default() += 1;
            continue;
        };
        let ikey = row[icol].trim();
        let Some(&ind) = ind_pos.get(ikey) else {
            *report.unmatched_indicators.entry(ikey.to_string()).or_default() += 1;
            continue;
        };
        let entries: Vec<(String, String, Option<String>)> = match long {
            Some((pc, vc, fc)) => vec![(row[pc].trim().to_string(), row[vc].clone(), fc.map(|f| row[f].clone()))],
            None => args.periods.iter().zip(&wide_cols).map(|(w, (vc, fc))| (w.id.clone(), row[*vc].clone(), fc.map(|f| row[f].clone()))).collect(),
        };
        for (period, raw, flag_text) in entries {
            if long.is_some() && !periods.contains(&period) {
                periods.push(period.clone());
            }
            let flag_text = flag_text.map(|f| f.trim().to_string()).filter(|f| !f.is_empty());
            let number = parse_number(&raw);
            if number.is_none() && !raw.trim().is_empty() && raw.trim() != "*" {
                report.bad_values.push(format!("{} line {line}: \"{}\"", args.values.display(), raw.trim()));
            }
            // A bracketed number or a "*" carries the NFHS meaning through the flag sheet.
            let flag_key = flag_text.or_else(|| match (raw.trim(), number) {
                ("*", _) => Some("*".to_string()),
                (_, Some((_, true))) => Some("()".to_string()),
                _ => None,
            });
            let flag = flag_key.as_ref().and_then(|k| match flags.get(k) {
                Some(f) => {
                    used_flags.insert(f.id.clone(), (f.en.clone(), f.hi.clone()));
                    Some(f)
                }
                None => {
                    *report.unknown_flags.entry(k.clone()).or_default() += 1;
                    None
                }
            });
            let cell = match (number, flag) {
                (_, Some(FlagRow { id, gap: Some(reason), .. })) => Cell::gap(*reason, Some(id.clone())),
                (Some((x, _)), Some(f)) => Cell::number(x, None, None, Some(f.id.clone())),
                (Some((x, _)), None) => Cell::Number(x),
                (None, _) => Cell::gap(GapReason::NotReported, None),
            };
            if number.is_some() {
                report.cells += 1;
            }
            let col = cells.entry((period, ind)).or_insert_with(|| vec![None; districts.len()]);
            col[unit_pos[slug.as_str()]] = Some(cell);
        }
    }
    if long.is_some() {
        periods.sort();
    }

    // Districts with no row: created after the period, or simply not reported.
    let year_of = |p: &str| args.periods.iter().find(|w| w.id == p).and_then(|w| w.year).or_else(|| p.get(..4).and_then(|y| y.parse::<u16>().ok()));
    let files: Vec<ValueFileOut> = periods
        .iter()
        .map(|p| {
            let values = sheet
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let col = cells.get(&(p.clone(), i));
                    let column = districts
                        .iter()
                        .enumerate()
                        .map(|(u, d)| {
                            col.and_then(|c| c[u].clone()).unwrap_or_else(|| {
                                let created_later = matches!((d.year_created.parse::<u16>().ok(), year_of(p)), (Some(c), Some(y)) if c > y);
                                Cell::gap(if created_later { GapReason::UnitDidNotExist } else { GapReason::NotReported }, None)
                            })
                        })
                        .collect();
                    (s.indicator.id.clone(), column)
                })
                .collect();
            ValueFileOut {
                indicators: None,
                body: ValueFile { format: samiksha_core::FORMAT, period: p.clone(), units: districts.iter().map(|d| d.slug.clone()).collect(), values },
            }
        })
        .collect();

    let mut departments: Vec<Department> = Vec::new();
    for s in &sheet {
        if !departments.iter().any(|d| d.id == s.department.0) {
            departments.push(Department { id: s.department.0.clone(), name: Bilingual::new(&s.department.1, &s.department.2), weight: None });
        }
    }
    manifest.format = samiksha_core::FORMAT.into();
    manifest.divisions = crate::sample::divisions(districts);
    manifest.units = crate::sample::units(districts);
    manifest.departments = departments;
    manifest.indicators = sheet.into_iter().map(|s| s.indicator).collect();
    manifest.periods = periods.iter().map(|p| Period { id: p.clone(), label: period_label(p) }).collect();
    manifest.flags = used_flags.into_iter().map(|(id, (en, hi))| Flag { id, label: Bilingual::new(en, hi) }).collect();
    write_dataset(&args.out, manifest, files)?;
    Ok(report)
}
