//! `import`: a CSV of values plus an indicator sheet → a dataset folder.
//!
//! Values come long (`district, indicator, period, value`, optionally `flag`, `gap` — why a cell
//! is empty, in the words of the dataset's own `all-values.csv` — and the `numerator` and
//! `denominator` of a rate) or wide (one value column per period, named with
//! `--period id=value_column[:flag_column][@year]`). An indicator is named by the sheet's key,
//! or else by its id; a `--targets` sheet may replace the indicator sheet's targets. District names are matched
//! to the district list by slug, English and Hindi name and former (boundary) name, then through
//! the publisher's alias table; what cannot be matched is never guessed.
//!
//! Strict by default: a district name or indicator key that matches nothing, a flag the flag
//! sheet does not explain, a cell that is not a number, or two rows for one cell stop the import
//! before anything is written, with the short list and what to do about each.
//! `--allow-unmatched` accepts names and indicators left out on purpose, and summarises them in
//! a line each.
//!
//! Re-importing into a folder keeps what the inputs do not set: the boundary file, sources the
//! `boundaries` command added, weights, unit labels, period labels and the rest of the old
//! manifest's hand-set fields (see [`keep_previous`]).

use crate::cli::ImportArgs;
use crate::csvin::{Row, Table};
use crate::districts::DistrictRow;
use crate::files::Files;
use crate::write::{build_dataset, Built, ValueFileOut};
use samiksha_core::format::values::GapReason;
use samiksha_core::format::written::{Cell, Department, Flag, FlagText, Indicator, Manifest, Period, Target, ValueFile};
use samiksha_core::present::numfmt::month_name;
use samiksha_core::{Bilingual, Lang};
use serde_json::Number;
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
    if !samiksha_core::format::manifest::is_period_id(id) {
        return Err(format!("--period \"{spec}\": \"{id}\" is not a period id (YYYY-MM or a name like nfhs-5)"));
    }
    Ok(WidePeriod { id: id.to_string(), value_column, flag_column, year })
}

/// One (period, indicator) column being read: each unit's cell with the line it came from.
type Column = Vec<Option<(Cell, u64)>>;

/// The indicator sheet's columns a row must fill; the others are optional.
pub const SHEET_REQUIRED: &[&str] = &["id", "key", "name_en", "name_hi", "unit", "direction", "department", "department_en", "department_hi"];

/// The cells of a targets sheet row that hold a target's deadline and start.
struct DeadlinePlaces {
    by: String,
    from: String,
}

/// One row of the indicator sheet.
struct IndicatorRow {
    /// The sheet's row, for messages found once the periods are known.
    row: Row,
    /// Where the targets sheet gave the target, when it set it: the places a wrong deadline is
    /// named by.
    target_at: Option<DeadlinePlaces>,
    key: String,
    indicator: Indicator,
    department: Department,
}

/// One row of the flag sheet: what a flag text in the data means.
struct FlagRow {
    id: String,
    en: String,
    hi: String,
    /// When set, a value carrying this flag is withheld: a gap with this reason.
    gap: Option<GapReason>,
}

/// What the import read and what it left out, for the publisher.
#[derive(Default)]
pub struct ImportReport {
    pub rows: usize,
    pub cells: usize,
    pub districts: usize,
    pub indicators: usize,
    pub periods: usize,
    /// Left out on purpose (`--allow-unmatched`): name → rows.
    pub skipped_districts: BTreeMap<String, usize>,
    pub skipped_indicators: BTreeMap<String, usize>,
    pub unflagged: BTreeMap<String, usize>,
    /// What was kept from the folder's previous manifest.
    pub kept: Vec<&'static str>,
    /// Published periods kept as they are (`--keep-periods`).
    pub kept_periods: Vec<String>,
    /// Districts whose former name has no Hindi spelling (the Hindi page shows it in Latin).
    pub former_without_hindi: Vec<String>,
    /// Named periods (nfhs-5) labelled from their id, in Latin script on the Hindi page too.
    pub periods_without_hindi: Vec<String>,
}

impl ImportReport {
    /// What the import did, a sentence a line: printed by the command line, listed by the page.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        out.push(format!(
            "read {} rows: {} values for {} districts, {} indicators, {} periods",
            self.rows, self.cells, self.districts, self.indicators, self.periods
        ));
        if !self.skipped_districts.is_empty() {
            out.push(format!(
                "left out {} district name(s) that match no district ({} rows), as --allow-unmatched allows: {}",
                self.skipped_districts.len(),
                self.skipped_districts.values().sum::<usize>(),
                short_list(self.skipped_districts.keys(), 10)
            ));
        }
        if !self.skipped_indicators.is_empty() {
            out.push(format!(
                "left out {} indicator(s) not in the indicator sheet ({} rows), as --allow-unmatched allows: {}",
                self.skipped_indicators.len(),
                self.skipped_indicators.values().sum::<usize>(),
                short_list(self.skipped_indicators.keys(), 12)
            ));
        }
        if !self.unflagged.is_empty() {
            out.push(format!(
                "kept {} value(s) without their flag, whose text is not in the flag sheet, as --allow-unmatched allows: {}",
                self.unflagged.values().sum::<usize>(),
                short_list(self.unflagged.keys(), 6)
            ));
        }
        if !self.former_without_hindi.is_empty() {
            out.push(format!(
                "warning: no former_name_hi for {} (their former name, from former_name_en or boundary_name, shows in Latin script on the Hindi page)",
                self.former_without_hindi.join(", ")
            ));
        }
        if !self.periods_without_hindi.is_empty() {
            out.push(format!(
                "warning: no label for {} in meta.json's \"periods\", so the Hindi page shows the id in Latin script; add {{\"id\": …, \"label\": {{\"en\": …, \"hi\": …}}}}",
                self.periods_without_hindi.join(", ")
            ));
        }
        if !self.kept.is_empty() {
            out.push(format!("kept from the previous manifest in the folder: {}", self.kept.join(", ")));
        }
        if !self.kept_periods.is_empty() {
            out.push(format!("kept {} published period(s) as they are: {}", self.kept_periods.len(), self.kept_periods.join(", ")));
        }
        out
    }

    pub fn print(&self) {
        for l in self.lines() {
            println!("{l}");
        }
    }
}

