//! What a review shows for one indicator and period: each district's rank and value, and how
//! both changed since the previous period. Built here so views only lay it out.

use crate::analysis::rank::{rank_indicator, round_to, Ranking};
use crate::format::dataset::Dataset;
use crate::format::manifest::Direction;
use crate::format::values::GapReason;

/// Whether a change moved a district towards the better end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Better,
    Worse,
    Same,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Value now minus value then, at the published precision.
    pub value_delta: f64,
    /// Positive when the district climbed (rank number fell).
    pub rank_delta: Option<i64>,
    pub trend: Trend,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub unit: usize,
    pub rank: usize,
    pub tied: bool,
    pub value: f64,
    pub flag: Option<String>,
    pub change: Option<Change>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// Best first.
    pub rows: Vec<Row>,
    pub unranked: Vec<(usize, GapReason)>,
    /// How many districts hold a rank; "rank 4 of N".
    pub ranked_count: usize,
    /// Mean of the districts' values (unweighted), if any.
    pub mean: Option<f64>,
}

impl Table {
    pub fn row(&self, unit: usize) -> Option<&Row> {
        self.rows.iter().find(|r| r.unit == unit)
    }
    pub fn top(&self, n: usize) -> &[Row] {
        &self.rows[..n.min(self.rows.len())]
    }
    pub fn bottom(&self, n: usize) -> &[Row] {
        &self.rows[self.rows.len() - n.min(self.rows.len())..]
    }
}

/// The review table for one indicator and period; `None` if that period's values are not loaded.
pub fn review_table(ds: &Dataset, indicator: usize, period: usize) -> Option<Table> {
    let ind = ds.indicators().get(indicator)?;
    let now = rank_indicator(ds, indicator, period)?;
    let before: Option<Ranking> = ds.previous_period(period).and_then(|p| rank_indicator(ds, indicator, p));
    let flag = |u: usize| ds.observation(indicator, period, u).and_then(|o| o.flag().map(str::to_string));
    Some(table_from(&now, before.as_ref(), ind.direction, ind.decimals, flag))
}

/// The review table of the composite index, with change since the previous period's composite.
pub fn composite_table(ds: &Dataset, period: usize) -> Option<(Table, std::sync::Arc<crate::analysis::composite::Composite>)> {
    use crate::analysis::composite::{composite_of, Weighting};
    let now = composite_of(ds, period, Weighting::Published)?;
    let before = ds.previous_period(period).and_then(|p| composite_of(ds, p, Weighting::Published));
    let table = table_from(&now.ranking, before.as_ref().map(|b| &b.ranking), Direction::HigherIsBetter, 1, |_| None);
    Some((table, now))
}

fn table_from(now: &Ranking, before: Option<&Ranking>, direction: Direction, decimals: u8, flag: impl Fn(usize) -> Option<String>) -> Table {
    let rows: Vec<Row> = now
        .ranked
        .iter()
        .map(|r| {
            let change = before.as_ref().and_then(|b| b.rank_of(r.unit)).map(|prev| {
                // The change between the values as shown, so it agrees with what a reader subtracts.
                let value_delta = round_to(round_to(r.value, decimals) - round_to(prev.value, decimals), decimals);
                let trend = if value_delta == 0.0 {
                    Trend::Same
                } else if (value_delta > 0.0) == (direction == Direction::HigherIsBetter) {
                    Trend::Better
                } else {
                    Trend::Worse
                };
                Change { value_delta, rank_delta: Some(prev.rank as i64 - r.rank as i64), trend }
            });
            Row { unit: r.unit, rank: r.rank, tied: r.tied, value: r.value, flag: flag(r.unit), change }
        })
        .collect();
    let mean = (!rows.is_empty()).then(|| rows.iter().map(|r| r.value).sum::<f64>() / rows.len() as f64);
    Table { ranked_count: rows.len(), rows, unranked: now.unranked.iter().map(|u| (u.unit, u.reason)).collect(), mean }
}

/// Columns a ranking table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Rank,
    District,
    Division,
    Value,
    Change,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [SortKey::Rank, SortKey::District, SortKey::Division, SortKey::Value, SortKey::Change];
    /// The word the URL uses.
    pub fn word(self) -> &'static str {
        match self {
            SortKey::Rank => "rank",
            SortKey::District => "district",
            SortKey::Division => "division",
            SortKey::Value => "value",
            SortKey::Change => "change",
        }
    }
    pub fn from_word(w: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.word() == w)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Order {
    Ascending,
    Descending,
}

