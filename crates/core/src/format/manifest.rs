//! The dataset manifest (`manifest.json`): its model and its reader.
//!
//! The reader keeps every part that is valid and reports every part that is not: a bad
//! indicator is dropped with an error naming its path, and the other indicators stay usable.
//! Only a manifest with no usable districts, indicators or periods, or of another format
//! version, yields no manifest at all.

use crate::format::problem::{Expected, Problem, ProblemKind, RefKind};
use crate::format::text::Bilingual;
pub use crate::format::walk::is_valid_id;
use crate::format::walk::{idx, key, parse_json, Walk};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    pub title: Bilingual,
    pub description: Bilingual,
    pub publisher: Bilingual,
    pub licence: Link,
    pub sources: Vec<Link>,
    /// The date the data was last updated, `YYYY-MM-DD` ("data as of").
    pub updated: String,
    /// A notice every view shows, e.g. that the values are illustrative.
    pub notice: Option<Bilingual>,
    /// What one unit is called ("District" / "ज़िला").
    pub unit_level: Bilingual,
    /// What a division is called: "Division" / "संभाग" in Madhya Pradesh, "Division" / "मंडल"
    /// in Uttar Pradesh. Interface messages about divisions take it as a placeholder.
    pub division_level: Bilingual,
    pub divisions: Vec<Division>,
    pub units: Vec<Unit>,
    pub departments: Vec<Department>,
    pub indicators: Vec<Indicator>,
    pub periods: Vec<Period>,
    pub headlines: Vec<Headline>,
    pub flags: Vec<Flag>,
    pub value_files: Vec<FileRef>,
    pub boundaries: Option<FileRef>,
    /// Every value in one long CSV, for the public to download; never read by the viewer.
    pub download: Option<FileRef>,
    pub tile_layout: Vec<TilePosition>,
    pub bands: Vec<Band>,
    /// The review meetings that named districts, oldest first (the follow-up view).
    pub reviews: Vec<Review>,
    /// Notes on the data: a definition change, a portal outage, new districts.
    pub notes: Vec<Note>,
}

/// When a target is to be met: by a period (a known one, or a later month of the same
/// calendar), with the pace measured from `from` when given.
#[derive(Clone, Debug, PartialEq)]
pub struct Deadline {
    pub by: String,
    pub from: Option<String>,
}

/// How a review named a district.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NamedAs {
    /// Among the worst, told to improve.
    Bottom,
    /// Among the best.
    Top,
    /// Given an instruction (without a ranking).
    Instructed,
    /// Praised or honoured.
    Honoured,
}

impl NamedAs {
    pub const WORDS: &'static [&'static str] = &["bottom", "top", "instructed", "honoured"];
    pub fn word(self) -> &'static str {
        match self {
            NamedAs::Bottom => "bottom",
            NamedAs::Top => "top",
            NamedAs::Instructed => "instructed",
            NamedAs::Honoured => "honoured",
        }
    }
    fn from_word(w: &str) -> NamedAs {
        match w {
            "bottom" => NamedAs::Bottom,
            "top" => NamedAs::Top,
            "instructed" => NamedAs::Instructed,
            _ => NamedAs::Honoured,
        }
    }
    /// Whether the review named the district for doing badly, so a lack of improvement since
    /// is what its follow-up must mark.
    pub fn for_doing_badly(self) -> bool {
        matches!(self, NamedAs::Bottom | NamedAs::Instructed)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub district: String,
    pub named_as: NamedAs,
}

/// One point of a review: an indicator and the districts named under it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewPoint {
    pub indicator: String,
    pub named: Vec<Named>,
    pub remark: Option<Bilingual>,
}

/// A review meeting (the collector–commissioner conference, a monthly CM Helpline review).
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: Bilingual,
    /// The period whose figures the review looked at; by default the latest period no later
    /// than the review's month.
    pub period: String,
    pub points: Vec<ReviewPoint>,
}

/// A note on the data, for an indicator, a period, a district or any mix of them (none: the
/// whole dataset). Written as it is read (`format::written`); fields in alphabetical order, as
/// the files have them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub text: Bilingual,
}

impl Note {
    /// Whether the note speaks of this indicator, period and district (a field the note leaves
    /// out matches anything; a `None` asked matches only a note that leaves it out too).
    pub fn applies(&self, indicator: Option<&str>, period: Option<&str>, district: Option<&str>) -> bool {
        fn fits(note: &Option<String>, asked: Option<&str>) -> bool {
            match note {
                None => true,
                Some(n) => asked == Some(n.as_str()),
            }
        }
        fits(&self.indicator, indicator) && fits(&self.period, period) && fits(&self.district, district)
    }
}

