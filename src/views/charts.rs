//! The charts view lays out `present::charts`: ranked bars, trends, distribution by division,
//! a scatter of two indicators, every district then and now (a slope chart from the last
//! review, or `compare=`) and ranks over time (the kind and its choices in the URL), each with a
//! summary sentence, a data table one control away, and downloads (SVG, PNG, CSV) that carry
//! the title, source and as-of date. The `samiksha-charts` crate draws the model's inputs.

use super::{Controls, LoadingValues};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_charts::{draw, framed};
use samiksha_core::present::charts::{self, ChartModel};
use samiksha_core::present::csvout::to_csv;
use samiksha_core::present::i18n::Msg;
use samiksha_core::route::ChartKind;
use std::sync::Arc;

#[component]
pub fn ChartsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let kind = Memo::new(move |_| state.route.with(|r| r.chart.unwrap_or_default()));
    let second = Memo::new(move |_| state.route.with(|r| r.second.clone()));
    let with = Memo::new(move |_| state.route.with(|r| r.with.clone()));
    Effect::new(move |_| {
        // Asked again after a lost connection returns.
        state.retry.track();
        if matches!(kind.get(), ChartKind::Trend | ChartKind::Ranks | ChartKind::Slope) {
            state.ensure_all_periods();
        }
    });
    // Charts are drawn at the width they are shown in (measured, in steps of 20 px), so their
    // text keeps its size on a phone instead of being scaled down.
    let section = NodeRef::<leptos::html::Section>::new();
    let initial = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).map_or(720, |e| e.client_width().max(0) as u32);
    let available = RwSignal::new(initial.saturating_sub(24) / 20 * 20);
    let measure = move || {
        // A frame or resize after the view is gone finds nothing (never a disposed signal).
        if let Some(el) = section.try_get_untracked().flatten() {
            let w = el.client_width().max(0) as u32 / 20 * 20;
            if w > 0 && available.try_get_untracked().is_some_and(|old| old != w) {
                available.try_set(w);
            }
        }
    };
    request_animation_frame(measure);
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || on_resize.remove());
    let model: Memo<Option<Arc<(ChartModel, String)>>> = Memo::new(move |_| {
        let sel = state.selection.get()?;
        let lang = state.lang.get();
        let k = kind.get();
        // The shown period's values, or for a trend every period's.
        state.measured.with(|_| ());
        if matches!(k, ChartKind::Trend | ChartKind::Ranks | ChartKind::Slope) {
            state.arrived.track();
        }
        let compare = state.route.with(|r| r.compare.clone());
        let second = second.get();
        let with = with.get();
        state
            .with_ctx(lang, |ctx| {
                let others: Vec<usize> = with.iter().filter_map(|s| ctx.ds.unit_index(s)).collect();
                let second = second.as_deref().and_then(|s| ctx.ds.indicator_index(s));
                let compare = compare.as_deref().and_then(|c| ctx.ds.period_index(c));
                let mut m = charts::model_from(ctx, sel, &others, k, second, compare)?;
                charts::fit_width(&mut m, available.get());
                let svg = draw(ctx, &m, sel.subject);
                Some(Arc::new((m, svg)))
            })
            .flatten()
    });

    let failed = RwSignal::new(false);
    let body = move || {
        let lang = state.lang.get();
        let Some(drawn) = model.get() else { return view! { <LoadingValues/> }.into_any() };
        let (m, svg) = (&drawn.0, drawn.1.clone());
        let (doc, total) = framed(&svg, m.size.0, m.size.1, &m.title, &m.footer);
        let csv = to_csv(&[m.title.clone(), m.footer.clone()], &m.header, &m.rows);
        let (svg_name, png_name, csv_name) = (format!("{}.svg", m.file_stem), format!("{}.png", m.file_stem), format!("{}.csv", m.file_stem));
        let doc_png = doc.clone();
        let width = m.size.0;
        let second_picker = (m.kind == ChartKind::Scatter).then(|| {
            let options =
                m.second_choices.iter().map(|(id, name, chosen)| view! { <option value=id.clone() selected=*chosen>{name.clone()}</option> }).collect_view();
            view! {
                <label class="inline"><span>{Msg::SecondIndicator.text(lang)}</span>
                    <select name="second" on:change=move |ev| { let v = event_target_value(&ev); state.navigate(|r| r.second = Some(v)) }>{options}</select>
                </label>
            }
        });
        let rows = m
            .rows
            .iter()
            .map(|r| {
                let cells = r.iter().zip(&m.header).enumerate().map(|(c, (x, h))| {
                    if c == 0 {
                        view! { <th scope="row">{x.clone()}</th> }.into_any()
                    } else {
                        view! { <td data-label=h.clone()>{x.clone()}</td> }.into_any()
                    }
                });
                view! { <tr>{cells.collect_view()}</tr> }
            })
            .collect_view();
        let header = m.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view();
        view! {
            {second_picker}
            <figure class="chart-figure">
                <div class="chart-box" inner_html=svg></div>
                <figcaption class="chart-summary">{m.summary.clone()}</figcaption>
            </figure>
            {(!m.notes.is_empty()).then(|| view! {
                <aside class="data-notes chart-notes" aria-label=Msg::NotesHeading.text(lang)>
                    <ul>{m.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                </aside>
            })}
            {state.selection.with_untracked(|s| s.is_some_and(|s| s.subject == samiksha_core::present::Subject::Composite)).then(|| view! { <super::CompositeMethodLink/> })}
            <div class="chart-tools">
                <button type="button" class="download" on:click=move |_| { failed.set(!crate::io::download(&svg_name, "image/svg+xml;charset=utf-8", doc.as_bytes())); }>{Msg::DownloadSvg.text(lang)}</button>
                <button type="button" class="download" on:click=move |_| {
                    let (doc, name) = (doc_png.clone(), png_name.clone());
                    leptos::task::spawn_local(async move { failed.set(!crate::io::download_png(&name, &doc, width, total).await); });
                }>{Msg::DownloadPng.text(lang)}</button>
                <button type="button" class="download" on:click=move |_| { failed.set(!crate::io::download(&csv_name, "text/csv;charset=utf-8", csv.as_bytes())); }>{Msg::DownloadCsv.text(lang)}</button>
            </div>
            // A download the browser refused says so, rather than nothing happening.
            {move || failed.get().then(|| view! { <p class="note" role="alert">{Msg::DownloadFailed.text(lang)}</p> })}
            <details class="chart-data">
                <summary>{Msg::DataTable.text(lang)}</summary>
                <div class="table-wrap"><table class="cards"><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></div>
            </details>
        }
        .into_any()
    };

    let heading = move || model.with(|m| m.as_ref().map(|m| m.0.title.clone())).unwrap_or_else(|| Msg::NavCharts.text(state.lang.get()).to_string());
    view! {
        <section class="view charts-view" aria-labelledby="charts-h" node_ref=section>
            <Controls/>
            <h2 id="charts-h">{heading}</h2>
            <fieldset class="segmented chart-kinds">
                <legend>{move || Msg::ChartKind.text(state.lang.get())}</legend>
                {[(ChartKind::Bars, Msg::ChartBars), (ChartKind::Trend, Msg::ChartTrend), (ChartKind::Distribution, Msg::ChartDistribution), (ChartKind::Scatter, Msg::ChartScatter), (ChartKind::Slope, Msg::ChartSlope), (ChartKind::Ranks, Msg::ChartRanks)].into_iter().map(|(k, label)| view! {
                    <button type="button" data-chart=k.word() aria-pressed=move || (kind.get() == k).to_string() on:click=move |_| state.navigate(|r| r.chart = Some(k))>{move || super::label(state, state.lang.get(), label)}</button>
                }).collect_view()}
            </fieldset>
            {move || (kind.get() == ChartKind::Bars).then(|| view! { <crate::controls::time::TimeControl colours=crate::controls::time::Colours::NotOffered/> })}
            {body}
        </section>
    }
}
