//! Reads the district list CSV (slug, names, division, lineage, centroid) that publishers keep.

use serde::Deserialize;
use std::path::Path;

#[derive(Clone, Debug, Deserialize)]
pub struct DistrictRow {
    pub slug: String,
    pub name_en: String,
    pub name_hi: String,
    pub division: String,
    pub division_en: String,
    pub division_hi: String,
    #[serde(default)]
    pub boundary_name: String,
    #[serde(default)]
    pub boundary_code: String,
    #[serde(default)]
    pub carved_from: String,
    #[serde(default)]
    pub year_created: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

pub fn read_districts(path: &Path) -> Result<Vec<DistrictRow>, String> {
    let mut rdr = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for (i, r) in rdr.deserialize::<DistrictRow>().enumerate() {
        // Row numbers count the header as line 1, as a spreadsheet shows them.
        rows.push(r.map_err(|e| format!("{} line {}: {e}", path.display(), i + 2))?);
    }
    if rows.is_empty() {
        return Err(format!("{}: no districts", path.display()));
    }
    Ok(rows)
}

/// Reads an alias table (`alias,slug`): other spellings publishers' files use for a district.
pub fn read_aliases(path: &Path) -> Result<std::collections::HashMap<String, String>, String> {
    let mut rdr = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = std::collections::HashMap::new();
    for (i, r) in rdr.deserialize::<(String, String)>().enumerate() {
        let (alias, slug) = r.map_err(|e| format!("{} line {}: {e}", path.display(), i + 2))?;
        out.insert(alias.trim().to_string(), slug.trim().to_string());
    }
    Ok(out)
}
