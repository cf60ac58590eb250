//! The district view: pick a district, then see its names, lineage, composite rank and its
//! history, strengths and concerns, and a scorecard of every indicator for the period (value
//! with flag, rank of N, change, versus state average and target, sparkline), grouped by
//! department, optionally beside up to two other districts (`with=` in the URL).

use super::{district_route, rankings::change_text, LoadingValues};
use crate::nav::{go, link_click, HistoryEntry};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::i18n::Msg;
use samiksha_core::numfmt::format_value;
use samiksha_core::review::review_table;
use samiksha_core::route::Route;
use samiksha_core::Lang;

#[component]
pub fn DistrictView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Sparklines and the composite history need every period.
    Effect::new(move |_| {
        if state.route.with(|r| r.district.is_some()) {
            state.ensure_all_periods();
        }
    });
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
            </div>
            <super::Controls/>
        })
    };
    let body = move || {
        let lang = state.lang();
        let sel = state.selection()?;
        let asked = state.route.with(|r| r.district.clone());
        let route_with = state.route.with(|r| r.with.clone());
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
                // Word order differs: "Carved from Rewa in 2023" / "रीवा से अलग होकर बना, वर्ष 2023".
                lineage.push(match lang {
                    Lang::En => format!("{} {} {} {year}", Msg::CarvedFrom.text(lang), parent.name.get(lang), Msg::InYear.text(lang)),
                    Lang::Hi => format!("{} {}, {} {year}", parent.name.get(lang), Msg::CarvedFrom.text(lang), Msg::InYear.text(lang)),
                });
            }
            for f in &unit.former_names {
                lineage.push(format!("{}: {}", Msg::FormerlyCalled.text(lang), f.get(lang)));
            }
            let period = &d.periods()[sel.period];
            let mut any_loaded = false;
            // The districts on the scorecard: this one, then up to two to compare.
            let mut shown = vec![u];
            shown.extend(route_with.iter().filter_map(|s| d.unit_index(s)).filter(|x| *x != u).take(2));
            let tables: Vec<Option<samiksha_core::review::Table>> = (0..d.indicators().len()).map(|k| review_table(d, k, sel.period)).collect();
            // Strengths and concerns: this district's best and worst ranks relative to how many were ranked.
            let mut placed: Vec<(usize, f64, usize, usize)> = tables.iter().enumerate().filter_map(|(k, t)| {
                let t = t.as_ref()?;
                let r = t.row(u)?;
                Some((k, r.rank as f64 / t.ranked_count.max(1) as f64, r.rank, t.ranked_count))
            }).collect();
            placed.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            let item = |&(k, _, rank, n): &(usize, f64, usize, usize)| {
                let ind = &d.indicators()[k];
                let value = tables[k].as_ref().and_then(|t| t.row(u)).map(|r| format_value(r.value, ind, lang)).unwrap_or_default();
                view! { <li data-indicator=ind.id.clone()>{format!("{}: {value} — {} {rank} {} {n}", ind.name.get(lang), Msg::Rank.text(lang), Msg::RankOf.text(lang))}</li> }
            };
            let strengths = placed.iter().take(5).map(item).collect_view();
            let concerns = placed.iter().rev().take(5).map(item).collect_view();
            // Composite rank now and in every loaded period.
            let history: Vec<Option<f64>> = (0..d.periods().len()).map(|p| {
                samiksha_core::composite::composite(d, p, samiksha_core::composite::Weighting::Published, samiksha_core::composite::DEFAULT_MIN_SHARE)
                    .and_then(|c| c.ranking.rank_of(u).map(|r| r.rank as f64))
            }).collect();
            let composite_now = history.get(sel.period).copied().flatten();
            // Ranks drawn upside down would read as "falling" when improving; draw −rank.
            let history_line = samiksha_charts::sparkline(&history.iter().map(|r| r.map(|x| -x)).collect::<Vec<_>>(), Msg::CompositeHistory.text(lang), (160, 32));
            let departments = d.manifest.departments.iter().map(|dep| {
                let rows = d.indicators().iter().enumerate().filter(|(_, i)| i.department == dep.id).map(|(k, ind)| {
                    let table = tables[k].as_ref();
                    any_loaded |= table.is_some();
                    let cells = shown.iter().map(|&x| {
                        let (value, rank, change) = match table.and_then(|t| t.row(x).map(|r| (r, t.ranked_count))) {
                            Some((r, n)) => (
                                format!("{}{}", format_value(r.value, ind, lang), r.flag.as_ref().and_then(|f| d.manifest.flag(f)).map(|f| format!(" * ({})", f.label.get(lang))).unwrap_or_default()),
                                format!("{}{} {} {n}", r.rank, if r.tied { "=" } else { "" }, Msg::RankOf.text(lang)),
                                r.change.as_ref().map(|c| change_text(c, ind.decimals, lang)).unwrap_or_else(|| "–".into()),
                            ),
                            None => {
                                let reason = table.and_then(|t| t.unranked.iter().find(|y| y.0 == x)).map(|y| y.1.label(lang)).unwrap_or(Msg::NoData.text(lang));
                                (reason.to_string(), Msg::NotRanked.text(lang).to_string(), "–".into())
                            }
                        };
                        let series: Vec<Option<f64>> = (0..d.periods().len()).map(|p| d.observation(k, p, x).and_then(|o| o.number())).collect();
                        let spark = samiksha_charts::sparkline(&series, &format!("{} {}", Msg::TrendOf.text(lang), ind.name.get(lang)), (80, 22));
                        view! {
                            <td class="num">{value}</td>
                            <td class="num">{rank}</td>
                            <td class="change">{change}</td>
                            <td inner_html=spark></td>
                        }
                    }).collect_view();
                    let versus = match (table.and_then(|t| t.row(u)), table.and_then(|t| t.mean)) {
                        (Some(r), Some(m)) => {
                            let mut v = format!("{}: {}", Msg::StateAverage.text(lang), format_value(m, ind, lang));
                            if let Some(t) = ind.target {
                                v.push_str(&format!(" · {}: {}", Msg::Target.text(lang), format_value(t, ind, lang)));
                            }
                            let _ = r;
                            v
                        }
                        _ => String::new(),
                    };
                    view! {
                        <tr data-indicator=ind.id.clone()>
                            <th scope="row">{ind.name.get(lang).to_string()}<br/><small class="versus">{versus}</small></th>
                            {cells}
                        </tr>
                    }
                }).collect_view();
                let span = (1 + 4 * shown.len()).to_string();
                view! {
                    <tbody>
                        <tr class="group"><th scope="rowgroup" colspan=span>{dep.name.get(lang).to_string()}</th></tr>
                        {rows}
                    </tbody>
                }
            }).collect_view();
            let compare_heads = shown.iter().map(|&x| {
                let name = d.units()[x].name.get(lang).to_string();
                view! {
                    <th scope="col" data-district=d.units()[x].slug.clone()>{format!("{name}: {}", Msg::Value.text(lang))}</th>
                    <th scope="col">{Msg::Rank.text(lang)}</th>
                    <th scope="col">{Msg::ChangeSincePrevious.text(lang)}</th>
                    <th scope="col">{Msg::TrendColumn.text(lang)}</th>
                }
            }).collect_view();
            let add_options = {
                let mut opts: Vec<(String, String)> = d.units().iter().enumerate().filter(|(x, _)| !shown.contains(x)).map(|(_, un)| (un.slug.clone(), un.name.get(lang).to_string())).collect();
                opts.sort_by(|a, b| a.1.cmp(&b.1));
                opts.into_iter().map(|(slug, name)| view! { <option value=slug>{name}</option> }).collect_view()
            };
            let can_add = shown.len() < 3;
            let removers = shown.iter().skip(1).map(|&x| {
                let slug = d.units()[x].slug.clone();
                let name = d.units()[x].name.get(lang).to_string();
                view! {
                    <button type="button" class="explain" on:click=move |_| {
                        let next = state.route.with_untracked(|r| Route { with: r.with.iter().filter(|s| **s != slug).cloned().collect(), ..r.clone() });
                        go(state.route, next, HistoryEntry::Push);
                    }>{format!("{} {name}", Msg::RemoveDistrict.text(lang))}</button>
                }
            }).collect_view();
            let on_add = move |ev: leptos::ev::Event| {
                let slug = event_target_value(&ev);
                if slug.is_empty() {
                    return;
                }
                let next = state.route.with_untracked(|r| {
                    let mut with = r.with.clone();
                    with.push(slug.clone());
                    Route { with, ..r.clone() }
                });
                go(state.route, next, HistoryEntry::Push);
            };
            Some(view! {
                <h2 id="district-h" data-district=unit.slug.clone()>
                    {unit.name.get(lang).to_string()}
                    <span class="other-name" lang=other.code()>{format!(" · {}", unit.name.get(other))}</span>
                </h2>
                <p class="meta">{format!("{}: {division}", Msg::Division.text(lang))}</p>
                {(!lineage.is_empty()).then(|| view! { <p class="lineage">{lineage.join(" · ")}</p> })}
                {(!any_loaded).then(|| view! { <LoadingValues/> })}
                <p class="composite-rank">
                    {format!("{}: {}", Msg::CompositeRank.text(lang), composite_now.map(|r| format!("{r} {} {}", Msg::RankOf.text(lang), d.units().len())).unwrap_or_else(|| Msg::NotRanked.text(lang).to_string()))}
                    " "<span class="history" inner_html=history_line></span>
                </p>
                <div class="strengths-concerns">
                    <section aria-labelledby="strengths-h"><h3 id="strengths-h">{Msg::Strengths.text(lang)}</h3><ol class="strengths">{strengths}</ol></section>
                    <section aria-labelledby="concerns-h"><h3 id="concerns-h">{Msg::Concerns.text(lang)}</h3><ol class="concerns">{concerns}</ol></section>
                </div>
                <div class="compare-tools">
                    {can_add.then(|| view! {
                        <label class="inline"><span>{Msg::AddDistrict.text(lang)}</span>
                            <select name="with" on:change=on_add><option value="">"—"</option>{add_options}</select>
                        </label>
                    })}
                    {removers}
                </div>
                <div class="table-wrap">
                    <table class="scorecard">
                        <caption>{format!("{} — {}", Msg::Scorecard.text(lang), period.label.get(lang))}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{Msg::Indicator.text(lang)}</th>
                                {compare_heads}
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
