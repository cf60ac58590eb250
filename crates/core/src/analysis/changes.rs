//! What moved between two periods, for the reader who should not have to work it out: the
//! districts that entered or left the top and bottom three of an indicator, its largest movers
//! in rank, the indicators whose state average moved most, and targets newly met. All values
//! are compared as displayed (the one rounding rule), so a change a reader cannot see is none.

use crate::analysis::rank::{rank_indicator, Ranking};
use crate::analysis::rounding::round_to;
use crate::format::dataset::Dataset;
use crate::format::manifest::Direction;

/// How many districts the review names at each end.
pub const ENDS: usize = 3;

/// Units in the top `ENDS` (fewer than `ENDS` districts strictly better) and in the bottom
/// `ENDS` (fewer than `ENDS` strictly worse); ties at the edge are in.
pub fn ends(r: &Ranking) -> (Vec<usize>, Vec<usize>) {
    let n = r.ranked.len();
    let top = r.ranked.iter().filter(|x| x.rank <= ENDS).map(|x| x.unit).collect();
    let bottom = r
        .ranked
        .iter()
        .filter(|x| {
            // Ranked best first, so those strictly worse are the ones after the last of x's rank.
            let worse = n - r.ranked.partition_point(|y| y.rank <= x.rank);
            worse < ENDS && n > ENDS
        })
        .map(|x| x.unit)
        .collect();
    (top, bottom)
}

/// One indicator's movement from `then` to `now`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct IndicatorChanges {
    pub entered_top: Vec<usize>,
    pub left_top: Vec<usize>,
    pub entered_bottom: Vec<usize>,
    pub left_bottom: Vec<usize>,
    /// The district that rose most in rank: (unit, places, its rank now).
    pub rose_most: Option<(usize, usize, usize)>,
    /// The district that fell most in rank: (unit, places, its rank now).
    pub fell_most: Option<(usize, usize, usize)>,
    /// Districts meeting the target now that did not then (both values known).
    pub newly_met: Vec<usize>,
}

use super::track::meets_target as meets;

/// `None` when either period's values of the indicator are not loaded.
pub fn indicator_changes(ds: &Dataset, indicator: usize, then: usize, now: usize) -> Option<IndicatorChanges> {
    let a = rank_indicator(ds, indicator, then)?;
    let b = rank_indicator(ds, indicator, now)?;
    let (top_a, bottom_a) = ends(&a);
    let (top_b, bottom_b) = ends(&b);
    let minus = |x: &[usize], y: &[usize]| x.iter().copied().filter(|u| !y.contains(u)).collect::<Vec<_>>();
    // Each district's earlier standing by unit, so comparing is linear in the districts.
    let mut before: Vec<Option<&crate::analysis::rank::Ranked>> = vec![None; ds.units().len()];
    for r in &a.ranked {
        if let Some(slot) = before.get_mut(r.unit) {
            *slot = Some(r);
        }
    }
    let old_of = |u: usize| before.get(u).copied().flatten();
    let mut rose_most: Option<(usize, usize, usize)> = None;
    let mut fell_most: Option<(usize, usize, usize)> = None;
    for r in &b.ranked {
        let Some(old) = old_of(r.unit) else { continue };
        if old.rank > r.rank && rose_most.is_none_or(|(_, k, _)| old.rank - r.rank > k) {
            rose_most = Some((r.unit, old.rank - r.rank, r.rank));
        }
        if r.rank > old.rank && fell_most.is_none_or(|(_, k, _)| r.rank - old.rank > k) {
            fell_most = Some((r.unit, r.rank - old.rank, r.rank));
        }
    }
    let ind = ds.indicators().get(indicator)?;
    let newly_met = match ind.target {
        None => Vec::new(),
        Some(t) => b
            .ranked
            .iter()
            .filter(|r| meets(r.value, t, ind.direction, ind.decimals))
            .filter(|r| old_of(r.unit).is_some_and(|o| !meets(o.value, t, ind.direction, ind.decimals)))
            .map(|r| r.unit)
            .collect(),
    };
    Some(IndicatorChanges {
        entered_top: minus(&top_b, &top_a),
        left_top: minus(&top_a, &top_b),
        entered_bottom: minus(&bottom_b, &bottom_a),
        left_bottom: minus(&bottom_a, &bottom_b),
        rose_most,
        fell_most,
        newly_met,
    })
}

/// How an indicator's state average moved: the mean over districts with a value in both
/// periods (so a district missing in one period does not move the average), and the move in
/// standard deviations between districts in the earlier period, signed so that better is
/// positive, which makes indicators of different units comparable.
#[derive(Clone, Debug, PartialEq)]
pub struct AverageMove {
    pub indicator: usize,
    pub then: f64,
    pub now: f64,
    pub districts: usize,
    pub standardised: f64,
}

pub fn average_move(ds: &Dataset, indicator: usize, then: usize, now: usize) -> Option<AverageMove> {
    let ind = ds.indicators().get(indicator)?;
    let (a, b) = (ds.column(indicator, then)?, ds.column(indicator, now)?);
    let pairs: Vec<(f64, f64)> = a.iter().zip(b).filter_map(|(x, y)| Some((x.as_ref()?.number()?, y.as_ref()?.number()?))).collect();
    if pairs.len() < 2 {
        return None;
    }
    let n = pairs.len() as f64;
    let mean_a = pairs.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_b = pairs.iter().map(|p| p.1).sum::<f64>() / n;
    let sd = (pairs.iter().map(|p| (p.0 - mean_a).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    if sd <= 0.0 || !sd.is_finite() {
        return None;
    }
    // The move as a reader sees it: a mean that displays the same has not moved.
    let shown = round_to(mean_b, ind.decimals) - round_to(mean_a, ind.decimals);
    let sign = match ind.direction {
        Direction::HigherIsBetter => 1.0,
        Direction::LowerIsBetter => -1.0,
    };
    Some(AverageMove { indicator, then: mean_a, now: mean_b, districts: pairs.len(), standardised: sign * shown / sd })
}

/// Every indicator's average move, largest first (by size, better or worse); moves that do not
/// show are left out.
pub fn largest_average_moves(ds: &Dataset, then: usize, now: usize) -> Vec<AverageMove> {
    let mut moves: Vec<AverageMove> = (0..ds.indicators().len()).filter_map(|i| average_move(ds, i, then, now)).filter(|m| m.standardised != 0.0).collect();
    crate::format::order::sort_by(&mut moves, |x, y| y.standardised.abs().total_cmp(&x.standardised.abs()).then(x.indicator.cmp(&y.indicator)));
    moves
}

/// For every indicator with a target, the districts that newly met it.
pub fn targets_newly_met(ds: &Dataset, then: usize, now: usize) -> Vec<(usize, Vec<usize>)> {
    (0..ds.indicators().len())
        .filter(|&i| ds.indicators().get(i).is_some_and(|x| x.target.is_some()))
        .filter_map(|i| Some((i, indicator_changes(ds, i, then, now)?.newly_met)))
        .filter(|(_, units)| !units.is_empty())
        .collect()
}
