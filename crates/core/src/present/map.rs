//! The map view's model: per district its colours, the rank shown on its tile and the sentence
//! a screen reader hears; the legend (classes as shown, better first, with counts); the table
//! of values and its CSV; the tooltip, and its HTML (`tooltip_markup`); what a click or tap on a
//! district does (`Pointer`: a finger's first tap shows the tooltip, its second opens the
//! profile); where a tooltip opened without a pointer position goes (`pin_beside`: beside its
//! district, not over it); the note for districts drawn within their parent; and
//! where each name goes on the geographic map (inside its shape, beyond a small one's edge, or
//! left off so no two touch) and which fit on a square, at a readable size. Classes come from this period's
//! values, or every period's with `Scale::AllPeriods`; with `Method::Track` each district is
//! coloured and described by its pace to a dated target (`analysis::track`).

use super::{Ctx, Measured};
use crate::analysis::classify::{Method, Scheme};
use crate::analysis::classify::{TRACK, TRACK_INK};
use crate::analysis::paint::paint_over;
use crate::analysis::track::{project_all, Track};
use crate::present::i18n::Msg;
use crate::route::Scale;

#[derive(Clone, Debug, PartialEq)]
pub struct UnitMap {
    pub slug: String,
    pub name: String,
    /// Fill and text colour; `None` draws the no-data pattern.
    pub colours: Option<(&'static str, &'static str)>,
    pub rank: Option<usize>,
    /// "5", "5=" or "–" on a tile.
    pub rank_mark: String,
    /// "Morena: 412, rank 55 of 55", or "Mauganj: not reported".
    pub sentence: String,
    pub value_text: String,
    /// Pace to the target's deadline, with `classes=track` (the `data-track` hook).
    pub track: Option<Track>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    /// The class by value order (the `data-class` hook).
    pub class: usize,
    pub fill: &'static str,
    /// "40.1% – 50.2% (12)".
    pub text: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub title: String,
    /// Better first, whatever the direction, so it reads as its title says.
    pub items: Vec<LegendItem>,
    /// "No data (3)".
    pub no_data: String,
    /// Said when the classes are drawn over every period.
    pub scale_note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValueRow {
    pub slug: String,
    pub name: String,
    pub rank_mark: String,
    pub value_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapModel {
    pub heading: String,
    pub direction: &'static str,
    /// The map's accessible name.
    pub aria: String,
    pub method: Method,
    /// By unit index.
    pub units: Vec<UnitMap>,
    pub legend: Option<Legend>,
    /// Ranked first, then the rest by name.
    pub values: Vec<ValueRow>,
}

/// The classification an indicator gets unless the reader chooses: distance from the target
/// where there is one.
pub fn default_method(m: &Measured) -> Method {
    Method::default_for(m.facts.target)
}

pub fn method_label(ctx: &Ctx, method: Method) -> &'static str {
    ctx.msg(match method {
        Method::Quantile => Msg::MethodQuantile,
        Method::EqualInterval => Msg::MethodEqual,
        Method::NaturalBreaks => Msg::MethodNatural,
        Method::TargetBands => Msg::MethodTarget,
        Method::Diverging => Msg::MethodDiverging,
        Method::Track => Msg::TrackHeading,
    })
}

/// The methods offered for a subject: target bands only where there is a target, pace to
/// target only where the target has a deadline.
pub fn methods(m: &Measured) -> Vec<Method> {
    Method::ALL
        .into_iter()
        .filter(|k| match k {
            Method::TargetBands => m.facts.target.is_some(),
            Method::Track => m.facts.dated_target,
            _ => true,
        })
        .collect()
}

/// A status's fill and ink.
pub fn track_colours(t: Track) -> (&'static str, &'static str) {
    let k = Track::ALL.iter().position(|x| *x == t).unwrap_or(3);
    (TRACK[k], TRACK_INK[k])
}

/// Builds the map for one subject and period. With [`Scale::AllPeriods`] the colour classes are
/// drawn over every loaded period's values, so stepping or playing through time keeps each
/// colour's meaning (the legend then counts this period's districts per class, zero included).
pub fn model(ctx: &Ctx, m: &Measured, method: Option<Method>, scale: Scale) -> MapModel {
    let ds = ctx.ds;
    let method = method.filter(|k| methods(m).contains(k)).unwrap_or_else(|| default_method(m));
    let n_units = ds.units().len();
    let pool: Option<Vec<f64>> = (scale == Scale::AllPeriods).then(|| (0..n_units).flat_map(|u| super::series(ds, m.subject, u)).flatten().collect());
    let paint = paint_over(&m.table, n_units, method, m.facts.target, m.facts.direction, m.facts.decimals, pool.as_deref());
    // With `Track`, districts are coloured by their status against the deadline.
    let tracks: Option<Vec<Track>> = match (method, m.subject) {
        (Method::Track, super::Subject::Indicator(i)) => project_all(ds, i, m.period).map(|p| p.into_iter().map(|x| x.track).collect()),
        _ => None,
    };
    let n = m.table.ranked_count;
    let units: Vec<UnitMap> = (0..n_units)
        .map(|u| {
            let track = tracks.as_ref().map(|t| t[u]);
            let colours = match track {
                Some(t) => m.table.row(u).map(|_| track_colours(t)),
                None => paint.units[u].colours,
            };
            let with_status = |sentence: String| match track {
                Some(t) => ctx.fill(Msg::WithStatus, &[("text", &sentence), ("status", super::track::label(ctx, t))]),
                None => sentence,
            };
            match m.table.row(u) {
                Some(r) => {
                    let value_text = ctx.value(m.subject, r.value);
                    UnitMap {
                        slug: ctx.slug(u),
                        name: ctx.name(u),
                        colours,
                        rank: Some(r.rank),
                        rank_mark: ctx.rank_mark(r.rank, r.tied),
                        sentence: with_status(ctx.district_value_rank(u, &value_text, r.rank, r.tied, n)),
                        value_text,
                        track,
                    }
                }
                None => {
                    let reason = m.table.unranked.iter().find(|x| x.0 == u).map_or(ctx.msg(Msg::NoData), |x| x.1.label(ctx.lang)).to_string();
                    UnitMap {
                        slug: ctx.slug(u),
                        name: ctx.name(u),
                        colours: None,
                        rank: None,
                        rank_mark: "–".into(),
                        sentence: with_status(ctx.district_gap(u, &reason)),
                        value_text: reason,
                        track,
                    }
                }
            }
        })
        .collect();
    let track_legend = tracks.as_ref().map(|t| track_legend(ctx, m, t));
    let legend = track_legend.or_else(|| {
        paint.classes.as_ref().map(|c| {
            let values: Vec<f64> = m.table.rows.iter().map(|r| r.value).collect();
            let mut classes = c.legend(&values);
            crate::format::order::sort_by_key(&mut classes, |k| std::cmp::Reverse(c.class_shade(k.class)));
            let items = classes
                .into_iter()
                .map(|k| {
                    let (low, high) = (ctx.value(m.subject, k.low), ctx.value(m.subject, k.high));
                    let count = k.count.to_string();
                    let text = if low == high {
                        ctx.fill(Msg::LegendSingle, &[("value", &low), ("count", &count)])
                    } else {
                        ctx.fill(Msg::LegendRange, &[("low", &low), ("high", &high), ("count", &count)])
                    };
                    LegendItem { class: k.class, fill: c.colours(k.class).0, text, count: k.count }
                })
                .collect();
            let subject = ctx.subject_short(m.subject);
            let title = match c.centre.filter(|_| c.scheme == Scheme::Diverging) {
                Some(x) if m.facts.target == Some(x) => ctx.fill(Msg::LegendCentreTarget, &[("subject", &subject), ("value", &ctx.value(m.subject, x))]),
                Some(x) => ctx.fill(Msg::LegendCentreAverage, &[("subject", &subject), ("value", &ctx.value(m.subject, x))]),
                None => ctx.fill(Msg::LegendTitle, &[("subject", &subject)]),
            };

            let scale_note = (scale == Scale::AllPeriods).then(|| ctx.msg(Msg::LegendAllPeriods).to_string());
            Legend { title, items, scale_note, no_data: ctx.fill(Msg::NoDataCount, &[("count", &paint.no_data.to_string())]) }
        })
    });
    let mut order: Vec<usize> = (0..n_units).collect();
    crate::format::order::sort_by(&mut order, |&a, &b| {
        (units[a].rank.unwrap_or(usize::MAX), &ds.units()[a].name.en).cmp(&(units[b].rank.unwrap_or(usize::MAX), &ds.units()[b].name.en))
    });
    let values = order
        .into_iter()
        .map(|u| ValueRow {
            slug: units[u].slug.clone(),
            name: units[u].name.clone(),
            rank_mark: units[u].rank_mark.clone(),
            value_text: units[u].value_text.clone(),
        })
        .collect();
    MapModel {
        heading: ctx.heading(m.subject, m.period),
        direction: ctx.direction(m.facts.direction),
        aria: ctx.fill(Msg::MapAria, &[("subject", &ctx.subject_name(m.subject)), ("period", &ctx.period_label(m.period))]),
        method,
        units,
        legend,
        values,
    }
}

/// The legend of pace to target: the statuses in their order, each with the districts that have
/// a value in the period shown (those without one are counted as no data), empty ones left out.
fn track_legend(ctx: &Ctx, m: &Measured, tracks: &[Track]) -> Legend {
    let items = Track::ALL
        .iter()
        .enumerate()
        .filter_map(|(k, t)| {
            let count = m.table.rows.iter().filter(|r| tracks[r.unit] == *t).count();
            (count > 0).then(|| LegendItem {
                class: k,
                fill: TRACK[k],
                text: ctx.fill(Msg::TrackCount, &[("status", super::track::label(ctx, *t)), ("count", &count.to_string())]),
                count,
            })
        })
        .collect();
    let no_data = tracks.len() - m.table.ranked_count;
    let title = match super::track::deadline_words(ctx, m.subject) {
        Some((target, by)) => ctx.fill(Msg::TrackLegendTitle, &[("subject", &ctx.subject_short(m.subject)), ("target", &target), ("by", &by)]),
        None => ctx.msg(Msg::TrackHeading).to_string(),
    };
    Legend { title, items, no_data: ctx.fill(Msg::NoDataCount, &[("count", &no_data.to_string())]), scale_note: None }
}

/// What the pointer or keyboard focus is on.
#[derive(Clone, Debug, PartialEq)]
pub struct Tooltip {
    pub slug: String,
    pub name: String,
    /// The district's name in the other language, with that language's code.
    pub other_name: String,
    pub other_lang: &'static str,
    pub division: String,
    /// "45.2% · rank 38 of 55", or the reason there is no value.
    pub value: String,
    pub flag: Option<String>,
    pub change: Option<String>,
    pub as_of: String,
    /// Notes on the data about this value (its indicator, period or district).
    pub notes: Vec<String>,
}

pub fn tooltip(ctx: &Ctx, m: &Measured, unit: usize) -> Tooltip {
    let u = &ctx.ds.units()[unit];
    let row = m.table.row(unit);
    let value = match row {
        Some(r) => ctx.fill(
            Msg::ValueRank,
            &[("value", &ctx.value(m.subject, r.value)), ("rank", &ctx.rank_mark(r.rank, r.tied)), ("n", &m.table.ranked_count.to_string())],
        ),
        None => m.table.unranked.iter().find(|x| x.0 == unit).map_or(ctx.msg(Msg::NoData), |x| x.1.label(ctx.lang)).to_string(),
    };
    Tooltip {
        slug: ctx.slug(unit),
        name: ctx.name(unit),
        other_name: u.name.get(ctx.lang.other()).to_string(),
        other_lang: ctx.lang.other().code(),
        division: ctx.fill(Msg::DivisionIs, &[("division", &ctx.division_name(unit))]),
        value,
        flag: row.and_then(|r| ctx.flag_label(r.flag.as_deref())),
        change: row.and_then(|r| r.change.as_ref()).map(|c| ctx.fill(Msg::SincePrevious, &[("change", &ctx.change(c, m.facts.decimals))])),
        as_of: ctx.fill(Msg::AsOfPeriod, &[("period", &ctx.period_label(m.period))]),
        notes: match m.subject {
            super::Subject::Indicator(i) => super::notes::notes_for(ctx, Some(i), m.period, Some(unit)),
            super::Subject::Composite => super::notes::notes_for(ctx, None, m.period, Some(unit)),
        },
    }
}

/// The tooltip's content as HTML, for the element a view places and positions: a close button
/// (`.tooltip-close`), the names, division, value, flag, change, notes, as-of date, and a link to
/// the profile at `profile_href` (`a[data-profile]`, naming the district's slug). One markup
/// for the app's map view and for the pre-rendered map answering a tap before the app is in
/// (`first_tap`), so the two cannot differ. Every text is escaped: names and notes are the
/// dataset's.
pub fn tooltip_markup(ctx: &Ctx, t: &Tooltip, profile_href: &str) -> String {
    use super::markup::text;
    let mut out = format!(
        "<button type=\"button\" class=\"tooltip-close\" aria-label=\"{}\">×</button><strong>{}</strong><span lang=\"{}\"> · {}</span><br>{}<br>{}",
        text(ctx.msg(Msg::Close)),
        text(&t.name),
        t.other_lang,
        text(&t.other_name),
        text(&t.division),
        text(&t.value)
    );
    if let Some(f) = &t.flag {
        out += &format!("<br><em>{}</em>", text(f));
    }
    if let Some(c) = &t.change {
        out += &format!("<br>{}", text(c));
    }
    for n in &t.notes {
        out += &format!("<br><span class=\"tooltip-note\"><span class=\"note-mark\">{}</span> {}</span>", text(ctx.msg(Msg::NoteMark)), text(n));
    }
    // The link's text is isolated, as `views::DistrictLink` isolates it.
    out += &format!(
        "<br><small>{}</small><br><a href=\"{}\" data-profile=\"{}\"><bdi>{}</bdi></a>",
        text(&t.as_of),
        text(profile_href),
        text(&t.slug),
        text(ctx.msg(Msg::OpenProfile))
    );
    out
}

/// What the last press on a map came from: a finger (and which district its last tap opened
/// the tooltip of), or anything else (a mouse, a pen, a key). The app's map view and the
/// pre-rendered map answering before the app is in (`first_tap`) keep one each, and the copy's
/// is handed to the app with its open tooltip, so a second tap after the hand-over still opens
/// the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pointer {
    Touch { tapped: Option<usize> },
    Other,
}

