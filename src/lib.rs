//! The Samiksha browser app: Leptos components over the domain layer in `samiksha-core`.
//!
//! Code map: `state` holds the shared signals; `io` is the only place that touches the network;
//! `nav` keeps the URL and the view in step; `app` lays out the shell; `views/*` render one view
//! each from view models the core builds (no view imports another); `controls/*` are the
//! controls several views carry (the time control, the share bar); `first_view` hands the
//! pre-rendered copy over to the app, and `first_tap` answers a tap on it before then. Components hold view logic only.

pub mod app;
pub mod controls;
pub mod first_tap;
pub mod first_view;
pub mod io;
pub mod nav;
pub mod startup;
pub mod state;
pub mod views;

/// Where the app finds its dataset on a host without a catalogue (`data/catalog.json` names the
/// folders otherwise), relative to the page so `dist/` works from any sub-path. The service
/// worker's default (`tools/offline-hook.mjs`, `DATA_DIR`) is the same folder.
pub const DATASET_DIR: &str = "data/sample/";

/// Mounts the app into `<div id="app">` at the end of `<body>`: beside the pre-rendered first
/// view when the page shows one (see `first_view`), else in place of the boot note.
///
/// It first lets the pre-rendered map answer (`first_tap`: its files read, or three seconds),
/// then the first render runs in a task of its own, so that a tap (or a slow tablet's frame)
/// waits for one of them at most, never for both.
pub fn mount() {
    console_error_panic_hook::set_once();
    // wasm-bindgen's own executor: Leptos's `spawn_local` needs the executor `mount_to` sets up.
    wasm_bindgen_futures::spawn_local(async {
        // The pre-rendered map answers a tap first, from the files alone; the app builds after
        // (beside the copy, hidden), its tasks no longer between the copy and its files. Its
        // view needs the same files, so it is shown no later for it (its shell and reading the
        // catalogue and manifest wait behind them); and it waits three seconds at most: a server
        // slow to send them must not hold back the app, which says so.
        first_tap::start_within(std::time::Duration::from_secs(3)).await;
        state::yield_to_browser().await;
        if let Some(root) = first_view::root() {
            leptos::mount::mount_to(root, app::App).forget();
        }
    });
}
