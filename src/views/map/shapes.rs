//! The geographic map: one path per district, drawn once per boundary file and language; names
//! placed by `present::map::place_labels`; districts without a polygon marked inside their parent.

use super::{activate, open, Drawing};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::format::geo::GeoMap;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::map;
use std::sync::Arc;

/// The geographic map. Built once per boundary file and language: fills, names and the zoom
/// box follow the model and the route through closures, without rebuilding a path.
#[component]
pub(super) fn GeoShapes(geo: Arc<GeoMap>, drawing: Drawing, lang: samiksha_core::Lang) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Drawing { model, found, hovered, pointer } = drawing;
    let g = geo;
    let zoom = Memo::new(move |_| state.route.with(|r| r.zoom.clone()));
    let g2 = g.clone();
    let view_box_memo = Memo::new(move |_| {
        let units: Option<Vec<usize>> = zoom.get().and_then(|div| state.dataset.with_untracked(|d| d.as_ref().map(|d| map::division_units(d, &div))));
        match units {
            Some(u) => g2.view_box_of(&u),
            None => g2.whole_view_box(),
        }
    });
    let (names, slugs) = state
        .with_ctx(lang, |ctx| {
            ((0..ctx.ds.units().len()).map(|u| ctx.name(u)).collect::<Vec<_>>(), (0..ctx.ds.units().len()).map(|u| ctx.slug(u)).collect::<Vec<_>>())
        })
        .unwrap_or_default();
    let districts = StoredValue::new(super::district_memos(model, slugs.len()));
    // A district's part of the model (`None` before the model is made).
    let district = move |u: usize| districts.with_value(|d| d.get(u).copied());
    let sentence = move |u: usize| district(u).and_then(|m| m.with(|d| d.as_ref().map(|d| d.sentence.clone()))).unwrap_or_default();
    let track = move |u: usize| district(u).and_then(|m| m.with(|d| d.as_ref().and_then(|d| d.track))).map(|t| t.word());
    let colours = move |u: usize| district(u).and_then(|m| m.with(|d| d.as_ref().and_then(|d| d.colours)));
    let fill = move |u: usize| colours(u).map_or("url(#no-data)", |c| c.0);
    let ink = move |u: usize| colours(u).map_or("#1a1a1a", |c| c.1);
    let events = move |u: usize, slug: String| {
        let on_key = slug.clone();
        (
            move |ev: leptos::ev::MouseEvent| activate(state, pointer, hovered, u, &slug, &ev),
            move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    open(state, &on_key);
                }
            },
            // Keyboard focus shows the tooltip; focus a press gave does not: the press's click
            // decides (a mouse's opens the profile at once, a finger's counts as a tap).
            move |ev: leptos::ev::FocusEvent| {
                use wasm_bindgen::JsCast;
                let keyboard = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| el.matches(":focus-visible").unwrap_or(false));
                if keyboard {
                    hovered.set(Some((u, None)));
                }
            },
            move |ev: leptos::ev::MouseEvent| hovered.set(Some((u, Some((ev.offset_x() as f64, ev.offset_y() as f64))))),
        )
    };
    let shapes = g
        .keyboard_order()
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
            let (x, y) = g.mark_point(wp.unit)?;
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
