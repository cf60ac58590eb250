//! The charts view: ranked bars, trends, distribution by division and a scatter of two
//! indicators, each with a summary sentence, a data table one control away, and downloads
//! (SVG, PNG, CSV) that carry the title, source and as-of date. Charts are drawn by the
//! `samiksha-charts` crate into SVG strings; this view only chooses what to draw.

use super::{Controls, LoadingValues};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_charts::{distribution, framed, pearson, ranked_bars, scatter, trend, Bar, Reference, Series};
use samiksha_core::csvout::to_csv;
use samiksha_core::i18n::Msg;
use samiksha_core::numfmt::{format_date, format_number, format_value};
use samiksha_core::review::{column_values, review_table};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChartKind {
    Bars,
    Trend,
    Distribution,
    Scatter,
}

/// What a chart block shows and offers.
struct Drawn {
    svg: String,
    size: (u32, u32),
    summary: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

#[component]
pub fn ChartsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let kind = RwSignal::new(ChartKind::Bars);
    let second = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        if kind.get() == ChartKind::Trend {
            state.ensure_all_periods();
        }
    });

    let chart = move || {
        let lang = state.lang();
        let sel = state.selection()?;
        let k = kind.get();
        let route = state.route.get();
        state.dataset.with(|d| {
            let d = d.as_ref()?;
            let ind = &d.indicators()[sel.indicator];
            let period = &d.periods()[sel.period];
            let name = |u: usize| d.units()[u].name.get(lang).to_string();
            let fmt = move |v: f64| format_value(v, ind, lang);
            let values = column_values(d, sel.indicator, sel.period)?;
            let present: Vec<f64> = values.iter().flatten().copied().collect();
            let avg = mean(&present);
            let mut refs = Vec::new();
            if let Some(a) = avg {
                refs.push(Reference { label: Msg::StateAverage.text(lang).into(), value: a, dashed: false });
            }
            if let Some(t) = ind.target {
                refs.push(Reference { label: Msg::Target.text(lang).into(), value: t, dashed: true });
            }
            let table = review_table(d, sel.indicator, sel.period)?;
            let summary_of = |table: &samiksha_core::review::Table| {
                let (first, last) = (table.rows.first()?, table.rows.last()?);
                let (hi, lo) = if first.value >= last.value { (first, last) } else { (last, first) };
                Some(format!(
                    "{} {} {}, {} {} {}, {} {}.",
                    Msg::Highest.text(lang), name(hi.unit), fmt(hi.value), Msg::Lowest.text(lang).to_lowercase(), name(lo.unit), fmt(lo.value),
                    Msg::StateAverage.text(lang).to_lowercase(), avg.map(fmt).unwrap_or_default()
                ))
            };
            let title = format!("{} · {}", ind.name.get(lang), period.label.get(lang));
            let drawn: Drawn = match k {
                ChartKind::Bars => {
                    let mut bars: Vec<Bar> = table.rows.iter().map(|r| Bar { label: format!("{} {}", r.rank, name(r.unit)), value: Some(r.value), highlight: Some(r.unit) == sel.district }).collect();
                    bars.extend(table.unranked.iter().map(|(u, _)| Bar { label: name(*u), value: None, highlight: Some(*u) == sel.district }));
                    let svg = ranked_bars(&bars, &refs, &fmt, Msg::NoData.text(lang), &title, 720);
                    let h = (bars.len() as u32) * 18 + 60;
                    let mut rows: Vec<Vec<String>> = table.rows.iter().map(|r| vec![r.rank.to_string(), name(r.unit), fmt(r.value)]).collect();
                    rows.extend(table.unranked.iter().map(|(u, g)| vec!["–".into(), name(*u), g.label(lang).into()]));
                    Drawn { svg, size: (720, h), summary: summary_of(&table).unwrap_or_default(), header: vec![Msg::Rank.text(lang).into(), Msg::District.text(lang).into(), Msg::Value.text(lang).into()], rows }
                }
                ChartKind::Trend => {
                    let mut units: Vec<usize> = sel.district.into_iter().collect();
                    units.extend(route.with.iter().filter_map(|s| d.unit_index(s)));
                    if units.is_empty() {
                        units.extend(table.top(1).iter().map(|r| r.unit));
                        units.extend(table.bottom(1).iter().map(|r| r.unit));
                    }
                    units.dedup();
                    units.truncate(6);
                    let labels: Vec<String> = d.periods().iter().map(|p| p.label.get(lang).to_string()).collect();
                    let per_period = |u: Option<usize>| -> Vec<Option<f64>> {
                        (0..d.periods().len())
                            .map(|p| {
                                let col = column_values(d, sel.indicator, p)?;
                                match u {
                                    Some(u) => col[u],
                                    None => mean(&col.iter().flatten().copied().collect::<Vec<_>>()),
                                }
                            })
                            .collect()
                    };
                    let mut series: Vec<Series> = units.iter().map(|&u| Series { label: name(u), values: per_period(Some(u)) }).collect();
                    let state_avg = per_period(None);
                    series.push(Series { label: Msg::StateAverage.text(lang).into(), values: state_avg.clone() });
                    let target_ref: Vec<Reference> = refs.iter().filter(|r| r.dashed).cloned().collect();
                    let svg = trend(&labels, &series, &target_ref, &fmt, &format!("{} {}", Msg::TrendOf.text(lang), title), (720, 340));
                    let mut header = vec![Msg::Period.text(lang).to_string()];
                    header.extend(series.iter().map(|s| s.label.clone()));
                    let rows = (0..labels.len()).map(|p| {
                        let mut r = vec![labels[p].clone()];
                        r.extend(series.iter().map(|s| s.values[p].map(fmt).unwrap_or_else(|| "–".into())));
                        r
                    }).collect();
                    let summary = series.iter().take(units.len()).map(|s| {
                        let first = s.values.iter().flatten().next().copied();
                        let last = s.values.iter().rev().flatten().next().copied();
                        match (first, last) { (Some(a), Some(b)) => format!("{}: {} → {}", s.label, fmt(a), fmt(b)), _ => format!("{}: {}", s.label, Msg::NoData.text(lang)) }
                    }).collect::<Vec<_>>().join("; ");
                    Drawn { svg, size: (720, 340), summary, header, rows }
                }
                ChartKind::Distribution => {
                    let groups: Vec<(String, Vec<(String, f64, bool)>)> = d.manifest.divisions.iter().map(|div| {
                        let pts = d.units().iter().enumerate().filter(|(_, u)| u.division == div.id).filter_map(|(u, _)| Some((name(u), values[u]?, Some(u) == sel.district))).collect();
                        (div.name.get(lang).to_string(), pts)
                    }).collect();
                    let svg = distribution(&groups, &refs, &fmt, &title, 720);
                    let h = groups.len() as u32 * 34 + 50;
                    let rows = groups.iter().flat_map(|(g, pts)| pts.iter().map(move |(n, v, _)| vec![g.clone(), n.clone(), fmt(*v)])).collect();
                    Drawn { svg, size: (720, h), summary: summary_of(&table).unwrap_or_default(), header: vec![Msg::Division.text(lang).into(), Msg::District.text(lang).into(), Msg::Value.text(lang).into()], rows }
                }
                ChartKind::Scatter => {
                    let j = second.get().filter(|&j| j != sel.indicator).unwrap_or(if sel.indicator == 0 { 1 } else { 0 });
                    let other = &d.indicators()[j];
                    let yv = column_values(d, j, sel.period)?;
                    let pts: Vec<(String, f64, f64, bool)> = (0..d.units().len()).filter_map(|u| Some((name(u), values[u]?, yv[u]?, Some(u) == sel.district))).collect();
                    let r = pearson(&pts.iter().map(|p| (p.1, p.2)).collect::<Vec<_>>());
                    let fmt_y = move |v: f64| format_value(v, other, lang);
                    let svg = scatter(&pts, ind.short_name.get(lang), other.short_name.get(lang), &fmt, &fmt_y, &title, (640, 440));
                    let summary = match r {
                        Some(r) => format!("{} ({} {}): r = {}", Msg::Correlation.text(lang), pts.len(), Msg::NavDistrict.text(lang), format_number(r, 2)),
                        None => Msg::CorrelationNone.text(lang).to_string(),
                    };
                    let rows = pts.iter().map(|(n, x, y, _)| vec![n.clone(), fmt(*x), fmt_y(*y)]).collect();
                    Drawn { svg, size: (640, 440), summary, header: vec![Msg::District.text(lang).into(), ind.short_name.get(lang).into(), other.short_name.get(lang).into()], rows }
                }
            };
            let footer = format!("{}: {} · {}: {}", Msg::Source.text(lang), d.manifest.sources.iter().map(|s| s.name.get(lang).to_string()).collect::<Vec<_>>().join("; "), Msg::DataAsOf.text(lang), format_date(&d.manifest.updated, lang));
            let base = format!("samiksha-{}-{}-{}-{}", ind.id, period.id, match k { ChartKind::Bars => "bars", ChartKind::Trend => "trend", ChartKind::Distribution => "divisions", ChartKind::Scatter => "scatter" }, lang.code());
            let (doc, total) = framed(&drawn.svg, drawn.size.0, drawn.size.1, &title, &footer);
            let csv = to_csv(&[title.clone(), footer.clone()], &drawn.header, &drawn.rows);
            let (svg_name, png_name, csv_name) = (format!("{base}.svg"), format!("{base}.png"), format!("{base}.csv"));
            let doc_png = doc.clone();
            let width = drawn.size.0;
            let second_options = (k == ChartKind::Scatter).then(|| {
                let current = second.get();
                d.indicators().iter().enumerate().filter(|(j, _)| *j != sel.indicator).map(|(j, i)| view! { <option value=j.to_string() selected=current == Some(j)>{i.name.get(lang).to_string()}</option> }).collect_view()
            });
            let rows = drawn.rows.iter().map(|r| view! { <tr>{r.iter().enumerate().map(|(c, x)| if c == 0 { view! { <th scope="row">{x.clone()}</th> }.into_any() } else { view! { <td>{x.clone()}</td> }.into_any() }).collect_view()}</tr> }).collect_view();
            let header = drawn.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view();
            Some(view! {
                {second_options.map(|opts| view! {
                    <label class="inline"><span>{Msg::SecondIndicator.text(lang)}</span>
                        <select name="second" on:change=move |ev| second.set(event_target_value(&ev).parse().ok())>{opts}</select>
                    </label>
                })}
                <figure class="chart-figure">
                    <div class="chart-box" inner_html=drawn.svg></div>
                    <figcaption class="chart-summary">{drawn.summary}</figcaption>
                </figure>
                <div class="chart-tools">
                    <button type="button" class="download" on:click=move |_| { crate::io::download(&svg_name, "image/svg+xml;charset=utf-8", doc.as_bytes()); }>{Msg::DownloadSvg.text(lang)}</button>
                    <button type="button" class="download" on:click=move |_| {
                        let (doc, name) = (doc_png.clone(), png_name.clone());
                        leptos::task::spawn_local(async move { crate::io::download_png(&name, &doc, width, total).await; });
                    }>{Msg::DownloadPng.text(lang)}</button>
                    <button type="button" class="download" on:click=move |_| { crate::io::download(&csv_name, "text/csv;charset=utf-8", csv.as_bytes()); }>{Msg::DownloadCsv.text(lang)}</button>
                </div>
                <details class="chart-data">
                    <summary>{Msg::DataTable.text(lang)}</summary>
                    <div class="table-wrap"><table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></div>
                </details>
            }.into_any())
        })
    };

    view! {
        <section class="view charts-view" aria-labelledby="charts-h">
            <Controls/>
            <h2 id="charts-h">{move || {
                let lang = state.lang();
                let sel = state.selection();
                state.dataset.with(|d| match (d, sel) {
                    (Some(d), Some(sel)) => format!("{} · {}", d.indicators()[sel.indicator].name.get(lang), d.periods()[sel.period].label.get(lang)),
                    _ => Msg::NavCharts.text(lang).to_string(),
                })
            }}</h2>
            <fieldset class="segmented chart-kinds">
                <legend>{move || Msg::ChartKind.text(state.lang())}</legend>
                {[(ChartKind::Bars, Msg::ChartBars), (ChartKind::Trend, Msg::ChartTrend), (ChartKind::Distribution, Msg::ChartDistribution), (ChartKind::Scatter, Msg::ChartScatter)].into_iter().map(|(k, m)| view! {
                    <button type="button" data-chart=format!("{k:?}").to_lowercase() aria-pressed=move || (kind.get() == k).to_string() on:click=move |_| kind.set(k)>{move || m.text(state.lang())}</button>
                }).collect_view()}
            </fieldset>
            {move || chart().unwrap_or_else(|| view! { <LoadingValues/> }.into_any())}
        </section>
    }
}
