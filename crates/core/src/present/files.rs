//! What a view says about the dataset's files themselves: which could not be used at all (not
//! what was published, an error status, not JSON, ambiguous), named in the view rather than
//! only in the collapsed problems panel, and whether the dataset's files carry no hashes.

use crate::format::dataset::Dataset;
use crate::format::problem::{Problem, ProblemKind, Severity};
use crate::format::text::Lang;
use crate::present::i18n::Msg;

/// One sentence per data file that was refused as a whole, in the order first reported; the
/// manifest's own problems are the problems panel's, not these.
pub fn refused_files(problems: &[Problem], lang: Lang) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    problems
        .iter()
        .filter(|p| p.severity == Severity::Error && p.file != "manifest.json" && (p.path == "$" || matches!(p.kind, ProblemKind::DuplicateKey { .. })))
        .filter(|p| seen.insert(p.file.clone()))
        .map(|p| match p.kind {
            ProblemKind::HashMismatch { .. } | ProblemKind::SizeMismatch { .. } => Msg::FileNotAsPublished.fill(lang, &[("file", &p.file)]),
            _ => Msg::FileProblem.fill(lang, &[("file", &p.file), ("problem", &p.kind.text(lang))]),
        })
        .collect()
}

/// Whether any value file is listed without a SHA-256, so what arrives cannot be checked
/// against what was published.
pub fn unverified(ds: &Dataset) -> bool {
    ds.manifest.value_files.iter().any(|f| f.sha256.is_none())
}
