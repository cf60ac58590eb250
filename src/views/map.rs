//! The map view: a tile grid of every district coloured by the chosen indicator, with a legend
//! that counts districts per class. Each tile also shows the rank as text, so nothing depends on
//! colour alone.

use super::{direction_text, district_route, Controls, LoadingValues};
use crate::nav::{go, HistoryEntry};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::classify::{quantiles, INK, PALETTE};
use samiksha_core::i18n::Msg;
use samiksha_core::numfmt::{format_number, format_value};
use samiksha_core::review::review_table;
use samiksha_core::tiles::unit_layout;

const TILE: f64 = 60.0;
const GAP: f64 = 4.0;

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
            let rows = layout.iter().map(|c| c.1).max().unwrap_or(0) + 1;
            let width = cols as f64 * (TILE + GAP);
            let height = rows as f64 * (TILE + GAP);
            let n = table.ranked_count;
            let mut class_counts = vec![0usize; classes.as_ref().map_or(0, |c| c.count())];
            let tiles = d.units().iter().enumerate().map(|(u, unit)| {
                let (c, r) = layout[u];
                let (x, y) = (c as f64 * (TILE + GAP), r as f64 * (TILE + GAP));
                let row = table.row(u);
                let name = unit.name.get(lang).to_string();
                let (fill, ink, label, rank_text) = match (row, &classes) {
                    (Some(row), Some(cl)) => {
                        class_counts[cl.value_class(row.value)] += 1;
                        let shade = cl.shade(row.value);
                        let label = format!("{name}: {}, {} {} {} {n}", format_value(row.value, ind, lang), Msg::Rank.text(lang), row.rank, Msg::RankOf.text(lang));
                        (PALETTE[shade].to_string(), INK[shade], label, format!("#{}", row.rank))
                    }
                    _ => {
                        let reason = table.unranked.iter().find(|x| x.0 == u).map(|x| x.1.label(lang)).unwrap_or(Msg::NoData.text(lang));
                        ("url(#no-data)".to_string(), "#1a1a1a", format!("{name}: {reason}"), "–".to_string())
                    }
                };
                let target = state.route.with_untracked(|r| district_route(r, &unit.slug));
                let open = {
                    let target = target.clone();
                    move || go(state.route, target.clone(), HistoryEntry::Push)
                };
                let open_key = open.clone();
                let title = label.clone();
                // Long names get a smaller font so they fit the tile.
                let chars = name.chars().count().max(1) as f64;
                let font = (TILE * 1.7 / chars).clamp(7.5, 12.0);
                view! {
                    <g class="tile" data-district=unit.slug.clone() tabindex="0" role="link" aria-label=label
                       on:click=move |_| open()
                       on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); open_key() }>
                        <title>{title}</title>
                        <rect x=x y=y width=TILE height=TILE rx="4" fill=fill stroke="#4a4a4a" stroke-width="0.75"/>
                        <text x=x + TILE / 2.0 y=y + TILE * 0.42 text-anchor="middle" font-size=font fill=ink>{name}</text>
                        <text x=x + TILE / 2.0 y=y + TILE * 0.78 text-anchor="middle" font-size="13" font-weight="700" fill=ink>{rank_text}</text>
                    </g>
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
                    <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=aria preserveAspectRatio="xMidYMid meet">
                        <defs>
                            <pattern id="no-data" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                                <rect width="8" height="8" fill="#f2f2f2"/>
                                <line x1="0" y1="0" x2="0" y2="8" stroke="#8c8c8c" stroke-width="3"/>
                            </pattern>
                        </defs>
                        {tiles}
                    </svg>
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
