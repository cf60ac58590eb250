//! `sheets`: a published dataset → the input sheets that publish it again.
//!
//! The district list, the indicator sheet, the values (long, one row per district, indicator
//! and period), the flag sheet, the reviews and notes sheets and `meta.json` are written from a
//! dataset's manifest and value files, so that `import` of them gives the same folder byte for
//! byte (a test holds both committed datasets to that). Two uses: the sample, which a generator
//! writes, gets the input sheets an officer would keep; and the monthly routine needs no district
//! list or indicator sheet beyond the published dataset itself.
//!
//! What is not kept: the split of a period's values into several files (import writes one file
//! per period), a unit's codes other than `census2011` and former names after its first, and
//! departments no indicator belongs to.

use samiksha_core::format::written::{Cell, Manifest, Target, ValueFile};
use samiksha_core::Bilingual;

/// The sheets' file names, as `import`'s flags and the publisher page's roles expect them.
pub const DISTRICTS: &str = "districts.csv";
pub const INDICATORS: &str = "indicators.csv";
pub const VALUES: &str = "values.csv";
pub const FLAGS: &str = "flags.csv";
pub const REVIEWS: &str = "reviews.csv";
pub const NOTES: &str = "notes.csv";
pub const META: &str = "meta.json";

/// A CSV being written: a header, then rows, each field quoted only where it must be.
struct Csv(String);

impl Csv {
    fn new(header: &[&str]) -> Csv {
        let mut c = Csv(String::new());
        c.row(header.iter().map(|h| h.to_string()));
        c
    }
    fn row(&mut self, fields: impl IntoIterator<Item = String>) {
        let line: Vec<String> = fields.into_iter().map(|f| field(&f)).collect();
        self.0.push_str(&line.join(","));
        self.0.push('\n');
    }
    fn bytes(self) -> Vec<u8> {
        self.0.into_bytes()
    }
}

/// A CSV field as it must be written: quoted when it holds a comma, a quote or a line break.
pub(crate) fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A number as the sheet writes it: the shortest text that reads back as the same number.
fn number(x: f64) -> String {
    format!("{x}")
}

fn en_hi(b: &Option<Bilingual>) -> [String; 2] {
    match b {
        Some(b) => [b.en.clone(), b.hi.clone()],
        None => [String::new(), String::new()],
    }
}

/// The input sheets of the dataset whose `manifest.json` is `manifest`, its value files read
/// through `read` (paths as the manifest lists them), by file name.
pub fn from_dataset(manifest: &[u8], read: &dyn Fn(&str) -> Result<Vec<u8>, String>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let m: Manifest = serde_json::from_slice(manifest).map_err(|e| format!("manifest.json: {e}"))?;
    let mut bodies: Vec<ValueFile> = Vec::new();
    for r in &m.value_files {
        let bytes = read(&r.path)?;
        bodies.push(ValueFile::from_json(&bytes).map_err(|e| format!("{}: {e}", r.path))?);
    }
    let mut out = vec![(DISTRICTS.to_string(), districts(&m)?), (INDICATORS.to_string(), indicators(&m))];
    let (values, flags) = values(&m, &bodies)?;
    out.push((VALUES.to_string(), values));
    if let Some(f) = flags {
        out.push((FLAGS.to_string(), f));
    }
    if !m.reviews.is_empty() {
        out.push((REVIEWS.to_string(), reviews(&m)));
    }
    if !m.notes.is_empty() {
        out.push((NOTES.to_string(), notes(&m)));
    }
    // The sources meta.json gave are those the data package lists: the others (where the
    // boundary file came from) were added by `boundaries`, which adds them again.
    let package_sources: Option<Vec<String>> = read(crate::write::DATAPACKAGE)
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .map(|p| p["sources"].as_array().into_iter().flatten().filter_map(|s| s["title"].as_str().map(str::to_string)).collect());
    out.push((META.to_string(), meta(m, package_sources.as_deref())?));
    Ok(out)
}

