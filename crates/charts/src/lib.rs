//! Samiksha's charts: ranked bars, trends (with noted periods marked), distribution by division,
//! scatter, then-and-now slopes, ranks over time (a trend of negative ranks) and sparklines,
//! drawn with plotters into SVG strings. Each chart returns its SVG with `role="img"` and an
//! `aria-label`; callers add a summary sentence and a data table beside it.
//!
//! The drawing functions know nothing of datasets or languages: callers pass labels already in
//! the reader's language. Only [`draw`] takes the presentation layer's `Ctx`, to format a
//! chart model's values. Gaps are `None` and are never drawn as zero.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use samiksha_core::present::markup;

/// Colour-blind-safe series colours (Okabe–Ito), each paired with a marker shape so series
/// differ by more than colour.
pub const SERIES: [(u8, u8, u8); 6] = [(0, 114, 178), (230, 159, 0), (0, 158, 115), (204, 121, 167), (86, 180, 233), (213, 94, 0)];
const INK: RGBColor = RGBColor(26, 26, 26);
const GRID: RGBColor = RGBColor(220, 224, 230);
const BAR: RGBColor = RGBColor(120, 144, 176);
const HIGHLIGHT: RGBColor = RGBColor(0, 114, 178);
const FONT: &str = "sans-serif";
/// Plotters writes a text size of 1/1.24 of the size asked for; 15.5 is drawn at 12.5 px, the
/// smallest label size the app uses on any map or chart.
const LABEL_SIZE: f64 = 15.5;

// The chart inputs are plain data built by the presentation layer; they live there so the
// layer can describe a chart without depending on plotters.
pub use samiksha_core::present::charts::{pearson, Bar, Group, Reference, Series, SlopeLine};

/// Adds `role="img"` and an `aria-label` to the root element, and lets CSS scale the chart.
fn finish(svg: String, label: &str) -> String {
    let esc = markup::text(label);
    svg.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{esc}\" class=\"chart\" preserveAspectRatio=\"xMidYMid meet\" "), 1)
}

/// The padded (min, max) of values and references, always including zero for bars.
fn extent(values: impl Iterator<Item = f64>, include_zero: bool) -> (f64, f64) {
    // Axis arithmetic (spans, padding, tick steps) must stay finite for any finite value,
    // including ±1.7976931348623157e308, which GIS tools write for "no data": the axis is
    // limited to ±f64::MAX / 4, so a span can never overflow. Bars beyond it are cut at the
    // axis; the data table beside every chart still shows the true values.
    const LIMIT: f64 = f64::MAX / 4.0;
    let (mut lo, mut hi) = (f64::MAX, f64::MIN);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo > hi {
        return (0.0, 1.0);
    }
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    lo = lo.clamp(-LIMIT, LIMIT);
    hi = hi.clamp(-LIMIT, LIMIT);
    // A span too small to divide into ticks (equal values, or values like 5e-324) is widened
    // around its middle.
    let min_span = (lo.abs().max(hi.abs()) * 1e-9).max(1e-9);
    if hi - lo < min_span {
        let mid = lo / 2.0 + hi / 2.0;
        lo = mid - min_span / 2.0;
        hi = mid + min_span / 2.0;
    }
    let pad = (hi - lo) * 0.06;
    (if include_zero && lo >= 0.0 { lo } else { lo - pad }, hi + pad)
}

