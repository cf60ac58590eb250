//! The dataset format as it is written: one serialisable struct per JSON object of
//! `manifest.json`, the value files and the boundary file, which the publisher's CLI and page
//! write through. Where the written form and the reader's typed form are the same shape (a
//! district, a division, a period, a flag, a note, a link, a file reference, a tile position)
//! they are one type, `manifest`'s; the others keep the file's own words and numbers as written
//! (a direction is a word, a weight the number the publisher wrote, an absent field absent),
//! which `manifest` then reads, with defaults and problems. `docs/dataset.schema.json` describes
//! the same shapes; the publisher's `tests/schema.rs` checks what these produce against it, and
//! `crates/core/tests/written.rs` reads what they write back through the reader.
//!
//! Fields are declared in alphabetical order on purpose. The files were first written through
//! `serde_json::Value`, whose maps sort their keys, and the committed sample must stay
//! byte-identical; sorted keys also keep diffs between two publications small.

pub use crate::format::manifest::{Division, FileRef, Flag, Link, Note, Period, TilePosition, Unit};
use crate::format::text::Bilingual;
use crate::format::values::GapReason;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Number, Value};
use std::collections::BTreeMap;

/// `manifest.json`.
///
/// `import` reads the publisher's hand-written part (title, publisher, licence, …) from its
/// `--meta` file into this same struct, so it is also `Deserialize`; the parts the command
/// generates default to empty there and are filled in afterwards.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boundaries: Option<FileRef>,
    #[serde(default)]
    pub departments: Vec<Department>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Bilingual>,
    /// What a division is called ("Division" / "संभाग", or "मंडल"); the viewer's default is संभाग.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division_level: Option<Bilingual>,
    #[serde(default)]
    pub divisions: Vec<Division>,
    /// Every value in one long CSV, for the public to download.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub download: Option<FileRef>,
    /// The flag sheet's texts that are not simply a flag's id (`*`, `()`, a department's `P`),
    /// so a later month's values written the same way can be read without the sheet. The
    /// viewer does not read it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flag_texts: Vec<FlagText>,
    #[serde(default)]
    pub flags: Vec<Flag>,
    #[serde(default)]
    pub format: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headlines: Vec<Headline>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    pub licence: Link,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Bilingual>,
    /// Notes on the data (a definition change, a portal outage, new districts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub periods: Vec<Period>,
    pub publisher: Bilingual,
    /// Review meetings and the districts each named, for the follow-up view.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tile_layout: Vec<TilePosition>,
    pub title: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_level: Option<Bilingual>,
    #[serde(default)]
    pub units: Vec<Unit>,
    pub updated: String,
    #[serde(default)]
    pub value_files: Vec<FileRef>,
    /// Fields of a publisher's `--meta` file that the format does not define: the reader
    /// ignores them, and the publisher put them there, so they are kept rather than dropped.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Department {
    pub id: String,
    /// meta.json may list a department for its weight alone; its name comes from the sheet.
    #[serde(default)]
    pub name: Bilingual,
    /// A JSON number as written: the sample's weights are the integer 1, not 1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Number>,
}

/// An indicator. `unit`, `direction` and `frequency` are the format's words; `import` copies
/// them from the publisher's sheet and `validate`, run right after, names any that are wrong.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Indicator {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    pub department: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Bilingual>,
    pub direction: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    pub id: String,
    /// The indicator's name in the publisher's values files (the indicator sheet's `key`), when
    /// it is not the id: so a month's values can be added to the published dataset without
    /// the sheet. The viewer does not read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub name: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_label: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Number>,
}

/// An indicator's target: a number, or a number with the period it is due by (and the
/// period its pace is measured from).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Target {
    Plain(f64),
    Dated {
        by: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        value: f64,
    },
}

/// A review meeting: its date, the period it looked at, and the districts each point named.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Review {
    pub date: String,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub points: Vec<ReviewPoint>,
    pub title: Bilingual,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReviewPoint {
    pub indicator: String,
    #[serde(default)]
    pub named: Vec<NamedDistrict>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<Bilingual>,
}