/// A licence or a source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub name: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Division {
    pub id: String,
    pub name: Bilingual,
}

/// A district (or any geographic unit), keyed by a stable slug.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carved_from: Option<String>,
    /// External codes, e.g. `{"census2011": "444"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub codes: BTreeMap<String, String>,
    pub division: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<Bilingual>,
    /// Written as `null` when the district list has no centroid: the reader treats `null` as
    /// absent, and this is what the publisher has always written.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub name: Bilingual,
    pub slug: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_created: Option<u16>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Department {
    pub id: String,
    pub name: Bilingual,
    /// Weight of the department in the composite index; departments weigh equally by default.
    pub weight: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

/// What an indicator's numbers count; decides formatting and plausibility checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    Percent,
    Count,
    Score,
    Rate,
    Days,
    Rupees,
}

impl Measure {
    pub const WORDS: &'static [&'static str] = &["percent", "count", "score", "rate", "days", "rupees"];
    fn from_word(w: &str) -> Measure {
        match w {
            "percent" => Measure::Percent,
            "count" => Measure::Count,
            "score" => Measure::Score,
            "rate" => Measure::Rate,
            "days" => Measure::Days,
            _ => Measure::Rupees,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frequency {
    Monthly,
    Quarterly,
    Annual,
    Survey,
}

impl Frequency {
    pub const WORDS: &'static [&'static str] = &["monthly", "quarterly", "annual", "survey"];
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub name: Bilingual,
    pub short_name: Bilingual,
    pub measure: Measure,
    /// Overrides the unit text shown after values (e.g. "per 1,000 live births").
    pub unit_label: Option<Bilingual>,
    pub decimals: u8,
    pub direction: Direction,
    pub department: String,
    pub weight: f64,
    pub target: Option<f64>,
    /// When the target is to be met; `None` for a target without a date.
    pub deadline: Option<Deadline>,
    pub description: Bilingual,
    pub source: Bilingual,
    pub frequency: Frequency,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub id: String,
    pub label: Bilingual,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub id: String,
    pub label: Bilingual,
    pub value: f64,
    pub note: Option<Bilingual>,
}

/// A quality flag values may carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub id: String,
    pub label: Bilingual,
}

/// A file the manifest lists, with what it holds and how to check it arrived intact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// For value files: the indicators it holds; every indicator when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicators: Option<Vec<String>>,
    /// Relative to the manifest's folder.
    pub path: String,
    /// For value files: the period it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

impl FileRef {
    /// A listing of `body` at `path`, with its size and hash.
    pub fn of(path: String, body: &[u8]) -> FileRef {
        FileRef { bytes: Some(body.len() as u64), indicators: None, path, period: None, sha256: Some(crate::sha256_hex(body)) }
    }

    pub fn holds(&self, indicator: &str) -> bool {
        match &self.indicators {
            None => true,
            Some(list) => list.iter().any(|i| i == indicator),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TilePosition {
    pub col: i32,
    pub row: i32,
    pub unit: String,
}

/// A named band of the composite score, e.g. "Front runner" from 65 to 99.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub min_score: f64,
    pub label: Bilingual,
}

impl Indicator {
    /// Whether the indicator has a target with a deadline, so a pace to it can be projected.
    pub fn has_dated_target(&self) -> bool {
        self.target.is_some() && self.deadline.is_some()
    }
}

impl Manifest {
    pub fn unit(&self, slug: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.slug == slug)
    }
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
    pub fn period(&self, id: &str) -> Option<&Period> {
        self.periods.iter().find(|p| p.id == id)
    }
    pub fn division(&self, id: &str) -> Option<&Division> {
        self.divisions.iter().find(|d| d.id == id)
    }
    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }
    pub fn flag(&self, id: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.id == id)
    }
    pub fn review(&self, id: &str) -> Option<&Review> {
        self.reviews.iter().find(|r| r.id == id)
    }
    /// The value files a view of one period needs.
    pub fn files_for_period<'a>(&'a self, period: &'a str) -> impl Iterator<Item = &'a FileRef> + 'a {
        self.value_files.iter().filter(move |f| f.period.as_deref() == Some(period))
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(|c| c.is_ascii_digit());
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// A period id: `YYYY-MM`, or a named round such as `nfhs-5` or `2025-q3`.
pub fn is_period_id(s: &str) -> bool {
    let b = s.as_bytes();
    let looks_monthly = b.len() == 7 && b[4] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit());
    if looks_monthly {
        let month: u32 = s[5..7].parse().unwrap_or(0);
        return (1..=12).contains(&month);
    }
    is_valid_id(s) && s.bytes().any(|c| c.is_ascii_lowercase())
}

