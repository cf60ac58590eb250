//! The district view lays out `present::district`: without a district, every district by
//! division; with one, its names, lineage, composite rank and history, strengths and
//! concerns, and the scorecard of every indicator beside up to two other districts (`with=`).

use super::{district_route, DistrictLink, LoadingValues, PeriodPicker};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::district::{self, Profile};
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::pickers;
use samiksha_core::route::Route;
use std::sync::Arc;

#[component]
pub fn DistrictView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let asked = Memo::new(move |_| state.route.with(|r| r.district.clone()));
    let with = Memo::new(move |_| state.route.with(|r| r.with.clone()));
    // Sparklines and the composite history need every period.
    Effect::new(move |_| {
        // Asked again after a lost connection returns.
        state.retry.track();
        if asked.with(|a| a.is_some()) {
            state.ensure_all_periods();
        }
    });
    let profile: Memo<Option<Arc<Profile>>> = Memo::new(move |_| {
        let sel = state.selection.get()?;
        let u = sel.district?;
        let lang = state.lang.get();
        // Every period feeds the sparklines and the composite history.
        state.arrived.track();
        let with = with.get();
        state.with_ctx(lang, |ctx| {
            let others: Vec<usize> = with.iter().filter_map(|s| ctx.ds.unit_index(s)).collect();
            Arc::new(district::profile(ctx, sel.period, u, &others))
        })
    });

    let picker = move || {
        let lang = state.lang.get();
        let sel = state.selection.get()?;
        let (names, periods) = state.with_ctx(lang, |ctx| (district::sorted_names(ctx), pickers(ctx, sel).periods))?;
        let on_change = move |ev: leptos::ev::Event| {
            let slug = event_target_value(&ev);
            let next = if slug.is_empty() { state.route.with_untracked(|r| Route { district: None, ..r.clone() }) } else { district_route(state, &slug) };
            crate::nav::go(state.route, next, crate::nav::HistoryEntry::Push);
        };
        let chosen = sel.district.and_then(|u| state.with_ctx(lang, |ctx| ctx.slug(u)));
        Some(view! {
            <div class="controls">
                <label>
                    <span>{state.with_ctx(lang, |ctx| ctx.unit_word()).unwrap_or_default()}</span>
                    <select name="district" on:change=on_change>
                        <option value="" selected=chosen.is_none()>{Msg::ChooseDistrict.text(lang)}</option>
                        {names.into_iter().map(|(slug, name)| { let selected = chosen.as_deref() == Some(slug.as_str()); view! { <option value=slug selected=selected>{name}</option> } }).collect_view()}
                    </select>
                </label>
                <PeriodPicker periods=periods/>
            </div>
        })
    };

    let body = move || {
        let lang = state.lang.get();
        let sel = state.selection.get()?;
        if sel.district.is_none() {
            if asked.with(|a| a.is_some()) {
                return Some(view! { <p role="alert">{Msg::UnknownDistrict.text(lang)}</p> }.into_any());
            }
            let groups = state.with_ctx(lang, district::by_division)?;
            return Some(
                view! {
                    <h2 id="district-h">{Msg::ChooseDistrict.text(lang)}</h2>
                    <div class="division-list">
                        {groups.into_iter().map(|(division, items)| view! {
                            <section class="division-group"><h3>{division}</h3>
                                <ul>{items.into_iter().map(|(slug, name)| { let hook = slug.clone(); view! { <li data-district=hook><DistrictLink slug=slug name=name/></li> } }).collect_view()}</ul>
                            </section>
                        }).collect_view()}
                    </div>
                }
                .into_any(),
            );
        }
        let p = profile.get()?;
        let span = (1 + 4 * p.shown.len()).to_string();
        let heads = p
            .shown
            .iter()
            .map(|s| {
                view! {
                    <th scope="col" data-district=s.slug.clone()>{s.header.clone()}</th>
                    <th scope="col">{Msg::Rank.text(lang)}</th>
                    <th scope="col">{Msg::ChangeSincePrevious.text(lang)}</th>
                    <th scope="col">{Msg::TrendColumn.text(lang)}</th>
                }
            })
            .collect_view();
        let departments = p
            .departments
            .iter()
            .map(|dep| {
                let rows = dep
                    .rows
                    .iter()
                    .map(|row| {
                        let cells = row
                            .cells
                            .iter()
                            .zip(&p.shown)
                            .map(|(c, s)| {
                                let spark = samiksha_charts::sparkline(&c.series, &row.spark_title, (80, 22));
                                view! {
                                    <td class="num" data-label=s.name.clone()>{c.value.clone()}</td>
                                    // "Rank 7 of 54" names itself.
                                    <td class="num full">{c.rank.clone()}</td>
                                    <td class="change" data-label=Msg::ChangeSincePrevious.text(lang)>{c.change.clone()}</td>
                                    <td class="spark" data-label=Msg::TrendColumn.text(lang) inner_html=spark></td>
                                }
                            })
                            .collect_view();
                        view! {
                            <tr data-indicator=row.indicator.clone()>
                                <th scope="row">{row.name.clone()}<br/><small class="versus">{row.versus.clone()}</small></th>
                                {cells}
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <tbody>
                        <tr class="group"><th scope="rowgroup" colspan=span.clone()>{dep.name.clone()}</th></tr>
                        {rows}
                    </tbody>
                }
            })
            .collect_view();
        // Ranks drawn upside down would read as "falling" when improving; draw −rank.
        let history =
            samiksha_charts::sparkline(&p.composite_history.iter().map(|r| r.map(|x| -x)).collect::<Vec<_>>(), Msg::CompositeHistory.text(lang), (160, 32));
        let removers = p
            .shown
            .iter()
            .skip(1)
            .map(|s| {
                let slug = s.slug.clone();
                view! { <button type="button" class="explain" on:click=move |_| { let gone = slug.clone(); state.navigate(|r| r.with.retain(|x| *x != gone)) }>{s.remove.clone()}</button> }
            })
            .collect_view();
        let on_add = move |ev: leptos::ev::Event| {
            let slug = event_target_value(&ev);
            if !slug.is_empty() {
                state.navigate(|r| r.with.push(slug));
            }
        };
        let can_add = p.can_add;
        Some(
            view! {
                <h2 id="district-h" data-district=p.slug.clone()>
                    {p.name.clone()}
                    <span class="other-name" lang=p.other_lang>{format!(" · {}", p.other_name)}</span>
                </h2>
                <p class="meta">{p.division.clone()}</p>
                {(!p.lineage.is_empty()).then(|| view! { <p class="lineage">{p.lineage.join(" · ")}</p> })}
                {(!p.any_loaded).then(|| view! { <LoadingValues/> })}
                <p class="composite-rank">{p.composite.clone()}" "<span class="history" inner_html=history></span></p>
                <p class="method-note">{Msg::CompositeRankMeaning.text(lang)}</p>
                <super::CompositeMethodLink/>
                <div class="strengths-concerns">
                    <section aria-labelledby="strengths-h"><h3 id="strengths-h">{Msg::Strengths.text(lang)}</h3>
                        <ol class="strengths">{p.strengths.iter().map(|s| view! { <li data-indicator=s.indicator.clone()>{s.text.clone()}</li> }).collect_view()}</ol></section>
                    <section aria-labelledby="concerns-h"><h3 id="concerns-h">{Msg::Concerns.text(lang)}</h3>
                        <ol class="concerns">{p.concerns.iter().map(|s| view! { <li data-indicator=s.indicator.clone()>{s.text.clone()}</li> }).collect_view()}</ol></section>
                </div>
                {(!p.tracks.is_empty()).then(|| view! {
                    <section class="tracks" aria-labelledby="tracks-h"><h3 id="tracks-h">{Msg::TrackHeading.text(lang)}</h3>
                        <ul>{p.tracks.iter().map(|(s, t)| view! { <li data-indicator=s.indicator.clone() data-track=t.word()>{s.text.clone()}</li> }).collect_view()}</ul></section>
                })}
                {super::notes_list(p.notes.clone(), lang)}
                <div class="compare-tools">
                    {can_add.then(|| view! {
                        <label class="inline"><span>{Msg::AddDistrict.text(lang)}</span>
                            <select name="with" on:change=on_add><option value="">"—"</option>
                                {p.addable.iter().map(|(slug, name)| view! { <option value=slug.clone()>{name.clone()}</option> }).collect_view()}
                            </select>
                        </label>
                    })}
                    {removers}
                </div>
                <div class="table-wrap">
                    <table class="scorecard cards">
                        <caption>{p.caption.clone()}</caption>
                        <thead><tr><th scope="col">{Msg::Indicator.text(lang)}</th>{heads}</tr></thead>
                        {departments}
                    </table>
                </div>
                {super::csv_button(move || {
                    let p = profile.get_untracked()?;
                    state.with_ctx(lang, |ctx| district::csv(ctx, &p))
                })}
            }
            .into_any(),
        )
    };
    view! {
        <section class="view district-view" aria-labelledby="district-h">
            {picker}
            {body}
        </section>
    }
}