/// Text handed to plotters, which escapes markup but passes control characters through.
fn plain(s: &str) -> String {
    s.chars().map(|c| if (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}' { '\u{FFFD}' } else { c }).collect()
}

type Fmt<'a> = &'a dyn Fn(f64) -> String;

/// The chart a `present::charts` model describes, drawn as SVG (for the page and, framed, for
/// the download).
pub fn draw(ctx: &samiksha_core::present::Ctx, m: &samiksha_core::present::charts::ChartModel, subject: samiksha_core::present::Subject) -> String {
    use samiksha_core::present::charts::Drawing;
    let fmt = |v: f64| ctx.value(subject, v);
    match &m.drawing {
        Drawing::Bars { bars, refs, gap_label } => ranked_bars(bars, refs, &fmt, gap_label, &m.title, m.size.0),
        Drawing::Trend { labels, series, refs, marks } => trend_marked(labels, series, refs, marks, &fmt, &m.title, m.size),
        // Ranks are drawn as negative values so rank 1 is at the top; the axis shows them positive.
        // Only whole ranks are labelled on the axis.
        Drawing::Ranks { labels, series } => {
            // Only whole ranks from 1 down are labelled (the axis is padded above rank 1).
            let rank = |v: f64| if (v - v.round()).abs() < 1e-9 && -v >= 1.0 { samiksha_core::present::numfmt::format_number(-v, 0) } else { String::new() };
            trend_marked(labels, series, &[], &[], &rank, &m.title, m.size)
        }
        Drawing::Slope { from, to, lines, legend } => slope(from, to, lines, legend, &fmt, &m.title, m.size),
        Drawing::Distribution { groups, refs } => distribution(groups, refs, &fmt, &m.title, m.size.0),
        Drawing::Scatter { points, x_title, y_title, y } => {
            let fmt_y = |v: f64| ctx.value(*y, v);
            scatter(points, x_title, y_title, &fmt, &fmt_y, &m.title, m.size)
        }
    }
}

/// Ranked horizontal bars, best first as given; gaps are labelled rows without a bar.
pub fn ranked_bars(bars: &[Bar], refs: &[Reference], fmt: Fmt, gap_label: &str, aria: &str, width: u32) -> String {
    let row = 18u32;
    let height = (bars.len().max(1) as u32) * row + 60 + ref_rows(refs, row);
    let (lo, hi) = extent(bars.iter().filter_map(|b| b.value).chain(refs.iter().map(|r| r.value)), true);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let label_w = bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(4).clamp(4, 24) as u32 * 8 + 16;
        let n = bars.len().max(1);
        let top = n as f64 + REF_ROW * refs.len() as f64;
        let built = ChartBuilder::on(&root).margin(8).x_label_area_size(28).y_label_area_size(label_w).build_cartesian_2d(lo..hi, 0f64..top);
        let Ok(mut chart) = built else { return finish(String::new(), aria) };
        let _ = chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(6)
            .x_label_formatter(&|v| fmt(*v))
            .light_line_style(GRID)
            .label_style((FONT, LABEL_SIZE).into_font().color(&INK))
            .draw();
        for (i, b) in bars.iter().enumerate() {
            let y0 = (n - i) as f64 - 0.85;
            let y1 = (n - i) as f64 - 0.15;
            let style = if b.highlight { HIGHLIGHT.filled() } else { BAR.filled() };
            // Labels go on the whole canvas: the plotting area would clip them.
            let label_style = (FONT, LABEL_SIZE).into_font().color(&INK).pos(Pos::new(HPos::Right, VPos::Center));
            let (px, py) = chart.backend_coord(&(lo, (y0 + y1) / 2.0));
            let _ = root.draw(&Text::new(plain(&b.label), (px - 6, py), label_style));
            match b.value {
                Some(v) => {
                    let _ = chart.draw_series(std::iter::once(Rectangle::new([(0f64.max(lo), y0), (v, y1)], style)));
                }
                None => {
                    let gap_style = (FONT, LABEL_SIZE).into_font().color(&RGBColor(90, 90, 90)).pos(Pos::new(HPos::Left, VPos::Center));
                    let _ = chart.plotting_area().draw(&Text::new(plain(&format!("({gap_label})")), (0f64.max(lo), (y0 + y1) / 2.0), gap_style));
                }
            }
        }
        draw_refs_vertical(&mut chart, refs, n as f64, (lo, hi));
        let _ = root.present();
    }
    finish(out, aria)
}

/// Rows of headroom above the bars for each reference line's name, so a name never sits on a bar.
const REF_ROW: f64 = 1.2;

fn ref_rows(refs: &[Reference], row: u32) -> u32 {
    (REF_ROW * refs.len() as f64 * f64::from(row)).ceil() as u32
}