/// A monthly period id (`YYYY-MM`) as a count of months, so months can be subtracted and a
/// deadline beyond the published periods placed; `None` for a named round.
pub fn month_number(id: &str) -> Option<i64> {
    let b = id.as_bytes();
    if b.len() != 7 || b[4] != b'-' || !is_period_id(id) {
        return None;
    }
    let year: i64 = id[..4].parse().ok()?;
    let month: i64 = id[5..7].parse().ok()?;
    Some(year * 12 + month - 1)
}

/// The `YYYY-MM` id of a month count (the inverse of [`month_number`]).
pub fn month_id(n: i64) -> String {
    format!("{:04}-{:02}", n.div_euclid(12), n.rem_euclid(12) + 1)
}

/// Whether `id` may stand as a deadline or a review's period in a dataset with these periods:
/// a listed period, or, when every period is a month, any month (a deadline may lie beyond
/// the latest published month).
pub fn is_period_in_calendar(id: &str, periods: &HashSet<String>) -> bool {
    periods.contains(id) || (month_number(id).is_some() && !periods.is_empty() && periods.iter().all(|p| month_number(p).is_some()))
}

const DIRECTIONS: &[&str] = &["higher_is_better", "lower_is_better"];

/// Reads a manifest. Returns the usable manifest, if any, and every problem found.
pub fn parse_manifest(file: &str, bytes: &[u8]) -> (Option<Manifest>, Vec<Problem>) {
    let mut problems = Vec::new();
    let manifest = parse_json(file, bytes, &mut problems).and_then(|v| read_manifest(&mut Walk::new(file, &mut problems), &v));
    (manifest, problems)
}