/// Which rows to show, in which order: rows whose district name contains `query` (any case, in
/// either language's name given in `names`) and that lie in `division`, sorted by `key`.
/// Returns indices into `table.rows`; equal keys keep rank order.
pub fn filter_sort(table: &Table, names: &[String], divisions: &[String], query: &str, division: Option<&str>, key: SortKey, order: Order) -> Vec<usize> {
    let q = query.trim().to_lowercase();
    let mut idx: Vec<usize> = (0..table.rows.len())
        .filter(|&i| {
            let u = table.rows[i].unit;
            (q.is_empty() || names.get(u).is_some_and(|n| n.to_lowercase().contains(&q))) && division.is_none_or(|d| divisions.get(u).is_some_and(|x| x == d))
        })
        .collect();
    let change = |r: &Row| r.change.as_ref().and_then(|c| c.rank_delta).unwrap_or(0);
    crate::format::order::sort_by(&mut idx, |&a, &b| {
        let (ra, rb) = (&table.rows[a], &table.rows[b]);
        let ord = match key {
            SortKey::Rank => ra.rank.cmp(&rb.rank),
            SortKey::District => names.get(ra.unit).cmp(&names.get(rb.unit)),
            SortKey::Division => divisions.get(ra.unit).cmp(&divisions.get(rb.unit)),
            SortKey::Value => ra.value.total_cmp(&rb.value),
            SortKey::Change => change(ra).cmp(&change(rb)),
        };
        let ord = if order == Order::Descending { ord.reverse() } else { ord };
        ord.then(ra.rank.cmp(&rb.rank))
    });
    idx
}

/// A district's improvement between two periods, direction-aware (positive is better).
#[derive(Clone, Debug, PartialEq)]
pub struct Improvement {
    pub unit: usize,
    pub then: f64,
    pub now: f64,
    /// now − then, signed so that a positive number is an improvement.
    pub gain: f64,
    pub rank: usize,
    pub tied: bool,
}

/// Ranks districts by how much they improved from `earlier` to `period`; districts without a
/// value in either period are left out. Values are compared at `decimals` places.
pub fn improvement_ranking(then: &[Option<f64>], now: &[Option<f64>], direction: Direction, decimals: u8) -> Vec<Improvement> {
    let gains: Vec<(usize, f64, f64, f64)> = then
        .iter()
        .zip(now)
        .enumerate()
        .filter_map(|(u, (a, b))| {
            let (a, b) = ((*a)?, (*b)?);
            let d = round_to(round_to(b, decimals) - round_to(a, decimals), decimals);
            Some((u, a, b, if direction == Direction::HigherIsBetter { d } else { -d }))
        })
        .collect();
    let readings: Vec<(usize, Option<crate::format::values::Reading>)> =
        gains.iter().map(|g| (g.0, Some(crate::format::values::Reading::Number(g.3)))).collect();
    let ranked = crate::analysis::rank::rank_readings(&readings, Direction::HigherIsBetter, decimals);
    ranked
        .ranked
        .iter()
        .map(|r| {
            let g = gains.iter().find(|g| g.0 == r.unit).copied().unwrap_or((r.unit, 0.0, 0.0, 0.0));
            Improvement { unit: r.unit, then: g.1, now: g.2, gain: round_to(g.3, decimals), rank: r.rank, tied: r.tied }
        })
        .collect()
}

/// Values of one indicator in one period by unit; `None` where not loaded or a gap.
pub fn column_values(ds: &Dataset, indicator: usize, period: usize) -> Option<Vec<Option<f64>>> {
    let col = ds.column(indicator, period)?;
    Some(col.iter().map(|o| o.as_ref().and_then(|o| o.number())).collect())
}

/// One division's figures: the mean of its districts' values and its rank among divisions.
#[derive(Clone, Debug, PartialEq)]
pub struct DivisionRow {
    pub division: usize,
    pub mean: f64,
    pub districts: usize,
    pub rank: usize,
}

/// Division aggregates (unweighted mean of district values) ranked direction-aware, and each
/// district's rank within its division.
pub fn divisions(ds: &Dataset, values: &[Option<f64>], direction: Direction, decimals: u8) -> (Vec<DivisionRow>, Vec<Option<usize>>) {
    let m = &ds.manifest;
    let means: Vec<(usize, f64, usize)> = m
        .divisions
        .iter()
        .enumerate()
        .filter_map(|(d, div)| {
            let v: Vec<f64> = m.units.iter().enumerate().filter(|(_, u)| u.division == div.id).filter_map(|(u, _)| values.get(u).copied().flatten()).collect();
            (!v.is_empty()).then(|| (d, v.iter().sum::<f64>() / v.len() as f64, v.len()))
        })
        .collect();
    let readings: Vec<(usize, Option<crate::format::values::Reading>)> =
        means.iter().map(|x| (x.0, Some(crate::format::values::Reading::Number(x.1)))).collect();
    let ranked = crate::analysis::rank::rank_readings(&readings, direction, decimals);
    let rows = ranked
        .ranked
        .iter()
        .map(|r| {
            let x = means.iter().find(|x| x.0 == r.unit).copied().unwrap_or((r.unit, 0.0, 0));
            DivisionRow { division: x.0, mean: x.1, districts: x.2, rank: r.rank }
        })
        .collect();
    let mut within = vec![None; m.units.len()];
    for div in &m.divisions {
        let members: Vec<(usize, Option<crate::format::values::Reading>)> = m
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.division == div.id)
            .map(|(u, _)| (u, values.get(u).copied().flatten().map(crate::format::values::Reading::Number)))
            .collect();
        for r in crate::analysis::rank::rank_readings(&members, direction, decimals).ranked {
            within[r.unit] = Some(r.rank);
        }
    }
    (rows, within)
}
