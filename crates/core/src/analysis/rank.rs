//! Per-indicator ranking: direction-aware, ties share a rank, gaps are never ranked.
//!
//! Ranks are computed on values rounded to the indicator's published decimals, because that is
//! what a reader sees: two districts shown as 45.3% must not be ranked apart by hidden digits.
//! Ties take standard competition ranks (1, 2, 2, 4).

use crate::format::dataset::Dataset;
use crate::format::manifest::Direction;
use crate::format::values::{GapReason, Reading};

#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub unit: usize,
    pub value: f64,
    /// 1 is best.
    pub rank: usize,
    /// Whether another district shares this rank.
    pub tied: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Unranked {
    pub unit: usize,
    pub reason: GapReason,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Ranking {
    /// Best first.
    pub ranked: Vec<Ranked>,
    pub unranked: Vec<Unranked>,
}

impl Ranking {
    pub fn rank_of(&self, unit: usize) -> Option<&Ranked> {
        self.ranked.iter().find(|r| r.unit == unit)
    }
}

pub use crate::analysis::rounding::round_to;

/// Ranks `(unit, reading)` pairs. Units with a gap go to `unranked` with their reason.
pub fn rank_readings(readings: &[(usize, Option<Reading>)], direction: Direction, decimals: u8) -> Ranking {
    let mut ranked: Vec<Ranked> = Vec::new();
    let mut unranked = Vec::new();
    for &(unit, reading) in readings {
        match reading {
            Some(Reading::Number(v)) if v.is_finite() => ranked.push(Ranked { unit, value: v, rank: 0, tied: false }),
            Some(Reading::Gap(reason)) => unranked.push(Unranked { unit, reason }),
            _ => unranked.push(Unranked { unit, reason: GapReason::NotReported }),
        }
    }
    // Each value's key (the value as displayed) is computed once, not per comparison.
    let mut keyed: Vec<(f64, Ranked)> = ranked.into_iter().map(|r| (round_to(r.value, decimals), r)).collect();
    crate::format::order::sort_by(&mut keyed, |(x, a), (y, b)| {
        let ord = match direction {
            Direction::HigherIsBetter => y.total_cmp(x),
            Direction::LowerIsBetter => x.total_cmp(y),
        };
        ord.then(a.unit.cmp(&b.unit))
    });
    let keys: Vec<f64> = keyed.iter().map(|k| k.0).collect();
    let mut ranked: Vec<Ranked> = keyed.into_iter().map(|k| k.1).collect();
    let mut i = 0;
    while i < ranked.len() {
        let mut j = i;
        while j < ranked.len() && keys[j] == keys[i] {
            j += 1;
        }
        for r in &mut ranked[i..j] {
            r.rank = i + 1;
            r.tied = j - i > 1;
        }
        i = j;
    }
    Ranking { ranked, unranked }
}

/// Ranks every district on one indicator in one period; `None` when that column is not loaded.
pub fn rank_indicator(ds: &Dataset, indicator: usize, period: usize) -> Option<Ranking> {
    let ind = ds.indicators().get(indicator)?;
    let column = ds.column(indicator, period)?;
    let readings: Vec<(usize, Option<Reading>)> = column.iter().enumerate().map(|(u, o)| (u, o.as_ref().map(|o| o.reading))).collect();
    Some(rank_readings(&readings, ind.direction, ind.decimals))
}