fn read_manifest(w: &mut Walk, v: &Value) -> Option<Manifest> {
    let root = w.object(v, "$")?;
    let format = w.req_string(root, "$", "format")?;
    if format != crate::format::FORMAT {
        w.error("$.format", ProblemKind::UnknownFormat { found: format });
        return None;
    }
    let title = w.req_bilingual(root, "$", "title");
    let description = w.opt_bilingual(root, "$", "description").unwrap_or_default();
    let publisher = w.req_bilingual(root, "$", "publisher");
    let licence = w.field(root, "$", "licence").and_then(|l| read_link(w, l, "$.licence"));
    let sources = read_list(w, root, "$", "sources", ListNeed::Optional, read_link);
    let updated = w.req_string(root, "$", "updated").and_then(|d| {
        if is_date(&d) {
            Some(d)
        } else {
            w.error("$.updated", ProblemKind::BadDate { found: d });
            None
        }
    });
    let notice = w.opt_bilingual(root, "$", "notice");
    let unit_level = w.opt_bilingual(root, "$", "unit_level").unwrap_or_else(|| Bilingual::new("District", "ज़िला"));
    let division_level = w.opt_bilingual(root, "$", "division_level").unwrap_or_else(|| Bilingual::new("Division", "संभाग"));

    let divisions = read_list(w, root, "$", "divisions", ListNeed::Optional, read_division);
    let divisions = dedupe(w, divisions, "$.divisions", |d| &d.id);
    let division_ids: HashSet<String> = divisions.iter().map(|(_, d)| d.id.clone()).collect();

    let units = read_list(w, root, "$", "units", ListNeed::Required, read_unit);
    let mut units = dedupe(w, units, "$.units", |u| &u.slug);
    let slugs: HashSet<String> = units.iter().map(|(_, u)| u.slug.clone()).collect();
    for (i, u) in &mut units {
        let p = idx("$.units", *i);
        if !division_ids.is_empty() && !division_ids.contains(&u.division) {
            w.error(&key(&p, "division"), ProblemKind::UnknownReference { kind: RefKind::Division, id: u.division.clone() });
        }
        if let Some(parent) = &u.carved_from {
            if !slugs.contains(parent) {
                w.warn(&key(&p, "carved_from"), ProblemKind::UnknownReference { kind: RefKind::Unit, id: parent.clone() });
                u.carved_from = None;
            }
        }
    }

    let departments = read_list(w, root, "$", "departments", ListNeed::Required, read_department);
    let departments = dedupe(w, departments, "$.departments", |d| &d.id);
    let department_ids: HashSet<String> = departments.iter().map(|(_, d)| d.id.clone()).collect();

    let indicators = read_list(w, root, "$", "indicators", ListNeed::Required, read_indicator);
    let indicators: Vec<(usize, Indicator)> = dedupe(w, indicators, "$.indicators", |i| &i.id)
        .into_iter()
        .filter(|(i, ind)| {
            let known = department_ids.contains(&ind.department);
            if !known {
                w.error(&key(&idx("$.indicators", *i), "department"), ProblemKind::UnknownReference { kind: RefKind::Department, id: ind.department.clone() });
            }
            known
        })
        .collect();
    let indicator_ids: HashSet<String> = indicators.iter().map(|(_, i)| i.id.clone()).collect();

    let periods = read_list(w, root, "$", "periods", ListNeed::Required, read_period);
    let periods = dedupe(w, periods, "$.periods", |p| &p.id);
    let period_ids: HashSet<String> = periods.iter().map(|(_, p)| p.id.clone()).collect();

    // A deadline names a period of this dataset's calendar; one that does not is dropped (the
    // target stays, without a date).
    let mut indicators = indicators;
    for (i, ind) in &mut indicators {
        let Some(d) = &ind.deadline else { continue };
        let p = key(&idx("$.indicators", *i), "target");
        let by_ok = is_period_in_calendar(&d.by, &period_ids);
        let from_ok = d.from.as_ref().is_none_or(|f| period_ids.contains(f));
        if !by_ok {
            w.warn(&key(&p, "by"), ProblemKind::BadDeadline { found: d.by.clone() });
        }
        if !from_ok {
            w.warn(&key(&p, "from"), ProblemKind::UnknownReference { kind: RefKind::Period, id: d.from.clone().unwrap_or_default() });
        }
        if !by_ok {
            ind.deadline = None;
        } else if !from_ok {
            ind.deadline = Some(Deadline { by: d.by.clone(), from: None });
        }
    }

    let period_order: Vec<String> = periods.iter().map(|(_, p)| p.id.clone()).collect();
    let refs = Refs { units: &slugs, indicators: &indicator_ids, periods: &period_ids, period_order: &period_order };
    let reviews = read_list(w, root, "$", "reviews", ListNeed::Optional, |w, v, p| read_review(w, v, p, &refs));
    let mut reviews = dedupe(w, reviews, "$.reviews", |r| &r.id);
    crate::format::order::sort_by(&mut reviews, |a, b| a.1.date.cmp(&b.1.date));
    let notes = read_list(w, root, "$", "notes", ListNeed::Optional, |w, v, p| read_note(w, v, p, &refs));

    let headlines = read_list(w, root, "$", "headlines", ListNeed::Optional, read_headline);
    let flags = read_list(w, root, "$", "flags", ListNeed::Optional, read_flag);
    let flags = dedupe(w, flags, "$.flags", |f| &f.id);

    let value_files = read_list(w, root, "$", "value_files", ListNeed::Required, read_file_ref);
    let value_files: Vec<FileRef> = value_files
        .into_iter()
        .filter_map(|(i, mut f)| {
            let p = idx("$.value_files", i);
            match &f.period {
                None => {
                    w.error(&p, ProblemKind::MissingField { field: "period" });
                    return None;
                }
                Some(per) if !period_ids.contains(per) => {
                    w.error(&key(&p, "period"), ProblemKind::UnknownReference { kind: RefKind::Period, id: per.clone() });
                    return None;
                }
                _ => {}
            }
            if let Some(list) = &mut f.indicators {
                list.retain(|id| {
                    let ok = indicator_ids.contains(id);
                    if !ok {
                        w.warn(&key(&p, "indicators"), ProblemKind::UnknownReference { kind: RefKind::Indicator, id: id.clone() });
                    }
                    ok
                });
            }
            Some(f)
        })
        .collect();
    for (i, period) in &periods {
        if !value_files.iter().any(|f| f.period.as_deref() == Some(period.id.as_str())) {
            w.warn(&idx("$.periods", *i), ProblemKind::PeriodWithoutFile { id: period.id.clone() });
        }
    }
    for (i, ind) in &indicators {
        if !value_files.iter().any(|f| f.holds(&ind.id)) {
            w.warn(&idx("$.indicators", *i), ProblemKind::IndicatorWithoutValues { id: ind.id.clone() });
        }
    }

    let boundaries = match root.get("boundaries") {
        None | Some(Value::Null) => None,
        Some(b) => read_file_ref(w, b, "$.boundaries"),
    };
    let download = match root.get("download") {
        None | Some(Value::Null) => None,
        Some(b) => read_file_ref(w, b, "$.download"),
    };
    let tile_layout = read_list(w, root, "$", "tile_layout", ListNeed::Optional, read_tile)
        .into_iter()
        .filter(|(i, t)| {
            let ok = slugs.contains(&t.unit);
            if !ok {
                w.warn(&key(&idx("$.tile_layout", *i), "unit"), ProblemKind::UnknownReference { kind: RefKind::Unit, id: t.unit.clone() });
            }
            ok
        })
        .map(|(_, t)| t)
        .collect();
    let mut bands: Vec<Band> = read_list(w, root, "$", "bands", ListNeed::Optional, read_band).into_iter().map(|(_, b)| b).collect();
    crate::format::order::sort_by(&mut bands, |a, b| b.min_score.total_cmp(&a.min_score));

    let units: Vec<Unit> = strip(units);
    let indicators: Vec<Indicator> = strip(indicators);
    let periods: Vec<Period> = strip(periods);
    if units.is_empty() || indicators.is_empty() || periods.is_empty() {
        return None;
    }
    Some(Manifest {
        title: title.unwrap_or_else(|| Bilingual::new("Untitled dataset", "शीर्षकहीन डेटासेट")),
        description,
        publisher: publisher.unwrap_or_default(),
        licence: licence
            .unwrap_or(Link { name: Bilingual::new("Licence not stated", "लाइसेंस नहीं बताया गया"), url: None }),
        sources: strip(sources),
        updated: updated.unwrap_or_default(),
        notice,
        unit_level,
        division_level,
        divisions: strip(divisions),
        units,
        departments: strip(departments),
        indicators,
        periods,
        headlines: strip(headlines),
        flags: strip(flags),
        value_files,
        boundaries,
        download,
        tile_layout,
        bands,
        reviews: strip(reviews),
        notes: strip(notes),
    })
}