/// What a click or tap on a district does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PressAnswer {
    ShowTooltip,
    OpenProfile,
}

impl Pointer {
    /// The press that just began (its `pointerType`: "touch", or another), keeping what the
    /// last tap showed.
    pub fn pressed(self, pointer_type: &str) -> Pointer {
        match (pointer_type, self) {
            ("touch", Pointer::Touch { tapped }) => Pointer::Touch { tapped },
            ("touch", Pointer::Other) => Pointer::Touch { tapped: None },
            _ => Pointer::Other,
        }
    }

    /// The press a click is: its own `pointerType` when it says one ("" from a key), else the
    /// last press (a browser whose `click` is no `PointerEvent`).
    pub fn clicked(self, pointer_type: Option<&str>) -> Pointer {
        pointer_type.map_or(self, |kind| self.pressed(kind))
    }

    /// A click or tap on `unit`, with `showing` the district whose tooltip is open: what it
    /// does, and the pointer after it. A finger has no hover, so its first tap shows the
    /// tooltip (name, value, rank and a link to the profile) and a second tap on the same
    /// district opens the profile; a mouse click, or a key, opens it at once. "Second" is
    /// counted in taps: a tap also focuses a shape and sends it a mouse move before its click,
    /// either of which may have opened the tooltip, and neither is a first look.
    pub fn activate(self, showing: Option<usize>, unit: usize) -> (PressAnswer, Pointer) {
        match self {
            Pointer::Touch { tapped } if !(showing == Some(unit) && tapped == Some(unit)) => (PressAnswer::ShowTooltip, Pointer::Touch { tapped: Some(unit) }),
            other => (PressAnswer::OpenProfile, other),
        }
    }
}

