//! The map view lays out `present::map`: the same colouring drawn as a geographic map (from
//! the dataset's boundary file) or as equal squares, a legend that counts districts per class,
//! the classification, zoom to a division, a district finder, a tooltip and a table of values.
//!
//! Geometry is built by [`GeoShapes`] and [`Tiles`] once per boundary file and language; a new
//! subject, period or classification changes only fills, labels and names, through closures
//! that read the model memo.

use super::{district_route, Controls, DistrictLink, LoadingValues};
use crate::state::{AppState, GeoLoad};
use leptos::prelude::*;
use samiksha_core::analysis::tiles::unit_layout;
use samiksha_core::format::geo::GeoMap;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::map::{self, MapModel};
use samiksha_core::route::MapKind;
use std::sync::Arc;

/// Narrow screens start with squares: small districts stay tappable.
fn default_kind() -> MapKind {
    let wide = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_none_or(|w| w >= 700.0);
    if wide {
        MapKind::Geographic
    } else {
        MapKind::Tiles
    }
}

/// What the pointer or keyboard focus is on: the district, and where the pointer is (or
/// `None` for keyboard focus, which pins the tooltip to the corner).
type Hovered = RwSignal<Option<(usize, Option<(f64, f64)>)>>;

/// Opens a district's profile, reading the route when clicked so other choices are kept.
fn open(state: AppState, slug: &str) {
    let next = state.route.with_untracked(|r| district_route(r, slug));
    crate::nav::go(state.route, next, crate::nav::HistoryEntry::Push);
}

/// Whether the last press on the map came from a finger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pointer {
    Touch,
    Other,
}

/// A click or tap on a district. A finger has no hover, so its first tap shows the tooltip
/// (name, value, rank and a link to the profile) and a second tap on the same district opens
/// the profile; a mouse click opens it at once.
fn activate(state: AppState, pointer: StoredValue<Pointer>, hovered: Hovered, unit: usize, slug: &str) {
    let peeking = hovered.with_untracked(|h| h.map(|x| x.0)) == Some(unit);
    if pointer.get_value() == Pointer::Touch && !peeking {
        hovered.set(Some((unit, None)));
    } else {
        open(state, slug);
    }
}

#[component]
pub fn MapView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Asked again after a lost connection returns.
    Effect::new(move |_| {
        state.retry.track();
        state.ensure_geo();
    });
    let classes = Memo::new(move |_| state.route.with(|r| r.classes));
    let preferred = Memo::new(move |_| state.route.with(|r| r.map));
    let scale = Memo::new(move |_| state.route.with(|r| r.scale));
    // Classes over every period need every period's values (a link, a bookmark, the button);
    // pace to target needs the periods its pace is measured over.
    let tracking = Memo::new(move |_| classes.get() == Some(samiksha_core::analysis::classify::Method::Track));
    Effect::new(move |_| {
        state.retry.track();
        if scale.get() == samiksha_core::route::Scale::AllPeriods {
            state.ensure_all_periods();
        }
        if let (true, Some(sel)) = (tracking.get(), state.selection.get()) {
            state.ensure_periods(samiksha_core::analysis::track::periods_needed(sel.period));
        }
    });
    let model: Memo<Option<Arc<MapModel>>> = Memo::new(move |_| {
        let m = state.measured.get()?;
        let lang = state.lang.get();
        let method = classes.get();
        let scale = scale.get();
        // Classes over every period, and paces, change as periods arrive.
        if scale == samiksha_core::route::Scale::AllPeriods || tracking.get() {
            state.arrived.track();
        }
        state.with_ctx(lang, |ctx| Arc::new(map::model(ctx, &m, method, scale)))
    });
    let geo: Memo<Option<Arc<GeoMap>>> = Memo::new(move |_| match state.geo.get() {
        GeoLoad::Ready(g) => Some(g),
        _ => None,
    });
    let kind = Memo::new(move |_| if geo.with(|g| g.is_some()) { preferred.get().unwrap_or_else(default_kind) } else { MapKind::Tiles });
    let found = RwSignal::new(None::<usize>);
    let hovered: Hovered = RwSignal::new(None);
    let pointer = StoredValue::new(Pointer::Other);

    let heading = move || {
        let lang = state.lang.get();
        let sel = state.selection.get()?;
        state.with_ctx(lang, |ctx| ctx.heading(sel.subject, sel.period))
    };
    let direction = move || model.with(|m| m.as_ref().map(|m| m.direction));

    view! {
        <section class="view map-view" aria-labelledby="map-h">
            <Controls/>
            <h2 id="map-h">{heading}</h2>
            <p class="meta">{direction}</p>
            <super::DataNotes/>
            <super::WhatChanged/>
            {move || state.selection.with(|s| s.is_some_and(|s| s.subject == samiksha_core::present::Subject::Composite)).then(|| view! { <super::CompositeMethodLink/> })}
            {move || {
                let lang = state.lang.get();
                match state.geo.get() {
                    GeoLoad::NotPublished => Some(view! { <p class="note" role="note">{Msg::NoBoundaryFile.text(lang)}</p> }),
                    GeoLoad::Failed => Some(view! { <p class="note" role="note">{Msg::BoundaryFailed.text(lang)}</p> }),
                    _ => None,
                }
            }}
            {move || model.with(|m| m.is_none()).then(|| view! { <LoadingValues/> })}
            <figure class="map-figure" id="map" tabindex="-1" on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { hovered.set(None) }
                on:pointerdown=move |ev: leptos::ev::PointerEvent| pointer.set_value(if ev.pointer_type() == "touch" { Pointer::Touch } else { Pointer::Other })>
                // Rebuilt only when the drawing, the boundary file or the language changes.
                {move || {
                    let lang = state.lang.get();
                    match (kind.get(), geo.get()) {
                        (MapKind::Geographic, Some(g)) => view! { <GeoShapes geo=g model=model found=found hovered=hovered pointer=pointer lang=lang/> }.into_any(),
                        _ => view! { <Tiles model=model found=found hovered=hovered pointer=pointer lang=lang/> }.into_any(),
                    }
                }}
                <Tooltip hovered=hovered/>
                <Legend model=model/>
            </figure>
            <crate::controls::time::TimeControl colours=crate::controls::time::Colours::Offered/>
            <MapTools model=model kind=kind geo_ready=Signal::derive(move || geo.with(|g| g.is_some())) found=found hovered=hovered/>
            <ValuesTable model=model/>
        </section>
    }
}