/// `"a", "b", "c" and 9 more`: a list that stays on one line.
fn short_list<'a>(items: impl Iterator<Item = &'a String>, most: usize) -> String {
    let all: Vec<&String> = items.collect();
    let mut s = all.iter().take(most).map(|k| if k.is_empty() { "(empty)".to_string() } else { format!("\"{k}\"") }).collect::<Vec<_>>().join(", ");
    if all.len() > most {
        s.push_str(&format!(" and {} more", all.len() - most));
    }
    s
}

/// A name as matching compares it: runs of spaces made one, lower case. Used for district
/// names in the values and in the boundary file alike.
pub(crate) fn normalise(s: &str) -> String {
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
    // Commas only as digit grouping (1,234,567 or 12,34,567): "12,5" is a decimal comma or a
    // typo, not 125.
    let whole = t.split('.').next().unwrap_or(t).trim_start_matches(['-', '+']);
    if whole.contains(',') {
        let groups: Vec<&str> = whole.split(',').collect();
        let (last, rest) = groups.split_last()?;
        let ok = last.len() == 3 && !rest.is_empty() && rest[0].len() <= 3 && !rest[0].is_empty() && rest[1..].iter().all(|g| g.len() == 2 || g.len() == 3);
        if !ok || t.split('.').nth(1).is_some_and(|f| f.contains(',')) {
            return None;
        }
    }
    let cleaned: String = t.chars().filter(|c| *c != ',').collect();
    let x: f64 = cleaned.parse().ok()?;
    x.is_finite().then_some((x, bracketed))
}

/// A count behind a rate (`numerator`, `denominator`): a finite number ≥ 0, or an empty cell.
fn count(t: &Table, row: &Row, col: &str) -> Result<Option<f64>, String> {
    match t.parse::<f64>(row, col, "a count, or an empty cell")? {
        Some(x) if !x.is_finite() || x < 0.0 => {
            Err(format!("{}: \"{}\" is not a count; expected a number ≥ 0, or an empty cell", t.at(row, col), t.get(row, col).unwrap_or_default()))
        }
        n => Ok(n),
    }
}

/// A pair of optional columns, both or neither.
pub(crate) fn pair(t: &Table, row: &Row, en: &str, hi: &str) -> Result<Option<Bilingual>, String> {
    match (t.get(row, en), t.get(row, hi)) {
        (Some(e), Some(h)) => Ok(Some(Bilingual::new(e, h))),
        (None, None) => Ok(None),
        (Some(_), None) => Err(format!("{}: empty, but \"{en}\" is set; expected the same in Hindi", t.at(row, hi))),
        (None, Some(_)) => Err(format!("{}: empty, but \"{hi}\" is set; expected the same in English", t.at(row, en))),
    }
}

/// The `target` column, with `target_by` (the period it is due by, YYYY-MM or a period id) and
/// `target_from` (the period its pace is measured from) when the target has a deadline.
fn target(t: &Table, row: &Row) -> Result<Option<Target>, String> {
    let value = t.parse::<f64>(row, "target", "a number")?;
    let by = t.get(row, "target_by");
    let from = t.get(row, "target_from");
    for (name, cell) in [("target_by", by), ("target_from", from)] {
        if let Some(p) = cell.filter(|p| !samiksha_core::format::manifest::is_period_id(p)) {
            return Err(format!("{}: \"{p}\" is not a period; expected YYYY-MM or a period id such as nfhs-5", t.at(row, name)));
        }
    }
    match (value, by) {
        (None, None) if from.is_none() => Ok(None),
        (None, _) => Err(format!("{}: empty, but a deadline is set; expected the target's number", t.at(row, "target"))),
        (Some(v), None) if from.is_none() => Ok(Some(Target::Plain(v))),
        (Some(_), None) => Err(format!("{}: empty, but \"target_from\" is set; expected the period the target is due by", t.at(row, "target_by"))),
        (Some(v), Some(by)) => Ok(Some(Target::Dated { value: v, by: by.to_string(), from: from.map(str::to_string) })),
    }
}

fn weight(t: &Table, row: &Row, name: &str) -> Result<Option<Number>, String> {
    match t.get(row, name) {
        None => Ok(None),
        Some(w) => {
            let n: Number = w.parse().map_err(|_| format!("{}: \"{w}\" is not a number", t.at(row, name)))?;
            if n.as_f64().is_some_and(|x| x >= 0.0 && x.is_finite()) {
                Ok(Some(n))
            } else {
                Err(format!("{}: \"{w}\" is not a weight; expected a number ≥ 0", t.at(row, name)))
            }
        }
    }
}

fn read_indicator_sheet(fs: &dyn Files, path: &Path) -> Result<(Table, Vec<IndicatorRow>), String> {
    let t = fs.table(path)?;
    t.require(SHEET_REQUIRED)?;
    let mut out: Vec<IndicatorRow> = Vec::new();
    for row in &t.rows {
        let need = |name: &str, expected: &str| t.need(row, name, expected).map(str::to_string);
        let mut indicator = Indicator {
            key: None,
            id: need("id", "the indicator's id (lower-case ASCII, e.g. stunting)")?,
            name: Bilingual::new(need("name_en", "the English name")?, need("name_hi", "the Hindi name")?),
            short_name: pair(&t, row, "short_en", "short_hi")?,
            unit: need("unit", "percent, count, score, rate, days or rupees")?,
            unit_label: pair(&t, row, "unit_en", "unit_hi")?,
            direction: need("direction", "higher_is_better or lower_is_better")?,
            department: need("department", "the department's id")?,
            decimals: t.parse::<u8>(row, "decimals", "a number of decimals from 0 to 6")?,
            target: target(&t, row)?,
            weight: weight(&t, row, "weight")?,
            description: pair(&t, row, "description_en", "description_hi")?,
            source: pair(&t, row, "source_en", "source_hi")?,
            frequency: t.get(row, "frequency").map(str::to_string),
        };
        let key = need("key", "the indicator's key as the values file names it")?;
        // Kept in the manifest when it is not the id, so a later month needs no sheet.
        indicator.key = (key != indicator.id).then(|| key.clone());
        if let Some(first) = out.iter().find(|r| r.key == key || r.indicator.id == indicator.id) {
            return Err(format!("{}: the key \"{key}\" or id \"{}\" is already used by \"{}\"", t.line(row), indicator.id, first.indicator.id));
        }
        let department = Department {
            id: indicator.department.clone(),
            name: Bilingual::new(need("department_en", "the department's English name")?, need("department_hi", "the department's Hindi name")?),
            weight: weight(&t, row, "department_weight")?,
        };
        out.push(IndicatorRow { row: row.clone(), target_at: None, key, indicator, department });
    }
    if out.is_empty() {
        return Err(format!("{}: no indicators (only a header row)", t.name()));
    }
    Ok((t, out))
}

