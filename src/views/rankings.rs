//! The rankings view lays out `present::rankings`: the podium (top and bottom three, with ties
//! at the edge counted and named), the table (sortable, searchable, filterable by division,
//! downloadable; all three choices in the URL), districts not ranked, the arithmetic behind
//! the chosen district's rank, the improvement table and division figures.
//!
//! The page is built once per subject, period and language; search, filter and sort only pick
//! rows from it, so typing never recomputes a ranking or a composite.

use super::{Controls, DistrictLink, LoadingValues};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::analysis::review::{Order, SortKey};
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::rankings::{self, Column, Explanation, PodiumSide, RankRow, RankingsPage};
use samiksha_core::route::{clean_search, Sort};
use std::sync::Arc;

fn card(r: &RankRow) -> impl IntoView {
    view! {
        <li class="card" data-district=r.slug.clone() data-rank=r.rank.to_string()>
            <span class="card-rank">{r.rank_mark.clone()}</span>
            <span class="card-name"><DistrictLink slug=r.slug.clone() name=r.name.clone()/></span>
            <span class="card-value">{r.value_alone.clone()}</span>
            {r.flag_text.clone().map(|f| view! { <span class="card-flag">{f}</span> })}
        </li>
    }
}

fn podium_side(page: &RankingsPage, side: &PodiumSide, class: &'static str, id: &'static str, title: &'static str) -> impl IntoView {
    let more = side.more_text.clone().map(|text| {
        let cards = side.more.iter().map(|&i| card(&page.rows[i])).collect_view();
        view! {
            <details class="more-tied">
                <summary>{text}</summary>
                <ol>{cards}</ol>
            </details>
        }
    });
    view! {
        <section class=class aria-labelledby=id>
            <h3 id=id>{title}</h3>
            <ol>{side.shown.iter().map(|&i| card(&page.rows[i])).collect_view()}</ol>
            {more}
        </section>
    }
}

