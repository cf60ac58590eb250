//! Whole-dataset checking: the manifest and every file it lists, read through a caller's loader.
//!
//! The loader is the only I/O, so the CLI passes a file reader, the browser benchmark passes
//! bytes it fetched, and tests pass a map of in-memory files.

use crate::format::dataset::{integrity_problems, Dataset};
use crate::format::manifest::parse_manifest;
use crate::format::problem::{Problem, ProblemKind, ReadFailure, Severity};

/// Reads the manifest and then every value file it lists (and checks the integrity of the
/// boundary file and of the download). Returns the dataset, if the manifest was usable, and every problem found.
pub fn check_dataset(manifest_name: &str, manifest_bytes: &[u8], mut load: impl FnMut(&str) -> Result<Vec<u8>, String>) -> (Option<Dataset>, Vec<Problem>) {
    let (manifest, mut problems) = parse_manifest(manifest_name, manifest_bytes);
    let Some(manifest) = manifest else { return (None, problems) };
    let mut ds = Dataset::new(manifest);
    let files = ds.manifest.value_files.clone();
    for f in &files {
        match load(&f.path) {
            Ok(bytes) => problems.extend(ds.add_value_file(f, &bytes)),
            Err(reason) => problems.push(unreadable(&f.path, reason)),
        }
    }
    // An indicator no file gives a value of is listed but empty everywhere: a publishing slip
    // (a column left out of the workbook) the publisher should hear of.
    // (Not when a value file was refused: that is already said, and may be why.)
    let refused = problems.iter().any(|p| p.severity == Severity::Error && p.path == "$" && files.iter().any(|f| f.path == p.file));
    for (i, ind) in ds.indicators().iter().enumerate() {
        let kind = ProblemKind::IndicatorWithoutValues { id: ind.id.clone() };
        // The manifest's own check already said so where the files list their indicators.
        let said = problems.iter().any(|p| p.kind == kind);
        if !refused && !said && !files.is_empty() && (0..ds.periods().len()).all(|p| ds.column(i, p).is_none()) {
            problems.push(Problem { severity: Severity::Warning, file: manifest_name.to_string(), path: format!("$.indicators[{i}]"), kind });
        }
    }
    if let Some(b) = ds.manifest.boundaries.clone() {
        match load(&b.path) {
            Ok(bytes) => {
                problems.extend(integrity_problems(&b, &bytes));
                problems.extend(boundary_coverage(&ds, &b.path, &bytes));
            }
            Err(reason) => problems.push(Problem { severity: Severity::Warning, ..unreadable(&b.path, reason) }),
        }
    }
    // The download is never read by the viewer, but a public link to a file that differs from
    // what the manifest promises is still a publishing error.
    if let Some(d) = ds.manifest.download.clone() {
        match load(&d.path) {
            Ok(bytes) => problems.extend(integrity_problems(&d, &bytes)),
            Err(reason) => problems.push(unreadable(&d.path, reason)),
        }
    }
    (Some(ds), problems)
}

/// The boundary file read against the manifest: its own problems (a polygon naming no district
/// is already one), and a warning for every district without a polygon, saying whether its
/// lineage places it within another district's polygon or leaves it off the map. Warnings, not
/// errors: `boundaries` already refused a file that leaves a district off the map unless the
/// publisher said the omission is deliberate (`--allow-unmatched`).
fn boundary_coverage(ds: &Dataset, file: &str, bytes: &[u8]) -> Vec<Problem> {
    let (geo, mut problems) = crate::format::geo::parse_boundaries(file, bytes, &ds.manifest);
    let Some(geo) = geo else { return problems };
    let units = ds.units();
    let warn = |kind| Problem { severity: Severity::Warning, file: file.to_string(), path: "$.units".into(), kind };
    for wp in &geo.within_parent {
        problems.push(warn(ProblemKind::NoPolygon { unit: units[wp.unit].slug.clone(), within: Some(units[wp.parent].slug.clone()) }));
    }
    for &u in &geo.missing {
        problems.push(warn(ProblemKind::NoPolygon { unit: units[u].slug.clone(), within: None }));
    }
    problems
}

pub fn unreadable(file: &str, reason: impl Into<ReadFailure>) -> Problem {
    Problem { severity: Severity::Error, file: file.to_string(), path: "$".into(), kind: ProblemKind::Unreadable { reason: reason.into() } }
}