/// Every name an indicator goes by in the other sheets → its row of the indicator sheet: its
/// key, or else its id (as the dataset's own all-values.csv names it); a key wins over another
/// indicator's id. The values, the targets, reviews and notes sheets all read names through it.
fn indicator_index(sheet: &[IndicatorRow]) -> HashMap<&str, usize> {
    let mut index: HashMap<&str, usize> = sheet.iter().enumerate().map(|(i, s)| (s.indicator.id.as_str(), i)).collect();
    index.extend(sheet.iter().enumerate().map(|(i, s)| (s.key.as_str(), i)));
    index
}

/// The targets sheet: `indicator` (its key or id), `target`, `target_by`, `target_from`, in the
/// indicator sheet's own words. Each row replaces the sheet's target for its indicator (an empty
/// target removes it); an indicator named twice or not in the sheet is refused with its place.
fn apply_targets(fs: &dyn Files, path: &Path, sheet: &mut [IndicatorRow]) -> Result<(), String> {
    let t = fs.table(path)?;
    t.require(&["indicator", "target"])?;
    let mut seen: HashMap<String, String> = HashMap::new();
    let index: HashMap<String, usize> = indicator_index(sheet).into_iter().map(|(n, i)| (n.to_string(), i)).collect();
    for row in &t.rows {
        let name = t.need(row, "indicator", "the indicator's key or id from the indicator sheet")?;
        let Some(s) = index.get(name).map(|&i| &mut sheet[i]) else {
            let some: Vec<&str> = sheet.iter().take(8).map(|s| s.indicator.id.as_str()).collect();
            return Err(format!(
                "{}: \"{name}\" is no indicator of the indicator sheet; expected its key or id, e.g. {}",
                t.at(row, "indicator"),
                some.join(", ")
            ));
        };
        if let Some(first) = seen.insert(s.indicator.id.clone(), t.line(row)) {
            return Err(format!(
                "{}: a second target for \"{}\" (the first is at {first}); each indicator takes one row",
                t.at(row, "indicator"),
                s.indicator.id
            ));
        }
        s.indicator.target = target(&t, row)?;
        // Deadlines are checked against the values' periods with the sheet's place.
        s.target_at = Some(DeadlinePlaces { by: t.at(row, "target_by"), from: t.at(row, "target_from") });
    }
    Ok(())
}

/// Reads the flag sheet: each text's flag, and, in the sheet's order, the texts that are not
/// simply their flag's id (kept in the manifest, see `FlagText`).
fn read_flag_sheet(fs: &dyn Files, path: &Path) -> Result<(HashMap<String, FlagRow>, Vec<FlagText>), String> {
    let t = fs.table(path)?;
    t.require(&["text", "id", "label_en", "label_hi"])?;
    let mut out = HashMap::new();
    let mut texts = Vec::new();
    for row in &t.rows {
        // The gap is a word of the format; a wrong one is named here, with its line.
        let gap = t
            .get(row, "gap")
            .map(|w| GapReason::from_word(w).ok_or_else(|| format!("{}: gap \"{w}\" is not one of {}", t.at(row, "gap"), GapReason::WORDS.join(", "))))
            .transpose()?;
        let text = t.need(row, "text", "the flag's text as the values file writes it")?;
        let flag = FlagRow {
            id: t.need(row, "id", "the flag's id (lower-case ASCII)")?.into(),
            en: t.need(row, "label_en", "what the flag means, in English")?.into(),
            hi: t.need(row, "label_hi", "what the flag means, in Hindi")?.into(),
            gap,
        };
        if text != flag.id || gap.is_some() {
            texts.push(FlagText { gap: gap.map(|g| g.word().to_string()), id: flag.id.clone(), text: text.to_string() });
        }
        out.insert(text.to_string(), flag);
    }
    Ok((out, texts))
}

/// Builds the name → slug table: every known spelling of every district, then the aliases. One
/// spelling for two districts is an error: values would go to whichever came last.
fn name_table(districts: &[DistrictRow], aliases: &HashMap<String, String>) -> Result<HashMap<String, String>, String> {
    let mut t: HashMap<String, String> = HashMap::new();
    let spellings = districts
        .iter()
        .flat_map(|d| [&d.slug, &d.name_en, &d.name_hi, &d.boundary_name, &d.former_name_en, &d.former_name_hi].map(move |n| (n, &d.slug)))
        .chain(aliases.iter());
    for (name, slug) in spellings {
        if name.is_empty() {
            continue;
        }
        if let Some(other) = t.insert(normalise(name), slug.clone()).filter(|o| o != slug) {
            return Err(format!(
                "\"{name}\" names two districts, {other} and {slug} (in the district list or the aliases); give each district spellings of its own"
            ));
        }
    }
    Ok(t)
}

/// Edit distance, for suggesting the district a misspelt name most likely means.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Words that say a name is a district's ("Narsinghpur Dist.", "जिला रीवा"), which a suggestion
/// looks past.
const DISTRICT_WORDS: &[&str] = &["district", "dist", "dist.", "distt", "distt.", "zila", "zilla", "जिला", "ज़िला", "\u{095B}िला"];