fn draw_refs_vertical<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>>,
    refs: &[Reference],
    top: f64,
    (lo, hi): (f64, f64),
) {
    for (k, r) in refs.iter().enumerate() {
        let colour = if r.dashed { RGBColor(155, 28, 28) } else { INK };
        let style = ShapeStyle { color: colour.to_rgba(), filled: false, stroke_width: 2 };
        if r.dashed {
            let steps = 24;
            let segs = (0..steps)
                .filter(|s| s % 2 == 0)
                .map(|s| PathElement::new(vec![(r.value, top * s as f64 / steps as f64), (r.value, top * (s + 1) as f64 / steps as f64)], style));
            let _ = chart.draw_series(segs);
        } else {
            let _ = chart.draw_series(std::iter::once(PathElement::new(vec![(r.value, 0.0), (r.value, top)], style)));
        }
        // In the headroom above the bars, on the side of the line with more room.
        let side = if r.value > (lo + hi) / 2.0 { HPos::Right } else { HPos::Left };
        let font = (FONT, LABEL_SIZE).into_font().color(&colour).pos(Pos::new(side, VPos::Center));
        let _ = chart.plotting_area().draw(&Text::new(plain(&r.label), (r.value, top + REF_ROW * (k as f64 + 0.5)), font));
    }
}

/// Lines over periods, one per series, broken at gaps, with reference lines.
/// Which of `count` periods a trend labels when `fit` labels fit side by side: the latest,
/// then every `step` periods back from it, the step a round number of periods (1, 2, 3, 4, 6,
/// 12, then whole multiples of 12), so the gaps between labels are equal. Where only two fit,
/// the first and the latest. Returned oldest first.
pub fn period_ticks(count: usize, fit: usize) -> Vec<usize> {
    let Some(last) = count.checked_sub(1) else { return Vec::new() };
    if last == 0 || fit < 2 {
        return vec![last];
    }
    if fit == 2 {
        return vec![0, last];
    }
    let step = [1, 2, 3, 4, 6].into_iter().chain((1..).map(|k| 12 * k)).find(|s| last / s < fit).unwrap_or(last);
    (0..=last / step).rev().map(|k| last - k * step).collect()
}

pub fn trend(x_labels: &[String], series: &[Series], refs: &[Reference], fmt: Fmt, aria: &str, size: (u32, u32)) -> String {
    trend_marked(x_labels, series, refs, &[], fmt, aria, size)
}