/// A rectangle on the page, in CSS pixels: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// Where a tooltip opened without a pointer position (a finger's tap, keyboard focus) goes in
/// its map figure, as offsets from the figure's edges in CSS pixels: `left`, and `top` or
/// `bottom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pinned {
    pub left: f64,
    pub edge: Edge,
}

/// Which of the figure's edges a pinned tooltip's vertical offset is measured from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Edge {
    /// Below the district: the offset from the figure's top to the tooltip's top.
    Top(f64),
    /// Above the district: the offset from the figure's bottom to the tooltip's bottom.
    Bottom(f64),
}

/// The gap between a district and its pinned tooltip, and between the tooltip and the
/// figure's sides, in CSS pixels.
const PIN_GAP: f64 = 8.0;

/// Places the tooltip (`tip`: its width and height) of the district at `district`, within the
/// figure at `figure` (all as the browser measures them), beside the district on the side with
/// more room: below a district in the figure's upper half, above one in its lower half. A
/// tooltip taller than that room is kept within the figure, over part of the district, since
/// nothing else fits. Its left edge follows the district's, moved left only as far as needed to
/// fit. It was pinned to the figure's top corner, where on a phone it covered the first rows of
/// squares, often the one tapped.
pub fn pin_beside(district: Rect, figure: Rect, tip: (f64, f64)) -> Pinned {
    let (width, height) = tip;
    let left = (district.left - figure.left).min(figure.width - width - PIN_GAP).max(PIN_GAP.min(figure.width));
    let top = district.top - figure.top;
    let bottom = top + district.height;
    // The side with more room: below when the district's middle is above the figure's.
    let below = figure.height - bottom >= top;
    // The furthest a tooltip can sit from the edge it is measured from and stay in the figure.
    let furthest = (figure.height - height - PIN_GAP).max(PIN_GAP.min(figure.height));
    let edge = if below { Edge::Top((bottom + PIN_GAP).min(furthest)) } else { Edge::Bottom((figure.height - top + PIN_GAP).min(furthest)) };
    Pinned { left, edge }
}

