//! Writes a dataset folder: value files first, then a manifest that lists each with its size
//! and SHA-256, so what the manifest promises is exactly what was written.

use serde_json::{json, Value};
use std::path::Path;

/// One value file to write: its period and its JSON body.
pub struct ValueFileOut {
    pub period: String,
    pub indicators: Option<Vec<String>>,
    pub body: Value,
}

/// Serialises compactly with a trailing newline; keys come out sorted, so output is stable.
pub fn to_bytes(v: &Value) -> Vec<u8> {
    let mut out = serde_json::to_vec(v).unwrap_or_default();
    out.push(b'\n');
    out
}

pub fn write_dataset(dir: &Path, mut manifest: Value, files: Vec<ValueFileOut>) -> Result<(), String> {
    let values_dir = dir.join("values");
    std::fs::create_dir_all(&values_dir).map_err(|e| format!("{}: {e}", values_dir.display()))?;
    let mut refs = Vec::new();
    for f in files {
        let name = match &f.indicators {
            None => format!("values/{}.json", f.period),
            Some(_) => format!("values/{}-{}.json", f.period, refs.len()),
        };
        let bytes = to_bytes(&f.body);
        let path = dir.join(&name);
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut r = json!({"path": name, "period": f.period, "bytes": bytes.len(), "sha256": samiksha_core::sha256_hex(&bytes)});
        if let Some(list) = f.indicators {
            r["indicators"] = json!(list);
        }
        refs.push(r);
    }
    manifest["value_files"] = Value::Array(refs);
    let pretty = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    let path = dir.join("manifest.json");
    std::fs::write(&path, pretty).map_err(|e| format!("{}: {e}", path.display()))
}

/// Lists a boundary file in a manifest (path relative to the manifest, size, SHA-256), keeping
/// the rest of the manifest as it is.
pub fn attach_boundaries(manifest: &Path, boundary: &Path, body: &[u8]) -> Result<(), String> {
    let text = std::fs::read(manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let mut m: Value = serde_json::from_slice(&text).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let dir = manifest.parent().unwrap_or(Path::new("."));
    let rel = boundary
        .strip_prefix(dir)
        .map_err(|_| format!("{} is not inside the manifest's folder {}", boundary.display(), dir.display()))?
        .to_string_lossy()
        .replace('\\', "/");
    m["boundaries"] = json!({"path": rel, "bytes": body.len(), "sha256": samiksha_core::sha256_hex(body)});
    let pretty = serde_json::to_string_pretty(&m).map_err(|e| e.to_string())? + "\n";
    std::fs::write(manifest, pretty).map_err(|e| format!("{}: {e}", manifest.display()))
}
