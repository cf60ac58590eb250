//! The district view: pick a district, then see its names, lineage and a scorecard of every
//! indicator for the period (value, rank of N, change), grouped by department.

use super::{district_route, rankings::change_text, LoadingValues};
use crate::nav::{go, link_click, HistoryEntry};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::i18n::Msg;
use samiksha_core::numfmt::format_value;
use samiksha_core::review::review_table;
use samiksha_core::route::Route;

#[component]
pub fn DistrictView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let picker = move || {
        let lang = state.lang();
        let sel = state.selection()?;
        let mut options: Vec<(String, String, bool)> = state.dataset.with(|d| {
            d.as_ref().map(|d| d.units().iter().enumerate().map(|(i, u)| (u.slug.clone(), u.name.get(lang).to_string(), Some(i) == sel.district)).collect())
        })?;
        options.sort_by(|a, b| a.1.cmp(&b.1));
        let on_change = move |ev: leptos::ev::Event| {
            let slug = event_target_value(&ev);
            let next = state.route.with_untracked(|r| if slug.is_empty() { Route { district: None, ..r.clone() } } else { district_route(r, &slug) });
            go(state.route, next, HistoryEntry::Push);
        };
        Some(view! {
            <div class="controls">
                <label>
                    <span>{Msg::District.text(lang)}</span>
                    <select name="district" on:change=on_change>
                        <option value="" selected=sel.district.is_none()>{Msg::ChooseDistrict.text(lang)}</option>
                        {options.into_iter().map(|(slug, name, selected)| view! { <option value=slug selected=selected>{name}</option> }).collect_view()}
                    </select>
                </label>
                <super::Controls/>
            </div>
        })
    };
    let body = move || {
        let lang = state.lang();
        let sel = state.selection()?;
        let asked = state.route.with(|r| r.district.clone());
        state.dataset.with(|d| {
            let d = d.as_ref()?;
            let Some(u) = sel.district else {
                if asked.is_some() {
                    return Some(view! { <p role="alert">{Msg::UnknownDistrict.text(lang)}</p> }.into_any());
                }
                // No district chosen: list them all by division, each a link.
                let groups = d.manifest.divisions.iter().map(|div| {
                    let items = d.units().iter().filter(|u| u.division == div.id).map(|u| {
                        let target = state.route.with_untracked(|r| district_route(r, &u.slug));
                        view! { <li data-district=u.slug.clone()><a href=target.to_query() on:click=link_click(state.route, target.clone())>{u.name.get(lang).to_string()}</a></li> }
                    }).collect_view();
                    view! { <section class="division-group"><h3>{div.name.get(lang).to_string()}</h3><ul>{items}</ul></section> }
                }).collect_view();
                return Some(view! { <h2 id="district-h">{Msg::ChooseDistrict.text(lang)}</h2><div class="division-list">{groups}</div> }.into_any());
            };
            let unit = &d.units()[u];
            let other = lang.other();
            let division = d.manifest.division(&unit.division).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
            let mut lineage = Vec::new();
            if let (Some(parent), Some(year)) = (unit.carved_from.as_deref().and_then(|p| d.manifest.unit(p)), unit.year_created) {
                lineage.push(format!("{} {} {} {year}", Msg::CarvedFrom.text(lang), parent.name.get(lang), Msg::InYear.text(lang)));
            }
            for f in &unit.former_names {
                lineage.push(format!("{}: {}", Msg::FormerlyCalled.text(lang), f.get(lang)));
            }
            let period = &d.periods()[sel.period];
            let mut any_loaded = false;
            let departments = d.manifest.departments.iter().map(|dep| {
                let rows = d.indicators().iter().enumerate().filter(|(_, i)| i.department == dep.id).map(|(k, ind)| {
                    let table = review_table(d, k, sel.period);
                    any_loaded |= table.is_some();
                    let (value, rank, change) = match table.as_ref().and_then(|t| t.row(u).map(|r| (r, t.ranked_count))) {
                        Some((r, n)) => (
                            format_value(r.value, ind, lang),
                            format!("{}{} {} {n}", r.rank, if r.tied { "=" } else { "" }, Msg::RankOf.text(lang)),
                            r.change.as_ref().map(|c| change_text(c, ind.decimals, lang)).unwrap_or_else(|| "–".into()),
                        ),
                        None => {
                            let reason = table.as_ref().and_then(|t| t.unranked.iter().find(|x| x.0 == u)).map(|x| x.1.label(lang)).unwrap_or(Msg::NoData.text(lang));
                            (reason.to_string(), Msg::NotRanked.text(lang).to_string(), "–".into())
                        }
                    };
                    view! {
                        <tr data-indicator=ind.id.clone()>
                            <th scope="row">{ind.name.get(lang).to_string()}</th>
                            <td class="num">{value}</td>
                            <td class="num">{rank}</td>
                            <td class="change">{change}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <tbody>
                        <tr class="group"><th scope="rowgroup" colspan="4">{dep.name.get(lang).to_string()}</th></tr>
                        {rows}
                    </tbody>
                }
            }).collect_view();
            Some(view! {
                <h2 id="district-h" data-district=unit.slug.clone()>
                    {unit.name.get(lang).to_string()}
                    <span class="other-name" lang=other.code()>{format!(" · {}", unit.name.get(other))}</span>
                </h2>
                <p class="meta">{format!("{}: {division}", Msg::Division.text(lang))}</p>
                {(!lineage.is_empty()).then(|| view! { <p class="lineage">{lineage.join(" · ")}</p> })}
                {(!any_loaded).then(|| view! { <LoadingValues/> })}
                <div class="table-wrap">
                    <table class="scorecard">
                        <caption>{format!("{} — {}", Msg::Scorecard.text(lang), period.label.get(lang))}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{Msg::Indicator.text(lang)}</th>
                                <th scope="col">{Msg::Value.text(lang)}</th>
                                <th scope="col">{Msg::Rank.text(lang)}</th>
                                <th scope="col">{Msg::ChangeSincePrevious.text(lang)}</th>
                            </tr>
                        </thead>
                        {departments}
                    </table>
                </div>
            }.into_any())
        })
    };
    view! {
        <section class="view district-view" aria-labelledby="district-h">
            {picker}
            {body}
        </section>
    }
}
