//! The charts view's model: what each chart draws (bars, trend lines with noted periods,
//! division strips, scatter points, then-and-now slopes, ranks over time) with labels in the
//! reader's language, its title, summary sentence, data table, and
//! the source line and file name its downloads carry. The `samiksha-charts` crate draws these
//! inputs; it re-exports [`Bar`], [`Series`] and [`Reference`] from here.

use super::{series, Ctx, Measured, Selection, Subject};
use crate::present::i18n::Msg;
use crate::present::numfmt::format_number;
use crate::route::ChartKind;

/// A reference line drawn across a chart: the state average or the target.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub label: String,
    pub value: f64,
    pub dashed: bool,
}

/// One bar of the ranked bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    pub highlight: bool,
}

/// One line of a trend chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    /// One value per x label; `None` is a gap.
    pub values: Vec<Option<f64>>,
}

/// One district's line on the slope chart.
#[derive(Clone, Debug, PartialEq)]
pub struct SlopeLine {
    pub label: String,
    pub from: f64,
    pub to: f64,
    pub trend: crate::analysis::review::Trend,
    pub highlight: bool,
    /// Named at the right end (the top and bottom three now, and the chosen district).
    pub named: bool,
}

/// One division's strip of the distribution chart: its name and its districts as (name,
/// value, highlighted).
pub type Group = (String, Vec<(String, f64, bool)>);

