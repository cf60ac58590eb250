//! Map colouring as data: for one ranked table and classification method, each district's
//! class and colours, and the tidied classes the legend reads. Both maps draw from this, so the
//! geographic and the tile map always agree, and recolouring never touches geometry.

use crate::analysis::classify::{classify, Classes, Method};
use crate::analysis::review::Table;
use crate::format::manifest::Direction;

#[derive(Clone, Debug, PartialEq)]
pub struct UnitPaint {
    /// `None` where the district has no value: drawn with the no-data pattern.
    pub colours: Option<(&'static str, &'static str)>,
    pub class: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Paint {
    pub method: Method,
    /// Tidied: every class holds a district (see [`Classes::tidy`]).
    pub classes: Option<Classes>,
    /// By unit index.
    pub units: Vec<UnitPaint>,
    /// Districts per class, by value order.
    pub counts: Vec<usize>,
    pub no_data: usize,
}

/// Colours for the ranked districts of `table` over `units` districts.
pub fn paint_table(table: &Table, units: usize, method: Method, target: Option<f64>, direction: Direction, decimals: u8) -> Paint {
    paint_over(table, units, method, target, direction, decimals, None)
}

/// Colours for `table` from classes drawn over `pool` (every period's values) when given, so a
/// colour means the same range in every period; a class may then hold no district this period.
pub fn paint_over(table: &Table, units: usize, method: Method, target: Option<f64>, direction: Direction, decimals: u8, pool: Option<&[f64]>) -> Paint {
    let values: Vec<f64> = table.rows.iter().map(|r| r.value).collect();
    let basis = pool.filter(|p| !p.is_empty()).unwrap_or(&values);
    let classes = classify(basis, method, target, direction).map(|c| c.tidy(basis, decimals));
    let mut out = vec![UnitPaint { colours: None, class: None }; units];
    for r in &table.rows {
        if let (Some(c), Some(slot)) = (&classes, out.get_mut(r.unit)) {
            let k = c.value_class(r.value);
            *slot = UnitPaint { colours: Some(c.colours(k)), class: Some(k) };
        }
    }
    let counts = classes.as_ref().map(|c| c.counts(&values)).unwrap_or_default();
    let no_data = out.iter().filter(|p| p.colours.is_none()).count();
    Paint { method, classes, units: out, counts, no_data }
}
