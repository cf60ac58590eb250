//! The rankings view: top three and bottom three, the full table (sortable, searchable,
//! filterable by division, downloadable), division figures, the improvement ranking, and the
//! arithmetic behind the selected district's rank, for one indicator or the composite index.

use super::{direction_text, CompositeChoice, Controls, LoadingValues};
use crate::nav::{go, link_click, HistoryEntry};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::composite::{composite, rank_changes, Composite, Weighting, DEFAULT_MIN_SHARE};
use samiksha_core::csvout::to_csv;
use samiksha_core::i18n::Msg;
use samiksha_core::manifest::{Direction, Indicator};
use samiksha_core::numfmt::{format_date, format_number, format_value};
use samiksha_core::review::{column_values, composite_table, divisions, filter_sort, improvement_ranking, review_table, Change, Order, Row, SortKey, Table, Trend};
use samiksha_core::route::{Route, COMPOSITE};
use samiksha_core::{Dataset, Lang};

/// "▲ 3 · +1.2 better": arrows and words, never colour alone.
pub fn change_text(c: &Change, decimals: u8, lang: Lang) -> String {
    let rank = match c.rank_delta {
        Some(d) if d > 0 => format!("▲ {d}"),
        Some(d) if d < 0 => format!("▼ {}", -d),
        _ => "=".to_string(),
    };
    let sign = if c.value_delta > 0.0 { "+" } else { "" };
    let word = match c.trend {
        Trend::Better => Msg::Better.text(lang),
        Trend::Worse => Msg::Worse.text(lang),
        Trend::Same => "",
    };
    format!("{rank} · {sign}{} {word}", format_number(c.value_delta, decimals)).trim_end().to_string()
}

/// What is being ranked: one indicator, or the composite index.
#[derive(Clone, Copy, PartialEq)]
enum Subject {
    Indicator(usize),
    Composite,
}

/// How a ranked number is shown for the subject.
fn show(ds: &Dataset, subject: Subject, x: f64, lang: Lang) -> String {
    match subject {
        Subject::Indicator(i) => format_value(x, &ds.indicators()[i], lang),
        Subject::Composite => format_number(x, 1),
    }
}

fn subject_of(ds: &Dataset, route: &Route, fallback: usize) -> Subject {
    match route.indicator.as_deref() {
        Some(COMPOSITE) => Subject::Composite,
        Some(id) => ds.indicator_index(id).map_or(Subject::Indicator(fallback), Subject::Indicator),
        None => Subject::Indicator(fallback),
    }
}