/// A district a review point named, and how: `bottom`, `top`, `instructed` or `honoured`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NamedDistrict {
    #[serde(rename = "as")]
    pub named_as: String,
    pub district: String,
}

/// One text of the flag sheet: the flag it stands for, and the gap it makes, if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlagText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<String>,
    pub id: String,
    pub text: String,
}

/// A state-level figure; `value` keeps the number as written (735 stays 735, not 735.0).
#[derive(Debug, Serialize, Deserialize)]
pub struct Headline {
    pub id: String,
    pub label: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Bilingual>,
    pub value: Number,
}

/// A band of the composite score.
#[derive(Debug, Serialize, Deserialize)]
pub struct Band {
    pub label: Bilingual,
    pub min_score: Number,
}

/// A value file: one period's columns, each aligned with `units`.
#[derive(Debug, Serialize)]
pub struct ValueFile {
    pub format: &'static str,
    pub period: String,
    pub units: Vec<String>,
    /// Indicator id → column; a `BTreeMap` so columns come out in id order, as they always have.
    pub values: BTreeMap<String, Vec<Cell>>,
}

impl ValueFile {
    /// Reads a value file this tool wrote (one kept as it is by `import --keep-periods`), for
    /// the dataset's long CSV. The core's reader has already checked files of a published
    /// dataset; this reads the cells back into the writer's types.
    pub fn from_json(bytes: &[u8]) -> Result<ValueFile, String> {
        let v: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        let period = v["period"].as_str().ok_or("no \"period\"")?.to_string();
        let units: Vec<String> = v["units"].as_array().ok_or("no \"units\"")?.iter().map(|u| u.as_str().unwrap_or_default().to_string()).collect();
        let mut values = BTreeMap::new();
        for (id, column) in v["values"].as_object().ok_or("no \"values\"")? {
            let cells = column.as_array().ok_or_else(|| format!("values.{id}: expected a list"))?;
            let read = |c: &serde_json::Value| -> Result<Cell, String> {
                let s = |k: &str| c.get(k).and_then(|x| x.as_str()).map(str::to_string);
                let f = |k: &str| c.get(k).and_then(serde_json::Value::as_f64);
                match (c.as_f64(), f("v"), s("gap")) {
                    // The format reads null as "not reported".
                    _ if c.is_null() => Ok(Cell::Gap { flag: None, gap: GapReason::NotReported }),
                    (Some(n), _, _) => Ok(Cell::Number(n)),
                    (None, Some(v), _) => Ok(Cell::Detailed { den: f("den"), flag: s("flag"), num: f("num"), v }),
                    (None, None, Some(w)) => {
                        GapReason::from_word(&w).map(|gap| Cell::Gap { flag: s("flag"), gap }).ok_or_else(|| format!("values.{id}: unknown gap \"{w}\""))
                    }
                    _ => Err(format!("values.{id}: expected a number, {{\"v\": …}} or {{\"gap\": …}}")),
                }
            };
            values.insert(id.clone(), cells.iter().map(read).collect::<Result<Vec<_>, _>>()?);
        }
        Ok(ValueFile { format: crate::FORMAT, period, units, values })
    }
}

/// One cell of a value file.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// The common case, written as a bare number to keep files small.
    Number(f64),
    /// A number with what rarely accompanies it.
    Detailed {
        #[serde(skip_serializing_if = "Option::is_none")]
        den: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        flag: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        num: Option<f64>,
        v: f64,
    },
    /// No number, and why.
    Gap {
        #[serde(skip_serializing_if = "Option::is_none")]
        flag: Option<String>,
        #[serde(serialize_with = "gap_word")]
        gap: GapReason,
    },
}