/// The district an unmatched name most likely means: the name with any bracketed part and any
/// word for "district" removed matching a name (English or Hindi) or slug exactly, or the nearest
/// name within a third of its length. A suggestion only: nothing is matched without the alias.
fn suggest<'a>(name: &str, districts: &'a [DistrictRow]) -> Option<&'a DistrictRow> {
    let plain: String = normalise(name.split('(').next().unwrap_or(name))
        .split(' ')
        .filter(|w| !DISTRICT_WORDS.contains(&w.trim_matches([',', ':', '-'])))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(d) = districts.iter().find(|d| normalise(&d.name_en) == plain || (!d.name_hi.is_empty() && normalise(&d.name_hi) == plain) || d.slug == plain) {
        return Some(d);
    }
    let nearest = |d: &DistrictRow| {
        distance(&plain, &normalise(&d.name_en)).min(if d.name_hi.is_empty() { usize::MAX } else { distance(&plain, &normalise(&d.name_hi)) })
    };
    let (best, d) = districts.iter().map(|d| (nearest(d), d)).min_by_key(|(n, _)| *n)?;
    (best > 0 && best * 3 <= plain.chars().count()).then_some(d)
}

fn unmatched_districts_error(
    values: &str,
    names: &BTreeMap<String, usize>,
    first_at: &HashMap<String, String>,
    districts: &[DistrictRow],
    list: &str,
) -> String {
    let mut lines = vec![format!("{values}: {} district name(s) match no district in {list}:", names.len())];
    for (name, rows) in names.iter().take(12) {
        let at = first_at.get(name).map_or("?", String::as_str);
        lines.push(match suggest(name, districts) {
            Some(d) => {
                format!("  \"{name}\" ({rows} rows, first at {at}): probably {} ({}); add the line `{},{}` to an --aliases file", d.slug, d.name_en, crate::sheets::field(name), d.slug)
            }
            None => {
                format!("  \"{name}\" ({rows} rows, first at {at}): no district with a similar name; add it to the district list, or to an --aliases file as `alias,slug`")
            }
        });
    }
    if names.len() > 12 {
        lines.push(format!("  and {} more", names.len() - 12));
    }
    lines.push("nothing was written; pass --allow-unmatched if these rows are left out on purpose".into());
    lines.join("\n")
}

/// The label a period gets when meta.json gives none.
pub(crate) fn period_label(id: &str) -> Bilingual {
    let b = id.as_bytes();
    if b.len() == 7 && b[4] == b'-' && b[..4].iter().all(u8::is_ascii_digit) {
        if let Ok(m) = id[5..].parse::<u32>() {
            let y = &id[..4];
            return Bilingual::new(format!("{} {y}", month_name(m, Lang::En)), format!("{} {y}", month_name(m, Lang::Hi)));
        }
    }
    // Named rounds read best in capitals: nfhs-5 → NFHS-5. Their Hindi label belongs in
    // meta.json's "periods"; until it is there the Hindi page shows the Latin id.
    Bilingual::new(id.to_uppercase(), id.to_uppercase())
}

/// Reads the folder's previous manifest, if there is one, to keep what the inputs do not set.
fn previous_manifest(fs: &dyn Files, out: &Path) -> Result<Option<Manifest>, String> {
    let path = out.join("manifest.json");
    if !fs.exists(&path) {
        return Ok(None);
    }
    let bytes = fs.read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map(Some).map_err(|e| {
        format!("{}: {e}; import keeps the boundary file, weights and labels of the manifest already in the folder, so it must be readable (move it away to start afresh)", path.display())
    })
}

