//! The tooltip: what the pointer or keyboard focus is on (names, value, rank, change, as of),
//! drawn from the core's markup (`present::map::tooltip_markup`), the one the pre-rendered map
//! shows before the app is in (`first_tap`); at the pointer, or beside its district when a tap
//! or focus opened it (`present::map::pin_beside`), placed again when the map moves.

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
    // district once drawn, as the pre-rendered map places its own (`first_tap::pin_beside`), and
    // again when the map moves under it (the window resized, the map zoomed to a division). The
    // element is reused from one district to the next, so this follows the district pinned (a
    // memo: a pointer's moves do not run it). A tooltip the pointer places has its `bottom` set
    // to `auto` below, over whatever the placement left.
    let tip: NodeRef<leptos::html::Div> = NodeRef::new();
    let pinned = Memo::new(move |_| hovered.with(|h| h.and_then(|(u, at)| at.is_none().then_some(u))));
    let resized = RwSignal::new(0u32);
    let on_resize = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || on_resize.remove());
    Effect::new(move |_| {
        resized.track();
        state.route.track();
        let (Some(el), Some(u)) = (tip.get(), pinned.get()) else { return };
        // After the frame that draws the map as it now is (a zoom moves every shape).
        request_animation_frame(move || {
            let Some(figure) = el.parent_element() else { return };
            let slug = state.dataset.with_untracked(|d| Some(d.as_ref()?.units().get(u)?.slug.clone()));
            if let Some(district) = slug.and_then(|slug| crate::first_tap::district_in(&figure, &slug)) {
                crate::first_tap::pin_beside(&el, &district, &figure);
            }
        });
    });
    // The text follows the district shown; the pointer's moves only move the tooltip, so a mouse
    // crossing a shape does not make the tooltip's model and markup again at every move.
    let shown = Memo::new(move |_| hovered.with(|h| h.map(|(u, _)| u)));
    let at = Memo::new(move |_| hovered.with(|h| h.and_then(|(_, at)| at)));
    move || {
        let u = shown.get()?;
        let lang = state.lang.get();
        let m = state.measured.get()?;
        let markup = state.with_ctx(lang, |ctx| {
            let t = map::tooltip(ctx, &m, u);
            let href = state.profile_links.with(|l| samiksha_core::route::profile_href(l, &t.slug));
            map::tooltip_markup(ctx, &t, &href)
        })?;
        // At the pointer; else the stylesheet's corner until placed beside the district.
        let left = move || at.get().map(|(x, _)| format!("{}px", x + 14.0));
        let top = move || at.get().map(|(_, y)| format!("{}px", y + 14.0));
        let bottom = move || at.get().map(|_| "auto");
        Some(
            view! { <div class="map-tooltip" role="status" node_ref=tip style:left=left style:top=top style:bottom=bottom inner_html=markup on:click=on_click></div> },
        )
    }
}
