//! Samiksha's domain layer: the dataset format and its validation, ranking and the composite
//! index, map classification, colouring and geometry, number formatting, the URL contract and
//! every interface string.
//!
//! Nothing in this crate touches the browser, the file system or the network: callers hand it
//! bytes and get back values and problems. Nothing here panics on bad data; every problem names
//! the file, the JSON path and what was expected (see [`problem`]).

pub mod analysis;
pub mod catalog;
pub mod check;
pub mod classify;
pub mod composite;
pub mod csvout;
pub mod dataset;
pub mod doc;
pub mod geo;
pub mod i18n;
pub mod manifest;
pub mod numfmt;
pub mod paint;
pub mod present;
pub mod problem;
pub mod rank;
pub mod review;
pub mod route;
pub mod synth;
pub mod text;
pub mod tiles;
pub mod values;
mod walk;

pub use dataset::Dataset;
pub use problem::{Problem, ProblemKind, ReadFailure, Severity};
pub use text::{Bilingual, Lang};

/// The only format version this build reads. A manifest that names another is refused with a
/// clear message instead of being read wrongly.
pub const FORMAT: &str = "samiksha/1";

/// Hex SHA-256 of a file's bytes, as the manifest records it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}
