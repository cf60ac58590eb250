//! The tooltip: what the pointer or keyboard focus is on (names, value, rank, change, as of),
//! drawn from the core's markup (`present::map::tooltip_markup`), the one the pre-rendered map
//! shows before the app is in (`first_tap`).

use super::Hovered;
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::map;
use wasm_bindgen::JsCast;

/// What the pointer or keyboard focus is on: names, value, rank, change, as-of; Escape closes.
/// Its close button and profile link are answered here, by one listener on the tooltip.
#[component]
pub(super) fn Tooltip(hovered: Hovered) -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if target.closest(".tooltip-close").ok().flatten().is_some() {
            hovered.set(None);
        } else if let Some(slug) = target.closest("a[data-profile]").ok().flatten().and_then(|a| a.get_attribute("data-profile")) {
            crate::nav::link_click(state.route, crate::views::district_route(state, &slug))(ev);
        }
    };
    // A tooltip without a pointer position (a finger's tap, keyboard focus) is placed beside its
    // district once drawn, as the pre-rendered map places its own (`first_tap::pin_beside`).
    let tip: NodeRef<leptos::html::Div> = NodeRef::new();
    Effect::new(move |_| {
        let Some(el) = tip.get() else { return };
        let Some((u, None)) = hovered.get_untracked() else { return };
        let slug = state.dataset.with_untracked(|d| Some(d.as_ref()?.units().get(u)?.slug.clone()));
        let district = slug.and_then(|slug| el.parent_element()?.query_selector(&format!("[data-district=\"{slug}\"]")).ok()?);
        if let Some(district) = district {
            crate::first_tap::pin_beside(&el, &district);
        }
    });
    move || {
        let (u, at) = hovered.get()?;
        let lang = state.lang.get();
        let m = state.measured.get()?;
        let markup = state.with_ctx(lang, |ctx| {
            let t = map::tooltip(ctx, &m, u);
            let href = state.profile_links.with(|l| samiksha_core::route::profile_href(l, &t.slug));
            map::tooltip_markup(ctx, &t, &href)
        })?;
        // At the pointer; else the stylesheet's corner until placed beside the district.
        let (left, top) = at.map(|(x, y)| (format!("{}px", x + 14.0), format!("{}px", y + 14.0))).unzip();
        Some(view! { <div class="map-tooltip" role="status" node_ref=tip style:left=left style:top=top inner_html=markup on:click=on_click></div> })
    }
}