/// A trend with marked periods: each mark (a period's index and its short label, "Note 1") is a
/// dotted vertical line with its label at the top, so a note on the data is seen where it applies.
pub fn trend_marked(x_labels: &[String], series: &[Series], refs: &[Reference], marks: &[(usize, String)], fmt: Fmt, aria: &str, size: (u32, u32)) -> String {
    let (lo, hi) = extent(series.iter().flat_map(|s| s.values.iter().flatten().copied()).chain(refs.iter().map(|r| r.value)), false);
    let n = x_labels.len().max(2);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let _ = root.fill(&WHITE);
        // The legend sits above the plot (never over the lines); the right margin leaves room
        // for the last period's label and the reference lines' names.
        let legend_h = if series.len() > 1 { 16 * series.len() as u32 + 8 } else { 10 };
        let Ok(mut chart) = ChartBuilder::on(&root)
            .margin(10)
            .margin_top(legend_h)
            .margin_right(48)
            .x_label_area_size(44)
            .y_label_area_size(56)
            .build_cartesian_2d(0f64..(n - 1) as f64, lo..hi)
        else {
            return finish(String::new(), aria);
        };
        // As many period labels as fit side by side at the chart's width, evenly spaced.
        let widest = x_labels.iter().map(|l| samiksha_core::format::text::label_width_em(l) * LABEL_SIZE / 1.24).fold(0.0, f64::max) + 16.0;
        // The first and last labels may reach into the margins by half their width.
        let fit = ((f64::from(size.0) - 124.0 + widest * 0.8) / widest).floor().clamp(1.0, x_labels.len().max(1) as f64) as usize;
        let shown = period_ticks(x_labels.len(), fit);
        value_mesh(&mut chart, fmt);
        // Period labels drawn here rather than by the mesh, whose ticks fall on round numbers
        // and would skip the chosen periods.
        let x_font = (FONT, LABEL_SIZE).into_font().color(&INK).pos(Pos::new(HPos::Center, VPos::Top));
        for (i, label) in shown.iter().filter_map(|&i| x_labels.get(i).map(|l| (i, l))) {
            let (px, py) = chart.backend_coord(&(i as f64, lo));
            // A tick says which point the label belongs to.
            let _ = root.draw(&PathElement::new(vec![(px, py), (px, py + 5)], ShapeStyle { color: INK.to_rgba(), filled: false, stroke_width: 1 }));
            let _ = root.draw(&Text::new(plain(label), (px, py + 8), x_font.clone()));
        }
        for (i, label) in marks.iter().filter(|(i, _)| *i < x_labels.len()) {
            let colour = RGBColor(120, 60, 0);
            let style = ShapeStyle { color: colour.to_rgba(), filled: false, stroke_width: 1 };
            // Dotted: short segments up the period's line.
            let steps = 24;
            let pts: Vec<(f64, f64)> = (0..=steps).map(|k| (*i as f64, lo + (hi - lo) * k as f64 / steps as f64)).collect();
            let _ = chart.draw_series(pts.chunks(2).filter(|w| w.len() == 2).map(|w| PathElement::new(vec![w[0], w[1]], style)));
            let font = (FONT, LABEL_SIZE).into_font().color(&colour).pos(Pos::new(HPos::Center, VPos::Bottom));
            let (px, py) = chart.backend_coord(&(*i as f64, hi));
            let _ = root.draw(&Text::new(plain(label), (px, py - 2), font));
        }
        for r in refs {
            let colour = if r.dashed { RGBColor(155, 28, 28) } else { RGBColor(90, 90, 90) };
            let style = ShapeStyle { color: colour.to_rgba(), filled: false, stroke_width: 1 };
            let pts: Vec<(f64, f64)> = (0..n).map(|i| (i as f64, r.value)).collect();
            if r.dashed {
                let _ = chart.draw_series(pts.windows(2).step_by(2).map(|w| PathElement::new(vec![w[0], w[1]], style)));
            } else {
                let _ = chart.draw_series(std::iter::once(PathElement::new(pts, style)));
            }
            let font = (FONT, LABEL_SIZE).into_font().color(&colour).pos(Pos::new(HPos::Left, VPos::Center));
            let (px, py) = chart.backend_coord(&((n - 1) as f64, r.value));
            let _ = root.draw(&Text::new(plain(&r.label), (px + 4, py), font));
        }
        for (k, s) in series.iter().enumerate() {
            let (r, g, b) = SERIES[k % SERIES.len()];
            let colour = RGBColor(r, g, b);
            let style = ShapeStyle { color: colour.to_rgba(), filled: true, stroke_width: 2 };
            // Contiguous runs only: a gap breaks the line.
            let mut run: Vec<(f64, f64)> = Vec::new();
            let mut runs = Vec::new();
            for (i, v) in s.values.iter().enumerate() {
                match v {
                    Some(v) => run.push((i as f64, *v)),
                    None => runs.push(std::mem::take(&mut run)),
                }
            }
            runs.push(run);
            for run in runs.into_iter().filter(|r| !r.is_empty()) {
                let _ = chart.draw_series(LineSeries::new(run.clone(), style));
                // The marker's shape, not only its colour, tells series apart.
                let _ = match k % 3 {
                    0 => chart.draw_series(run.iter().map(|p| Circle::new(*p, 3, colour.filled()))).map(|_| ()),
                    1 => chart.draw_series(run.iter().map(|p| TriangleMarker::new(*p, 4, colour.filled()))).map(|_| ()),
                    _ => chart
                        .draw_series(run.iter().map(|p| Cross::new(*p, 4, ShapeStyle { color: colour.to_rgba(), filled: false, stroke_width: 2 })))
                        .map(|_| ()),
                };
            }
        }
        if series.len() > 1 {
            // The names are text, so they take the series' hue darkened to at least 4.5:1 on
            // white (an orange line's own colour reads at about 2:1); the lines and their markers
            // keep the full colour.
            let legend = series.iter().enumerate().map(|(k, s)| {
                let (r, g, b) = SERIES[k % SERIES.len()];
                let dark = |c: u8| (f64::from(c) * 0.55).round() as u8;
                (s.label.clone(), RGBColor(dark(r), dark(g), dark(b)))
            });
            for (k, (label, colour)) in legend.enumerate() {
                let font = (FONT, LABEL_SIZE).into_font().color(&colour).pos(Pos::new(HPos::Left, VPos::Top));
                let _ = root.draw(&Text::new(plain(&format!("{} {label}", marker_glyph(k))), (70, 6 + 16 * k as i32), font));
            }
        }
        let _ = root.present();
    }
    finish(out, aria)
}

