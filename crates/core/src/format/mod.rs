//! The format layer: reading and checking the published files, and nothing above them. It
//! knows ids and paths ([`walk`]), problems ([`problem`]), the manifest, value files, the
//! catalogue and the boundary file, whole-dataset checking ([`check`]) and the loaded
//! [`dataset::Dataset`], which only stores what arrived, and the written form the publisher
//! writes through. Nothing here ranks, words or draws.
//!
//! - [`text`]: languages and bilingual text, the one type every layer shares.
//! - [`walk`]: the JSON walker that records every problem with its path; the id rule.
//! - [`problem`]: what is wrong, where, and how severe.
//! - [`manifest`], [`values`], [`catalog`], [`geo`]: one reader per published file.
//! - [`check`]: the manifest and every file it lists, through a caller's loader.
//! - [`written`]: the format as it is written, the types the publisher writes through.
//! - [`order`]: the one stable sort every layer uses, compiled once.
//! - [`dataset`]: the manifest plus the value files that have arrived, and a memo of what
//!   other layers derive from them.

pub mod catalog;
pub mod check;
pub mod dataset;
pub mod geo;
pub mod manifest;
pub mod order;
pub mod problem;
pub mod text;
pub mod values;
pub(crate) mod walk;
pub mod written;

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
