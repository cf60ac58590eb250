//! `validate`: reads a dataset folder from disk and prints every problem with a summary.

use samiksha_core::format::check::check_dataset;
use samiksha_core::format::problem::{error_count, Severity};
use std::path::Path;
use std::process::ExitCode;

/// Reads a file for the checker, turning every I/O failure into a sentence.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_dir() {
        return Err(format!("{} is a folder; expected a file", path.display()));
    }
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn run(manifest: &Path) -> ExitCode {
    let dir = manifest.parent().unwrap_or(Path::new("."));
    let name = manifest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| manifest.display().to_string());
    let (dataset, problems) = match read_file(manifest) {
        Ok(bytes) => {
            let mut files = 0usize;
            let (ds, problems) = check_dataset(&name, &bytes, |rel| {
                files += 1;
                read_file(&dir.join(rel))
            });
            (ds.map(|d| (d, files)), problems)
        }
        Err(reason) => (None, vec![samiksha_core::format::check::unreadable(&name, reason)]),
    };
    for p in &problems {
        println!("{p}");
    }
    let errors = error_count(&problems);
    let warnings = problems.iter().filter(|p| p.severity == Severity::Warning).count();
    match &dataset {
        Some((ds, files)) => println!(
            "checked {name} and {files} listed files: {} districts, {} indicators, {} periods; {errors} errors, {warnings} warnings",
            ds.units().len(),
            ds.indicators().len(),
            ds.periods().len()
        ),
        None => println!("{name} could not be used: {errors} errors, {warnings} warnings"),
    }
    if errors == 0 && dataset.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
