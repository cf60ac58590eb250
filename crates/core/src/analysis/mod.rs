//! The analysis layer: judgements computed from a loaded dataset that the presentation layer
//! words and the views lay out. It reads the format layer and knows nothing of languages,
//! messages or the browser.
//!
//! - [`rounding`]: the one rounding rule behind every comparison and every figure shown.
//! - [`rank`]: competition ranking ("1, 2, 2, 4") on rounded values.
//! - [`composite`]: the composite index and its per-period cache (kept in the dataset's memo).
//! - [`review`]: the review table of a subject and period: ranks, changes, improvements.
//! - [`classify`], [`paint`]: map classes and each district's colour, as data.
//! - [`tiles`]: the tile-grid layout.
//! - [`track`]: whether a district will meet a target with a deadline at its present pace.
//! - [`followup`]: what became of the districts a review named, by the next period shown.
//! - [`changes`]: what moved between two periods (top and bottom three, movers, averages,
//!   targets newly met).

pub mod changes;
pub mod classify;
pub mod composite;
pub mod followup;
pub mod paint;
pub mod rank;
pub mod review;
pub mod rounding;
pub mod tiles;
pub mod track;