/// The districts of a division (the map zoomed to it), by index.
pub fn division_units(ds: &crate::Dataset, division: &str) -> Vec<usize> {
    ds.units().iter().enumerate().filter(|(_, u)| u.division == division).map(|(i, _)| i).collect()
}

/// "Mauganj: no separate boundary in this map; shown within Rewa".
pub fn within_parent(ctx: &Ctx, unit: usize, parent: usize) -> String {
    ctx.fill(Msg::WithinParent, &[("district", &ctx.name(unit)), ("parent", &ctx.name(parent))])
}

/// The smallest size, in CSS pixels, at which a district's name is drawn on a map: below it a
/// name is left off (the tooltip, the finder and the table still name the district) rather
/// than drawn too small to read on a phone.
pub const LABEL_PX: f64 = 12.5;

/// Whether a name fits on its shape at [`LABEL_PX`] when the map is drawn at `px_per_unit`
/// screen pixels per map unit; `bbox` is the shape's box in map units.
pub fn label_fits(name: &str, bbox: [f64; 4], px_per_unit: f64) -> bool {
    if !(px_per_unit.is_finite() && px_per_unit > 0.0) {
        return false;
    }
    let width_px = crate::format::text::label_width_em(name) * LABEL_PX + 4.0;
    let height_px = LABEL_PX * 1.3;
    (bbox[2] - bbox[0]) * px_per_unit >= width_px && (bbox[3] - bbox[1]) * px_per_unit >= height_px
}

/// Where the geographic map puts one district's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelPlace {
    /// Inside the district's box, on a halo of the district's own colour.
    Inside,
    /// Wider than the district (a small one such as Bhopal), centred on it and reaching over its
    /// neighbours where no other name is: drawn dark on a white halo, since it crosses
    /// other districts' colours.
    Beyond,
    /// Not drawn: the tooltip, the finder and the table still name the district.
    Left,
}

/// One district's name as the map would draw it: the name, the district's box and the point
/// the name is centred on, in map units.
#[derive(Clone, Copy, Debug)]
pub struct LabelSpot<'a> {
    pub name: &'a str,
    pub bbox: [f64; 4],
    pub at: (f64, f64),
}

