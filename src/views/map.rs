//! The map view: the same colouring drawn as a geographic map (from the dataset's boundary
//! file) or as equal tiles, with a legend that counts districts per class, a choice of
//! classification, zoom to a division, a district finder, a tooltip, and a table of the values
//! one control away. Geometry is built once per boundary file; changing indicator, period or
//! method only changes fills and labels.

use super::{direction_text, district_route, Controls, LoadingValues};
use crate::nav::{go, link_click, HistoryEntry};
use crate::state::{AppState, GeoLoad, Selection};
use leptos::prelude::*;
use samiksha_core::classify::{Method, Scheme};
use samiksha_core::i18n::Msg;
use samiksha_core::numfmt::{format_number, format_value, unit_suffix};
use samiksha_core::paint::{paint, Paint};
use samiksha_core::tiles::unit_layout;
use samiksha_core::Lang;

/// Which drawing of the map is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapKind {
    Geographic,
    Tiles,
}

fn method_label(m: Method, lang: Lang) -> &'static str {
    match m {
        Method::Quantile => Msg::MethodQuantile.text(lang),
        Method::EqualInterval => Msg::MethodEqual.text(lang),
        Method::NaturalBreaks => Msg::MethodNatural.text(lang),
        Method::TargetBands => Msg::MethodTarget.text(lang),
        Method::Diverging => Msg::MethodDiverging.text(lang),
    }
}

/// Narrow screens start with tiles: small districts stay tappable.
fn default_kind() -> MapKind {
    let wide = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_none_or(|w| w >= 700.0);
    if wide {
        MapKind::Geographic
    } else {
        MapKind::Tiles
    }
}

