//! Reads the district list CSV (slug, names, division, lineage, centroid) that publishers keep,
//! and the alias table of other spellings.

use crate::files::Files;
use std::collections::HashMap;
use std::path::Path;

/// The district list's columns: those a row must fill, then those it may.
pub const REQUIRED: &[&str] = &["slug", "name_en", "name_hi", "division", "division_en", "division_hi"];

#[derive(Clone, Debug, Default)]
pub struct DistrictRow {
    pub slug: String,
    pub name_en: String,
    pub name_hi: String,
    pub division: String,
    pub division_en: String,
    pub division_hi: String,
    /// The district's name in the boundary file, when it differs (an old name, say).
    pub boundary_name: String,
    pub boundary_code: String,
    pub carved_from: String,
    pub year_created: String,
    /// A former name shown on the district's profile; defaults to `boundary_name` where that
    /// differs from `name_en`, with its Hindi from `former_name_hi`.
    pub former_name_en: String,
    pub former_name_hi: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

pub fn read_districts(fs: &dyn Files, path: &Path) -> Result<Vec<DistrictRow>, String> {
    let t = fs.table(path)?;
    t.require(REQUIRED)?;
    let mut rows: Vec<DistrictRow> = Vec::new();
    for r in &t.rows {
        let opt = |name: &str| t.get(r, name).unwrap_or_default().to_string();
        let d = DistrictRow {
            slug: t.need(r, "slug", "the district's id (lower-case ASCII, e.g. narmadapuram)")?.to_string(),
            name_en: t.need(r, "name_en", "the district's English name")?.to_string(),
            name_hi: t.need(r, "name_hi", "the district's Hindi name")?.to_string(),
            division: t.need(r, "division", "the division's id")?.to_string(),
            division_en: t.need(r, "division_en", "the division's English name")?.to_string(),
            division_hi: t.need(r, "division_hi", "the division's Hindi name")?.to_string(),
            boundary_name: opt("boundary_name"),
            boundary_code: opt("boundary_code"),
            carved_from: opt("carved_from"),
            year_created: match t.parse::<u16>(r, "year_created", "a year such as 2023")? {
                Some(y) => y.to_string(),
                None => String::new(),
            },
            former_name_en: opt("former_name_en"),
            former_name_hi: opt("former_name_hi"),
            lat: t.parse(r, "lat", "a latitude in degrees")?,
            lon: t.parse(r, "lon", "a longitude in degrees")?,
        };
        if let Some(first) = rows.iter().find(|x| x.slug == d.slug) {
            return Err(format!("{}: \"{}\" is listed twice (also as {})", t.at(r, "slug"), d.slug, first.name_en));
        }
        rows.push(d);
    }
    for (r, d) in t.rows.iter().zip(&rows) {
        if !d.carved_from.is_empty() && !rows.iter().any(|x| x.slug == d.carved_from) {
            return Err(format!("{}: \"{}\" is not a district in this list", t.at(r, "carved_from"), d.carved_from));
        }
    }
    if rows.is_empty() {
        return Err(format!("{}: no districts (only a header row)", t.name()));
    }
    Ok(rows)
}

impl DistrictRow {
    /// The former name shown with the district, in both languages, if it has one. The Hindi
    /// falls back to the English spelling only when the list gives none (validate says so).
    pub fn former_name(&self) -> Option<(String, Option<String>)> {
        let en = if !self.former_name_en.is_empty() {
            self.former_name_en.clone()
        } else if !self.boundary_name.is_empty() && self.boundary_name != self.name_en {
            self.boundary_name.clone()
        } else {
            return None;
        };
        Some((en, (!self.former_name_hi.is_empty()).then(|| self.former_name_hi.clone())))
    }
}

/// Reads an alias table (`alias,slug`): other spellings publishers' files use for a district.
/// Every slug must be a district of the list.
pub fn read_aliases(fs: &dyn Files, path: &Path, districts: &[DistrictRow]) -> Result<HashMap<String, String>, String> {
    let t = fs.table(path)?;
    t.require(&["alias", "slug"])?;
    let mut out = HashMap::new();
    for r in &t.rows {
        let alias = t.need(r, "alias", "a spelling of a district's name as another file writes it")?;
        let slug = t.need(r, "slug", "the district's slug from the district list")?;
        if !districts.iter().any(|d| d.slug == slug) {
            return Err(format!("{}: \"{slug}\" is not a district in the district list", t.at(r, "slug")));
        }
        out.insert(alias.to_string(), slug.to_string());
    }
    Ok(out)
}