/// Where each name goes at `px_per_unit` screen pixels per map unit, one [`LabelPlace`] per spot.
/// Names are drawn at [`LABEL_PX`] or not at all, and no two names touch:
/// - names that fit inside their district's box come first, largest district first;
/// - then names that do not fit, centred on their district. A name is drawn only where it keeps
///   clear of every name already placed and stays within the map.
///
/// A name that would touch one already placed is left off.
pub fn place_labels(spots: &[LabelSpot], px_per_unit: f64) -> Vec<LabelPlace> {
    let mut places = vec![LabelPlace::Left; spots.len()];
    if !(px_per_unit.is_finite() && px_per_unit > 0.0) || spots.is_empty() {
        return places;
    }
    // A name's box in map units, with half the clearance between names on each side.
    let clear = 3.0 / px_per_unit;
    let rect = |s: &LabelSpot| {
        let w = (crate::format::text::label_width_em(s.name) * LABEL_PX + 4.0) / px_per_unit / 2.0 + clear / 2.0;
        let h = LABEL_PX * 0.65 / px_per_unit + clear / 2.0;
        [s.at.0 - w, s.at.1 - h, s.at.0 + w, s.at.1 + h]
    };
    let overlaps = |a: &[f64; 4], b: &[f64; 4]| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    let map = spots.iter().fold([f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY], |m, s| {
        [m[0].min(s.bbox[0]), m[1].min(s.bbox[1]), m[2].max(s.bbox[2]), m[3].max(s.bbox[3])]
    });
    let area = |s: &LabelSpot| (s.bbox[2] - s.bbox[0]) * (s.bbox[3] - s.bbox[1]);
    let mut order: Vec<usize> = (0..spots.len()).collect();
    crate::format::order::sort_by(&mut order, |&a, &b| area(&spots[b]).total_cmp(&area(&spots[a])).then(a.cmp(&b)));
    let mut placed: Vec<[f64; 4]> = Vec::new();
    for pass in [LabelPlace::Inside, LabelPlace::Beyond] {
        for &k in &order {
            let fits = label_fits(spots[k].name, spots[k].bbox, px_per_unit);
            if places[k] != LabelPlace::Left || fits != (pass == LabelPlace::Inside) {
                continue;
            }
            let r = rect(&spots[k]);
            let within = r[0] >= map[0] && r[1] >= map[1] && r[2] <= map[2] && r[3] <= map[3];
            if (pass == LabelPlace::Inside || within) && !placed.iter().any(|p| overlaps(p, &r)) {
                placed.push(r);
                places[k] = pass;
            }
        }
    }
    places
}

/// The widths of square a tile's name can need, in CSS pixels; the stylesheet hides a name in
/// a square narrower than its step (`need-40` … `need-96`, or `need-more`).
pub const TILE_STEPS: [u32; 6] = [40, 48, 56, 64, 80, 96];

/// The class naming the narrowest square a name fits on one line at [`LABEL_PX`].
pub fn tile_name_class(name: &str) -> String {
    need_class(crate::format::text::label_width_em(name) * LABEL_PX + 6.0, &TILE_STEPS)
}

/// The widths a rank can need inside its square, in CSS pixels at the default text size (the
/// stylesheet writes them in rem, as the rank's size is): one to five characters of
/// [`RANK_CHAR_PX`]. The stylesheet hides a rank in a square whose inside is narrower than its
/// step. At all-India scale a phone's squares are 10–11 px wide (6–7 px inside), too small for
/// any rank to be read (the square's accessible name, its title and its tooltip still give it),
/// and laying out 785 ranks nobody can read cost more than laying out the squares.
pub const RANK_STEPS: [u32; 5] = [8, 16, 24, 32, 40];

/// How wide each character of a rank is drawn: a digit, "=" and "–" are each 8 px in bold at the
/// rank's 0.875rem, 14 px at the default text size (measured in Chromium with Noto Sans, 0.57 em;
/// Roboto's are narrower).
pub const RANK_CHAR_PX: f64 = 8.0;

/// The class naming the narrowest square a rank ("5", "55=", "785") fits.
pub fn tile_rank_class(mark: &str) -> String {
    need_class(mark.chars().count() as f64 * RANK_CHAR_PX, &RANK_STEPS)
}

fn need_class(px: f64, steps: &[u32]) -> String {
    match steps.iter().find(|&&s| f64::from(s) >= px) {
        Some(s) => format!("need-{s}"),
        None => "need-more".into(),
    }
}

/// What one square of the square map shows and says, from its district's part of the model:
/// the one rule the app's squares follow when first drawn and at every change after (the app
/// writes only the parts that changed).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TileFace {
    /// Fill and text colour; `None` draws the no-data pattern (the `no-data` class).
    pub colours: Option<(&'static str, &'static str)>,
    /// "5", "5=" or "–".
    pub rank: String,
    /// The class naming the narrowest square the rank fits ([`tile_rank_class`]).
    pub rank_class: String,
    /// The whole sentence, shown on hover (`title`).
    pub sentence: String,
    /// The accessible name: what the square shows (name and rank), so a voice user can say
    /// what they see, then the whole sentence. An attribute, not hidden text: 785 hidden spans,
    /// each placed against a far ancestor, took 45 % of laying out the all-India squares
    /// (measured in a trace at 4× CPU).
    pub label: String,
    /// The `data-track` hook, with `classes=track`.
    pub track: Option<&'static str>,
}

impl TileFace {
    /// The face of a square named `name`, from its district's part of the model (`None` before
    /// the values are read: an empty square with the no-data pattern).
    pub fn of(name: &str, unit: Option<&UnitMap>) -> TileFace {
        let Some(d) = unit else { return TileFace { label: name.to_string(), rank_class: tile_rank_class(""), ..TileFace::default() } };
        TileFace {
            colours: d.colours,
            rank: d.rank_mark.clone(),
            rank_class: tile_rank_class(&d.rank_mark),
            sentence: d.sentence.clone(),
            label: format!("{name} {} — {}", d.rank_mark, d.sentence),
            track: d.track.map(Track::word),
        }
    }
}