/// The ids a review or a note may name, known once the manifest's lists are read.
struct Refs<'a> {
    units: &'a HashSet<String>,
    indicators: &'a HashSet<String>,
    periods: &'a HashSet<String>,
    /// Period ids in the manifest's order.
    period_order: &'a [String],
}

impl Refs<'_> {
    /// Checks an optional reference; an unknown one is an error and drops the item naming it.
    fn known(&self, w: &mut Walk, o: &Map<String, Value>, p: &str, name: &'static str, kind: RefKind) -> Result<Option<String>, ()> {
        let Some(id) = w.opt_string(o, p, name) else { return Ok(None) };
        let set = match kind {
            RefKind::Unit => self.units,
            RefKind::Indicator => self.indicators,
            _ => self.periods,
        };
        if set.contains(&id) {
            Ok(Some(id))
        } else {
            w.error(&key(p, name), ProblemKind::UnknownReference { kind, id });
            Err(())
        }
    }
}

fn read_review(w: &mut Walk, v: &Value, p: &str, refs: &Refs) -> Option<Review> {
    let o = w.object(v, p)?;
    let id = w.field(o, p, "id").and_then(|v| w.id(v, &key(p, "id")));
    let date = w.req_string(o, p, "date").and_then(|d| {
        if is_date(&d) {
            Some(d)
        } else {
            w.error(&key(p, "date"), ProblemKind::BadDate { found: d });
            None
        }
    });
    let title = w.req_bilingual(o, p, "title");
    // The period reviewed: as given, or the latest listed period no later than the review's
    // month (a monthly calendar only).
    let period = match refs.known(w, o, p, "period", RefKind::Period) {
        Err(()) => None,
        Ok(Some(per)) => Some(per),
        Ok(None) => {
            let month = date.as_deref().and_then(|d| month_number(&d[..7]));
            let found =
                month.and_then(|m| refs.period_order.iter().filter(|x| month_number(x).is_some_and(|n| n <= m)).max_by_key(|x| month_number(x)).cloned());
            if found.is_none() && date.is_some() {
                w.error(p, ProblemKind::MissingField { field: "period" });
            }
            found
        }
    };
    let pp = key(p, "points");
    let points = match o.get("points") {
        None | Some(Value::Null) => {
            w.error(p, ProblemKind::MissingField { field: "points" });
            Vec::new()
        }
        Some(v) => {
            w.array(v, &pp).map(|items| items.iter().enumerate().filter_map(|(i, x)| read_review_point(w, x, &idx(&pp, i), refs)).collect()).unwrap_or_default()
        }
    };
    Some(Review { id: id?, date: date?, title: title?, period: period?, points })
}