#[component]
pub fn MapView() -> impl IntoView {
    let state = expect_context::<AppState>();
    state.ensure_geo();
    // The drawing and the classification live in the URL (`map=`, `classes=`), so a shared
    // link shows the same map; without them narrow screens get tiles and each indicator its
    // default classification.
    let kind = move || match state.route.with(|r| r.map.clone()).as_deref() {
        Some("tiles") => MapKind::Tiles,
        Some("geo") => MapKind::Geographic,
        _ => default_kind(),
    };
    let method = move || state.route.with(|r| r.classes.as_deref().and_then(Method::from_word));
    let set_route = move |f: &dyn Fn(&mut samiksha_core::route::Route)| {
        let mut next = state.route.get_untracked();
        f(&mut next);
        go(state.route, next, HistoryEntry::Push);
    };
    let zoom = RwSignal::new(None::<String>);
    let found = RwSignal::new(None::<usize>);
    let hovered = RwSignal::new(None::<(usize, f64, f64)>);

    // Everything colour depends on, recomputed on indicator, period or method change only.
    let painted = Memo::new(move |_| {
        let sel = state.selection()?;
        state.dataset.with(|d| {
            let d = d.as_ref()?;
            let ind = &d.indicators()[sel.indicator];
            let m = method().unwrap_or_else(|| Method::default_for(ind.target));
            paint(d, sel.indicator, sel.period, m)
        })
    });
    let geo = move || match state.geo.get() {
        GeoLoad::Ready(g) => Some(g),
        _ => None,
    };
    let effective_kind = move || if geo().is_some() { kind() } else { MapKind::Tiles };

    let tools = move || {
        let lang = state.lang();
        let sel = state.selection()?;
        let (target, names, divisions) = state.dataset.with(|d| {
            let d = d.as_ref()?;
            let names: Vec<String> = d.units().iter().map(|u| u.name.get(lang).to_string()).collect();
            let divisions: Vec<(String, String)> = d.manifest.divisions.iter().map(|x| (x.id.clone(), x.name.get(lang).to_string())).collect();
            Some((d.indicators()[sel.indicator].target, names, divisions))
        })?;
        let current = painted.with(|p| p.as_ref().map(|p| p.method)).unwrap_or(Method::default_for(target));
        let geo_ready = geo().is_some();
        let names_for_search = names.clone();
        let on_find = move |ev: leptos::ev::Event| {
            let q = event_target_value(&ev).trim().to_lowercase();
            let hit = state.dataset.with_untracked(|d| {
                let d = d.as_ref()?;
                d.units().iter().position(|u| u.name.en.to_lowercase() == q || u.name.hi == q || u.slug == q)
            });
            found.set(hit);
            if let Some(u) = hit {
                hovered.set(None);
                zoom.set(state.dataset.with_untracked(|d| d.as_ref().map(|d| d.units()[u].division.clone())));
            }
        };
        Some(view! {
            <div class="map-tools">
                <fieldset class="segmented">
                    <legend>{Msg::MapKindLabel.text(lang)}</legend>
                    {[(MapKind::Geographic, Msg::GeographicMap), (MapKind::Tiles, Msg::TileMap)].into_iter().map(|(k, msg)| view! {
                        <button type="button" aria-pressed=move || (effective_kind() == k).to_string() disabled=k == MapKind::Geographic && !geo_ready
                            on:click=move |_| set_route(&|r| r.map = Some(if k == MapKind::Tiles { "tiles" } else { "geo" }.to_string()))>{msg.text(lang)}</button>
                    }).collect_view()}
                </fieldset>
                <label>
                    <span>{Msg::ClassMethod.text(lang)}</span>
                    <select name="method" on:change=move |ev| { let w = event_target_value(&ev); set_route(&|r| r.classes = Some(w.clone())) }>
                        {Method::ALL.into_iter().filter(|m| *m != Method::TargetBands || target.is_some()).map(|m| view! {
                            <option value=m.word() selected=m == current>{method_label(m, lang)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{Msg::FindDistrict.text(lang)}</span>
                    <input type="search" name="find" list="district-names" on:change=on_find autocomplete="off"/>
                    <datalist id="district-names">
                        {names_for_search.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                    </datalist>
                </label>
                {geo_ready.then(|| view! {
                    <div class="zoom" role="group" aria-label=Msg::Zoom.text(lang)>
                        <span class="zoom-label">{Msg::Zoom.text(lang)}</span>
                        <button type="button" aria-pressed=move || zoom.get().is_none().to_string() on:click=move |_| zoom.set(None)>{Msg::WholeState.text(lang)}</button>
                        {divisions.into_iter().map(|(id, name)| {
                            let pressed_id = id.clone();
                            view! {
                                <button type="button" aria-pressed=move || (zoom.get().as_deref() == Some(pressed_id.as_str())).to_string()
                                    on:click=move |_| zoom.set(Some(id.clone()))>{name}</button>
                            }
                        }).collect_view()}
                    </div>
                })}
            </div>
        })
    };

    view! {
        <section class="view map-view" aria-labelledby="map-h">
            <Controls/>
            {move || {
                let lang = state.lang();
                let sel = state.selection()?;
                state.dataset.with(|d| {
                    let d = d.as_ref()?;
                    let ind = &d.indicators()[sel.indicator];
                    let heading = format!("{} · {}", ind.name.get(lang), d.periods()[sel.period].label.get(lang));
                    Some(view! {
                        <h2 id="map-h">{heading}</h2>
                        <p class="meta">{direction_text(ind.direction, lang)}</p>
                    })
                })
            }}
            {tools}
            {move || match state.geo.get() {
                GeoLoad::NotPublished => Some(view! { <p class="note" role="note">{Msg::NoBoundaryFile.text(state.lang())}</p> }.into_any()),
                GeoLoad::Failed => Some(view! { <p class="note" role="note">{Msg::BoundaryFailed.text(state.lang())}</p> }.into_any()),
                _ => None,
            }}
            {move || painted.with(|p| p.is_none()).then(|| view! { <LoadingValues/> })}
            <figure class="map-figure" on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { hovered.set(None) }>
                {move || match (effective_kind(), geo()) {
                    (MapKind::Geographic, Some(g)) => geographic(state, g, painted, zoom, found, hovered).into_any(),
                    _ => tiles(state, painted, found).into_any(),
                }}
                <Tooltip painted=painted hovered=hovered/>
                <Legend painted=painted/>
            </figure>
            <ValuesTable painted=painted/>
        </section>
    }
}

/// The geographic map. Paths are created when the boundary file or language changes; fills,
/// names and the zoom box follow the signals without rebuilding them.
fn geographic(
    state: AppState,
    g: std::sync::Arc<samiksha_core::geo::GeoMap>,
    painted: Memo<Option<Paint>>,
    zoom: RwSignal<Option<String>>,
    found: RwSignal<Option<usize>>,
    hovered: RwSignal<Option<(usize, f64, f64)>>,
) -> impl IntoView {
    let lang = state.lang();
    let (w, h) = (g.width, g.height);
    let g2 = g.clone();
    let view_box = move || {
        let units: Option<Vec<usize>> = zoom.get().and_then(|div| {
            state.dataset.with(|d| d.as_ref().map(|d| d.units().iter().enumerate().filter(|(_, u)| u.division == div).map(|(i, _)| i).collect()))
        });
        match units.and_then(|u| g2.bbox_of(&u, 12.0)) {
            Some(b) => format!("{} {} {} {}", b[0], b[1], b[2] - b[0], b[3] - b[1]),
            None => format!("-6 -6 {} {}", w + 12.0, h + 12.0),
        }
    };
    let (names, slugs, routes) = state.dataset.with_untracked(|d| {
        let d = d.as_ref().expect("the map is drawn only once the dataset is loaded");
        let route = state.route.get_untracked();
        (
            d.units().iter().map(|u| u.name.get(lang).to_string()).collect::<Vec<_>>(),
            d.units().iter().map(|u| u.slug.clone()).collect::<Vec<_>>(),
            d.units().iter().map(|u| district_route(&route, &u.slug)).collect::<Vec<_>>(),
        )
    });
    // Keyboard order: top to bottom in bands, then left to right.
    let mut order: Vec<usize> = (0..g.shapes.len()).collect();
    order.sort_by(|&a, &b| {
        let (sa, sb) = (&g.shapes[a], &g.shapes[b]);
        ((sa.label.1 / 80.0) as i64, sa.label.0 as i64).cmp(&((sb.label.1 / 80.0) as i64, sb.label.0 as i64))
    });
    let label_of = move |u: usize| {
        painted.with(|p| {
            p.as_ref().map(|p| {
                let up = &p.units[u];
                let n = p.table.ranked_count;
                state.dataset.with_untracked(|d| {
                    let d = d.as_ref()?;
                    let ind = &d.indicators()[state.selection()?.indicator];
                    Some(match (up.value, up.rank) {
                        (Some(v), Some(r)) => format!("{}: {}, {} {r} {} {n}", names_for(d, u, lang), format_value(v, ind, lang), Msg::Rank.text(lang), Msg::RankOf.text(lang)),
                        _ => format!("{}: {}", names_for(d, u, lang), up.gap.map(|g| g.label(lang)).unwrap_or(Msg::NoData.text(lang))),
                    })
                })
            })
        })
        .flatten()
        .unwrap_or_default()
    };
    let fill_of = move |u: usize| painted.with(|p| p.as_ref().and_then(|p| p.units[u].colours).map_or("url(#no-data)".to_string(), |c| c.0.to_string()));
    let shapes = order
        .into_iter()
        .map(|i| {
            let s = &g.shapes[i];
            let u = s.unit;
            let target = routes[u].clone();
            view! {
                <g class="shape" data-district=slugs[u].clone() tabindex="0" role="link" aria-label=move || label_of(u)
                   on:click=open_on_click(state, target.clone())
                   on:keydown=open_on_enter(state, target)
                   on:focus=move |_| hovered.set(Some((u, -1.0, -1.0)))
                   on:mousemove=move |ev: leptos::ev::MouseEvent| hovered.set(Some((u, ev.offset_x() as f64, ev.offset_y() as f64)))
                   on:mouseleave=move |_| hovered.set(None)>
                    <path d=s.path.clone() fill=move || fill_of(u) class:found=move || found.get() == Some(u) fill-rule="evenodd"/>
                </g>
            }
        })
        .collect_view();
    // Names where they fit; small districts are found with the finder or the tooltip.
    let labels = g
        .shapes
        .iter()
        .filter(|s| (s.bbox[2] - s.bbox[0]) > names[s.unit].chars().count() as f64 * 6.5 + 6.0 && (s.bbox[3] - s.bbox[1]) > 18.0)
        .map(|s| {
            let u = s.unit;
            let ink = move || painted.with(|p| p.as_ref().and_then(|p| p.units[u].colours).map_or("#1a1a1a", |c| c.1));
            view! { <text x=s.label.0 y=s.label.1 text-anchor="middle" dominant-baseline="middle" class="shape-label" fill=ink>{names[u].clone()}</text> }
        })
        .collect_view();
    // Districts with no polygon: a hatched marker inside the parent, linked to their profile.
    let children = g
        .within_parent
        .clone()
        .into_iter()
        .filter_map(|wp| {
            let parent = g.shape_of(wp.parent)?.clone();
            let (x, y) = (parent.label.0, parent.label.1 + 16.0);
            let u = wp.unit;
            let target = routes[u].clone();
            let parent_name = names[wp.parent].clone();
            Some(view! {
                <g class="shape within-parent" data-district=slugs[u].clone() data-within=slugs[wp.parent].clone() tabindex="0" role="link"
                   aria-label=move || format!("{} ({} {})", label_of(u), Msg::NoSeparateBoundary.text(lang), parent_name)
                   on:click=open_on_click(state, target.clone())
                   on:keydown=open_on_enter(state, target)
                   on:focus=move |_| hovered.set(Some((u, -1.0, -1.0)))
                   on:mousemove=move |ev: leptos::ev::MouseEvent| hovered.set(Some((u, ev.offset_x() as f64, ev.offset_y() as f64)))
                   on:mouseleave=move |_| hovered.set(None)>
                    <circle cx=x cy=y r="9" fill=move || fill_of(u)/>
                    <circle cx=x cy=y r="9" fill="url(#within)" stroke="#1a1a1a" stroke-width="1.5" stroke-dasharray="3 2"/>
                </g>
            })
        })
        .collect_view();
    let notes = g
        .within_parent
        .iter()
        .map(|wp| view! { <li data-district=slugs[wp.unit].clone()>{format!("{}: {} {}", names[wp.unit], Msg::NoSeparateBoundary.text(lang), names[wp.parent])}</li> })
        .collect_view();
    let aria = move || {
        let sel = state.selection();
        state.dataset.with(|d| {
            let (d, sel) = (d.as_ref()?, sel?);
            Some(format!("{}: {} · {}", Msg::MapTitle.text(lang), d.indicators()[sel.indicator].name.get(lang), d.periods()[sel.period].label.get(lang)))
        })
    };
    view! {
        <svg class="geo-map" viewBox=view_box role="group" aria-label=aria preserveAspectRatio="xMidYMid meet">
            <defs>
                <pattern id="no-data" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" stroke-width="2.5"/>
                </pattern>
                <pattern id="within" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
                    <line x1="0" y1="0" x2="0" y2="4" stroke="#1a1a1a" stroke-width="1" stroke-opacity="0.6"/>
                </pattern>
            </defs>
            <g class="shapes">{shapes}</g>
            <g class="labels" aria-hidden="true">{labels}</g>
            <g class="children">{children}</g>
        </svg>
        <ul class="within-notes">{notes}</ul>
    }
}

/// SVG has no real links in Leptos' view macro, so shapes are `role="link"` groups that open
/// the district profile on click, Enter or Space.
fn open_on_click(state: AppState, target: samiksha_core::route::Route) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |_| go(state.route, target.clone(), HistoryEntry::Push)
}

fn open_on_enter(state: AppState, target: samiksha_core::route::Route) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
    move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            ev.prevent_default();
            go(state.route, target.clone(), HistoryEntry::Push);
        }
    }
}

fn names_for(d: &samiksha_core::Dataset, u: usize, lang: Lang) -> String {
    d.units()[u].name.get(lang).to_string()
}

/// The tile map: every district one equal tile; colours from the same paint as the map.
fn tiles(state: AppState, painted: Memo<Option<Paint>>, found: RwSignal<Option<usize>>) -> impl IntoView {
    move || {
        with_paint(state, painted, |d, sel, ind, p, lang| {
            {
                let layout = unit_layout(&d.manifest, 11);
                let cols = layout.iter().map(|c| c.0).max().unwrap_or(0) + 1;
                let n = p.table.ranked_count;
                let mut order: Vec<usize> = (0..d.units().len()).collect();
                order.sort_by_key(|&u| (layout[u].1, layout[u].0));
                let tiles = order.into_iter().map(|u| {
                    let unit = &d.units()[u];
                    let up = &p.units[u];
                    let name = unit.name.get(lang).to_string();
                    let (style, detail, rank_text) = match (up.colours, up.value, up.rank) {
                        (Some((fill, ink)), Some(v), Some(r)) => (format!("background:{fill};color:{ink};"), format!(": {}, {} {r} {} {n}", format_value(v, ind, lang), Msg::Rank.text(lang), Msg::RankOf.text(lang)), format!("#{r}")),
                        _ => (String::new(), format!(": {}", up.gap.map(|g| g.label(lang)).unwrap_or(Msg::NoData.text(lang))), "–".to_string()),
                    };
                    let class = if up.colours.is_some() { "tile" } else { "tile no-data" };
                    let target = state.route.with_untracked(|r| district_route(r, &unit.slug));
                    let title = format!("{name}{detail}");
                    let place = format!("{style}grid-column:{};grid-row:{};", layout[u].0 + 1, layout[u].1 + 1);
                    view! {
                        <a class=class class:found=found.get() == Some(u) data-district=unit.slug.clone() href=target.to_query()
                           on:click=link_click(state.route, target.clone()) style=place title=title>
                            <span class="tile-name">{name}</span>
                            <span class="tile-rank">{rank_text}</span>
                            <span class="visually-hidden">{detail}</span>
                        </a>
                    }
                }).collect_view();
                let aria = format!("{}: {} · {}", Msg::MapTitle.text(lang), ind.name.get(lang), d.periods()[sel.period].label.get(lang));
                Some(view! {
                    <p class="meta">{Msg::MapTileNote.text(lang)}</p>
                    <div class="tile-scroll">
                        <div class="tile-grid" role="group" aria-label=aria style=format!("grid-template-columns:repeat({cols},minmax(3.4rem,4.75rem));")>{tiles}</div>
                    </div>
                })
            }
        })
    }
}

/// What every part of the map view reads: the dataset, the selection, its indicator, the
/// paint and the language, tracked reactively. `None` until all are there.
fn with_paint<T>(
    state: AppState,
    painted: Memo<Option<Paint>>,
    f: impl FnOnce(&samiksha_core::Dataset, Selection, &samiksha_core::manifest::Indicator, &Paint, Lang) -> Option<T>,
) -> Option<T> {
    let lang = state.lang();
    let sel = state.selection()?;
    painted.with(|p| {
        let p = p.as_ref()?;
        state.dataset.with(|d| {
            let d = d.as_ref()?;
            f(d, sel, &d.indicators()[sel.indicator], p, lang)
        })
    })
}

/// What the pointer or keyboard focus is on: names, value, rank, change, as-of; Escape closes.
#[component]
fn Tooltip(painted: Memo<Option<Paint>>, hovered: RwSignal<Option<(usize, f64, f64)>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let (u, x, y) = hovered.get()?;
        with_paint(state, painted, |d, sel, ind, p, lang| {
            {
                let unit = &d.units()[u];
                let division = d.manifest.division(&unit.division).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
                let row = p.table.row(u);
                let value = match row {
                    Some(r) => format!("{} · {} {} {} {}", format_value(r.value, ind, lang), Msg::Rank.text(lang), r.rank, Msg::RankOf.text(lang), p.table.ranked_count),
                    None => p.units[u].gap.map(|g| g.label(lang)).unwrap_or(Msg::NoData.text(lang)).to_string(),
                };
                let flag = row.and_then(|r| r.flag.as_ref()).and_then(|f| d.manifest.flag(f)).map(|f| f.label.get(lang).to_string());
                let change = row.and_then(|r| r.change.as_ref()).map(|c| format!("{}: {}", Msg::PreviousPeriodShort.text(lang), super::rankings::change_text(c, ind.decimals, lang)));
                // Keyboard focus has no pointer position: pin the tooltip to the corner.
                let style = if x < 0.0 { "left:0.5rem;top:0.5rem;".to_string() } else { format!("left:{}px;top:{}px;", x + 14.0, y + 14.0) };
                Some(view! {
                    <div class="map-tooltip" role="status" style=style>
                        <button type="button" class="tooltip-close" aria-label=Msg::Close.text(lang) on:click=move |_| hovered.set(None)>"×"</button>
                        <strong>{unit.name.get(lang).to_string()}</strong>
                        <span lang=lang.other().code()>{format!(" · {}", unit.name.get(lang.other()))}</span>
                        <br/>{format!("{}: {division}", Msg::Division.text(lang))}
                        <br/>{value}
                        {flag.map(|f| view! { <br/><em>{f}</em> })}
                        {change.map(|c| view! { <br/>{c} })}
                        <br/><small>{format!("{}: {}", Msg::AsOf.text(lang), d.periods()[sel.period].label.get(lang))}</small>
                    </div>
                })
            }
        })
    }
}

