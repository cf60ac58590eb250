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
///
/// In the shipped build (the `split` feature) everything of the framework is in modules of its
/// own (`app_module`): this first module holds the core, `first_tap`, `first_view` and `io`,
/// so the copy's map answers a tap after 127 of the app's 422 KB (brotli; issue 24). The app's modules are
/// asked for once the copy answers, so they do not share the slow line with the copy's files
/// and the tap finds the page idle. A module that cannot be fetched leaves the copy answering
/// and says so in the boot note (`first_view::say`), until the connection returns.
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
        // A module that could not be fetched is said, and asked for again when the connection
        // returns (a failed load is not kept); a reload asks again too, as the note says.
        // An address naming another view needs the views' module too: asked for beside the
        // app's, not after the app has read the route.
        #[cfg(feature = "split")]
        if samiksha_core::route::Route::parse(&nav::current_query()).view != samiksha_core::route::View::Map {
            wasm_bindgen_futures::spawn_local(async {
                let _ = app::later::fetch_views().await;
            });
        }
        while app_module::mount().await.is_err() {
            first_view::say(first_view::AppModule::NotLoaded);
            io::back_online().await;
            first_view::say(first_view::AppModule::Retrying);
        }
    });
}

/// The app itself: in the shipped build a wasm module of its own (tools/split.mjs), fetched
/// with its hash when `mount` calls it, with a third module holding what it shares with the
/// other views' module (wasm-split-cli puts there what both use: the framework).
mod app_module {
    use crate::app::later::NotLoaded;

    #[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(app, wasm_split_path = ::leptos::wasm_split, fallible))]
    pub(super) fn mount_now() -> Result<(), NotLoaded> {
        if let Some(root) = crate::first_view::root() {
            leptos::mount::mount_to(root, crate::app::App).forget();
        }
        Ok(())
    }

    /// Mounts the app once its module is in.
    pub async fn mount() -> Result<(), NotLoaded> {
        #[cfg(feature = "split")]
        return mount_now().await;
        #[cfg(not(feature = "split"))]
        mount_now()
    }
}