fn read_review_point(w: &mut Walk, v: &Value, p: &str, refs: &Refs) -> Option<ReviewPoint> {
    let o = w.object(v, p)?;
    let indicator = match refs.known(w, o, p, "indicator", RefKind::Indicator) {
        Ok(Some(i)) => i,
        Ok(None) => {
            w.error(p, ProblemKind::MissingField { field: "indicator" });
            return None;
        }
        Err(()) => return None,
    };
    let np = key(p, "named");
    let named = match o.get("named") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => w
            .array(v, &np)
            .map(|items| {
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, x)| {
                        let ip = idx(&np, i);
                        let no = w.object(x, &ip)?;
                        let district = match refs.known(w, no, &ip, "district", RefKind::Unit) {
                            Ok(Some(d)) => Some(d),
                            Ok(None) => {
                                w.error(&ip, ProblemKind::MissingField { field: "district" });
                                None
                            }
                            Err(()) => None,
                        };
                        let named_as = w.field(no, &ip, "as").and_then(|v| w.one_of(v, &key(&ip, "as"), NamedAs::WORDS)).map(NamedAs::from_word);
                        Some(Named { district: district?, named_as: named_as? })
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    let remark = w.opt_bilingual(o, p, "remark");
    Some(ReviewPoint { indicator, named, remark })
}

fn read_note(w: &mut Walk, v: &Value, p: &str, refs: &Refs) -> Option<Note> {
    let o = w.object(v, p)?;
    let indicator = refs.known(w, o, p, "indicator", RefKind::Indicator).ok()?;
    let period = refs.known(w, o, p, "period", RefKind::Period).ok()?;
    let district = refs.known(w, o, p, "district", RefKind::Unit).ok()?;
    let text = w.req_bilingual(o, p, "text")?;
    Some(Note { indicator, period, district, text })
}

#[derive(PartialEq)]
enum ListNeed {
    Required,
    Optional,
}

/// Reads a list field item by item, keeping each item's index for later messages.
fn read_list<T>(
    w: &mut Walk,
    obj: &Map<String, Value>,
    path: &str,
    name: &'static str,
    need: ListNeed,
    mut item: impl FnMut(&mut Walk, &Value, &str) -> Option<T>,
) -> Vec<(usize, T)> {
    let v = match obj.get(name) {
        None | Some(Value::Null) => {
            if need == ListNeed::Required {
                w.error(path, ProblemKind::MissingField { field: name });
            }
            return Vec::new();
        }
        Some(v) => v,
    };
    let p = key(path, name);
    let Some(items) = w.array(v, &p) else { return Vec::new() };
    if items.is_empty() && need == ListNeed::Required {
        w.error(&p, ProblemKind::EmptyList);
    }
    items.iter().enumerate().filter_map(|(i, v)| item(w, v, &idx(&p, i)).map(|t| (i, t))).collect()
}

/// Drops later items whose id repeats an earlier one, with an error at the repeat.
fn dedupe<T>(w: &mut Walk, items: Vec<(usize, T)>, path: &str, id: impl Fn(&T) -> &String) -> Vec<(usize, T)> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|(i, t)| {
            let fresh = seen.insert(id(t).clone());
            if !fresh {
                w.error(&idx(path, *i), ProblemKind::DuplicateId { id: id(t).clone() });
            }
            fresh
        })
        .collect()
}

fn read_link(w: &mut Walk, v: &Value, p: &str) -> Option<Link> {
    let o = w.object(v, p)?;
    let name = w.req_bilingual(o, p, "name")?;
    let url = w.opt_string(o, p, "url");
    Some(Link { name, url })
}

fn read_division(w: &mut Walk, v: &Value, p: &str) -> Option<Division> {
    let o = w.object(v, p)?;
    let id = w.field(o, p, "id").and_then(|v| w.id(v, &key(p, "id")));
    let name = w.req_bilingual(o, p, "name");
    Some(Division { id: id?, name: name? })
}

fn read_unit(w: &mut Walk, v: &Value, p: &str) -> Option<Unit> {
    let o = w.object(v, p)?;
    let slug = w.field(o, p, "slug").and_then(|v| w.id(v, &key(p, "slug")));
    let name = w.req_bilingual(o, p, "name");
    let division = w.req_string(o, p, "division");
    let mut codes = BTreeMap::new();
    if let Some(c) = o.get("codes") {
        if let Some(m) = w.object(c, &key(p, "codes")) {
            for (k, v) in m {
                match v {
                    Value::String(s) => {
                        codes.insert(k.clone(), s.clone());
                    }
                    Value::Number(n) => {
                        codes.insert(k.clone(), n.to_string());
                    }
                    _ => w.error(&key(&key(p, "codes"), k), ProblemKind::WrongType { expected: Expected::String }),
                }
            }
        }
    }
    let carved_from = o.get("carved_from").filter(|v| !v.is_null()).and_then(|v| w.id(v, &key(p, "carved_from")));
    let year_created = w.opt_number(o, p, "year_created").and_then(|y| {
        if y.fract() == 0.0 && (1800.0..=2200.0).contains(&y) {
            Some(y as u16)
        } else {
            w.error(&key(p, "year_created"), ProblemKind::WrongType { expected: Expected::Integer });
            None
        }
    });
    let former_names = match o.get("former_names") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => {
            let fp = key(p, "former_names");
            w.array(v, &fp).map(|a| a.iter().enumerate().filter_map(|(i, n)| w.bilingual(n, &idx(&fp, i))).collect()).unwrap_or_default()
        }
    };
    let lat = w.opt_number(o, p, "lat");
    let lon = w.opt_number(o, p, "lon");
    Some(Unit { slug: slug?, name: name?, division: division?, codes, carved_from, year_created, former_names, lat, lon })
}