/// Every district from one period (left) to another (right): better lines blue ending in ▲,
/// worse orange ending in ✕, unchanged grey ending in ●, so the marker says what the colour
/// does. The top and bottom three now and the chosen district are named at the right where
/// their names do not collide; the table beside the chart names every district.
pub fn slope(from: &str, to: &str, lines: &[SlopeLine], legend: &[String; 3], fmt: Fmt, aria: &str, size: (u32, u32)) -> String {
    use samiksha_core::analysis::review::Trend;
    let (lo, hi) = extent(lines.iter().flat_map(|l| [l.from, l.to]), false);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let _ = root.fill(&WHITE);
        // Room at the right for names, at the top for the legend.
        let right = (f64::from(size.0) * 0.3).clamp(90.0, 240.0) as u32;
        let Ok(mut chart) = ChartBuilder::on(&root)
            .margin(10)
            .margin_top(30)
            .margin_right(right)
            .x_label_area_size(36)
            .y_label_area_size(64)
            .build_cartesian_2d(-0.05f64..1.05, lo..hi)
        else {
            return finish(String::new(), aria);
        };
        value_mesh(&mut chart, fmt);
        let x_font = (FONT, LABEL_SIZE).into_font().color(&INK).pos(Pos::new(HPos::Center, VPos::Top));
        for (x, label) in [(0.0, from), (1.0, to)] {
            let (px, py) = chart.backend_coord(&(x, lo));
            let _ = root.draw(&Text::new(plain(label), (px, py + 8), x_font.clone()));
        }
        let colour = |t: Trend| match t {
            Trend::Better => RGBColor(0, 90, 160),
            Trend::Worse => RGBColor(213, 94, 0),
            Trend::Same => RGBColor(120, 120, 120),
        };
        // Unchanged first, so the lines that moved are drawn over them; the chosen one last.
        let mut order: Vec<&SlopeLine> = lines.iter().collect();
        samiksha_core::format::order::sort_by_key(&mut order, |l| (l.highlight, l.trend != Trend::Same));
        for l in &order {
            let c = colour(l.trend);
            let style = ShapeStyle { color: c.mix(if l.highlight { 1.0 } else { 0.7 }), filled: true, stroke_width: if l.highlight { 3 } else { 1 } };
            let _ = chart.draw_series(std::iter::once(PathElement::new(vec![(0.0, l.from), (1.0, l.to)], style)));
            let end = (1.0, l.to);
            let _ = match l.trend {
                Trend::Better => chart.draw_series(std::iter::once(TriangleMarker::new(end, 4, c.filled()))).map(|_| ()),
                Trend::Worse => {
                    chart.draw_series(std::iter::once(Cross::new(end, 4, ShapeStyle { color: c.to_rgba(), filled: false, stroke_width: 2 }))).map(|_| ())
                }
                Trend::Same => chart.draw_series(std::iter::once(Circle::new(end, 3, c.filled()))).map(|_| ()),
            };
        }
        // Names at the right, top to bottom, each kept clear of the one above.
        let mut named: Vec<&SlopeLine> = lines.iter().filter(|l| l.named).collect();
        samiksha_core::format::order::sort_by(&mut named, |a, b| b.to.total_cmp(&a.to));
        let mut last_y: Option<i32> = None;
        for l in named {
            let (px, py) = chart.backend_coord(&(1.0, l.to));
            if last_y.is_some_and(|y| py.saturating_sub(y) < 16) {
                continue;
            }
            last_y = Some(py);
            let font = (FONT, LABEL_SIZE).into_font().color(&INK).pos(Pos::new(HPos::Left, VPos::Center));
            let _ = root.draw(&Text::new(plain(&format!("{} {}", l.label, fmt(l.to))), (px + 8, py), font));
        }
        // The legend: the three words with their marks, in their colours darkened for text.
        let mut x = 70;
        for (word, t) in legend.iter().zip([Trend::Better, Trend::Worse, Trend::Same]) {
            let c = colour(t);
            let dark = |v: u8| (f64::from(v) * 0.75).round() as u8;
            let font = (FONT, LABEL_SIZE).into_font().color(&RGBColor(dark(c.0), dark(c.1), dark(c.2))).pos(Pos::new(HPos::Left, VPos::Top));
            let _ = root.draw(&Text::new(plain(word), (x, 6), font));
            x += (samiksha_core::format::text::label_width_em(word) * LABEL_SIZE / 1.24) as i32 + 24;
        }
        let _ = root.present();
    }
    finish(out, aria)
}

