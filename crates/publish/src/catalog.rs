//! `catalog`: adds a dataset to the site's `data/catalog.json` (see `samiksha_core::format::catalog`),
//! or updates its entry, taking the title from the dataset's manifest.

use crate::cli::CatalogArgs;
use samiksha_core::format::catalog::{parse_catalog, CATALOG_FORMAT};
use samiksha_core::format::manifest::parse_manifest;
use serde_json::json;
use std::path::Path;

pub fn add(a: &CatalogArgs) -> Result<String, String> {
    if !samiksha_core::format::manifest::is_valid_id(&a.id) {
        return Err(format!("--id \"{}\": expected lower-case letters, digits and hyphens, e.g. nfhs-mp", a.id));
    }
    let bytes = std::fs::read(&a.manifest).map_err(|e| format!("{}: {e}", a.manifest.display()))?;
    let base = a.catalog.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let dir = a.manifest.parent().unwrap_or(Path::new("."));
    let folder = dir
        .canonicalize()
        .ok()
        .zip(base.canonicalize().ok())
        .and_then(|(d, b)| d.strip_prefix(&b).ok().map(|r| r.to_string_lossy().replace('\\', "/")))
        .filter(|r| !r.is_empty())
        .ok_or_else(|| format!("{} is not in a folder inside the catalogue's folder {}", a.manifest.display(), base.display()));
    let existing = match std::fs::read(&a.catalog) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: {e}", a.catalog.display())),
    };
    let place = if a.first { Place::First } else { Place::AsListed };
    let (out, msg) = entry(&Entry {
        catalog_name: &a.catalog.display().to_string(),
        existing: existing.as_deref(),
        id: &a.id,
        manifest_name: &a.manifest.display().to_string(),
        manifest: &bytes,
        folder: folder.as_deref().map_err(Clone::clone),
        place,
    })?;
    std::fs::write(&a.catalog, out).map_err(|e| format!("{}: {e}", a.catalog.display()))?;
    Ok(msg)
}

/// The id and folder the publishing page's preview takes (`data/preview/`, served by the
/// service worker only to a page opened at `?data=preview`).
pub const PREVIEW_ID: &str = "preview";

/// Where a dataset goes in the catalogue: the first is the site's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    First,
    /// Where it already is, or last when it is new.
    AsListed,
}

/// What [`entry`] needs: the catalogue as it is (if there is one), and the dataset's id,
/// manifest and folder (or why the folder will not do).
pub struct Entry<'a> {
    pub catalog_name: &'a str,
    pub existing: Option<&'a [u8]>,
    pub id: &'a str,
    pub manifest_name: &'a str,
    pub manifest: &'a [u8],
    pub folder: Result<&'a str, String>,
    pub place: Place,
}

/// Adds or updates the dataset's entry and returns the new catalogue's bytes and a sentence
/// saying what was done; the command line writes it to the disk, the publisher page into its
/// zip. The catalogue is read through the viewer's own reader first, and the result is read
/// back through it, so nothing the viewer would refuse is ever written.
pub fn entry(e: &Entry) -> Result<(Vec<u8>, String), String> {
    if !samiksha_core::format::manifest::is_valid_id(e.id) {
        return Err(format!("--id \"{}\": expected lower-case letters, digits and hyphens, e.g. nfhs-mp", e.id));
    }
    // The publishing page shows a dataset before it is published as data/preview/ (the
    // service worker's), so no published dataset may take that name.
    if e.id == PREVIEW_ID || e.folder.as_deref().is_ok_and(|f| f == PREVIEW_ID) {
        return Err(format!("--id \"{}\": \"{PREVIEW_ID}\" is kept for the publishing page's preview; choose another id or folder", e.id));
    }
    let (manifest, problems) = parse_manifest(e.manifest_name, e.manifest);
    let Some(manifest) = manifest else {
        let first = problems.first().map(|p| p.to_string()).unwrap_or_default();
        return Err(format!("{} is not a usable manifest ({first}); run `samiksha-publish validate` on it", e.manifest_name));
    };
    let folder = e.folder.clone()?;
    if !samiksha_core::format::catalog::folder_ok(folder) {
        return Err(format!(
            "{}: the dataset's folder \"{folder}\" must sit directly in the catalogue's folder and be named like an id (lower-case letters, digits and hyphens)",
            e.manifest_name
        ));
    }
    let entry = json!({ "folder": format!("{folder}/"), "id": e.id, "title": { "en": manifest.title.en, "hi": manifest.title.hi } });

    let mut datasets: Vec<serde_json::Value> = match e.existing {
        Some(text) => {
            // Read through the viewer's own reader first, so a catalogue it would refuse is not
            // silently rewritten.
            let (_, problems) = parse_catalog(e.catalog_name, text);
            if let Some(p) = problems.first() {
                return Err(format!(
                    "{} {}: {}; fix the catalogue first (its format is {CATALOG_FORMAT})",
                    p.file,
                    p.path,
                    p.kind.text(samiksha_core::Lang::En)
                ));
            }
            let v: serde_json::Value = serde_json::from_slice(text).map_err(|err| format!("{}: {err}", e.catalog_name))?;
            v["datasets"].as_array().cloned().unwrap_or_default()
        }
        None => Vec::new(),
    };
    // One folder holds one dataset: a new id may not take a folder the catalogue gives another.
    if let Some(other) = datasets.iter().find(|d| d["id"] != e.id && d["folder"].as_str().map(|f| f.trim_end_matches('/')) == Some(folder)) {
        return Err(format!(
            "{}: the folder \"{folder}/\" already holds the dataset \"{}\" in {}; choose another id (or publish that dataset's id to update it)",
            e.manifest_name,
            other["id"].as_str().unwrap_or_default(),
            e.catalog_name
        ));
    }
    let at = datasets.iter().position(|d| d["id"] == e.id);
    let verb = if at.is_some() { "updated" } else { "added" };
    match (at, e.place) {
        (Some(i), Place::AsListed) => datasets[i] = entry,
        (Some(i), Place::First) => {
            datasets.remove(i);
            datasets.insert(0, entry);
        }
        (None, Place::First) => datasets.insert(0, entry),
        (None, Place::AsListed) => datasets.push(entry),
    }
    let out = serde_json::to_string_pretty(&json!({ "datasets": datasets, "format": CATALOG_FORMAT })).map_err(|e| e.to_string())? + "\n";
    // Read back through the viewer's reader: what it would refuse is not written.
    if let Some(p) = parse_catalog(e.catalog_name, out.as_bytes()).1.first() {
        return Err(format!("the catalogue would not be readable ({} {}: {}); nothing was written", p.file, p.path, p.kind.text(samiksha_core::Lang::En)));
    }
    let ids: Vec<String> = datasets.iter().filter_map(|d| d["id"].as_str().map(str::to_string)).collect();
    let msg = format!("{verb} \"{}\" ({folder}/) in {}; the catalogue lists {} (the first is the default)", e.id, e.catalog_name, ids.join(", "));
    Ok((out.into_bytes(), msg))
}
