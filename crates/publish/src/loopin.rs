//! The review loop's input sheets: review meetings with the districts each named
//! (`--reviews`) and notes on the data (`--notes`). Strict like every other sheet: a district,
//! indicator or period that matches nothing, or a word that is not one of the allowed, stops
//! the import with the file, line and column and what was expected.

use crate::csvin::{Row, Table};
use crate::files::Files;
use crate::import::pair;
use samiksha_core::format::manifest::{is_date, is_period_id, NamedAs};
use samiksha_core::format::written::{NamedDistrict, Note, Review, ReviewPoint};
use std::collections::HashMap;
use std::path::Path;

/// What a sheet's names and ids are checked against.
pub struct Known<'a> {
    /// Every spelling of every district (normalised) → its slug.
    pub districts: &'a HashMap<String, String>,
    pub normalise: fn(&str) -> String,
    /// Indicator keys and ids → the indicator's id.
    pub indicators: &'a HashMap<String, String>,
    pub periods: &'a [String],
}

impl Known<'_> {
    fn district(&self, t: &Table, row: &Row, col: &str) -> Result<Option<String>, String> {
        let Some(name) = t.get(row, col) else { return Ok(None) };
        match self.districts.get(&(self.normalise)(name)) {
            Some(slug) => Ok(Some(slug.clone())),
            None => Err(format!(
                "{}: \"{name}\" matches no district; expected a name or slug from the district list (or add a line to the aliases file: {name},<slug>)",
                t.at(row, col)
            )),
        }
    }

    fn indicator(&self, t: &Table, row: &Row, col: &str) -> Result<Option<String>, String> {
        let Some(key) = t.get(row, col) else { return Ok(None) };
        match self.indicators.get(key) {
            Some(id) => Ok(Some(id.clone())),
            None => {
                let mut ids: Vec<&String> = self.indicators.values().collect();
                ids.sort();
                ids.dedup();
                let some: Vec<&str> = ids.iter().take(8).map(|s| s.as_str()).collect();
                Err(format!("{}: \"{key}\" is no indicator of the indicator sheet; expected its id or key, e.g. {}", t.at(row, col), some.join(", ")))
            }
        }
    }

    fn period(&self, t: &Table, row: &Row, col: &str) -> Result<Option<String>, String> {
        let Some(p) = t.get(row, col) else { return Ok(None) };
        if self.periods.iter().any(|x| x == p) {
            Ok(Some(p.to_string()))
        } else if !is_period_id(p) {
            Err(format!("{}: \"{p}\" is not a period; expected YYYY-MM or a period id such as nfhs-5", t.at(row, col)))
        } else {
            Err(format!("{}: \"{p}\" is no period of the values; expected one of {}", t.at(row, col), self.periods.join(", ")))
        }
    }
}

/// The reviews sheet: one row per named district (or per point, with no district, for a point
/// that names none). Columns: `review`, `date`, `title_en`, `title_hi`, `period`?, `indicator`,
/// `district`?, `as`?, `remark_en`?, `remark_hi`?. A review's date, title and period are given on
/// its first row and may be left empty on the rest.
pub fn read_reviews(fs: &dyn Files, path: &Path, known: &Known) -> Result<Vec<Review>, String> {
    let t = fs.table(path)?;
    t.require(&["review", "date", "title_en", "title_hi", "indicator"])?;
    let mut reviews: Vec<Review> = Vec::new();
    for row in &t.rows {
        let id = t.need(row, "review", "the review's id (lower-case letters, digits and hyphens)")?.to_string();
        if !samiksha_core::format::manifest::is_valid_id(&id) {
            return Err(format!("{}: \"{id}\" is not an id; expected lower-case letters, digits and hyphens", t.at(row, "review")));
        }
        let at = match reviews.iter().position(|r| r.id == id) {
            Some(k) => k,
            None => {
                let date = t.need(row, "date", "the meeting's date as YYYY-MM-DD")?;
                if !is_date(date) {
                    return Err(format!("{}: \"{date}\" is not a date; expected YYYY-MM-DD", t.at(row, "date")));
                }
                let title = pair(&t, row, "title_en", "title_hi")?.ok_or_else(|| format!("{}: empty; expected the review's title", t.at(row, "title_en")))?;
                let period = known.period(&t, row, "period")?;
                // Without a period the viewer takes the review's month, which only a monthly
                // calendar has.
                if period.is_none() && !known.periods.iter().all(|p| samiksha_core::format::manifest::month_number(p).is_some()) {
                    return Err(format!("{}: empty; expected the period the review looked at (the values' periods are not months)", t.at(row, "period")));
                }
                reviews.push(Review { id: id.clone(), date: date.to_string(), title, period, points: Vec::new() });
                reviews.len() - 1
            }
        };
        let review = &mut reviews[at];
        // A later row that repeats the date must agree with the first.
        if let Some(date) = t.get(row, "date").filter(|d| *d != review.date) {
            return Err(format!(
                "{}: \"{date}\", but review \"{id}\" was given the date {} on an earlier line; expected the same date",
                t.at(row, "date"),
                review.date
            ));
        }
        let indicator = known.indicator(&t, row, "indicator")?.ok_or_else(|| format!("{}: empty; expected the indicator's id", t.at(row, "indicator")))?;
        let district = known.district(&t, row, "district")?;
        let named_as = match (t.get(row, "as"), &district) {
            (Some(w), _) => match NamedAs::WORDS.iter().find(|x| **x == w) {
                Some(x) => Some(x.to_string()),
                None => return Err(format!("{}: \"{w}\"; expected one of {}", t.at(row, "as"), NamedAs::WORDS.join(", "))),
            },
            (None, Some(_)) => return Err(format!("{}: empty; expected how the review named the district: {}", t.at(row, "as"), NamedAs::WORDS.join(", "))),
            (None, None) => None,
        };
        let remark = pair(&t, row, "remark_en", "remark_hi")?;
        let point = match review.points.iter().position(|p| p.indicator == indicator) {
            Some(k) => &mut review.points[k],
            None => {
                review.points.push(ReviewPoint { indicator, named: Vec::new(), remark: None });
                review.points.last_mut().expect("just pushed")
            }
        };
        if point.remark.is_none() {
            point.remark = remark;
        }
        if let (Some(district), Some(named_as)) = (district, named_as) {
            if point.named.iter().any(|n| n.district == district) {
                return Err(format!("{}: \"{district}\" is named twice under one point of review \"{id}\"", t.at(row, "district")));
            }
            point.named.push(NamedDistrict { district, named_as });
        }
    }
    Ok(reviews)
}

/// The notes sheet: `indicator`?, `period`?, `district`?, `text_en`, `text_hi`.
pub fn read_notes(fs: &dyn Files, path: &Path, known: &Known) -> Result<Vec<Note>, String> {
    let t = fs.table(path)?;
    t.require(&["text_en", "text_hi"])?;
    t.rows
        .iter()
        .map(|row| {
            Ok(Note {
                indicator: known.indicator(&t, row, "indicator")?,
                period: known.period(&t, row, "period")?,
                district: known.district(&t, row, "district")?,
                text: pair(&t, row, "text_en", "text_hi")?.ok_or_else(|| format!("{}: empty; expected the note", t.at(row, "text_en")))?,
            })
        })
        .collect()
}