/// Adds to the new value files every published period they do not give, read from the folder
/// `out` through `fs` (each file's bytes kept, so its hash is unchanged), in period order: the
/// monthly routine's "add one month". Returns the files and the periods, all of them.
fn keep_periods(
    fs: &dyn Files,
    out: &Path,
    old: &Manifest,
    new: Vec<ValueFileOut>,
    given: &[String],
    report: &mut ImportReport,
) -> Result<(Vec<ValueFileOut>, Vec<String>), String> {
    let mut files = new;
    let mut periods: Vec<String> = given.to_vec();
    for r in &old.value_files {
        let Some(period) = r.period.clone() else { continue };
        if given.contains(&period) {
            continue;
        }
        let path = out.join(&r.path);
        let bytes = fs
            .read(&path)
            .map_err(|e| format!("{}: {e}; --keep-periods keeps the published value files, so each the manifest lists must be there", path.display()))?;
        let body = ValueFile::from_json(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        if !periods.contains(&period) {
            periods.push(period.clone());
        }
        files.push(ValueFileOut { indicators: r.indicators.clone(), body, kept: Some((r.path.clone(), bytes)) });
    }
    let kept: Vec<&String> = periods.iter().filter(|p| !given.contains(p)).collect();
    if !kept.is_empty() {
        report.kept_periods = kept.into_iter().cloned().collect();
    }
    // Periods in the published manifest's order, the new ones after (months sort as text).
    let order = |p: &String| old.periods.iter().position(|o| &o.id == p).unwrap_or(usize::MAX);
    if periods.iter().all(|p| samiksha_core::format::manifest::month_number(p).is_some()) {
        periods.sort();
    } else {
        periods.sort_by_key(|p| (order(p), p.clone()));
    }
    files.sort_by_key(|f| periods.iter().position(|p| p == &f.body.period));
    Ok((files, periods))
}

/// Fills what the new manifest leaves unset from the previous one: the boundary file and its
/// source, per-indicator and per-department settings the sheet leaves empty, period labels
/// meta.json does not give, and the optional hand-set fields meta.json does not carry.
fn keep_previous(fs: &dyn Files, m: &mut Manifest, old: Manifest, out: &Path, kept: &mut Vec<&'static str>) {
    if m.boundaries.is_none() {
        if let Some(b) = old.boundaries.filter(|b| fs.exists(&out.join(&b.path))) {
            m.boundaries = Some(b);
            kept.push("boundaries");
        }
    }
    let before = m.sources.len();
    for s in old.sources {
        if !m.sources.iter().any(|x| x.name.en == s.name.en) {
            m.sources.push(s);
        }
    }
    if m.sources.len() > before {
        kept.push("sources");
    }
    macro_rules! keep {
        ($field:ident, $name:literal, $empty:expr) => {
            if $empty(&m.$field) && !$empty(&old.$field) {
                m.$field = old.$field;
                kept.push($name);
            }
        };
    }
    keep!(description, "description", Option::is_none);
    keep!(notice, "notice", Option::is_none);
    keep!(unit_level, "unit_level", Option::is_none);
    keep!(division_level, "division_level", Option::is_none);
    keep!(bands, "bands", Vec::is_empty);
    keep!(tile_layout, "tile_layout", Vec::is_empty);
    keep!(headlines, "headlines", Vec::is_empty);
    keep!(flag_texts, "flag texts", Vec::is_empty);
    let mut any = false;
    for i in &mut m.indicators {
        let Some(o) = old.indicators.iter().find(|o| o.id == i.id) else { continue };
        macro_rules! field {
            ($f:ident) => {
                if i.$f.is_none() && o.$f.is_some() {
                    i.$f = o.$f.clone();
                    any = true;
                }
            };
        }
        field!(weight);
        field!(unit_label);
        field!(short_name);
        field!(description);
        field!(source);
        field!(target);
        field!(decimals);
        field!(frequency);
    }
    for d in &mut m.departments {
        if let Some(o) = old.departments.iter().find(|o| o.id == d.id) {
            if d.weight.is_none() && o.weight.is_some() {
                d.weight = o.weight.clone();
                any = true;
            }
        }
    }
    for p in &mut m.periods {
        if let Some(o) = old.periods.iter().find(|o| o.id == p.id) {
            if p.label == period_label(&p.id) && o.label != p.label {
                p.label = o.label.clone();
                any = true;
            }
        }
    }
    if any {
        kept.push("indicator, department and period settings the inputs leave empty");
    }
    for (k, v) in old.other {
        m.other.entry(k).or_insert(v);
    }
}

/// The year a period refers to (a wide column's `--period` year, else the id's first four
/// digits), so a district created later "did not exist then".
fn created_later(args: &ImportArgs, d: &DistrictRow, period: &str) -> bool {
    let year = args.periods.iter().find(|w| w.id == period).and_then(|w| w.year).or_else(|| period.get(..4).and_then(|y| y.parse::<u16>().ok()));
    matches!((d.year_created.parse::<u16>().ok(), year), (Some(c), Some(y)) if c > y)
}

/// Everything `import` reads before the values: the indicator sheet, the flag sheet, the
/// names a district may go by, the publisher's part of the manifest and the folder's previous one.
struct Inputs {
    sheet_table: Table,
    sheet: Vec<IndicatorRow>,
    flags: HashMap<String, FlagRow>,
    flag_texts: Vec<FlagText>,
    names: HashMap<String, String>,
    meta: Manifest,
    previous: Option<Manifest>,
}

fn read_inputs(fs: &dyn Files, args: &ImportArgs, districts: &[DistrictRow]) -> Result<Inputs, String> {
    let (sheet_table, mut sheet) = read_indicator_sheet(fs, &args.indicators)?;
    if let Some(p) = &args.targets {
        apply_targets(fs, p, &mut sheet)?;
    }
    let (flags, flag_texts) = match &args.flags {
        Some(p) => read_flag_sheet(fs, p)?,
        None => (HashMap::new(), Vec::new()),
    };
    let aliases = match &args.aliases {
        Some(p) => crate::districts::read_aliases(fs, p, districts)?,
        None => HashMap::new(),
    };
    let names = name_table(districts, &aliases)?;
    // The publisher's part of the manifest; what the command generates is filled in later.
    let meta_bytes = fs.read(&args.meta).map_err(|e| format!("{}: {e}", args.meta.display()))?;
    let meta: Manifest = serde_json::from_slice(&meta_bytes)
        .map_err(|e| format!("{}: {e} (expected a JSON object with title, publisher, licence and updated; see docs/publishing.md)", args.meta.display()))?;
    let previous = previous_manifest(fs, &args.out)?;
    Ok(Inputs { sheet_table, sheet, flags, flag_texts, names, meta, previous })
}

/// What the value rows gave: a column per period and indicator, the periods in the order met,
/// and every name, key, flag and number that could not be read, with the cell it was first met in.
#[derive(Default)]
struct ValuesRead {
    cells: BTreeMap<(String, usize), Column>,
    periods: Vec<String>,
    report: ImportReport,
    unmatched: BTreeMap<String, usize>,
    unknown_indicators: BTreeMap<String, usize>,
    first_at: HashMap<String, String>,
    first_indicator_at: HashMap<String, String>,
    unknown_flags: BTreeMap<String, (usize, String)>,
    bad: Vec<String>,
    used_flags: BTreeMap<String, (String, String)>,
}

/// Reads every value row of `t`: long files have one "period" column, wide files one value
/// column per `--period`. A structural fault (a bad period id, two values for one cell) stops
/// at once; names, keys, flags and numbers that cannot be read are collected for one message.
fn read_values(t: &Table, args: &ImportArgs, districts: &[DistrictRow], inputs: &Inputs) -> Result<ValuesRead, String> {
    let long = args.periods.is_empty();
    let mut needed: Vec<&str> = vec![&args.district_column, &args.indicator_column];
    if long {
        needed.extend(["period", "value"]);
    } else {
        for w in &args.periods {
            needed.push(&w.value_column);
            needed.extend(w.flag_column.as_deref());
        }
    }
    t.require(&needed)?;
    let (names, sheet, flags) = (&inputs.names, &inputs.sheet, &inputs.flags);
    let unit_pos: HashMap<&str, usize> = districts.iter().enumerate().map(|(i, d)| (d.slug.as_str(), i)).collect();
    let ind_pos = indicator_index(sheet);
    let mut r = ValuesRead { periods: args.periods.iter().map(|w| w.id.clone()).collect(), ..ValuesRead::default() };
    let ValuesRead { cells, periods, report, unmatched, unknown_indicators, first_at, first_indicator_at, unknown_flags, bad, used_flags } = &mut r;
    let created_later = |d: &DistrictRow, p: &str| created_later(args, d, p);
    for row in &t.rows {
        report.rows += 1;
        let dname = t.get(row, &args.district_column).unwrap_or_default();
        let Some(slug) = names.get(&normalise(dname)) else {
            *unmatched.entry(dname.to_string()).or_default() += 1;
            first_at.entry(dname.to_string()).or_insert_with(|| t.at(row, &args.district_column));
            continue;
        };
        let ikey = t.get(row, &args.indicator_column).unwrap_or_default();
        let Some(&ind) = ind_pos.get(ikey) else {
            *unknown_indicators.entry(ikey.to_string()).or_default() += 1;
            first_indicator_at.entry(ikey.to_string()).or_insert_with(|| t.at(row, &args.indicator_column));
            continue;
        };
        // (period, value column, flag column)
        let entries: Vec<(String, &str, Option<&str>)> = if long {
            let period = t.need(row, "period", "a period id: YYYY-MM, or a name like nfhs-5")?;
            if !samiksha_core::format::manifest::is_period_id(period) {
                return Err(format!("{}: \"{period}\" is not a period id; expected YYYY-MM, or a name like nfhs-5", t.at(row, "period")));
            }
            vec![(period.to_string(), "value", t.col("flag").map(|_| "flag"))]
        } else {
            args.periods.iter().map(|w| (w.id.clone(), w.value_column.as_str(), w.flag_column.as_deref())).collect()
        };
        for (period, vcol, fcol) in entries {
            if long && !periods.contains(&period) {
                periods.push(period.clone());
            }
            let raw = t.get(row, vcol).unwrap_or_default();
            // A long file may give the counts a rate is made of; a wide file has no place for them.
            let (num, den) = if long { (count(t, row, "numerator")?, count(t, row, "denominator")?) } else { (None, None) };
            let number = parse_number(raw);
            if (num.is_some() || den.is_some()) && number.is_none() {
                let col = if num.is_some() { "numerator" } else { "denominator" };
                return Err(format!("{}: a count, but the row has no value; expected the value the counts make, or no counts", t.at(row, col)));
            }
            let flag_text = fcol.and_then(|f| t.get(row, f)).map(str::to_string);
            if number.is_none() && !raw.is_empty() && raw != "*" {
                bad.push(format!("{}: \"{raw}\"", t.at(row, vcol)));
            }
            // A bracketed number or a "*" carries the NFHS meaning through the flag sheet.
            let flag_key = flag_text.or_else(|| match (raw, number) {
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
                    let e = unknown_flags.entry(k.clone()).or_insert((0, t.at(row, fcol.unwrap_or(vcol))));
                    e.0 += 1;
                    None
                }
            });
            // A long file may say why a cell is empty, in the words of the dataset's own
            // all-values.csv (its `gap` column), so that file can be imported again.
            let gap = match if long { t.get(row, "gap") } else { None } {
                None => None,
                Some(w) => match GapReason::from_word(w) {
                    Some(_) if number.is_some() => {
                        return Err(format!("{}: \"{w}\", but the row has a value; expected a value or a gap, not both", t.at(row, "gap")));
                    }
                    Some(r) => Some(r),
                    None => return Err(format!("{}: \"{w}\" is not a gap; expected one of {}", t.at(row, "gap"), GapReason::WORDS.join(", "))),
                },
            };
            let cell = match (number, flag, gap) {
                (None, f, Some(reason)) => Cell::gap(reason, f.map(|f| f.id.clone())),
                (_, Some(FlagRow { id, gap: Some(reason), .. }), _) => Cell::gap(*reason, Some(id.clone())),
                (Some((x, _)), f, _) => Cell::number(x, num, den, f.map(|f| f.id.clone())),
                // An empty cell of a district created after the period: it did not exist then.
                (None, _, None) if created_later(&districts[unit_pos[slug.as_str()]], &period) => Cell::gap(GapReason::UnitDidNotExist, None),
                (None, _, None) => Cell::gap(GapReason::NotReported, None),
            };
            let col = cells.entry((period.clone(), ind)).or_insert_with(|| vec![None; districts.len()]);
            let slot = &mut col[unit_pos[slug.as_str()]];
            if let Some((_, first)) = slot {
                return Err(format!(
                    "{}: a second value for {} / {} / {period} (the first is on {} {first}); each district, indicator and period takes one row",
                    t.line(row),
                    slug,
                    sheet[ind].indicator.id,
                    if t.sheet.is_some() { "row" } else { "line" }
                ));
            }
            if number.is_some() {
                report.cells += 1;
            }
            *slot = Some((cell, row.line));
        }
    }

    if long {
        periods.sort();
    }
    Ok(r)
}

