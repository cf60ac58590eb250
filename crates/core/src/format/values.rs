//! Value files: one period's numbers for some indicators, and their reader.
//!
//! Layout (columnar, so a file for 785 districts stays small):
//! `{"format": "samiksha/1", "period": "2026-01", "units": [slug, …],
//!   "values": {"<indicator>": [cell, …]}}` where each column lines up with `units` and a cell
//! is a number, `null` (not reported), `{"gap": reason, "note"?}` or
//! `{"v": number, "num"?, "den"?, "flag"?, "note"?}`.

use crate::format::manifest::{Manifest, Measure};
use crate::format::problem::{Expected, Problem, ProblemKind, RefKind};
use crate::format::text::{Bilingual, Lang};
use crate::format::walk::{idx, key, parse_json, Walk};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Why a district has no number for an indicator and period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GapReason {
    NotReported,
    Suppressed,
    NotApplicable,
    UnitDidNotExist,
}

impl GapReason {
    pub const WORDS: &'static [&'static str] = &["not_reported", "suppressed", "not_applicable", "unit_did_not_exist"];

    pub fn from_word(w: &str) -> Option<GapReason> {
        match w {
            "not_reported" => Some(GapReason::NotReported),
            "suppressed" => Some(GapReason::Suppressed),
            "not_applicable" => Some(GapReason::NotApplicable),
            "unit_did_not_exist" => Some(GapReason::UnitDidNotExist),
            _ => None,
        }
    }

    pub fn word(self) -> &'static str {
        Self::WORDS[self as usize]
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (GapReason::NotReported, Lang::En) => "not reported",
            (GapReason::NotReported, Lang::Hi) => "मान रिपोर्ट नहीं किया गया",
            (GapReason::Suppressed, Lang::En) => "suppressed (too few cases)",
            (GapReason::Suppressed, Lang::Hi) => "प्रकाशित नहीं किया गया (बहुत कम मामले)",
            (GapReason::NotApplicable, Lang::En) => "not applicable",
            (GapReason::NotApplicable, Lang::Hi) => "लागू नहीं",
            (GapReason::UnitDidNotExist, Lang::En) => "district did not exist then",
            (GapReason::UnitDidNotExist, Lang::Hi) => "उस समय ज़िला गठित नहीं हुआ था",
        }
    }
}

/// A number or an explicit gap.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reading {
    Number(f64),
    Gap(GapReason),
}

/// What rarely accompanies a value; boxed so the common cell stays small at all-India scale.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Detail {
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub flag: Option<String>,
    pub note: Option<Bilingual>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    pub reading: Reading,
    pub detail: Option<Box<Detail>>,
}

impl Observation {
    pub fn number(&self) -> Option<f64> {
        match self.reading {
            Reading::Number(x) => Some(x),
            Reading::Gap(_) => None,
        }
    }
    pub fn flag(&self) -> Option<&str> {
        self.detail.as_ref().and_then(|d| d.flag.as_deref())
    }
}

/// One column of one file: an indicator's observations in the manifest's unit order.
pub struct Column {
    pub indicator: usize,
    /// Indexed like `Manifest::units`; `None` where the file has no entry for that unit.
    pub cells: Vec<Option<Observation>>,
}

/// What a value file yielded: its period (index into the manifest) and its usable columns.
pub struct ValueFile {
    pub period: usize,
    pub columns: Vec<Column>,
}

/// Reads a value file against its manifest. `expected_period` is the period the manifest lists
/// the file for; a file that holds another period is refused.
pub fn parse_values(file: &str, bytes: &[u8], manifest: &Manifest, expected_period: &str) -> (Option<ValueFile>, Vec<Problem>) {
    let mut problems = Vec::new();
    let out = parse_json(file, bytes, &mut problems).and_then(|v| read_values(&mut Walk::new(file, &mut problems), &v, manifest, expected_period));
    (out, problems)
}

fn read_values(w: &mut Walk, v: &Value, m: &Manifest, expected_period: &str) -> Option<ValueFile> {
    let root = w.object(v, "$")?;
    let format = w.req_string(root, "$", "format")?;
    if format != crate::format::FORMAT {
        w.error("$.format", ProblemKind::UnknownFormat { found: format });
        return None;
    }
    let period = w.req_string(root, "$", "period")?;
    if period != expected_period {
        w.error("$.period", ProblemKind::PeriodMismatch { expected: expected_period.to_string(), found: period });
        return None;
    }
    let period_idx = m.periods.iter().position(|p| p.id == period)?;
    let unit_pos: HashMap<&str, usize> = m.units.iter().enumerate().map(|(i, u)| (u.slug.as_str(), i)).collect();

    // Map each row of the file to a manifest unit, or to nothing (unknown or repeated).
    let units_v = w.field(root, "$", "units")?;
    let units = w.array(units_v, "$.units")?;
    let mut seen = HashSet::new();
    let rows: Vec<Option<usize>> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let p = idx("$.units", i);
            let slug = w.string(u, &p)?;
            match unit_pos.get(slug.as_str()) {
                None => {
                    w.warn(&p, ProblemKind::UnknownReference { kind: RefKind::Unit, id: slug });
                    None
                }
                Some(&pos) if !seen.insert(pos) => {
                    w.error(&p, ProblemKind::DuplicateId { id: slug });
                    None
                }
                Some(&pos) => Some(pos),
            }
        })
        .collect();

    let values_v = w.field(root, "$", "values")?;
    let values = w.object(values_v, "$.values")?;
    let mut columns = Vec::new();
    for (ind_id, col) in values {
        let cp = key("$.values", ind_id);
        let Some(ind_idx) = m.indicators.iter().position(|i| &i.id == ind_id) else {
            w.warn(&cp, ProblemKind::UnknownReference { kind: RefKind::Indicator, id: ind_id.clone() });
            continue;
        };
        let Some(cells_v) = w.array(col, &cp) else { continue };
        if cells_v.len() != rows.len() {
            // Without equal lengths no cell can be matched to its district with confidence.
            w.error(&cp, ProblemKind::LengthMismatch { expected: rows.len(), found: cells_v.len() });
            continue;
        }
        let measure = m.indicators[ind_idx].measure;
        let mut cells: Vec<Option<Observation>> = vec![None; m.units.len()];
        for (r, cell) in cells_v.iter().enumerate() {
            let Some(unit) = rows[r] else { continue };
            // Most cells are plain numbers with nothing to say about them; their JSON path is
            // formatted only for a cell that has a problem to report.
            let obs = match plain_reading(cell, measure) {
                Some(reading) => Some(Observation { reading, detail: None }),
                None => read_cell(w, cell, &idx(&cp, r), m, measure),
            };
            if let Some(obs) = obs {
                cells[unit] = Some(obs);
            }
        }
        columns.push(Column { indicator: ind_idx, cells });
    }
    Some(ValueFile { period: period_idx, columns })
}

