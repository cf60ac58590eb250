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
    move || {
        let (u, at) = hovered.get()?;
        let lang = state.lang.get();
        let m = state.measured.get()?;
        let markup = state.with_ctx(lang, |ctx| {
            let t = map::tooltip(ctx, &m, u);
            let href = state.profile_links.with(|l| samiksha_core::route::profile_href(l, &t.slug));
            map::tooltip_markup(ctx, &t, &href)
        })?;
        let (left, top) = match at {
            Some((x, y)) => (format!("{}px", x + 14.0), format!("{}px", y + 14.0)),
            None => ("0.5rem".to_string(), "0.5rem".to_string()),
        };
        Some(view! { <div class="map-tooltip" role="status" style:left=left style:top=top inner_html=markup on:click=on_click></div> })
    }
}