fn districts(m: &Manifest) -> Result<Vec<u8>, String> {
    let mut c = Csv::new(&[
        "slug",
        "name_en",
        "name_hi",
        "division",
        "division_en",
        "division_hi",
        "boundary_code",
        "carved_from",
        "year_created",
        "former_name_en",
        "former_name_hi",
        "lat",
        "lon",
    ]);
    for (i, u) in m.units.iter().enumerate() {
        let d = m
            .divisions
            .iter()
            .find(|d| d.id == u.division)
            .ok_or_else(|| format!("manifest.json: $.units[{i}].division: \"{}\" is not one of the divisions", u.division))?;
        let former = u.former_names.first();
        c.row([
            u.slug.clone(),
            u.name.en.clone(),
            u.name.hi.clone(),
            u.division.clone(),
            d.name.en.clone(),
            d.name.hi.clone(),
            u.codes.get("census2011").cloned().unwrap_or_default(),
            u.carved_from.clone().unwrap_or_default(),
            u.year_created.map(|y| y.to_string()).unwrap_or_default(),
            former.map(|f| f.en.clone()).unwrap_or_default(),
            former.map(|f| f.hi.clone()).unwrap_or_default(),
            u.lat.map(number).unwrap_or_default(),
            u.lon.map(number).unwrap_or_default(),
        ]);
    }
    Ok(c.bytes())
}

fn indicators(m: &Manifest) -> Vec<u8> {
    let mut c = Csv::new(&[
        "id",
        "key",
        "name_en",
        "name_hi",
        "short_en",
        "short_hi",
        "unit",
        "unit_en",
        "unit_hi",
        "direction",
        "department",
        "department_en",
        "department_hi",
        "department_weight",
        "decimals",
        "target",
        "target_by",
        "target_from",
        "weight",
        "description_en",
        "description_hi",
        "source_en",
        "source_hi",
        "frequency",
    ]);
    for i in &m.indicators {
        let dept = m.departments.iter().find(|d| d.id == i.department);
        let (target, by, from) = match &i.target {
            None => (String::new(), String::new(), String::new()),
            Some(Target::Plain(v)) => (number(*v), String::new(), String::new()),
            Some(Target::Dated { value, by, from }) => (number(*value), by.clone(), from.clone().unwrap_or_default()),
        };
        let [short_en, short_hi] = en_hi(&i.short_name);
        let [unit_en, unit_hi] = en_hi(&i.unit_label);
        let [description_en, description_hi] = en_hi(&i.description);
        let [source_en, source_hi] = en_hi(&i.source);
        c.row([
            i.id.clone(),
            i.key.clone().unwrap_or_else(|| i.id.clone()),
            i.name.en.clone(),
            i.name.hi.clone(),
            short_en,
            short_hi,
            i.unit.clone(),
            unit_en,
            unit_hi,
            i.direction.clone(),
            i.department.clone(),
            dept.map(|d| d.name.en.clone()).unwrap_or_else(|| i.department.clone()),
            dept.map(|d| d.name.hi.clone()).unwrap_or_else(|| i.department.clone()),
            dept.and_then(|d| d.weight.as_ref()).map(|w| w.to_string()).unwrap_or_default(),
            i.decimals.map(|d| d.to_string()).unwrap_or_default(),
            target,
            by,
            from,
            i.weight.as_ref().map(|w| w.to_string()).unwrap_or_default(),
            description_en,
            description_hi,
            source_en,
            source_hi,
            i.frequency.clone().unwrap_or_default(),
        ]);
    }
    c.bytes()
}

