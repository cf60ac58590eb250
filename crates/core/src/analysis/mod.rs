//! The analysis layer: judgements computed from a loaded dataset that the presentation layer
//! words and the views lay out. It knows nothing of languages or the browser.
//!
//! - [`track`]: whether a district will meet a target with a deadline at its present pace.
//! - [`followup`]: what became of the districts a review named, by the next period shown.
//! - [`changes`]: what moved between two periods (top and bottom three, movers, averages,
//!   targets newly met).

pub mod changes;
pub mod followup;
pub mod track;
