//! A loaded dataset: the manifest plus whichever value files have arrived so far.
//!
//! Value files are added one at a time as the viewer fetches them, so a view needs only its
//! own period's files. Lookups are by index; ids are resolved once.

use crate::format::manifest::{positions, FileRef, Indicator, Manifest, Period, Unit};
use crate::format::problem::{Problem, ProblemKind, Severity};
use crate::format::values::{parse_values, Observation};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A memoised value's period, type and variant.
type MemoKey = (usize, TypeId, u64);

pub struct Dataset {
    pub manifest: Manifest,
    unit_pos: HashMap<String, usize>,
    indicator_pos: HashMap<String, usize>,
    period_pos: HashMap<String, usize>,
    /// (indicator, period) → observations in unit order.
    columns: HashMap<(usize, usize), Vec<Option<Observation>>>,
    /// Which file gave each column, and the columns two files claimed (used from neither).
    column_file: HashMap<(usize, usize), String>,
    disputed: std::collections::HashSet<(usize, usize)>,
    /// What other layers derive from one period's columns (the composite index, for one), by
    /// period, type and variant. A period's entries are dropped when a file of that period
    /// arrives, so each is computed once per state of its inputs however many views ask. The
    /// dataset stores them without knowing what they are: the format layer does not depend on
    /// the layers that compute them.
    memo: Mutex<HashMap<MemoKey, Arc<dyn Any + Send + Sync>>>,
}

impl Dataset {
    /// A copy with the same manifest and columns and none of the memo: the pre-rendered map's
    /// reader (`first_tap` in the app) hands the dataset it read to the app's loader this way,
    /// so the files are parsed and checked once, and the two do not share derived values (the
    /// memo is refilled on first use, from the same columns). A method with a name, not `Clone`,
    /// so a large copy is never made by accident.
    pub fn copy_without_memo(&self) -> Self {
        Dataset {
            manifest: self.manifest.clone(),
            unit_pos: self.unit_pos.clone(),
            indicator_pos: self.indicator_pos.clone(),
            period_pos: self.period_pos.clone(),
            columns: self.columns.clone(),
            column_file: self.column_file.clone(),
            disputed: self.disputed.clone(),
            memo: Mutex::new(HashMap::new()),
        }
    }
}

impl Dataset {
    pub fn new(manifest: Manifest) -> Self {
        Dataset {
            unit_pos: positions(&manifest.units, |u| u.slug.as_str()),
            indicator_pos: positions(&manifest.indicators, |i| i.id.as_str()),
            period_pos: positions(&manifest.periods, |p| p.id.as_str()),
            columns: HashMap::new(),
            column_file: HashMap::new(),
            disputed: Default::default(),
            memo: Mutex::new(HashMap::new()),
            manifest,
        }
    }

    pub fn unit_index(&self, slug: &str) -> Option<usize> {
        self.unit_pos.get(slug).copied()
    }
    pub fn indicator_index(&self, id: &str) -> Option<usize> {
        self.indicator_pos.get(id).copied()
    }
    pub fn period_index(&self, id: &str) -> Option<usize> {
        self.period_pos.get(id).copied()
    }
    pub fn units(&self) -> &[Unit] {
        &self.manifest.units
    }
    pub fn indicators(&self) -> &[Indicator] {
        &self.manifest.indicators
    }
    pub fn periods(&self) -> &[Period] {
        &self.manifest.periods
    }

