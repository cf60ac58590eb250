//! Keeps the URL and the shown view in step: the query string is the view state.
//!
//! Explicit choices (a link, a menu, the language switch) add a history entry so Back works;
//! corrections the app makes itself (filling in a default period) replace the entry.

use leptos::prelude::*;
use samiksha_core::route::Route;
use wasm_bindgen::JsValue;

/// How a route change is recorded in the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryEntry {
    Push,
    Replace,
}

/// The query string of the current location.
pub fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Shows `next` and records it in the URL.
pub fn go(route: RwSignal<Route>, next: Route, entry: HistoryEntry) {
    if route.with_untracked(|r| *r == next) {
        return;
    }
    let mut url = next.to_query();
    // A correction keeps the section the address names (`…#composite`); a new choice does not.
    if entry == HistoryEntry::Replace {
        if let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()).filter(|h| h.len() > 1) {
            url.push_str(&hash);
        }
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = match entry {
            HistoryEntry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            HistoryEntry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
    }
    route.set(next);
}

/// Follows the browser's Back and Forward buttons.
pub fn follow_history(route: RwSignal<Route>) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| route.set(Route::parse(&current_query())));
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

/// A click handler for in-app links: plain clicks navigate without a reload; clicks with a
/// modifier key keep the browser's behaviour (open in a new tab).
pub fn link_click(route: RwSignal<Route>, next: Route) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
    move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        go(route, next.clone(), HistoryEntry::Push);
    }
}

/// Opens the methods at a section: one history entry, whose address names the section.
pub fn open_section(state: crate::state::AppState, section: &str) {
    let next = state.route.with_untracked(|r| Route { view: samiksha_core::route::View::Methods, ..r.clone() });
    go(state.route, next.clone(), HistoryEntry::Push);
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{}#{section}", next.to_query())));
    }
    // The view scrolls to the section once its text is in the page.
}