fn read_cell(w: &mut Walk, v: &Value, p: &str, m: &Manifest, measure: Measure) -> Option<Observation> {
    match v {
        Value::Null => Some(Observation { reading: Reading::Gap(GapReason::NotReported), detail: None }),
        Value::Number(_) => {
            let x = w.number(v, p)?;
            if !within_reason(w, p, x) {
                return None;
            }
            check_plausible(w, p, x, measure);
            Some(Observation { reading: Reading::Number(x), detail: None })
        }
        Value::Object(o) => {
            let note = w.opt_bilingual(o, p, "note");
            if let Some(g) = o.get("gap") {
                let word = w.one_of(g, &key(p, "gap"), GapReason::WORDS)?;
                let reason = GapReason::from_word(word)?;
                let flag = read_flag_ref(w, o.get("flag"), p, m);
                let detail = (note.is_some() || flag.is_some()).then(|| Box::new(Detail { note, flag, ..Detail::default() }));
                return Some(Observation { reading: Reading::Gap(reason), detail });
            }
            let x = w.field(o, p, "v").and_then(|x| w.number(x, &key(p, "v")))?;
            if !within_reason(w, p, x) {
                return None;
            }
            check_plausible(w, p, x, measure);
            let numerator = w.opt_number(o, p, "num");
            let denominator = w.opt_number(o, p, "den");
            let flag = read_flag_ref(w, o.get("flag"), p, m);
            let detail = Detail { numerator, denominator, flag, note };
            let detail = (detail != Detail::default()).then(|| Box::new(detail));
            Some(Observation { reading: Reading::Number(x), detail })
        }
        _ => {
            w.error(p, ProblemKind::WrongType { expected: Expected::ValueCell });
            None
        }
    }
}

fn read_flag_ref(w: &mut Walk, v: Option<&Value>, p: &str, m: &Manifest) -> Option<String> {
    let v = v.filter(|v| !v.is_null())?;
    let fp = key(p, "flag");
    let id = w.string(v, &fp)?;
    if m.flag(&id).is_none() {
        w.warn(&fp, ProblemKind::UnknownReference { kind: RefKind::Flag, id: id.clone() });
    }
    Some(id)
}

/// The largest magnitude a district figure can have. GIS and statistics tools write
/// ±3.4e38 or ±1.7976931348623157e308 for "no data"; such a number is never a figure.
pub const MAX_MAGNITUDE: f64 = 1e15;

/// An error, and the cell left out, for a number no district figure can be.
fn within_reason(w: &mut Walk, p: &str, x: f64) -> bool {
    let ok = reasonable(x);
    if !ok {
        w.error(p, ProblemKind::Implausible { value: x });
    }
    ok
}

/// Warnings for numbers that are possible in JSON but implausible for the unit; the value is kept.
fn check_plausible(w: &mut Walk, p: &str, x: f64, measure: Measure) {
    if let Some(kind) = implausible(x, measure) {
        w.warn(p, kind);
    }
}

fn implausible(x: f64, measure: Measure) -> Option<ProblemKind> {
    match measure {
        Measure::Percent if x > 100.0 => Some(ProblemKind::PercentAbove100 { value: x }),
        Measure::Percent | Measure::Count | Measure::Days if x < 0.0 => Some(ProblemKind::NegativeNotAllowed { value: x }),
        _ => None,
    }
}

fn reasonable(x: f64) -> bool {
    x.abs() < MAX_MAGNITUDE
}

/// A cell `read_cell` would keep as it is without a word: `null`, or a number that is finite,
/// within reason and plausible for the measure. The common case, read without formatting its
/// path.
fn plain_reading(v: &Value, measure: Measure) -> Option<Reading> {
    if v.is_null() {
        return Some(Reading::Gap(GapReason::NotReported));
    }
    let x = v.as_f64().filter(|x| x.is_finite() && reasonable(*x))?;
    implausible(x, measure).is_none().then_some(Reading::Number(x))
}