#[component]
pub fn RankingsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let division = RwSignal::new(String::new());
    let sort = RwSignal::new((SortKey::Rank, Order::Ascending));

    let body = move || {
        let lang = state.lang();
        let sel = state.selection()?;
        let route = state.route.get();
        state.dataset.with(|d| {
            let d = d.as_ref()?;
            let subject = subject_of(d, &route, sel.indicator);
            let period = &d.periods()[sel.period];
            let (title, decimals, direction) = match subject {
                Subject::Indicator(i) => (d.indicators()[i].name.get(lang).to_string(), d.indicators()[i].decimals, d.indicators()[i].direction),
                Subject::Composite => (Msg::CompositeIndex.text(lang).to_string(), 1, Direction::HigherIsBetter),
            };
            let heading = format!("{title} · {}", period.label.get(lang));
            let built: Option<(Table, Option<Composite>)> = match subject {
                Subject::Indicator(i) => review_table(d, i, sel.period).map(|t| (t, None)),
                Subject::Composite => composite_table(d, sel.period).map(|(t, c)| (t, Some(c))),
            };
            let Some((table, comp)) = built else {
                return Some(view! { <h2 id="rank-h">{heading}</h2><LoadingValues/> }.into_any());
            };
            if table.rows.is_empty() {
                return Some(view! { <h2 id="rank-h">{heading}</h2><p>{Msg::NoValuesForPeriod.text(lang)}</p> }.into_any());
            }
            let name = |u: usize| d.units()[u].name.get(lang).to_string();
            let division_name = |u: usize| d.manifest.division(&d.units()[u].division).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
            let link = |u: usize| {
                let target = super::district_route(&route, &d.units()[u].slug);
                view! { <a href=target.to_query() on:click=link_click(state.route, target.clone())>{name(u)}</a> }
            };
            let card = |r: &Row| view! {
                <li class="card" data-district=d.units()[r.unit].slug.clone() data-rank=r.rank.to_string()>
                    <span class="card-rank">{r.rank}</span>
                    <span class="card-name">{link(r.unit)}</span>
                    <span class="card-value">{show(d, subject, r.value, lang)}</span>
                </li>
            };
            let top: Vec<_> = table.top(3).iter().map(card).collect();
            let bottom: Vec<_> = table.bottom(3).iter().map(card).collect();

            let mut meta = vec![direction_text(direction, lang).to_string()];
            if let Subject::Indicator(i) = subject {
                if let Some(t) = d.indicators()[i].target {
                    meta.push(format!("{}: {}", Msg::Target.text(lang), format_value(t, &d.indicators()[i], lang)));
                }
            }
            if let Some(m) = table.mean {
                meta.push(format!("{}: {}", Msg::StateAverage.text(lang), show(d, subject, m, lang)));
            }

            // Rank within division, for each district.
            let values: Vec<Option<f64>> = (0..d.units().len()).map(|u| table.row(u).map(|r| r.value)).collect();
            let (division_rows, within) = divisions(d, &values, direction, decimals);

            // The rows shown: filtered and sorted by the reader's choices.
            let names: Vec<String> = (0..d.units().len()).map(|u| format!("{} {}", d.units()[u].name.en, d.units()[u].name.hi)).collect();
            let division_ids: Vec<String> = d.units().iter().map(|u| u.division.clone()).collect();
            let (key, order) = sort.get();
            let div_filter = division.get();
            let shown = filter_sort(&table, &names, &division_ids, &query.get(), (!div_filter.is_empty()).then_some(div_filter.as_str()), key, order);
            let band = |r: &Row| comp.as_ref().and_then(|_| samiksha_core::composite::band_of(d, r.value)).map(|b| d.manifest.bands[b].label.get(lang).to_string());
            let cells = |r: &Row| -> Vec<String> {
                let flag = r.flag.as_ref().and_then(|f| d.manifest.flag(f)).map(|f| format!(" ({})", f.label.get(lang))).unwrap_or_default();
                let mut v = vec![
                    format!("{}{}", r.rank, if r.tied { "=" } else { "" }),
                    name(r.unit),
                    division_name(r.unit),
                    within[r.unit].map(|x| x.to_string()).unwrap_or_default(),
                    format!("{}{flag}", show(d, subject, r.value, lang)),
                    r.change.as_ref().map(|c| change_text(c, decimals, lang)).unwrap_or_else(|| "–".into()),
                ];
                if comp.is_some() {
                    v.push(band(r).unwrap_or_default());
                }
                v
            };
            let mut header: Vec<(SortKey, Msg)> = vec![(SortKey::Rank, Msg::Rank), (SortKey::District, Msg::District), (SortKey::Division, Msg::Division)];
            header.push((SortKey::Rank, Msg::RankInDivision));
            header.push((SortKey::Value, if comp.is_some() { Msg::Score } else { Msg::Value }));
            header.push((SortKey::Change, Msg::ChangeSincePrevious));
            if comp.is_some() {
                header.push((SortKey::Value, Msg::Band));
            }
            let csv_header: Vec<String> = header.iter().map(|(_, m)| m.text(lang).to_string()).collect();
            let csv_rows: Vec<Vec<String>> = shown.iter().map(|&i| cells(&table.rows[i])).collect();
            let sortable = [Msg::Rank, Msg::District, Msg::Division, Msg::Score, Msg::Value, Msg::ChangeSincePrevious];
            let head = header.iter().map(|&(k, m)| {
                let active = key == k && sortable.contains(&m);
                let aria = active.then_some(if order == Order::Ascending { "ascending" } else { "descending" });
                if sortable.contains(&m) {
                    let next = if active && order == Order::Ascending { Order::Descending } else { Order::Ascending };
                    view! { <th scope="col" aria-sort=aria><button type="button" class="sort" on:click=move |_| sort.set((k, next))>{m.text(lang)}{if active { if order == Order::Ascending { " ↑" } else { " ↓" } } else { "" }}</button></th> }.into_any()
                } else {
                    view! { <th scope="col">{m.text(lang)}</th> }.into_any()
                }
            }).collect_view();
            let rows = shown.iter().map(|&i| {
                let r = &table.rows[i];
                let c = cells(r);
                let explain_target = Route { district: Some(d.units()[r.unit].slug.clone()), ..route.clone() };
                let selected = sel.district == Some(r.unit);
                view! {
                    <tr data-district=d.units()[r.unit].slug.clone() data-rank=r.rank.to_string() class:selected=selected>
                        <td class="num">{r.rank}{r.tied.then(|| view! { <abbr title=Msg::Tied.text(lang)>"="<span class="visually-hidden">{format!(" ({})", Msg::Tied.text(lang))}</span></abbr> })}</td>
                        <th scope="row">{link(r.unit)}</th>
                        <td>{c[2].clone()}</td>
                        <td class="num">{c[3].clone()}</td>
                        <td class="num">{c[4].clone()}</td>
                        <td class="change">{c[5].clone()}</td>
                        {c.get(6).cloned().map(|b| view! { <td>{b}</td> })}
                        <td><button type="button" class="explain" aria-pressed=selected.to_string()
                            on:click=move |_| go(state.route, explain_target.clone(), HistoryEntry::Push)>{Msg::Explain.text(lang)}</button></td>
                    </tr>
                }
            }).collect_view();
            let unranked = table.unranked.iter().map(|(u, reason)| {
                let why = match &comp {
                    Some(c) => format!("{} ({} {:.0}%)", Msg::TooFewIndicators.text(lang), Msg::Coverage.text(lang), c.districts[*u].coverage * 100.0),
                    None => reason.label(lang).to_string(),
                };
                view! { <li data-district=d.units()[*u].slug.clone()>{link(*u)}" — "{why}</li> }
            }).collect_view();
            let has_unranked = !table.unranked.is_empty();

            // Sensitivity of the composite to the department weights.
            let sensitivity = comp.as_ref().and_then(|c| {
                let equal = composite(d, sel.period, Weighting::EqualDepartments, DEFAULT_MIN_SHARE)?;
                Some(rank_changes(c, &equal))
            });

            // Improvement since an earlier period.
            let compare = route.compare.as_deref().and_then(|p| d.period_index(p)).filter(|&p| p < sel.period);
            let improvement = compare.and_then(|earlier| {
                let (then, now): (Vec<Option<f64>>, Vec<Option<f64>>) = match subject {
                    Subject::Indicator(i) => (column_values(d, i, earlier)?, column_values(d, i, sel.period)?),
                    Subject::Composite => {
                        // The current period's composite is already computed for the table.
                        let a = composite(d, earlier, Weighting::Published, DEFAULT_MIN_SHARE)?;
                        let b = comp.as_ref()?;
                        (a.districts.iter().map(|x| x.overall).collect(), b.districts.iter().map(|x| x.overall).collect())
                    }
                };
                Some((earlier, improvement_ranking(&then, &now, direction, decimals)))
            });
            let compare_options = d.periods()[..sel.period].iter().rev().map(|p| {
                let selected = route.compare.as_deref() == Some(p.id.as_str());
                view! { <option value=p.id.clone() selected=selected>{p.label.get(lang).to_string()}</option> }
            }).collect_view();
            let on_compare = move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                let next = state.route.with_untracked(|r| Route { compare: (!v.is_empty()).then_some(v), ..r.clone() });
                go(state.route, next, HistoryEntry::Push);
            };

            let explanation = sel.district.map(|u| explain(d, subject, &table, comp.as_ref(), u, lang));
            let division_options = d.manifest.divisions.iter().map(|x| view! { <option value=x.id.clone() selected=div_filter == x.id>{x.name.get(lang).to_string()}</option> }).collect_view();
            let showing = format!("{} {} / {}", Msg::Showing.text(lang), shown.len(), table.rows.len());
            let csv_name = format!("samiksha-{}-{}-{}.csv", route.indicator.clone().unwrap_or_default(), period.id, lang.code());
            let preamble = vec![
                heading.clone(),
                format!("{}: {}", Msg::Source.text(lang), d.manifest.sources.iter().map(|s| s.name.get(lang).to_string()).collect::<Vec<_>>().join("; ")),
                format!("{}: {}", Msg::DataAsOf.text(lang), format_date(&d.manifest.updated, lang)),
            ];
            let download = move |_| {
                let csv = to_csv(&preamble, &csv_header, &csv_rows);
                crate::io::download(&csv_name, "text/csv;charset=utf-8", csv.as_bytes());
            };
            let caption = format!("{heading} — {} {}", table.ranked_count, Msg::NavDistrict.text(lang));
            let n = table.ranked_count;
            Some(view! {
                <h2 id="rank-h">{heading}</h2>
                <p class="meta">{meta.join(" · ")}</p>
                {comp.is_some().then(|| view! { <p class="method-note">{Msg::CompositeNote.text(lang)}</p> })}
                <div class="podium">
                    <section class="top-three" aria-labelledby="top-h">
                        <h3 id="top-h">{Msg::TopThree.text(lang)}</h3>
                        <ol>{top}</ol>
                    </section>
                    <section class="bottom-three" aria-labelledby="bottom-h">
                        <h3 id="bottom-h">{Msg::BottomThree.text(lang)}</h3>
                        <ol>{bottom}</ol>
                    </section>
                </div>
                {sensitivity.map(|k| view! { <p class="sensitivity">{format!("{} {k} {} {n}", Msg::SensitivityBefore.text(lang), Msg::RankOf.text(lang))}" "{Msg::SensitivityAfter.text(lang)}</p> })}
                <div class="table-tools">
                    <label><span>{Msg::SearchDistricts.text(lang)}</span>
                        <input type="search" name="q" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                    </label>
                    <label><span>{Msg::Division.text(lang)}</span>
                        <select name="division" on:change=move |ev| division.set(event_target_value(&ev))>
                            <option value="" selected=div_filter.is_empty()>{Msg::AllDivisions.text(lang)}</option>
                            {division_options}
                        </select>
                    </label>
                    <button type="button" class="download" on:click=download>{Msg::DownloadCsv.text(lang)}</button>
                </div>
                <p class="status" role="status">{showing}</p>
                <div class="table-wrap">
                    <table class="ranking-table">
                        <caption>{caption}</caption>
                        <thead><tr>{head}<th scope="col"><span class="visually-hidden">{Msg::HowComputed.text(lang)}</span></th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {has_unranked.then(|| view! {
                    <section class="unranked" aria-labelledby="unranked-h">
                        <h3 id="unranked-h">{Msg::NotRanked.text(lang)}</h3>
                        <ul>{unranked}</ul>
                    </section>
                })}
                <section class="explain-panel" aria-labelledby="explain-h">
                    <h3 id="explain-h">{Msg::HowComputed.text(lang)}</h3>
                    {explanation.unwrap_or_else(|| view! { <p>{Msg::ChooseDistrictToExplain.text(lang)}</p> }.into_any())}
                </section>
                <section class="improvement" aria-labelledby="improve-h">
                    <h3 id="improve-h">{Msg::MostImproved.text(lang)}</h3>
                    <label class="inline"><span>{Msg::CompareWith.text(lang)}</span>
                        <select name="compare" on:change=on_compare>
                            <option value="" selected=compare.is_none()>{Msg::NoComparison.text(lang)}</option>
                            {compare_options}
                        </select>
                    </label>
                    {improvement.map(|(earlier, list)| {
                        let label = d.periods()[earlier].label.get(lang).to_string();
                        let rows = list.iter().map(|x| view! {
                            <tr data-district=d.units()[x.unit].slug.clone() data-rank=x.rank.to_string()>
                                <td class="num">{format!("{}{}", x.rank, if x.tied { "=" } else { "" })}</td>
                                <th scope="row">{name(x.unit)}</th>
                                <td class="num">{show(d, subject, x.then, lang)}</td>
                                <td class="num">{show(d, subject, x.now, lang)}</td>
                                <td class="num">{format!("{}{}", if x.gain > 0.0 { "+" } else { "" }, format_number(x.gain, decimals))}</td>
                            </tr>
                        }).collect_view();
                        view! {
                            <div class="table-wrap"><table class="improvement-table">
                                <caption>{format!("{} — {label} → {}", Msg::MostImproved.text(lang), period.label.get(lang))}</caption>
                                <thead><tr>
                                    <th scope="col">{Msg::Rank.text(lang)}</th><th scope="col">{Msg::District.text(lang)}</th>
                                    <th scope="col">{format!("{} ({label})", Msg::Then.text(lang))}</th><th scope="col">{Msg::Now.text(lang)}</th>
                                    <th scope="col">{Msg::Gain.text(lang)}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table></div>
                        }
                    })}
                </section>
                <section class="division-figures" aria-labelledby="div-h">
                    <h3 id="div-h">{Msg::DivisionFigures.text(lang)}</h3>
                    <div class="table-wrap"><table>
                        <thead><tr>
                            <th scope="col">{Msg::Rank.text(lang)}</th><th scope="col">{Msg::Division.text(lang)}</th>
                            <th scope="col">{Msg::DistrictsCount.text(lang)}</th><th scope="col">{Msg::StateAverage.text(lang)}</th>
                        </tr></thead>
                        <tbody>{division_rows.iter().map(|x| view! {
                            <tr data-division=d.manifest.divisions[x.division].id.clone()>
                                <td class="num">{x.rank}</td><th scope="row">{d.manifest.divisions[x.division].name.get(lang).to_string()}</th>
                                <td class="num">{x.districts}</td><td class="num">{show(d, subject, x.mean, lang)}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table></div>
                    <p class="method-note">{Msg::DivisionMeanNote.text(lang)}</p>
                </section>
                <p class="method-note">{Msg::RankingNote.text(lang)}" "{Msg::MethodDocument.text(lang)}</p>
            }.into_any())
        })
    };
    view! {
        <section class="view rankings-view" aria-labelledby="rank-h">
            <Controls composite=CompositeChoice::Offered/>
            {body}
        </section>
    }
}

/// The arithmetic behind one district's rank, in plain words.
fn explain(d: &Dataset, subject: Subject, table: &Table, comp: Option<&Composite>, u: usize, lang: Lang) -> AnyView {
    let name = d.units()[u].name.get(lang).to_string();
    let Some(row) = table.row(u) else {
        return view! { <p>{format!("{name}: {}", Msg::NotRanked.text(lang))}</p> }.into_any();
    };
    match (subject, comp) {
        (Subject::Indicator(i), _) => {
            let ind: &Indicator = &d.indicators()[i];
            let better = table.rows.iter().filter(|r| r.rank < row.rank).count();
            view! {
                <p data-district=d.units()[u].slug.clone()>
                    {format!("{name}: {}. {better} {} {}{}.", format_value(row.value, ind, lang), Msg::BetterValueCount.text(lang), row.rank, if row.tied { " =" } else { "" })}
                </p>
            }.into_any()
        }
        (Subject::Composite, Some(c)) => {
            let ds = &c.districts[u];
            let deps = ds.departments.iter().map(|dep| {
                let dept = &d.manifest.departments[dep.department];
                let items = ds.indicators.iter().filter(|s| d.indicators()[s.indicator].department == dept.id).map(|s| {
                    let ind = &d.indicators()[s.indicator];
                    let scale = c.scales[s.indicator];
                    let range = scale.map(|sc| format!("{} {}, {} {}", Msg::ScoreZeroAt.text(lang), format_value(sc.zero, ind, lang), Msg::ScoreHundredAt.text(lang),
                        if sc.uses_target { format!("{} ({})", format_value(sc.hundred, ind, lang), Msg::Target.text(lang)) } else { format!("{} ({})", format_value(sc.hundred, ind, lang), Msg::BestDistrict.text(lang)) })).unwrap_or_default();
                    view! { <li>{format!("{}: {} → {} ({range})", ind.short_name.get(lang), format_value(s.value, ind, lang), format_number(s.score, 1))}</li> }
                }).collect_view();
                view! {
                    <li>
                        <strong>{format!("{}: {} ", dept.name.get(lang), format_number(dep.score, 1))}</strong>
                        {format!("— {}, {} {} ({}/{})", Msg::DepartmentScoreMean.text(lang), Msg::Weight.text(lang), format_number(dep.weight, 1), dep.used, dep.total)}
                        <ul>{items}</ul>
                    </li>
                }
            }).collect_view();
            let total_w: f64 = ds.departments.iter().map(|x| x.weight).sum();
            let sum = ds.departments.iter().map(|x| format!("{}×{}", format_number(x.weight, 1), format_number(x.score, 1))).collect::<Vec<_>>().join(" + ");
            view! {
                <div data-district=d.units()[u].slug.clone()>
                    <p><strong>{name.clone()}</strong>{format!(" — {} {:.0}%", Msg::Coverage.text(lang), ds.coverage * 100.0)}</p>
                    <ul class="explain-list">{deps}</ul>
                    <p>{format!("{}: ({sum}) ÷ {} = {}; {} {}.", Msg::OverallIs.text(lang), format_number(total_w, 1), format_number(row.value, 1), Msg::Rank.text(lang), row.rank)}</p>
                </div>
            }.into_any()
        }
        // The composite table always comes with its composite; say so plainly if it ever does not.
        (Subject::Composite, None) => view! { <p>{format!("{name}: {}", Msg::NoData.text(lang))}</p> }.into_any(),
    }
}
