//! Map colouring as data: for one indicator, period and classification method, each district's
//! class, colours, value and rank, and the legend's counts. Both maps draw from this, so the
//! geographic and the tile map always agree, and recolouring never touches geometry.

use crate::classify::{classify, Classes, Method};
use crate::dataset::Dataset;
use crate::review::{review_table, Table};
use crate::values::GapReason;

#[derive(Clone, Debug, PartialEq)]
pub struct UnitPaint {
    /// `None` where the district has no value: drawn with the no-data pattern.
    pub colours: Option<(&'static str, &'static str)>,
    pub class: Option<usize>,
    pub value: Option<f64>,
    pub rank: Option<usize>,
    pub gap: Option<GapReason>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Paint {
    pub method: Method,
    pub classes: Option<Classes>,
    /// By unit index.
    pub units: Vec<UnitPaint>,
    /// Districts per class, by value order.
    pub counts: Vec<usize>,
    pub no_data: usize,
    pub table: Table,
}

pub fn paint(ds: &Dataset, indicator: usize, period: usize, method: Method) -> Option<Paint> {
    let ind = ds.indicators().get(indicator)?;
    let table = review_table(ds, indicator, period)?;
    let values: Vec<f64> = table.rows.iter().map(|r| r.value).collect();
    let classes = classify(&values, method, ind.target, ind.direction);
    let mut counts = vec![0; classes.as_ref().map_or(0, |c| c.count())];
    let units: Vec<UnitPaint> = (0..ds.units().len())
        .map(|u| match (table.row(u), &classes) {
            (Some(r), Some(c)) => {
                let k = c.value_class(r.value);
                counts[k] += 1;
                UnitPaint { colours: Some(c.colours(k)), class: Some(k), value: Some(r.value), rank: Some(r.rank), gap: None }
            }
            _ => {
                let gap = table.unranked.iter().find(|x| x.0 == u).map(|x| x.1).unwrap_or(GapReason::NotReported);
                UnitPaint { colours: None, class: None, value: None, rank: None, gap: Some(gap) }
            }
        })
        .collect();
    let no_data = units.iter().filter(|p| p.colours.is_none()).count();
    Some(Paint { method, classes, units, counts, no_data, table })
}