/// The long values sheet: the columns of the dataset's own `all-values.csv` in import's order
/// (every gap said by its word, an indicator named by its key where the manifest keeps one) and
/// the counts behind a rate, and, when any cell carries a flag, the flag
/// sheet, whose text for each flag is its id.
fn values(m: &Manifest, bodies: &[ValueFile]) -> Result<(Vec<u8>, Option<Vec<u8>>), String> {
    let mut flags: Vec<&str> = Vec::new();
    let mut counts = false;
    for cell in bodies.iter().flat_map(|b| b.values.values().flatten()) {
        let flag = match cell {
            Cell::Detailed { flag, num, den, .. } => {
                counts |= num.is_some() || den.is_some();
                flag
            }
            Cell::Gap { flag, .. } => flag,
            Cell::Number(_) => &None,
        };
        if let Some(f) = flag.as_deref().filter(|f| !flags.contains(f)) {
            flags.push(f);
        }
    }
    let mut header = vec!["district", "indicator", "period", "value", "flag", "gap"];
    if counts {
        header.extend(["numerator", "denominator"]);
    }
    let mut c = Csv::new(&header);
    let order: Vec<&str> = m.indicators.iter().map(|i| i.id.as_str()).collect();
    // The values name an indicator as the indicator sheet's key does.
    let key = |id: &str| m.indicators.iter().find(|i| i.id == id).and_then(|i| i.key.clone()).unwrap_or_else(|| id.to_string());
    for b in bodies {
        let mut columns: Vec<(&String, &Vec<Cell>)> = b.values.iter().collect();
        columns.sort_by_key(|(id, _)| order.iter().position(|o| o == id).unwrap_or(usize::MAX));
        for (indicator, col) in columns {
            let named = key(indicator);
            for (unit, cell) in b.units.iter().zip(col) {
                let (value, flag, gap, num, den) = match cell {
                    Cell::Number(v) => (number(*v), None, None, None, None),
                    Cell::Detailed { v, flag, num, den } => (number(*v), flag.clone(), None, *num, *den),
                    Cell::Gap { flag, gap } => (String::new(), flag.clone(), Some(gap.word()), None, None),
                };
                let mut row = vec![unit.clone(), named.clone(), b.period.clone(), value, flag.unwrap_or_default(), gap.unwrap_or_default().to_string()];
                if counts {
                    row.extend([num.map(number).unwrap_or_default(), den.map(number).unwrap_or_default()]);
                }
                c.row(row);
            }
        }
    }
    // Each flag the cells carry by its id (the values sheet writes ids), then the publisher's
    // own texts the manifest keeps (`*`, `()`, …), so a later month written as before is read.
    let flag_sheet = (!flags.is_empty() || !m.flag_texts.is_empty()).then(|| {
        let label = |id: &str| m.flags.iter().find(|x| x.id == id).map(|x| x.label.clone()).unwrap_or_else(|| Bilingual::new(id, id));
        let mut f = Csv::new(&["text", "id", "label_en", "label_hi", "gap"]);
        flags.sort();
        for id in flags {
            let l = label(id);
            f.row([id.to_string(), id.to_string(), l.en, l.hi, String::new()]);
        }
        for t in &m.flag_texts {
            let l = label(&t.id);
            f.row([t.text.clone(), t.id.clone(), l.en, l.hi, t.gap.clone().unwrap_or_default()]);
        }
        f.bytes()
    });
    Ok((c.bytes(), flag_sheet))
}

fn reviews(m: &Manifest) -> Vec<u8> {
    let mut c = Csv::new(&["review", "date", "title_en", "title_hi", "period", "indicator", "district", "as", "remark_en", "remark_hi"]);
    for r in &m.reviews {
        for p in &r.points {
            let [remark_en, remark_hi] = en_hi(&p.remark);
            let head = || [r.id.clone(), r.date.clone(), r.title.en.clone(), r.title.hi.clone(), r.period.clone().unwrap_or_default(), p.indicator.clone()];
            if p.named.is_empty() {
                c.row(head().into_iter().chain([String::new(), String::new(), remark_en.clone(), remark_hi.clone()]));
            }
            for (k, n) in p.named.iter().enumerate() {
                // The remark once, on the point's first row.
                let (en, hi) = if k == 0 { (remark_en.clone(), remark_hi.clone()) } else { (String::new(), String::new()) };
                c.row(head().into_iter().chain([n.district.clone(), n.named_as.clone(), en, hi]));
            }
        }
    }
    c.bytes()
}

fn notes(m: &Manifest) -> Vec<u8> {
    let mut c = Csv::new(&["indicator", "period", "district", "text_en", "text_hi"]);
    for n in &m.notes {
        c.row([
            n.indicator.clone().unwrap_or_default(),
            n.period.clone().unwrap_or_default(),
            n.district.clone().unwrap_or_default(),
            n.text.en.clone(),
            n.text.hi.clone(),
        ]);
    }
    c.bytes()
}

/// The publisher's part of the manifest: what `import` does not make from the sheets. The
/// departments stay for their order and weights, the flags for their order and for those no
/// value carries, the period labels where they are not the ones made from the id; the sources
/// are those the data package lists, when there is one.
fn meta(mut m: Manifest, package_sources: Option<&[String]>) -> Result<Vec<u8>, String> {
    if let Some(listed) = package_sources {
        m.sources.retain(|s| listed.contains(&s.name.en));
    }
    m.divisions.clear();
    m.units.clear();
    m.indicators.clear();
    m.value_files.clear();
    m.reviews.clear();
    m.notes.clear();
    m.download = None;
    m.boundaries = None;
    m.format = String::new();
    m.periods.retain(|p| p.label != crate::import::period_label(&p.id));
    let mut v = serde_json::to_value(&m).map_err(|e| e.to_string())?;
    if let Some(o) = v.as_object_mut() {
        // Empty lists and the format's name say nothing a publisher writes.
        o.retain(|k, x| k != "format" && !matches!(x, serde_json::Value::Array(a) if a.is_empty()));
    }
    Ok(crate::write::to_pretty(&v)?.into_bytes())
}
