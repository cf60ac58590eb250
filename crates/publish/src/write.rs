//! Writes a dataset folder: value files, `all-values.csv` (the download) and a manifest that
//! lists each with its size and SHA-256, so what the manifest promises is exactly what was
//! written. The whole dataset is checked in memory through `core::check` first and nothing is
//! written when it has errors; value files of periods no longer published are removed.
//! `attach_boundaries` lists a boundary file (and its source) in an existing manifest.

use crate::model::{Cell, FileRef, Manifest, ValueFile};
use serde::Serialize;
use std::path::Path;

/// One value file to write: its body, and the indicators it holds when it holds only some.
pub struct ValueFileOut {
    pub indicators: Option<Vec<String>>,
    pub body: ValueFile,
}

/// Serialises compactly with a trailing newline. Every map the format has is a struct with
/// sorted fields or a `BTreeMap`, so the same data always gives the same bytes.
pub fn to_bytes<T: Serialize>(v: &T) -> Result<Vec<u8>, String> {
    let mut out = serde_json::to_vec(v).map_err(|e| e.to_string())?;
    out.push(b'\n');
    Ok(out)
}

/// Pretty-printed with a trailing newline: the manifest is the file publishers read and diff.
fn to_pretty<T: Serialize>(v: &T) -> Result<String, String> {
    Ok(serde_json::to_string_pretty(v).map_err(|e| e.to_string())? + "\n")
}

/// The name of the whole dataset as one long CSV, beside the manifest.
pub const DOWNLOAD: &str = "all-values.csv";

/// Every value of every file as one long CSV (`period,district,indicator,value,flag,gap`), in
/// the files' order: what the About view offers for download. Ids, not names, keep it small;
/// the names are in the manifest and the indicators table.
fn all_values_csv(files: &[ValueFileOut]) -> Vec<u8> {
    let mut out = String::from("period,district,indicator,value,flag,gap\n");
    for f in files {
        let b = &f.body;
        for (indicator, column) in &b.values {
            for (unit, cell) in b.units.iter().zip(column) {
                let (value, flag, gap) = match cell {
                    Cell::Number(v) => (v.to_string(), "", ""),
                    Cell::Detailed { v, flag, .. } => (v.to_string(), flag.as_deref().unwrap_or(""), ""),
                    Cell::Gap { flag, gap } => (String::new(), flag.as_deref().unwrap_or(""), gap.word()),
                };
                // Ids are ASCII without commas (the format's rule), so no field needs quoting.
                out.push_str(&format!("{},{unit},{indicator},{value},{flag},{gap}\n", b.period));
            }
        }
    }
    out.into_bytes()
}

/// Writes the dataset, but only once it passes the viewer's own checks: every file is built in
/// memory and read back through `samiksha_core::check` first (with the boundary file already in
/// the folder, if the manifest keeps one), so a dataset with errors never replaces a good one.
/// Value files of an earlier publication that this one no longer lists are removed.
pub fn write_dataset(dir: &Path, mut manifest: Manifest, files: Vec<ValueFileOut>) -> Result<(), String> {
    let csv = all_values_csv(&files);
    manifest.download = Some(FileRef::of(DOWNLOAD.into(), &csv));
    let mut out: Vec<(String, Vec<u8>)> = vec![(DOWNLOAD.into(), csv)];
    let mut refs = Vec::new();
    for f in files {
        let period = f.body.period.clone();
        let name = match &f.indicators {
            None => format!("values/{period}.json"),
            Some(_) => format!("values/{period}-{}.json", refs.len()),
        };
        let bytes = to_bytes(&f.body)?;
        refs.push(FileRef { period: Some(period), indicators: f.indicators, ..FileRef::of(name.clone(), &bytes) });
        out.push((name, bytes));
    }
    manifest.value_files = refs;
    let manifest_bytes = to_pretty(&manifest)?.into_bytes();
    let (_, problems) = samiksha_core::check::check_dataset("manifest.json", &manifest_bytes, |rel| match out.iter().find(|(p, _)| p == rel) {
        Some((_, b)) => Ok(b.clone()),
        None => std::fs::read(dir.join(rel)).map_err(|e| e.to_string()),
    });
    let errors: Vec<String> = problems.iter().filter(|p| p.severity == samiksha_core::Severity::Error).map(|p| format!("  {p}")).collect();
    if !errors.is_empty() {
        return Err(format!("the dataset would not pass validate, so nothing was written to {}:\n{}", dir.display(), errors.join("\n")));
    }
    let values_dir = dir.join("values");
    std::fs::create_dir_all(&values_dir).map_err(|e| format!("{}: {e}", values_dir.display()))?;
    for (name, bytes) in &out {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    // A period this publication no longer has must not linger beside it.
    if let Ok(entries) = std::fs::read_dir(&values_dir) {
        for e in entries.flatten() {
            let rel = format!("values/{}", e.file_name().to_string_lossy());
            if rel.ends_with(".json") && !out.iter().any(|(p, _)| *p == rel) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let path = dir.join("manifest.json");
    std::fs::write(&path, manifest_bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Lists a boundary file in a manifest (path relative to the manifest, size, SHA-256), keeping
/// the rest of the manifest as it is. The manifest may be anyone's, hand-edited or newer than
/// this tool, so it is read as plain JSON and only the typed `boundaries` entry is replaced;
/// when given, where the polygons come from is added to the sources (once, however often it
/// is run).
pub fn attach_boundaries(manifest: &Path, boundary: &Path, body: &[u8], source: Option<(&str, &str)>) -> Result<(), String> {
    let text = std::fs::read(manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let mut m: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&text).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let dir = manifest.parent().unwrap_or(Path::new("."));
    let rel = boundary
        .strip_prefix(dir)
        .map_err(|_| format!("{} is not inside the manifest's folder {}", boundary.display(), dir.display()))?
        .to_string_lossy()
        .replace('\\', "/");
    let entry = serde_json::to_value(FileRef::of(rel, body)).map_err(|e| e.to_string())?;
    m.insert("boundaries".into(), entry);
    if let Some((en, hi)) = source {
        let sources = m.entry("sources").or_insert_with(|| serde_json::Value::Array(Vec::new()));
        if let Some(list) = sources.as_array_mut() {
            if !list.iter().any(|s| s["name"]["en"] == en) {
                list.push(serde_json::json!({ "name": { "en": en, "hi": hi } }));
            }
        }
    }
    std::fs::write(manifest, to_pretty(&m)?).map_err(|e| format!("{}: {e}", manifest.display()))
}
