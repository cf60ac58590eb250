//! The composite index, in the way of the SDG India Index and the Aspirational Districts
//! ranking: each indicator normalised to 0–100, a department score as the (weighted) mean of its
//! indicators, an overall score as the weighted mean of departments, and a rank for districts
//! with enough indicators. Every step is kept so a reader can check the arithmetic.
//!
//! Normalisation, for a value x with the districts' best b and worst w in that period:
//! - with a target t: higher is better → 100·(x − w)/(t − w); lower is better → 100·(w − x)/(w − t);
//! - without a target: 100·(x − w)/(b − w), which is the same formula with t = b;
//! - capped to 0–100; when every district has the same value (b = w) each scores 100.
//!
//! The scores do not change when every value and the target are multiplied by the same
//! positive number, so units do not matter.

use crate::analysis::rank::{rank_readings, Ranking};
use crate::format::dataset::Dataset;
use crate::format::manifest::Direction;
use crate::format::values::Reading;
use std::sync::Arc;

/// The share of indicators a district needs values for to be ranked, unless the caller says.
pub const DEFAULT_MIN_SHARE: f64 = 0.75;

/// How departments are weighed in the overall score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weighting {
    /// The weights the dataset publishes.
    Published,
    /// Every department counts the same; used to show how much the weights matter.
    EqualDepartments,
}

/// What an indicator's 0–100 scale runs between in a period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// The value that scores 0: the worst district's.
    pub zero: f64,
    /// The value that scores 100: the target, or the best district's.
    pub hundred: f64,
    pub uses_target: bool,
}

impl Scale {
    pub fn score(&self, x: f64) -> f64 {
        if self.hundred == self.zero {
            return 100.0;
        }
        // Adding 0.0 turns −0.0 (the worst district when the scale runs downwards) into 0.0.
        (100.0 * (x - self.zero) / (self.hundred - self.zero)).clamp(0.0, 100.0) + 0.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorScore {
    pub indicator: usize,
    pub value: f64,
    pub score: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentScore {
    pub department: usize,
    pub score: f64,
    pub weight: f64,
    pub used: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DistrictScore {
    pub unit: usize,
    pub indicators: Vec<IndicatorScore>,
    pub departments: Vec<DepartmentScore>,
    /// Share of all indicators with a value, 0–1.
    pub coverage: f64,
    /// The overall score when coverage suffices.
    pub overall: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Composite {
    pub weighting: Weighting,
    pub min_share: f64,
    /// Per indicator (by index): its scale in this period, if any district has a value.
    pub scales: Vec<Option<Scale>>,
    /// Per unit, by unit index.
    pub districts: Vec<DistrictScore>,
    /// Overall scores ranked (higher is better, one decimal); districts short of coverage
    /// are in `unranked`.
    pub ranking: Ranking,
}

/// The 0–100 scale of one indicator over the values present.
pub fn scale_for(values: &[f64], direction: Direction, target: Option<f64>) -> Option<Scale> {
    let mut it = values.iter().copied().filter(|v| v.is_finite());
    let first = it.next()?;
    let (lo, hi) = it.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (best, worst) = match direction {
        Direction::HigherIsBetter => (hi, lo),
        Direction::LowerIsBetter => (lo, hi),
    };
    let (hundred, uses_target) = match target {
        Some(t) if t.is_finite() => (t, true),
        _ => (best, false),
    };
    // A target no better than the worst district is met by everyone: all score 100.
    let met_by_all = uses_target
        && match direction {
            Direction::HigherIsBetter => hundred <= worst,
            Direction::LowerIsBetter => hundred >= worst,
        };
    if met_by_all {
        return Some(Scale { zero: hundred, hundred, uses_target });
    }
    Some(Scale { zero: worst, hundred, uses_target })
}

/// The composite index of `period` with the published minimum coverage, computed once per
/// state of that period's files and shared (kept in the dataset's memo); `None` when no value
/// of that period is loaded.
pub fn composite_of(ds: &Dataset, period: usize, weighting: Weighting) -> Option<Arc<Composite>> {
    ds.memo(period, weighting as u64, || composite(ds, period, weighting, DEFAULT_MIN_SHARE))
}

/// Computes the composite for one period; `None` when that period's values are not loaded.
pub fn composite(ds: &Dataset, period: usize, weighting: Weighting, min_share: f64) -> Option<Composite> {
    let m = &ds.manifest;
    let n_ind = m.indicators.len();
    let mut values: Vec<Vec<Option<f64>>> = Vec::with_capacity(n_ind);
    for i in 0..n_ind {
        let col = ds.column(i, period);
        values.push((0..m.units.len()).map(|u| col.and_then(|c| c[u].as_ref()).and_then(|o| o.number())).collect());
    }
    if (0..n_ind).all(|i| ds.column(i, period).is_none()) {
        return None;
    }
    let scales: Vec<Option<Scale>> = m
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| scale_for(&values[i].iter().flatten().copied().collect::<Vec<_>>(), ind.direction, ind.target))
        .collect();
    let districts: Vec<DistrictScore> = (0..m.units.len())
        .map(|u| {
            let indicators: Vec<IndicatorScore> =
                (0..n_ind).filter_map(|i| Some(IndicatorScore { indicator: i, value: values[i][u]?, score: scales[i]?.score(values[i][u]?) })).collect();
            let departments: Vec<DepartmentScore> = m
                .departments
                .iter()
                .enumerate()
                .filter_map(|(d, dep)| {
                    let members: Vec<usize> = (0..n_ind).filter(|&i| m.indicators[i].department == dep.id).collect();
                    let scored: Vec<&IndicatorScore> = indicators.iter().filter(|s| members.contains(&s.indicator)).collect();
                    let wsum: f64 = scored.iter().map(|s| m.indicators[s.indicator].weight).sum();
                    (wsum > 0.0).then(|| DepartmentScore {
                        department: d,
                        score: scored.iter().map(|s| s.score * m.indicators[s.indicator].weight).sum::<f64>() / wsum,
                        weight: match weighting {
                            Weighting::Published => dep.weight,
                            Weighting::EqualDepartments => 1.0,
                        },
                        used: scored.len(),
                        total: members.len(),
                    })
                })
                .collect();
            let coverage = if n_ind == 0 { 0.0 } else { indicators.len() as f64 / n_ind as f64 };
            let wsum: f64 = departments.iter().map(|d| d.weight).sum();
            let overall = (coverage >= min_share && wsum > 0.0).then(|| departments.iter().map(|d| d.score * d.weight).sum::<f64>() / wsum);
            DistrictScore { unit: u, indicators, departments, coverage, overall }
        })
        .collect();
    let readings: Vec<(usize, Option<Reading>)> = districts.iter().map(|d| (d.unit, d.overall.map(Reading::Number))).collect();
    let ranking = rank_readings(&readings, Direction::HigherIsBetter, 1);
    Some(Composite { weighting, min_share, scales, districts, ranking })
}

/// How many districts hold a different rank under the other weighting.
pub fn rank_changes(a: &Composite, b: &Composite) -> usize {
    a.ranking.ranked.iter().filter(|r| b.ranking.rank_of(r.unit).map(|o| o.rank) != Some(r.rank)).count()
}

/// The band a score falls in, by the manifest's bands (highest first); `None` without bands.
pub fn band_of(ds: &Dataset, score: f64) -> Option<usize> {
    ds.manifest.bands.iter().position(|b| score >= b.min_score)
}
