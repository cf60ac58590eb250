//! Starting up: the effects the shell sets going once, each named for what it keeps true.
//! `app::App` calls them in this order; each runs in its own task where it waits for anything.

use crate::nav::{go, HistoryEntry};
use crate::state::{AppState, Load, Network, Offline};
use leptos::prelude::*;
use leptos::task::spawn_local;
use samiksha_core::present::i18n::Msg;

/// Runs `then` once, when the dataset is read and its first view has been shown
/// (`AppState::first_view`): work that would otherwise share a slow line with the files that
/// view waits for. It runs a task after the view is shown: that task lays out the whole view,
/// and one long task holds up a tap longer than two short ones (issue 24).
fn once_shown(state: AppState, then: impl FnOnce() + 'static) {
    let mut then = Some(then);
    Effect::new(move |_| {
        let shown = state.first_view.get() == crate::state::FirstView::Shown;
        if !shown || state.load.get() != Load::Ready {
            return;
        }
        let Some(then) = then.take() else { return };
        spawn_local(async move {
            crate::state::yield_to_browser().await;
            then();
        });
    });
}

/// Once the first view is shown, registers the service worker and asks whether that dataset is
/// saved (saving the app and the whole dataset fetches every file).
pub fn register_worker(state: AppState) {
    once_shown(state, move || {
        spawn_local(async move {
            if crate::io::register_worker(&state.dir()).await {
                state.offline.set(Offline::Saved);
            }
        });
    });
}

/// Once the first view is shown, asks the server (past the service worker) whether a newer
/// dataset was published: the manifest once more, which on a slow line would otherwise share it
/// with the value files the first view waits for.
pub fn check_for_newer(state: AppState) {
    once_shown(state, move || state.check_for_newer());
}

/// Mounts the view one task after the dataset is in place (see `AppState::view_due`).
pub fn mount_view_a_task_later(state: AppState) {
    Effect::new(move |_| {
        if state.load.get() == Load::Ready && !state.view_due.get_untracked() {
            spawn_local(async move {
                crate::state::yield_to_browser().await;
                if !state.view_due.get_untracked() {
                    state.view_due.set(true);
                }
            });
        }
    });
}

/// Once the view has what it first shows, lets it take the pre-rendered copy's place (and marks
/// the page ready); checked a frame after any change that could settle it.
pub fn hand_over_first_view(state: AppState) {
    let announced = StoredValue::new(false);
    Effect::new(move |_| {
        state.track_settled();
        if announced.get_value() {
            return;
        }
        request_animation_frame(move || {
            if !announced.get_value() && state.settled() {
                announced.set_value(true);
                crate::first_view::ready(move || state.first_view.set(crate::state::FirstView::Shown));
            }
        });
    });
}

/// Keeps `<html lang>`, the document title and the page description in step with the view, its
/// choices, the language and the dataset, so a tab, a bookmark or a shared link says what it
/// shows.
pub fn keep_document_in_step(state: AppState) {
    Effect::new(move |_| {
        let lang = state.lang.get();
        let view = state.view.get();
        let sel = state.selection.get();
        let title = state.with_ctx(lang, |ctx| ctx.page_title(view, sel)).unwrap_or_else(|| Msg::AppName.text(lang).to_string());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            doc.set_title(&title);
            // The description follows the dataset shown, not the one the HTML was written for.
            let description = state.with_ctx(lang, samiksha_core::present::about::page_description);
            if let (Some(d), Ok(Some(meta))) = (description, doc.query_selector("meta[name=description]")) {
                let _ = meta.set_attribute("content", &d);
            }
        }
    });
}

/// Once the manifest is read, names in the URL exactly what is shown (the subject and the
/// period), dropping an unknown district outside the district view; this corrects the current
/// entry rather than adding one.
pub fn name_what_is_shown(state: AppState) {
    Effect::new(move |_| {
        let Some(sel) = state.selection.get() else { return };
        let next = state.dataset.with_untracked(|d| {
            let d = d.as_ref()?;
            Some(sel.canonical_route(d, &state.route.get_untracked()))
        });
        if let Some(next) = next {
            go(state.route, next, HistoryEntry::Replace);
        }
    });
}

/// Loads the shown period and the one before it (for "change since the previous period"), and the
/// period an improvement is measured from.
pub fn load_periods_shown(state: AppState) {
    let compare = Memo::new(move |_| state.route.with(|r| r.compare.clone()));
    Effect::new(move |_| {
        state.retry.track();
        let Some(sel) = state.selection.get() else { return };
        let periods = state.dataset.with_untracked(|d| d.as_ref().map(|d| samiksha_core::present::periods_shown(d, sel.period))).unwrap_or_default();
        for p in periods {
            state.ensure_period_showing(p, sel.subject);
        }
        if let Some(p) = compare.get().and_then(|c| state.dataset.with_untracked(|d| d.as_ref().and_then(|d| d.period_index(&c)))) {
            state.ensure_period(p);
        }
    });
}

/// Once the first view is shown, fetches the other files of the periods it showed (the
/// indicators not shown; `AppState::rest_of_period`, which fetches at once from then on).
pub fn load_rest_once_shown(state: AppState) {
    once_shown(state, move || state.load_waiting_rest());
}

/// Follows the browser's network state: back online, whatever failed for lack of a connection
/// is fetched again and the server is asked whether a newer dataset was published.
pub fn follow_connection(state: AppState) {
    let on = window_event_listener(leptos::ev::online, move |_| {
        state.network.set(Network::Online);
        state.try_again();
        if state.load.get_untracked() == Load::Ready {
            state.check_for_newer();
        }
    });
    let off = window_event_listener(leptos::ev::offline, move |_| state.network.set(Network::Offline));
    // The listeners live as long as the page.
    std::mem::forget((on, off));
}