fn read_department(w: &mut Walk, v: &Value, p: &str) -> Option<Department> {
    let o = w.object(v, p)?;
    let id = w.field(o, p, "id").and_then(|v| w.id(v, &key(p, "id")));
    let name = w.req_bilingual(o, p, "name");
    let weight = read_weight(w, o, p);
    Some(Department { id: id?, name: name?, weight })
}

fn read_weight(w: &mut Walk, o: &Map<String, Value>, p: &str) -> f64 {
    match w.opt_number(o, p, "weight") {
        None => 1.0,
        Some(x) if x < 0.0 => {
            w.error(&key(p, "weight"), ProblemKind::NegativeNotAllowed { value: x });
            1.0
        }
        Some(x) => x,
    }
}

/// The id the viewer's URL uses for the composite index, so no indicator may take it.
pub const COMPOSITE_ID: &str = "composite";

fn read_indicator(w: &mut Walk, v: &Value, p: &str) -> Option<Indicator> {
    let o = w.object(v, p)?;
    let id = w.field(o, p, "id").and_then(|v| w.id(v, &key(p, "id"))).and_then(|id| {
        // The viewer's URL uses this id for the composite index.
        if id == COMPOSITE_ID {
            w.error(&key(p, "id"), ProblemKind::BadId { id });
            None
        } else {
            Some(id)
        }
    });
    let name = w.req_bilingual(o, p, "name");
    let short_name = w.opt_bilingual(o, p, "short_name");
    let measure = w.field(o, p, "unit").and_then(|v| w.one_of(v, &key(p, "unit"), Measure::WORDS)).map(Measure::from_word);
    let unit_label = w.opt_bilingual(o, p, "unit_label");
    let decimals = match w.opt_number(o, p, "decimals") {
        None => 1,
        Some(d) if d.fract() == 0.0 && (0.0..=6.0).contains(&d) => d as u8,
        Some(d) => {
            w.error(&key(p, "decimals"), ProblemKind::DecimalsOutOfRange { found: d });
            1
        }
    };
    let direction = w.field(o, p, "direction").and_then(|v| w.one_of(v, &key(p, "direction"), DIRECTIONS)).map(|d| {
        if d == "higher_is_better" {
            Direction::HigherIsBetter
        } else {
            Direction::LowerIsBetter
        }
    });
    let department = w.req_string(o, p, "department");
    let weight = read_weight(w, o, p);
    // A target is a number, or `{"value", "by", "from"?}` with a deadline (checked against the
    // periods once they are read).
    let (target, deadline) = match o.get("target") {
        None | Some(Value::Null) => (None, None),
        Some(Value::Object(t)) => {
            let tp = key(p, "target");
            let value = w.field(t, &tp, "value").and_then(|v| w.number(v, &key(&tp, "value")));
            let by = w.req_string(t, &tp, "by");
            let from = w.opt_string(t, &tp, "from");
            (value, by.filter(|_| value.is_some()).map(|by| Deadline { by, from }))
        }
        Some(v) => (w.number(v, &key(p, "target")), None),
    };
    let description = w.opt_bilingual(o, p, "description").unwrap_or_default();
    let source = w.opt_bilingual(o, p, "source").unwrap_or_default();
    let frequency = match o.get("frequency") {
        None | Some(Value::Null) => Some(Frequency::Monthly),
        Some(v) => w.one_of(v, &key(p, "frequency"), Frequency::WORDS).map(|f| match f {
            "monthly" => Frequency::Monthly,
            "quarterly" => Frequency::Quarterly,
            "annual" => Frequency::Annual,
            _ => Frequency::Survey,
        }),
    };
    let name = name?;
    Some(Indicator {
        id: id?,
        short_name: short_name.unwrap_or_else(|| name.clone()),
        name,
        measure: measure?,
        unit_label,
        decimals,
        direction: direction?,
        department: department?,
        weight,
        target,
        deadline,
        description,
        source,
        frequency: frequency?,
    })
}