impl TileFace {
    /// The square's attributes this face sets, by name (`None`: the attribute is removed).
    pub fn attributes(&self) -> [(&'static str, Option<&str>); 3] {
        [("title", Some(&self.sentence)), ("aria-label", Some(&self.label)), ("data-track", self.track)]
    }

    /// The rank's element's class.
    pub fn rank_classes(&self) -> String {
        format!("tile-rank {}", self.rank_class)
    }
}

/// One square of the square map: its district, the name it shows, its profile's address and the
/// face it has now.
pub struct Square<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub href: &'a str,
    pub face: &'a TileFace,
}

/// The square map's squares as markup, in the order given (the keyboard's): each a link to its
/// district's profile (`data-district`, `href`) with its name (classed by the square width it
/// needs, [`tile_name_class`]) and the face it has now ([`TileFace`]), but for its place and
/// colours: a strict CSP allows those only through the CSSOM, and the app writes them. So 785
/// squares are one parse, not thousands of calls.
pub fn tiles_markup<'a>(squares: impl IntoIterator<Item = Square<'a>>) -> String {
    use super::markup::text;
    use std::fmt::Write;
    let mut out = String::new();
    for Square { slug, name, href, face } in squares {
        let no_data = if face.colours.is_none() { " no-data" } else { "" };
        let _ = write!(out, "<a class=\"tile{no_data}\" data-district=\"{}\" href=\"{}\"", text(slug), text(href));
        for (attribute, value) in face.attributes() {
            if let Some(value) = value {
                let _ = write!(out, " {attribute}=\"{}\"", text(value));
            }
        }
        let _ = write!(
            out,
            "><span class=\"tile-name {}\">{}</span> <span class=\"{}\">{}</span></a>",
            tile_name_class(name),
            text(name),
            face.rank_classes(),
            text(&face.rank)
        );
    }
    out
}

/// The map's table of values as CSV, with its heading and source line first; the file's name
/// says what it holds.
pub fn csv(ctx: &Ctx, m: &Measured, model: &MapModel) -> (String, String) {
    let header = [ctx.msg(Msg::Rank).to_string(), ctx.unit_word(), ctx.msg(Msg::Value).to_string()];
    let rows: Vec<Vec<String>> = model.values.iter().map(|r| vec![r.rank_mark.clone(), r.name.clone(), r.value_text.clone()]).collect();
    let id = match m.subject {
        super::Subject::Indicator(i) => ctx.ds.indicators()[i].id.clone(),
        super::Subject::Composite => crate::format::manifest::COMPOSITE_ID.to_string(),
    };
    let name = format!("samiksha-{id}-{}-map-{}.csv", ctx.ds.periods()[m.period].id, ctx.lang.code());
    (name, crate::present::csvout::to_csv(&[model.heading.clone(), ctx.source_line()], &header, &rows))
}

#[cfg(test)]
mod press_rules {
    use super::*;

    #[test]
    fn a_fingers_first_tap_shows_the_tooltip_and_its_second_opens_the_profile() {
        let finger = Pointer::Other.pressed("touch");
        assert_eq!(finger, Pointer::Touch { tapped: None });
        let (first, after) = finger.activate(None, 3);
        assert_eq!(first, PressAnswer::ShowTooltip);
        let (second, _) = after.pressed("touch").activate(Some(3), 3);
        assert_eq!(second, PressAnswer::OpenProfile);
        // Another district's tap shows that district's tooltip first.
        let (other, after_other) = after.pressed("touch").activate(Some(3), 5);
        assert_eq!((other, after_other), (PressAnswer::ShowTooltip, Pointer::Touch { tapped: Some(5) }));
    }

    #[test]
    fn a_tooltip_a_tap_did_not_open_is_not_a_first_look() {
        // Focus or a mouse move the tap sent opened the tooltip: the tap still only shows it.
        let (answer, _) = Pointer::Other.pressed("touch").activate(Some(3), 3);
        assert_eq!(answer, PressAnswer::ShowTooltip);
        // Closed after the first tap (Escape, the close button): the next tap shows it again.
        let (_, after) = Pointer::Touch { tapped: None }.activate(None, 3);
        assert_eq!(after.pressed("touch").activate(None, 3).0, PressAnswer::ShowTooltip);
    }

    #[test]
    fn a_click_is_the_press_it_says_it_is() {
        let tapped = Pointer::Touch { tapped: Some(3) };
        // Enter on a square after a finger's tap: the click says "", a key, and opens.
        assert_eq!(tapped.clicked(Some("")).activate(Some(3), 3).0, PressAnswer::OpenProfile);
        assert_eq!(tapped.clicked(Some("")), Pointer::Other);
        // A click that does not say is the last press.
        assert_eq!(tapped.clicked(None), tapped);
        assert_eq!(Pointer::Other.clicked(Some("touch")), Pointer::Touch { tapped: None });
    }

    #[test]
    fn a_mouse_pen_or_key_opens_at_once_and_forgets_the_fingers_taps() {
        let tapped = Pointer::Touch { tapped: Some(3) };
        for kind in ["mouse", "pen", ""] {
            assert_eq!(tapped.pressed(kind), Pointer::Other);
            assert_eq!(tapped.pressed(kind).activate(None, 3), (PressAnswer::OpenProfile, Pointer::Other));
        }
    }
}

#[cfg(test)]
mod pin_rules {
    use super::*;

    const FIGURE: Rect = Rect { left: 12.0, top: 500.0, width: 388.0, height: 600.0 };
    const TIP: (f64, f64) = (288.0, 150.0);

    fn square(left: f64, top: f64) -> Rect {
        Rect { left, top, width: 40.0, height: 40.0 }
    }

