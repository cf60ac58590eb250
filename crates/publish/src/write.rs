//! Writes a dataset folder: value files, `all-values.csv` (the download) and a manifest that
//! lists each with its size and SHA-256, so what the manifest promises is exactly what was
//! written. The whole dataset is checked in memory through `core::check` first and nothing is
//! written when it has errors; value files of periods no longer published are removed.
//! `attach_boundaries` lists a boundary file (and its source) in an existing manifest.

use crate::files::Files;
use samiksha_core::format::written::{Cell, FileRef, Manifest, ValueFile};
use serde::Serialize;
use std::path::Path;

/// One value file to write: its body, and the indicators it holds when it holds only some.
pub struct ValueFileOut {
    pub indicators: Option<Vec<String>>,
    pub body: ValueFile,
    /// A file kept from the dataset already published (`import --keep-periods`): its path and
    /// bytes as they are, so its size and hash do not change.
    pub kept: Option<(String, Vec<u8>)>,
}

/// Serialises compactly with a trailing newline. Every map the format has is a struct with
/// sorted fields or a `BTreeMap`, so the same data always gives the same bytes.
pub fn to_bytes<T: Serialize>(v: &T) -> Result<Vec<u8>, String> {
    let mut out = serde_json::to_vec(v).map_err(|e| e.to_string())?;
    out.push(b'\n');
    Ok(out)
}

/// Pretty-printed with a trailing newline: the manifest is the file publishers read and diff.
pub fn to_pretty<T: Serialize>(v: &T) -> Result<String, String> {
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

/// A dataset built in memory: each file's path inside the folder and its bytes, the manifest
/// last; what the command line writes and the publisher page zips.
pub struct Built {
    pub files: Vec<(String, Vec<u8>)>,
}

impl Built {
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.iter().find(|(p, _)| p == path).map(|(_, b)| b.as_slice())
    }
}

/// The Frictionless Data Package beside the dataset: it describes `all-values.csv` and its
/// columns, so the usual open-data tools read the download without knowing Samiksha's format.
pub const DATAPACKAGE: &str = "datapackage.json";

fn datapackage(name: &str, manifest: &Manifest, csv: &[u8]) -> serde_json::Value {
    use serde_json::json;
    let field = |name: &str, kind: &str, en: &str| json!({ "name": name, "type": kind, "description": en });
    // A Frictionless licence needs a `path` (or an Open Definition id, which a free-text
    // licence name is not): without the licence's URL it is said in the description instead.
    let licences: Vec<serde_json::Value> = manifest.licence.url.iter().map(|url| json!({ "title": manifest.licence.name.en, "path": url })).collect();
    let mut description = manifest.description.as_ref().map_or_else(|| manifest.publisher.en.clone(), |d| d.en.clone());
    if licences.is_empty() {
        description = format!("{description} Licence: {}.", manifest.licence.name.en);
    }
    json!({
        "profile": "tabular-data-package",
        "name": name,
        "title": manifest.title.en,
        "description": description,
        "licenses": licences,
        "sources": manifest.sources.iter().map(|s| match &s.url {
            Some(u) => json!({ "title": s.name.en, "path": u }),
            None => json!({ "title": s.name.en }),
        }).collect::<Vec<_>>(),
        "resources": [{
            "name": "all-values",
            "path": DOWNLOAD,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": csv.len(),
            "hash": format!("sha256:{}", samiksha_core::sha256_hex(csv)),
            "schema": {
                "fields": [
                    field("period", "string", "The period's id: YYYY-MM for a month, or a survey round such as nfhs-5 (names in manifest.json)"),
                    field("district", "string", "The district's id (names in manifest.json, units)"),
                    field("indicator", "string", "The indicator's id (names, units and direction in manifest.json, indicators)"),
                    field("value", "number", "The value; empty when there is none (see gap)"),
                    field("flag", "string", "A flag on the value, such as a small sample (meanings in manifest.json, flags)"),
                    field("gap", "string", "Why there is no value: not_reported, suppressed, not_applicable or unit_did_not_exist"),
                ],
                "missingValues": [""],
                "primaryKey": ["period", "district", "indicator"],
            },
        }],
    })
}

/// A data package's name is the dataset's English title in the lower-case letters, digits and
/// hyphens the Frictionless specification allows: it follows from the inputs alone, so the
/// same inputs give the same bytes wherever the folder is written.
fn package_name(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "samiksha-dataset".into()
    } else {
        name.into()
    }
}