fn read_period(w: &mut Walk, v: &Value, p: &str) -> Option<Period> {
    let o = w.object(v, p)?;
    let id = w.req_string(o, p, "id").and_then(|id| {
        if is_period_id(&id) {
            Some(id)
        } else {
            w.error(&key(p, "id"), ProblemKind::BadPeriodId { found: id });
            None
        }
    });
    let label = w.req_bilingual(o, p, "label");
    Some(Period { id: id?, label: label? })
}

fn read_headline(w: &mut Walk, v: &Value, p: &str) -> Option<Headline> {
    let o = w.object(v, p)?;
    let id = w.field(o, p, "id").and_then(|v| w.id(v, &key(p, "id")));
    let label = w.req_bilingual(o, p, "label");
    let value = w.field(o, p, "value").and_then(|v| w.number(v, &key(p, "value")));
    let note = w.opt_bilingual(o, p, "note");
    Some(Headline { id: id?, label: label?, value: value?, note })
}

fn read_flag(w: &mut Walk, v: &Value, p: &str) -> Option<Flag> {
    let o = w.object(v, p)?;
    let id = w.field(o, p, "id").and_then(|v| w.id(v, &key(p, "id")));
    let label = w.req_bilingual(o, p, "label");
    Some(Flag { id: id?, label: label? })
}

/// Whether a listed file stays inside the dataset folder, so a manifest cannot make the viewer
/// fetch from another host or another folder: not empty, no absolute path, no "..", no scheme,
/// no backslash, no query or fragment, no control character or space (nor a byte-order mark),
/// and no `%` at all, so there is nothing a browser or a server could decode into any of these
/// (`%2e%2e`, `%252e`). The service worker and the JSON Schema apply the same rule; the table
/// of cases in `tests/rules/cases.json` runs through every copy.
pub fn inside_folder(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains("..")
        && !path.contains([':', '\\', '?', '#', '%'])
        && !path.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\u{feff}')
}

fn read_file_ref(w: &mut Walk, v: &Value, p: &str) -> Option<FileRef> {
    let o = w.object(v, p)?;
    let path = w.req_string(o, p, "path").and_then(|s| {
        if inside_folder(&s) {
            Some(s)
        } else {
            w.error(&key(p, "path"), ProblemKind::BadId { id: s });
            None
        }
    });
    let period = w.opt_string(o, p, "period");
    let indicators = match o.get("indicators") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let ip = key(p, "indicators");
            w.array(v, &ip).map(|a| a.iter().enumerate().filter_map(|(i, x)| w.id(x, &idx(&ip, i))).collect())
        }
    };
    let bytes = w.opt_number(o, p, "bytes").and_then(|b| {
        if b >= 0.0 && b.fract() == 0.0 {
            Some(b as u64)
        } else {
            w.error(&key(p, "bytes"), ProblemKind::WrongType { expected: Expected::Integer });
            None
        }
    });
    let sha256 = w.opt_string(o, p, "sha256");
    Some(FileRef { path: path?, period, indicators, bytes, sha256 })
}

fn read_tile(w: &mut Walk, v: &Value, p: &str) -> Option<TilePosition> {
    let o = w.object(v, p)?;
    let unit = w.req_string(o, p, "unit");
    let int = |name: &'static str, w: &mut Walk| {
        let x = w.field(o, p, name).and_then(|v| w.number(v, &key(p, name)))?;
        if x.fract() == 0.0 && x.abs() < 10_000.0 {
            Some(x as i32)
        } else {
            w.error(&key(p, name), ProblemKind::WrongType { expected: Expected::Integer });
            None
        }
    };
    let col = int("col", w);
    let row = int("row", w);
    Some(TilePosition { unit: unit?, col: col?, row: row? })
}

fn read_band(w: &mut Walk, v: &Value, p: &str) -> Option<Band> {
    let o = w.object(v, p)?;
    let min_score = w.field(o, p, "min_score").and_then(|v| w.number(v, &key(p, "min_score")));
    let label = w.req_bilingual(o, p, "label");
    Some(Band { min_score: min_score?, label: label? })
}

/// Drops the source indices once they are no longer needed for messages.
fn strip<T>(v: Vec<(usize, T)>) -> Vec<T> {
    v.into_iter().map(|(_, x)| x).collect()
}

/// Positions of items by id, for the dataset's lookups.
pub(crate) fn positions<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<String, usize> {
    items.iter().enumerate().map(|(i, t)| (id(t).to_string(), i)).collect()
}
