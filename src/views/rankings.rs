//! The rankings view: top three and bottom three, then every district in rank order with its
//! value and change since the previous period, then the districts that could not be ranked.

use super::{direction_text, district_link, Controls, LoadingValues};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::i18n::Msg;
use samiksha_core::manifest::Indicator;
use samiksha_core::numfmt::{format_number, format_value};
use samiksha_core::review::{review_table, Change, Row, Trend};
use samiksha_core::{Dataset, Lang};

/// "▲ 3 · +1.2 better": arrows and words, never colour alone.
pub fn change_text(c: &Change, ind: &Indicator, lang: Lang) -> String {
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
    format!("{rank} · {sign}{} {word}", format_number(c.value_delta, ind.decimals)).trim_end().to_string()
}

fn card(state: AppState, d: &Dataset, ind: &Indicator, r: &Row, lang: Lang) -> impl IntoView {
    let unit = &d.units()[r.unit];
    view! {
        <li class="card" data-district=unit.slug.clone() data-rank=r.rank.to_string()>
            <span class="card-rank">{r.rank}</span>
            <span class="card-name">{district_link(state, unit.slug.clone(), unit.name.get(lang).to_string())}</span>
            <span class="card-value">{format_value(r.value, ind, lang)}</span>
        </li>
    }
}

#[component]
pub fn RankingsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        let lang = state.lang();
        let sel = state.selection()?;
        state.dataset.with(|d| {
            let d = d.as_ref()?;
            let ind = &d.indicators()[sel.indicator];
            let period = &d.periods()[sel.period];
            let heading = format!("{} · {}", ind.name.get(lang), period.label.get(lang));
            let Some(table) = review_table(d, sel.indicator, sel.period) else {
                return Some(view! { <h2 id="rank-h">{heading}</h2><LoadingValues/> }.into_any());
            };
            if table.rows.is_empty() {
                return Some(view! { <h2 id="rank-h">{heading}</h2><p>{Msg::NoValuesForPeriod.text(lang)}</p> }.into_any());
            }
            let top: Vec<_> = table.top(3).iter().map(|r| card(state, d, ind, r, lang)).collect();
            let bottom: Vec<_> = table.bottom(3).iter().map(|r| card(state, d, ind, r, lang)).collect();
            let mut meta = vec![direction_text(ind.direction, lang).to_string()];
            if let Some(t) = ind.target {
                meta.push(format!("{}: {}", Msg::Target.text(lang), format_value(t, ind, lang)));
            }
            if let Some(m) = table.mean {
                meta.push(format!("{}: {}", Msg::StateAverage.text(lang), format_value(m, ind, lang)));
            }
            let n = table.ranked_count;
            let rows = table.rows.iter().map(|r| {
                let unit = &d.units()[r.unit];
                let division = d.manifest.division(&unit.division).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
                let flag = r.flag.as_ref().and_then(|f| d.manifest.flag(f)).map(|f| f.label.get(lang).to_string());
                let change = r.change.as_ref().map(|c| change_text(c, ind, lang)).unwrap_or_else(|| "–".into());
                view! {
                    <tr data-district=unit.slug.clone() data-rank=r.rank.to_string()>
                        <td class="num">{r.rank}{r.tied.then(|| view! { <abbr title=Msg::Tied.text(lang)>"="</abbr> })}</td>
                        <th scope="row">{district_link(state, unit.slug.clone(), unit.name.get(lang).to_string())}</th>
                        <td>{division}</td>
                        <td class="num">
                            {format_value(r.value, ind, lang)}
                            {flag.map(|f| { let title = f.clone(); view! { <span class="flag" title=title>"*"<span class="visually-hidden">{f}</span></span> } })}
                        </td>
                        <td class="change">{change}</td>
                    </tr>
                }
            }).collect_view();
            let unranked = table.unranked.iter().map(|(u, reason)| {
                let unit = &d.units()[*u];
                view! {
                    <li data-district=unit.slug.clone()>
                        {district_link(state, unit.slug.clone(), unit.name.get(lang).to_string())}
                        " — " {reason.label(lang)}
                    </li>
                }
            }).collect_view();
            let has_unranked = !table.unranked.is_empty();
            let caption = format!("{} — {} {} {n}", heading, Msg::NavRankings.text(lang), Msg::RankOf.text(lang));
            Some(view! {
                <h2 id="rank-h">{heading}</h2>
                <p class="meta">{meta.join(" · ")}</p>
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
                <div class="table-wrap">
                    <table class="ranking-table">
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{Msg::Rank.text(lang)}</th>
                                <th scope="col">{Msg::District.text(lang)}</th>
                                <th scope="col">{Msg::Division.text(lang)}</th>
                                <th scope="col">{Msg::Value.text(lang)}</th>
                                <th scope="col">{Msg::ChangeSincePrevious.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {has_unranked.then(|| view! {
                    <section class="unranked" aria-labelledby="unranked-h">
                        <h3 id="unranked-h">{Msg::NotRanked.text(lang)}</h3>
                        <ul>{unranked}</ul>
                    </section>
                })}
                <p class="method-note">{Msg::RankingNote.text(lang)}</p>
            }.into_any())
        })
    };
    view! {
        <section class="view rankings-view" aria-labelledby="rank-h">
            <Controls/>
            {body}
        </section>
    }
}
