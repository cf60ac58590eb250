//! `catalog`: adds a dataset to the site's `data/catalog.json` (see `samiksha_core::catalog`),
//! or updates its entry, taking the title from the dataset's manifest.

use crate::cli::CatalogArgs;
use samiksha_core::catalog::{parse_catalog, CATALOG_FORMAT};
use samiksha_core::manifest::parse_manifest;
use serde_json::json;
use std::path::Path;

pub fn add(a: &CatalogArgs) -> Result<String, String> {
    if !samiksha_core::manifest::is_valid_id(&a.id) {
        return Err(format!("--id \"{}\": expected lower-case letters, digits and hyphens, e.g. nfhs-mp", a.id));
    }
    let bytes = std::fs::read(&a.manifest).map_err(|e| format!("{}: {e}", a.manifest.display()))?;
    let (manifest, problems) = parse_manifest(&a.manifest.display().to_string(), &bytes);
    let Some(manifest) = manifest else {
        let first = problems.first().map(|p| p.to_string()).unwrap_or_default();
        return Err(format!("{} is not a usable manifest ({first}); run `samiksha-publish validate` on it", a.manifest.display()));
    };
    let base = a.catalog.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let dir = a.manifest.parent().unwrap_or(Path::new("."));
    let folder = dir
        .canonicalize()
        .ok()
        .zip(base.canonicalize().ok())
        .and_then(|(d, b)| d.strip_prefix(&b).ok().map(|r| r.to_string_lossy().replace('\\', "/")))
        .filter(|r| !r.is_empty())
        .ok_or_else(|| format!("{} is not in a folder inside the catalogue's folder {}", a.manifest.display(), base.display()))?;
    if !samiksha_core::catalog::folder_ok(&folder) {
        return Err(format!(
            "{}: the dataset's folder \"{folder}\" must sit directly in the catalogue's folder and be named like an id (lower-case letters, digits and hyphens)",
            a.manifest.display()
        ));
    }
    let entry = json!({ "folder": format!("{folder}/"), "id": a.id, "title": { "en": manifest.title.en, "hi": manifest.title.hi } });

    let mut datasets: Vec<serde_json::Value> = match std::fs::read(&a.catalog) {
        Ok(text) => {
            // Read through the viewer's own reader first, so a catalogue it would refuse is not
            // silently rewritten.
            let (_, problems) = parse_catalog(&a.catalog.display().to_string(), &text);
            if let Some(p) = problems.first() {
                return Err(format!(
                    "{} {}: {}; fix the catalogue first (its format is {CATALOG_FORMAT})",
                    p.file,
                    p.path,
                    p.kind.text(samiksha_core::Lang::En)
                ));
            }
            let v: serde_json::Value = serde_json::from_slice(&text).map_err(|e| format!("{}: {e}", a.catalog.display()))?;
            v["datasets"].as_array().cloned().unwrap_or_default()
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(format!("{}: {e}", a.catalog.display())),
    };
    let at = datasets.iter().position(|d| d["id"] == a.id.as_str());
    let verb = if at.is_some() { "updated" } else { "added" };
    match at {
        Some(i) if !a.first => datasets[i] = entry,
        Some(i) => {
            datasets.remove(i);
            datasets.insert(0, entry);
        }
        None if a.first => datasets.insert(0, entry),
        None => datasets.push(entry),
    }
    let out = serde_json::to_string_pretty(&json!({ "datasets": datasets, "format": CATALOG_FORMAT })).map_err(|e| e.to_string())? + "\n";
    // Read back through the viewer's reader: what it would refuse is not written.
    if let Some(p) = parse_catalog(&a.catalog.display().to_string(), out.as_bytes()).1.first() {
        return Err(format!("the catalogue would not be readable ({} {}: {}); nothing was written", p.file, p.path, p.kind.text(samiksha_core::Lang::En)));
    }
    std::fs::write(&a.catalog, out).map_err(|e| format!("{}: {e}", a.catalog.display()))?;
    let ids: Vec<String> = datasets.iter().filter_map(|d| d["id"].as_str().map(str::to_string)).collect();
    Ok(format!("{verb} \"{}\" ({folder}/) in {}; the catalogue lists {} (the first is the default)", a.id, a.catalog.display(), ids.join(", ")))
}