/// The grid and value axis of a chart whose x axis the caller labels itself (trend, slope).
fn value_mesh(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>>,
    fmt: Fmt,
) {
    let _ = chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| fmt(*v))
        .light_line_style(GRID)
        .label_style((FONT, LABEL_SIZE).into_font().color(&INK))
        .draw();
}

fn marker_glyph(k: usize) -> &'static str {
    ["●", "▲", "✕"][k % 3]
}

/// Every district a dot, grouped by division (one row each), so spread and outliers show.
pub fn distribution(groups: &[Group], refs: &[Reference], fmt: Fmt, aria: &str, width: u32) -> String {
    let row = 34u32;
    let height = groups.len().max(1) as u32 * row + 50 + ref_rows(refs, row);
    let (lo, hi) = extent(groups.iter().flat_map(|g| g.1.iter().map(|x| x.1)).chain(refs.iter().map(|r| r.value)), false);
    let n = groups.len().max(1);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let label_w = groups.iter().map(|g| g.0.chars().count()).max().unwrap_or(4).clamp(4, 20) as u32 * 7 + 16;
        let Ok(mut chart) = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(28)
            .y_label_area_size(label_w)
            .build_cartesian_2d(lo..hi, 0f64..n as f64 + REF_ROW * refs.len() as f64)
        else {
            return finish(String::new(), aria);
        };
        let _ = chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(6)
            .x_label_formatter(&|v| fmt(*v))
            .light_line_style(GRID)
            .label_style((FONT, LABEL_SIZE).into_font().color(&INK))
            .draw();
        for (i, (name, points)) in groups.iter().enumerate() {
            let y = (n - i) as f64 - 0.5;
            let font = (FONT, LABEL_SIZE).into_font().color(&INK).pos(Pos::new(HPos::Right, VPos::Center));
            let (px, py) = chart.backend_coord(&(lo, y));
            let _ = root.draw(&Text::new(plain(name), (px - 6, py), font));
            // Spread equal values a little so each dot stays visible.
            let _ = chart.draw_series(points.iter().enumerate().map(|(j, (_, v, hl))| {
                let jitter = ((j % 5) as f64 - 2.0) * 0.08;
                let style = if *hl { HIGHLIGHT.filled() } else { RGBColor(90, 110, 140).mix(0.75).filled() };
                Circle::new((*v, y + jitter), if *hl { 6 } else { 4 }, style)
            }));
        }
        draw_refs_vertical(&mut chart, refs, n as f64, (lo, hi));
        let _ = root.present();
    }
    finish(out, aria)
}

/// Two indicators against each other, one dot per district, each titled with its name.
pub fn scatter(points: &[(String, f64, f64, bool)], x_title: &str, y_title: &str, fmt_x: Fmt, fmt_y: Fmt, aria: &str, size: (u32, u32)) -> String {
    let (x0, x1) = extent(points.iter().map(|p| p.1), false);
    let (y0, y1) = extent(points.iter().map(|p| p.2), false);
    let mut out = String::new();
    let mut dots = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let _ = root.fill(&WHITE);
        let Ok(mut chart) = ChartBuilder::on(&root).margin(12).x_label_area_size(48).y_label_area_size(64).build_cartesian_2d(x0..x1, y0..y1) else {
            return finish(String::new(), aria);
        };
        let _ = chart
            .configure_mesh()
            .x_desc(plain(x_title))
            .y_desc(plain(y_title))
            .x_label_formatter(&|v| fmt_x(*v))
            .y_label_formatter(&|v| fmt_y(*v))
            .light_line_style(GRID)
            .label_style((FONT, LABEL_SIZE).into_font().color(&INK))
            .axis_desc_style((FONT, LABEL_SIZE).into_font().color(&INK))
            .draw();
        // Dots are written by hand after plotters' output so each can carry a <title> (the
        // district's name on hover), which plotters' elements cannot.
        for (name, x, y, hl) in points {
            let (px, py) = chart.backend_coord(&(*x, *y));
            let esc = markup::text(name);
            let (r, fill) = if *hl { (6, "#0072b2") } else { (4, "#5a6e8c") };
            dots.push_str(&format!(
                "<circle class=\"dot\" cx=\"{px}\" cy=\"{py}\" r=\"{r}\" fill=\"{fill}\" fill-opacity=\"0.8\"><title>{esc}</title></circle>"
            ));
            if *hl {
                let font = (FONT, LABEL_SIZE).into_font().color(&INK).pos(Pos::new(HPos::Left, VPos::Bottom));
                let _ = chart.plotting_area().draw(&Text::new(plain(name), (*x, *y), font));
            }
        }
        let _ = root.present();
    }
    let svg = finish(out, aria);
    match svg.rfind("</svg>") {
        Some(end) => format!("{}{dots}{}", &svg[..end], &svg[end..]),
        None => svg,
    }
}