    /// The tooltip's vertical span within the figure.
    fn span(p: Pinned, height: f64) -> (f64, f64) {
        match p.edge {
            Edge::Top(t) => (t, t + height),
            Edge::Bottom(b) => (FIGURE.height - b - height, FIGURE.height - b),
        }
    }

    fn covers(d: Rect, p: Pinned, height: f64) -> bool {
        let (top, bottom) = span(p, height);
        let (d_top, d_bottom) = (d.top - FIGURE.top, d.top - FIGURE.top + d.height);
        top < d_bottom && bottom > d_top
    }

    fn inside(p: Pinned, height: f64) -> bool {
        let (top, bottom) = span(p, height);
        top >= 0.0 && bottom <= FIGURE.height
    }

    #[test]
    fn a_district_in_the_upper_half_has_its_tooltip_below_it_and_one_in_the_lower_half_above() {
        let high = square(60.0, 520.0);
        let p = pin_beside(high, FIGURE, TIP);
        assert_eq!(p.edge, Edge::Top(20.0 + 40.0 + 8.0));
        let low = square(60.0, 1000.0);
        let q = pin_beside(low, FIGURE, TIP);
        assert_eq!(q.edge, Edge::Bottom(600.0 - 500.0 + 8.0));
        for (d, p) in [(high, p), (low, q)] {
            assert!(!covers(d, p, TIP.1), "{d:?} covered");
            assert!(inside(p, TIP.1), "within the figure");
        }
    }

    #[test]
    fn a_tall_tooltip_goes_to_the_roomier_side_and_stays_in_the_figure() {
        // Just above the middle: 312 px below (after the gap), 232 above; 250 px fit below.
        let middle = square(60.0, 500.0 + 240.0);
        let p = pin_beside(middle, FIGURE, (288.0, 250.0));
        assert!(matches!(p.edge, Edge::Top(_)) && !covers(middle, p, 250.0) && inside(p, 250.0), "{p:?}");
        // Just below it, the same the other way.
        let lower = square(60.0, 500.0 + 320.0);
        let p = pin_beside(lower, FIGURE, (288.0, 250.0));
        assert!(matches!(p.edge, Edge::Bottom(_)) && !covers(lower, p, 250.0) && inside(p, 250.0), "{p:?}");
        // Taller than either side (text zoomed): the roomier side, kept within the figure.
        let p = pin_beside(middle, FIGURE, (288.0, 400.0));
        assert!(matches!(p.edge, Edge::Top(_)) && inside(p, 400.0), "{p:?}");
        assert!(covers(middle, p, 400.0), "nothing else fits");
    }

    #[test]
    fn the_tooltip_starts_at_the_districts_left_edge_and_moves_left_only_to_fit() {
        assert_eq!(pin_beside(square(60.0, 520.0), FIGURE, TIP).left, 48.0);
        // A district at the right edge: the tooltip ends a gap short of the figure's right.
        assert_eq!(pin_beside(square(360.0, 520.0), FIGURE, TIP).left, 388.0 - 288.0 - 8.0);
        // A figure narrower than the tooltip: the gap from its left, not a negative offset.
        let narrow = Rect { width: 200.0, ..FIGURE };
        assert_eq!(pin_beside(square(100.0, 520.0), narrow, TIP).left, 8.0);
    }
}

#[cfg(test)]
mod label_rules {
    use super::*;

    #[test]
    fn names_are_left_off_rather_than_shrunk() {
        let bbox = [0.0, 0.0, 60.0, 40.0];
        // At one pixel per unit "Dhar" fits a 60-unit box; at a third of that it does not.
        assert!(label_fits("Dhar", bbox, 1.0));
        assert!(!label_fits("Dhar", bbox, 0.33));
        assert!(!label_fits("Narsinghpur", bbox, 1.0));
        assert!(label_fits("Narsinghpur", bbox, 1.5));
        assert!(!label_fits("Dhar", bbox, f64::NAN));
        assert_eq!(tile_name_class("Dhar"), "need-40");
        assert_eq!(tile_name_class("Narsinghpur"), "need-96");
        assert_eq!(tile_name_class("A very long district name indeed"), "need-more");
    }

    fn spot(name: &str, bbox: [f64; 4]) -> LabelSpot<'_> {
        LabelSpot { name, bbox, at: ((bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0) }
    }

    #[test]
    fn a_small_district_is_named_beyond_its_edge_where_no_other_name_is() {
        // A wide district on the left, a small one beside it, room above and below.
        let spots = [spot("Narmadapuram", [0.0, 0.0, 200.0, 100.0]), spot("Bhopal", [200.0, 40.0, 220.0, 60.0]), spot("Sehore", [220.0, 0.0, 400.0, 100.0])];
        let placed = place_labels(&spots, 1.0);
        assert_eq!(placed[0], LabelPlace::Inside);
        assert_eq!(placed[2], LabelPlace::Inside);
        assert_eq!(placed[1], LabelPlace::Beyond, "Bhopal's name reaches over its neighbours, whose names are far enough away");
        // Its neighbours' names moved next to it: now it would touch them, so it is left off.
        let crowded = [spot("Dhar", [150.0, 0.0, 200.0, 100.0]), spot("Bhopal", [200.0, 40.0, 220.0, 60.0]), spot("Guna", [220.0, 0.0, 270.0, 100.0])];
        assert_eq!(place_labels(&crowded, 1.0), vec![LabelPlace::Inside, LabelPlace::Left, LabelPlace::Inside]);
    }

