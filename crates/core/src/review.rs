//! What a review shows for one indicator and period: each district's rank and value, and how
//! both changed since the previous period. Built here so views only lay it out.

use crate::dataset::Dataset;
use crate::manifest::Direction;
use crate::rank::{rank_indicator, round_to, Ranking};
use crate::values::GapReason;

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
    let rows: Vec<Row> = now
        .ranked
        .iter()
        .map(|r| {
            let change = before.as_ref().and_then(|b| b.rank_of(r.unit)).map(|prev| {
                let value_delta = round_to(r.value - prev.value, ind.decimals);
                let trend = if value_delta == 0.0 {
                    Trend::Same
                } else if (value_delta > 0.0) == (ind.direction == Direction::HigherIsBetter) {
                    Trend::Better
                } else {
                    Trend::Worse
                };
                Change { value_delta, rank_delta: Some(prev.rank as i64 - r.rank as i64), trend }
            });
            let flag = ds.observation(indicator, period, r.unit).and_then(|o| o.flag().map(str::to_string));
            Row { unit: r.unit, rank: r.rank, tied: r.tied, value: r.value, flag, change }
        })
        .collect();
    let mean = (!rows.is_empty()).then(|| rows.iter().map(|r| r.value).sum::<f64>() / rows.len() as f64);
    Some(Table {
        ranked_count: rows.len(),
        rows,
        unranked: now.unranked.iter().map(|u| (u.unit, u.reason)).collect(),
        mean,
    })
}
