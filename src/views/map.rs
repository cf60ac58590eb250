//! The map view: a tile grid of every district coloured by the chosen indicator, with a legend
//! that counts districts per class. Each tile also shows the rank as text, so nothing depends on
//! colour alone. Tiles are HTML links laid out by CSS grid, so each is focusable, named by its
//! visible text and readable in Devanagari at any size.

use super::{direction_text, district_route, Controls, LoadingValues};
use crate::nav::link_click;
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::classify::{quantiles, INK, PALETTE};
use samiksha_core::i18n::Msg;
use samiksha_core::numfmt::{format_number, format_value};
use samiksha_core::review::review_table;
use samiksha_core::tiles::unit_layout;

#[component]
pub fn MapView() -> impl IntoView {
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
                return Some(view! { <h2 id="map-h">{heading}</h2><LoadingValues/> }.into_any());
            };
            let values: Vec<f64> = table.rows.iter().map(|r| r.value).collect();
            let classes = quantiles(&values, 5, ind.direction);
            let layout = unit_layout(&d.manifest, 11);
            let cols = layout.iter().map(|c| c.0).max().unwrap_or(0) + 1;
            let n = table.ranked_count;
            let mut class_counts = vec![0usize; classes.as_ref().map_or(0, |c| c.count())];
            // Reading order (row by row) is also the keyboard order.
            let mut order: Vec<usize> = (0..d.units().len()).collect();
            order.sort_by_key(|&u| (layout[u].1, layout[u].0));
            let tiles = order.into_iter().map(|u| {
                let unit = &d.units()[u];
                let (c, r) = layout[u];
                let row = table.row(u);
                let name = unit.name.get(lang).to_string();
                let (style, detail, rank_text) = match (row, &classes) {
                    (Some(row), Some(cl)) => {
                        class_counts[cl.value_class(row.value)] += 1;
                        let shade = cl.shade(row.value);
                        let detail = format!(": {}, {} {} {} {n}", format_value(row.value, ind, lang), Msg::Rank.text(lang), row.rank, Msg::RankOf.text(lang));
                        (format!("background:{};color:{};", PALETTE[shade], INK[shade]), detail, format!("#{}", row.rank))
                    }
                    _ => {
                        let reason = table.unranked.iter().find(|x| x.0 == u).map(|x| x.1.label(lang)).unwrap_or(Msg::NoData.text(lang));
                        (String::new(), format!(": {reason}"), "–".to_string())
                    }
                };
                let class = if row.is_some() { "tile" } else { "tile no-data" };
                let target = state.route.with_untracked(|r| district_route(r, &unit.slug));
                let title = format!("{name}{detail}");
                let place = format!("{style}grid-column:{};grid-row:{};", c + 1, r + 1);
                view! {
                    <a class=class data-district=unit.slug.clone() href=target.to_query() on:click=link_click(state.route, target.clone())
                       style=place title=title>
                        <span class="tile-name">{name}</span>
                        <span class="tile-rank">{rank_text}</span>
                        <span class="visually-hidden">{detail}</span>
                    </a>
                }
            }).collect_view();
            let no_data = table.unranked.len();
            let legend = classes.as_ref().map(|cl| {
                (0..cl.count()).rev().map(|k| {
                    let (lo, hi) = cl.range(k);
                    let shade = cl.class_shade(k);
                    let text = format!("{} – {}{}", format_number(lo, ind.decimals), format_number(hi, ind.decimals), samiksha_core::numfmt::unit_suffix(ind, lang));
                    let count = class_counts.get(k).copied().unwrap_or(0);
                    view! {
                        <li><span class="swatch" style=format!("background:{}", PALETTE[shade])></span>{text}<span class="count">{format!(" ({count})")}</span></li>
                    }
                }).collect_view()
            });
            let aria = format!("{}: {heading}. {} {}", Msg::MapTitle.text(lang), d.units().len(), Msg::NavDistrict.text(lang));
            Some(view! {
                <h2 id="map-h">{heading}</h2>
                <p class="meta">{direction_text(ind.direction, lang)}" · "{Msg::MapTileNote.text(lang)}</p>
                <figure class="tile-map">
                    <div class="tile-scroll">
                        <div class="tile-grid" role="group" aria-label=aria style=format!("grid-template-columns:repeat({cols},minmax(3.4rem,4.75rem));")>
                            {tiles}
                        </div>
                    </div>
                    <figcaption>
                        <p class="legend-title">{format!("{} ({} → {})", ind.short_name.get(lang), Msg::Worse.text(lang), Msg::Better.text(lang))}</p>
                        <ul class="legend">
                            {legend}
                            <li><span class="swatch no-data"></span>{format!("{} ({no_data})", Msg::NoData.text(lang))}</li>
                        </ul>
                    </figcaption>
                </figure>
            }.into_any())
        })
    };
    view! {
        <section class="view map-view" aria-labelledby="map-h">
            <Controls/>
            {body}
        </section>
    }
}