    #[test]
    fn no_two_names_touch_and_the_larger_district_keeps_its_name() {
        // Two districts whose names each fit their own box but would run into each other.
        let a = LabelSpot { name: "Ratlam", bbox: [0.0, 0.0, 80.0, 40.0], at: (60.0, 20.0) };
        let b = LabelSpot { name: "Ujjain", bbox: [80.0, 0.0, 150.0, 40.0], at: (95.0, 20.0) };
        assert!(label_fits(a.name, a.bbox, 1.0) && label_fits(b.name, b.bbox, 1.0));
        assert_eq!(place_labels(&[a, b], 1.0), vec![LabelPlace::Inside, LabelPlace::Left]);
        // Drawn larger, the same two names are clear of each other.
        assert_eq!(place_labels(&[a, b], 2.0), vec![LabelPlace::Inside, LabelPlace::Inside]);
        // A name never leaves the map, and a bad scale draws none.
        assert_eq!(place_labels(&[spot("Agar Malwa", [0.0, 0.0, 10.0, 10.0])], 1.0), vec![LabelPlace::Left]);
        assert_eq!(place_labels(&[a], f64::NAN), vec![LabelPlace::Left]);
    }
}

#[cfg(test)]
mod tile_rules {
    use super::*;

    fn unit(colours: Option<(&'static str, &'static str)>, rank: &str, track: Option<Track>) -> UnitMap {
        UnitMap {
            slug: "morena".into(),
            name: "Morena".into(),
            colours,
            rank: None,
            rank_mark: rank.into(),
            sentence: "Morena: 412, rank 55 of 55".into(),
            value_text: "412".into(),
            track,
        }
    }

    #[test]
    fn a_square_says_what_it_shows_then_the_sentence() {
        let face = TileFace::of("Morena", Some(&unit(Some(("#123456", "#fff")), "55", Some(Track::OffTrack))));
        assert_eq!(face.label, "Morena 55 — Morena: 412, rank 55 of 55");
        assert_eq!(face.sentence, "Morena: 412, rank 55 of 55");
        assert_eq!((face.rank.as_str(), face.colours, face.track), ("55", Some(("#123456", "#fff")), Some("off-track")));
        assert_eq!(face.rank_class, "need-16");
        // Before the values are read: no colours (the no-data pattern), no rank, the name alone.
        let empty = TileFace::of("Morena", None);
        assert_eq!((empty.colours, empty.rank.as_str(), empty.label.as_str()), (None, "", "Morena"));
        assert_eq!((empty.sentence.as_str(), empty.rank_class.as_str(), empty.track), ("", "need-8", None));
        // A district the period has no value for keeps its sentence and shows the dash.
        let missing = TileFace::of("Morena", Some(&unit(None, "–", None)));
        assert_eq!((missing.colours, missing.rank.as_str(), missing.track), (None, "–", None));
    }

    #[test]
    fn a_rank_needs_a_wider_square_the_more_it_has_to_show() {
        // Madhya Pradesh's squares on a 360 px phone are 24.7 px wide inside: every rank up to
        // "55=" (24 px) shows. All-India's are 6–7 px inside on a phone: none does.
        assert_eq!(
            ["–", "5", "55", "5=", "55=", "785", "1234"].map(tile_rank_class),
            ["need-8", "need-8", "need-16", "need-16", "need-24", "need-24", "need-32"]
        );
        assert_eq!(tile_rank_class("1234="), "need-40");
        assert_eq!(tile_rank_class("12345="), "need-more");
        let need = |mark: &str| tile_rank_class(mark).trim_start_matches("need-").parse::<u32>().unwrap_or(u32::MAX);
        assert!(need("5") <= need("55") && need("55") <= need("785"));
    }

    #[test]
    fn the_markup_has_one_square_per_district_in_the_order_given_with_text_escaped() {
        let empty = TileFace::of("R&D <x>", None);
        let face = TileFace::of("भिंड", Some(&unit(Some(("#123456", "#fff")), "5=", Some(Track::Met))));
        let markup = tiles_markup([
            Square { slug: "a-b", name: "R&D <x>", href: "?view=district&district=a-b", face: &empty },
            Square { slug: "bhind", name: "भिंड", href: "?district=bhind", face: &face },
        ]);
        assert_eq!(markup.matches("<a class=\"tile").count(), 2);
        let first = markup
            .find("<a class=\"tile no-data\" data-district=\"a-b\" href=\"?view=district&amp;district=a-b\" title=\"\" aria-label=\"R&amp;D &lt;x&gt;\">")
            .unwrap();
        let second = markup.find("<a class=\"tile\" data-district=\"bhind\" href=\"?district=bhind\" title=\"Morena: 412, rank 55 of 55\" aria-label=\"भिंड 5= — Morena: 412, rank 55 of 55\" data-track=\"met\">").unwrap();
        assert!(first < second, "{markup}");
        assert!(markup.contains(">R&amp;D &lt;x&gt;</span> <span class=\"tile-rank need-8\"></span></a>"), "{markup}");
        assert!(
            markup.contains(&format!("<span class=\"tile-name {}\">भिंड</span> <span class=\"tile-rank need-16\">5=</span></a>", tile_name_class("भिंड"))),
            "{markup}"
        );
        // Nothing a strict CSP would refuse: place and colours are the app's, through the CSSOM.
        assert!(!markup.contains("style"), "{markup}");
    }
}