/// Strict by default: stops before anything is built, naming every kind of problem at once so
/// a clerk fixes the sheet in one pass; with `--allow-unmatched` only cells that are not
/// numbers stop it.
fn problems_before_building(r: &ValuesRead, args: &ImportArgs, districts: &[DistrictRow], inputs: &Inputs, vname: &str) -> Result<(), String> {
    let ValuesRead { unmatched, unknown_indicators, first_at, first_indicator_at, unknown_flags, bad, .. } = r;
    let sheet_table = &inputs.sheet_table;
    let mut problems: Vec<String> = Vec::new();
    if !bad.is_empty() {
        let more = if bad.len() > 8 { format!("\n  and {} more", bad.len() - 8) } else { String::new() };
        problems.push(format!(
            "{} cell(s) are not numbers (expected a number such as 12.5 or 1,234, a number in brackets for a small sample, \"*\" for suppressed, or an empty cell):\n  {}{more}\nnothing was written",
            bad.len(),
            bad[..bad.len().min(8)].join("\n  ")
        ));
    }
    if !args.allow_unmatched {
        if !unmatched.is_empty() {
            problems.push(unmatched_districts_error(vname, unmatched, first_at, districts, &args.districts.display().to_string()));
        }
        if !unknown_indicators.is_empty() {
            let mut list: Vec<String> = unknown_indicators
                .iter()
                .take(12)
                .map(|(k, n)| format!("  \"{k}\" ({n} rows, first at {})", first_indicator_at.get(k).map_or("?", String::as_str)))
                .collect();
            if unknown_indicators.len() > 12 {
                list.push(format!("  and {} more", unknown_indicators.len() - 12));
            }
            problems.push(format!(
                "{}: {} indicator key(s) in column \"{}\" are not in the indicator sheet {}:\n{}\nadd a row for each to the sheet (its \"key\" column), or pass --allow-unmatched to leave them out on purpose; nothing was written",
                vname,
                unknown_indicators.len(),
                args.indicator_column,
                sheet_table.name(),
                list.join("\n")
            ));
        }
        if !unknown_flags.is_empty() {
            let list: Vec<String> = unknown_flags.iter().take(6).map(|(k, (n, at))| format!("  \"{k}\" ({n} values, first at {at})")).collect();
            problems.push(format!(
                "{} flag text(s) are not in the flag sheet{}:\n{}\nadd a row `text,id,label_en,label_hi[,gap]` for each to --flags, or pass --allow-unmatched to keep the values without a flag; nothing was written",
                unknown_flags.len(),
                args.flags.as_ref().map(|f| format!(" {}", f.display())).unwrap_or_default(),
                list.join("\n")
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    Ok(())
}

/// One value file per period; a district with no row is a gap: created after the period, or
/// simply not reported.
fn value_files(
    args: &ImportArgs,
    districts: &[DistrictRow],
    sheet: &[IndicatorRow],
    cells: &BTreeMap<(String, usize), Column>,
    periods: &[String],
) -> Vec<ValueFileOut> {
    let created_later = |d: &DistrictRow, p: &str| created_later(args, d, p);
    periods
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
                            col.and_then(|c| c[u].as_ref().map(|(cell, _)| cell.clone()))
                                .unwrap_or_else(|| Cell::gap(if created_later(d, p) { GapReason::UnitDidNotExist } else { GapReason::NotReported }, None))
                        })
                        .collect();
                    (s.indicator.id.clone(), column)
                })
                .collect();
            ValueFileOut {
                indicators: None,
                body: ValueFile { format: samiksha_core::FORMAT, period: p.clone(), units: districts.iter().map(|d| d.slug.clone()).collect(), values },
                kept: None,
            }
        })
        .collect()
}