/// What to draw, with every label already in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Drawing {
    Bars {
        bars: Vec<Bar>,
        refs: Vec<Reference>,
        gap_label: String,
    },
    Trend {
        labels: Vec<String>,
        series: Vec<Series>,
        refs: Vec<Reference>,
        /// Periods a note on the data speaks of: (period index, "Note 1").
        marks: Vec<(usize, String)>,
    },
    Distribution {
        groups: Vec<Group>,
        refs: Vec<Reference>,
    },
    /// Every district from one period to another, coloured and marked (▲ ✕ ●) by whether it
    /// got better.
    Slope {
        /// The two periods' labels.
        from: String,
        to: String,
        lines: Vec<SlopeLine>,
        /// "▲ Better", "▼ Worse", "● No change".
        legend: [String; 3],
    },
    /// Ranks over time, drawn as a trend of negative ranks (so rank 1 is at the top).
    Ranks {
        labels: Vec<String>,
        series: Vec<Series>,
    },
    /// `y` is the second subject; its values are formatted with its own unit.
    Scatter {
        points: Vec<(String, f64, f64, bool)>,
        x_title: String,
        y_title: String,
        y: Subject,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartModel {
    pub kind: ChartKind,
    pub title: String,
    pub drawing: Drawing,
    pub size: (u32, u32),
    pub summary: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The source and as-of line every download carries, then the notes on the data.
    pub footer: String,
    /// Notes on the data the chart marks: "Note 1 — September 2026: new rules".
    pub notes: Vec<String>,
    pub file_stem: String,
    /// For the scatter: the indicators the second axis can show, as (id, name, chosen).
    pub second_choices: Vec<(String, String, bool)>,
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// The chart of `kind` for the selection; `with` adds districts to the trend, `second` picks
/// the scatter's other indicator. `None` until the period's values are loaded.
pub fn model(ctx: &Ctx, sel: Selection, with: &[usize], kind: ChartKind, second: Option<usize>) -> Option<ChartModel> {
    model_from(ctx, sel, with, kind, second, None)
}

/// The period a slope chart starts from: the one asked for (`compare=`), else the period of
/// the latest review before the shown one, else the first period.
pub fn slope_start(ds: &crate::format::dataset::Dataset, subject: Subject, period: usize, asked: Option<usize>) -> Option<usize> {
    // A period counts only where the subject has values (an indicator added later has none).
    let has = |p: usize| p < period && Measured::new(ds, subject, p).is_some_and(|m| !m.table.rows.is_empty());
    asked
        .filter(|&p| has(p))
        .or_else(|| ds.manifest.reviews.iter().rev().filter_map(|r| ds.period_index(&r.period)).find(|&p| has(p)))
        .or_else(|| (0..period).find(|&p| has(p)))
}

/// The districts a trend or rank chart follows: the chosen one and `with`, or the best and the
/// worst, at most six.
fn followed(ds: &crate::format::dataset::Dataset, m: &Measured, sel: Selection, with: &[usize]) -> Vec<usize> {
    let mut units: Vec<usize> = sel.district.into_iter().collect();
    units.extend(with.iter().copied());
    if units.is_empty() {
        units.extend(m.table.top(1).iter().map(|r| r.unit));
        units.extend(m.table.bottom(1).iter().map(|r| r.unit));
    }
    let mut seen = Vec::new();
    units.retain(|u| {
        !seen.contains(u) && *u < ds.units().len() && {
            seen.push(*u);
            true
        }
    });
    units.truncate(6);
    units
}

/// As [`model`], with the slope chart's starting period (`compare=`).
pub fn model_from(ctx: &Ctx, sel: Selection, with: &[usize], kind: ChartKind, second: Option<usize>, compare: Option<usize>) -> Option<ChartModel> {
    let ds = ctx.ds;
    let m = Measured::new(ds, sel.subject, sel.period)?;
    let subject = sel.subject;
    let name = |u: usize| ctx.name(u);
    let fmt = |v: f64| ctx.value(subject, v);
    let values = m.values(ds.units().len());
    let mut refs = Vec::new();
    if let Some(a) = m.table.mean {
        refs.push(Reference { label: ctx.msg(Msg::StateAverage).into(), value: a, dashed: false });
    }
    if let Some(t) = m.facts.target {
        refs.push(Reference { label: ctx.msg(Msg::Target).into(), value: t, dashed: true });
    }
    let summary_high_low = || -> String {
        let (Some(first), Some(last)) = (m.table.rows.first(), m.table.rows.last()) else { return String::new() };
        let (hi, lo) = if first.value >= last.value { (first, last) } else { (last, first) };
        ctx.fill(
            Msg::SummaryHighLow,
            &[
                ("high", &name(hi.unit)),
                ("high_value", &fmt(hi.value)),
                ("low", &name(lo.unit)),
                ("low_value", &fmt(lo.value)),
                ("average", &m.table.mean.map(fmt).unwrap_or_default()),
            ],
        )
    };
    let heading = ctx.heading(subject, sel.period);
    let (rank_h, district_h, value_h) = (ctx.msg(Msg::Rank).to_string(), ctx.unit_word(), ctx.msg(Msg::Value).to_string());
    let mut second_choices = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let (title, drawing, size, summary, header, rows) = match kind {
        ChartKind::Bars => {
            let mut bars: Vec<Bar> = m
                .table
                .rows
                .iter()
                .map(|r| Bar {
                    label: format!("{} {}", ctx.rank_mark(r.rank, r.tied), name(r.unit)),
                    value: Some(r.value),
                    highlight: Some(r.unit) == sel.district,
                })
                .collect();
            bars.extend(m.table.unranked.iter().map(|(u, _)| Bar { label: name(*u), value: None, highlight: Some(*u) == sel.district }));
            let mut rows: Vec<Vec<String>> = m.table.rows.iter().map(|r| vec![ctx.rank_mark(r.rank, r.tied), name(r.unit), fmt(r.value)]).collect();
            rows.extend(m.table.unranked.iter().map(|(u, g)| vec!["–".into(), name(*u), g.label(ctx.lang).into()]));
            let h = bars.len() as u32 * 18 + 60;
            (
                heading.clone(),
                Drawing::Bars { bars, refs, gap_label: ctx.msg(Msg::NoData).into() },
                (720, h),
                summary_high_low(),
                vec![rank_h, district_h, value_h],
                rows,
            )
        }
        ChartKind::Trend => {
            let units = followed(ds, &m, sel, with);
            let labels: Vec<String> = (0..ds.periods().len()).map(|p| ctx.period_label(p)).collect();
            let mut lines: Vec<Series> = units.iter().map(|&u| Series { label: name(u), values: series(ds, subject, u) }).collect();
            let all: Vec<Vec<Option<f64>>> = (0..ds.units().len()).map(|u| series(ds, subject, u)).collect();
            let average: Vec<Option<f64>> = (0..labels.len()).map(|p| mean(&all.iter().filter_map(|s| s[p]).collect::<Vec<_>>())).collect();
            lines.push(Series { label: ctx.msg(Msg::StateAverage).into(), values: average });
            let mut header = vec![ctx.msg(Msg::Period).to_string()];
            header.extend(lines.iter().map(|s| s.label.clone()));
            let rows = (0..labels.len())
                .map(|p| {
                    let mut r = vec![labels[p].clone()];
                    r.extend(lines.iter().map(|s| s.values[p].map(fmt).unwrap_or_else(|| "–".into())));
                    r
                })
                .collect();
            let summary = lines
                .iter()
                .take(units.len())
                .map(|s| {
                    let first = s.values.iter().flatten().next().copied();
                    let last = s.values.iter().rev().flatten().next().copied();
                    match (first, last) {
                        (Some(a), Some(b)) => ctx.fill(Msg::SummaryFirstLast, &[("series", &s.label), ("first", &fmt(a)), ("last", &fmt(b))]),
                        _ => ctx.fill(Msg::DistrictGap, &[("district", &s.label), ("reason", ctx.msg(Msg::NoData))]),
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
            let title = ctx.fill(
                Msg::TrendTitle,
                &[
                    ("subject", &ctx.subject_name(subject)),
                    ("from", labels.first().map_or("", |s| s.as_str())),
                    ("to", labels.last().map_or("", |s| s.as_str())),
                ],
            );
            let target: Vec<Reference> = refs.into_iter().filter(|r| r.dashed).collect();
            let marked = match subject {
                Subject::Indicator(i) => super::notes::marked_periods(ctx, i),
                Subject::Composite => Vec::new(),
            };
            let marks = marked.iter().enumerate().map(|(k, (p, _))| (*p, ctx.fill(Msg::NoteNumber, &[("n", &(k + 1).to_string())]))).collect();
            notes = marked.iter().enumerate().map(|(k, (_, text))| ctx.fill(Msg::NoteNumbered, &[("n", &(k + 1).to_string()), ("text", text)])).collect();
            (title, Drawing::Trend { labels, series: lines, refs: target, marks }, (720, 340), summary, header, rows)
        }
        ChartKind::Slope => match slope_start(ds, subject, sel.period, compare) {
            // Nothing earlier to compare with: an empty chart that says so, not a wait.
            None => {
                let to = ctx.period_label(sel.period);
                let title = ctx.fill(Msg::SlopeTitle, &[("subject", &ctx.subject_name(subject)), ("from", "–"), ("to", &to)]);
                let legend = [ctx.msg(Msg::SlopeBetter).to_string(), ctx.msg(Msg::SlopeWorse).to_string(), ctx.msg(Msg::SlopeSame).to_string()];
                let drawing = Drawing::Slope { from: "–".into(), to: to.clone(), lines: Vec::new(), legend };
                let header = vec![district_h, "–".into(), to, ctx.msg(Msg::ColChange).to_string()];
                let rows = (0..ds.units().len()).map(|u| vec![name(u), "–".into(), values[u].map(fmt).unwrap_or_else(|| "–".into()), "–".into()]).collect();
                (title, drawing, (720, 480), ctx.msg(Msg::ChangesNone).to_string(), header, rows)
            }
            Some(from) => {
                let then = Measured::new(ds, subject, from)?;
                let then_values = then.values(ds.units().len());
                let (from_l, to_l) = (ctx.period_label(from), ctx.period_label(sel.period));
                let (top, bottom) = crate::analysis::changes::ends(&crate::analysis::rank::Ranking {
                    ranked: m.table.rows.iter().map(|r| crate::analysis::rank::Ranked { unit: r.unit, value: r.value, rank: r.rank, tied: r.tied }).collect(),
                    unranked: Vec::new(),
                });
                let mut lines = Vec::new();
                let mut rows = Vec::new();
                let (mut better, mut worse, mut same) = (0, 0, 0);
                for u in 0..ds.units().len() {
                    let (a, b) = (then_values[u], values[u]);
                    let change = match (a, b) {
                        (Some(a), Some(b)) => {
                            let trend = match crate::analysis::followup::compare(Some(a), Some(b), m.facts.direction, m.facts.decimals) {
                                crate::analysis::followup::Followup::Improved => crate::analysis::review::Trend::Better,
                                crate::analysis::followup::Followup::Worsened => crate::analysis::review::Trend::Worse,
                                _ => crate::analysis::review::Trend::Same,
                            };
                            match trend {
                                crate::analysis::review::Trend::Better => better += 1,
                                crate::analysis::review::Trend::Worse => worse += 1,
                                crate::analysis::review::Trend::Same => same += 1,
                            }
                            let named = Some(u) == sel.district || top.contains(&u) || bottom.contains(&u);
                            lines.push(SlopeLine { label: name(u), from: a, to: b, trend, highlight: Some(u) == sel.district, named });
                            let delta = crate::present::numfmt::format_delta(
                                crate::analysis::rounding::round_to(b, m.facts.decimals) - crate::analysis::rounding::round_to(a, m.facts.decimals),
                                m.facts.decimals,
                            );
                            let word = ctx.msg(match trend {
                                crate::analysis::review::Trend::Better => Msg::SlopeBetter,
                                crate::analysis::review::Trend::Worse => Msg::SlopeWorse,
                                crate::analysis::review::Trend::Same => Msg::SlopeSame,
                            });
                            ctx.fill(Msg::WithStatus, &[("text", &delta), ("status", word)])
                        }
                        _ => "–".to_string(),
                    };
                    let show = |v: Option<f64>| v.map(fmt).unwrap_or_else(|| ctx.msg(Msg::NoData).to_string());
                    rows.push(vec![name(u), show(a), show(b), change]);
                }
                let n = better + worse + same;
                let summary = ctx.fill(
                    Msg::SlopeSummary,
                    &[
                        ("from", &from_l),
                        ("to", &to_l),
                        ("better", &better.to_string()),
                        ("worse", &worse.to_string()),
                        ("same", &same.to_string()),
                        ("n", &n.to_string()),
                    ],
                );
                let title = ctx.fill(Msg::SlopeTitle, &[("subject", &ctx.subject_name(subject)), ("from", &from_l), ("to", &to_l)]);
                let legend = [ctx.msg(Msg::SlopeBetter).to_string(), ctx.msg(Msg::SlopeWorse).to_string(), ctx.msg(Msg::SlopeSame).to_string()];
                let header = vec![district_h, from_l.clone(), to_l.clone(), ctx.msg(Msg::ColChange).to_string()];
                (title, Drawing::Slope { from: from_l, to: to_l, lines, legend }, (720, 480), summary, header, rows)
            }
        },
        ChartKind::Ranks => {
            let units = followed(ds, &m, sel, with);
            let labels: Vec<String> = (0..ds.periods().len()).map(|p| ctx.period_label(p)).collect();
            let tables: Vec<Option<Measured>> = (0..ds.periods().len()).map(|p| Measured::new(ds, subject, p)).collect();
            let ranks: Vec<Series> = units
                .iter()
                .map(|&u| Series { label: name(u), values: tables.iter().map(|t| t.as_ref().and_then(|t| t.table.row(u)).map(|r| -(r.rank as f64))).collect() })
                .collect();
            let mut header = vec![ctx.msg(Msg::Period).to_string()];
            header.extend(ranks.iter().map(|s| s.label.clone()));
            let rows = (0..labels.len())
                .map(|p| {
                    let mut r = vec![labels[p].clone()];
                    r.extend(units.iter().map(|&u| tables[p].as_ref().and_then(|t| t.table.row(u)).map_or("–".to_string(), |x| ctx.rank_mark(x.rank, x.tied))));
                    r
                })
                .collect();
            let summary = ranks
                .iter()
                .filter_map(|s| {
                    let first = s.values.iter().position(|v| v.is_some())?;
                    let last = s.values.iter().rposition(|v| v.is_some())?;
                    let rank = |p: usize| format_number(-s.values[p].unwrap_or_default(), 0);
                    Some(ctx.fill(
                        Msg::RanksSummaryOne,
                        &[("series", &s.label), ("first", &rank(first)), ("from", &labels[first]), ("last", &rank(last)), ("to", &labels[last])],
                    ))
                })
                .collect::<Vec<_>>()
                .join("; ");
            let title = ctx.fill(Msg::RanksTitle, &[("subject", &ctx.subject_name(subject))]);
            (title, Drawing::Ranks { labels, series: ranks }, (720, 340), summary, header, rows)
        }
        ChartKind::Distribution => {
            let groups: Vec<Group> = ds
                .manifest
                .divisions
                .iter()
                .map(|div| {
                    let pts = ds
                        .units()
                        .iter()
                        .enumerate()
                        .filter(|(_, u)| u.division == div.id)
                        .filter_map(|(u, _)| Some((name(u), values[u]?, Some(u) == sel.district)))
                        .collect();
                    (div.name.get(ctx.lang).to_string(), pts)
                })
                .collect();
            let h = groups.len() as u32 * 34 + 50;
            let rows = groups.iter().flat_map(|(g, pts)| pts.iter().map(move |(n, v, _)| vec![g.clone(), n.clone(), fmt(*v)])).collect();
            (heading.clone(), Drawing::Distribution { groups, refs }, (720, h), summary_high_low(), vec![ctx.label(Msg::Division), district_h, value_h], rows)
        }
        ChartKind::Scatter => {
            let own = match subject {
                Subject::Indicator(i) => Some(i),
                Subject::Composite => None,
            };
            let j = second.filter(|&j| Some(j) != own && j < ds.indicators().len()).unwrap_or(if own == Some(0) { 1 } else { 0 });
            let j = j.min(ds.indicators().len().saturating_sub(1));
            second_choices = ds
                .indicators()
                .iter()
                .enumerate()
                .filter(|(k, _)| Some(*k) != own)
                .map(|(k, i)| (i.id.clone(), i.name.get(ctx.lang).to_string(), k == j))
                .collect();
            let y = Subject::Indicator(j);
            let other = Measured::new(ds, y, sel.period)?;
            let yv = other.values(ds.units().len());
            let points: Vec<(String, f64, f64, bool)> =
                (0..ds.units().len()).filter_map(|u| Some((name(u), values[u]?, yv[u]?, Some(u) == sel.district))).collect();
            let r = pearson(&points.iter().map(|p| (p.1, p.2)).collect::<Vec<_>>());
            let summary = match r {
                Some(r) => ctx.fill(Msg::Correlation, &[("n", &points.len().to_string()), ("r", &format_number(r, 2))]),
                None => ctx.msg(Msg::CorrelationNone).to_string(),
            };
            let (x_title, y_title) = (ctx.subject_short(subject), ctx.subject_short(y));
            let rows = points.iter().map(|(n, x, yy, _)| vec![n.clone(), fmt(*x), ctx.value(y, *yy)]).collect();
            let header = vec![district_h, x_title.clone(), y_title.clone()];
            (heading.clone(), Drawing::Scatter { points, x_title, y_title, y }, (640, 440), summary, header, rows)
        }
    };
    let id = match subject {
        Subject::Indicator(i) => ds.indicators()[i].id.clone(),
        Subject::Composite => crate::format::manifest::COMPOSITE_ID.to_string(),
    };
    Some(ChartModel {
        kind,
        title,
        drawing,
        size,
        summary,
        header,
        rows,
        footer: std::iter::once(ctx.source_line()).chain(notes.iter().cloned()).collect::<Vec<_>>().join(" · "),
        notes,
        file_stem: format!("samiksha-{id}-{}-{}-{}", ds.periods()[sel.period].id, kind.word(), ctx.lang.code()),
        second_choices,
    })
}

/// Pearson's correlation coefficient; `None` with fewer than three pairs or no spread.
pub fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    let n = pairs.len();
    if n < 3 {
        return None;
    }
    let (mx, my) = (pairs.iter().map(|p| p.0).sum::<f64>() / n as f64, pairs.iter().map(|p| p.1).sum::<f64>() / n as f64);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// The widest a chart is drawn: wider than this, lines of bars and period labels grow too long
/// to read across.
pub const MAX_CHART_WIDTH: u32 = 1100;

/// Fits a chart to the width it is shown in, in CSS pixels, so its text is drawn at its
/// real size rather than scaled: never narrower than 300 px nor wider than
/// [`MAX_CHART_WIDTH`]. Bars and divisions keep the height their rows need. Other charts keep
/// roughly their proportions when narrower than drawn, and their height when wider, so a
/// wide screen gets a wider chart rather than a taller one.
pub fn fit_width(m: &mut ChartModel, available: u32) {
    let (w, h) = m.size;
    let fitted = available.clamp(300, MAX_CHART_WIDTH);
    if fitted == w {
        return;
    }
    let height = match m.drawing {
        // Bars and divisions are as tall as their rows need, whatever the width.
        Drawing::Bars { .. } | Drawing::Distribution { .. } => h,
        _ if fitted > w => h,
        _ => (u64::from(h) * u64::from(fitted) / u64::from(w.max(1))).max(260) as u32,
    };
    m.size = (fitted, height);
}