#[component]
pub fn RankingsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A target with a deadline adds a pace column, measured over the periods before this one.
    let dated = Memo::new(move |_| state.measured.with(|m| m.as_ref().is_some_and(|m| m.facts.dated_target)));
    Effect::new(move |_| {
        state.retry.track();
        if let (true, Some(sel)) = (dated.get(), state.selection.get()) {
            state.ensure_periods(samiksha_core::analysis::track::periods_needed(sel.period));
        }
    });
    let page: Memo<Option<Arc<RankingsPage>>> = Memo::new(move |_| {
        let m = state.measured.get()?;
        let lang = state.lang.get();
        if dated.get() {
            state.arrived.track();
        }
        state.with_ctx(lang, |ctx| Arc::new(rankings::page(ctx, &m)))
    });
    let search = Memo::new(move |_| state.route.with(|r| r.search.clone()));
    let division = Memo::new(move |_| state.route.with(|r| r.division.clone()));
    let sort = Memo::new(move |_| state.route.with(|r| r.sort));
    let district = Memo::new(move |_| state.selection.get().and_then(|s| s.district));
    let shown = Memo::new(move |_| {
        page.with(|p| p.as_ref().map(|p| rankings::shown_rows(p, &search.get(), division.get().as_deref(), sort.get()))).unwrap_or_default()
    });

    let heading = move || {
        let lang = state.lang.get();
        let sel = state.selection.get()?;
        state.with_ctx(lang, |ctx| ctx.heading(sel.subject, sel.period))
    };

    let summary = move || {
        let lang = state.lang.get();
        let Some(p) = page.get() else { return view! { <LoadingValues/> }.into_any() };
        if p.rows.is_empty() {
            return view! { <p>{Msg::NoValuesForPeriod.text(lang)}</p> }.into_any();
        }
        view! {
            <p class="meta">{p.meta.join(" · ")}</p>
            {p.composite_note.map(|n| view! { <p class="method-note">{n}</p><super::CompositeMethodLink/> })}
            <div class="podium">
                {podium_side(&p, &p.top, "top-three", "top-h", Msg::TopThree.text(lang))}
                {podium_side(&p, &p.bottom, "bottom-three", "bottom-h", Msg::BottomThree.text(lang))}
            </div>
            {p.sensitivity.clone().map(|s| view! { <p class="sensitivity">{s}</p> })}
        }
        .into_any()
    };

    // The tools are built per page and language, never per keystroke, so the search box keeps
    // its focus while the reader types.
    let tools = move || {
        let lang = state.lang.get();
        let p = page.get()?;
        let divisions =
            state.with_ctx(lang, |ctx| ctx.ds.manifest.divisions.iter().map(|d| (d.id.clone(), d.name.get(lang).to_string())).collect::<Vec<_>>())?;
        // The rows as shown (sorted, searched, filtered), with the table's own headers.
        let csv = move || {
            let sel = state.selection.get_untracked()?;
            let rows = shown.get_untracked();
            state.with_ctx(lang, |ctx| (format!("{}.csv", p.file_stem), rankings::csv(ctx, sel.subject, &p, &rows)))
        };
        Some(view! {
            <div class="table-tools">
                <label><span>{Msg::SearchDistricts.text(lang)}</span>
                    <input type="search" name="q" prop:value=move || search.get()
                        on:input=move |ev| { let q = clean_search(&event_target_value(&ev)); state.refine(|r| r.search = q) }/>
                </label>
                <label><span>{super::label(state, lang, Msg::Division)}</span>
                    <select name="division" on:change=move |ev| { let v = event_target_value(&ev); state.navigate(|r| r.division = (!v.is_empty()).then_some(v)) }>
                        <option value="" selected=move || division.get().is_none()>{super::label(state, lang, Msg::AllDivisions)}</option>
                        {divisions.into_iter().map(|(id, name)| {
                            let this = id.clone();
                            view! { <option value=id selected=move || division.get().as_deref() == Some(this.as_str())>{name}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {super::csv_button(csv)}
            </div>
        })
    };

    let table = move || {
        let lang = state.lang.get();
        let p = page.get()?;
        if p.rows.is_empty() {
            return None;
        }
        let sel = state.selection.get()?;
        let current = sort.get().unwrap_or(Sort { key: SortKey::Rank, order: Order::Ascending });
        // The headers, computed once: the head's buttons and each card cell's label.
        let labels: Vec<String> = state.with_ctx(lang, |ctx| p.columns.iter().map(|&c| c.header(ctx, sel.subject)).collect())?;
        let head = p
            .columns
            .iter()
            .zip(labels.clone())
            .map(|(&c, label)| {
                    match c.sort_key() {
                        Some(k) => {
                            let active = current.key == k;
                            let aria = active.then_some(if current.order == Order::Ascending { "ascending" } else { "descending" });
                            let next = if active && current.order == Order::Ascending { Order::Descending } else { Order::Ascending };
                            let arrow = if active { if current.order == Order::Ascending { " ↑" } else { " ↓" } } else { "" };
                            view! { <th scope="col" aria-sort=aria><button type="button" class="sort" on:click=move |_| state.navigate(|r| r.sort = Some(Sort { key: k, order: next }))>{label}{arrow}</button></th> }.into_any()
                        }
                        None => view! { <th scope="col">{label}</th> }.into_any(),
                    }
            })
            .collect_view();
        let rows = move || {
            let p = page.get()?;
            let chosen = district.get();
            Some(
                shown
                    .get()
                    .into_iter()
                    .map(|i| {
                        let r = p.rows[i].clone();
                        let selected = chosen == Some(r.unit);
                        let slug = r.slug.clone();
                        // Each cell names its column, so on a phone, where the table is a
                        // list of cards, a cell still says what it is.
                        let cells = p
                            .columns
                            .iter()
                            .zip(&labels)
                            .filter(|(c, _)| !matches!(c, Column::Rank | Column::District))
                            .map(|(&c, label)| {
                                let class = match c {
                                    Column::Change | Column::Track => "change",
                                    Column::Division | Column::Band => "",
                                    Column::Value => "num lead",
                                    _ => "num",
                                };
                                view! { <td class=class data-label=label.clone()>{r.cell(c)}</td> }
                            })
                            .collect_view();
                        view! {
                            <tr data-district=r.slug.clone() data-rank=r.rank.to_string() data-track=r.track.map(|t| t.word()) class:selected=selected>
                                <td class="num">{r.rank}{r.tied.then(|| view! { <abbr title=Msg::Tied.text(lang)>"="<span class="visually-hidden">{format!(" ({})", Msg::Tied.text(lang))}</span></abbr> })}</td>
                                <th scope="row"><DistrictLink slug=r.slug.clone() name=r.name.clone()/>
                                    {r.notes.iter().map(|n| view! { <span class="row-note"><span class="note-mark">{Msg::NoteMark.text(lang)}</span>" "{n.clone()}</span> }).collect_view()}
                                </th>
                                {cells}
                                <td class="card-action"><button type="button" class="explain" aria-pressed=selected.to_string()
                                    aria-label=Msg::ExplainDistrict.fill(lang, &[("district", &r.name)])
                                    on:click=move |_| {
                                        let s = slug.clone();
                                        state.navigate(|route| route.district = Some(s));
                                        // The explanation is below the whole table: bring it into view.
                                        request_animation_frame(|| {
                                            if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("explain-h")) {
                                                el.scroll_into_view();
                                            }
                                        });
                                    }>{Msg::Explain.text(lang)}</button></td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        };
        let total = p.rows.len();
        Some(view! {
            <p class="status" role="status">{move || state.with_ctx(lang, |ctx| rankings::showing(ctx, shown.with(|s| s.len()), total))}</p>
            <div class="table-wrap">
                <table class="ranking-table cards sortable">
                    <caption>{p.caption.clone()}</caption>
                    <thead><tr>{head}<th scope="col"><span class="visually-hidden">{Msg::HowComputed.text(lang)}</span></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };

    let unranked = move || {
        let lang = state.lang.get();
        let p = page.get()?;
        (!p.unranked.is_empty()).then(|| view! {
            <section class="unranked" aria-labelledby="unranked-h">
                <h3 id="unranked-h">{Msg::NotRanked.text(lang)}</h3>
                <ul>{p.unranked.iter().map(|u| view! { <li data-district=u.slug.clone()><DistrictLink slug=u.slug.clone() name=u.name.clone()/>" — "{u.reason.clone()}</li> }).collect_view()}</ul>
            </section>
        })
    };

    let explanation = move || {
        let lang = state.lang.get();
        let m = state.measured.get()?;
        let body = match district.get() {
            Some(u) => {
                let slug = state.with_ctx(lang, |ctx| ctx.slug(u))?;
                match state.with_ctx(lang, |ctx| rankings::explain(ctx, &m, u))? {
                    Explanation::Sentence(s) => view! { <p data-district=slug>{s}</p> }.into_any(),
                    Explanation::Composite { title, departments, overall } => view! {
                        <div data-district=slug>
                            <p><strong>{title}</strong></p>
                            <ul class="explain-list">
                                {departments.into_iter().map(|(line, items)| view! {
                                    <li><strong>{line}</strong><ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul></li>
                                }).collect_view()}
                            </ul>
                            <p>{overall}</p>
                        </div>
                    }
                    .into_any(),
                }
            }
            None => view! { <p>{Msg::ChooseDistrictToExplain.text(lang)}</p> }.into_any(),
        };
        Some(view! {
            <section class="explain-panel" aria-labelledby="explain-h">
                <h3 id="explain-h">{Msg::HowComputed.text(lang)}</h3>
                {body}
            </section>
        })
    };

    let compare = Memo::new(move |_| state.route.with(|r| r.compare.clone()));
    let improvement = move || {
        let lang = state.lang.get();
        let m = state.measured.get()?;
        let earlier = compare.get().and_then(|c| state.dataset.with_untracked(|d| d.as_ref().and_then(|d| d.period_index(&c)))).filter(|&e| e < m.period);
        // Recompute when the earlier period's files arrive.
        let _ = earlier.map(|e| state.arrived.with(|a| a.get(e).copied()));
        let options = state
            .with_ctx(lang, |ctx| (0..m.period).rev().map(|p| (ctx.ds.periods()[p].id.clone(), ctx.period_label(p), Some(p) == earlier)).collect::<Vec<_>>())?;
        let table = earlier.and_then(|e| state.with_ctx(lang, |ctx| rankings::improvement(ctx, &m, e)).flatten()).map(|imp| {
            let (then_h, now_h, gain_h) = (imp.then_header.clone(), Msg::Now.text(lang), Msg::Gain.text(lang));
            view! {
                <div class="table-wrap"><table class="improvement-table cards">
                    <caption>{imp.caption}</caption>
                    <thead><tr>
                        <th scope="col">{Msg::Rank.text(lang)}</th><th scope="col">{state.with_ctx(lang, |ctx| ctx.unit_word()).unwrap_or_default()}</th>
                        <th scope="col">{imp.then_header}</th><th scope="col">{Msg::Now.text(lang)}</th>
                        <th scope="col">{Msg::Gain.text(lang)}</th>
                    </tr></thead>
                    <tbody>{imp.rows.into_iter().map(|x| view! {
                        <tr data-district=x.slug data-rank=x.rank.to_string()>
                            <td class="num">{x.rank_mark}</td><th scope="row">{x.name}</th>
                            <td class="num" data-label=then_h.clone()>{x.then}</td><td class="num" data-label=now_h>{x.now}</td><td class="num lead" data-label=gain_h>{x.gain}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table></div>
            }
        });
        Some(view! {
            <section class="improvement" aria-labelledby="improve-h">
                <h3 id="improve-h">{Msg::MostImproved.text(lang)}</h3>
                <label class="inline"><span>{Msg::CompareWith.text(lang)}</span>
                    <select name="compare" on:change=move |ev| { let v = event_target_value(&ev); state.navigate(|r| r.compare = (!v.is_empty()).then_some(v)) }>
                        <option value="" selected=earlier.is_none()>{Msg::NoComparison.text(lang)}</option>
                        {options.into_iter().map(|(id, label, selected)| view! { <option value=id selected=selected>{label}</option> }).collect_view()}
                    </select>
                </label>
                {table}
            </section>
        })
    };

    let division_figures = move || {
        let lang = state.lang.get();
        let p = page.get()?;
        (!p.rows.is_empty()).then(|| {
            view! {
                <section class="division-figures" aria-labelledby="div-h">
                    <h3 id="div-h">{super::label(state, lang, Msg::DivisionFigures)}</h3>
                    <div class="table-wrap"><table>
                        <thead><tr>
                            <th scope="col">{Msg::Rank.text(lang)}</th><th scope="col">{super::label(state, lang, Msg::Division)}</th>
                            <th scope="col">{Msg::DistrictsCount.text(lang)}</th><th scope="col">{Msg::DivisionMean.text(lang)}</th>
                        </tr></thead>
                        <tbody>{p.divisions.iter().map(|x| view! {
                            <tr data-division=x.id.clone()>
                                <td class="num">{x.rank}</td><th scope="row">{x.name.clone()}</th>
                                <td class="num">{x.districts}</td><td class="num">{x.mean_text.clone()}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table></div>
                    <p class="method-note">{super::label(state, lang, Msg::DivisionMeanNote)}</p>
                </section>
            }
        })
    };

    view! {
        <section class="view rankings-view" aria-labelledby="rank-h">
            <Controls/>
            <h2 id="rank-h">{heading}</h2>
            <super::DataNotes/>
            <super::WhatChanged/>
            {summary}
            {tools}
            {table}
            {unranked}
            {explanation}
            {improvement}
            {division_figures}
            <p class="method-note">{move || samiksha_core::present::rankings::method_note(state.lang.get())}</p>
        </section>
    }
}