/// Departments: names from the sheet, weights from the sheet or else meta.json, in meta.json's
/// order where it lists them.
fn departments(sheet: &[IndicatorRow], meta: &Manifest) -> Vec<Department> {
    let mut departments: Vec<Department> = Vec::new();
    for s in sheet {
        match departments.iter_mut().find(|d| d.id == s.department.id) {
            Some(d) => {
                if d.weight.is_none() {
                    d.weight = s.department.weight.clone();
                }
            }
            None => departments.push(Department { id: s.department.id.clone(), name: s.department.name.clone(), weight: s.department.weight.clone() }),
        }
    }
    for d in &mut departments {
        if d.weight.is_none() {
            d.weight = meta.departments.iter().find(|m| m.id == d.id).and_then(|m| m.weight.clone());
        }
    }
    // The departments meta.json lists come in its order, the others as the sheet first names them.
    departments.sort_by_key(|d| meta.departments.iter().position(|m| m.id == d.id).unwrap_or(usize::MAX));
    departments
}

/// A target's deadline must be a period of the values or, for monthly values, a later month;
/// its start a period of the values: checked here, where the periods are known.
fn check_deadlines(sheet: &[IndicatorRow], sheet_table: &Table, periods: &[String]) -> Result<(), String> {
    let period_set: std::collections::HashSet<String> = periods.iter().cloned().collect();
    for s in sheet {
        if let Some(Target::Dated { by, from, .. }) = &s.indicator.target {
            let (by_at, from_at) = match &s.target_at {
                Some(p) => (p.by.clone(), p.from.clone()),
                None => (sheet_table.at(&s.row, "target_by"), sheet_table.at(&s.row, "target_from")),
            };
            if !samiksha_core::format::manifest::is_period_in_calendar(by, &period_set) {
                return Err(format!(
                    "{}: \"{by}\" is no period of the values; expected one of {} or, for monthly values, a later month as YYYY-MM",
                    by_at,
                    periods.join(", ")
                ));
            }
            if let Some(f) = from.as_ref().filter(|f| !period_set.contains(*f)) {
                return Err(format!("{}: \"{f}\" is no period of the values; expected one of {}", from_at, periods.join(", ")));
            }
        }
    }
    Ok(())
}