impl Cell {
    /// A number with optional counts and flag; a bare number when it has neither.
    pub fn number(v: f64, num: Option<f64>, den: Option<f64>, flag: Option<String>) -> Cell {
        match (num, den, flag) {
            (None, None, None) => Cell::Number(v),
            (num, den, flag) => Cell::Detailed { den, flag, num, v },
        }
    }

    pub fn gap(reason: GapReason, flag: Option<String>) -> Cell {
        Cell::Gap { flag, gap: reason }
    }

    /// The number, if the cell has one.
    pub fn value(&self) -> Option<f64> {
        match self {
            Cell::Number(v) | Cell::Detailed { v, .. } => Some(*v),
            Cell::Gap { .. } => None,
        }
    }

    /// The number, for changing it in place (the sample generator separates ties this way).
    pub fn value_mut(&mut self) -> Option<&mut f64> {
        match self {
            Cell::Number(v) | Cell::Detailed { v, .. } => Some(v),
            Cell::Gap { .. } => None,
        }
    }
}

/// `GapReason` lives in samiksha-core without `Serialize`; its word is what the format uses.
fn gap_word<S: Serializer>(reason: &GapReason, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(reason.word())
}

/// The boundary file (`samiksha-boundaries/1`) the `boundaries` command writes.
#[derive(Debug, Serialize)]
pub struct BoundaryFile {
    pub encoding: &'static str,
    pub format: &'static str,
    pub height: f64,
    pub projection: Projection,
    pub units: Vec<BoundaryUnit>,
    pub width: f64,
}

/// How longitude and latitude became the file's pixels, so points can be placed on the map.
#[derive(Debug, Serialize)]
pub struct Projection {
    pub cos_lat: f64,
    pub kind: &'static str,
    pub lat1: f64,
    pub lon0: f64,
    pub scale: f64,
}

/// One district's outline: rings as flat, delta-encoded integer lists.
#[derive(Debug, Serialize)]
pub struct BoundaryUnit {
    /// Where the district's name goes, `[x, y]` in the file's pixels: inside its largest polygon,
    /// as far from every edge as it can be.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<[i64; 2]>,
    pub rings: Vec<Vec<i64>>,
    pub source_name: String,
    pub unit: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_written_as_the_format_spells_them() {
        let json = |c: Cell| serde_json::to_string(&c).unwrap();
        assert_eq!(json(Cell::number(12.5, None, None, None)), "12.5");
        assert_eq!(json(Cell::number(5.0, None, None, None)), "5.0");
        assert_eq!(json(Cell::number(7.5, None, None, Some("n25-49".into()))), r#"{"flag":"n25-49","v":7.5}"#);
        assert_eq!(json(Cell::number(50.0, Some(5.0), Some(10.0), None)), r#"{"den":10.0,"num":5.0,"v":50.0}"#);
        assert_eq!(json(Cell::gap(GapReason::NotReported, None)), r#"{"gap":"not_reported"}"#);
        assert_eq!(json(Cell::gap(GapReason::Suppressed, Some("lt25".into()))), r#"{"flag":"lt25","gap":"suppressed"}"#);
    }

    #[test]
    fn a_meta_file_reads_into_the_manifest_and_keeps_unknown_fields() {
        let meta = r#"{"title": {"en": "T", "hi": "टी"}, "publisher": {"en": "P", "hi": "पी"},
                       "licence": {"name": {"en": "L", "hi": "एल"}}, "updated": "2026-01-01",
                       "headlines": [{"id": "h", "label": {"en": "H", "hi": "एच"}, "value": 735}],
                       "x-contact": "stats@example.org"}"#;
        let m: Manifest = serde_json::from_str(meta).unwrap();
        let out = serde_json::to_string(&m).unwrap();
        assert!(out.contains(r#""value":735}"#), "{out}");
        assert!(out.ends_with(r#""x-contact":"stats@example.org"}"#), "{out}");
        let missing = serde_json::from_str::<Manifest>(r#"{"title": {"en": "T", "hi": "टी"}}"#).unwrap_err();
        assert!(missing.to_string().contains("missing field"), "{missing}");
    }
}
