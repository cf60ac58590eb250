//! Samiksha's domain layer, in layers that only look down:
//!
//! - [`format`]: reading and checking the published files (manifest, value files, catalogue,
//!   boundary file) and the loaded [`Dataset`], which only stores what arrived;
//! - [`analysis`]: rounding, ranking, the composite index, the review table, map classes and
//!   colours, tiles, targets, follow-up and changes: judgements, with no language in them;
//! - [`route`]: the URL contract, the view state every deep link carries;
//! - [`present`]: every word and figure a reader sees: messages, number formatting, CSV, the
//!   methodology reader and each view's model.
//!
//! `synth` (synthetic datasets for benchmarks and tests) is built only with the `synth`
//! feature. `tests/layers.rs` checks that no module imports from a layer above its own and
//! that the modules import one another without a cycle.
//!
//! Nothing in this crate touches the browser, the file system or the network: callers hand it
//! bytes and get back values and problems. Nothing here panics on bad data; every problem names
//! the file, the JSON path and what was expected (see [`format::problem`]).

pub mod analysis;
pub mod format;
pub mod present;
pub mod route;
#[cfg(feature = "synth")]
pub mod synth;

pub use format::dataset::Dataset;
pub use format::problem::{Problem, ProblemKind, ReadFailure, Severity};
pub use format::text::{Bilingual, Lang};
pub use format::{sha256_hex, FORMAT};