/// Reads the inputs `args` names from `fs` and builds the dataset in memory: the files to
/// write into `args.out` (see [`Built`]) and what was read and left out. Nothing is written:
/// the command line writes to the disk, the publisher page into a zip.
pub fn run(fs: &dyn Files, args: &ImportArgs, districts: &[DistrictRow]) -> Result<(ImportReport, Built), String> {
    let inputs = read_inputs(fs, args, districts)?;
    let t = fs.table(&args.values)?;
    let read = read_values(&t, args, districts, &inputs)?;
    problems_before_building(&read, args, districts, &inputs, &t.name())?;
    let ValuesRead { cells, periods, mut report, unmatched, unknown_indicators, unknown_flags, used_flags, .. } = read;
    report.skipped_districts = unmatched;
    report.skipped_indicators = unknown_indicators;
    report.unflagged = unknown_flags.into_iter().map(|(k, (n, _))| (k, n)).collect();
    let files = value_files(args, districts, &inputs.sheet, &cells, &periods);
    let Inputs { sheet_table, sheet, names, flag_texts, meta: mut manifest, previous, .. } = inputs;
    // The monthly routine: the published periods these values do not give stay as they are.
    let (files, periods) = if args.keep_periods {
        let old = previous.as_ref().ok_or_else(|| {
            format!(
                "--keep-periods: there is no dataset in {} to keep periods from (its manifest.json is missing); import all periods once without it",
                args.out.display()
            )
        })?;
        keep_periods(fs, &args.out, old, files, &periods, &mut report)?
    } else {
        (files, periods)
    };
    let departments = departments(&sheet, &manifest);
    check_deadlines(&sheet, &sheet_table, &periods)?;
    // The review loop's sheets name indicators by key or id.
    let indicator_ids: HashMap<String, String> =
        indicator_index(&sheet).into_iter().map(|(name, i)| (name.to_string(), sheet[i].indicator.id.clone())).collect();
    // Period labels: meta.json's where it gives them, else made from the id.
    let labels: Vec<Period> = std::mem::take(&mut manifest.periods);
    let meta_flags: Vec<Flag> = std::mem::take(&mut manifest.flags);
    manifest.format = samiksha_core::FORMAT.into();
    manifest.divisions = crate::sample::divisions(districts);
    manifest.units = crate::sample::units(districts);
    manifest.departments = departments;
    manifest.indicators = sheet.into_iter().map(|s| s.indicator).collect();
    manifest.periods = periods
        .iter()
        .map(|p| Period { id: p.clone(), label: labels.iter().find(|l| &l.id == p).map_or_else(|| period_label(p), |l| l.label.clone()) })
        .collect();
    // Reviews and notes from their sheets replace any meta.json gives.
    let known = crate::loopin::Known { districts: &names, normalise, indicators: &indicator_ids, periods: &periods };
    if let Some(p) = &args.reviews {
        manifest.reviews = crate::loopin::read_reviews(fs, p, &known)?;
    }
    if let Some(p) = &args.notes {
        manifest.notes = crate::loopin::read_notes(fs, p, &known)?;
    }
    // The flags meta.json lists come in its order (the sheet's words for those the values use),
    // then the other flags the values use, by id.
    let mut used: Vec<Flag> = used_flags.into_iter().map(|(id, (en, hi))| Flag { id, label: Bilingual::new(en, hi) }).collect();
    for f in meta_flags {
        match used.iter().position(|u| u.id == f.id) {
            Some(k) => manifest.flags.push(used.remove(k)),
            None => manifest.flags.push(f),
        }
    }
    manifest.flags.extend(used);
    manifest.flag_texts = flag_texts;
    if let Some(old) = previous {
        if args.keep_periods {
            // The kept months keep what they refer to: the flags their cells carry, and the
            // published reviews and notes when no sheet of them is given this time.
            let kept_flags: std::collections::BTreeSet<&str> = files
                .iter()
                .filter(|f| f.kept.is_some())
                .flat_map(|f| f.body.values.values().flatten())
                .filter_map(|c| match c {
                    Cell::Detailed { flag: Some(f), .. } | Cell::Gap { flag: Some(f), .. } => Some(f.as_str()),
                    _ => None,
                })
                .collect();
            for f in &old.flags {
                if kept_flags.contains(f.id.as_str()) && !manifest.flags.iter().any(|x| x.id == f.id) {
                    manifest.flags.push(f.clone());
                }
            }
            if args.reviews.is_none() && manifest.reviews.is_empty() {
                manifest.reviews = old.reviews.clone();
            }
            if args.notes.is_none() && manifest.notes.is_empty() {
                manifest.notes = old.notes.clone();
            }
        }
        keep_previous(fs, &mut manifest, old, &args.out, &mut report.kept);
    }
    report.periods_without_hindi = manifest.periods.iter().filter(|p| p.label.hi == p.id.to_uppercase()).map(|p| p.id.clone()).collect();
    report.districts = districts.len();
    report.former_without_hindi = districts.iter().filter(|d| matches!(d.former_name(), Some((_, None)))).map(|d| d.slug.clone()).collect();
    report.indicators = manifest.indicators.len();
    report.periods = manifest.periods.len();
    let built = build_dataset(fs, &args.out, manifest, files)?;
    Ok((report, built))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(slug: &str, en: &str) -> DistrictRow {
        DistrictRow { slug: slug.into(), name_en: en.into(), ..DistrictRow::default() }
    }

    #[test]
    fn suggestions_find_the_district_a_name_means() {
        let list = [row("khandwa", "Khandwa"), row("narsinghpur", "Narsinghpur"), row("rewa", "Rewa")];
        assert_eq!(suggest("Khandwa (East Nimar)", &list).map(|d| d.slug.as_str()), Some("khandwa"));
        assert_eq!(suggest("Narsimhapur", &list).map(|d| d.slug.as_str()), Some("narsinghpur"));
        // Too far from any name to guess: no suggestion rather than a wrong one.
        assert_eq!(suggest("Atlantis", &list).map(|d| d.slug.as_str()), None);
        // A word for "district" is looked past, in English and Hindi, and Hindi names are compared.
        let list =
            [DistrictRow { name_hi: "रीवा".into(), ..row("rewa", "Rewa") }, DistrictRow { name_hi: "नरसिंहपुर".into(), ..row("narsinghpur", "Narsinghpur") }];
        assert_eq!(suggest("Narsinghpur Dist.", &list).map(|d| d.slug.as_str()), Some("narsinghpur"));
        assert_eq!(suggest("District: Rewa", &list).map(|d| d.slug.as_str()), Some("rewa"));
        assert_eq!(suggest("जिला रीवा", &list).map(|d| d.slug.as_str()), Some("rewa"));
        assert_eq!(suggest("नरसिहपुर", &list).map(|d| d.slug.as_str()), Some("narsinghpur"));
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn numbers_are_read_as_publishers_write_them() {
        assert_eq!(parse_number(" 1,234.5 "), Some((1234.5, false)));
        assert_eq!(parse_number("(7.5)"), Some((7.5, true)));
        assert_eq!(parse_number("NA"), None);
        assert_eq!(parse_number("12,34,567"), Some((1234567.0, false)));
        assert_eq!(parse_number("-1,234"), Some((-1234.0, false)));
        // A decimal comma is not silently a thousand times the value.
        assert_eq!(parse_number("12,5"), None);
        assert_eq!(parse_number("1,2345"), None);
        assert_eq!(period_label("nfhs-12").en, "NFHS-12");
        assert_eq!(period_label("2026-01").en, "January 2026");
        assert_eq!(parse_number("inf"), None);
    }
}