#[component]
fn MapTools(
    model: Memo<Option<Arc<MapModel>>>,
    kind: Memo<MapKind>,
    geo_ready: Signal<bool>,
    found: RwSignal<Option<usize>>,
    hovered: Hovered,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let zoom = Memo::new(move |_| state.route.with(|r| r.zoom.clone()));
    // The methods on offer and the one in use: the tools rebuild only when these change, not
    // on every new subject or period.
    let offered = Memo::new(move |_| {
        let methods = state.measured.with(|m| m.as_ref().map(|m| map::methods(m))).unwrap_or_default();
        (methods, model.with(|x| x.as_ref().map(|x| x.method)))
    });
    move || {
        let lang = state.lang.get();
        let (methods, current) = offered.get();
        let (names, divisions) = state.with_ctx(lang, |ctx| {
            let names: Vec<String> = (0..ctx.ds.units().len()).map(|u| ctx.name(u)).collect();
            let divisions: Vec<(String, String)> = ctx.ds.manifest.divisions.iter().map(|x| (x.id.clone(), x.name.get(lang).to_string())).collect();
            (names, divisions)
        })?;
        let method_options =
            state.with_ctx(lang, |ctx| methods.iter().map(|k| (k.word(), map::method_label(ctx, *k), Some(*k) == current)).collect::<Vec<_>>())?;
        // The finder takes any part of a name, in either language, or the slug.
        let on_find = move |ev: leptos::ev::Event| {
            let hit = state.with_ctx(lang, |ctx| samiksha_core::present::district::find(ctx, &event_target_value(&ev))).flatten();
            found.set(hit);
            if let Some(u) = hit {
                hovered.set(Some((u, None)));
                let division = state.dataset.with_untracked(|d| d.as_ref().map(|d| d.units()[u].division.clone()));
                if geo_ready.get_untracked() {
                    state.refine(|r| r.zoom = division);
                }
            }
        };
        Some(view! {
            <div class="map-tools">
                <fieldset class="segmented">
                    <legend>{Msg::MapKindLabel.text(lang)}</legend>
                    {[(MapKind::Geographic, Msg::GeographicMap), (MapKind::Tiles, Msg::TileMap)].into_iter().map(|(k, msg)| view! {
                        <button type="button" aria-pressed=move || (kind.get() == k).to_string() disabled=move || k == MapKind::Geographic && !geo_ready.get()
                            on:click=move |_| state.navigate(|r| r.map = Some(k))>{msg.text(lang)}</button>
                    }).collect_view()}
                </fieldset>
                <label>
                    <span>{Msg::ClassMethod.text(lang)}</span>
                    <select name="method" on:change=move |ev| { let w = event_target_value(&ev); state.navigate(|r| r.classes = samiksha_core::analysis::classify::Method::from_word(&w)) }>
                        {method_options.into_iter().map(|(word, label, selected)| view! { <option value=word selected=selected>{label}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{Msg::FindDistrict.text(lang)}</span>
                    <input type="search" name="find" list="district-names" on:change=on_find autocomplete="off"/>
                    <datalist id="district-names">
                        {names.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                    </datalist>
                </label>
                {move || (kind.get() == MapKind::Geographic).then(|| {
                    let divisions = divisions.clone();
                    view! {
                        <div class="zoom" role="group" aria-label=Msg::Zoom.text(lang)>
                            <span class="zoom-label">{Msg::Zoom.text(lang)}</span>
                            <button type="button" aria-pressed=move || zoom.get().is_none().to_string() on:click=move |_| state.navigate(|r| r.zoom = None)>{Msg::WholeState.text(lang)}</button>
                            {divisions.into_iter().map(|(id, name)| {
                                let pressed = id.clone();
                                view! {
                                    <button type="button" aria-pressed=move || (zoom.get().as_deref() == Some(pressed.as_str())).to_string()
                                        on:click=move |_| { let id = id.clone(); state.navigate(|r| r.zoom = Some(id)) }>{name}</button>
                                }
                            }).collect_view()}
                        </div>
                    }
                })}
            </div>
        })
    }
}

/// The geographic map. Built once per boundary file and language: fills, names and the zoom
/// box follow the model and the route through closures, without rebuilding a path.
#[component]
fn GeoShapes(
    geo: Arc<GeoMap>,
    model: Memo<Option<Arc<MapModel>>>,
    found: RwSignal<Option<usize>>,
    hovered: Hovered,
    pointer: StoredValue<Pointer>,
    lang: samiksha_core::Lang,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let g = geo;
    let (w, h) = (g.width, g.height);
    let zoom = Memo::new(move |_| state.route.with(|r| r.zoom.clone()));
    let g2 = g.clone();
    let view_box_memo = Memo::new(move |_| {
        let units: Option<Vec<usize>> = zoom.get().and_then(|div| {
            state.dataset.with_untracked(|d| d.as_ref().map(|d| d.units().iter().enumerate().filter(|(_, u)| u.division == div).map(|(i, _)| i).collect()))
        });
        match units.and_then(|u| g2.bbox_of(&u, 12.0)) {
            Some(b) => format!("{} {} {} {}", b[0], b[1], b[2] - b[0], b[3] - b[1]),
            None => format!("-6 -6 {} {}", w + 12.0, h + 12.0),
        }
    });
    let (names, slugs) = state
        .with_ctx(lang, |ctx| {
            ((0..ctx.ds.units().len()).map(|u| ctx.name(u)).collect::<Vec<_>>(), (0..ctx.ds.units().len()).map(|u| ctx.slug(u)).collect::<Vec<_>>())
        })
        .unwrap_or_default();
    // Keyboard order: top to bottom in bands, then left to right.
    let mut order: Vec<usize> = (0..g.shapes.len()).collect();
    samiksha_core::format::order::sort_by(&mut order, |&a, &b| {
        let (sa, sb) = (&g.shapes[a], &g.shapes[b]);
        ((sa.label.1 / 80.0) as i64, sa.label.0 as i64).cmp(&((sb.label.1 / 80.0) as i64, sb.label.0 as i64))
    });
    let sentence = move |u: usize| model.with(|m| m.as_ref().map(|m| m.units[u].sentence.clone())).unwrap_or_default();
    let track = move |u: usize| model.with(|m| m.as_ref().and_then(|m| m.units[u].track).map(|t| t.word()));
    let fill = move |u: usize| model.with(|m| m.as_ref().and_then(|m| m.units[u].colours).map_or("url(#no-data)", |c| c.0));
    let ink = move |u: usize| model.with(|m| m.as_ref().and_then(|m| m.units[u].colours).map_or("#1a1a1a", |c| c.1));
    let events = move |u: usize, slug: String| {
        let on_key = slug.clone();
        (
            move |_: leptos::ev::MouseEvent| activate(state, pointer, hovered, u, &slug),
            move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    open(state, &on_key);
                }
            },
            move |_: leptos::ev::FocusEvent| hovered.set(Some((u, None))),
            move |ev: leptos::ev::MouseEvent| hovered.set(Some((u, Some((ev.offset_x() as f64, ev.offset_y() as f64))))),
        )
    };
    let shapes = order
        .into_iter()
        .map(|i| {
            let s = &g.shapes[i];
            let u = s.unit;
            let (click, key, focus, mv) = events(u, slugs[u].clone());
            view! {
                <g class="shape" data-district=slugs[u].clone() data-track=move || track(u) tabindex="0" role="link" aria-label=move || sentence(u)
                   on:click=click on:keydown=key on:focus=focus on:mousemove=mv on:mouseleave=move |_| hovered.set(None)>
                    <path d=s.path.clone() fill=move || fill(u) class:found=move || found.get() == Some(u) fill-rule="evenodd"/>
                </g>
            }
        })
        .collect_view();
    // Names are drawn at a fixed size on screen (`map::LABEL_PX`), so how many fit depends on
    // how large the map is drawn: measured after each layout, on resize and on zoom.
    // `map::place_labels` decides each name: inside its district, beyond a small district's
    // edge where no other name is, or left off (the tooltip, finder and table name every
    // district); no two names touch.
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let px_per_unit = RwSignal::new(0.0f64);
    let measure = move || {
        use wasm_bindgen::JsCast;
        // A frame or resize after the map is gone finds nothing (never a disposed signal).
        let Some(svg) = svg_ref.try_get_untracked().flatten() else { return };
        let Some(ctm) = svg.unchecked_ref::<web_sys::SvgGraphicsElement>().get_screen_ctm() else { return };
        // Two decimals: a resize of a pixel or two re-lays no label.
        let k = (f64::from(ctm.a().hypot(ctm.b())) * 100.0).round() / 100.0;
        if px_per_unit.try_get_untracked().is_some_and(|old| old != k) {
            px_per_unit.try_set(k);
        }
    };
    Effect::new(move |_| {
        let _ = view_box_memo.get();
        request_animation_frame(measure);
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || on_resize.remove());
    let label_shapes: Vec<(usize, [f64; 4], (f64, f64))> = g.shapes.iter().map(|s| (s.unit, s.bbox, s.label)).collect();
    let label_names = names.clone();
    let labels = move || {
        let k = px_per_unit.get();
        let size = format!("{:.2}", map::LABEL_PX / k.max(1e-6));
        // A halo of the district's own colour keeps a name readable across a border.
        let halo = format!("{:.2}", 3.0 / k.max(1e-6));
        let spots: Vec<map::LabelSpot> = label_shapes.iter().map(|&(u, bbox, at)| map::LabelSpot { name: &label_names[u], bbox, at }).collect();
        let places = map::place_labels(&spots, k);
        label_shapes
            .iter()
            .zip(places)
            .filter_map(|(&(u, _, (x, y)), place)| {
                // A name beyond its district crosses other districts' colours: dark on white,
                // whatever its own fill.
                let beyond = match place {
                    map::LabelPlace::Inside => false,
                    map::LabelPlace::Beyond => true,
                    map::LabelPlace::Left => return None,
                };
                Some(view! {
                    <text x=x y=y text-anchor="middle" dominant-baseline="middle" class="shape-label" class:beyond=beyond font-size=size.clone() stroke-width=halo.clone()
                        stroke=move || if beyond { "#ffffff" } else { fill(u) } fill=move || if beyond { "#1a1a1a" } else { ink(u) }>{label_names[u].clone()}</text>
                })
            })
            .collect_view()
    };
    // Districts with no polygon: a hatched marker inside the parent, linked to their profile.
    let children = g
        .within_parent
        .iter()
        .filter_map(|wp| {
            let parent = g.shape_of(wp.parent)?;
            let (x, y) = (parent.label.0, parent.label.1 + 16.0);
            let u = wp.unit;
            let note = state.with_ctx(lang, |ctx| map::within_parent(ctx, u, wp.parent)).unwrap_or_default();
            let (click, key, focus, mv) = events(u, slugs[u].clone());
            Some(view! {
                <g class="shape within-parent" data-district=slugs[u].clone() data-within=slugs[wp.parent].clone() data-track=move || track(u) tabindex="0" role="link"
                   aria-label=move || format!("{} ({note})", sentence(u))
                   on:click=click on:keydown=key on:focus=focus on:mousemove=mv on:mouseleave=move |_| hovered.set(None)>
                    <circle cx=x cy=y r="9" fill=move || fill(u)/>
                    <circle cx=x cy=y r="9" fill="url(#within)" stroke="#1a1a1a" stroke-width="1.5" stroke-dasharray="3 2"/>
                </g>
            })
        })
        .collect_view();
    let notes = g
        .within_parent
        .iter()
        .map(|wp| view! { <li data-district=slugs[wp.unit].clone()>{state.with_ctx(lang, |ctx| map::within_parent(ctx, wp.unit, wp.parent))}</li> })
        .collect_view();
    let aria = move || model.with(|m| m.as_ref().map(|m| m.aria.clone()));
    view! {
        <svg class="geo-map" node_ref=svg_ref viewBox=move || view_box_memo.get() role="group" aria-label=aria preserveAspectRatio="xMidYMid meet">
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
        // Districts neither drawn nor placed within a parent: named, never silently dropped.
        {(!g.missing.is_empty()).then(|| {
            let names = g.missing.iter().map(|&u| names[u].clone()).collect::<Vec<_>>().join(", ");
            view! { <p class="note not-on-map" role="note">{Msg::NotOnMap.fill(lang, &[("names", &names)])}</p> }
        })}
    }
}

/// The square map: every district one square, placed near its real position. Built once per
/// language; colours, ranks and names follow the model.
#[component]
fn Tiles(
    model: Memo<Option<Arc<MapModel>>>,
    found: RwSignal<Option<usize>>,
    hovered: Hovered,
    pointer: StoredValue<Pointer>,
    lang: samiksha_core::Lang,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some((layout, units)) =
        state.with_ctx(lang, |ctx| (unit_layout(&ctx.ds.manifest, 11), (0..ctx.ds.units().len()).map(|u| (ctx.slug(u), ctx.name(u))).collect::<Vec<_>>()))
    else {
        return ().into_any();
    };
    let cols = layout.iter().map(|c| c.0).max().unwrap_or(0) + 1;
    let mut order: Vec<usize> = (0..units.len()).collect();
    samiksha_core::format::order::sort_by_key(&mut order, |&u| (layout[u].1, layout[u].0));
    let tiles = order
        .into_iter()
        .map(|u| {
            let (slug, name) = units[u].clone();
            let name_class = format!("tile-name {}", map::tile_name_class(&name));
            // Set through the CSSOM (`style:` below), which a strict CSP allows; a `style`
            // attribute would be blocked.
            let (column, row) = ((layout[u].0 + 1).to_string(), (layout[u].1 + 1).to_string());
            let colours = move || model.with(|m| m.as_ref().and_then(|m| m.units[u].colours));
            let has_value = move || model.with(|m| m.as_ref().is_some_and(|m| m.units[u].colours.is_some()));
            let rank = move || model.with(|m| m.as_ref().map(|m| m.units[u].rank_mark.clone())).unwrap_or_default();
            let sentence = move || model.with(|m| m.as_ref().map(|m| m.units[u].sentence.clone())).unwrap_or_default();
            let track = move || model.with(|m| m.as_ref().and_then(|m| m.units[u].track).map(|t| t.word()));
            let href_slug = slug.clone();
            let click_slug = slug.clone();
            view! {
                <a class="tile" class:no-data=move || !has_value() class:found=move || found.get() == Some(u) data-district=slug data-track=track
                   href=move || state.profile_links.with(|l| l.href(&href_slug))
                   on:click=move |ev: leptos::ev::MouseEvent| {
                       if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 { return; }
                       ev.prevent_default();
                       activate(state, pointer, hovered, u, &click_slug);
                   }
                   style:grid-column=column style:grid-row=row
                   style:background=move || colours().map(|c| c.0) style:color=move || colours().map(|c| c.1)
                   title=sentence>
                    // The accessible name starts with what the square shows (name and rank), so
                    // a voice user can say what they see; the whole sentence follows, unseen.
                    <span class=name_class>{name}</span>
                    " "
                    <span class="tile-rank">{rank}</span>
                    <span class="visually-hidden">{move || format!(" — {}", sentence())}</span>
                </a>
            }
        })
        .collect_view();
    let aria = move || model.with(|m| m.as_ref().map(|m| m.aria.clone()));
    view! {
        // Columns share the width (at most 4.75rem each), so the whole map fits a phone; a
        // name is shown only where it fits its square at a readable size (see the stylesheet).
        <div class="tile-grid" role="group" aria-label=aria style:grid-template-columns=format!("repeat({cols},minmax(0,4.75rem))")>{tiles}</div>
        <p class="meta tile-note">{Msg::MapTileNote.text(lang)}</p>
    }
    .into_any()
}

/// What the pointer or keyboard focus is on: names, value, rank, change, as-of; Escape closes.
#[component]
fn Tooltip(hovered: Hovered) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let (u, at) = hovered.get()?;
        let lang = state.lang.get();
        let m = state.measured.get()?;
        let t = state.with_ctx(lang, |ctx| map::tooltip(ctx, &m, u))?;
        let (left, top) = match at {
            Some((x, y)) => (format!("{}px", x + 14.0), format!("{}px", y + 14.0)),
            None => ("0.5rem".to_string(), "0.5rem".to_string()),
        };
        Some(view! {
            <div class="map-tooltip" role="status" style:left=left style:top=top>
                <button type="button" class="tooltip-close" aria-label=Msg::Close.text(lang) on:click=move |_| hovered.set(None)>"×"</button>
                <strong>{t.name}</strong>
                <span lang=t.other_lang>{format!(" · {}", t.other_name)}</span>
                <br/>{t.division}
                <br/>{t.value}
                {t.flag.map(|f| view! { <br/><em>{f}</em> })}
                {t.change.map(|c| view! { <br/>{c} })}
                {t.notes.into_iter().map(|n| view! { <br/><span class="tooltip-note"><span class="note-mark">{Msg::NoteMark.text(lang)}</span>" "{n}</span> }).collect_view()}
                <br/><small>{t.as_of}</small>
                <br/><DistrictLink slug=t.slug name=Msg::OpenProfile.text(lang).to_string()/>
            </div>
        })
    }
}

/// Classes with their ranges as shown and how many districts fall in each, better first.
#[component]
fn Legend(model: Memo<Option<Arc<MapModel>>>) -> impl IntoView {
    move || {
        let legend = model.with(|m| m.as_ref().and_then(|m| m.legend.clone()))?;
        Some(view! {
            <figcaption>
                <p class="legend-title">{legend.title}</p>
                <ul class="legend">
                    {legend.items.into_iter().map(|i| view! {
                        <li data-class=i.class.to_string()>
                            <span class="swatch" style:background=i.fill></span>
                            {i.text}
                        </li>
                    }).collect_view()}
                    <li data-class="none"><span class="swatch no-data"></span>{legend.no_data}</li>
                </ul>
                {legend.scale_note.map(|n| view! { <p class="legend-note">{n}</p> })}
            </figcaption>
        })
    }
}

/// The same values as a table, one control away from the map.
#[component]
fn ValuesTable(model: Memo<Option<Arc<MapModel>>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The rows are built only while the table is open: at all-India scale a closed table would
    // otherwise rebuild 785 rows on every recolour. The disclosure itself stays put, so it stays
    // open across a new subject or period.
    let open = RwSignal::new(false);
    let shown = Memo::new(move |_| model.with(|m| m.is_some()));
    move || {
        shown.get().then(|| {
            let lang = state.lang.get();
            view! {
                <details class="values-table" on:toggle=move |ev| {
                    use wasm_bindgen::JsCast;
                    let opened = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                    open.set(opened);
                }>
                    <summary>{Msg::TableOfValues.text(lang)}</summary>
                    {move || {
                        if !open.get() {
                            return None;
                        }
                        let m = model.get()?;
                        Some(view! {
                            <div class="table-wrap"><table>
                                <thead><tr><th scope="col">{Msg::Rank.text(lang)}</th><th scope="col">{state.with_ctx(lang, |ctx| ctx.unit_word()).unwrap_or_default()}</th><th scope="col">{Msg::Value.text(lang)}</th></tr></thead>
                                <tbody>{m.values.iter().map(|r| view! {
                                    <tr data-district=r.slug.clone()>
                                        <td class="num">{r.rank_mark.clone()}</td>
                                        <th scope="row"><DistrictLink slug=r.slug.clone() name=r.name.clone()/></th>
                                        <td class="num">{r.value_text.clone()}</td>
                                    </tr>
                                }).collect_view()}</tbody>
                            </table></div>
                        })
                    }}
                    {super::csv_button(move || {
                        let measured = state.measured.get_untracked()?;
                        let model = model.get_untracked()?;
                        state.with_ctx(lang, |ctx| map::csv(ctx, &measured, &model))
                    })}
                </details>
            }
        })
    }
}