/// A small line of values with gaps left open, for tables and profiles.
pub fn sparkline(values: &[Option<f64>], aria: &str, size: (u32, u32)) -> String {
    let (lo, hi) = extent(values.iter().flatten().copied(), false);
    let n = values.len().max(2);
    let (w, h) = (size.0 as f64, size.1 as f64);
    let x = |i: usize| 2.0 + (w - 4.0) * i as f64 / (n - 1) as f64;
    // Values beyond the axis limit are drawn at its edge, so the arithmetic stays finite.
    let y = |v: f64| 2.0 + (h - 4.0) * (1.0 - (v.clamp(lo, hi) - lo) / (hi - lo));
    let mut paths = String::new();
    let mut d = String::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => d.push_str(&format!("{}{:.1} {:.1}", if d.is_empty() { "M" } else { "L" }, x(i), y(*v))),
            None => {
                if !d.is_empty() {
                    paths.push_str(&format!("<path d=\"{d}\"/>"));
                    d.clear();
                }
            }
        }
    }
    if !d.is_empty() {
        paths.push_str(&format!("<path d=\"{d}\"/>"));
    }
    let last = values.iter().enumerate().rev().find_map(|(i, v)| v.map(|v| (i, v)));
    let dot = last.map(|(i, v)| format!("<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.2\" fill=\"#0072b2\"/>", x(i), y(v))).unwrap_or_default();
    let esc = markup::text(aria);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{esc}\" class=\"sparkline\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\"><g fill=\"none\" stroke=\"#0072b2\" stroke-width=\"1.5\">{paths}</g>{dot}</svg>",
        size.0, size.1, size.0, size.1
    )
}

/// A chart as a standalone file: a title above and the source and as-of date below, visible
/// in the SVG (and so in the PNG made from it). Returns the document and its full height.
pub fn framed(chart: &str, width: u32, height: u32, title: &str, footer: &str) -> (String, u32) {
    const MARGIN: f64 = 8.0;
    let room = f64::from(width) - 2.0 * MARGIN;
    // Long titles and source lines wrap to the chart's width, so nothing is cut off.
    let title_lines = wrap(title, 16.0, room);
    let footer_lines = wrap(footer, 12.0, room);
    let title_h = 12 + 20 * title_lines.len() as u32;
    let footer_h = 8 + 16 * footer_lines.len() as u32;
    let total = title_h + height + footer_h;
    let lines = |lines: &[String], y0: u32, step: u32, attrs: &str| {
        lines
            .iter()
            .enumerate()
            .map(|(k, l)| format!("<text x=\"{MARGIN}\" y=\"{}\" font-family=\"sans-serif\" {attrs}>{}</text>", y0 + step * k as u32, markup::text(l)))
            .collect::<String>()
    };
    // The chart keeps its own width and height; only its position is added.
    let inner = chart.replacen("<svg ", &format!("<svg x=\"0\" y=\"{title_h}\" "), 1);
    let doc = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\">\
<title>{t}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{head}{inner}{foot}</svg>",
        t = markup::text(title),
        head = lines(&title_lines, 26, 20, "font-size=\"16\" font-weight=\"bold\" fill=\"#1a1a1a\""),
        foot = lines(&footer_lines, title_h + height + 16, 16, "font-size=\"12\" fill=\"#4d4d4d\""),
    );
    (doc, total)
}

/// Breaks text into lines no wider than `room` pixels at `size` pixels (by the core's width
/// estimate, which errs wide); a word longer than a line is broken between letters.
pub fn wrap(text: &str, size: f64, room: f64) -> Vec<String> {
    let fits = |s: &str| samiksha_core::format::text::label_width_em(s) * size <= room;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word too long for a line of its own is broken between letters.
        for c in word.chars() {
            line.push(c);
            // A sign drawn on the letter before it (a matra, a virama) never starts a line.
            let mark = samiksha_core::format::text::label_width_em(&c.to_string()) == 0.0;
            if !mark && !fits(&line) && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::take(&mut line));
                line.push(c);
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}