/// Classes with their ranges in the indicator's unit and how many districts fall in each.
#[component]
fn Legend(painted: Memo<Option<Paint>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        with_paint(state, painted, |_, _, ind, p, lang| {
            let c = p.classes.as_ref()?;
            {
                let suffix = unit_suffix(ind, lang);
                // Better first, whatever the direction, so the list reads as its title says.
                let mut order: Vec<usize> = (0..c.count()).collect();
                order.sort_by_key(|&k| std::cmp::Reverse(c.class_shade(k)));
                let items = order.into_iter().map(|k| {
                    let (lo, hi) = c.range(k);
                    let (fill, _) = c.colours(k);
                    let count = p.counts.get(k).copied().unwrap_or(0);
                    view! {
                        <li data-class=k.to_string()>
                            <span class="swatch" style=format!("background:{fill}")></span>
                            {format!("{} – {}{suffix}", format_number(lo, ind.decimals), format_number(hi, ind.decimals))}
                            <span class="count">{format!(" ({count})")}</span>
                        </li>
                    }
                }).collect_view();
                let centre = c.centre.filter(|_| c.scheme == Scheme::Diverging).map(|x| {
                    let which = if ind.target == Some(x) { Msg::CentreTarget } else { Msg::CentreAverage };
                    format!(" · {} {}", which.text(lang), format_value(x, ind, lang))
                });
                Some(view! {
                    <figcaption>
                        <p class="legend-title">{format!("{} ({} → {}){}", ind.short_name.get(lang), Msg::Better.text(lang), Msg::Worse.text(lang), centre.unwrap_or_default())}</p>
                        <ul class="legend">
                            {items}
                            <li data-class="none"><span class="swatch no-data"></span>{format!("{} ({})", Msg::NoData.text(lang), p.no_data)}</li>
                        </ul>
                    </figcaption>
                })
            }
        })
    }
}

