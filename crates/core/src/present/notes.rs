//! Notes on the data (a definition change, a portal outage, new districts) as a reader sees
//! them beside a value, a table, a chart or a slide: "March 2026: the portal was down for ten
//! days; figures are for 20 days".

use super::Ctx;
use crate::format::manifest::Note;
use crate::present::i18n::Msg;

/// The notes that speak of this indicator in this period (and this district, when one is
/// given), each with the period it is about.
pub fn notes_for(ctx: &Ctx, indicator: Option<usize>, period: usize, district: Option<usize>) -> Vec<String> {
    let ind = indicator.and_then(|i| ctx.ds.indicators().get(i)).map(|x| x.id.as_str());
    let per = ctx.ds.periods().get(period).map(|p| p.id.as_str());
    let dis = district.and_then(|u| ctx.ds.units().get(u)).map(|u| u.slug.as_str());
    // A note about one district shows beside that district only; a note for no district
    // shows wherever its indicator and period do.
    ctx.ds.manifest.notes.iter().filter(|n| n.applies(ind, per, dis)).map(|n| text(ctx, n)).collect()
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
    let Some(id) = ctx.ds.indicators().get(indicator).map(|x| x.id.as_str()) else { return Vec::new() };
    ctx.ds
        .manifest
        .notes
        .iter()
        .filter(|n| n.indicator.as_deref().is_none_or(|i| i == id) && n.district.is_none())
        .filter_map(|n| Some((ctx.ds.period_index(n.period.as_deref()?)?, text(ctx, n))))
        .collect()
}