/// Builds the dataset in memory, but only once it passes the viewer's own checks: every file
/// is read back through `samiksha_core::format::check` first (with the boundary file already in the
/// folder `dir`, if the manifest keeps one, read through `fs`), so a dataset with errors is
/// never offered for writing.
pub fn build_dataset(fs: &dyn Files, dir: &Path, mut manifest: Manifest, files: Vec<ValueFileOut>) -> Result<Built, String> {
    let csv = all_values_csv(&files);
    manifest.download = Some(FileRef::of(DOWNLOAD.into(), &csv));
    let package = to_pretty(&datapackage(&package_name(&manifest.title.en), &manifest, &csv))?.into_bytes();
    let mut out: Vec<(String, Vec<u8>)> = vec![(DOWNLOAD.into(), csv)];
    let mut refs = Vec::new();
    for f in files {
        let period = f.body.period.clone();
        let (name, bytes) = match (f.kept, &f.indicators) {
            (Some(kept), _) => kept,
            (None, None) => (format!("values/{period}.json"), to_bytes(&f.body)?),
            (None, Some(_)) => (format!("values/{period}-{}.json", refs.len()), to_bytes(&f.body)?),
        };
        refs.push(FileRef { period: Some(period), indicators: f.indicators, ..FileRef::of(name.clone(), &bytes) });
        out.push((name, bytes));
    }
    manifest.value_files = refs;
    let manifest_bytes = to_pretty(&manifest)?.into_bytes();
    let (_, problems) = samiksha_core::format::check::check_dataset("manifest.json", &manifest_bytes, |rel| match out.iter().find(|(p, _)| p == rel) {
        Some((_, b)) => Ok(b.clone()),
        None => fs.read(&dir.join(rel)),
    });
    let errors: Vec<String> = problems.iter().filter(|p| p.severity == samiksha_core::Severity::Error).map(|p| format!("  {p}")).collect();
    if !errors.is_empty() {
        return Err(format!("the dataset would not pass validate, so nothing was written to {}:\n{}", dir.display(), errors.join("\n")));
    }
    out.push((DATAPACKAGE.into(), package));
    out.push(("manifest.json".into(), manifest_bytes));
    Ok(Built { files: out })
}

/// Writes a built dataset into `dir` on the disk; value files of an earlier publication that
/// this one no longer lists are removed, so a period no longer published does not linger.
pub fn to_disk(dir: &Path, built: &Built) -> Result<(), String> {
    let values_dir = dir.join("values");
    std::fs::create_dir_all(&values_dir).map_err(|e| format!("{}: {e}", values_dir.display()))?;
    // The manifest comes last in `built`, so a failure part-way leaves the old manifest naming
    // the old files.
    for (name, bytes) in &built.files {
        let path = dir.join(name);
        if name == "manifest.json" {
            if let Ok(entries) = std::fs::read_dir(&values_dir) {
                for e in entries.flatten() {
                    let rel = format!("values/{}", e.file_name().to_string_lossy());
                    if rel.ends_with(".json") && built.get(&rel).is_none() {
                        let _ = std::fs::remove_file(e.path());
                    }
                }
            }
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Builds and writes (the sample generator's path: its files come from the disk).
pub fn write_dataset(dir: &Path, manifest: Manifest, files: Vec<ValueFileOut>) -> Result<(), String> {
    to_disk(dir, &build_dataset(&crate::files::Disk, dir, manifest, files)?)
}

/// Lists a boundary file in a manifest (path `rel`, relative to the manifest, with its size
/// and SHA-256), keeping the rest of the manifest as it is, and returns the new manifest. The
/// manifest may be anyone's, hand-edited or newer than this tool, so it is read as plain JSON
/// and only the typed `boundaries` entry is replaced; when given, where the polygons come from
/// is added to the sources (once, however often it is run).
pub fn attach_boundaries(manifest_name: &str, manifest: &[u8], rel: &str, body: &[u8], source: Option<(&str, &str)>) -> Result<Vec<u8>, String> {
    let mut m: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(manifest).map_err(|e| format!("{manifest_name}: {e}"))?;
    let entry = serde_json::to_value(FileRef::of(rel.to_string(), body)).map_err(|e| e.to_string())?;
    m.insert("boundaries".into(), entry);
    if let Some((en, hi)) = source {
        let sources = m.entry("sources").or_insert_with(|| serde_json::Value::Array(Vec::new()));
        if let Some(list) = sources.as_array_mut() {
            if !list.iter().any(|s| s["name"]["en"] == en) {
                list.push(serde_json::json!({ "name": { "en": en, "hi": hi } }));
            }
        }
    }
    Ok(to_pretty(&m)?.into_bytes())
}

/// The boundary file's path relative to the manifest's folder, with `/` separators.
pub fn relative_to_manifest(manifest: &Path, boundary: &Path) -> Result<String, String> {
    let dir = manifest.parent().unwrap_or(Path::new("."));
    boundary
        .strip_prefix(dir)
        .map(|r| r.to_string_lossy().replace('\\', "/"))
        .map_err(|_| format!("{} is not inside the manifest's folder {}", boundary.display(), dir.display()))
}