/// The same values as a table, one control away from the map.
#[component]
fn ValuesTable(painted: Memo<Option<Paint>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        with_paint(state, painted, |d, _, ind, p, lang| {
            {
                let mut units: Vec<usize> = (0..d.units().len()).collect();
                units.sort_by_key(|&u| (p.units[u].rank.unwrap_or(usize::MAX), d.units()[u].name.en.clone()));
                let rows = units.into_iter().map(|u| {
                    let up = &p.units[u];
                    let target = state.route.with_untracked(|r| district_route(r, &d.units()[u].slug));
                    view! {
                        <tr data-district=d.units()[u].slug.clone()>
                            <td class="num">{up.rank.map(|r| r.to_string()).unwrap_or_else(|| "–".into())}</td>
                            <th scope="row"><a href=target.to_query() on:click=link_click(state.route, target.clone())>{d.units()[u].name.get(lang).to_string()}</a></th>
                            <td class="num">{up.value.map(|v| format_value(v, ind, lang)).unwrap_or_else(|| up.gap.map(|g| g.label(lang)).unwrap_or("–").to_string())}</td>
                        </tr>
                    }
                }).collect_view();
                Some(view! {
                    <details class="values-table">
                        <summary>{Msg::TableOfValues.text(lang)}</summary>
                        <div class="table-wrap"><table>
                            <thead><tr><th scope="col">{Msg::Rank.text(lang)}</th><th scope="col">{Msg::District.text(lang)}</th><th scope="col">{Msg::Value.text(lang)}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table></div>
                    </details>
                })
            }
        })
    }
}