    /// Checks a fetched value file against the manifest's size and hash, parses it and keeps
    /// its usable columns. Returns every problem; the file's usable part is kept regardless.
    pub fn add_value_file(&mut self, file: &FileRef, bytes: &[u8]) -> Vec<Problem> {
        let mut problems = integrity_problems(file, bytes);
        // A file that is not the one published (a partial upload, an altered figure) is not
        // used at all: showing its figures as current is what a transparency page must not do.
        // It is still read, so `validate` reports what else is wrong with it.
        let as_published = problems.is_empty();
        let period = file.period.clone().unwrap_or_default();
        let (parsed, mut more) = parse_values(&file.path, bytes, &self.manifest, &period);
        problems.append(&mut more);
        if let Some(vf) = parsed.filter(|_| as_published) {
            if let Ok(mut memo) = self.memo.lock() {
                memo.retain(|(p, _, _), _| *p != vf.period);
            }
            for col in vf.columns {
                let at = (col.indicator, vf.period);
                // Two files giving one indicator's values for one period: which is right is
                // unknown, so neither is used, and both are named.
                let other = self.column_file.get(&at).filter(|f| **f != file.path).cloned();
                if other.is_some() || self.disputed.contains(&at) {
                    self.columns.remove(&at);
                    self.disputed.insert(at);
                    problems.push(Problem {
                        severity: Severity::Error,
                        file: file.path.clone(),
                        path: format!("$.values.{}", self.manifest.indicators[col.indicator].id),
                        kind: ProblemKind::DuplicateColumn {
                            indicator: self.manifest.indicators[col.indicator].id.clone(),
                            period: self.manifest.periods[vf.period].id.clone(),
                            other_file: other.unwrap_or_else(|| self.column_file.get(&at).cloned().unwrap_or_default()),
                        },
                    });
                    continue;
                }
                self.column_file.insert(at, file.path.clone());
                self.columns.insert(at, col.cells);
            }
        }
        problems
    }

    /// A value derived from `period`'s columns, computed by `compute` the first time it is asked
    /// for (with this type and `variant`) and shared until a file of that period arrives;
    /// `None`, and nothing kept, when `compute` finds nothing to derive.
    pub fn memo<T: Any + Send + Sync>(&self, period: usize, variant: u64, compute: impl FnOnce() -> Option<T>) -> Option<Arc<T>> {
        let key = (period, TypeId::of::<T>(), variant);
        if let Some(kept) = self.memo.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return kept.downcast::<T>().ok();
        }
        // Computed outside the lock: `compute` may itself ask for other memoised values.
        let value = Arc::new(compute()?);
        if let Ok(mut memo) = self.memo.lock() {
            memo.insert(key, value.clone());
        }
        Some(value)
    }

    /// How many indicators' columns of `period` are loaded (a value file may carry several,
    /// and one refused carries none): a measure of what has arrived for that period only.
    pub fn loaded_columns(&self, period: usize) -> usize {
        self.columns.keys().filter(|(_, p)| *p == period).count()
    }

    /// Observations of one indicator in one period, in unit order; `None` when not loaded.
    pub fn column(&self, indicator: usize, period: usize) -> Option<&[Option<Observation>]> {
        self.columns.get(&(indicator, period)).map(|c| c.as_slice())
    }

    pub fn observation(&self, indicator: usize, period: usize, unit: usize) -> Option<&Observation> {
        self.column(indicator, period)?.get(unit)?.as_ref()
    }

    /// The period before `period` in the manifest's order, for "change since last review".
    pub fn previous_period(&self, period: usize) -> Option<usize> {
        period.checked_sub(1)
    }
}

/// Size and hash checks of a fetched file; mismatches are warnings because the content may
/// still be valid, but the reader must know it is not what was published.
pub fn integrity_problems(file: &FileRef, bytes: &[u8]) -> Vec<Problem> {
    let mut out = Vec::new();
    let refuse = |kind| Problem { severity: Severity::Error, file: file.path.clone(), path: "$".into(), kind };
    if let Some(expected) = file.bytes {
        let found = bytes.len() as u64;
        if expected != found {
            out.push(refuse(ProblemKind::SizeMismatch { expected, found }));
        }
    }
    if let Some(expected) = &file.sha256 {
        let found = crate::format::sha256_hex(bytes);
        if !expected.eq_ignore_ascii_case(&found) {
            out.push(refuse(ProblemKind::HashMismatch { expected: expected.clone(), found }));
        }
    }
    out
}
