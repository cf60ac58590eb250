//! Notes on the data (a definition change, a portal outage, new districts) as a reader sees
//! them beside a value, a table, a chart or a slide: "March 2026: the portal was down for ten
//! days; figures are for 20 days".

use super::Ctx;
use crate::i18n::Msg;
use crate::manifest::Note;

/// The notes that speak of this indicator in this period (and this district, when one is
/// given), each with the period it is about.
pub fn notes_for(ctx: &Ctx, indicator: Option<usize>, period: usize, district: Option<usize>) -> Vec<String> {
    let ind = indicator.map(|i| ctx.ds.indicators()[i].id.as_str());
    let per = ctx.ds.periods()[period].id.as_str();
    let dis = district.map(|u| ctx.ds.units()[u].slug.as_str());
    ctx.ds
        .manifest
        .notes
        .iter()
        // A note about one district shows beside that district only; a note for no district
        // shows wherever its indicator and period do.
        .filter(|n| fits(&n.indicator, ind) && n.period.as_deref().is_none_or(|p| p == per) && n.district.as_deref().is_none_or(|d| Some(d) == dis))
        .map(|n| text(ctx, n))
        .collect()
}

fn fits(note: &Option<String>, asked: Option<&str>) -> bool {
    note.as_deref().is_none_or(|n| Some(n) == asked)
}

/// A note in the reader's language, with its period when it names one.
pub fn text(ctx: &Ctx, n: &Note) -> String {
    let text = n.text.get(ctx.lang);
    match &n.period {
        Some(p) => ctx.fill(Msg::NoteAt, &[("period", &ctx.period_id_label(p)), ("text", text)]),
        None => text.to_string(),
    }
}

/// The periods (by index) a trend chart of this indicator marks with a note, and the notes'
/// text, for the chart and its exports.
pub fn marked_periods(ctx: &Ctx, indicator: usize) -> Vec<(usize, String)> {
    let id = ctx.ds.indicators()[indicator].id.as_str();
    ctx.ds
        .manifest
        .notes
        .iter()
        .filter(|n| n.indicator.as_deref().is_none_or(|i| i == id) && n.district.is_none())
        .filter_map(|n| Some((ctx.ds.period_index(n.period.as_deref()?)?, text(ctx, n))))
        .collect()
}
